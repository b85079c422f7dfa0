/**
 * The key of a demo renewal page (the RA contact's or the operator's): from the address's fragment
 * (`#key=…`, printed by `npm start`), removed from the address at once and kept for this tab only
 * (`sessionStorage`), as the console does. Also the one way these pages call the API with it.
 */
import { html, type TemplateResult } from 'lit';

/**
 * The key of `#key=…`, else the one this tab kept under `storageKey`; `''` when there is none.
 *
 * @example
 * const key = pageKey('cec-demo-renewal-key');
 */
export function pageKey(storageKey: string): string {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('key')?.trim() ?? '';
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  if (fromAddress) keepPageKey(storageKey, fromAddress);
  try {
    return fromAddress || sessionStorage.getItem(storageKey) || '';
  } catch {
    return fromAddress;
  }
}

/** Keeps the key for this tab (storage refused in private mode: it works until a reload). */
export function keepPageKey(storageKey: string, key: string): void {
  try {
    sessionStorage.setItem(storageKey, key);
  } catch {
    // nothing to do: the key stays in memory
  }
}

/** A failed call: the status and the contract's error code. */
export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly issues: Array<{ path: string[]; code: string }> = [],
  ) {
    super(code);
  }
}

/**
 * A JSON call to `/api{path}` with `Authorization: Bearer <key>`; fails with `CallError` (`network` when no answer came).
 *
 * @example
 * const request = await callApi<StoredRequest>(key, `/renewal-requests/${number}`);
 */
export async function callApi<T>(key: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch {
    throw new CallError(0, 'network');
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; issues?: Array<{ path: string[]; code: string }> } } | undefined;
  if (!response.ok) throw new CallError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.issues ?? []);
  return body as T;
}

/**
 * The form that asks for a key when the page has none (or it was refused).
 *
 * @example
 * render(keyForm({ label: 'RA担当者キー', rejected: false, onKey: (key) => … }), root);
 */
export function keyForm(options: { heading: string; intro: string; label: string; rejected: boolean; onKey: (key: string) => void }): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const key = new FormData(event.target as HTMLFormElement).get('key');
    if (typeof key === 'string' && key.trim()) options.onKey(key.trim());
  };
  return html`<section aria-labelledby="key-heading">
    <h2 id="key-heading">${options.heading}</h2>
    <p>${options.intro}</p>
    <form @submit=${submit}>
      <label for="page-key">${options.label}</label>
      <input id="page-key" name="key" type="password" autocomplete="off" required aria-invalid=${options.rejected ? 'true' : 'false'} aria-describedby=${options.rejected ? 'key-error' : ''} />
      ${options.rejected ? html`<p id="key-error" role="alert">キーが正しくありません。正しいキーを入力してください。</p>` : ''}
      <button type="submit">設定</button>
    </form>
  </section>`;
}

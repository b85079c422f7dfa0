/**
 * The in-house RA's renewal page of the demo: `<cec-certificate-renewal-form>` against the real server,
 * prefilled from the organisation's expiring certificates, with the RA contact's key from `#key=…`
 * (printed by `npm start`). Below it, a request's state: each row's 証明書ID and 証明書シリアル once the
 * operator has issued it, and the クライアント証明書発行依頼書 to download as XLSX or CSV. Built with Lit
 * templates only (strict CSP with Trusted Types: no innerHTML, no inline script or style).
 */
import { html, nothing, render } from 'lit';
import '../../src/components/certificate-renewal-form/certificate-renewal-form.js';
import type { StoredRenewalRequest } from '../server/renewals.js';
import { callApi, CallError, keepPageKey, keyForm, pageKey } from './page-key.js';

const STORAGE_KEY = 'cec-demo-renewal-key';
const STATES = { requested: '発行待ち', issued: '発行済み' } as const;
const FAILURES: Record<string, string> = {
  renewal_request_not_found: 'この依頼番号の依頼はありません。番号を確かめてください。',
  not_ra_contact: '登録された企業内RAご担当者のキーではありません。',
  network: 'サーバーに接続できませんでした。もう一度お試しください。',
};

const view = {
  key: pageKey(STORAGE_KEY),
  keyRejected: false,
  requestNumber: '',
  request: undefined as StoredRenewalRequest | undefined,
  busy: false,
  failure: '',
};

const root = document.querySelector<HTMLElement>('#renewal')!;
// The static 「読み込んでいます…」 goes: Lit renders into an empty container.
root.replaceChildren();

async function showRequest(requestNumber: string): Promise<void> {
  view.requestNumber = requestNumber.trim();
  if (!view.requestNumber || view.busy) return;
  Object.assign(view, { busy: true, failure: '' });
  update();
  try {
    view.request = await callApi<StoredRenewalRequest>(view.key, `/renewal-requests/${encodeURIComponent(view.requestNumber)}`);
  } catch (error) {
    view.request = undefined;
    view.failure = FAILURES[error instanceof CallError ? error.code : 'network'] ?? `確認できませんでした（${error instanceof CallError ? error.code : String(error)}）。`;
  } finally {
    view.busy = false;
    update();
  }
}

/** Fetches an export with the key (a plain link could not send it) and saves it under the server's name. */
async function download(format: 'xlsx' | 'csv'): Promise<void> {
  const response = await fetch(`/api/renewal-requests/${encodeURIComponent(view.requestNumber)}/export.${format}`, { headers: { Authorization: `Bearer ${view.key}` } }).catch(() => undefined);
  if (!response?.ok) {
    view.failure = 'ダウンロードできませんでした。もう一度お試しください。';
    update();
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `クライアント証明書発行依頼書_${view.requestNumber}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function renderRequest(request: StoredRenewalRequest) {
  return html`<table>
      <caption>依頼番号 ${request.requestNumber}（${request.completedAt ? 'すべて発行済み' : '発行手続き中'}）</caption>
      <thead><tr><th scope="col">No.</th><th scope="col">CN</th><th scope="col">状態</th><th scope="col">証明書ID</th><th scope="col">証明書シリアル</th></tr></thead>
      <tbody>
        ${request.rows.map(
          (row) => html`<tr>
            <td>${row.row}</td><td>${row.commonName}</td><td>${STATES[row.state]}</td><td>${row.issuedCertificateId ?? '—'}</td><td>${row.issuedSerial ?? '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p>
      <button type="button" @click=${() => download('xlsx')}>発行依頼書をダウンロード（Excel）</button>
      <button type="button" @click=${() => download('csv')}>発行依頼書をダウンロード（CSV）</button>
    </p>`;
}

function update(): void {
  if (!view.key || view.keyRejected) {
    render(
      keyForm({
        heading: '企業内RAご担当者のキー',
        intro: 'npm start が表示する「renewal」のURL（#key=… 付き）を開くと、キーは自動で設定されます。ここに貼り付けることもできます。',
        label: 'RAご担当者キー',
        rejected: view.keyRejected,
        onKey: (key) => {
          keepPageKey(STORAGE_KEY, key);
          Object.assign(view, { key, keyRejected: false });
          update();
        },
      }),
      root,
    );
    return;
  }
  const onSubmitted = (event: HTMLElementEventMap['cec-renewal-submitted']) => void showRequest(event.detail.requestNumber);
  const onError = (event: HTMLElementEventMap['cec-renewal-error']) => {
    if (event.detail.code === 'not_ra_contact' || event.detail.code === 'unauthorized') {
      view.keyRejected = true;
      update();
    }
  };
  const onCheck = (event: SubmitEvent) => {
    event.preventDefault();
    void showRequest(String(new FormData(event.target as HTMLFormElement).get('requestNumber') ?? ''));
  };
  render(
    html`<cec-certificate-renewal-form endpoint="/api" autoload .apiKey=${view.key} @cec-renewal-submitted=${onSubmitted} @cec-renewal-error=${onError}></cec-certificate-renewal-form>
      <section class="renewal-status" aria-labelledby="status-heading">
        <h2 id="status-heading">依頼の状況</h2>
        <p>発行が完了すると、証明書IDと証明書シリアルがここに表示されます（通常約5営業日）。</p>
        <form @submit=${onCheck}>
          <label for="request-number">依頼番号</label>
          <input id="request-number" name="requestNumber" .value=${view.requestNumber} autocomplete="off" required />
          <button type="submit" ?disabled=${view.busy}>${view.busy ? '確認しています…' : '状況を確認'}</button>
        </form>
        <div role="status">${view.failure ? html`<p class="failure">${view.failure}</p>` : nothing}</div>
        ${view.request ? renderRequest(view.request) : nothing}
      </section>`,
    root,
  );
}

update();

/**
 * The backend client: speaks the contract of SPEC.md (backend contract) and nothing else. Every failure
 * becomes an `ApiError`; the invitation token never appears in an error message.
 */
import { invitationSchema, receiptSchema } from '../domain/invitation.js';
import type { Invitation, Receipt } from '../domain/invitation.js';
import type { Application } from '../domain/schemas.js';
import { ApiError, apiErrorFromResponse, parseJson } from './errors.js';
import { exchange, parseBody } from './request.js';

/** Default time a request may take, body included, before it fails with `timeout`. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Statuses of an endpoint that has no draft support: drafts are then silently not kept. */
const NO_DRAFT_SUPPORT = [404, 405, 501];

/**
 * How to reach the backend.
 *
 * @example
 * const options: ApplyApiOptions = { endpoint: 'https://portal.example.com/api', timeoutMs: 10_000 };
 */
export interface ApplyApiOptions {
  /** Base URL of the backend, absolute or relative to the page (`/api`); trailing slashes are ignored. */
  endpoint: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Time a request may take, body included, before it fails with `timeout`; 30 000 ms by default. */
  timeoutMs?: number;
}

/** What one exchange with the backend gave: the response and its body, read within the timeout. */
interface Exchange {
  response: Response;
  bodyText: string;
}

/**
 * The client of the application backend.
 *
 * @example
 * const api = new ApplyApi({ endpoint: '/api' });
 * const invitation = await api.getInvitation(token);
 * const receipt = await api.submitApplication(application, file, newIdempotencyKey());
 * receipt.receiptNumber // '2611250001'
 */
export class ApplyApi {
  readonly #endpoint: string;
  readonly #fetch: typeof fetch | undefined;
  readonly #timeoutMs: number;

  constructor(options: ApplyApiOptions) {
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * The invitation behind a token. Fails with `invitation_not_found` (404), `invitation_expired` (410) or
   * `invitation_used` (409), and with `invalid_response` when the body is not an invitation.
   *
   * @example
   * const { inviter, expiresAt } = await api.getInvitation('mock-valid');
   */
  async getInvitation(token: string, options: { signal?: AbortSignal } = {}): Promise<Invitation> {
    const { response, bodyText } = await this.#exchange(this.#invitationPath(token), { method: 'GET' }, options.signal);
    if (!response.ok) throw apiErrorFromResponse(response, bodyText);
    return parseBody(invitationSchema, bodyText, response.status);
  }

  /**
   * Submits the application and its document as `multipart/form-data`. Retrying with the same
   * `idempotencyKey` after a retryable failure never stores the application twice.
   *
   * @example
   * const key = newIdempotencyKey(); // keep it for every retry of this submission
   * const { receiptNumber } = await api.submitApplication(application, file, key, { documentName: file.name });
   */
  async submitApplication(
    application: Application,
    document: Blob,
    idempotencyKey: string,
    options: { signal?: AbortSignal; documentName?: string } = {},
  ): Promise<Receipt> {
    const form = new FormData();
    form.append('application', new Blob([JSON.stringify(application)], { type: 'application/json' }));
    const documentName = options.documentName ?? (document instanceof File && document.name ? document.name : 'document.pdf');
    form.append('document', new Blob([document], { type: 'application/pdf' }), documentName);
    const { response, bodyText } = await this.#exchange(
      '/applications',
      { method: 'POST', body: form, headers: { 'Idempotency-Key': idempotencyKey } },
      options.signal,
    );
    if (!response.ok) throw apiErrorFromResponse(response, bodyText);
    return parseBody(receiptSchema, bodyText, response.status);
  }

  /**
   * Keeps a draft on the backend. True when it was kept, false when the endpoint has no draft support
   * (404, 405, 501); any other failure throws.
   *
   * @example
   * const kept = await api.saveDraft(token, { company: { name: '株式会社山田建設' } });
   */
  async saveDraft(token: string, draft: unknown): Promise<boolean> {
    const { response, bodyText } = await this.#exchange(this.#draftPath(token), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ draft }),
    });
    if (response.ok) return true;
    if (NO_DRAFT_SUPPORT.includes(response.status)) return false;
    throw apiErrorFromResponse(response, bodyText);
  }

  /**
   * The draft kept for a token, or undefined when there is none or the endpoint has no draft support.
   *
   * @example
   * const saved = await api.loadDraft(token);
   * if (saved) restore(saved.draft);
   */
  async loadDraft(token: string): Promise<{ draft: unknown; savedAt: string } | undefined> {
    const { response, bodyText } = await this.#exchange(this.#draftPath(token), { method: 'GET' });
    if (NO_DRAFT_SUPPORT.includes(response.status)) return undefined;
    if (!response.ok) throw apiErrorFromResponse(response, bodyText);
    const body = parseJson(bodyText) as { draft?: unknown; savedAt?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || !('draft' in body) || typeof body.savedAt !== 'string') {
      throw new ApiError('invalid_response', 'The draft response is not in the expected shape', { status: response.status });
    }
    return { draft: body.draft, savedAt: body.savedAt };
  }

  #invitationPath(token: string): string {
    return `/invitations/${encodeURIComponent(token)}`;
  }

  #draftPath(token: string): string {
    return `${this.#invitationPath(token)}/draft`;
  }

  /** One request to `path` with the body read as text within the timeout. */
  async #exchange(path: string, init: RequestInit, signal?: AbortSignal): Promise<Exchange> {
    const { response, body } = await exchange(this.#endpoint + path, init, { fetch: this.#fetch, timeoutMs: this.#timeoutMs, signal }, (answer) =>
      answer.text(),
    );
    return { response, bodyText: body };
  }
}

/**
 * A fresh Idempotency-Key for one submission; reuse it for every retry of that submission.
 *
 * @example
 * const key = newIdempotencyKey(); // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; getRandomValues everywhere (RFC 9562 version 4 layout).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

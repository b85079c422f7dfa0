/**
 * The client of the ordering company's admin API (`{endpoint}/admin/…`, `Authorization: Bearer <key>`).
 * It speaks the admin routes of the contract and nothing else, and fails with the same `ApiError` as the
 * applicant's client (`ApplyApi`), and makes its requests the same way (`exchange` in request.ts).
 */
import { apiErrorFromResponse } from './errors.js';
import { exchange, parseBody } from './request.js';
import {
  invitationListSchema,
  issuedInvitationSchema,
  outboxSchema,
  type CreateInvitationRequest,
  type InvitationSummary,
  type IssuedInvitation,
  type OutboxMail,
} from '../domain/index.js';

/** Default time a request may take, body included, before it fails with `timeout`. */
export const ADMIN_TIMEOUT_MS = 30_000;

/**
 * How to reach the admin API.
 *
 * @example
 * const options: AdminApiOptions = { endpoint: '/api', apiKey: keyFromTheFragment };
 */
export interface AdminApiOptions {
  /** Base URL of the backend (`/api`), as for the wizard; trailing slashes are ignored. */
  endpoint: string;
  /** The ordering company's API key; sent as `Authorization: Bearer <key>`, never in a URL. */
  apiKey: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Time a request may take before it fails with `timeout`; 30 000 ms by default. */
  timeoutMs?: number;
}

/**
 * The ordering company's client.
 *
 * @example
 * const admin = new AdminApi({ endpoint: '/api', apiKey });
 * const issued = await admin.createInvitation({ partner: { companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp' } });
 * issued.url // 'https://portal.example.jp/?token=…'
 */
export class AdminApi {
  readonly #endpoint: string;
  readonly #apiKey: string;
  readonly #fetch: typeof fetch | undefined;
  readonly #timeoutMs: number;

  constructor(options: AdminApiOptions) {
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? ADMIN_TIMEOUT_MS;
  }

  /**
   * Issues an invitation (`201`). Fails with `unauthorized` (401) or `validation_failed` (400, with issues).
   *
   * @example
   * const { id, url, expiresAt } = await admin.createInvitation(request);
   */
  async createInvitation(request: CreateInvitationRequest): Promise<IssuedInvitation> {
    const bodyText = await this.#call('/admin/invitations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return parseBody(issuedInvitationSchema, bodyText);
  }

  /**
   * A new token and a new 35-day window for an unanswered invitation; the old link stops working.
   * Fails with `invitation_not_found` (404) or `invitation_used` (409).
   *
   * @example
   * const again = await admin.resendInvitation(issued.id);
   */
  async resendInvitation(invitationId: string): Promise<IssuedInvitation> {
    const bodyText = await this.#call(`/admin/invitations/${encodeURIComponent(invitationId)}/resend`, { method: 'POST' });
    return parseBody(issuedInvitationSchema, bodyText);
  }

  /**
   * Every invitation of the company, newest first, with its state and application if any.
   *
   * @example
   * const open = (await admin.listInvitations()).filter((row) => row.state === 'open');
   */
  async listInvitations(): Promise<InvitationSummary[]> {
    return parseBody(invitationListSchema, await this.#call('/admin/invitations', { method: 'GET' })).invitations;
  }

  /**
   * The mails the service queued for the company's partners, newest first.
   *
   * @example
   * const [latest] = await admin.listOutbox();
   */
  async listOutbox(): Promise<OutboxMail[]> {
    return parseBody(outboxSchema, await this.#call('/admin/outbox', { method: 'GET' })).mails;
  }

  /**
   * The PDF stored with an application. Fails with `application_not_found` (404).
   *
   * @example
   * const url = URL.createObjectURL(await admin.downloadDocument('2611250001'));
   */
  async downloadDocument(receiptNumber: string): Promise<Blob> {
    const path = `/admin/applications/${encodeURIComponent(receiptNumber)}/document`;
    const { response, body } = await this.#exchange(path, { method: 'GET' }, (answer): Promise<Blob | string> =>
      answer.ok ? answer.blob() : answer.text(),
    );
    if (typeof body === 'string') throw apiErrorFromResponse(response, body);
    return body;
  }

  async #call(path: string, init: RequestInit): Promise<string> {
    const { response, body } = await this.#exchange(path, init, (answer) => answer.text());
    if (!response.ok) throw apiErrorFromResponse(response, body);
    return body;
  }

  /** One request with the key, its body read by `read` within the timeout. */
  #exchange<T>(path: string, init: RequestInit, read: (response: Response) => Promise<T>): Promise<{ response: Response; body: T }> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${this.#apiKey}`);
    return exchange(this.#endpoint + path, { ...init, headers }, { fetch: this.#fetch, timeoutMs: this.#timeoutMs }, read);
  }
}

/**
 * The client of the ordering company's admin API (`{endpoint}/admin/…`, `Authorization: Bearer <key>`).
 * It speaks the admin routes of the contract and nothing else, and fails with the same `ApiError` as the
 * applicant's client (`ApplyApi`), and makes its requests the same way (`exchange` in request.ts).
 */
import { apiErrorFromResponse } from './errors.js';
import { exchange, parseBody } from './request.js';
import {
  exportedApplicationSchema,
  invitationListSchema,
  issuedInvitationSchema,
  outboxMailSchema,
  outboxSchema,
  type CreateInvitationRequest,
  type ExportedApplication,
  type InvitationList,
  type InvitationQuery,
  type IssuedInvitation,
  type Outbox,
  type OutboxMail,
} from '../domain/index.js';

/** `?limit=…&cursor=…` and the like, present values only. */
function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

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
   * One page of the company's invitations, newest first, with state and application if any; searched
   * by partner name or e-mail (`q`) and filtered by `state`. Pass `nextCursor` back as `cursor` for
   * the next page.
   *
   * @example
   * const { invitations, nextCursor } = await admin.listInvitations({ state: 'open', limit: 50 });
   */
  async listInvitations(query: InvitationQuery = {}): Promise<InvitationList> {
    const { limit, cursor, q, state } = query;
    return parseBody(invitationListSchema, await this.#call(`/admin/invitations${queryString({ limit, cursor, q, state })}`, { method: 'GET' }));
  }

  /**
   * One page of the mails the service queued for the company's partners, newest first, without bodies.
   *
   * @example
   * const { mails: [latest] } = await admin.listOutbox();
   */
  async listOutbox(query: { limit?: number; cursor?: string } = {}): Promise<Outbox> {
    return parseBody(outboxSchema, await this.#call(`/admin/outbox${queryString(query)}`, { method: 'GET' }));
  }

  /**
   * One mail with its text. Fails with `not_found` (404).
   *
   * @example
   * (await admin.readMail(latest.id)).body
   */
  async readMail(id: number): Promise<OutboxMail> {
    return parseBody(outboxMailSchema, await this.#call(`/admin/outbox/${encodeURIComponent(String(id))}`, { method: 'GET' }));
  }

  /**
   * Marks an application exported (taken into the company's own records): the retention purge then
   * deletes it and its document. Fails with `application_not_found` (404).
   *
   * @example
   * await admin.markExported('2611250001');
   */
  async markExported(receiptNumber: string): Promise<ExportedApplication> {
    const path = `/admin/applications/${encodeURIComponent(receiptNumber)}/exported`;
    return parseBody(exportedApplicationSchema, await this.#call(path, { method: 'POST' }));
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

/**
 * MSW handlers for the ordering company's admin API (`{endpoint}/admin/…`), kept in memory and true to
 * the reference server's contract: `Authorization: Bearer <key>`, invitations valid until the end of
 * their 35th day in Japan time, keyset pagination (`limit`, `cursor`, `nextCursor`, newest first),
 * search (`q`) and `state`, the outbox listed without bodies and read one mail at a time, 再送 and
 * "exported". For stories, component tests and pages without the real server.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import {
  createInvitationRequestSchema,
  INVITATION_STATES,
  type InvitationState,
  type InvitationSummary,
  type IssuedInvitation,
  type OutboxMail,
} from '../domain/admin.js';
import { INVITATION_VALID_DAYS } from '../domain/invitation.js';
import { validateSection } from '../domain/validation.js';

const TOKYO_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

interface StoredInvitation extends Omit<InvitationSummary, 'state'> {
  usedAt?: string;
  exportedAt?: string;
}

export interface AdminMockOptions {
  /** Base of the API, as the client's `endpoint`. Default `/api`. */
  endpoint?: string;
  /** The key the mock accepts. Default `mock-admin-key`. */
  apiKey?: string;
  /** Origin of invitation links. Default `https://portal.example.jp`. */
  portal?: string;
  /** The current instant; a story or test may fix it. */
  now?: () => Date;
}

const errorBody = (status: number, code: string, issues?: Array<{ path: string[]; message: string; code: string }>) =>
  HttpResponse.json({ error: { code, message: code, ...(issues ? { issues } : {}) } }, { status });

const encodeCursor = (key: Array<string | number>) => btoa(JSON.stringify(key));
function decodeCursor(cursor: string): Array<string | number> | undefined {
  try {
    const key: unknown = JSON.parse(atob(cursor));
    return Array.isArray(key) ? (key as Array<string | number>) : undefined;
  } catch {
    return undefined;
  }
}

/** The end of the 35th day after `now`, Japan time (as the reference server computes it). */
function invitationExpiry(now: Date): string {
  const tokyoMidnight = Math.floor((now.getTime() + TOKYO_OFFSET_MS) / DAY_MS) * DAY_MS - TOKYO_OFFSET_MS;
  return new Date(tokyoMidnight + (INVITATION_VALID_DAYS + 1) * DAY_MS - 1).toISOString();
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The admin mock backend: `handlers` for `setupWorker`/`setupServer`, and what it holds.
 *
 * @example
 * const admin = new AdminMockBackend({ apiKey: 'k' });
 * worker.use(...admin.handlers);
 */
export class AdminMockBackend {
  readonly invitations: StoredInvitation[] = [];
  readonly mails: OutboxMail[] = [];
  readonly handlers: HttpHandler[];
  readonly #options: Required<AdminMockOptions>;

  constructor(options: AdminMockOptions = {}) {
    this.#options = {
      endpoint: options.endpoint ?? '/api',
      apiKey: options.apiKey ?? 'mock-admin-key',
      portal: options.portal ?? 'https://portal.example.jp',
      now: options.now ?? (() => new Date()),
    };
    this.handlers = this.#routes();
  }

  /** Where an invitation stands now. */
  state(invitation: StoredInvitation): InvitationState {
    if (invitation.usedAt) return 'used';
    return this.#options.now().getTime() >= Date.parse(invitation.expiresAt) ? 'expired' : 'open';
  }

  /** Marks an invitation answered with `receiptNumber` (stories show used rows with it). */
  answer(invitationId: string, receiptNumber: string): void {
    const invitation = this.invitations.find((row) => row.id === invitationId);
    if (!invitation) return;
    invitation.usedAt = this.#options.now().toISOString();
    invitation.application = { receiptNumber, acceptedAt: invitation.usedAt, companyName: invitation.partner.companyName };
  }

  #issue(invitation: StoredInvitation): IssuedInvitation {
    const token = randomToken();
    const url = `${this.#options.portal}/?token=${token}`;
    const now = this.#options.now();
    invitation.expiresAt = invitationExpiry(now);
    this.mails.push({
      id: this.mails.length + 1,
      to: invitation.partner.email,
      subject: '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ',
      body: `${invitation.partner.companyName}\n${invitation.partner.contactName} 様\n\nCECTRUST-Light サービス オンライン利用申請 URL：\n${url}\n`,
      createdAt: now.toISOString(),
      attempts: 0,
    });
    return { id: invitation.id, token, url, expiresAt: invitation.expiresAt, state: 'open', partner: invitation.partner };
  }

  #routes(): HttpHandler[] {
    const base = `${this.#options.endpoint.replace(/\/+$/, '')}/admin`;
    const authorised = (request: Request) => request.headers.get('Authorization') === `Bearer ${this.#options.apiKey}`;
    const unauthorised = () => errorBody(401, 'unauthorized');
    const pageSize = (url: URL) => {
      const value = url.searchParams.get('limit');
      if (value === null || value === '') return 50;
      return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100 ? Number(value) : undefined;
    };
    const invalid = (name: string) => errorBody(400, 'validation_failed', [{ path: [name], message: 'invalid', code: 'invalid' }]);

    return [
      http.post(`${base}/invitations`, async ({ request }) => {
        if (!authorised(request)) return unauthorised();
        const result = validateSection(createInvitationRequestSchema, await request.json().catch(() => undefined));
        if (!result.ok) return errorBody(400, 'validation_failed', result.issues.map((issue) => ({ path: issue.path, message: issue.code, code: issue.code })));
        const invitation: StoredInvitation = { id: crypto.randomUUID(), ...result.value, createdAt: this.#options.now().toISOString(), expiresAt: '' };
        this.invitations.push(invitation);
        return HttpResponse.json(this.#issue(invitation), { status: 201 });
      }),
      http.post(`${base}/invitations/:id/resend`, ({ request, params }) => {
        if (!authorised(request)) return unauthorised();
        const invitation = this.invitations.find((row) => row.id === params.id);
        if (!invitation) return errorBody(404, 'invitation_not_found');
        if (invitation.usedAt) return errorBody(409, 'invitation_used');
        return HttpResponse.json(this.#issue(invitation));
      }),
      http.get(`${base}/invitations`, ({ request }) => {
        if (!authorised(request)) return unauthorised();
        const url = new URL(request.url);
        const limit = pageSize(url);
        if (limit === undefined) return invalid('limit');
        const state = url.searchParams.get('state') || undefined;
        if (state && !(INVITATION_STATES as readonly string[]).includes(state)) return invalid('state');
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? decodeCursor(cursor) : undefined;
        if (cursor && !after) return invalid('cursor');
        const q = url.searchParams.get('q')?.trim().toLowerCase() ?? '';
        const rows = this.invitations
          .map((row) => ({ ...row, state: this.state(row) }))
          .filter((row) => !state || row.state === state)
          .filter((row) => !q || [row.partner.companyName, row.partner.contactName, row.partner.email].some((text) => text.toLowerCase().includes(q)))
          .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
          .filter((row) => !after || row.createdAt < String(after[0]) || (row.createdAt === after[0] && row.id < String(after[1])));
        const page = rows.slice(0, limit).map(({ usedAt: _usedAt, exportedAt: _exportedAt, ...row }) => row);
        const last = page.at(-1);
        return HttpResponse.json({ invitations: page, ...(rows.length > limit && last ? { nextCursor: encodeCursor([last.createdAt, last.id]) } : {}) });
      }),
      http.post(`${base}/applications/:receiptNumber/exported`, ({ request, params }) => {
        if (!authorised(request)) return unauthorised();
        const invitation = this.invitations.find((row) => row.application?.receiptNumber === params.receiptNumber);
        if (!invitation) return errorBody(404, 'application_not_found');
        invitation.exportedAt ??= this.#options.now().toISOString();
        return HttpResponse.json({ receiptNumber: params.receiptNumber, exportedAt: invitation.exportedAt });
      }),
      http.get(`${base}/outbox`, ({ request }) => {
        if (!authorised(request)) return unauthorised();
        const url = new URL(request.url);
        const limit = pageSize(url);
        if (limit === undefined) return invalid('limit');
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? decodeCursor(cursor) : undefined;
        if (cursor && !after) return invalid('cursor');
        const rows = [...this.mails].reverse().filter((mail) => !after || mail.id < Number(after[0]));
        const page = rows.slice(0, limit).map(({ body: _body, ...mail }) => mail);
        const last = page.at(-1);
        return HttpResponse.json({ mails: page, ...(rows.length > limit && last ? { nextCursor: encodeCursor([last.id]) } : {}) });
      }),
      http.get(`${base}/outbox/:id`, ({ request, params }) => {
        if (!authorised(request)) return unauthorised();
        const mail = this.mails.find((row) => row.id === Number(params.id));
        return mail ? HttpResponse.json(mail) : errorBody(404, 'not_found');
      }),
    ];
  }
}

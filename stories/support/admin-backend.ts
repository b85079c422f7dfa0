/**
 * The ordering company's admin routes (`POST {endpoint}/admin/invitations`, `…/{id}/resend`) for the
 * `cec-invitation-form` stories. `MockBackend` (src/mocks) answers the applicant's half of the contract
 * only; until it answers these routes too, this is their mock, validating with the very schema the
 * reference server uses.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { createInvitationRequestSchema, INVITATION_VALID_DAYS, validateSection } from '../../src/domain/index.js';
import type { CreateInvitationRequest, IssuedInvitation } from '../../src/domain/index.js';

/** The API key the stories give the form; any other key is answered `401 unauthorized`. */
export const STORY_API_KEY = 'storybook-demo-key';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A failure for the next admin call: an error status, or a delay before normal handling. */
export type AdminFault = { status: number; code?: string } | { delayMs: number };

function errorResponse(status: number, code: string, message: string, issues?: unknown[]): Response {
  return HttpResponse.json({ error: issues ? { code, message, issues } : { code, message } }, { status });
}

/**
 * An in-memory admin API: issues invitations with links to the portal, resends them with new links.
 *
 * @example
 * const admin = new MockAdminBackend();
 * admin.failNext({ status: 500 }); // the next call fails once
 */
export class MockAdminBackend {
  readonly handlers: HttpHandler[];
  #faults: AdminFault[] = [];
  #sequence = 0;
  readonly #partners = new Map<string, CreateInvitationRequest['partner']>();

  constructor(endpoint = '/api') {
    this.handlers = [
      http.post(`${endpoint}/admin/invitations`, async ({ request }) => {
        const refusal = await this.#refusal(request);
        if (refusal) return refusal;
        const result = validateSection(createInvitationRequestSchema, await request.json().catch(() => undefined));
        if (!result.ok) {
          const issues = result.issues.map(({ path, code }) => ({ path, message: code, code }));
          return errorResponse(400, 'validation_failed', 'The invitation is not valid', issues);
        }
        const id = `inv-${String(++this.#sequence).padStart(4, '0')}`;
        this.#partners.set(id, result.value.partner);
        return HttpResponse.json(this.#issue(id), { status: 201 });
      }),
      http.post(`${endpoint}/admin/invitations/:id/resend`, async ({ request, params }) => {
        const refusal = await this.#refusal(request);
        if (refusal) return refusal;
        const id = String(params.id);
        if (!this.#partners.has(id)) return errorResponse(404, 'invitation_not_found', 'No such invitation');
        return HttpResponse.json(this.#issue(id));
      }),
    ];
  }

  /** Queues faults: each admin call consumes one. */
  failNext(...faults: AdminFault[]): void {
    this.#faults.push(...faults);
  }

  /** Nothing issued, no faults queued. */
  reset(): void {
    this.#faults = [];
    this.#sequence = 0;
    this.#partners.clear();
  }

  /** The injected fault or the missing key, answered as the reference server would; else nothing. */
  async #refusal(request: Request): Promise<Response | undefined> {
    const fault = this.#faults.shift();
    if (fault && 'delayMs' in fault) await delay(fault.delayMs);
    else if (fault) return errorResponse(fault.status, fault.code ?? (fault.status >= 500 ? 'internal_error' : `http_${fault.status}`), 'Injected fault');
    if (request.headers.get('Authorization') !== `Bearer ${STORY_API_KEY}`) {
      return errorResponse(401, 'unauthorized', 'A valid API key is required.');
    }
    return undefined;
  }

  /** A fresh token and link, valid for 35 days from now. */
  #issue(id: string): IssuedInvitation {
    const token = `story-${id}-${crypto.randomUUID().slice(0, 8)}`;
    return {
      id,
      token,
      url: `https://portal.example.jp/apply?token=${token}`,
      expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS).toISOString(),
      state: 'open',
      partner: this.#partners.get(id)!,
    };
  }
}

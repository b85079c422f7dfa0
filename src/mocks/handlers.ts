/**
 * MSW handlers for the whole backend contract (SPEC.md), kept in memory: the one mock reused by tests,
 * Storybook and the demo. It validates with the very schemas and document check the wizard uses.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { DEFAULT_MAX_DOCUMENT_BYTES, documentProblem } from '../domain/document.js';
import type { DocumentProblem } from '../domain/document.js';
import { INVITATION_VALID_DAYS } from '../domain/invitation.js';
import type { Invitation, Receipt } from '../domain/invitation.js';
import { applicationSchema } from '../domain/schemas.js';
import { validateSection } from '../domain/validation.js';
import { validApplication } from './fixtures.js';
import { MOCK_TOKENS } from './tokens.js';

export { MOCK_TOKENS } from './tokens.js';
export type { MockToken } from './tokens.js';

/**
 * An application the mock backend accepted and stored.
 *
 * @example
 * const [stored] = backend.received;
 * expect(stored.application).to.deep.equal(validApplication());
 */
export interface ReceivedApplication {
  /** The `application` part, parsed from JSON exactly as sent. */
  application: unknown;
  /** The `document` part. */
  document: File;
  documentBytes: Uint8Array;
  idempotencyKey: string | null;
}

/** An issue of a `400 validation_failed` body, as the contract sends it. */
export interface MockIssue {
  path: string[];
  message: string;
  code?: string;
}

/**
 * A failure to inject into the next `POST /applications`: an error response, a network error (no
 * response at all), or a delay after which the request is handled normally.
 *
 * @example
 * backend.failNext({ status: 503, retryAfterSeconds: 30 }, { network: true }, { delayMs: 2000 });
 */
export type InjectedFault =
  | { status: number; code?: string; retryAfterSeconds?: number; issues?: MockIssue[] }
  | { network: true }
  | { delayMs: number };

/**
 * How the mock backend behaves.
 *
 * @example
 * new MockBackend({ endpoint: '/api', latencyMs: 400, now: () => new Date('2026-11-25T10:00:00+09:00') });
 */
export interface MockBackendOptions {
  /** Base URL the handlers answer under, absolute or relative; `/api` by default. */
  endpoint?: string;
  /** Delay before every answer, to show loading states; none by default. */
  latencyMs?: number;
  /** The clock: receipt numbers, `acceptedAt`, `expiresAt` and `savedAt` follow it. */
  now?: () => Date;
  /** Largest document accepted; 10 MB by default, as the wizard's default. */
  maxDocumentBytes?: number;
}

/** What an accepted submission is remembered by, for idempotent replay. */
interface StoredSubmission {
  receipt: Receipt;
  applicationText: string;
  documentBytes: Uint8Array;
}

type InvitationState = 'open' | 'expired' | 'used' | 'unknown';

const OPEN_TOKENS: readonly string[] = [
  MOCK_TOKENS.valid,
  MOCK_TOKENS.prefilled,
  MOCK_TOKENS.branded,
  MOCK_TOKENS.corporationOnly,
];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Receipt numbers carry the date in Japan time, whatever the machine's time zone. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The code an injected fault answers with when it names none. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_failed',
  404: 'invitation_not_found',
  409: 'invitation_used',
  410: 'invitation_expired',
  413: 'document_too_large',
  415: 'document_not_pdf',
  500: 'internal_error',
  503: 'service_unavailable',
};

/** Where a refused document is answered, and with what. */
const DOCUMENT_REFUSALS: Record<DocumentProblem, { status: number; code: string; message: string }> = {
  documentRequired: { status: 400, code: 'validation_failed', message: 'The document is missing' },
  documentEmpty: { status: 400, code: 'validation_failed', message: 'The document is empty' },
  documentTooLarge: { status: 413, code: 'document_too_large', message: 'The document is too large' },
  documentNotPdf: { status: 415, code: 'document_not_pdf', message: 'The document is not a PDF' },
  documentIncomplete: { status: 415, code: 'document_incomplete', message: 'The document is incomplete (no trailer)' },
  documentEncrypted: { status: 415, code: 'document_encrypted', message: 'The document needs a password to open' },
};

/** An error response in the contract's shape. */
function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: { issues?: MockIssue[]; retryAfterSeconds?: number } = {},
): Response {
  const headers: Record<string, string> = {};
  if (extra.retryAfterSeconds !== undefined) headers['Retry-After'] = String(extra.retryAfterSeconds);
  const error = extra.issues ? { code, message, issues: extra.issues } : { code, message };
  return HttpResponse.json({ error }, { status, headers });
}

function validationFailed(issues: MockIssue[]): Response {
  return errorResponse(400, 'validation_failed', 'The application is not valid', { issues });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * An in-memory backend speaking the contract of SPEC.md, with faults to inject and a record of what it
 * received. One instance per test file (call `reset()` between tests) or per story.
 *
 * @example
 * const backend = new MockBackend();
 * const worker = setupWorker(...backend.handlers);
 * backend.failNext({ status: 500 });   // the next submission fails once…
 * // …the wizard retries with the same Idempotency-Key, and:
 * backend.received.length // 1
 */
export class MockBackend {
  /** The request handlers: `setupWorker(...backend.handlers)`, or `parameters.msw.handlers` in a story. */
  readonly handlers: HttpHandler[];
  /** Every accepted (stored) application, in order; a replay adds nothing. */
  readonly received: ReceivedApplication[] = [];
  /** The `Idempotency-Key` of every `POST /applications` that reached the handler, faults included. */
  readonly attemptKeys: Array<string | null> = [];

  readonly #latencyMs: number;
  readonly #now: () => Date;
  readonly #maxDocumentBytes: number;
  #attempts = 0;
  #sequence = 0;
  #faults: InjectedFault[] = [];
  readonly #usedTokens = new Set<string>();
  readonly #submissionsByKey = new Map<string, StoredSubmission>();
  readonly #drafts = new Map<string, { draft: unknown; savedAt: string }>();

  constructor(options: MockBackendOptions = {}) {
    const endpoint = (options.endpoint ?? '/api').replace(/\/+$/, '');
    this.#latencyMs = options.latencyMs ?? 0;
    this.#now = options.now ?? (() => new Date());
    this.#maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    this.reset();
    this.handlers = [
      http.get(`${endpoint}/invitations/:token`, async ({ params }) => {
        await this.#latency();
        const token = String(params.token);
        return this.#invitationRefusal(token) ?? HttpResponse.json(this.#invitation(token));
      }),
      http.post(`${endpoint}/applications`, async ({ request }) => {
        this.#attempts++;
        this.attemptKeys.push(request.headers.get('Idempotency-Key'));
        const fault = this.#faults.shift();
        await this.#latency();
        if (fault && 'network' in fault) return HttpResponse.error();
        if (fault && 'delayMs' in fault) await delay(fault.delayMs);
        else if (fault) {
          const code = fault.code ?? CODE_BY_STATUS[fault.status] ?? `http_${fault.status}`;
          return errorResponse(fault.status, code, 'Injected fault', fault);
        }
        return this.#submit(request);
      }),
      http.put(`${endpoint}/invitations/:token/draft`, async ({ params, request }) => {
        await this.#latency();
        const token = String(params.token);
        const refusal = this.#invitationRefusal(token);
        if (refusal) return refusal;
        const body = parseJsonText(await request.text());
        if (!body.ok || typeof body.value !== 'object' || body.value === null || !('draft' in body.value)) {
          return validationFailed([{ path: ['draft'], message: 'required', code: 'required' }]);
        }
        const saved = { draft: body.value.draft, savedAt: this.#now().toISOString() };
        this.#drafts.set(token, saved);
        return HttpResponse.json({ savedAt: saved.savedAt });
      }),
      http.get(`${endpoint}/invitations/:token/draft`, async ({ params }) => {
        await this.#latency();
        const token = String(params.token);
        const refusal = this.#invitationRefusal(token);
        if (refusal) return refusal;
        const saved = this.#drafts.get(token);
        return saved ? HttpResponse.json(saved) : errorResponse(404, 'draft_not_found', 'No draft is saved');
      }),
    ];
  }

  /** Every `POST /applications` that reached the handler, injected faults and replays included. */
  get attempts(): number {
    return this.#attempts;
  }

  /**
   * Queues faults: each `POST /applications` consumes one before normal handling.
   *
   * @example
   * backend.failNext({ status: 500 }, { network: true }); // the third attempt succeeds
   */
  failNext(...faults: InjectedFault[]): void {
    this.#faults.push(...faults);
  }

  /**
   * Back to the initial state: nothing received, no faults queued, no drafts, only `mock-used` used.
   *
   * @example
   * beforeEach(() => backend.reset());
   */
  reset(): void {
    this.received.length = 0;
    this.attemptKeys.length = 0;
    this.#attempts = 0;
    this.#sequence = 0;
    this.#faults = [];
    this.#usedTokens.clear();
    this.#usedTokens.add(MOCK_TOKENS.used);
    this.#submissionsByKey.clear();
    this.#drafts.clear();
  }

  async #latency(): Promise<void> {
    if (this.#latencyMs > 0) await delay(this.#latencyMs);
  }

  #invitationState(token: string): InvitationState {
    if (this.#usedTokens.has(token)) return 'used';
    if (token === MOCK_TOKENS.expired) return 'expired';
    return OPEN_TOKENS.includes(token) ? 'open' : 'unknown';
  }

  /** The error response for a token that cannot be used, or undefined for an open invitation. */
  #invitationRefusal(token: string): Response | undefined {
    switch (this.#invitationState(token)) {
      case 'open':
        return undefined;
      case 'used':
        return errorResponse(409, 'invitation_used', 'The invitation has already been used');
      case 'expired':
        return errorResponse(410, 'invitation_expired', 'The invitation has expired');
      case 'unknown':
        return errorResponse(404, 'invitation_not_found', 'No such invitation');
    }
  }

  #invitation(token: string): Invitation {
    // Issued yesterday: valid for the rest of its 35 days.
    const expiresAt = new Date(this.#now().getTime() + (INVITATION_VALID_DAYS - 1) * DAY_MS).toISOString();
    const invitation: Invitation = {
      token,
      inviter: { name: '発注建設株式会社' },
      recipient: { companyName: '株式会社山田建設', name: '山田 花子', email: 'hanako@example.co.jp' },
      expiresAt,
    };
    if (token === MOCK_TOKENS.prefilled) {
      invitation.prefill = { company: { ...validApplication(token).company } };
    }
    if (token === MOCK_TOKENS.branded) {
      invitation.inviter = { name: '大手ゼネコン株式会社' };
      invitation.branding = {
        displayName: '大手ゼネコン株式会社',
        logoUrl: 'https://example.com/logo.svg',
        primaryColor: '#0b6e4f',
      };
    }
    if (token === MOCK_TOKENS.corporationOnly) invitation.allowedKinds = ['corporation'];
    return invitation;
  }

  /** `YYMMDD` (Japan time) and a four-digit sequence, e.g. `2611250001`. */
  #nextReceiptNumber(): string {
    const japanTime = new Date(this.#now().getTime() + JST_OFFSET_MS).toISOString(); // 2026-11-25T…
    const date = japanTime.slice(2, 4) + japanTime.slice(5, 7) + japanTime.slice(8, 10);
    this.#sequence++;
    return date + String(this.#sequence).padStart(4, '0');
  }

  async #submit(request: Request): Promise<Response> {
    const idempotencyKey = request.headers.get('Idempotency-Key');
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return validationFailed([{ path: ['application'], message: 'required', code: 'required' }]);
    }
    const applicationPart = form.get('application');
    const documentPart = form.get('document');
    const applicationText =
      applicationPart === null ? '' : typeof applicationPart === 'string' ? applicationPart : await applicationPart.text();
    const parsed = parseJsonText(applicationText);
    if (!parsed.ok) {
      const code = applicationPart === null ? 'required' : 'invalid';
      return validationFailed([{ path: ['application'], message: code, code }]);
    }
    const application = parsed.value;
    const document = documentPart instanceof File ? documentPart : undefined;
    const documentBytes = document ? new Uint8Array(await document.arrayBuffer()) : undefined;

    // A replay is answered before anything else: the token is used by then, by this very submission.
    const previous = idempotencyKey === null ? undefined : this.#submissionsByKey.get(idempotencyKey);
    if (previous) {
      const same =
        previous.applicationText === applicationText &&
        documentBytes !== undefined &&
        sameBytes(previous.documentBytes, documentBytes);
      if (!same) {
        return errorResponse(409, 'idempotency_conflict', 'The Idempotency-Key was used for a different request');
      }
      return HttpResponse.json(previous.receipt, { status: 201 });
    }

    const token = (application as { token?: unknown } | null)?.token;
    if (typeof token === 'string') {
      const refusal = this.#invitationRefusal(token);
      if (refusal) return refusal;
    }
    const validation = validateSection(applicationSchema, application);
    if (!validation.ok) {
      return validationFailed(validation.issues.map(({ path, code }) => ({ path, message: code, code })));
    }
    const problem = await documentProblem(documentBytes, this.#maxDocumentBytes);
    if (problem) {
      const { status, code, message } = DOCUMENT_REFUSALS[problem];
      const issues = status === 400 ? [{ path: ['document'], message: problem, code: problem }] : undefined;
      return errorResponse(status, code, message, issues ? { issues } : {});
    }
    // documentProblem refuses a missing document, so both are here.
    if (!document || !documentBytes) return validationFailed([]);

    const receipt: Receipt = { receiptNumber: this.#nextReceiptNumber(), acceptedAt: this.#now().toISOString() };
    this.received.push({ application, document, documentBytes, idempotencyKey });
    this.#usedTokens.add(validation.value.token);
    this.#drafts.delete(validation.value.token);
    if (idempotencyKey !== null) {
      this.#submissionsByKey.set(idempotencyKey, { receipt, applicationText, documentBytes });
    }
    return HttpResponse.json(receipt, { status: 201 });
  }
}

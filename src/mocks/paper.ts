/**
 * MSW handler of `POST {endpoint}/paper-applications` (the contract is in `src/api/paper.ts`), in memory,
 * validating with the very function the element uses (`validatePaperApplication`, "today" from the
 * mock's clock in Japan time). Reused by the element tests, the stories and the print test's page.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { tokyoToday } from '../domain/dates.js';
import { validatePaperApplication, type PaperApplication, type PaperReceipt } from '../domain/paper-application.js';

/** A failure for the next call: an error status (with its code), a network error, or a delay. */
export type PaperFault = { status: number; code?: string } | { network: true } | { delayMs: number };

/**
 * How the mock behaves.
 *
 * @example
 * new MockPaperBackend({ now: () => new Date('2027-04-01T10:00:00+09:00') });
 */
export interface MockPaperBackendOptions {
  /** Base URL the handler answers under; `/api` by default. */
  endpoint?: string;
  /** The clock: "today" (Japan time) for the date rules and the reference numbers. */
  now?: () => Date;
}

/**
 * An in-memory paper-application backend: valid applications get `P` + YYMMDD (Japan time) + a 4-digit
 * sequence; a retry with the same `Idempotency-Key` gets the same answer and stores nothing new.
 *
 * @example
 * const backend = new MockPaperBackend();
 * const worker = setupWorker(...backend.handlers);
 * backend.received // every stored application, as sent
 */
export class MockPaperBackend {
  readonly handlers: HttpHandler[];
  /** Every stored application, as sent. */
  readonly received: PaperApplication[] = [];
  readonly #options: MockPaperBackendOptions;
  readonly #answers = new Map<string, PaperReceipt>();
  #faults: PaperFault[] = [];
  #sequence = 0;

  constructor(options: MockPaperBackendOptions = {}) {
    this.#options = options;
    const endpoint = (options.endpoint ?? '/api').replace(/\/+$/, '');
    this.handlers = [
      http.post(`${endpoint}/paper-applications`, async ({ request }) => {
        const fault = this.#faults.shift();
        if (fault && 'network' in fault) return HttpResponse.error();
        if (fault && 'delayMs' in fault) await delay(fault.delayMs);
        else if (fault) return errorResponse(fault.status, fault.code ?? `http_${fault.status}`, 'Injected fault');
        const key = request.headers.get('Idempotency-Key') ?? '';
        const known = this.#answers.get(key);
        if (known) return HttpResponse.json(known, { status: 201 });
        const now = (this.#options.now ?? (() => new Date()))();
        const body: unknown = await request.json().catch(() => undefined);
        const result = validatePaperApplication(body, tokyoToday(now));
        if (!result.ok) {
          const issues = result.issues.map(({ path, code }) => ({ path, message: code, code }));
          return errorResponse(400, 'validation_failed', 'The paper application is not valid', issues);
        }
        this.received.push(body as PaperApplication);
        const receipt = {
          referenceNumber: `P${tokyoToday(now).replace(/-/g, '').slice(2)}${String(++this.#sequence).padStart(4, '0')}`,
          acceptedAt: now.toISOString(),
        };
        if (key) this.#answers.set(key, receipt);
        return HttpResponse.json(receipt, { status: 201 });
      }),
    ];
  }

  /** Fails the next calls, one fault each, in order. */
  failNext(...faults: PaperFault[]): void {
    this.#faults.push(...faults);
  }

  /** Back to nothing received and no faults armed. */
  reset(): void {
    this.received.length = 0;
    this.#answers.clear();
    this.#faults = [];
    this.#sequence = 0;
  }
}

function errorResponse(status: number, code: string, message: string, issues?: unknown[]): Response {
  return HttpResponse.json({ error: issues ? { code, message, issues } : { code, message } }, { status });
}

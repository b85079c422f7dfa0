/**
 * MSW handlers for the certificate-renewal routes (`GET {endpoint}/expiring-certificates?withinDays=…`,
 * `POST {endpoint}/renewal-requests`), in memory, validating with the very function the form and the
 * reference server use (`validateRenewalRequest`), "today" taken from the mock's clock in Japan time.
 * Reused by the element tests and the stories.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { addDays, daysBetween, tokyoToday } from '../domain/dates.js';
import { EXPIRY_NOTICE_DAYS, validateRenewalRequest, type ExpiringCertificate, type RenewalRequest } from '../domain/renewal.js';

/** A failure for the next renewal call: an error status (with its code), a network error, or a delay. */
export type RenewalFault = { status: number; code?: string } | { network: true } | { delayMs: number };

/**
 * How the mock behaves.
 *
 * @example
 * new MockRenewalBackend({ now: () => new Date('2027-04-01T10:00:00+09:00'), raContactKey: 'ra-key' });
 */
export interface MockRenewalBackendOptions {
  /** Base URL the handlers answer under; `/api` by default. */
  endpoint?: string;
  /** The clock: "today" (Japan time) for the rules and the request numbers. */
  now?: () => Date;
  /** The organisation's certificates; by default five that expire 20–100 days from today. */
  certificates?: ExpiringCertificate[];
  /** When set, only `Authorization: Bearer <key>` is the RA contact; anyone else gets `403 not_ra_contact`. */
  raContactKey?: string;
  /** The 事業者コード format the backend enforces; the domain default when absent. */
  operatorCodePattern?: RegExp;
  /** Delay before every answer; none by default. */
  latencyMs?: number;
}

/** Certificates expiring `days` from `today`: gw01…, ids 100001…. */
function sampleCertificates(today: string): ExpiringCertificate[] {
  return [20, 35, 52, 60, 100].map((days, index) => ({
    commonName: `gw0${index + 1}.gas.example.co.jp`,
    certificateId: String(100001 + index),
    expiresOn: addDays(today, days),
  }));
}

function errorResponse(status: number, code: string, message: string, issues?: unknown[]): Response {
  return HttpResponse.json({ error: issues ? { code, message, issues } : { code, message } }, { status });
}

/**
 * An in-memory renewal backend: lists the certificates expiring within `withinDays`, accepts valid
 * requests with a request number (`R` + YYMMDD in Japan time + a 4-digit sequence), remembers them.
 *
 * @example
 * const backend = new MockRenewalBackend();
 * const worker = setupWorker(...backend.handlers);
 * backend.failNext({ status: 403, code: 'not_ra_contact' });
 * backend.received // every accepted request body, as sent
 */
export class MockRenewalBackend {
  readonly handlers: HttpHandler[];
  /** Every accepted request, as sent. */
  readonly received: RenewalRequest[] = [];
  readonly #options: MockRenewalBackendOptions;
  #faults: RenewalFault[] = [];
  #sequence = 0;

  constructor(options: MockRenewalBackendOptions = {}) {
    this.#options = options;
    const endpoint = (options.endpoint ?? '/api').replace(/\/+$/, '');
    this.handlers = [
      http.get(`${endpoint}/expiring-certificates`, async ({ request }) => {
        const refusal = await this.#refusal(request);
        if (refusal) return refusal;
        const withinDays = Number(new URL(request.url).searchParams.get('withinDays') ?? EXPIRY_NOTICE_DAYS);
        if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366) {
          return errorResponse(400, 'validation_failed', 'withinDays must be a whole number of days from 0 to 366', [
            { path: ['withinDays'], message: 'invalid', code: 'invalid' },
          ]);
        }
        const today = this.#today();
        const certificates = this.#certificates().filter((each) => {
          const days = daysBetween(today, each.expiresOn);
          return days >= 0 && days <= withinDays;
        });
        return HttpResponse.json({ certificates });
      }),
      http.post(`${endpoint}/renewal-requests`, async ({ request }) => {
        const refusal = await this.#refusal(request);
        if (refusal) return refusal;
        const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
        const draft = { ...body, rows: Array.isArray(body?.rows) ? body.rows : [] };
        const result = validateRenewalRequest(draft, { today: this.#today(), operatorCodePattern: options.operatorCodePattern });
        if (!result.ok) {
          const issues = result.issues.map(({ path, code }) => ({ path, message: code, code }));
          return errorResponse(400, 'validation_failed', 'The renewal request is not valid', issues);
        }
        this.received.push(body as RenewalRequest);
        const requestNumber = `R${this.#today().replace(/-/g, '').slice(2)}${String(++this.#sequence).padStart(4, '0')}`;
        const rows = result.value.rows.map(({ commonName, certificateId }) => ({
          commonName,
          ...(certificateId ? { certificateId } : {}),
          state: 'requested',
        }));
        return HttpResponse.json({ requestNumber, rows }, { status: 201 });
      }),
    ];
  }

  /** Back to no requests received and no faults armed. */
  reset(): void {
    this.received.length = 0;
    this.#faults = [];
    this.#sequence = 0;
  }

  /** Fails the next calls, one fault each, in order. */
  failNext(...faults: RenewalFault[]): void {
    this.#faults.push(...faults);
  }

  #today(): string {
    return tokyoToday((this.#options.now ?? (() => new Date()))());
  }

  #certificates(): ExpiringCertificate[] {
    return this.#options.certificates ?? sampleCertificates(this.#today());
  }

  /** An injected fault, or the refusal of anyone but the RA contact; `undefined` to go on. */
  async #refusal(request: Request): Promise<Response | undefined> {
    if (this.#options.latencyMs) await delay(this.#options.latencyMs);
    const fault = this.#faults.shift();
    if (fault && 'network' in fault) return HttpResponse.error();
    if (fault && 'delayMs' in fault) await delay(fault.delayMs);
    else if (fault) return errorResponse(fault.status, fault.code ?? `http_${fault.status}`, 'Injected fault');
    const key = this.#options.raContactKey;
    if (key && request.headers.get('Authorization') !== `Bearer ${key}`) {
      return errorResponse(403, 'not_ra_contact', 'Only the registered RA contact may request issuance');
    }
    return undefined;
  }
}

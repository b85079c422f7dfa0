/**
 * The client of the paper application's one route, `POST {endpoint}/paper-applications`: it stores the
 * application prepared with `<cec-paper-application>` and gives the reference number printed on every
 * page, so that the service can match the paper when it arrives by 簡易書留.
 *
 * The contract (the reference server implements it with the same schemas):
 *
 * - Request: `POST {endpoint}/paper-applications`, `Content-Type: application/json`, header
 *   `Idempotency-Key` (a retry with the same key returns the same answer and stores nothing new), body:
 *   the `PaperApplication` of `src/domain/paper-application.ts` (`paperApplicationSchema`), e.g.
 *   `{ "services": ["cectrustContract", "cecsign"], "company": { "corporateNumber": "7000012050002", … },
 *   "contact": { … }, "billingSameAsContact": true, "userIdApplicants": [ … ], "certificateApplicants": [ … ],
 *   "eTokenCount": 1, "postingDate": "2027-04-05", "issueDates": { "commercialRegistration": "2027-03-01" },
 *   "locale": "ja" }`. Values normalised (half-width digits, full-width katakana, `YYYY-MM-DD` dates).
 * - `201 { "referenceNumber": "P2704010001", "acceptedAt": "2027-04-01T10:00:00+09:00" }`: `P`, the day
 *   (YYMMDD, Japan time) and a 4-digit sequence.
 * - `400 validation_failed` with `issues` (`validatePaperApplication(body, tokyoToday())`: paths such as
 *   `['certificateApplicants', '0', 'email']`, `['issueDates', 'residentRecord-0']`), `5xx`; the error body
 *   of SPEC.md (`{ error: { code, message, issues? } }`).
 */
import { newIdempotencyKey } from './client.js';
import { apiErrorFromResponse } from './errors.js';
import { exchange, parseBody } from './request.js';
import { paperReceiptSchema, type PaperApplication, type PaperReceipt } from '../domain/paper-application.js';

/** Default time the request may take, body included, before it fails with `timeout`. */
export const PAPER_TIMEOUT_MS = 30_000;

/**
 * How to reach the backend.
 *
 * @example
 * const options: PaperApiOptions = { endpoint: '/api' };
 */
export interface PaperApiOptions {
  /** Base URL of the backend (`/api`); trailing slashes are ignored. */
  endpoint: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Stores paper applications.
 *
 * @example
 * const api = new PaperApi({ endpoint: '/api' });
 * const { referenceNumber } = await api.submitPaperApplication(application, key);
 */
export class PaperApi {
  readonly #endpoint: string;
  readonly #fetch: typeof fetch | undefined;
  readonly #timeoutMs: number;

  constructor(options: PaperApiOptions) {
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? PAPER_TIMEOUT_MS;
  }

  /**
   * Sends the application under `idempotencyKey` (keep it for retries of the same body). Fails with an
   * `ApiError`: `validation_failed` (400, with issues), the HTTP codes, `network`, `timeout`, `invalid_response`.
   *
   * @example
   * const receipt = await api.submitPaperApplication(result.value, newIdempotencyKey());
   */
  async submitPaperApplication(application: PaperApplication, idempotencyKey: string = newIdempotencyKey()): Promise<PaperReceipt> {
    const { response, body } = await exchange(
      `${this.#endpoint}/paper-applications`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(application),
      },
      { fetch: this.#fetch, timeoutMs: this.#timeoutMs },
      (answer) => answer.text(),
    );
    if (!response.ok) throw apiErrorFromResponse(response, body);
    return parseBody(paperReceiptSchema, body, response.status);
  }
}

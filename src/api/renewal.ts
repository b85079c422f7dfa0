/**
 * The client of the certificate-renewal routes (`{endpoint}/renewal-requests`,
 * `{endpoint}/expiring-certificates`). It fails with the same `ApiError` as the other clients and makes
 * its requests the same way (`exchange` in request.ts). Only the registered RA contact may request
 * issuance (seed: 「企業内RA設置申込書に記載されたご担当者様のメールアドレスからのみ…依頼が可能です」): the backend
 * refuses anyone else with `403 not_ra_contact`.
 */
import { apiErrorFromResponse } from './errors.js';
import { exchange, parseBody } from './request.js';
import {
  EXPIRY_NOTICE_DAYS,
  expiringCertificatesSchema,
  renewalReceiptSchema,
  type ExpiringCertificate,
  type RenewalReceipt,
  type RenewalRequest,
} from '../domain/renewal.js';

/** Default time a request may take, body included, before it fails with `timeout`. */
export const RENEWAL_TIMEOUT_MS = 30_000;

/**
 * How to reach the renewal routes.
 *
 * @example
 * const options: RenewalApiOptions = { endpoint: '/api', apiKey: raContactKey };
 */
export interface RenewalApiOptions {
  /** Base URL of the backend (`/api`); trailing slashes are ignored. */
  endpoint: string;
  /** The RA contact's key, sent as `Authorization: Bearer <key>` when given (a host may use cookies instead). */
  apiKey?: string | undefined;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Time a request may take before it fails with `timeout`; 30 000 ms by default. */
  timeoutMs?: number;
}

/**
 * The RA contact's client.
 *
 * @example
 * const api = new RenewalApi({ endpoint: '/api' });
 * const expiring = await api.listExpiringCertificates();
 * const { requestNumber } = await api.submitRenewalRequest(request);
 */
export class RenewalApi {
  readonly #endpoint: string;
  readonly #apiKey: string | undefined;
  readonly #fetch: typeof fetch | undefined;
  readonly #timeoutMs: number;

  constructor(options: RenewalApiOptions) {
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? RENEWAL_TIMEOUT_MS;
  }

  /**
   * Sends the request (`201 { requestNumber, rows }`). Fails with `validation_failed` (400, issues at
   * `['rows', '<index>', '<field>']`), `not_ra_contact` (403), `idempotency_conflict` (409), or the
   * transport codes. A retry of the same request passes the same `idempotencyKey`: the backend then
   * answers it once, even when the first answer was lost on the way.
   *
   * @example
   * const receipt = await api.submitRenewalRequest(result.value, newIdempotencyKey());
   */
  async submitRenewalRequest(request: RenewalRequest, idempotencyKey?: string): Promise<RenewalReceipt> {
    const bodyText = await this.#call('/renewal-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
      body: JSON.stringify(request),
    });
    return parseBody(renewalReceiptSchema, bodyText);
  }

  /**
   * The certificates that expire within `withinDays` (60 by default: the expiry notice's list).
   *
   * @example
   * const rows = (await api.listExpiringCertificates()).map(({ commonName, certificateId, expiresOn }) => …);
   */
  async listExpiringCertificates(withinDays: number = EXPIRY_NOTICE_DAYS): Promise<ExpiringCertificate[]> {
    const bodyText = await this.#call(`/expiring-certificates?withinDays=${encodeURIComponent(String(withinDays))}`, { method: 'GET' });
    return parseBody(expiringCertificatesSchema, bodyText).certificates;
  }

  async #call(path: string, init: RequestInit): Promise<string> {
    const headers = new Headers(init.headers);
    if (this.#apiKey) headers.set('Authorization', `Bearer ${this.#apiKey}`);
    const { response, body } = await exchange(
      this.#endpoint + path,
      { ...init, headers },
      { fetch: this.#fetch, timeoutMs: this.#timeoutMs },
      (answer) => answer.text(),
    );
    if (!response.ok) throw apiErrorFromResponse(response, body);
    return body;
  }
}

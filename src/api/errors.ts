/**
 * The one error the backend client throws: a backend error code (SPEC, backend contract) or a
 * client-side one, with the HTTP status, field issues and Retry-After hint the UI needs.
 */
import { errorBodySchema } from '../domain/invitation.js';
import type { FieldIssue } from '../domain/validation.js';

/**
 * A backend error code (`invitation_not_found`, `invitation_expired`, `invitation_used`,
 * `validation_failed`, `idempotency_conflict`, `document_too_large`, `document_not_pdf`,
 * `document_incomplete`, `document_encrypted`, `payload_too_large`, `internal_error`, `service_unavailable`, …), `http_<status>`
 * when an error body could not be read, or one of the client-side codes `network`, `timeout`,
 * `invalid_response` and `aborted`.
 *
 * @example
 * const code: ApiErrorCode = 'invitation_expired';
 */
export type ApiErrorCode = string;

/** What an `ApiError` carries besides its code and message. */
export interface ApiErrorDetails {
  /** HTTP status; 0 when no response arrived (network, timeout, aborted). */
  status?: number;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A failed backend call. `code` says what went wrong; `retryable` says whether sending the very same
 * request again (with the same Idempotency-Key) may succeed.
 *
 * @example
 * try {
 *   await api.getInvitation(token);
 * } catch (error) {
 *   if (error instanceof ApiError && error.code === 'invitation_expired') showExpiredPage();
 * }
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when no response arrived (network, timeout, aborted). */
  readonly status: number;
  /** Field issues of a `400 validation_failed`, paths relative to the application JSON. */
  readonly issues: FieldIssue[];
  /** Seconds the backend asked us to wait (`Retry-After`), when it said so. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(message, details); // Error keeps `cause` from it, when there is one, and nothing else
    this.name = 'ApiError';
    this.code = code;
    this.status = details.status ?? 0;
    this.issues = details.issues ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** True for failures where retrying the same request may succeed: network, timeout, 5xx, 429. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.status >= 500 || this.status === 429;
  }
}

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when the header is absent or unreadable; never negative.
 *
 * @example
 * retryAfterSeconds('120')                           // 120
 * retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT') // 0 (in the past)
 */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The `ApiError` for a non-2xx response whose body text has been read. A body in the contract's
 * `{ error: { code, message, issues? } }` shape gives code, message and issues; anything else gives
 * `http_<status>` and the status text.
 *
 * @example
 * apiErrorFromResponse(response, await response.text()) // ApiError { code: 'invitation_used', status: 409 }
 */
export function apiErrorFromResponse(response: Response, bodyText: string): ApiError {
  const details = {
    status: response.status,
    retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')),
  };
  const body = parseJson(bodyText);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(`http_${response.status}`, response.statusText || `HTTP ${response.status}`, details);
  }
  // The schema strips an issue's optional `code`; read it from the raw body, index for index.
  const rawIssues = (body as { error: { issues?: unknown[] } }).error.issues ?? [];
  const issues = (parsed.data.error.issues ?? []).map((issue, index): FieldIssue => {
    const raw = rawIssues[index] as { code?: unknown } | undefined;
    return { path: issue.path, code: typeof raw?.code === 'string' ? raw.code : issue.message };
  });
  return new ApiError(parsed.data.error.code, parsed.data.error.message, { ...details, issues });
}

/**
 * JSON text parsed, or `undefined` when it is not JSON.
 *
 * @example
 * parseJson('{"a":1}') // { a: 1 }
 * parseJson('<html>')  // undefined
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import type { FieldIssue } from '../../src/domain/index.js';

/** HTTP statuses this server answers errors with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 423 | 429 | 500 | 503;

/** One entry of `error.issues`: the message is the validation code, so clients can translate it. */
export interface ApiIssue {
  path: string[];
  message: string;
  code: string;
}

/** Short English explanations for developers; the UI shows its own words for each code. */
const MESSAGES: Record<string, string> = {
  invitation_not_found: 'No invitation has this token.',
  invitation_expired: 'The invitation has expired; ask the ordering company to send it again.',
  invitation_used: 'An application has already been sent with this invitation.',
  validation_failed: 'The request is not valid; see issues.',
  idempotency_conflict: 'This Idempotency-Key was already used with a different request.',
  document_too_large: 'The document or the request is larger than allowed.',
  document_not_pdf: 'The document is not a PDF.',
  document_encrypted: 'The document is password-protected.',
  document_incomplete: 'The document seems incomplete (no end of file); save it again.',
  too_many_requests: 'Too many attempts; wait for the time in Retry-After.',
  forbidden_host: 'This server does not answer to this host name.',
  payload_too_large: 'The request body is larger than allowed.',
  unauthorized: 'A valid API key is required (Authorization: Bearer <key>).',
  forbidden_origin: 'This origin may not call the API.',
  not_found: 'Nothing here.',
  draft_not_found: 'No draft is saved for this invitation.',
  application_not_found: 'No application has this receipt number.',
  internal_error: 'Something went wrong on our side.',
  service_unavailable: 'The service cannot accept this now; try again later.',
  not_ra_contact: 'Only the registered RA contact of the organisation may request issuance.',
  renewal_request_not_found: 'No renewal request has this number.',
  row_not_found: 'The renewal request has no row with this number.',
  row_already_issued: 'This row has already been issued; its certificate cannot change.',
  certificate_id_taken: 'Another certificate already has this certificate ID.',
  organisation_not_found: 'No organisation has this id.',
  sign_in_failed: 'The user ID or the password is wrong.',
  account_locked: 'Too many failed sign-ins: this user ID is locked for the time in Retry-After (seconds).',
  session_invalid: 'Sign in again: the session is missing, unknown or expired.',
  password_change_required: 'Change the first password before anything else (PUT /partner/password).',
  not_admin: 'Only an administrator (管理者) of the company may do this.',
  email_taken: 'A user of the company already has this mail address.',
  user_not_found: 'The company has no user with this ID.',
  user_has_certificate: 'This user already has a certificate.',
  certificate_not_found: 'No such certificate of the company (or of the signed-in user).',
  certificate_not_issued: 'The certificate is not issued yet.',
  pin_incorrect: 'The PIN is wrong; X-Attempts-Remaining says how many more tries are left.',
  pin_locked: 'Too many wrong PINs: the certificate confirmation is locked; ask support.',
  stage_conflict: 'The application is not at a stage it can move on from this way.',
};

/**
 * An error the API answers with `{ error: { code, message, issues? } }`. Thrown anywhere below a route
 * (a transaction rolls back on the way out) and turned into a response by the app's error handler.
 *
 * @example
 * throw new ApiError(410, 'invitation_expired');
 */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly issues?: ApiIssue[],
    /** Headers the response needs, e.g. `WWW-Authenticate` on a `401`. */
    readonly headers?: Record<string, string>,
  ) {
    super(MESSAGES[code] ?? code);
    this.name = 'ApiError';
  }

  /** The response body; never a stack trace. */
  toBody(): { error: { code: string; message: string; issues?: ApiIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/**
 * `400 validation_failed` from the domain's field issues; each issue's message is its code.
 *
 * @example
 * throw validationFailed([{ path: ['adminUser', 'email'], code: 'email' }]);
 */
export function validationFailed(issues: readonly FieldIssue[]): ApiError {
  return new ApiError(
    400,
    'validation_failed',
    issues.map((issue) => ({ path: issue.path, message: issue.code, code: issue.code })),
  );
}

/**
 * The client of the partner company's routes after the application (`{endpoint}/partner/…`): the
 * administrator (管理用ID) signs in, changes the first password, adds company users, asks for or links
 * signer certificates, and every user confirms a certificate with its PIN (application guide 4② and
 * 巻末資料「付録」). Requests are made as the other clients make them (`exchange`), and fail with the
 * same `ApiError`.
 *
 * ## The contract
 * JSON over HTTP(S). Every route but sign-in needs `Authorization: Bearer <session>`; without a valid
 * session → `401 session_invalid`; before the first password is changed every route but
 * `PUT /partner/password` is `403 password_change_required`. Errors: `{ error: { code, message, issues? } }` as everywhere;
 * `400 validation_failed` carries `issues: [{ path, message, code }]` with the codes of
 * `src/domain/company-user.ts`. POSTs that create something take an `Idempotency-Key`: a retry with the
 * same key and body returns the first answer and stores nothing new; the same key with another body is
 * `409 idempotency_conflict`.
 *
 * | request | success | failures |
 * |---|---|---|
 * | `POST /partner/sessions` `{ userId, password }` | `201 Session` | `400`, `401 sign_in_failed` (the same for an unknown 利用者ID and a wrong password), `423 account_locked` (header `Retry-After`, seconds) |
 * | `PUT /partner/password` `{ currentPassword, newPassword }` | `204` | `400` (`currentPassword: passwordIncorrect`, `newPassword: passwordTooShort`…) |
 * | `GET /partner/me` | `200 { user, certificate? }` | |
 * | `GET /partner/company` | `200 { name, nameAlpha }` | |
 * | `GET /partner/users` | `200 { users }` | `403 not_admin` |
 * | `POST /partner/users` CompanyUser, Idempotency-Key | `201 { user }`; mails 利用者ID and 初回パスワード to the user | `400`, `403 not_admin`, `409 email_taken`, `409 idempotency_conflict` |
 * | `GET /partner/certificates` | `200 { certificates }` | `403 not_admin` |
 * | `POST /partner/certificate-requests` `{ userId, certificate }`, Idempotency-Key | `201 { requestNumber, certificateId, userId, requestedAt }` | `400` (also `certificate.companyNameAlpha: companyNameFixed`), `403`, `404 user_not_found`, `409 user_has_certificate`, `409 idempotency_conflict` |
 * | `POST /partner/certificates/{id}/links` `{ userId }`, Idempotency-Key | `200 { certificate }` | `403`, `404 user_not_found` / `certificate_not_found`, `409 certificate_not_issued`, `409 user_has_certificate` |
 * | `POST /partner/certificates/{id}/activation` `{ pin }` | `200 { certificate }` (again: the same, nothing changes) | `400`, `400 pin_incorrect` (header `X-Attempts-Remaining`), `404 certificate_not_found`, `409 certificate_not_issued`, `423 pin_locked` |
 */
import {
  certificateRequestReceiptSchema,
  certificateResultSchema,
  companyCertificateListSchema,
  companyUserListSchema,
  partnerCompanySchema,
  partnerMeSchema,
  registeredUserSchema,
  sessionSchema,
  type CertificateRequestReceipt,
  type CompanyCertificate,
  type CompanyUser,
  type CompanyUserRecord,
  type PartnerCompany,
  type PartnerMe,
  type PasswordChangeRequest,
  type Session,
  type SignerCertificateRequest,
  type SignInRequest,
} from '../domain/company-user.js';
import { ApiError, apiErrorFromResponse } from './errors.js';
import { exchange, parseBody } from './request.js';

/** Default time a request may take, body included, before it fails with `timeout`. */
export const PARTNER_TIMEOUT_MS = 30_000;

/** The header telling how many more wrong PINs are allowed before the lock. */
export const ATTEMPTS_REMAINING_HEADER = 'X-Attempts-Remaining';

/**
 * Where the session comes from: the token itself, or a function the host implements (called before
 * every request, so a host that refreshes its session gives the current one).
 *
 * @example
 * const session: SessionSource = () => myAuth.currentToken();
 */
export type SessionSource = string | (() => string | undefined | Promise<string | undefined>) | undefined;

/**
 * How to reach the partner routes.
 *
 * @example
 * const options: PartnerAdminApiOptions = { endpoint: '/api', session: token };
 */
export interface PartnerAdminApiOptions {
  /** Base URL of the backend (`/api`); trailing slashes are ignored. */
  endpoint: string;
  /** The session (`Session.session`), sent as `Authorization: Bearer <session>`. */
  session?: SessionSource;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Time a request may take before it fails with `timeout`; 30 000 ms by default. */
  timeoutMs?: number;
}

/**
 * A failed partner call: an `ApiError` that also says how many wrong PINs are left
 * (`X-Attempts-Remaining`), when the backend said so.
 *
 * @example
 * if (error instanceof PartnerApiError && error.code === 'pin_incorrect') showAttempts(error.attemptsRemaining);
 */
export class PartnerApiError extends ApiError {
  readonly attemptsRemaining: number | undefined;

  constructor(error: ApiError, attemptsRemaining: number | undefined) {
    super(error.code, error.message, { status: error.status, issues: error.issues, retryAfterSeconds: error.retryAfterSeconds });
    this.name = 'PartnerApiError';
    this.attemptsRemaining = attemptsRemaining;
  }
}

/**
 * The partner company's client.
 *
 * @example
 * const session = await new PartnerAdminApi({ endpoint: '/api' }).signIn({ userId: 'L0000001', password });
 * const api = new PartnerAdminApi({ endpoint: '/api', session: session.session });
 * const users = await api.listUsers();
 */
export class PartnerAdminApi {
  readonly #endpoint: string;
  readonly #session: SessionSource;
  readonly #fetch: typeof fetch | undefined;
  readonly #timeoutMs: number;

  constructor(options: PartnerAdminApiOptions) {
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    this.#session = options.session;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? PARTNER_TIMEOUT_MS;
  }

  /**
   * Signs in with the 利用者ID and password (`201 Session`). Fails with `sign_in_failed` (401; it does not
   * tell an unknown ID from a wrong password) or `account_locked` (423, `retryAfterSeconds`).
   *
   * @example
   * const { session, mustChangePassword } = await api.signIn({ userId: 'L0000001', password: 'mailed-password' });
   */
  async signIn(request: SignInRequest): Promise<Session> {
    return parseBody(sessionSchema, await this.#call('/partner/sessions', jsonBody('POST', request), false));
  }

  /**
   * Changes the signed-in user's password (`204`); a wrong current password is `validation_failed` with
   * an issue `currentPassword: passwordIncorrect`.
   *
   * @example
   * await api.changePassword({ currentPassword: mailed, newPassword: 'kensetsu2027' });
   */
  async changePassword(request: PasswordChangeRequest): Promise<void> {
    await this.#call('/partner/password', jsonBody('PUT', request));
  }

  /** The signed-in user and the certificate they must confirm, if any. */
  async me(): Promise<PartnerMe> {
    return parseBody(partnerMeSchema, await this.#call('/partner/me', { method: 'GET' }));
  }

  /** The company's 企業名 and 企業名(アルファベット), fixed for every certificate it asks for. */
  async company(): Promise<PartnerCompany> {
    return parseBody(partnerCompanySchema, await this.#call('/partner/company', { method: 'GET' }));
  }

  /** 自社利用者照会: the company's users (administrators only). */
  async listUsers(): Promise<CompanyUserRecord[]> {
    return parseBody(companyUserListSchema, await this.#call('/partner/users', { method: 'GET' })).users;
  }

  /**
   * 自社利用者登録 → 確定: registers a user; the backend mails their 利用者ID and 初回パスワード. Send the same
   * `idempotencyKey` on every retry of one registration.
   *
   * @example
   * const user = await api.addUser(result.value, newIdempotencyKey());
   */
  async addUser(user: CompanyUser, idempotencyKey: string): Promise<CompanyUserRecord> {
    return parseBody(registeredUserSchema, await this.#call('/partner/users', jsonBody('POST', user, idempotencyKey))).user;
  }

  /** 自社電子証明書照会: the company's certificates and the users linked to each. */
  async listCertificates(): Promise<CompanyCertificate[]> {
    return parseBody(companyCertificateListSchema, await this.#call('/partner/certificates', { method: 'GET' })).certificates;
  }

  /** 電子証明書追加発行申請: a new certificate for `request.userId`; its PIN mail follows once issued. */
  async requestCertificate(request: SignerCertificateRequest, idempotencyKey: string): Promise<CertificateRequestReceipt> {
    return parseBody(certificateRequestReceiptSchema, await this.#call('/partner/certificate-requests', jsonBody('POST', request, idempotencyKey)));
  }

  /** Links an issued certificate to a user, who can sign once they confirmed it with the PIN. */
  async linkCertificate(certificateId: string, userId: string, idempotencyKey: string): Promise<CompanyCertificate> {
    const path = `/partner/certificates/${encodeURIComponent(certificateId)}/links`;
    return parseBody(certificateResultSchema, await this.#call(path, jsonBody('POST', { userId }, idempotencyKey))).certificate;
  }

  /**
   * 証明書の有効性確認: confirms the certificate with the PIN of mail ⑤. Fails with `pin_incorrect`
   * (`attemptsRemaining`) or `pin_locked`.
   */
  async activateCertificate(certificateId: string, pin: string): Promise<CompanyCertificate> {
    const path = `/partner/certificates/${encodeURIComponent(certificateId)}/activation`;
    return parseBody(certificateResultSchema, await this.#call(path, jsonBody('POST', { pin }))).certificate;
  }

  async #call(path: string, init: RequestInit, authorised = true): Promise<string> {
    const headers = new Headers(init.headers);
    if (authorised) {
      const session = typeof this.#session === 'function' ? await this.#session() : this.#session;
      if (!session) throw new ApiError('session_invalid', 'No session: sign in first');
      headers.set('Authorization', `Bearer ${session}`);
    }
    const { response, body } = await exchange(
      this.#endpoint + path,
      { ...init, headers },
      { fetch: this.#fetch, timeoutMs: this.#timeoutMs },
      (answer) => answer.text(),
    );
    if (!response.ok) {
      const remaining = response.headers.get(ATTEMPTS_REMAINING_HEADER);
      throw new PartnerApiError(apiErrorFromResponse(response, body), remaining !== null && /^\d+$/.test(remaining) ? Number(remaining) : undefined);
    }
    return body;
  }
}

function jsonBody(method: string, body: unknown, idempotencyKey?: string): RequestInit {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  return { method, headers, body: JSON.stringify(body) };
}

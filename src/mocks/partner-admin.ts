/**
 * MSW handlers for the partner company's routes after the application (`{endpoint}/partner/…`, the
 * contract in src/api/partner-admin.ts), in memory: sign-in with lock-out, the forced password change,
 * company users, certificates, links and the PIN check. It validates with the very schemas the elements
 * and the reference server use, replays idempotent POSTs, and records the mails it would send. Reused by
 * the element tests and the stories.
 */
import { delay, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import {
  certificateLinkRequestSchema,
  certificatePinSchema,
  companyUserSchema,
  MAX_PIN_FAILURES,
  MAX_SIGN_IN_FAILURES,
  MIN_PASSWORD_LENGTH,
  SIGN_IN_LOCK_MINUTES,
  signerCertificateRequestSchema,
  signInRequestSchema,
  type CompanyCertificate,
  type CompanyUserRecord,
  type SigningState,
} from '../domain/company-user.js';
import { validateSection } from '../domain/validation.js';

/** The mock company, its administrator and the secrets its mails would carry. */
export const MOCK_PARTNER = {
  company: { name: '株式会社山田建設', nameAlpha: 'YAMADA KENSETSU' },
  /** The 管理用ID of mail ①. */
  adminUserId: 'L0000001',
  /** The 初回ログインパスワード of mail ② (to be changed at the first sign-in). */
  initialPassword: 'Mailed-Pass-1',
  /** The PIN of mail ⑤, for every certificate of the mock. */
  pin: '12345678',
} as const;

/**
 * A failure for the next partner call: an error status (with its code), a network error, a delay, or
 * an answer lost on the way back (the call is handled and stored, the client sees a network error).
 */
export type PartnerFault =
  | { status: number; code?: string; retryAfterSeconds?: number }
  | { network: true }
  | { delayMs: number }
  | { answerLost: true };

/** A mail the mock would have sent. */
export interface MockPartnerMail {
  to: string;
  subject: string;
  /** What the mail carries: the 利用者ID, the first password or the PIN. */
  secret: string;
}

/**
 * How the mock behaves.
 *
 * @example
 * new MockPartnerAdminBackend({ latencyMs: 300, passwordChanged: true });
 */
export interface MockPartnerAdminOptions {
  /** Base URL the handlers answer under; `/api` by default. */
  endpoint?: string;
  /** Delay before every answer; none by default. */
  latencyMs?: number;
  /** The clock (lock-outs, dates). */
  now?: () => Date;
  /** Start with the administrator's password already changed (to `changedPassword`). */
  passwordChanged?: boolean;
  /** Start with the administrator's certificate confirmed with its PIN. */
  adminCertificateActive?: boolean;
}

/** The password the mock's administrator has once it was changed (`passwordChanged: true`). */
export const MOCK_CHANGED_PASSWORD = 'kensetsu2027';

interface MockAccount {
  record: Omit<CompanyUserRecord, 'signing' | 'certificateId'>;
  password: string;
  mustChangePassword: boolean;
  failures: number;
  lockedUntil?: number;
}

interface StoredAnswer {
  bodyText: string;
  status: number;
  answer: unknown;
}

const SUBJECT = (name: string) => `【CECTRUST-Lightサービス】${name}のお知らせ`;

function errorResponse(status: number, code: string, message: string, options: { issues?: unknown[]; headers?: Record<string, string> } = {}): Response {
  const error = options.issues ? { code, message, issues: options.issues } : { code, message };
  return HttpResponse.json({ error }, { status, headers: options.headers });
}

function validationFailed(issues: ReadonlyArray<{ path: string[]; code: string }>): Response {
  return errorResponse(400, 'validation_failed', 'The request is not valid', {
    issues: issues.map(({ path, code }) => ({ path, message: code, code })),
  });
}

/**
 * An in-memory partner backend: the company 株式会社山田建設, its administrator `L0000001` (first
 * password `MOCK_PARTNER.initialPassword`, to be changed), a general user `L0000002`, the administrator's
 * certificate `C0000001` (issued, to be confirmed with `MOCK_PARTNER.pin`) and an issued certificate
 * `C0000002` linked to nobody.
 *
 * @example
 * const backend = new MockPartnerAdminBackend();
 * const worker = setupWorker(...backend.handlers);
 * const session = backend.sessionFor('L0000001'); // skip the sign-in in a test
 * backend.mails // what the new users would receive
 */
export class MockPartnerAdminBackend {
  readonly handlers: HttpHandler[];
  /** Every mail the mock would have sent, in order. */
  readonly mails: MockPartnerMail[] = [];
  /** Every creating request it accepted (each once, whatever the retries), as sent. */
  readonly received: Array<{ path: string; body: unknown }> = [];
  readonly #options: MockPartnerAdminOptions;
  #accounts = new Map<string, MockAccount>();
  #certificates = new Map<string, CompanyCertificate>();
  /** `userId:certificateId` of the links confirmed with the PIN. */
  #activated = new Set<string>();
  #pinFailures = new Map<string, number>();
  #sessions = new Map<string, string>();
  #answers = new Map<string, StoredAnswer>();
  #faults: PartnerFault[] = [];
  #sequence = 0;

  constructor(options: MockPartnerAdminOptions = {}) {
    this.#options = options;
    const endpoint = `${(options.endpoint ?? '/api').replace(/\/+$/, '')}/partner`;
    this.reset();
    this.handlers = [
      http.post(`${endpoint}/sessions`, async ({ request }) => {
        const fault = await this.#fault();
        if (fault instanceof Response) return fault;
        const response = this.#signIn(await readJson(request));
        return fault === 'answerLost' ? HttpResponse.error() : response;
      }),
      http.put(`${endpoint}/password`, async ({ request }) =>
        this.#authorised(request, false, (account, body) => this.#changePassword(account, body)),
      ),
      http.get(`${endpoint}/me`, async ({ request }) =>
        this.#authorised(request, false, (account) => {
          const user = this.#userRecord(account);
          const certificate = user.certificateId ? this.#certificates.get(user.certificateId) : undefined;
          return HttpResponse.json(certificate ? { user, certificate } : { user });
        }),
      ),
      http.get(`${endpoint}/company`, async ({ request }) => this.#authorised(request, false, () => HttpResponse.json(MOCK_PARTNER.company))),
      http.get(`${endpoint}/users`, async ({ request }) =>
        this.#authorised(request, true, () => HttpResponse.json({ users: [...this.#accounts.values()].map((each) => this.#userRecord(each)) })),
      ),
      http.post(`${endpoint}/users`, async ({ request }) =>
        this.#authorised(request, true, (_account, body) => this.#idempotent(request, body, () => this.#addUser(body))),
      ),
      http.get(`${endpoint}/certificates`, async ({ request }) =>
        this.#authorised(request, true, () => HttpResponse.json({ certificates: [...this.#certificates.values()] })),
      ),
      http.post(`${endpoint}/certificate-requests`, async ({ request }) =>
        this.#authorised(request, true, (_account, body) => this.#idempotent(request, body, () => this.#requestCertificate(body))),
      ),
      http.post(`${endpoint}/certificates/:certificateId/links`, async ({ request, params }) =>
        this.#authorised(request, true, (_account, body) =>
          this.#idempotent(request, body, () => this.#link(String(params.certificateId), body)),
        ),
      ),
      http.post(`${endpoint}/certificates/:certificateId/activation`, async ({ request, params }) =>
        this.#authorised(request, false, (account, body) => this.#activate(account, String(params.certificateId), body)),
      ),
    ];
  }

  /** Back to the initial company, no sessions, no mails, no faults. */
  reset(): void {
    const createdAt = this.#now().toISOString();
    this.#accounts = new Map([
      this.#account(
        { userId: MOCK_PARTNER.adminUserId, role: 'admin', name: '山田 花子', nameKana: 'ヤマダ　ハナコ', department: '総務部', email: 'hanako@example.co.jp', createdAt },
        this.#options.passwordChanged ? MOCK_CHANGED_PASSWORD : MOCK_PARTNER.initialPassword,
        !this.#options.passwordChanged,
      ),
      this.#account({ userId: 'L0000002', role: 'general', name: '佐藤 次郎', nameKana: 'サトウ　ジロウ', email: 'jiro@example.co.jp', createdAt }, 'First-L0000002', true),
    ]);
    const role = { companyName: MOCK_PARTNER.company.name, companyNameAlpha: MOCK_PARTNER.company.nameAlpha };
    this.#certificates = new Map([
      ['C0000001', { certificateId: 'C0000001', state: 'issued', ...role, departmentJa: '本社', departmentAlpha: 'HONSHA', titleJa: '社長', titleAlpha: 'SHACHO', userIds: [MOCK_PARTNER.adminUserId], issuedAt: createdAt }],
      ['C0000002', { certificateId: 'C0000002', state: 'issued', ...role, departmentJa: '工事部', departmentAlpha: 'KOJIBU', titleJa: '部長', titleAlpha: 'BUCHO', userIds: [], issuedAt: createdAt }],
    ]);
    this.#activated = new Set(this.#options.adminCertificateActive ? [`${MOCK_PARTNER.adminUserId}:C0000001`] : []);
    this.#pinFailures.clear();
    this.#sessions.clear();
    this.#answers.clear();
    this.#faults = [];
    this.#sequence = 2;
    this.mails.length = 0;
    this.received.length = 0;
  }

  /** Fails the next calls, one fault each, in order. */
  failNext(...faults: PartnerFault[]): void {
    this.#faults.push(...faults);
  }

  /** A session for `userId`, as a sign-in would give (with the password already changed). */
  sessionFor(userId: string = MOCK_PARTNER.adminUserId): string {
    const account = this.#accounts.get(userId);
    if (!account) throw new Error(`No mock user ${userId}`);
    account.mustChangePassword = false;
    const session = `mock-session-${userId}-${this.#sessions.size + 1}`;
    this.#sessions.set(session, userId);
    return session;
  }

  /** The operator issues a requested certificate (wave 2): it can be confirmed with the PIN, mailed now. */
  issueCertificate(certificateId: string): void {
    const certificate = this.#certificates.get(certificateId);
    if (!certificate || certificate.state !== 'requested') throw new Error(`No requested certificate ${certificateId}`);
    certificate.state = 'issued';
    certificate.issuedAt = this.#now().toISOString();
    for (const userId of certificate.userIds) {
      this.#mail(this.#accounts.get(userId)!.record.email, SUBJECT('PIN'), MOCK_PARTNER.pin);
    }
  }

  /** The users as the list shows them. */
  users(): CompanyUserRecord[] {
    return [...this.#accounts.values()].map((each) => this.#userRecord(each));
  }

  /** The certificates as the list shows them. */
  certificates(): CompanyCertificate[] {
    return [...this.#certificates.values()];
  }

  // ── routes ────────────────────────────────────────────────────────────────

  #signIn(body: unknown): Response {
    const result = validateSection(signInRequestSchema, body);
    if (!result.ok) return validationFailed(result.issues);
    const account = this.#accounts.get(result.value.userId);
    const now = this.#now().getTime();
    if (account?.lockedUntil && account.lockedUntil > now) {
      return errorResponse(423, 'account_locked', 'Too many failed sign-ins', { headers: { 'Retry-After': String(Math.ceil((account.lockedUntil - now) / 1000)) } });
    }
    if (!account || account.password !== result.value.password) {
      if (account && ++account.failures >= MAX_SIGN_IN_FAILURES) {
        account.failures = 0;
        account.lockedUntil = now + SIGN_IN_LOCK_MINUTES * 60_000;
        return errorResponse(423, 'account_locked', 'Too many failed sign-ins', { headers: { 'Retry-After': String(SIGN_IN_LOCK_MINUTES * 60) } });
      }
      return errorResponse(401, 'sign_in_failed', 'The user ID or the password is wrong');
    }
    account.failures = 0;
    const session = `mock-session-${account.record.userId}-${this.#sessions.size + 1}`;
    this.#sessions.set(session, account.record.userId);
    const { userId, name, role } = account.record;
    return HttpResponse.json(
      { session, expiresAt: new Date(now + 8 * 3600_000).toISOString(), mustChangePassword: account.mustChangePassword, user: { userId, name, role } },
      { status: 201 },
    );
  }

  #changePassword(account: MockAccount, body: unknown): Response {
    const { currentPassword, newPassword } = (body ?? {}) as Record<string, unknown>;
    if (currentPassword !== account.password) return validationFailed([{ path: ['currentPassword'], code: 'passwordIncorrect' }]);
    if (typeof newPassword !== 'string' || newPassword.length < MIN_PASSWORD_LENGTH) {
      return validationFailed([{ path: ['newPassword'], code: 'passwordTooShort' }]);
    }
    if (newPassword === currentPassword) return validationFailed([{ path: ['newPassword'], code: 'passwordUnchanged' }]);
    account.password = newPassword;
    account.mustChangePassword = false;
    return new HttpResponse(null, { status: 204 });
  }

  #addUser(body: unknown): Response {
    const result = validateSection(companyUserSchema, body);
    if (!result.ok) return validationFailed(result.issues);
    const email = result.value.email.toLowerCase();
    if ([...this.#accounts.values()].some((each) => each.record.email.toLowerCase() === email)) {
      return errorResponse(409, 'email_taken', 'A user with this mail address exists');
    }
    const userId = `L${String(++this.#sequence).padStart(7, '0')}`;
    const password = `First-${userId}`;
    const [, account] = this.#account({ ...result.value, userId, createdAt: this.#now().toISOString() }, password, true);
    this.#accounts.set(userId, account);
    this.received.push({ path: '/partner/users', body });
    // 付録 ⑨: 確定 mails the new user their 利用者ID and first password.
    this.#mail(account.record.email, SUBJECT('利用者ID発行'), userId);
    this.#mail(account.record.email, SUBJECT('初回ログインパスワード'), password);
    return HttpResponse.json({ user: this.#userRecord(account) }, { status: 201 });
  }

  #requestCertificate(body: unknown): Response {
    const result = validateSection(signerCertificateRequestSchema, body);
    if (!result.ok) return validationFailed(result.issues);
    const { userId, certificate } = result.value;
    if (certificate.companyNameAlpha !== MOCK_PARTNER.company.nameAlpha) {
      return validationFailed([{ path: ['certificate', 'companyNameAlpha'], code: 'companyNameFixed' }]);
    }
    const refusal = this.#linkRefusal(userId);
    if (refusal) return refusal;
    const certificateId = `C${String(this.#certificates.size + 1).padStart(7, '0')}`;
    this.#certificates.set(certificateId, { certificateId, state: 'requested', companyName: MOCK_PARTNER.company.name, ...certificate, userIds: [userId] });
    this.received.push({ path: '/partner/certificate-requests', body });
    const requestedAt = this.#now().toISOString();
    return HttpResponse.json({ requestNumber: `CR${String(this.received.length).padStart(6, '0')}`, certificateId, userId, requestedAt }, { status: 201 });
  }

  #link(certificateId: string, body: unknown): Response {
    const result = validateSection(certificateLinkRequestSchema, body);
    if (!result.ok) return validationFailed(result.issues);
    const certificate = this.#certificates.get(certificateId);
    if (!certificate) return errorResponse(404, 'certificate_not_found', 'No such certificate');
    if (certificate.state !== 'issued') return errorResponse(409, 'certificate_not_issued', 'The certificate is not issued');
    const refusal = this.#linkRefusal(result.value.userId);
    if (refusal) return refusal;
    certificate.userIds = [...certificate.userIds, result.value.userId];
    this.received.push({ path: `/partner/certificates/${certificateId}/links`, body });
    return HttpResponse.json({ certificate });
  }

  #activate(account: MockAccount, certificateId: string, body: unknown): Response {
    const certificate = this.#certificates.get(certificateId);
    if (!certificate || !certificate.userIds.includes(account.record.userId)) return errorResponse(404, 'certificate_not_found', 'No such certificate of yours');
    if (certificate.state !== 'issued') return errorResponse(409, 'certificate_not_issued', 'The certificate is not issued yet');
    const key = `${account.record.userId}:${certificateId}`;
    if (this.#activated.has(key)) return HttpResponse.json({ certificate });
    const failures = this.#pinFailures.get(key) ?? 0;
    if (failures >= MAX_PIN_FAILURES) return errorResponse(423, 'pin_locked', 'Too many wrong PINs');
    const result = validateSection(certificatePinSchema, body);
    if (!result.ok) return validationFailed(result.issues);
    if (result.value.pin !== MOCK_PARTNER.pin) {
      this.#pinFailures.set(key, failures + 1);
      const left = MAX_PIN_FAILURES - failures - 1;
      if (left === 0) return errorResponse(423, 'pin_locked', 'Too many wrong PINs');
      return errorResponse(400, 'pin_incorrect', 'The PIN is wrong', { headers: { 'X-Attempts-Remaining': String(left) } });
    }
    this.#activated.add(key);
    return HttpResponse.json({ certificate });
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  #account(record: MockAccount['record'], password: string, mustChangePassword: boolean): [string, MockAccount] {
    return [record.userId, { record, password, mustChangePassword, failures: 0 }];
  }

  #userRecord(account: MockAccount): CompanyUserRecord {
    const { userId } = account.record;
    const certificate = [...this.#certificates.values()].find((each) => each.userIds.includes(userId));
    let signing: SigningState = 'none';
    if (certificate?.state === 'requested') signing = 'requested';
    else if (certificate?.state === 'issued') signing = this.#activated.has(`${userId}:${certificate.certificateId}`) ? 'active' : 'awaitingActivation';
    return { ...account.record, signing, ...(certificate ? { certificateId: certificate.certificateId } : {}) };
  }

  /** Why `userId` cannot take a certificate: unknown, or holding one already. */
  #linkRefusal(userId: string): Response | undefined {
    if (!this.#accounts.has(userId)) return errorResponse(404, 'user_not_found', 'No such user');
    if ([...this.#certificates.values()].some((each) => each.userIds.includes(userId) && each.state !== 'revoked')) {
      return errorResponse(409, 'user_has_certificate', 'The user has a certificate already');
    }
    return undefined;
  }

  #mail(to: string, subject: string, secret: string): void {
    this.mails.push({ to, subject, secret });
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }

  /** The next fault's answer, `'answerLost'` to handle the call and drop its answer, or `undefined` to go on. */
  async #fault(): Promise<Response | 'answerLost' | undefined> {
    if (this.#options.latencyMs) await delay(this.#options.latencyMs);
    const fault = this.#faults.shift();
    if (!fault) return undefined;
    if ('answerLost' in fault) return 'answerLost';
    if ('network' in fault) return HttpResponse.error();
    if ('delayMs' in fault) {
      await delay(fault.delayMs);
      return undefined;
    }
    const headers = fault.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) };
    return errorResponse(fault.status, fault.code ?? `http_${fault.status}`, 'Injected fault', { headers });
  }

  /** Runs `handle` for a valid session (of an administrator when `adminOnly`) with the parsed body. */
  async #authorised(request: Request, adminOnly: boolean, handle: (account: MockAccount, body: unknown) => Response | Promise<Response>): Promise<Response> {
    const fault = await this.#fault();
    if (fault instanceof Response) return fault;
    const token = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
    const account = token ? this.#accounts.get(this.#sessions.get(token) ?? '') : undefined;
    if (!account) return errorResponse(401, 'session_invalid', 'Sign in again');
    if (adminOnly && account.record.role !== 'admin') return errorResponse(403, 'not_admin', 'Administrators only');
    if (account.mustChangePassword && !new URL(request.url).pathname.endsWith('/password')) {
      return errorResponse(403, 'password_change_required', 'Change the first password first');
    }
    const response = await handle(account, request.method === 'GET' ? undefined : await readJson(request));
    return fault === 'answerLost' ? HttpResponse.error() : response;
  }

  /** The first answer again for a retry under the same key and body; `409 idempotency_conflict` for another body. */
  async #idempotent(request: Request, body: unknown, handle: () => Response): Promise<Response> {
    const key = request.headers.get('Idempotency-Key');
    if (!key) return handle();
    const bodyText = JSON.stringify(body);
    const stored = this.#answers.get(key);
    if (stored) {
      if (stored.bodyText !== bodyText) return errorResponse(409, 'idempotency_conflict', 'This key was used with another body');
      return HttpResponse.json(stored.answer as Record<string, unknown>, { status: stored.status });
    }
    const response = handle();
    if (response.ok) this.#answers.set(key, { bodyText, status: response.status, answer: await response.clone().json() });
    return response;
  }
}

async function readJson(request: Request): Promise<unknown> {
  return request.json().catch(() => undefined);
}

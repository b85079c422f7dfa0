/**
 * The partner company after its application (application guide 4② and 巻末資料「付録」): its users,
 * their sessions and passwords, its certificates and who may sign with them. The operator's waves that
 * create it are in operator.ts.
 *
 * Secrets: passwords and PINs are stored only as scrypt hashes (node:crypto, per-secret salt, compared
 * in constant time); session tokens only as SHA-256 (the operator key too, operator.ts); the mails that carry a
 * password or a PIN keep it sealed until delivery (mail-secrets.ts).
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import {
  MAX_PIN_FAILURES,
  MAX_SIGN_IN_FAILURES,
  SIGN_IN_LOCK_MINUTES,
  type CertificateRequestReceipt,
  type CompanyCertificate,
  type CompanyUser,
  type CompanyUserRecord,
  type CompanyUserRole,
  type PartnerCompany,
  type Session,
  type SigningState,
} from '../../src/domain/company-user.js';
import type { Certificate } from '../../src/domain/index.js';
import { ApiError, validationFailed } from './api-error.js';
import { inTransaction, type Database, type Queries } from './database.js';
import { enqueueMail, type Mail } from './mails.js';
import { newUserMails, pinMail, type NoticeRecipient } from './partner-mails.js';
import { sha256Hex } from './secrets.js';

// ── secrets ─────────────────────────────────────────────────────────────────────────────────────────

/** scrypt's cost (N = 2^14, r = 8, p = 1: 16 MiB and some 50 ms a hash here). */
const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const SCRYPT_KEY_BYTES = 32;

function scryptKey(secret: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, SCRYPT_KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * A slow hash of a password or PIN: `scrypt$N$r$p$salt$key` (base64url), with a fresh 16-byte salt.
 *
 * @example
 * const stored = await hashSecret('kensetsu2027'); // 'scrypt$16384$8$1$…'
 */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptKey(secret, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Whether `secret` is the one `stored` was made from, compared in constant time.
 *
 * @example
 * await verifySecret('kensetsu2027', stored) // true
 */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptKey(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hashed once: an unknown 利用者ID costs the same time as a wrong password. */
const UNKNOWN_USER_HASH = hashSecret(randomBytes(16).toString('hex'));

/** Letters and digits nobody misreads in a mail (no 0/O, 1/l/I). */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A first password: 12 characters of `PASSWORD_ALPHABET`, with a letter and a digit, from the CSPRNG.
 *
 * @example
 * newInitialPassword() // 'q7HcT3mZp9Ka'
 */
export function newInitialPassword(): string {
  for (;;) {
    const password = Array.from({ length: 12 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
    if (/\d/.test(password) && /[A-Za-z]/.test(password)) return password;
  }
}

/** A PIN (mail ⑤): 8 digits from the CSPRNG. The guide does not show its form. */
export function newPin(): string {
  return String(randomInt(100_000_000)).padStart(8, '0');
}

// ── records ─────────────────────────────────────────────────────────────────────────────────────────

/** How long a session lasts. */
export const SESSION_HOURS = 8;

/** The signed-in user behind a session. */
export interface PartnerPrincipal {
  userId: string;
  companyId: number;
  role: CompanyUserRole;
  mustChangePassword: boolean;
  tokenSha256: string;
}

interface CompanyRow {
  id: number;
  ordering_company_id: number;
  name: string;
  name_alpha: string;
}

async function nextNumber(queries: Queries, name: string): Promise<number> {
  const row = await queries
    .insertInto('partner_sequences')
    .values({ name, last_value: 1 })
    .onConflict((conflict) => conflict.column('name').doUpdateSet((eb) => ({ last_value: eb('partner_sequences.last_value', '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/** The next 利用者ID, `L0000001` (the first of a company is its 管理用ID). */
export async function nextUserId(queries: Queries): Promise<string> {
  return `L${String(await nextNumber(queries, 'user')).padStart(7, '0')}`;
}

async function nextCertificateId(queries: Queries): Promise<string> {
  return `C${String(await nextNumber(queries, 'certificate')).padStart(7, '0')}`;
}

async function companyRow(queries: Queries, companyId: number): Promise<CompanyRow> {
  return queries
    .selectFrom('partner_companies')
    .select(['id', 'ordering_company_id', 'name', 'name_alpha'])
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow();
}

function selectUsers(queries: Queries) {
  return queries
    .selectFrom('partner_users')
    .leftJoin('partner_certificate_links', 'partner_certificate_links.user_id', 'partner_users.user_id')
    .leftJoin('partner_certificates', 'partner_certificates.certificate_id', 'partner_certificate_links.certificate_id')
    .select([
      'partner_users.user_id',
      'partner_users.company_id',
      'partner_users.role',
      'partner_users.name',
      'partner_users.name_kana',
      'partner_users.department',
      'partner_users.title',
      'partner_users.phone',
      'partner_users.email',
      'partner_users.created_at',
      'partner_certificate_links.certificate_id',
      'partner_certificate_links.activated_at',
      'partner_certificates.state',
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function signingOf(row: { certificate_id: string | null; activated_at: string | null; state: string | null }): SigningState {
  if (!row.certificate_id || row.state === 'revoked') return 'none';
  if (row.state === 'requested') return 'requested';
  return row.activated_at ? 'active' : 'awaitingActivation';
}

function toUserRecord(row: UserRow): CompanyUserRecord {
  return {
    userId: row.user_id,
    role: row.role as CompanyUserRole,
    name: row.name,
    nameKana: row.name_kana,
    ...(row.department ? { department: row.department } : {}),
    ...(row.title ? { title: row.title } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    email: row.email,
    signing: signingOf(row),
    ...(row.certificate_id ? { certificateId: row.certificate_id } : {}),
    createdAt: row.created_at,
  };
}

async function findUser(queries: Queries, companyId: number, userId: string): Promise<CompanyUserRecord | undefined> {
  const row = await selectUsers(queries).where('partner_users.company_id', '=', companyId).where('partner_users.user_id', '=', userId).executeTakeFirst();
  return row && toUserRecord(row);
}

/**
 * The company's users in the order they were added (自社利用者照会).
 *
 * @example
 * (await listUsers(database.db, companyId))[0]?.role // 'admin'
 */
export async function listUsers(queries: Queries, companyId: number): Promise<CompanyUserRecord[]> {
  const rows = await selectUsers(queries)
    .where('partner_users.company_id', '=', companyId)
    .orderBy('partner_users.created_at')
    .orderBy('partner_users.user_id')
    .execute();
  return rows.map(toUserRecord);
}

/**
 * The company's certificates and the users linked to each (自社電子証明書照会); one when `certificateId` is given.
 *
 * @example
 * (await listCertificates(database.db, companyId))[0]?.state // 'issued'
 */
export async function listCertificates(queries: Queries, companyId: number, certificateId?: string): Promise<CompanyCertificate[]> {
  const company = await companyRow(queries, companyId);
  const rows = await queries
    .selectFrom('partner_certificates')
    .selectAll()
    .where('company_id', '=', companyId)
    .$if(certificateId !== undefined, (query) => query.where('certificate_id', '=', certificateId as string))
    .orderBy('requested_at')
    .orderBy('certificate_id')
    .execute();
  const links = rows.length
    ? await queries
        .selectFrom('partner_certificate_links')
        .select(['certificate_id', 'user_id'])
        .where('certificate_id', 'in', rows.map((row) => row.certificate_id))
        .orderBy('linked_at')
        .orderBy('user_id')
        .execute()
    : [];
  return rows.map((row) => ({
    certificateId: row.certificate_id,
    state: row.state as CompanyCertificate['state'],
    companyName: company.name,
    companyNameAlpha: company.name_alpha,
    departmentJa: row.department_ja,
    departmentAlpha: row.department_alpha,
    titleJa: row.title_ja,
    titleAlpha: row.title_alpha,
    userIds: links.filter((link) => link.certificate_id === row.certificate_id).map((link) => link.user_id),
    ...(row.issued_at ? { issuedAt: row.issued_at } : {}),
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
  }));
}

async function requireCertificate(queries: Queries, companyId: number, certificateId: string): Promise<CompanyCertificate> {
  const [certificate] = await listCertificates(queries, companyId, certificateId);
  if (!certificate) throw new ApiError(404, 'certificate_not_found');
  return certificate;
}

/** The company's 企業名 and 企業名(アルファベット), fixed for every certificate it asks for. */
export async function partnerCompany(queries: Queries, companyId: number): Promise<PartnerCompany> {
  const company = await companyRow(queries, companyId);
  return { name: company.name, nameAlpha: company.name_alpha };
}

/** The signed-in user and the certificate they must confirm, if any (`GET /partner/me`). */
export async function partnerMe(queries: Queries, principal: PartnerPrincipal) {
  const user = await findUser(queries, principal.companyId, principal.userId);
  if (!user) throw new ApiError(401, 'session_invalid');
  const certificate = user.certificateId ? await requireCertificate(queries, principal.companyId, user.certificateId) : undefined;
  return certificate ? { user, certificate } : { user };
}

/** Where a user's notices go, and the ordering company whose outbox carries them. */
export async function recipientOf(queries: Queries, userId: string): Promise<NoticeRecipient & { orderingCompanyId: number }> {
  const row = await queries
    .selectFrom('partner_users')
    .innerJoin('partner_companies', 'partner_companies.id', 'partner_users.company_id')
    .select(['partner_users.email', 'partner_users.name', 'partner_companies.name as company_name', 'partner_companies.ordering_company_id'])
    .where('partner_users.user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { email: row.email, userName: row.name, companyName: row.company_name, orderingCompanyId: Number(row.ordering_company_id) };
}

/** Queues `mails` in the outbox of `orderingCompanyId`, in the caller's transaction. */
export async function send(queries: Queries, database: Database, orderingCompanyId: number, mails: Mail[], now: Date): Promise<void> {
  for (const mail of mails) await enqueueMail(queries, { orderingCompanyId, mail, now, mailKey: database.mailKey });
}

// ── sessions and passwords ──────────────────────────────────────────────────────────────────────────

function lockedError(seconds: number): ApiError {
  return new ApiError(423, 'account_locked', undefined, { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });
}

/**
 * Counts a failed sign-in (or a wrong current password); the `MAX_SIGN_IN_FAILURES`th in a row locks
 * the 利用者ID for `SIGN_IN_LOCK_MINUTES` and ends its sessions. Throws the error to answer with.
 */
async function failedSignIn(database: Database, userId: string, now: Date, otherwise: ApiError): Promise<never> {
  const row = await database.db
    .updateTable('partner_users')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('user_id', '=', userId)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  if (Number(row.failed_sign_ins) < MAX_SIGN_IN_FAILURES) throw otherwise;
  await inTransaction(database, async (trx) => {
    await trx
      .updateTable('partner_users')
      .set({ failed_sign_ins: 0, locked_until: new Date(now.getTime() + SIGN_IN_LOCK_MINUTES * 60_000).toISOString() })
      .where('user_id', '=', userId)
      .execute();
    await trx.deleteFrom('partner_sessions').where('user_id', '=', userId).execute();
  });
  throw lockedError(SIGN_IN_LOCK_MINUTES * 60);
}

/**
 * Signs in (`POST /partner/sessions`): a fresh random session token, of which only the SHA-256 is kept.
 * `401 sign_in_failed` alike for an unknown 利用者ID and a wrong password; `423 account_locked` with
 * `Retry-After` while locked.
 *
 * @example
 * const session = await signIn(database, { userId: 'L0000001', password }, new Date());
 */
export async function signIn(database: Database, request: { userId: string; password: string }, now: Date): Promise<Session> {
  const userId = request.userId.toUpperCase();
  const user = await database.db
    .selectFrom('partner_users')
    .select(['user_id', 'name', 'role', 'password_hash', 'must_change_password', 'locked_until'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!user) {
    await verifySecret(request.password, await UNKNOWN_USER_HASH);
    throw new ApiError(401, 'sign_in_failed');
  }
  const lockedFor = user.locked_until ? Date.parse(user.locked_until) - now.getTime() : 0;
  if (lockedFor > 0) throw lockedError(lockedFor / 1000);
  if (!(await verifySecret(request.password, user.password_hash))) return failedSignIn(database, userId, now, new ApiError(401, 'sign_in_failed'));

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await inTransaction(database, async (trx) => {
    await trx.updateTable('partner_users').set({ failed_sign_ins: 0, locked_until: null }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('partner_sessions').where('user_id', '=', userId).where('expires_at', '<=', now.toISOString()).execute();
    await trx.insertInto('partner_sessions').values({ token_sha256: sha256Hex(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt }).execute();
  });
  return {
    session: token,
    expiresAt,
    mustChangePassword: Number(user.must_change_password) === 1,
    user: { userId, name: user.name, role: user.role as CompanyUserRole },
  };
}

/**
 * The user behind a `Bearer` session token that has not expired, if any.
 *
 * @example
 * const principal = await findSession(database, token, new Date());
 */
export async function findSession(database: Database, token: string, now: Date): Promise<PartnerPrincipal | undefined> {
  const tokenSha256 = sha256Hex(token);
  const row = await database.db
    .selectFrom('partner_sessions')
    .innerJoin('partner_users', 'partner_users.user_id', 'partner_sessions.user_id')
    .select(['partner_users.user_id', 'partner_users.company_id', 'partner_users.role', 'partner_users.must_change_password'])
    .where('partner_sessions.token_sha256', '=', tokenSha256)
    .where('partner_sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      companyId: Number(row.company_id),
      role: row.role as CompanyUserRole,
      mustChangePassword: Number(row.must_change_password) === 1,
      tokenSha256,
    }
  );
}

/**
 * Changes the signed-in user's password once `currentPassword` is right (a wrong one counts towards
 * the lock); ends the user's other sessions. `issues` are the policy's (passwordChangeSchema).
 *
 * @example
 * await changePassword(database, principal, { currentPassword, newPassword }, [], new Date());
 */
export async function changePassword(
  database: Database,
  principal: PartnerPrincipal,
  request: { currentPassword: string; newPassword: string },
  policyIssues: ReadonlyArray<{ path: string[]; code: string }>,
  now: Date,
): Promise<void> {
  const user = await database.db.selectFrom('partner_users').select('password_hash').where('user_id', '=', principal.userId).executeTakeFirstOrThrow();
  if (!(await verifySecret(request.currentPassword, user.password_hash))) {
    const wrong = validationFailed([{ path: ['currentPassword'], code: 'passwordIncorrect' }, ...policyIssues]);
    return failedSignIn(database, principal.userId, now, wrong);
  }
  if (policyIssues.length > 0) throw validationFailed(policyIssues);
  const passwordHash = await hashSecret(request.newPassword);
  await inTransaction(database, async (trx) => {
    await trx
      .updateTable('partner_users')
      .set({ password_hash: passwordHash, must_change_password: 0, failed_sign_ins: 0 })
      .where('user_id', '=', principal.userId)
      .execute();
    await trx.deleteFrom('partner_sessions').where('user_id', '=', principal.userId).where('token_sha256', '!=', principal.tokenSha256).execute();
  });
}

// ── idempotent creation ─────────────────────────────────────────────────────────────────────────────

/** An answer to replay: status and JSON body. */
export interface StoredAnswer {
  status: 200 | 201;
  body: unknown;
}

/**
 * Runs a creating request once per (company, `Idempotency-Key`): a retry with the same request text
 * gets the first answer and stores nothing; another request under the key is `409 idempotency_conflict`.
 * `prepare` does the slow work (hashing) outside the transaction; `work` runs in it, under a lock on the key.
 */
async function once<P>(
  database: Database,
  scope: { companyId: number; key: string; request: string; now: Date },
  prepare: () => Promise<P>,
  work: (trx: Queries, prepared: P) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const fingerprint = sha256Hex(scope.request);
  const replay = async (queries: Queries): Promise<StoredAnswer | undefined> => {
    const row = await queries
      .selectFrom('partner_idempotency_keys')
      .select(['request_sha256', 'status', 'answer_json'])
      .where('company_id', '=', scope.companyId)
      .where('key', '=', scope.key)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.request_sha256 !== fingerprint) throw new ApiError(409, 'idempotency_conflict');
    return { status: Number(row.status) as StoredAnswer['status'], body: JSON.parse(row.answer_json) };
  };
  const first = await replay(database.db);
  if (first) return first;
  const prepared = await prepare();
  return inTransaction(
    database,
    async (trx) => {
      const concurrent = await replay(trx);
      if (concurrent) return concurrent;
      const answer = await work(trx, prepared);
      await trx
        .insertInto('partner_idempotency_keys')
        .values({
          company_id: scope.companyId,
          key: scope.key,
          request_sha256: fingerprint,
          status: answer.status,
          answer_json: JSON.stringify(answer.body),
          created_at: scope.now.toISOString(),
        })
        .execute();
      return answer;
    },
    [`partner-idempotency:${scope.companyId}:${scope.key}`],
  );
}

/** What a creating request brings: the parsed body, its text (the fingerprint) and its key. */
export interface CreatingRequest<T> {
  value: T;
  text: string;
  idempotencyKey: string;
}

async function requireNoCertificate(queries: Queries, companyId: number, userId: string): Promise<void> {
  const user = await findUser(queries, companyId, userId);
  if (!user) throw new ApiError(404, 'user_not_found');
  if (user.certificateId && user.signing !== 'none') throw new ApiError(409, 'user_has_certificate');
}

/**
 * 自社利用者登録 → 確定 (付録 ①): a new user with a fresh 利用者ID and first password, mailed to their
 * address (① and ②). `409 email_taken` when a user of the company has the address.
 *
 * @example
 * const { body } = await addUser(database, principal, { value, text, idempotencyKey }, new Date());
 */
export async function addUser(database: Database, principal: PartnerPrincipal, request: CreatingRequest<CompanyUser>, now: Date): Promise<StoredAnswer> {
  return once(
    database,
    { companyId: principal.companyId, key: request.idempotencyKey, request: `POST /partner/users\n${request.text}`, now },
    async () => {
      const password = newInitialPassword();
      return { password, passwordHash: await hashSecret(password) };
    },
    async (trx, { password, passwordHash }) => {
      const user = request.value;
      const emailLower = user.email.toLowerCase();
      const taken = await trx
        .selectFrom('partner_users')
        .select('user_id')
        .where('company_id', '=', principal.companyId)
        .where('email_lower', '=', emailLower)
        .executeTakeFirst();
      if (taken) throw new ApiError(409, 'email_taken');
      const userId = await nextUserId(trx);
      await insertUser(trx, principal.companyId, userId, user, passwordHash, now);
      const recipient = await recipientOf(trx, userId);
      await send(trx, database, recipient.orderingCompanyId, newUserMails(recipient, userId, password), now);
      return { status: 201, body: { user: await findUser(trx, principal.companyId, userId) } };
    },
  );
}

/** Stores a user who must change the first password (`passwordHash`) at the first sign-in. */
export async function insertUser(trx: Queries, companyId: number, userId: string, user: CompanyUser, passwordHash: string, now: Date): Promise<void> {
  await trx
    .insertInto('partner_users')
    .values({
      user_id: userId,
      company_id: companyId,
      role: user.role,
      name: user.name,
      name_kana: user.nameKana,
      department: user.department ?? null,
      title: user.title ?? null,
      phone: user.phone ?? null,
      email: user.email,
      email_lower: user.email.toLowerCase(),
      password_hash: passwordHash,
      must_change_password: 1,
      created_at: now.toISOString(),
    })
    .execute();
}

/** Stores a certificate asked for (`requested`); `requestNumber` for 電子証明書追加発行申請, `null` for STEP 4's. */
export async function insertCertificate(
  trx: Queries,
  companyId: number,
  certificate: Omit<Certificate, 'companyNameAlpha'>,
  requestNumber: string | null,
  now: Date,
): Promise<string> {
  const certificateId = await nextCertificateId(trx);
  await trx
    .insertInto('partner_certificates')
    .values({
      certificate_id: certificateId,
      company_id: companyId,
      state: 'requested',
      request_number: requestNumber,
      department_ja: certificate.departmentJa,
      department_alpha: certificate.departmentAlpha,
      title_ja: certificate.titleJa,
      title_alpha: certificate.titleAlpha,
      requested_at: now.toISOString(),
    })
    .execute();
  return certificateId;
}

/**
 * 電子証明書追加発行申請 (付録 ② 方法①): a certificate for `userId` with STEP 4's fields, to be issued by
 * the operator, who then mails the PIN. 企業名(アルファベット) must be the company's (`companyNameFixed`).
 *
 * @example
 * await requestCertificate(database, principal, { value: { userId, certificate }, text, idempotencyKey }, new Date());
 */
export async function requestCertificate(
  database: Database,
  principal: PartnerPrincipal,
  request: CreatingRequest<{ userId: string; certificate: Certificate }>,
  now: Date,
): Promise<StoredAnswer> {
  return once(
    database,
    { companyId: principal.companyId, key: request.idempotencyKey, request: `POST /partner/certificate-requests\n${request.text}`, now },
    async () => undefined,
    async (trx) => {
      const { userId, certificate } = request.value;
      const company = await companyRow(trx, principal.companyId);
      if (certificate.companyNameAlpha !== company.name_alpha) {
        throw validationFailed([{ path: ['certificate', 'companyNameAlpha'], code: 'companyNameFixed' }]);
      }
      await requireNoCertificate(trx, principal.companyId, userId);
      const requestNumber = `CR${String(await nextNumber(trx, 'certificateRequest')).padStart(7, '0')}`;
      const certificateId = await insertCertificate(trx, principal.companyId, certificate, requestNumber, now);
      await trx.insertInto('partner_certificate_links').values({ user_id: userId, certificate_id: certificateId, linked_at: now.toISOString() }).execute();
      const receipt: CertificateRequestReceipt = { requestNumber, certificateId, userId, requestedAt: now.toISOString() };
      return { status: 201, body: receipt };
    },
  );
}

/** A PIN and its hash, made before the transaction that stores the hash. */
export async function pinWithHash(): Promise<{ pin: string; pinHash: string }> {
  const pin = newPin();
  return { pin, pinHash: await hashSecret(pin) };
}

/**
 * 自社電子証明書照会 → 紐付け (付録 ② 方法②): links an issued certificate to a user and mails them its
 * PIN (⑤); they can sign once they confirmed it.
 *
 * @example
 * await linkCertificate(database, principal, 'C0000002', { value: { userId }, text, idempotencyKey }, new Date());
 */
export async function linkCertificate(
  database: Database,
  principal: PartnerPrincipal,
  certificateId: string,
  request: CreatingRequest<{ userId: string }>,
  now: Date,
): Promise<StoredAnswer> {
  return once(
    database,
    { companyId: principal.companyId, key: request.idempotencyKey, request: `POST /partner/certificates/${certificateId}/links\n${request.text}`, now },
    pinWithHash,
    async (trx, { pin, pinHash }) => {
      const certificate = await requireCertificate(trx, principal.companyId, certificateId);
      if (certificate.state !== 'issued') throw new ApiError(409, 'certificate_not_issued');
      const { userId } = request.value;
      await requireNoCertificate(trx, principal.companyId, userId);
      await trx
        .insertInto('partner_certificate_links')
        .values({ user_id: userId, certificate_id: certificateId, linked_at: now.toISOString(), pin_hash: pinHash })
        .execute();
      const recipient = await recipientOf(trx, userId);
      await send(trx, database, recipient.orderingCompanyId, [pinMail(recipient, certificateId, pin)], now);
      return { status: 200, body: { certificate: await requireCertificate(trx, principal.companyId, certificateId) } };
    },
  );
}

/**
 * 証明書の有効性確認 (4② 事前準備の操作 2): the signed-in user confirms their certificate with the PIN
 * mailed for it. Wrong PINs are counted: `400 pin_incorrect` with the attempts left, then
 * `423 pin_locked` (support unlocks it). Confirming again answers the same.
 *
 * @example
 * const { certificate } = await activateCertificate(database, principal, 'C0000001', () => '12345678', new Date());
 */
export async function activateCertificate(
  database: Database,
  principal: PartnerPrincipal,
  certificateId: string,
  readPin: () => string,
  now: Date,
): Promise<{ certificate: CompanyCertificate }> {
  const link = await database.db
    .selectFrom('partner_certificate_links')
    .innerJoin('partner_certificates', 'partner_certificates.certificate_id', 'partner_certificate_links.certificate_id')
    .select(['partner_certificate_links.pin_hash', 'partner_certificate_links.pin_failures', 'partner_certificate_links.activated_at', 'partner_certificates.state'])
    .where('partner_certificate_links.user_id', '=', principal.userId)
    .where('partner_certificate_links.certificate_id', '=', certificateId)
    .where('partner_certificates.company_id', '=', principal.companyId)
    .executeTakeFirst();
  if (!link) throw new ApiError(404, 'certificate_not_found');
  if (link.state !== 'issued' || !link.pin_hash) throw new ApiError(409, 'certificate_not_issued');
  const answer = async () => ({ certificate: await requireCertificate(database.db, principal.companyId, certificateId) });
  if (link.activated_at) return answer();
  if (Number(link.pin_failures) >= MAX_PIN_FAILURES) throw new ApiError(423, 'pin_locked');
  if (!(await verifySecret(readPin(), link.pin_hash))) {
    const counted = await database.db
      .updateTable('partner_certificate_links')
      .set((eb) => ({ pin_failures: eb('pin_failures', '+', 1) }))
      .where('user_id', '=', principal.userId)
      .returning('pin_failures')
      .executeTakeFirstOrThrow();
    const left = MAX_PIN_FAILURES - Number(counted.pin_failures);
    if (left <= 0) throw new ApiError(423, 'pin_locked');
    throw new ApiError(400, 'pin_incorrect', undefined, { 'X-Attempts-Remaining': String(left) });
  }
  await database.db
    .updateTable('partner_certificate_links')
    .set({ activated_at: now.toISOString(), pin_failures: 0 })
    .where('user_id', '=', principal.userId)
    .execute();
  return answer();
}

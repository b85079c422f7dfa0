/**
 * The operator (the service side, neither the partner nor the ordering company): its key, the list of
 * every accepted application with its stage, the two waves of the application guide's STEP 6 — wave 1
 * (利用者ID発行: the company, its 管理用ID and mails ①–③), wave 2 (利用登録完了: the STEP 4 certificate
 * issued, mails ④–⑥) — and the issuance of the certificates partners ask for (the PIN mail ⑤ to the user).
 */
import type { MiddlewareHandler } from 'hono';
import { randomBytes } from 'node:crypto';
import type { CompanyCertificate, CompanyUser } from '../../src/domain/company-user.js';
import type { ApplicationStage, Certificate } from '../../src/domain/index.js';
import { ApiError } from './api-error.js';
import { pageOf, rowsAfter, type Page } from './pagination.js';
import { inTransaction, type Database, type Queries } from './database.js';
import type { OperatorApplication, OperatorCertificateRequest } from './operator-schemas.js';
import {
  hashSecret,
  insertCertificate,
  insertUser,
  newInitialPassword,
  nextUserId,
  pinWithHash,
  recipientOf,
  send,
} from './partner-admin.js';
import { certificateIssuedMail, companyRegisteredMail, initialPasswordMail, pinMail, registrationCompleteMail, userIdMail } from './partner-mails.js';
import { sha256Hex } from './secrets.js';

/** How long an issued certificate is valid (the guide does not say; two years here). */
const CERTIFICATE_VALID_DAYS = 2 * 365;

/**
 * Stores the hash of the operator's key (repeatable: the demo seeds it on every start).
 *
 * @example
 * await seedOperatorKey(database, 'op_…');
 */
export async function seedOperatorKey(database: Database, key: string): Promise<void> {
  await database.db
    .insertInto('operator_keys')
    .values({ key_sha256: sha256Hex(key), created_at: new Date().toISOString() })
    .onConflict((conflict) => conflict.column('key_sha256').doNothing())
    .execute();
}

/** Whether `key` is an operator's key. */
async function isOperatorKey(database: Database, key: string): Promise<boolean> {
  return (await database.db.selectFrom('operator_keys').select('key_sha256').where('key_sha256', '=', sha256Hex(key)).executeTakeFirst()) !== undefined;
}

/**
 * Every operator route (`/api/operator/…`: applications, certificates, renewal rows) asks this:
 * `Authorization: Bearer <an operator key>` (only hashes are stored), otherwise `401 unauthorized`.
 *
 * @example
 * operator.use('*', requireOperatorKey(database));
 */
export function requireOperatorKey(database: Database): MiddlewareHandler {
  return async (c, next) => {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (key === undefined || !(await isOperatorKey(database, key))) throw new ApiError(401, 'unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
    return next();
  };
}

/**
 * A fresh operator key (shown once; only its hash is stored).
 *
 * @example
 * newOperatorKey() // 'op_…'
 */
export function newOperatorKey(): string {
  return `op_${randomBytes(24).toString('base64url')}`;
}

/** The stage of an application from its company's row (none: only accepted). */
export function stageOf(company: { users_issued_at: string | null; registered_at: string | null } | undefined): ApplicationStage {
  if (company?.registered_at) return 'registered';
  if (company?.users_issued_at) return 'usersIssued';
  return 'accepted';
}

function selectOperatorApplications(queries: Queries) {
  return queries
    .selectFrom('applications')
    .innerJoin('ordering_companies', 'ordering_companies.id', 'applications.ordering_company_id')
    .leftJoin('partner_companies', 'partner_companies.invitation_id', 'applications.invitation_id')
    .select([
      'applications.invitation_id',
      'applications.receipt_number',
      'applications.accepted_at',
      'applications.company_name',
      'applications.application_json',
      'ordering_companies.name as ordering_company_name',
      'partner_companies.users_issued_at',
      'partner_companies.registered_at',
    ]);
}

function toOperatorApplication(row: Awaited<ReturnType<ReturnType<typeof selectOperatorApplications>['executeTakeFirstOrThrow']>>): OperatorApplication {
  const { adminUser } = JSON.parse(row.application_json) as { adminUser: { name: string; email: string } };
  return {
    id: row.invitation_id,
    receiptNumber: row.receipt_number,
    orderingCompanyName: row.ordering_company_name,
    companyName: row.company_name,
    adminName: adminUser.name,
    adminEmail: adminUser.email,
    acceptedAt: row.accepted_at,
    stage: stageOf(row),
    ...(row.users_issued_at ? { usersIssuedAt: row.users_issued_at } : {}),
    ...(row.registered_at ? { registeredAt: row.registered_at } : {}),
  };
}

/**
 * Every application of every ordering company, newest first, with its stage (the operator's list;
 * 200 at most).
 *
 * @example
 * (await listOperatorApplications(database))[0]?.stage // 'accepted'
 */
export async function listOperatorApplications(database: Database, page: { limit: number; cursor?: string }): Promise<Page<OperatorApplication>> {
  const after = rowsAfter(page.cursor, 'applications.accepted_at', 'applications.invitation_id');
  const rows = await selectOperatorApplications(database.db)
    .$if(after !== undefined, (select) => select.where(after!))
    .orderBy('applications.accepted_at', 'desc')
    .orderBy('applications.invitation_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows, page.limit, toOperatorApplication, (item) => [item.acceptedAt, item.id]);
}

async function operatorApplication(queries: Queries, id: string): Promise<OperatorApplication> {
  const row = await selectOperatorApplications(queries).where('applications.invitation_id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError(404, 'application_not_found');
  return toOperatorApplication(row);
}

/** The certificate role as mails name it: 部署名 役職名 (ALPHA). */
function roleOf(certificate: { department_ja: string; title_ja: string; department_alpha: string; title_alpha: string }): string {
  return `${certificate.department_ja} ${certificate.title_ja}（${certificate.department_alpha} ${certificate.title_alpha}）`;
}

/**
 * Wave 1 (利用者ID発行): the company, its administrator (STEP 3, 管理者, the 管理用ID) with a first
 * password, and the certificate of STEP 4 (requested); mails ①②③ to the administrator.
 */
async function issueUserIds(database: Database, id: string, now: Date): Promise<void> {
  const password = newInitialPassword();
  const passwordHash = await hashSecret(password);
  await inTransaction(
    database,
    async (trx) => {
      const existing = await trx.selectFrom('partner_companies').select('id').where('invitation_id', '=', id).executeTakeFirst();
      if (existing) return;
      const application = await trx
        .selectFrom('applications')
        .select(['ordering_company_id', 'receipt_number', 'application_json'])
        .where('invitation_id', '=', id)
        .executeTakeFirst();
      if (!application) throw new ApiError(404, 'application_not_found');
      const stored = JSON.parse(application.application_json) as {
        company: { name: string };
        adminUser: { name: string; nameKana: string; department?: string; title?: string; phone: string; email: string };
        certificate: Certificate;
      };
      const company = await trx
        .insertInto('partner_companies')
        .values({
          ordering_company_id: Number(application.ordering_company_id),
          invitation_id: id,
          receipt_number: application.receipt_number,
          name: stored.company.name,
          name_alpha: stored.certificate.companyNameAlpha,
          users_issued_at: now.toISOString(),
          registered_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const companyId = Number(company.id);
      const userId = await nextUserId(trx);
      const { adminUser } = stored;
      const administrator: CompanyUser = {
        role: 'admin',
        name: adminUser.name,
        nameKana: adminUser.nameKana,
        email: adminUser.email,
        phone: adminUser.phone,
        ...(adminUser.department ? { department: adminUser.department } : {}),
        ...(adminUser.title ? { title: adminUser.title } : {}),
      };
      await insertUser(trx, companyId, userId, administrator, passwordHash, now);
      const certificateId = await insertCertificate(trx, companyId, stored.certificate, null, now);
      await trx.insertInto('partner_certificate_links').values({ user_id: userId, certificate_id: certificateId, linked_at: now.toISOString() }).execute();
      const recipient = await recipientOf(trx, userId);
      await send(trx, database, recipient.orderingCompanyId, [userIdMail(recipient, userId), initialPasswordMail(recipient, password), companyRegisteredMail(recipient)], now);
    },
    [`partner-company:${id}`],
  );
}

/**
 * Issues a requested certificate: a PIN for each link (`firstPin`, hashed before the transaction, for the
 * first; others are made here), its hash on the link, the PIN mailed to the linked user.
 */
async function issue(trx: Queries, database: Database, certificateId: string, firstPin: { pin: string; pinHash: string }, now: Date): Promise<string[]> {
  await trx
    .updateTable('partner_certificates')
    .set({ state: 'issued', issued_at: now.toISOString(), expires_at: new Date(now.getTime() + CERTIFICATE_VALID_DAYS * 86_400_000).toISOString() })
    .where('certificate_id', '=', certificateId)
    .execute();
  const links = await trx.selectFrom('partner_certificate_links').select('user_id').where('certificate_id', '=', certificateId).orderBy('user_id').execute();
  const userIds: string[] = [];
  for (const [index, link] of links.entries()) {
    const secret = index === 0 ? firstPin : await pinWithHash();
    await trx.updateTable('partner_certificate_links').set({ pin_hash: secret.pinHash }).where('user_id', '=', link.user_id).execute();
    const recipient = await recipientOf(trx, link.user_id);
    await send(trx, database, recipient.orderingCompanyId, [pinMail(recipient, certificateId, secret.pin)], now);
    userIds.push(link.user_id);
  }
  return userIds;
}

/**
 * Wave 2 (利用登録完了): the certificate of STEP 4 issued; mails ④ 電子証明書発行, ⑤ PIN, ⑥ 利用登録完了
 * to the administrator. Needs wave 1 first (`409 stage_conflict`).
 */
async function completeRegistration(database: Database, id: string, now: Date): Promise<void> {
  const pin = await pinWithHash();
  await inTransaction(
    database,
    async (trx) => {
      const company = await trx.selectFrom('partner_companies').select(['id', 'registered_at']).where('invitation_id', '=', id).executeTakeFirst();
      if (!company) throw new ApiError(409, 'stage_conflict');
      if (company.registered_at) return;
      const administrator = await trx
        .selectFrom('partner_users')
        .select('user_id')
        .where('company_id', '=', company.id)
        .where('role', '=', 'admin')
        .orderBy('created_at')
        .orderBy('user_id')
        .executeTakeFirstOrThrow();
      const first = await trx
        .selectFrom('partner_certificates')
        .selectAll()
        .where('company_id', '=', company.id)
        .where('request_number', 'is', null)
        .executeTakeFirstOrThrow();
      const recipient = await recipientOf(trx, administrator.user_id);
      if (first.state === 'requested') {
        await send(trx, database, recipient.orderingCompanyId, [certificateIssuedMail(recipient, { certificateId: first.certificate_id, role: roleOf(first) })], now);
        await issue(trx, database, first.certificate_id, pin, now);
      }
      await send(trx, database, recipient.orderingCompanyId, [registrationCompleteMail(recipient)], now);
      await trx.updateTable('partner_companies').set({ registered_at: now.toISOString() }).where('id', '=', company.id).execute();
    },
    [`partner-company:${id}`],
  );
}

/**
 * Moves an application on to `stage` (the operator's page): `usersIssued` is wave 1, `registered` wave 2.
 * Asking for the stage it is at already sends nothing again; going back is `409 stage_conflict`.
 *
 * @example
 * await advanceApplication(database, invitationId, 'usersIssued', new Date());
 */
export async function advanceApplication(database: Database, id: string, stage: Exclude<ApplicationStage, 'accepted'>, now: Date): Promise<OperatorApplication> {
  const current = await operatorApplication(database.db, id);
  if (stage === 'usersIssued') {
    if (current.stage === 'registered') throw new ApiError(409, 'stage_conflict');
    await issueUserIds(database, id, now);
  } else {
    await completeRegistration(database, id, now);
  }
  return operatorApplication(database.db, id);
}

/**
 * The certificates partners asked for (電子証明書追加発行申請), newest first; only those still to issue
 * when `pendingOnly`.
 *
 * @example
 * (await listCertificateRequests(database, true))[0]?.requestNumber // 'CR0000001'
 */
export async function listCertificateRequests(database: Database, pendingOnly: boolean): Promise<OperatorCertificateRequest[]> {
  const rows = await database.db
    .selectFrom('partner_certificates')
    .innerJoin('partner_companies', 'partner_companies.id', 'partner_certificates.company_id')
    .select([
      'partner_certificates.certificate_id',
      'partner_certificates.request_number',
      'partner_certificates.state',
      'partner_certificates.department_ja',
      'partner_certificates.title_ja',
      'partner_certificates.requested_at',
      'partner_companies.name',
    ])
    .where('partner_certificates.request_number', 'is not', null)
    .$if(pendingOnly, (query) => query.where('partner_certificates.state', '=', 'requested'))
    .orderBy('partner_certificates.requested_at', 'desc')
    .orderBy('partner_certificates.certificate_id', 'desc')
    .limit(200)
    .execute();
  const links = rows.length
    ? await database.db
        .selectFrom('partner_certificate_links')
        .select(['certificate_id', 'user_id'])
        .where('certificate_id', 'in', rows.map((row) => row.certificate_id))
        .execute()
    : [];
  return rows.map((row) => ({
    certificateId: row.certificate_id,
    requestNumber: row.request_number ?? '',
    companyName: row.name,
    userIds: links.filter((link) => link.certificate_id === row.certificate_id).map((link) => link.user_id),
    departmentJa: row.department_ja,
    titleJa: row.title_ja,
    state: row.state as CompanyCertificate['state'],
    requestedAt: row.requested_at,
  }));
}

/**
 * The operator issues a certificate a partner asked for: its PIN goes to the user it is for (⑤).
 * Issuing one already issued sends nothing again.
 *
 * @example
 * await issueRequestedCertificate(database, 'C0000002', new Date());
 */
export async function issueRequestedCertificate(database: Database, certificateId: string, now: Date): Promise<OperatorCertificateRequest> {
  const pin = await pinWithHash();
  await inTransaction(
    database,
    async (trx) => {
      const row = await trx
        .selectFrom('partner_certificates')
        .select(['state', 'request_number'])
        .where('certificate_id', '=', certificateId)
        .executeTakeFirst();
      if (!row?.request_number) throw new ApiError(404, 'certificate_not_found');
      if (row.state === 'requested') await issue(trx, database, certificateId, pin, now);
    },
    [`partner-certificate:${certificateId}`],
  );
  const all = await listCertificateRequests(database, false);
  return all.find((each) => each.certificateId === certificateId) as OperatorCertificateRequest;
}

/**
 * Bulk renewal of client certificates (issue 15; seed `eppcert-gas-client-certificate-renewal.ja.txt`): an
 * account's in-house RA (企業内RA) with its registered contact, its certificates, the renewal requests the
 * contact sends and the operator's issuance of each row.
 *
 * An organisation is an account of this server (`ordering_companies`): its mails go to that account's
 * outbox. Only the registered RA contact may request issuance (「企業内RA設置申込書に記載されたご担当者様の
 * メールアドレスからのみ…依頼が可能です」): the contact authenticates with a key of their own; anyone else is
 * refused with `403 not_ra_contact`. A request is validated with the very function the form uses
 * (`validateRenewalRequest`), "today" being the server's Japan-time day.
 */
import { randomBytes, randomInt } from 'node:crypto';
import * as z from 'zod/mini';
import { addDays, addMonths, tokyoToday, type IsoDate } from '../../src/domain/dates.js';
import type { FieldIssue } from '../../src/domain/validation.js';
import {
  EXPIRY_NOTICE_DAYS,
  renewalRowSchema,
  validateRenewalRequest,
  type RenewalDraft,
  type RenewalReceipt,
  type RenewalRow,
  type RenewalRowDraft,
} from '../../src/domain/renewal.js';
import { ApiError, validationFailed } from './api-error.js';
import { dayNumber } from './day-numbers.js';
import { inTransaction, type Database, type Queries } from './database.js';
import { parseBoundedJson } from './http/bounded-json.js';
import { enqueueMail } from './mails.js';
import { expiryNoticeMail, idNotificationMail, invoiceNoticeMail, type RenewalMailLocale } from './renewal-mails.js';
import { sha256Hex } from './secrets.js';

/** Largest body: 1000 rows (`MAX_RENEWAL_ROWS`) with every field full stay under it. */
export const MAX_RENEWAL_REQUEST_BYTES = 1024 * 1024;

/** Where a row of a request stands: sent, or issued by the operator with its new 証明書ID and serial. */
export type RenewalRowState = 'requested' | 'issued';

/** The registered RA contact of an organisation, as the routes know them once authenticated. */
export interface RaContact {
  organisationId: number;
  organisationName: string;
  email: string;
  locale: RenewalMailLocale;
}

/** A certificate of an organisation, as seeded or registered. */
export interface OrganisationCertificate {
  commonName: string;
  /** 証明書ID. */
  certificateId: string;
  /** 証明書シリアル (hex). */
  serial: string;
  /** 有効期限日, `YYYY-MM-DD` (Japan). */
  expiresOn: IsoDate;
}

/** One row of a stored request: what was asked, its state and, once issued, the new certificate. */
export type StoredRenewalRow = RenewalRow & {
  /** 1-based row number of the 発行依頼書. */
  row: number;
  state: RenewalRowState;
  issuedCertificateId?: string;
  issuedSerial?: string;
  issuedAt?: string;
};

/** `GET /renewal-requests/{n}`: the request as stored with each row's state. */
export interface StoredRenewalRequest {
  requestNumber: string;
  acceptedAt: string;
  operatorCode: string;
  locale: RenewalMailLocale;
  organisationName: string;
  /** When the last row was issued. */
  completedAt?: string;
  rows: StoredRenewalRow[];
}

/** `GET /renewal-requests/{n}` as a schema (the OpenAPI document describes the answer with it). */
export const storedRenewalRequestSchema = z.object({
  requestNumber: z.string(),
  acceptedAt: z.string(),
  operatorCode: z.string(),
  locale: z.enum(['ja', 'en']),
  organisationName: z.string(),
  completedAt: z.optional(z.string()),
  rows: z.array(
    z.extend(renewalRowSchema, {
      row: z.number(),
      state: z.enum(['requested', 'issued']),
      issuedCertificateId: z.optional(z.string()),
      issuedSerial: z.optional(z.string()),
      issuedAt: z.optional(z.string()),
    }),
  ),
});

const localeOf = (value: string): RenewalMailLocale => (value === 'en' ? 'en' : 'ja');

/**
 * Registers (or replaces: 企業内RA変更) the RA contact of the account `organisationId`; only the key's hash
 * is kept. Repeatable, so the demo can seed on every start.
 *
 * @example
 * await registerRaContact(database, { organisationId: company.id, email: 'ra@gas.example.co.jp', raKey, now: new Date() });
 */
export async function registerRaContact(
  database: Database,
  input: { organisationId: number; email: string; raKey: string; locale?: RenewalMailLocale; now: Date },
): Promise<void> {
  const values = {
    ra_contact_email: input.email,
    ra_key_sha256: sha256Hex(input.raKey),
    locale: input.locale ?? 'ja',
    registered_at: input.now.toISOString(),
  };
  await database.db
    .insertInto('renewal_organisations')
    .values({ ordering_company_id: input.organisationId, ...values })
    .onConflict((conflict) => conflict.column('ordering_company_id').doUpdateSet(values))
    .execute();
}

/**
 * The RA contact whose key this is, if any.
 *
 * @example
 * (await findRaContact(database, raKey))?.email // 'ra@gas.example.co.jp'
 */
export async function findRaContact(database: Database, raKey: string): Promise<RaContact | undefined> {
  const row = await database.db
    .selectFrom('renewal_organisations')
    .innerJoin('ordering_companies', 'ordering_companies.id', 'renewal_organisations.ordering_company_id')
    .select(['renewal_organisations.ordering_company_id', 'renewal_organisations.ra_contact_email', 'renewal_organisations.locale', 'ordering_companies.name'])
    .where('renewal_organisations.ra_key_sha256', '=', sha256Hex(raKey))
    .executeTakeFirst();
  return (
    row && {
      organisationId: Number(row.ordering_company_id),
      organisationName: row.name,
      email: row.ra_contact_email,
      locale: localeOf(row.locale),
    }
  );
}

/**
 * Records certificates of an organisation (the provider's registry); one already known keeps its notice state.
 *
 * @example
 * await registerCertificates(database, company.id, [{ commonName: 'gw01.gas.example.co.jp', certificateId: '100001', serial: '0A1B', expiresOn: '2027-05-31' }]);
 */
export async function registerCertificates(database: Database, organisationId: number, certificates: readonly OrganisationCertificate[]): Promise<void> {
  for (const certificate of certificates) {
    const values = { common_name: certificate.commonName, serial: certificate.serial, expires_on: certificate.expiresOn };
    await database.db
      .insertInto('renewal_certificates')
      .values({ ordering_company_id: organisationId, certificate_id: certificate.certificateId, ...values, expiry_notice_sent_at: null })
      .onConflict((conflict) => conflict.columns(['ordering_company_id', 'certificate_id']).doUpdateSet(values))
      .execute();
  }
}

/**
 * Certificates of an organisation that expire from `today` to `today + withinDays` (both included),
 * soonest first, leaving out those whose renewal is already requested.
 */
async function expiringCertificates(queries: Queries, organisationId: number, today: IsoDate, withinDays: number) {
  return queries
    .selectFrom('renewal_certificates')
    .select(['certificate_id', 'common_name', 'expires_on', 'expiry_notice_sent_at'])
    .where('ordering_company_id', '=', organisationId)
    .where('expires_on', '>=', today)
    .where('expires_on', '<=', addDays(today, withinDays))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('renewal_request_rows')
            .innerJoin('renewal_requests', 'renewal_requests.request_number', 'renewal_request_rows.request_number')
            .select('renewal_request_rows.row_number')
            .where('renewal_requests.ordering_company_id', '=', organisationId)
            .whereRef('renewal_request_rows.current_certificate_id', '=', 'renewal_certificates.certificate_id'),
        ),
      ),
    )
    .orderBy('expires_on')
    .orderBy('certificate_id')
    .execute();
}

/**
 * `GET /expiring-certificates?withinDays=…`: what the expiry notice lists, to prefill the form.
 *
 * @example
 * await listExpiringCertificates(database, contact.organisationId, new Date(), 60) // [{ commonName, certificateId, expiresOn }]
 */
export async function listExpiringCertificates(database: Database, organisationId: number, now: Date, withinDays: number) {
  const rows = await expiringCertificates(database.db, organisationId, tokyoToday(now), withinDays);
  return rows.map((row) => ({ commonName: row.common_name, certificateId: row.certificate_id, expiresOn: row.expires_on }));
}

/**
 * The 60-day notice (seed, step 1: 「有効期限到来まで約60日前となったクライアント証明書のCN、証明書IDの一覧」):
 * one mail per organisation to its RA contact listing the certificates that expire within 60 days of the
 * Japan day of `now` and were not listed before, nor already requested. Run by the operator (or a
 * schedule); a second run the same day sends nothing new.
 *
 * @example
 * const { mails, certificates } = await sendExpiryNotices(database, new Date());
 */
export async function sendExpiryNotices(database: Database, now: Date): Promise<{ mails: number; certificates: number }> {
  const today = tokyoToday(now);
  const organisations = await database.db
    .selectFrom('renewal_organisations')
    .innerJoin('ordering_companies', 'ordering_companies.id', 'renewal_organisations.ordering_company_id')
    .select(['renewal_organisations.ordering_company_id', 'renewal_organisations.ra_contact_email', 'renewal_organisations.locale', 'ordering_companies.name'])
    .execute();
  let mails = 0;
  let certificates = 0;
  for (const organisation of organisations) {
    const organisationId = Number(organisation.ordering_company_id);
    await inTransaction(
      database,
      async (trx) => {
        const due = (await expiringCertificates(trx, organisationId, today, EXPIRY_NOTICE_DAYS)).filter((row) => row.expiry_notice_sent_at === null);
        if (due.length === 0) return;
        const mail = expiryNoticeMail({
          to: organisation.ra_contact_email,
          organisationName: organisation.name,
          locale: localeOf(organisation.locale),
          certificates: due.map((row) => ({ commonName: row.common_name, certificateId: row.certificate_id, expiresOn: row.expires_on })),
        });
        await enqueueMail(trx, { orderingCompanyId: organisationId, mail, now, mailKey: database.mailKey });
        await trx
          .updateTable('renewal_certificates')
          .set({ expiry_notice_sent_at: now.toISOString() })
          .where('ordering_company_id', '=', organisationId)
          .where('certificate_id', 'in', due.map((row) => row.certificate_id))
          .execute();
        mails += 1;
        certificates += due.length;
      },
      [`renewal-notice:${organisationId}`],
    );
  }
  return { mails, certificates };
}

// ── requests ──────────────────────────────────────────────────────────────────────────────────────

const ROW_TEXT_FIELDS = ['commonName', 'certificateId', 'currentExpiry', 'validityStart', 'medium', 'tokenChoice', 'notificationEmail'] as const;

/**
 * The body as a draft for `validateRenewalRequest`, or the issues of a body whose shape is wrong (a row
 * that is not an object, a field that is not text): the domain function reads typed text, nothing else.
 */
function draftOf(body: unknown): { draft: RenewalDraft; locale?: 'ja' | 'en'; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const record = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (record !== body) issues.push({ path: [], code: 'invalid' });
  const text = (value: unknown, path: string[]): string | undefined => {
    if (value === undefined || typeof value === 'string') return value;
    issues.push({ path, code: 'invalid' });
    return undefined;
  };
  if (record.rows !== undefined && !Array.isArray(record.rows)) issues.push({ path: ['rows'], code: 'invalid' });
  const rows = (Array.isArray(record.rows) ? record.rows : []).map((row: unknown, index): RenewalRowDraft => {
    const at = (field: string) => ['rows', String(index), field];
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      issues.push({ path: ['rows', String(index)], code: 'invalid' });
      return {};
    }
    const fields = row as Record<string, unknown>;
    const draft: Record<string, unknown> = {};
    for (const field of ROW_TEXT_FIELDS) draft[field] = text(fields[field], at(field));
    if (fields.pastStartConfirmed !== undefined && typeof fields.pastStartConfirmed !== 'boolean') issues.push({ path: at('pastStartConfirmed'), code: 'invalid' });
    draft.pastStartConfirmed = fields.pastStartConfirmed === true;
    return draft as RenewalRowDraft;
  });
  const locale = record.locale === undefined || record.locale === 'ja' || record.locale === 'en' ? record.locale : undefined;
  if (record.locale !== locale) issues.push({ path: ['locale'], code: 'invalid' });
  return {
    draft: { operatorCode: text(record.operatorCode, ['operatorCode']) ?? '', operatorCodeConfirmed: record.operatorCodeConfirmed === true, rows },
    ...(locale ? { locale } : {}),
    issues,
  };
}

async function replayedReceipt(queries: Queries, organisationId: number, idempotencyKey: string | undefined, fingerprint: string) {
  if (idempotencyKey === undefined) return undefined;
  const row = await queries
    .selectFrom('renewal_requests')
    .select(['request_sha256', 'receipt_json'])
    .where('ordering_company_id', '=', organisationId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_sha256 !== fingerprint) throw new ApiError(409, 'idempotency_conflict');
  return JSON.parse(row.receipt_json) as RenewalReceipt;
}

/** The next request number of the Japan day of `now`: `R` + YYMMDD + a 4-digit sequence (as the form's mock). */
async function nextRequestNumber(queries: Queries, now: Date): Promise<string> {
  return dayNumber(now, 'R', async (day) => {
    const row = await queries
      .insertInto('renewal_request_sequences')
      .values({ day, last_value: 1 })
      .onConflict((conflict) => conflict.column('day').doUpdateSet((eb) => ({ last_value: eb('renewal_request_sequences.last_value', '+', 1) })))
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(row.last_value);
  });
}

/**
 * Stores a renewal request sent as `bodyText` by the RA contact, or gives again the answer given to the
 * same body under the same `Idempotency-Key` (then nothing new is stored). Throws `ApiError`:
 * `400 validation_failed` with the domain's issues (at the server's Japan-time "today": the +179-day rule
 * holds here too), `409 idempotency_conflict` for the same key with another body, `503` past 9,999 a day.
 *
 * @example
 * const receipt = await storeRenewalRequest(database, { contact, idempotencyKey: 'k1', bodyText, now: new Date() });
 * receipt.requestNumber // 'R2704010001'
 */
export async function storeRenewalRequest(
  database: Database,
  submission: { contact: RaContact; idempotencyKey: string | undefined; bodyText: string; now: Date; operatorCodePattern?: RegExp | undefined },
): Promise<RenewalReceipt> {
  const { contact, idempotencyKey, bodyText, now, operatorCodePattern } = submission;
  const fingerprint = sha256Hex(bodyText);
  const replay = await replayedReceipt(database.db, contact.organisationId, idempotencyKey, fingerprint);
  if (replay) return replay;

  const { draft, locale, issues } = draftOf(parseBoundedJson(bodyText, []));
  if (issues.length > 0) throw validationFailed(issues);
  const result = validateRenewalRequest(draft, { today: tokyoToday(now), operatorCodePattern }, locale);
  if (!result.ok) throw validationFailed(result.issues);
  const request = result.value;

  return inTransaction(
    database,
    async (trx) => {
      // Checked again under the lock: the same request may have been stored meanwhile.
      const concurrentReplay = await replayedReceipt(trx, contact.organisationId, idempotencyKey, fingerprint);
      if (concurrentReplay) return concurrentReplay;
      const requestNumber = await nextRequestNumber(trx, now);
      const receipt: RenewalReceipt = {
        requestNumber,
        rows: request.rows.map(({ commonName, certificateId }) => ({ commonName, ...(certificateId ? { certificateId } : {}), state: 'requested' })),
      };
      await trx
        .insertInto('renewal_requests')
        .values({
          request_number: requestNumber,
          ordering_company_id: contact.organisationId,
          accepted_at: now.toISOString(),
          operator_code: request.operatorCode,
          locale: request.locale ?? 'ja',
          idempotency_key: idempotencyKey ?? null,
          request_sha256: fingerprint,
          receipt_json: JSON.stringify(receipt),
          completed_at: null,
        })
        .execute();
      await trx
        .insertInto('renewal_request_rows')
        .values(
          request.rows.map((row, index) => ({
            request_number: requestNumber,
            row_number: index + 1,
            common_name: row.commonName,
            current_certificate_id: row.certificateId ?? null,
            row_json: JSON.stringify(row),
            state: 'requested',
            issued_certificate_id: null,
            issued_serial: null,
            issued_at: null,
          })),
        )
        .execute();
      return receipt;
    },
    [`renewal-idempotency:${contact.organisationId}:${idempotencyKey ?? fingerprint}`],
  );
}

/**
 * A stored request with each row's state; `organisationId` limits it to that organisation's requests
 * (the RA contact's view), `undefined` is the operator's view of all.
 *
 * @example
 * (await findRenewalRequest(database, 'R2704010001', contact.organisationId))?.rows[0]?.state // 'requested'
 */
export async function findRenewalRequest(database: Database | Queries, requestNumber: string, organisationId?: number): Promise<StoredRenewalRequest | undefined> {
  const db = 'db' in database ? database.db : database;
  const request = await db
    .selectFrom('renewal_requests')
    .innerJoin('ordering_companies', 'ordering_companies.id', 'renewal_requests.ordering_company_id')
    .select(['request_number', 'accepted_at', 'operator_code', 'renewal_requests.locale', 'completed_at', 'ordering_companies.name', 'ordering_company_id'])
    .where('request_number', '=', requestNumber)
    .$if(organisationId !== undefined, (query) => query.where('ordering_company_id', '=', organisationId!))
    .executeTakeFirst();
  if (!request) return undefined;
  const rows = await db
    .selectFrom('renewal_request_rows')
    .selectAll()
    .where('request_number', '=', requestNumber)
    .orderBy('row_number')
    .execute();
  return {
    requestNumber: request.request_number,
    acceptedAt: request.accepted_at,
    operatorCode: request.operator_code,
    locale: localeOf(request.locale),
    organisationName: request.name,
    ...(request.completed_at ? { completedAt: request.completed_at } : {}),
    rows: rows.map((row) => ({
      row: Number(row.row_number),
      ...(JSON.parse(row.row_json) as RenewalRow),
      state: row.state as RenewalRowState,
      ...(row.issued_certificate_id ? { issuedCertificateId: row.issued_certificate_id } : {}),
      ...(row.issued_serial ? { issuedSerial: row.issued_serial } : {}),
      ...(row.issued_at ? { issuedAt: row.issued_at } : {}),
    })),
  };
}

/**
 * The newest requests of every organisation (the operator's list), each with its rows.
 *
 * @example
 * (await listRenewalRequests(database, 20))[0]?.requestNumber
 */
export async function listRenewalRequests(database: Database, limit: number): Promise<StoredRenewalRequest[]> {
  const numbers = await database.db
    .selectFrom('renewal_requests')
    .select('request_number')
    .orderBy('accepted_at', 'desc')
    .orderBy('request_number', 'desc')
    .limit(limit)
    .execute();
  const found = await Promise.all(numbers.map((row) => findRenewalRequest(database, row.request_number)));
  return found.filter((request): request is StoredRenewalRequest => request !== undefined);
}

/** A 証明書ID the provider assigns: 8 digits, like the notice's IDs but longer. */
const newCertificateId = () => String(randomInt(10_000_000, 100_000_000));
/** A positive 128-bit serial in upper-case hex (RFC 5280: at most 20 octets, positive). */
const newSerial = () => {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex').toUpperCase();
};

/** The last day of the month after the one `day` falls in: 「翌月末までに…お支払い」 (seed, step 6). */
export function paymentDueDate(day: IsoDate): IsoDate {
  return addDays(addMonths(`${day.slice(0, 8)}01`, 2), -1);
}

/**
 * The operator marks row `rowNumber` of a request issued with its new 証明書ID and serial (generated when
 * not given). In the same transaction: the ID通知メール to the row's address when its medium is
 * ダウンロード, and once every row is issued, the invoice notice to the RA contact listing every row's
 * 証明書ID and serial (the returned 発行依頼書) with the payment date (end of the following month, Japan).
 * Throws `404 renewal_request_not_found` / `row_not_found`, `409 row_already_issued` /
 * `certificate_id_taken`.
 *
 * @example
 * await issueRenewalRow(database, { requestNumber: 'R2704010001', rowNumber: 1, now: new Date() });
 */
export async function issueRenewalRow(
  database: Database,
  input: { requestNumber: string; rowNumber: number; certificateId?: string | undefined; serial?: string | undefined; now: Date },
): Promise<StoredRenewalRequest> {
  const { requestNumber, rowNumber, now } = input;
  const certificateId = input.certificateId ?? newCertificateId();
  const serial = input.serial ?? newSerial();
  return inTransaction(
    database,
    async (trx) => {
      const before = await findRenewalRequest(trx, requestNumber);
      if (!before) throw new ApiError(404, 'renewal_request_not_found');
      const row = before.rows.find((each) => each.row === rowNumber);
      if (!row) throw new ApiError(404, 'row_not_found');
      if (row.state === 'issued') throw new ApiError(409, 'row_already_issued');
      const taken = await trx.selectFrom('renewal_request_rows').select('row_number').where('issued_certificate_id', '=', certificateId).executeTakeFirst();
      if (taken) throw new ApiError(409, 'certificate_id_taken');
      await trx
        .updateTable('renewal_request_rows')
        .set({ state: 'issued', issued_certificate_id: certificateId, issued_serial: serial, issued_at: now.toISOString() })
        .where('request_number', '=', requestNumber)
        .where('row_number', '=', rowNumber)
        .execute();
      const organisation = await trx
        .selectFrom('renewal_requests')
        .innerJoin('renewal_organisations', 'renewal_organisations.ordering_company_id', 'renewal_requests.ordering_company_id')
        .select(['renewal_requests.ordering_company_id', 'renewal_organisations.ra_contact_email'])
        .where('request_number', '=', requestNumber)
        .executeTakeFirstOrThrow();
      const orderingCompanyId = Number(organisation.ordering_company_id);
      const enqueue = (mail: Parameters<typeof enqueueMail>[1]['mail']) => enqueueMail(trx, { orderingCompanyId, mail, now, mailKey: database.mailKey });
      const issuedRow = { ...row, state: 'issued' as const, issuedCertificateId: certificateId, issuedSerial: serial, issuedAt: now.toISOString() };
      if (row.medium === 'download' && row.notificationEmail) {
        await enqueue(idNotificationMail({ to: row.notificationEmail, locale: before.locale, organisationName: before.organisationName, requestNumber, row: issuedRow }));
      }
      const rows = before.rows.map((each) => (each.row === rowNumber ? issuedRow : each));
      if (rows.every((each) => each.state === 'issued')) {
        await trx.updateTable('renewal_requests').set({ completed_at: now.toISOString() }).where('request_number', '=', requestNumber).execute();
        await enqueue(
          invoiceNoticeMail({
            to: organisation.ra_contact_email,
            locale: before.locale,
            organisationName: before.organisationName,
            requestNumber,
            rows,
            payBy: paymentDueDate(tokyoToday(now)),
          }),
        );
      }
      return (await findRenewalRequest(trx, requestNumber))!;
    },
    [`renewal-request:${requestNumber}`],
  );
}

/**
 * Storing a paper application (`POST {endpoint}/paper-applications`, issue 14): the application prepared
 * with `<cec-paper-application>` is validated with the very domain function the element uses
 * (`validatePaperApplication`, "today" in Japan time from the server's clock) and stored as JSON under a
 * reference number `P` + YYMMDD (Japan time) + a 4-digit sequence of that day, which the element prints on
 * every page so that the service can match the paper when it arrives.
 *
 * The `Idempotency-Key` is kept on the stored row with a hash of the body: the same key with the same body
 * gets the same answer and stores nothing new; the same key with another body is `409 idempotency_conflict`.
 * Number, row and key commit in one transaction.
 */
import { tokyoToday } from '../../src/domain/dates.js';
import { validatePaperApplication, type PaperReceipt } from '../../src/domain/paper-application.js';
import { ApiError, validationFailed } from './api-error.js';
import { dayNumber } from './day-numbers.js';
import { inTransaction, type Database, type Queries } from './database.js';
import { parseBoundedJson } from './http/bounded-json.js';
import { sha256Hex } from './secrets.js';

/** Largest body: 50 applicants of each kind with every field full stay well under it. */
export const MAX_PAPER_APPLICATION_BYTES = 256 * 1024;
/** Paper applications one client address may store (201 answers, replays included) per rate-limit window. */
export const PAPER_APPLICATIONS_PER_WINDOW = 20;

/** The tables of migration 3 (`Tables` in database.ts is the other routes'; these are added per query). */
// A type alias, not an interface: `withTables` needs the implicit index signature.
export type PaperTables = {
  paper_applications: {
    reference_number: string;
    accepted_at: string;
    company_name: string;
    application_json: string;
    idempotency_key: string;
    request_sha256: string;
  };
  paper_reference_sequences: { day: string; last_value: number };
};

/** `queries` (the database or a transaction) knowing the paper tables too. */
export const withPaperTables = (queries: Queries) => queries.withTables<PaperTables>();

/**
 * A stored paper application, as the admin side would read it.
 *
 * @example
 * (await findPaperApplication(database, 'P2704010001'))?.application.company.name
 */
export interface StoredPaperApplication extends PaperReceipt {
  companyName: string;
  application: unknown;
}

async function replayedPaperReceipt(queries: Queries, idempotencyKey: string, fingerprint: string): Promise<PaperReceipt | undefined> {
  const row = await withPaperTables(queries)
    .selectFrom('paper_applications')
    .select(['request_sha256', 'reference_number', 'accepted_at'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_sha256 !== fingerprint) throw new ApiError(409, 'idempotency_conflict');
  return { referenceNumber: row.reference_number, acceptedAt: row.accepted_at };
}

/**
 * The next reference number of the Japan day of `now`; the day's counter row is bumped inside the
 * caller's transaction (a row lock on PostgreSQL), so two applications never draw the same number.
 */
async function nextReferenceNumber(queries: Queries, now: Date): Promise<string> {
  return dayNumber(now, 'P', async (day) => {
    const row = await withPaperTables(queries)
      .insertInto('paper_reference_sequences')
      .values({ day, last_value: 1 })
      .onConflict((conflict) => conflict.column('day').doUpdateSet((eb) => ({ last_value: eb('paper_reference_sequences.last_value', '+', 1) })))
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(row.last_value);
  });
}

/**
 * Stores a paper application sent as `bodyText`, or replays the answer given before to the same body under
 * the same `Idempotency-Key`. Throws `ApiError`: `400 validation_failed` with the domain's issues,
 * `409 idempotency_conflict`, `503` once a day's 9,999 numbers are used.
 *
 * @example
 * const receipt = await storePaperApplication(database, { idempotencyKey, bodyText, now: new Date() });
 * receipt.referenceNumber // 'P2704010001'
 */
export async function storePaperApplication(
  database: Database,
  submission: { idempotencyKey: string; bodyText: string; now: Date },
): Promise<PaperReceipt> {
  const { idempotencyKey, bodyText, now } = submission;
  const fingerprint = sha256Hex(bodyText);
  const replay = await replayedPaperReceipt(database.db, idempotencyKey, fingerprint);
  if (replay) return replay;

  const result = validatePaperApplication(parseBoundedJson(bodyText, []), tokyoToday(now));
  if (!result.ok) throw validationFailed(result.issues);
  const application = result.value;

  return inTransaction(
    database,
    async (trx): Promise<PaperReceipt> => {
      // Checked again under the lock: the same request may have been stored meanwhile.
      const concurrentReplay = await replayedPaperReceipt(trx, idempotencyKey, fingerprint);
      if (concurrentReplay) return concurrentReplay;
      const referenceNumber = await nextReferenceNumber(trx, now);
      const acceptedAt = now.toISOString();
      await withPaperTables(trx)
        .insertInto('paper_applications')
        .values({
          reference_number: referenceNumber,
          accepted_at: acceptedAt,
          company_name: application.company.name,
          application_json: JSON.stringify(application),
          idempotency_key: idempotencyKey,
          request_sha256: fingerprint,
        })
        .execute();
      return { referenceNumber, acceptedAt };
    },
    [`paper-idempotency:${idempotencyKey}`],
  );
}

/**
 * A stored paper application by its reference number.
 *
 * @example
 * (await findPaperApplication(database, 'P2704010001'))?.companyName // '株式会社山田建設'
 */
export async function findPaperApplication(database: Database, referenceNumber: string): Promise<StoredPaperApplication | undefined> {
  const row = await withPaperTables(database.db)
    .selectFrom('paper_applications')
    .select(['reference_number', 'accepted_at', 'company_name', 'application_json'])
    .where('reference_number', '=', referenceNumber)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    referenceNumber: row.reference_number,
    acceptedAt: row.accepted_at,
    companyName: row.company_name,
    application: JSON.parse(row.application_json) as unknown,
  };
}

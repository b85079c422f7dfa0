/**
 * How long personal data is kept, and the purge that enforces it. It runs on a schedule inside the
 * server and as a command (`npm run purge`).
 * - applications and their documents (the seal certificate): `applicationDays` after acceptance
 *   (default 90), or at the next run once the ordering company marked them exported;
 * - drafts: as soon as their invitation has expired or been used;
 * - idempotency records: after `idempotencyDays` (35: no wizard retries a submission longer than its
 *   invitation lives), the partner routes' too; partner sessions once expired;
 * - mail bodies: once delivered (the outbox keeps who, what subject and when), and every mail's body
 *   after `applicationDays` even when no SMTP server delivered it;
 * - paper applications (CECTRUST + CECSIGN): `applicationDays` after they were stored (the paper itself
 *   is the record; the stored copy only lets the service match it when it arrives);
 * - certificate-renewal requests and their rows: `applicationDays` after their last row was issued (an
 *   open request is kept: the operator still works on it).
 * SQLite runs with `secure_delete`, so what is deleted is overwritten in the file, not left readable.
 */
import type { Database } from './database.js';
import { withPaperTables } from './paper-applications.js';

export interface RetentionPolicy {
  applicationDays: number;
  idempotencyDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { applicationDays: 90, idempotencyDays: 35 };

/** What one purge removed. */
export interface PurgeReport {
  applications: number;
  drafts: number;
  idempotencyKeys: number;
  mailBodies: number;
  paperApplications: number;
  renewalRequests: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes what the policy no longer allows keeping, as of `now`.
 *
 * @example
 * await purgeExpiredData(database, new Date(), DEFAULT_RETENTION) // { applications: 2, drafts: 5, …, renewalRequests: 1 }
 */
export async function purgeExpiredData(database: Database, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): Promise<PurgeReport> {
  const nowText = now.toISOString();
  const applicationLimit = new Date(now.getTime() - policy.applicationDays * DAY_MS).toISOString();
  const idempotencyLimit = new Date(now.getTime() - policy.idempotencyDays * DAY_MS).toISOString();
  return database.db.transaction().execute(async (trx) => {
    const doomed = trx
      .selectFrom('applications')
      .select('invitation_id')
      .where((eb) => eb.or([eb('accepted_at', '<', applicationLimit), eb('exported_at', 'is not', null)]));
    await trx.deleteFrom('documents').where('invitation_id', 'in', doomed).execute();
    const applications = await trx
      .deleteFrom('applications')
      .where((eb) => eb.or([eb('accepted_at', '<', applicationLimit), eb('exported_at', 'is not', null)]))
      .executeTakeFirst();
    const drafts = await trx
      .deleteFrom('drafts')
      .where('invitation_id', 'in', (eb) =>
        eb
          .selectFrom('invitations')
          .select('id')
          .where((inner) => inner.or([inner('used_at', 'is not', null), inner('expires_at', '<=', nowText)])),
      )
      .executeTakeFirst();
    const idempotencyKeys = await trx.deleteFrom('idempotency_keys').where('created_at', '<', idempotencyLimit).executeTakeFirst();
    const partnerKeys = await trx.deleteFrom('partner_idempotency_keys').where('created_at', '<', idempotencyLimit).executeTakeFirst();
    await trx.deleteFrom('partner_sessions').where('expires_at', '<=', nowText).execute();
    const mailBodies = await trx
      .updateTable('outbox')
      .set({ body: '', sealed_link: null })
      .where('body', '!=', '')
      .where((eb) => eb.or([eb('delivered_at', 'is not', null), eb('created_at', '<', applicationLimit)]))
      .executeTakeFirst();
    const paperApplications = await withPaperTables(trx).deleteFrom('paper_applications').where('accepted_at', '<', applicationLimit).executeTakeFirst();
    const finishedRenewals = trx.selectFrom('renewal_requests').select('request_number').where('completed_at', '<', applicationLimit);
    await trx.deleteFrom('renewal_request_rows').where('request_number', 'in', finishedRenewals).execute();
    const renewalRequests = await trx.deleteFrom('renewal_requests').where('completed_at', '<', applicationLimit).executeTakeFirst();
    return {
      applications: Number(applications.numDeletedRows),
      drafts: Number(drafts.numDeletedRows),
      idempotencyKeys: Number(idempotencyKeys.numDeletedRows) + Number(partnerKeys.numDeletedRows),
      mailBodies: Number(mailBodies.numUpdatedRows),
      paperApplications: Number(paperApplications.numDeletedRows),
      renewalRequests: Number(renewalRequests.numDeletedRows),
    };
  });
}

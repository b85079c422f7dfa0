/**
 * Drafts: what a partner has typed so far, kept per invitation so the form can be continued on another
 * device or after a resend (the invitation keeps its id across resends). Deleted when the application
 * is accepted, and by the retention purge once the invitation has expired: a draft is personal data
 * with no use after that.
 */
import type { Database, Queries } from './database.js';

export interface SavedDraft {
  draft: Record<string, unknown>;
  savedAt: string;
}

/**
 * Saves (replacing) the draft of an invitation.
 *
 * @example
 * await saveDraft(database, invitation.id, { company: { name: '山田建設' } }, new Date());
 */
export async function saveDraft(database: Database, invitationId: string, draft: Record<string, unknown>, now: Date): Promise<void> {
  const row = { invitation_id: invitationId, draft_json: JSON.stringify(draft), saved_at: now.toISOString() };
  await database.db
    .insertInto('drafts')
    .values(row)
    .onConflict((conflict) => conflict.column('invitation_id').doUpdateSet({ draft_json: row.draft_json, saved_at: row.saved_at }))
    .execute();
}

/**
 * The saved draft of an invitation, if any.
 *
 * @example
 * (await loadDraft(database, invitation.id))?.savedAt
 */
export async function loadDraft(database: Database, invitationId: string): Promise<SavedDraft | undefined> {
  const row = await database.db.selectFrom('drafts').select(['draft_json', 'saved_at']).where('invitation_id', '=', invitationId).executeTakeFirst();
  return row && { draft: JSON.parse(row.draft_json) as Record<string, unknown>, savedAt: row.saved_at };
}

/**
 * Forgets the draft of an invitation (call inside the transaction that accepts its application).
 *
 * @example
 * await deleteDraft(trx, invitation.id);
 */
export async function deleteDraft(queries: Queries, invitationId: string): Promise<void> {
  await queries.deleteFrom('drafts').where('invitation_id', '=', invitationId).execute();
}

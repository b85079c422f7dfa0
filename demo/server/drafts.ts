/**
 * Drafts: what a partner has typed so far, kept per invitation so the form can be continued on another
 * device or after a resend (the invitation keeps its id across resends). Deleted when the application
 * is accepted: a draft is personal data with no use after that.
 */
import type { Database } from './database.js';

export interface SavedDraft {
  draft: Record<string, unknown>;
  savedAt: string;
}

/**
 * Saves (replacing) the draft of an invitation.
 *
 * @example
 * saveDraft(database, invitation.id, { company: { name: '山田建設' } }, new Date());
 */
export function saveDraft(database: Database, invitationId: string, draft: Record<string, unknown>, now: Date): void {
  database
    .prepare(
      `INSERT INTO drafts (invitation_id, draft_json, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (invitation_id) DO UPDATE SET draft_json = excluded.draft_json, saved_at = excluded.saved_at`,
    )
    .run(invitationId, JSON.stringify(draft), now.toISOString());
}

/**
 * The saved draft of an invitation, if any.
 *
 * @example
 * loadDraft(database, invitation.id)?.savedAt
 */
export function loadDraft(database: Database, invitationId: string): SavedDraft | undefined {
  const row = database.prepare('SELECT draft_json, saved_at FROM drafts WHERE invitation_id = ?').get(invitationId) as
    | { draft_json: string; saved_at: string }
    | undefined;
  return row && { draft: JSON.parse(row.draft_json) as Record<string, unknown>, savedAt: row.saved_at };
}

/**
 * Forgets the draft of an invitation (call inside the transaction that accepts its application).
 *
 * @example
 * deleteDraft(database, invitation.id);
 */
export function deleteDraft(database: Database, invitationId: string): void {
  database.prepare('DELETE FROM drafts WHERE invitation_id = ?').run(invitationId);
}

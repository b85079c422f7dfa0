/**
 * The request as typed, kept in this tab's `sessionStorage` so that a reload (or a host re-rendering the
 * element) loses nothing; it lives as long as the tab and is cleared once the backend accepted the
 * request. Storage that is unavailable or full only means nothing is kept.
 */
import type { RenewalRowDraft } from '../../domain/renewal.js';

/** What is kept: the fields as typed, never the import report or the errors. */
export interface StoredRenewalDraft {
  operatorCode: string;
  operatorCodeConfirmed: boolean;
  rows: RenewalRowDraft[];
}

/**
 * The storage key of the draft for a backend: one per endpoint, so two forms for two backends do not mix.
 *
 * @example
 * renewalDraftKey('/api') // 'cec-renewal-draft:/api'
 */
export const renewalDraftKey = (endpoint: string) => `cec-renewal-draft:${endpoint}`;

/**
 * The kept draft, if any and if it still has the shape written.
 *
 * @example
 * const kept = loadRenewalDraft(renewalDraftKey('/api'));
 */
export function loadRenewalDraft(key: string): StoredRenewalDraft | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<StoredRenewalDraft> | null;
    if (!value || typeof value.operatorCode !== 'string' || !Array.isArray(value.rows)) return undefined;
    const rows = value.rows.filter((row): row is RenewalRowDraft => typeof row === 'object' && row !== null);
    return { operatorCode: value.operatorCode, operatorCodeConfirmed: value.operatorCodeConfirmed === true, rows };
  } catch {
    return undefined;
  }
}

/**
 * Keeps `draft` under `key`.
 *
 * @example
 * saveRenewalDraft(renewalDraftKey('/api'), { operatorCode: 'A1234', operatorCodeConfirmed: false, rows });
 */
export function saveRenewalDraft(key: string, draft: StoredRenewalDraft): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Unavailable (a sandboxed frame) or full: the draft is simply not kept.
  }
}

/**
 * Forgets the draft under `key`.
 *
 * @example
 * clearRenewalDraft(renewalDraftKey('/api'));
 */
export function clearRenewalDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/**
 * The rows of the renewal form as the element keeps them: each with a stable id (rows move when one is
 * removed or duplicated; their fields, focus and errors must not), and one key per field
 * (`row-<id>-<field>`) under which its issue, its interaction state and its control's id live.
 */
import type { FieldIssue } from '../../domain/validation.js';
import type { RenewalRowDraft } from '../../domain/renewal.js';

/** A row and its stable id. */
export interface RenewalRowState {
  id: number;
  draft: RenewalRowDraft;
}

/** A row's fields in display order: the error summary lists them so. */
export const ROW_FIELDS = [
  'commonName',
  'certificateId',
  'currentExpiry',
  'validityStart',
  'pastStartConfirmed',
  'medium',
  'notificationEmail',
  'tokenChoice',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** Fields outside the rows, in display order. */
export const REQUEST_FIELDS = ['operatorCode', 'operatorCodeConfirmed', 'rows'] as const;

/**
 * The key of a row's field.
 *
 * @example
 * rowKey(7, 'commonName') // 'row-7-commonName'
 */
export const rowKey = (id: number, field: RowField) => `row-${id}-${field}`;

/**
 * The first issue of each field, keyed as the form keys its fields: request paths
 * `['rows', '<index>', '<field>']` become `row-<id>-<field>` of the row now at that index.
 *
 * @example
 * issuesByKey([{ path: ['rows', '0', 'medium'], code: 'required' }], [{ id: 4, draft: {} }]) // Map { 'row-4-medium' => … }
 */
export function issuesByKey(issues: readonly FieldIssue[], rows: readonly RenewalRowState[]): Map<string, FieldIssue> {
  const byKey = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const [first, index, field] = issue.path;
    let key = first ?? '';
    if (first === 'rows' && index !== undefined) {
      const row = rows[Number(index)];
      if (!row || !field) continue;
      key = rowKey(row.id, field as RowField);
    }
    if (!byKey.has(key)) byKey.set(key, issue);
  }
  return byKey;
}

/** Whether a row holds nothing typed (a fresh row an import may replace). */
export function isBlankRow(row: RenewalRowDraft): boolean {
  return Object.values(row).every((value) => value === undefined || value === '' || value === false);
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when it decodes as such, else Shift_JIS, which Excel
 * in Japan writes by default.
 *
 * @example
 * const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

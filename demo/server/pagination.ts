/**
 * Keyset pagination of the admin lists: `?limit=` (default 50, at most 100) and `?cursor=`, answered
 * with `nextCursor` when there is more. The cursor is the sort key of the last row shown, so rows
 * arriving meanwhile (always newer) can neither repeat nor push a row off the next page.
 */
import { sql, type RawBuilder } from 'kysely';
import { validationFailed } from './api-error.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** One page of a list: its rows and, unless it is the last, the cursor of the next one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * The opaque cursor of a sort key.
 *
 * @example
 * encodeCursor(['2026-11-29T00:00:00.000Z', 'f3c1…']) // 'WyIyMDI2…'
 */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The sort key of a cursor, checked against the types expected; `400 validation_failed` on `cursor`
 * when it is not one of ours.
 *
 * @example
 * decodeCursor(cursor, ['string', 'string']) // ['2026-11-29T00:00:00.000Z', 'f3c1…']
 */
export function decodeCursor(cursor: string, types: ReadonlyArray<'string' | 'number'>): Array<string | number> {
  let key: unknown;
  try {
    key = cursor.length <= 500 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== types.length || key.some((part, index) => typeof part !== types[index])) {
    throw validationFailed([{ path: ['cursor'], code: 'invalid' }]);
  }
  return key as Array<string | number>;
}

/**
 * `?limit=` as a number within bounds, or `400 validation_failed` on `limit`.
 *
 * @example
 * pageSize('20') // 20
 * pageSize(undefined) // 50
 */
export function pageSize(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PAGE_SIZE;
  const limit = Number(value);
  if (!/^\d{1,3}$/.test(value) || limit < 1 || limit > MAX_PAGE_SIZE) throw validationFailed([{ path: ['limit'], code: 'invalid' }]);
  return limit;
}

/**
 * The keyset condition of a list ordered newest first by `first`, then `second`: the rows after the one
 * whose sort key `cursor` holds (`400 validation_failed` when it is not one of ours); none without a cursor.
 *
 * @example
 * const after = rowsAfter(query.cursor, 'invitations.created_at', 'invitations.id');
 * select.$if(after !== undefined, (rows) => rows.where(after!))
 */
export function rowsAfter(cursor: string | undefined, first: string, second: string): RawBuilder<boolean> | undefined {
  if (cursor === undefined) return undefined;
  const [key, tie] = decodeCursor(cursor, ['string', 'string']);
  return sql<boolean>`(${sql.ref(first)} < ${key} or (${sql.ref(first)} = ${key} and ${sql.ref(second)} < ${tie}))`;
}

/**
 * One page of rows asked for with `limit + 1` (the extra row only says there is more): the first `limit`
 * as items, and the cursor of the last item when there is more.
 *
 * @example
 * return pageOf(rows, query.limit, toSummary, (item) => [item.createdAt, item.id]);
 */
export function pageOf<R, T>(rows: readonly R[], limit: number, toItem: (row: R) => T, keyOf: (item: T) => ReadonlyArray<string | number>): Page<T> {
  const items = rows.slice(0, limit).map((row) => toItem(row));
  const last = items.at(-1);
  return { items, ...(rows.length > limit && last !== undefined ? { nextCursor: encodeCursor(keyOf(last)) } : {}) };
}

/**
 * Shared by the domain tests: complete, valid drafts of each section (the SPEC example shape) and
 * small assertions over `validateSection` results.
 */
import assert from 'node:assert/strict';
import type { SectionResult } from '../../src/domain/index.js';

/** A valid STEP 2 draft for a corporation (corporate number of the National Tax Agency example). */
export const corporationDraft = {
  kind: 'corporation',
  corporateNumber: '7000012050002',
  name: '株式会社コンストラクション・イーシー・ドットコム',
  nameKana: 'コンストラクション・イーシー・ドットコム',
  address: '東京都千代田区霞が関3-2-5',
  representative: '山田 太郎',
} as const;

/** A valid STEP 3 draft, every optional field filled. */
export const adminUserDraft = {
  name: '山口 慎吾',
  nameKana: 'ヤマグチ　シンゴ',
  department: '総務部',
  title: '部長',
  address: '東京都千代田区霞が関3-2-5',
  phone: '0335954610',
  email: 'yamaguchi@example.co.jp',
} as const;

/** A valid STEP 4 draft. */
export const certificateDraft = {
  companyNameAlpha: 'CONSTRUCTION-EC.COM',
  departmentJa: '本社',
  departmentAlpha: 'HONSHA',
  titleJa: '社長',
  titleAlpha: 'SHACHO',
} as const;

/** The whole application JSON of the backend contract (SPEC.md). */
export const applicationDraft = {
  token: 'BX5SGFHbFjGgwclR6SGEGqBr8MwrTyaTCa50PkYkAY',
  terms: { service: true, certificate: true },
  company: corporationDraft,
  adminUser: adminUserDraft,
  certificate: certificateDraft,
  locale: 'ja',
} as const;

/** The normalised value of an accepted section; fails the test with the issues otherwise. */
export function acceptedValue<T>(result: SectionResult<T>): T {
  if (!result.ok) assert.fail(`expected the draft to be accepted, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** The issues of a refused section as `path:code` strings, e.g. `['phone:phone']`. */
export function refusals<T>(result: SectionResult<T>): string[] {
  if (result.ok) assert.fail(`expected the draft to be refused, got ${JSON.stringify(result.value)}`);
  return result.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`);
}

/**
 * The guide's STEP 5 example holds values that are not valid (法人番号 3010401070008 has the wrong check
 * digit, TEL 033954610 has 9 digits). They are refused, and no test data, story or mock uses them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { adminUserSchema, corporateNumberSchema, validateSection } from '../../src/domain/index.js';
import { adminUserDraft } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const INVALID_SAMPLES = ['3010401070008', '033954610'];
const THIS_FILE = 'test/domain/guide-samples.test.ts';

function* filesUnder(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else if (/\.(ts|js|mjs|json|html)$/.test(name)) yield path;
  }
}

describe("the guide's invalid samples (application guide, STEP 5 入力例)", () => {
  it('refuses the corporate number 3010401070008 (check digit) and the phone 033954610 (9 digits)', () => {
    assert.deepEqual(
      validateSection(corporateNumberSchema, '3010401070008'),
      { ok: false, issues: [{ path: [], code: 'corporateNumberCheckDigit', params: {} }] },
    );
    const phone = validateSection(adminUserSchema, { ...adminUserDraft, phone: '033954610' });
    assert.deepEqual(!phone.ok && phone.issues.map((issue) => issue.code), ['phone']);
  });

  it('appears in no mock, story, demo or test data, and in tests only as a value to refuse', () => {
    const found: string[] = [];
    for (const folder of ['src', 'stories', 'demo', 'test']) {
      for (const file of filesUnder(join(ROOT, folder))) {
        const path = relative(ROOT, file);
        if (path === THIS_FILE) continue;
        const isTest = /\.(test|spec)\.ts$/.test(path);
        readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
          for (const sample of INVALID_SAMPLES) {
            if (!new RegExp(`(?<!\\d)${sample}(?!\\d)`).test(line)) continue;
            // A test may name it on the line that expects it refused (its rule's code, or "refuse").
            if (isTest && /refus|CheckDigit|'phone'|:phone'/i.test(line)) continue;
            found.push(`${path}:${index + 1}: ${sample}`);
          }
        });
      }
    }
    assert.deepEqual(found, []);
  });
});

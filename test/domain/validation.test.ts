import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { adminUserSchema, firstIssueByField, validateSection, withoutBlankFields, type FieldIssue } from '../../src/domain/index.js';
import { adminUserDraft } from './helpers.js';

describe('withoutBlankFields', () => {
  const examples: Array<[behaviour: string, input: unknown, output: unknown]> = [
    ['drops empty and whitespace-only strings', { name: 'a', title: '', department: ' \u3000\n' }, { name: 'a' }],
    ['drops blanks in nested plain objects', { company: { name: '', address: 'x' }, token: 't' }, { company: { address: 'x' }, token: 't' }],
    ['keeps non-string values, false and 0 included', { service: false, count: 0, none: null }, { service: false, count: 0, none: null }],
    ['keeps arrays as they are', { list: ['', 'a'] }, { list: ['', 'a'] }],
    ['keeps a value with surrounding spaces untouched', { name: ' a ' }, { name: ' a ' }],
    ['returns a string as it is', '  ', '  '],
    ['returns undefined as it is', undefined, undefined],
  ];
  for (const [behaviour, input, output] of examples) {
    it(behaviour, () => assert.deepEqual(withoutBlankFields(input), output));
  }

  it('leaves class instances (a File, a Date) alone', () => {
    const date = new Date(0);
    assert.equal(withoutBlankFields(date), date);
    assert.equal(withoutBlankFields({ when: date }).when, date);
  });

  it(
    'drops blanks from a null-prototype object too (what Hono\'s parseBody and Object.create(null) make)',
    () => {
      const draft = Object.assign(Object.create(null) as Record<string, unknown>, { ...adminUserDraft, title: '' });
      assert.deepEqual({ ...withoutBlankFields(draft) }, (({ title: _title, ...rest }) => rest)(adminUserDraft));
    },
  );

  it('does not change its input', () => {
    const input = { name: '', nested: { title: ' ' } };
    withoutBlankFields(input);
    assert.deepEqual(input, { name: '', nested: { title: ' ' } });
  });

  it('does not pollute Object.prototype through a "__proto__" key of parsed JSON', () => {
    withoutBlankFields(JSON.parse('{ "__proto__": { "polluted": "yes" }, "name": "a" }'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('validateSection', () => {
  it('gives the normalised value of an accepted draft', () => {
    assert.deepEqual(validateSection(adminUserSchema, { ...adminUserDraft, phone: '03-3595-4610' }), {
      ok: true,
      value: adminUserDraft,
    });
  });

  it('reports a blank required field as required, not as its format', () => {
    const result = validateSection(adminUserSchema, { ...adminUserDraft, email: '   ' });
    assert.deepEqual(result, { ok: false, issues: [{ path: ['email'], code: 'required', params: {} }] });
  });

  it('passes the maximum of a length rule on, for the message', () => {
    const result = validateSection(adminUserSchema, { ...adminUserDraft, name: 'a'.repeat(201) });
    assert.deepEqual(result, { ok: false, issues: [{ path: ['name'], code: 'tooLong', params: { maximum: 200 } }] });
  });

  it("turns zod's own wording into the code invalid", () => {
    const result = validateSection(z.object({ count: z.number() }), { count: 'three' });
    assert.deepEqual(result, { ok: false, issues: [{ path: ['count'], code: 'invalid', params: {} }] });
  });

  it('refuses a draft that is not an object, without throwing', () => {
    for (const draft of [undefined, null, 42, 'text', [], () => {}]) {
      assert.equal(validateSection(adminUserSchema, draft).ok, false);
    }
  });

  it('stringifies numeric path segments (array items)', () => {
    const result = validateSection(z.object({ list: z.array(z.string()) }), { list: ['a', 1] });
    assert.deepEqual(!result.ok && result.issues[0]?.path, ['list', '1']);
  });
});

describe('firstIssueByField', () => {
  const issues: FieldIssue[] = [
    { path: ['email'], code: 'required' },
    { path: ['email'], code: 'email' },
    { path: ['company', 'nameKana'], code: 'katakana' },
    { path: ['company', 'address'], code: 'required' },
    { path: [], code: 'invalid' },
  ];

  it('keeps the first issue of each field, keyed by its top-level name', () => {
    assert.deepEqual(firstIssueByField(issues), {
      email: { path: ['email'], code: 'required' },
      company: { path: ['company', 'nameKana'], code: 'katakana' },
      '': { path: [], code: 'invalid' },
    });
  });

  it('gives nothing for no issues', () => assert.deepEqual(firstIssueByField([]), {}));
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  companySchema,
  corporateNumberCheckDigit,
  corporateNumberSchema,
  isValidCorporateNumber,
  validateSection,
} from '../../src/domain/index.js';
import { acceptedValue, corporationDraft, refusals } from './helpers.js';

describe('corporateNumberCheckDigit (National Tax Agency rule, SPEC STEP 2)', () => {
  const examples: Array<[base: string, checkDigit: number]> = [
    ['000012050002', 7], // the SPEC's example, 7000012050002
    ['000000000000', 9], // Σ = 0 → 9 − 0
    ['000000000001', 8], // P(1) has weight 1
    ['000000000010', 7], // P(2) has weight 2
    ['100000000000', 7], // P(12) has weight 2
    ['999999999999', 9], // Σ = 6·9 + 6·18 = 162, a multiple of 9
  ];
  for (const [base, checkDigit] of examples) {
    it(`gives ${checkDigit} for the base number ${base}`, () => {
      assert.equal(corporateNumberCheckDigit(base), checkDigit);
    });
  }
});

describe('isValidCorporateNumber', () => {
  const valid = ['7000012050002', '９００００００００００００', '7000-0120-50002', '7 000012 050002'];
  for (const value of valid) {
    it(`accepts ${JSON.stringify(value)}`, () => assert.equal(isValidCorporateNumber(value), true));
  }
  const invalid = ['7000012050003', '1000012050002', '700001205000', '70000120500020', '', 'abcdefghijklm', '700001205000x'];
  for (const value of invalid) {
    it(`refuses ${JSON.stringify(value)}`, () => assert.equal(isValidCorporateNumber(value), false));
  }
});

describe('corporateNumberSchema', () => {
  const accepted: Array<[input: string, normalised: string]> = [
    ['7000012050002', '7000012050002'],
    ['７０００-０１２０-５０００２', '7000012050002'],
    ['７００００１２０５０００２', '7000012050002'],
    [' 7000 0120 50002 ', '7000012050002'],
    ['7000‐0120‐50002', '7000012050002'], // U+2010 hyphen from a word processor
  ];
  for (const [input, normalised] of accepted) {
    it(`accepts ${JSON.stringify(input)} and normalises it to ${normalised}`, () => {
      assert.equal(acceptedValue(validateSection(corporateNumberSchema, input)), normalised);
    });
  }

  const refused: Array<[behaviour: string, input: unknown, code: string]> = [
    ['refuses a corporate number whose check digit is wrong', '7000012050003', 'corporateNumberCheckDigit'],
    ['refuses a wrong check digit typed in full width', '７０００-０１２０-５０００３', 'corporateNumberCheckDigit'],
    ['refuses 12 digits', '700001205000', 'corporateNumberFormat'],
    ['refuses 14 digits', '70000120500021', 'corporateNumberFormat'],
    ['refuses letters among the digits', '7000O12050002', 'corporateNumberFormat'],
    ['refuses a number that is only hyphens', '---', 'required'],
    ['refuses a missing number', undefined, 'required'],
    ['refuses a number that is not a string', 7000012050002, 'required'],
  ];
  for (const [behaviour, input, code] of refused) {
    it(`${behaviour} (${code})`, () => {
      assert.deepEqual(refusals(validateSection(corporateNumberSchema, input)), [`:${code}`]);
    });
  }
});

describe('the corporate number in the company section (application guide, STEP 2 ②)', () => {
  for (const kind of ['corporation', 'municipality']) {
    it(`is required of a ${kind}`, () => {
      const { corporateNumber: _omitted, ...draft } = { ...corporationDraft, kind };
      assert.deepEqual(refusals(validateSection(companySchema, draft)), ['corporateNumber:required']);
    });

    it(`is required of a ${kind} even when left blank`, () => {
      const draft = { ...corporationDraft, kind, corporateNumber: '   ' };
      assert.deepEqual(refusals(validateSection(companySchema, draft)), ['corporateNumber:required']);
    });

    it(`is sent normalised for a ${kind}`, () => {
      const draft = { ...corporationDraft, kind, corporateNumber: '７０００-０１２０-５０００２' };
      assert.equal(acceptedValue(validateSection(companySchema, draft)).kind, kind);
      assert.deepEqual(acceptedValue(validateSection(companySchema, draft)), {
        ...corporationDraft,
        kind,
        corporateNumber: '7000012050002',
      });
    });

    it(`refuses a ${kind} whose corporate number has a wrong check digit`, () => {
      const draft = { ...corporationDraft, kind, corporateNumber: '7000012050003' };
      assert.deepEqual(refusals(validateSection(companySchema, draft)), ['corporateNumber:corporateNumberCheckDigit']);
    });
  }

  for (const kind of ['soleProprietor', 'condoAssociation']) {
    it(`is not asked of a ${kind}`, () => {
      const { corporateNumber: _omitted, ...draft } = { ...corporationDraft, kind };
      const value = acceptedValue(validateSection(companySchema, draft));
      assert.equal('corporateNumber' in value, false);
    });

    for (const given of ['7000012050002', '7000012050003', 'not a number']) {
      it(`is dropped from a ${kind}'s output even when given as ${JSON.stringify(given)}`, () => {
        const draft = { ...corporationDraft, kind, corporateNumber: given };
        const value = acceptedValue(validateSection(companySchema, draft));
        assert.equal('corporateNumber' in value, false);
      });
    }
  }
});

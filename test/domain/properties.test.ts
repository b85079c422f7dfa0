/**
 * Property-based tests of the domain: random and adversarial input never throws, normalising twice
 * equals normalising once, validating an accepted value again gives the same value, and whatever is
 * accepted satisfies the rule. Each property runs a bounded number of times so the file stays fast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  adminUserSchema,
  applicationSchema,
  certificateSchema,
  companyName,
  companySchema,
  corporateNumberDigits,
  corporateNumberSchema,
  digitsOnly,
  documentProblem,
  emailAddress,
  ENTITY_KINDS,
  FIELD_NORMALISERS,
  firstIssueByField,
  KINDS_WITH_CORPORATE_NUMBER,
  MAX_COMPANY_NAME_ALPHA,
  MAX_DEPARTMENT_TITLE_ALPHA,
  MAX_TEXT_LENGTH,
  phoneDigits,
  termsSchema,
  toFullWidthKatakana,
  toHalfWidthAlphabet,
  trimmed,
  validateSection,
  withoutBlankFields,
  type FieldIssue,
  type SectionResult,
} from '../../src/domain/index.js';
import { adminUserDraft, certificateDraft, corporationDraft } from './helpers.js';

const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** What people type into Japanese forms: kana of both widths, digits and letters of both widths, spaces, dashes. */
const TYPED_CHARACTERS = [
  ...'あいうえおかがきぱぴゃっゔゕゖわをんー',
  ...'アイウエオカガキパピャッヴヵヶワヲンー・',
  ...'ｱｲｳｴｵｶｷﾊﾟﾋﾞｬｯﾜｦﾝｰ･ﾞﾟ',
  ...'0123456789０１２３４５６７８９',
  ...'ABCKOabckoＡＢＣＫＯａｂｃｋｏ',
  ...'.．-－‐−—()（）@＠&_/,',
  ' ',
  '\u3000',
  '\t',
  '\u00a0',
  '山',
  '田',
];
const typed = fc.string({ unit: fc.constantFrom(...TYPED_CHARACTERS), maxLength: 30 });
/** The same without the half-width voiced sound marks ﾞ ﾟ, which NFKC turns into combining marks. */
const typedWithoutVoicedMarks = fc.string({
  unit: fc.constantFrom(...TYPED_CHARACTERS.filter((character) => character !== 'ﾞ' && character !== 'ﾟ')),
  maxLength: 30,
});

/** Payloads a hostile or careless client might send as a field value. */
const payloads = fc.constantFrom(
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE applications; --",
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800', // a lone surrogate
  '\u202eevil', // right-to-left override
  '\ufeff',
  '%PDF-1.7',
  'A'.repeat(5000),
  '１'.repeat(300),
  'ｱ'.repeat(300),
);

/** Any text: every code point, printable graphemes, control characters, typed text, payloads. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  typed,
  payloads,
);

/** Mostly `likely`, sometimes any text, blank or missing: drafts that pass often enough to test the output. */
const fieldOf = (likely: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: likely, weight: 18 },
    { arbitrary: anyText, weight: 1 },
    { arbitrary: fc.constantFrom('', ' ', '\u3000', undefined), weight: 1 },
  );

const digit = fc.integer({ min: 0, max: 9 });
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** Digits as a person may type them: either width, with hyphens or spaces between groups. */
const typedDigits = (digits: number[]) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.constantFrom('', '', '', '-', ' ', '－', 'ー', '\u3000'), { minLength: digits.length, maxLength: digits.length }),
    )
    .map(([fullWidth, separators]) =>
      digits.map((d, i) => (fullWidth[i] ? FULL_WIDTH_DIGITS[d]! : String(d)) + (i < digits.length - 1 ? separators[i]! : '')).join(''),
    );

/** The check digit of a 12-digit base, written from the SPEC's formula independently of the code under test. */
function referenceCheckDigit(base: string): number {
  const weighted = [...base].reverse().reduce((sum, character, index) => sum + Number(character) * (index % 2 === 0 ? 1 : 2), 0);
  return 9 - (weighted % 9);
}

const corporateNumberBase = fc.array(digit, { minLength: 12, maxLength: 12 });
const validCorporateNumberDigits = corporateNumberBase.map((base) => [referenceCheckDigit(base.join('')), ...base]);
const corporateNumberLike = fc.oneof(
  validCorporateNumberDigits.chain(typedDigits),
  fc.array(digit, { minLength: 11, maxLength: 14 }).chain(typedDigits),
);

const phoneLike = fc.oneof(
  { arbitrary: fc.array(digit, { minLength: 9, maxLength: 10 }).chain((rest) => typedDigits([0, ...rest])), weight: 3 },
  { arbitrary: fc.tuple(digit, fc.array(digit, { minLength: 7, maxLength: 11 })).chain(([first, rest]) => typedDigits([first, ...rest])), weight: 1 },
);

const KANA = [...'ヤマダタロウやまだたろうｶﾌﾞｼｷｶﾞｲｼｬーｰ・･ヴァすゞヽヾ-－‐−―', ' ', '\u3000'];
const kanaLike = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom(...KANA), minLength: 1, maxLength: 20 }), weight: 3 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...KANA, 'a', 'Ａ', '山', '1'), minLength: 1, maxLength: 20 }), weight: 1 },
);

const alphaLike = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom(...'ABCDEHIKLNOSTYabcdeiklnot0123 .-', ...'ＡＢＣＫａｂｃ０１．－', ...'ŌōÉーー‐−–—', '\u3000', '  ', 'CO', 'INC', 'KK', 'LTD', 'CO-OP', 'YUGENGAISHA'),
    minLength: 1,
    maxLength,
  });

const emailLike = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]+([._+-][a-z0-9]+)*$/), fc.constantFrom('example.co.jp', 'example.com', 'mail.example.jp'))
    .map(([local, domain]) => `${local}@${domain}`),
  fc.constantFrom('a@b', 'taro＠example.jp', ' taro@example.jp ', 'taro@example..jp'),
);

const freeText = fc.oneof(typed, fc.string({ unit: 'grapheme', maxLength: 30 }), payloads);

/** Drafts are plain objects, as forms and JSON.parse make them (null-prototype ones: see validation.test.ts). */
const PLAIN = { noNullPrototype: true } as const;

const companyDraft = fc.record({
  kind: fc.oneof({ arbitrary: fc.constantFrom(...ENTITY_KINDS), weight: 9 }, { arbitrary: anyText, weight: 1 }),
  corporateNumber: fieldOf(corporateNumberLike),
  name: fieldOf(freeText),
  nameKana: fieldOf(kanaLike),
  address: fieldOf(freeText),
  representative: fieldOf(freeText),
}, PLAIN);

const adminUserDraftArbitrary = fc.record({
  name: fieldOf(freeText),
  nameKana: fieldOf(kanaLike),
  department: fieldOf(freeText),
  title: fieldOf(freeText),
  address: fieldOf(freeText),
  phone: fieldOf(phoneLike),
  email: fieldOf(emailLike),
}, PLAIN);

const certificateDraftArbitrary = fc.record({
  companyNameAlpha: fieldOf(alphaLike(45)),
  departmentJa: fieldOf(freeText),
  departmentAlpha: fieldOf(alphaLike(40)),
  titleJa: fieldOf(freeText),
  titleAlpha: fieldOf(alphaLike(40)),
}, PLAIN);

const termsDraft = fc.record({
  service: fc.oneof(fc.constant(true), fc.constant(true), fc.anything()),
  certificate: fc.oneof(fc.constant(true), fc.constant(true), fc.anything()),
}, PLAIN);

/** A section that is often a known-valid draft, so that whole applications get accepted too. */
const sectionOf = <T,>(valid: T, random: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: fc.constant(valid), weight: 2 }, { arbitrary: random, weight: 1 });

const applicationDraftArbitrary = fc.record({
  token: fieldOf(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 60 })),
  terms: termsDraft,
  company: sectionOf(corporationDraft, companyDraft),
  adminUser: sectionOf(adminUserDraft, adminUserDraftArbitrary),
  certificate: sectionOf(certificateDraft, certificateDraftArbitrary),
  locale: fc.oneof(fc.constantFrom('ja', 'en'), anyText),
}, PLAIN);

// ---------------------------------------------------------------------------------------------
// Rules, stated again independently of the schemas

const KATAKANA_ONLY = /^[\u30a1-\u30fa\u30fc\u30fb\u3000]+$/u;
/** Control characters and bidirectional controls: refused in every text field. */
const CONTROL_OR_BIDI = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const CERTIFICATE_ALPHABET = /^[A-Za-z0-9 .-]+$/;
const FORM_WORDS = new Set([
  ...['co', 'ltd', 'inc', 'corp', 'llc', 'limited', 'corporation', 'incorporated', 'kabushiki', 'kaisha', 'gaisha', 'kk'],
  ...['kabushikigaisha', 'yugengaisha', 'godogaisha', 'gomeigaisha', 'goshigaisha'],
]);

function assertTrimmedText(value: unknown, max = MAX_TEXT_LENGTH): void {
  assert.equal(typeof value, 'string');
  const text = value as string;
  assert.equal(text, text.trim(), `${JSON.stringify(text)} is trimmed`);
  assert.ok(text.length >= 1 && text.length <= max, `${JSON.stringify(text)} has 1–${max} characters`);
}

function assertKatakana(value: string): void {
  assert.match(value, KATAKANA_ONLY);
  assert.doesNotMatch(value, /^\u3000|\u3000$|\u3000\u3000/u, 'one full-width space between names, none around');
}

function assertCertificateAlphabet(value: string, max: number): void {
  assert.match(value, CERTIFICATE_ALPHABET);
  assert.doesNotMatch(value, /^ | $| {2}/, 'spaces trimmed and collapsed');
  assert.ok(value.length <= max, `${JSON.stringify(value)} has at most ${max} characters`);
}

function assertCompanyRule(company: Record<string, unknown>): void {
  assert.ok((ENTITY_KINDS as readonly unknown[]).includes(company.kind));
  if (KINDS_WITH_CORPORATE_NUMBER.includes(company.kind as (typeof ENTITY_KINDS)[number])) {
    const number = company.corporateNumber as string;
    assert.match(number, /^\d{13}$/);
    assert.equal(Number(number[0]), referenceCheckDigit(number.slice(1)));
  } else {
    assert.equal('corporateNumber' in company, false);
  }
  for (const field of ['name', 'address', 'representative']) assertTrimmedText(company[field]);
  assertKatakana(company.nameKana as string);
}

function assertAdminUserRule(adminUser: Record<string, unknown>): void {
  for (const field of ['name', 'address']) assertTrimmedText(adminUser[field]);
  for (const field of ['department', 'title']) if (adminUser[field] !== undefined) assertTrimmedText(adminUser[field]);
  assertKatakana(adminUser.nameKana as string);
  assert.match(adminUser.phone as string, /^0\d{9,10}$/);
  const email = adminUser.email as string;
  assertTrimmedText(email, 254);
  assert.equal(email.split('@').length, 2, 'exactly one @');
  assert.doesNotMatch(email, /[\s<>"]/u);
}

function assertCertificateRule(certificate: Record<string, string>): void {
  assertCertificateAlphabet(certificate.companyNameAlpha!, MAX_COMPANY_NAME_ALPHA);
  assertCertificateAlphabet(certificate.departmentAlpha!, MAX_DEPARTMENT_TITLE_ALPHA);
  assertCertificateAlphabet(certificate.titleAlpha!, MAX_DEPARTMENT_TITLE_ALPHA);
  assert.ok(certificate.departmentAlpha!.length + certificate.titleAlpha!.length <= MAX_DEPARTMENT_TITLE_ALPHA);
  const words = certificate.companyNameAlpha!.toLowerCase().replaceAll('co-op', 'coop').split(/[\s.-]+/);
  assert.ok(!words.some((word) => FORM_WORDS.has(word)), `${certificate.companyNameAlpha} has no company-form word`);
  assertTrimmedText(certificate.departmentJa);
  assertTrimmedText(certificate.titleJa);
}

/** Validates, and when accepted checks the rule and that validating the output again gives it back unchanged. */
function checkSection<T>(
  schema: Parameters<typeof validateSection<T>>[0],
  draft: unknown,
  rule: (value: T) => void,
  counter: { accepted: number },
): SectionResult<T> {
  const result = validateSection(schema, draft);
  if (result.ok) {
    counter.accepted++;
    rule(result.value);
    assert.deepEqual(validateSection(schema, result.value), result, 'validating the output again gives the same output');
  } else {
    assert.ok(result.issues.length > 0);
    for (const issue of result.issues) assert.match(String(issue.code), /^[a-zA-Z]+$/);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Normalisers

const normalisers = { digitsOnly, corporateNumberDigits, phoneDigits, toFullWidthKatakana, toHalfWidthAlphabet, emailAddress, companyName, trimmed };

describe('normalisers, over random and adversarial text', () => {
  for (const [name, normalise] of Object.entries(normalisers)) {
    it(`${name} never throws and always gives text`, () => {
      fc.assert(fc.property(anyText, (input) => typeof normalise(input) === 'string'), RUNS);
    });

    it(`${name} is idempotent on text people type, half-width voiced sound marks aside`, () => {
      fc.assert(fc.property(typedWithoutVoicedMarks, (input) => normalise(normalise(input)) === normalise(input)), RUNS);
    });
  }

  for (const name of ['trimmed', 'toHalfWidthAlphabet', 'emailAddress', 'companyName', 'corporateNumberDigits', 'phoneDigits'] as const) {
    it(`${name} is idempotent on any text`, () => {
      const normalise = normalisers[name];
      fc.assert(fc.property(fc.oneof(anyText, typed), (input) => normalise(normalise(input)) === normalise(input)), RUNS);
    });
  }

  // A mark left next to its base only after the first run composes on the second: 'ｷ-ﾞ', 'わ\u3099', 'か゛'.
  const combiningTrouble = fc.string({ unit: fc.constantFrom('e', 'わ', 'ｷ', 'か', '-', ' ', 'ﾞ', '\u0301', '\u3099', '゛'), maxLength: 6 });
  for (const name of ['digitsOnly', 'toFullWidthKatakana'] as const) {
    it(
      `${name} is idempotent on any text, combining and voiced sound marks included`,
      () => {
        const normalise = normalisers[name];
        fc.assert(fc.property(fc.oneof(anyText, typed, combiningTrouble), (input) => normalise(normalise(input)) === normalise(input)), RUNS);
      },
    );
  }

  it('digitsOnly leaves no hyphen, space or bracket, and no full-width digit', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        assert.doesNotMatch(digitsOnly(input), /[\s\-‐‑‒–—―−ー－()（）０-９]/u);
      }),
      RUNS,
    );
  });

  it('digitsOnly gives the half-width digits of any typed digit sequence', () => {
    fc.assert(
      fc.property(
        fc.array(digit, { minLength: 1, maxLength: 15 }).chain((digits) => fc.tuple(fc.constant(digits), typedDigits(digits))),
        ([digits, input]) => digitsOnly(input) === digits.join(''),
      ),
      RUNS,
    );
  });

  it('toFullWidthKatakana leaves no hiragana, no half-width kana and no space but single full-width ones inside', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const output = toFullWidthKatakana(input);
        assert.doesNotMatch(output, /[\u3041-\u3096\uff66-\uff9d]/u);
        assert.doesNotMatch(output, /^\s|\s$|\s\s|[^\S\u3000]/u);
      }),
      RUNS,
    );
  });

  it('toHalfWidthAlphabet leaves no full-width letter or digit and no space but single half-width ones inside', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const output = toHalfWidthAlphabet(input);
        assert.doesNotMatch(output, /[\uff01-\uff5e]/u);
        assert.doesNotMatch(output, /^\s|\s$|\s\s|[^\S ]/u);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Schemas

describe('corporate number, over every 12-digit base', () => {
  it('accepts every base with its check digit in front, typed in either width with separators', () => {
    fc.assert(
      fc.property(
        validCorporateNumberDigits.chain((digits) => fc.tuple(fc.constant(digits.join('')), typedDigits(digits))),
        ([number, typedNumber]) => {
          assert.deepEqual(validateSection(corporateNumberSchema, typedNumber), { ok: true, value: number });
        },
      ),
      RUNS,
    );
  });

  it('refuses every other leading digit (corporateNumberCheckDigit)', () => {
    fc.assert(
      fc.property(corporateNumberBase, digit, (base, first) => {
        fc.pre(first !== referenceCheckDigit(base.join('')));
        const result = validateSection(corporateNumberSchema, `${first}${base.join('')}`);
        assert.deepEqual(!result.ok && result.issues.map((issue) => issue.code), ['corporateNumberCheckDigit']);
      }),
      RUNS,
    );
  });

  it('detects every single-digit typo in the base except 0 ↔ 9 (the rule works modulo 9)', () => {
    fc.assert(
      fc.property(validCorporateNumberDigits, fc.integer({ min: 1, max: 12 }), digit, (digits, position, replacement) => {
        const original = digits[position]!;
        fc.pre(replacement !== original);
        const typo = digits.with(position, replacement).join('');
        const undetectable = Math.abs(replacement - original) === 9;
        assert.equal(validateSection(corporateNumberSchema, typo).ok, undetectable);
      }),
      RUNS,
    );
  });

  it('accepts nothing but 13 digits with a valid check digit, whatever is typed', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, corporateNumberLike), (input) => {
        const result = validateSection(corporateNumberSchema, input);
        if (result.ok) {
          assert.match(result.value, /^\d{13}$/);
          assert.equal(Number(result.value[0]), referenceCheckDigit(result.value.slice(1)));
        }
      }),
      RUNS,
    );
  });
});

describe('section schemas, over random drafts', () => {
  it('termsSchema accepts exactly both terms set to true', () => {
    fc.assert(
      fc.property(termsDraft, (draft) => {
        const result = validateSection(termsSchema, draft);
        assert.equal(result.ok, draft.service === true && draft.certificate === true);
      }),
      RUNS,
    );
  });

  type Rule = (value: Record<string, string>) => void;
  const sections: Array<[string, Parameters<typeof validateSection>[0], fc.Arbitrary<unknown>, Rule]> = [
    ['companySchema', companySchema, companyDraft, assertCompanyRule],
    ['adminUserSchema', adminUserSchema, adminUserDraftArbitrary, assertAdminUserRule],
    ['certificateSchema', certificateSchema, certificateDraftArbitrary, assertCertificateRule],
  ];

  for (const [name, schema, draftArbitrary, rule] of sections) {
    it(`${name} never throws on anything at all`, () => {
      fc.assert(
        fc.property(fc.anything(), (draft) => {
          validateSection(schema, draft);
        }),
        RUNS,
      );
    });

    it(`${name} accepts only what satisfies its rules, and validating the output again gives it back`, () => {
      const counter = { accepted: 0 };
      fc.assert(
        fc.property(draftArbitrary, (draft) => {
          checkSection(schema, draft, (value) => rule(value as Record<string, string>), counter);
        }),
        RUNS,
      );
      assert.ok(counter.accepted > 0, `${name}: some random drafts were accepted (${counter.accepted}/${RUNS.numRuns})`);
    });
  }

  it('applicationSchema accepts only what satisfies every section rule, and is idempotent', () => {
    const counter = { accepted: 0 };
    fc.assert(
      fc.property(applicationDraftArbitrary, (draft) => {
        checkSection(
          applicationSchema,
          draft,
          (value) => {
            assert.ok(value.token.trim().length >= 1 && value.token.length <= 200, 'an opaque, non-blank token');
            assert.deepEqual(value.terms, { service: true, certificate: true });
            assert.ok(value.locale === 'ja' || value.locale === 'en');
            assertCompanyRule(value.company);
            assertAdminUserRule(value.adminUser);
            assertCertificateRule(value.certificate);
          },
          counter,
        );
      }),
      RUNS,
    );
    assert.ok(counter.accepted > 0, `some random applications were accepted (${counter.accepted}/${RUNS.numRuns})`);
  });

  it('sends exactly what the forms show once a field is left: each accepted value is FIELD_NORMALISERS applied to the typed one', () => {
    const sectionsWithNormalisers: Array<[keyof typeof FIELD_NORMALISERS, Parameters<typeof validateSection>[0], fc.Arbitrary<Record<string, unknown>>]> = [
      ['company', companySchema, companyDraft],
      ['adminUser', adminUserSchema, adminUserDraftArbitrary],
      ['certificate', certificateSchema, certificateDraftArbitrary],
    ];
    for (const [section, schema, draftArbitrary] of sectionsWithNormalisers) {
      fc.assert(
        fc.property(draftArbitrary, (draft) => {
          const result = validateSection(schema, draft);
          if (!result.ok) return;
          const value = result.value as Record<string, unknown>;
          for (const [field, normalise] of Object.entries(FIELD_NORMALISERS[section])) {
            if (value[field] !== undefined) assert.equal(value[field], (normalise as (input: string) => string)(draft[field] as string), `${section}.${field}`);
          }
        }),
        RUNS,
      );
    }
  });

  it('applicationSchema never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (draft) => {
        validateSection(applicationSchema, draft);
      }),
      RUNS,
    );
  });

  it('keeps any free text, markup included, verbatim but trimmed (㈱ written out): rendering is what escapes it', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, payloads), (name) => {
        const result = validateSection(companySchema, { ...corporationDraft, name });
        const text = companyName(name);
        const unsafe = CONTROL_OR_BIDI.test(text) || /\p{Cs}/u.test(text) || /^[\s\u200b-\u200d\u2060\ufeff]+$/u.test(text);
        if (text.length >= 1 && text.length <= MAX_TEXT_LENGTH && !unsafe) {
          assert.deepEqual(result, { ok: true, value: { ...corporationDraft, name: text } });
        } else {
          assert.equal(result.ok, false);
        }
      }),
      RUNS,
    );
  });

  it('refuses any phone of the wrong length or not starting with 0 (phone)', () => {
    fc.assert(
      fc.property(phoneLike, (phone) => {
        const digits = phoneDigits(phone);
        const result = validateSection(adminUserSchema, { ...adminUserDraft, phone });
        assert.equal(result.ok, /^0\d{9,10}$/.test(digits));
      }),
      RUNS,
    );
  });

  it('refuses any department and title longer than 60 characters together, on titleAlpha', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (departmentLength, titleLength) => {
        const result = validateSection(certificateSchema, {
          ...certificateDraft,
          departmentAlpha: 'D'.repeat(departmentLength),
          titleAlpha: 'T'.repeat(titleLength),
        });
        if (departmentLength + titleLength <= MAX_DEPARTMENT_TITLE_ALPHA) assert.equal(result.ok, true);
        else assert.deepEqual(!result.ok && result.issues.map((issue) => `${issue.path}:${issue.code}`), ['titleAlpha:departmentTitleTooLong']);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Validation helpers and the document check

function hasBlankString(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).some((field) => (typeof field === 'string' && field.trim() === '') || hasBlankString(field));
}

describe('withoutBlankFields and firstIssueByField, over random values', () => {
  it('withoutBlankFields never throws, leaves no blank string in a plain object, and is idempotent', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, stringUnit: fc.constantFrom('a', ' ', '\u3000', '') }), (value) => {
        const once = withoutBlankFields(value);
        assert.equal(hasBlankString(once), false);
        assert.deepEqual(withoutBlankFields(once), once);
      }),
      RUNS,
    );
  });

  const issueArbitrary: fc.Arbitrary<FieldIssue> = fc.record({
    path: fc.array(fc.constantFrom('company', 'adminUser', 'email', 'name', '0'), { maxLength: 3 }),
    code: fc.constantFrom('required', 'email', 'katakana'),
  });

  it('firstIssueByField keeps, for each top-level field, its first issue', () => {
    fc.assert(
      fc.property(fc.array(issueArbitrary, { maxLength: 12 }), (issues) => {
        const byField = firstIssueByField(issues);
        const fields = [...new Set(issues.map((issue) => issue.path[0] ?? ''))];
        assert.deepEqual(Object.keys(byField).sort(), fields.sort());
        for (const field of fields) assert.equal(byField[field], issues.find((issue) => (issue.path[0] ?? '') === field));
      }),
      RUNS,
    );
  });
});

describe('documentProblem, over random bytes', () => {
  const PDF_HEADER = new TextEncoder().encode('%PDF-');
  const TRAILER = new TextEncoder().encode('\nstartxref\n0\n%%EOF\n');
  const ENCRYPT = new TextEncoder().encode('/Encrypt');
  const contains = (haystack: Uint8Array, needle: Uint8Array) =>
    Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(Buffer.from(needle)) !== -1;
  const join = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));

  const documentBytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((body) => join(PDF_HEADER, body)),
    fc.uint8Array({ maxLength: 200 }).map((body) => join(PDF_HEADER, body, TRAILER)),
    fc.tuple(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 })).map(([junk, body]) => join(junk, PDF_HEADER, body, TRAILER)),
    fc.uint8Array({ maxLength: 100 }).map((body) => join(PDF_HEADER, body, ENCRYPT, TRAILER)),
  );

  it('never throws, and accepts only a document within the maximum with a header and a trailer', async () => {
    await fc.assert(
      fc.asyncProperty(documentBytes, fc.integer({ min: 0, max: 500 }), async (bytes, maxBytes) => {
        const problem = await documentProblem(bytes, maxBytes);
        if (problem === undefined) {
          assert.ok(bytes.length > 0 && bytes.length <= maxBytes);
          const header = Buffer.from(bytes).indexOf('%PDF-');
          assert.ok(header >= 0 && header <= 1024, 'the header within the first 1024 bytes');
          assert.ok(Buffer.from(bytes).lastIndexOf('%%EOF') >= bytes.length - 1024, 'the trailer within the last 1024 bytes');
          assert.ok(Buffer.from(bytes).indexOf('startxref') > header, 'startxref after the header');
        }
      }),
      RUNS,
    );
  });

  it('accepts every document within the maximum with a header and a trailer and no /Encrypt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 100 }), async (body, junk) => {
        const bytes = join(junk.filter((byte) => byte !== 0x25), PDF_HEADER, body, TRAILER);
        fc.pre(!contains(bytes, ENCRYPT) && !contains(body, new TextEncoder().encode('%%EOF')));
        assert.equal(await documentProblem(bytes, bytes.length), undefined);
      }),
      RUNS,
    );
  });

  it('refuses every document with an /Encrypt entry that proves nothing (documentEncrypted)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 100 }), async (body) => {
        const bytes = join(PDF_HEADER, body, ENCRYPT, TRAILER);
        fc.pre(!contains(body, new TextEncoder().encode('%%EOF')));
        assert.equal(await documentProblem(bytes), 'documentEncrypted');
      }),
      RUNS,
    );
  });
});

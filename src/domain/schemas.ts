/**
 * The application, section by section, as zod/mini schemas: the one source of truth for validation.
 * The elements validate drafts with them, the reference server validates requests with them, and the
 * OpenAPI document is generated from them.
 *
 * Every message is a code (see `ValidationCode`), never text: the UI turns codes into words through
 * i18next (`errors.<code>`), so schemas stay language-free.
 */
import * as z from 'zod/mini';
import { isValidCorporateNumber } from './corporate-number.js';
import {
  companyName,
  corporateNumberDigits,
  emailAddress,
  PHONE_EXTENSION,
  phoneDigits,
  toFullWidthKatakana,
  toHalfWidthAlphabet,
  trimmed,
} from './normalise.js';

/** Codes a schema can report; `errors.<code>` in the locale resources holds the words. */
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'consentRequired'
  | 'corporateNumberFormat'
  | 'corporateNumberCheckDigit'
  | 'katakana'
  | 'phone'
  | 'phoneExtension'
  | 'email'
  | 'alphabet'
  | 'alphabetLetter'
  | 'companyFormWord'
  | 'unsafeCharacter'
  | 'invisibleOnly'
  | 'departmentTitleTooLong'
  | 'invalid';

/** The four kinds of applicant (application guide, STEP 2 種類), in the order they are offered. */
export const ENTITY_KINDS = ['corporation', 'municipality', 'soleProprietor', 'condoAssociation'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Kinds that have a corporate number and must give it (application guide, STEP 2 ②). */
export const KINDS_WITH_CORPORATE_NUMBER: readonly EntityKind[] = ['corporation', 'municipality'];

/** Longest free-text value accepted; the guide names no limit, this keeps abuse out. */
export const MAX_TEXT_LENGTH = 200;
/** 企業名(アルファベット) ≤ 40 characters (application guide, STEP 4). */
export const MAX_COMPANY_NAME_ALPHA = 40;
/** 部署名 + 役職名 (アルファベット) ≤ 60 characters together (application guide, STEP 4). */
export const MAX_DEPARTMENT_TITLE_ALPHA = 60;

/** A character that is not full-width katakana, ー, ・ or a full-width space. */
const NOT_KATAKANA = /[^\u30a1-\u30fa\u30fc\u30fb\u3000]/u;
const JAPANESE_PHONE = /^0\d{9,10}$/;
/** A character the certificate cannot carry (application guide, STEP 4: 英数字、スペース、ハイフン、ドット). */
const NOT_CERTIFICATE_ALPHABET = /[^A-Za-z0-9 .-]/u;
/**
 * Company-form words in romanised (Hepburn or Kunrei) or English form, one word or two
 * (KABUSHIKIGAISHA, YUGEN GAISHA), and their initials (K.K., G.K., Y.K.); the guide asks to leave out
 * 株式会社 and the like. Matched as whole words, case-insensitively. CO-OP is a name, not "Co.".
 * Standalone GODO/YUGEN are not refused: they begin real names (合同製鐵 GODO SEITETSU).
 */
const COMPANY_FORM_WORD =
  /(?<=^|[\s.-])((?:kabushiki|kabusiki|yugen|yuugen|godo|goudou|gomei|goshi)?(?:kaisha|kaisya|gaisha|gaisya)|kabushiki|kabusiki|k\.?\s?k|g\.?\s?k|y\.?\s?k|co(?!-op)|ltd|limited|inc|incorporated|corp|corporation|llc)(?=$|[\s.-])/iu;
/** Control characters, bidirectional overrides and marks, lone surrogates: never part of a name or address. */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;
/** Zero-width characters, which show nothing: a value of only these (and spaces) is not a value. */
const INVISIBLE_ONLY = /^[\s\u200b-\u200d\u2060\ufeff]+$/u;

const required = { error: 'required' } as const;

/**
 * A check that reports `code` when `problem` finds one in the value: `true`, or the message's parameters
 * (`{ character: '(' }`). `abort` stops the checks after it. Every rule here is one `z.check`, zod's
 * own low-level custom check.
 *
 * @example
 * rule((value: string) => PHONE_EXTENSION.test(value), 'phoneExtension', true)
 */
function rule<T>(problem: (value: T) => boolean | Record<string, unknown> | undefined, code: ValidationCode, abort = false) {
  return z.check<T>((payload) => {
    const found = problem(payload.value);
    if (found) payload.issues.push({ code: 'custom', message: code, input: payload.value, continue: !abort, ...(found === true ? {} : { params: found }) });
  });
}

/**
 * A check that reports `code` for the first character `pattern` matches, named (as `describe` writes it)
 * in `params.character` for the message; `abort` stops the checks after it.
 *
 * @example
 * requiredText(toFullWidthKatakana).check(characterCheck(NOT_KATAKANA, 'katakana')) // 「(カ)」 → katakana, character '('
 */
function characterCheck(pattern: RegExp, code: ValidationCode, abort = false, describe = (character: string) => character) {
  return rule(
    (value: string) => {
      const character = pattern.exec(value)?.[0];
      return character === undefined ? undefined : { character: describe(character) };
    },
    code,
    abort,
  );
}

/** `U+202E`: how a character that cannot be shown is named. */
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses control, bidi and lone-surrogate characters, and values made only of invisible ones (every text field, browser and server alike). */
const safeText = [
  characterCheck(UNSAFE_CHARACTER, 'unsafeCharacter', true, codePoint),
  rule((value: string) => INVISIBLE_ONLY.test(value), 'invisibleOnly', true),
] as const;

/**
 * A required text, normalised by `normalise`, at most `max` characters after normalising.
 *
 * @example
 * requiredText(trimmed, 254).check(z.email({ error: 'email' }))
 */
export function requiredText(normalise: (input: string) => string = trimmed, max = MAX_TEXT_LENGTH) {
  return z.string(required).check(
    z.overwrite(normalise),
    ...safeText,
    z.minLength(1, { error: 'required', abort: true }),
    z.maxLength(max, { error: 'tooLong', abort: true }),
  );
}

/** An optional text: empty after trimming means absent (`withoutBlankFields` drops it). */
export const optionalText = z.optional(
  z.string().check(z.overwrite(trimmed), ...safeText, z.maxLength(MAX_TEXT_LENGTH, { error: 'tooLong' })),
);

/** A required free text, trimmed: one schema for every such field (schemas are immutable, so they can be shared). */
const text = requiredText();

/** Full-width katakana; a refused character is named (「(」 of 「(カ)」). */
const katakana = requiredText(toFullWidthKatakana).check(characterCheck(NOT_KATAKANA, 'katakana'));

/** The certificate's alphabet: only its characters (the first other one named), and at least one letter or digit. */
const certificateAlphabet = (max: number) =>
  requiredText(toHalfWidthAlphabet, max).check(
    characterCheck(NOT_CERTIFICATE_ALPHABET, 'alphabet'),
    // Only when every character is allowed: 「山田」 hears about 「山」, not also about letters.
    rule((value: string) => !NOT_CERTIFICATE_ALPHABET.test(value) && !/[A-Za-z0-9]/.test(value), 'alphabetLetter'),
  );

/** STEP 1: both terms must be accepted (application guide, FAQ 1). */
export const termsSchema = z.object({
  service: z.literal(true, { error: 'consentRequired' }),
  certificate: z.literal(true, { error: 'consentRequired' }),
});

/**
 * 13 digits with a valid check digit; full-width digits and hyphens are normalised first, and a leading
 * `T` (the invoice registration number) is dropped.
 */
export const corporateNumberSchema = z.string(required).check(
  z.overwrite(corporateNumberDigits),
  ...safeText,
  z.minLength(1, { error: 'required', abort: true }),
  z.regex(/^\d{13}$/, { error: 'corporateNumberFormat', abort: true }),
  rule((value: string) => !isValidCorporateNumber(value), 'corporateNumberCheckDigit'),
);

const companyFields = {
  name: requiredText(companyName),
  nameKana: katakana,
  address: text,
  representative: text,
};

/**
 * STEP 2, the company. The corporate number is asked of 法人 and 自治体 only, and dropped for the
 * other kinds (a discriminated union, so every field error is reported at once).
 */
export const companySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal(['corporation', 'municipality']),
    corporateNumber: corporateNumberSchema,
    ...companyFields,
  }),
  z.object({
    kind: z.literal(['soleProprietor', 'condoAssociation']),
    ...companyFields,
  }),
]);

/** STEP 3, the administrator (管理用ID利用者). */
export const adminUserSchema = z.object({
  name: text,
  nameKana: katakana,
  department: optionalText,
  title: optionalText,
  address: text,
  phone: requiredText(phoneDigits).check(
    rule((value: string) => PHONE_EXTENSION.test(value), 'phoneExtension', true),
    z.regex(JAPANESE_PHONE, { error: 'phone' }),
  ),
  email: requiredText(emailAddress, 254).check(z.email({ error: 'email' })),
});

/**
 * STEP 4, the certificate: the signer's role seal, never a person's name. The Japanese company name is
 * not entered; it is the STEP 2 name.
 */
export const certificateSchema = z
  .object({
    companyNameAlpha: certificateAlphabet(MAX_COMPANY_NAME_ALPHA).check(
      rule((value: string) => COMPANY_FORM_WORD.test(value), 'companyFormWord'),
    ),
    departmentJa: text,
    departmentAlpha: certificateAlphabet(MAX_DEPARTMENT_TITLE_ALPHA),
    titleJa: text,
    titleAlpha: certificateAlphabet(MAX_DEPARTMENT_TITLE_ALPHA),
  })
  .check(
    z.check<{ departmentAlpha: string; titleAlpha: string }>(({ value, issues }) => {
      if (value.departmentAlpha.length + value.titleAlpha.length > MAX_DEPARTMENT_TITLE_ALPHA) {
        issues.push({
          code: 'custom',
          message: 'departmentTitleTooLong',
          path: ['titleAlpha'],
          input: value,
          params: { maximum: MAX_DEPARTMENT_TITLE_ALPHA },
        });
      }
    }, {
      // Run even when another field of the section failed: the user should hear about the total at once.
      when: (payload) => {
        const value = payload.value as Record<string, unknown> | undefined;
        return typeof value?.departmentAlpha === 'string' && typeof value?.titleAlpha === 'string';
      },
    }),
  );

/** The language the applicant used; mails follow it. */
export const localeSchema = z.literal(['ja', 'en']);

/**
 * The whole application JSON of the backend contract (SPEC.md), sent as the `application` part.
 * `extensions` carries the values of steps a host added (keyed by step id); it is optional.
 */
export const applicationSchema = z.object({
  token: z.string(required).check(z.minLength(1, required), z.maxLength(200, { error: 'tooLong' })),
  terms: termsSchema,
  company: companySchema,
  adminUser: adminUserSchema,
  certificate: certificateSchema,
  locale: localeSchema,
  // An object of anything (`catchall`, as the prefill in invitation.ts): no zod record type in the bundle.
  extensions: z.optional(z.catchall(z.object({}), z.unknown())),
});

export type Terms = z.infer<typeof termsSchema>;
export type Company = z.infer<typeof companySchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type Locale = z.infer<typeof localeSchema>;

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
import { digitsOnly, toFullWidthKatakana, toHalfWidthAlphabet, trimmed } from './normalise.js';

/** Codes a schema can report; `errors.<code>` in the locale resources holds the words. */
export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'consentRequired'
  | 'corporateNumberFormat'
  | 'corporateNumberCheckDigit'
  | 'katakana'
  | 'phone'
  | 'email'
  | 'alphabet'
  | 'companyFormWord'
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

const KATAKANA = /^[\u30a1-\u30fa\u30fc\u30fb\u3000]+$/u;
const JAPANESE_PHONE = /^0\d{9,10}$/;
const CERTIFICATE_ALPHABET = /^[A-Za-z0-9 .-]+$/;
/**
 * Company-form words in romanised (Hepburn or Kunrei) or English form, and their initials (K.K., G.K.,
 * Y.K.); the guide asks to leave out 株式会社 and the like. Matched as whole words, case-insensitively.
 * Standalone GODO/YUGEN are not refused: they begin real names (合同製鐵 GODO SEITETSU).
 */
const COMPANY_FORM_WORD =
  /(^|[\s.-])(kabushiki|kabusiki|kaisha|kaisya|gaisha|gaisya|kabushikikaisha|kabushikigaisha|k\.?\s?k|g\.?\s?k|y\.?\s?k|co|ltd|limited|inc|incorporated|corp|corporation|llc)(?=$|[\s.-])/iu;

const required = { error: 'required' } as const;

/**
 * A required text, normalised by `normalise`, at most `max` characters after normalising.
 *
 * @example
 * requiredText(trimmed, 254).check(z.email({ error: 'email' }))
 */
export function requiredText(normalise: (input: string) => string = trimmed, max = MAX_TEXT_LENGTH) {
  return z.string(required).check(
    z.overwrite(normalise),
    z.minLength(1, { error: 'required', abort: true }),
    z.maxLength(max, { error: 'tooLong', abort: true }),
  );
}

/** An optional text: empty after trimming means absent (`withoutBlankFields` drops it). */
export const optionalText = z.optional(
  z.string().check(z.overwrite(trimmed), z.maxLength(MAX_TEXT_LENGTH, { error: 'tooLong' })),
);

const katakana = requiredText(toFullWidthKatakana).check(z.regex(KATAKANA, { error: 'katakana' }));

const certificateAlphabet = (max: number) =>
  requiredText(toHalfWidthAlphabet, max).check(z.regex(CERTIFICATE_ALPHABET, { error: 'alphabet' }));

/** STEP 1: both terms must be accepted (application guide, FAQ 1). */
export const termsSchema = z.object({
  service: z.literal(true, { error: 'consentRequired' }),
  certificate: z.literal(true, { error: 'consentRequired' }),
});

/** 13 digits with a valid check digit; full-width digits and hyphens are normalised first. */
export const corporateNumberSchema = z.string(required).check(
  z.overwrite(digitsOnly),
  z.minLength(1, { error: 'required', abort: true }),
  z.regex(/^\d{13}$/, { error: 'corporateNumberFormat', abort: true }),
  z.refine(isValidCorporateNumber, { error: 'corporateNumberCheckDigit' }),
);

const companyFields = {
  name: requiredText(trimmed),
  nameKana: katakana,
  address: requiredText(trimmed),
  representative: requiredText(trimmed),
};

/**
 * STEP 2, the company. The corporate number is asked of 法人 and 自治体 only, and dropped for the
 * other kinds (a discriminated union, so every field error is reported at once).
 */
export const companySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['corporation', 'municipality']),
    corporateNumber: corporateNumberSchema,
    ...companyFields,
  }),
  z.object({
    kind: z.enum(['soleProprietor', 'condoAssociation']),
    ...companyFields,
  }),
]);

/** STEP 3, the administrator (管理用ID利用者). */
export const adminUserSchema = z.object({
  name: requiredText(trimmed),
  nameKana: katakana,
  department: optionalText,
  title: optionalText,
  address: requiredText(trimmed),
  phone: requiredText(digitsOnly).check(z.regex(JAPANESE_PHONE, { error: 'phone' })),
  email: requiredText(trimmed, 254).check(z.email({ error: 'email' })),
});

/**
 * STEP 4, the certificate: the signer's role seal, never a person's name. The Japanese company name is
 * not entered; it is the STEP 2 name.
 */
export const certificateSchema = z
  .object({
    companyNameAlpha: certificateAlphabet(MAX_COMPANY_NAME_ALPHA).check(
      z.refine((value) => !COMPANY_FORM_WORD.test(value), { error: 'companyFormWord' }),
    ),
    departmentJa: requiredText(trimmed),
    departmentAlpha: certificateAlphabet(MAX_DEPARTMENT_TITLE_ALPHA),
    titleJa: requiredText(trimmed),
    titleAlpha: certificateAlphabet(MAX_DEPARTMENT_TITLE_ALPHA),
  })
  .check(
    z.superRefine((value, context) => {
      const department = value.departmentAlpha ?? '';
      const title = value.titleAlpha ?? '';
      if (department.length + title.length > MAX_DEPARTMENT_TITLE_ALPHA) {
        context.issues.push({
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
export const localeSchema = z.enum(['ja', 'en']);

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
  extensions: z.optional(z.record(z.string(), z.unknown())),
});

export type Terms = z.infer<typeof termsSchema>;
export type Company = z.infer<typeof companySchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type Locale = z.infer<typeof localeSchema>;

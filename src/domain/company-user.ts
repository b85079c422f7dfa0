/**
 * After the application: what the partner company's administrator (管理用ID) sends and receives when
 * signing in, changing the first password, adding company users (application guide, 巻末資料「付録」
 * ①IDの追加: 自社利用者情報登録), asking for a signer certificate or linking an issued one (②), and
 * confirming a certificate with the PIN of mail ⑤ (4② 事前準備の操作 2: 証明書の有効性確認).
 *
 * The rules are STEP 3's and STEP 4's, taken from their schemas rather than written again; messages are
 * codes, never text (as in schemas.ts). The reference server validates with these very schemas.
 */
import * as z from 'zod/mini';
import { trimmed } from './normalise.js';
import { adminUserSchema, certificateSchema, optionalText, requiredText } from './schemas.js';

// ── company users (自社利用者情報登録) ─────────────────────────────────────────────────────────────

/** 権限 (guide, 付録 ④): 一般 by default, or 管理者, who can do 管理者業務 (add users, link certificates). */
export const COMPANY_USER_ROLES = ['general', 'admin'] as const;
export type CompanyUserRole = (typeof COMPANY_USER_ROLES)[number];

const stepThree = adminUserSchema.shape;

/**
 * Body of `POST {endpoint}/partner/users`: 権限, 利用者名, 利用者名カナ (STEP 3's kana rules), 所属, 役職,
 * TEL番号 (optional, STEP 3's phone rule when given), メールアドレス (every notice for the user goes there).
 * No 住所: the appendix's screen has none.
 *
 * @example
 * companyUserSchema.parse({ name: '佐藤 次郎', nameKana: 'さとう じろう', email: 'jiro@example.co.jp' })
 * // { role: 'general', name: '佐藤 次郎', nameKana: 'サトウ　ジロウ', email: 'jiro@example.co.jp' }
 */
export const companyUserSchema = z.object({
  role: z._default(z.enum(COMPANY_USER_ROLES, { error: 'required' }), 'general'),
  name: stepThree.name,
  nameKana: stepThree.nameKana,
  department: optionalText,
  title: optionalText,
  phone: z.optional(stepThree.phone),
  email: stepThree.email,
});

/** Where a user's signing stands: no certificate, one requested, one linked but not confirmed with its PIN, one that signs. */
export const SIGNING_STATES = ['none', 'requested', 'awaitingActivation', 'active'] as const;
export type SigningState = (typeof SIGNING_STATES)[number];

/**
 * A company user as `GET {endpoint}/partner/users` lists it (自社利用者照会).
 *
 * @example
 * companyUserRecordSchema.parse(row).signing // 'active': the user can sign
 */
export const companyUserRecordSchema = z.object({
  /** The 利用者ID the service issued (mailed to the user with the first password). */
  userId: z.string(),
  role: z.enum(COMPANY_USER_ROLES),
  name: z.string(),
  nameKana: z.string(),
  department: z.optional(z.string()),
  title: z.optional(z.string()),
  phone: z.optional(z.string()),
  email: z.string(),
  signing: z.enum(SIGNING_STATES),
  /** The certificate linked to the user, when there is one. */
  certificateId: z.optional(z.string()),
  createdAt: z.string(),
});

/** `200` body of `GET {endpoint}/partner/users`, in the order the users were added. */
export const companyUserListSchema = z.object({ users: z.array(companyUserRecordSchema) });

/** `201` body of `POST {endpoint}/partner/users`. */
export const registeredUserSchema = z.object({ user: companyUserRecordSchema });

// ── signing in and the password (4② 事前準備の操作 1) ─────────────────────────────────────────────

/** Shortest password accepted; the initial one mailed (②) must be replaced at the first sign-in. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted (scrypt takes any length; this keeps abuse out). */
export const MAX_PASSWORD_LENGTH = 128;
/** Failed sign-ins in a row after which a 利用者ID is locked. */
export const MAX_SIGN_IN_FAILURES = 5;
/** How long a locked 利用者ID stays locked. */
export const SIGN_IN_LOCK_MINUTES = 30;

/** A 利用者ID as typed: full-width letters and digits converted, spaces removed. */
export function userIdOf(input: string): string {
  return input.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * Body of `POST {endpoint}/partner/sessions`. The password is taken as typed (never trimmed).
 *
 * @example
 * signInRequestSchema.parse({ userId: 'ｌ０００１２３', password: 'mailed-password' }).userId // 'l000123'
 */
export const signInRequestSchema = z.object({
  userId: requiredText(userIdOf, 64),
  password: z.string({ error: 'required' }).check(
    z.minLength(1, { error: 'required', abort: true }),
    z.maxLength(MAX_PASSWORD_LENGTH, { error: 'tooLong' }),
  ),
});

/** The signed-in user, as the session knows them. */
export const sessionUserSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(COMPANY_USER_ROLES),
});

/**
 * `201` body of `POST {endpoint}/partner/sessions`: the session token the elements send as
 * `Authorization: Bearer <session>`, and whether the password must be changed before anything else.
 */
export const sessionSchema = z.object({
  session: z.string(),
  expiresAt: z.string(),
  mustChangePassword: z.boolean(),
  user: sessionUserSchema,
});

/**
 * The password policy: 10–128 characters, at least one letter and one digit, not containing the
 * 利用者ID, different from the current password, typed twice alike. Codes: `passwordTooShort`,
 * `tooLong`, `passwordLetterAndDigit`, `passwordContainsUserId`, `passwordUnchanged`, `passwordMismatch`.
 *
 * @example
 * passwordChangeSchema.safeParse({ userId: 'L0000001', currentPassword: 'a', newPassword: 'short', confirmation: 'short' }).success // false
 */
export const passwordChangeSchema = z
  .object({
    userId: z.string(),
    currentPassword: z.string({ error: 'required' }).check(z.minLength(1, { error: 'required' })),
    newPassword: z.string({ error: 'required' }).check(
      z.minLength(1, { error: 'required', abort: true }),
      z.minLength(MIN_PASSWORD_LENGTH, { error: 'passwordTooShort', abort: true }),
      z.maxLength(MAX_PASSWORD_LENGTH, { error: 'tooLong', abort: true }),
      z.refine((value: string) => /\p{L}/u.test(value) && /\p{Nd}/u.test(value), { error: 'passwordLetterAndDigit' }),
    ),
    confirmation: z.string({ error: 'required' }).check(z.minLength(1, { error: 'required' })),
  })
  .check(
    z.superRefine((value, context) => {
      const issue = (path: string, message: string) => context.issues.push({ code: 'custom', message, path: [path], input: value });
      if (value.userId && value.newPassword.toLowerCase().includes(value.userId.toLowerCase())) issue('newPassword', 'passwordContainsUserId');
      else if (value.newPassword === value.currentPassword) issue('newPassword', 'passwordUnchanged');
      if (value.confirmation !== value.newPassword) issue('confirmation', 'passwordMismatch');
    }, {
      when: (payload) => {
        const value = payload.value as Record<string, unknown> | undefined;
        return typeof value?.newPassword === 'string' && typeof value?.confirmation === 'string' && typeof value?.currentPassword === 'string';
      },
    }),
  );

/**
 * Body of `PUT {endpoint}/partner/password`: the password change without the user's own check fields
 * (`userId` comes from the session, `confirmation` never leaves the browser).
 */
export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, { error: 'required' })),
  newPassword: z.string().check(z.minLength(MIN_PASSWORD_LENGTH, { error: 'passwordTooShort' }), z.maxLength(MAX_PASSWORD_LENGTH, { error: 'tooLong' })),
});

// ── certificates (②電子証明書を紐付ける操作, 証明書の有効性確認) ─────────────────────────────────

/** Wrong PINs in a row after which the certificate's confirmation is locked (support unlocks it). */
export const MAX_PIN_FAILURES = 5;

/**
 * The PIN of mail ⑤ as typed: full-width characters converted, spaces and hyphens removed. The guide
 * does not show its form; we accept 4–16 half-width letters and digits.
 */
export function pinOf(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー]/gu, '');
}

/**
 * Body of `POST {endpoint}/partner/certificates/{certificateId}/activation`: the PIN of mail ⑤.
 *
 * @example
 * certificatePinSchema.parse({ pin: '１２３４ ５６７８' }).pin // '12345678'
 */
export const certificatePinSchema = z.object({
  pin: requiredText(pinOf, 64).check(z.regex(/^[A-Za-z0-9]{4,16}$/, { error: 'pinFormat' })),
});

/** Where a certificate stands: asked for (the operator has not issued it yet), issued, or revoked. */
export const CERTIFICATE_STATES = ['requested', 'issued', 'revoked'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

/**
 * A certificate of the company as `GET {endpoint}/partner/certificates` lists it (自社電子証明書照会):
 * the role seal it carries (STEP 4's fields) and the users it is linked to.
 */
export const companyCertificateSchema = z.object({
  certificateId: z.string(),
  state: z.enum(CERTIFICATE_STATES),
  companyName: z.string(),
  companyNameAlpha: z.string(),
  departmentJa: z.string(),
  departmentAlpha: z.string(),
  titleJa: z.string(),
  titleAlpha: z.string(),
  /** 利用者IDs linked to it; each can sign once they confirmed it with the PIN. */
  userIds: z.array(z.string()),
  issuedAt: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
});

/** `200` body of `GET {endpoint}/partner/certificates`. */
export const companyCertificateListSchema = z.object({ certificates: z.array(companyCertificateSchema) });

/**
 * The company as the certificate takes it: 企業名 and 企業名(アルファベット) of its first certificate, fixed
 * for every certificate it asks for later. `200` body of `GET {endpoint}/partner/company`.
 */
export const partnerCompanySchema = z.object({ name: z.string(), nameAlpha: z.string() });

/**
 * Body of `POST {endpoint}/partner/certificate-requests` (電子証明書追加発行申請): the user who will sign,
 * and STEP 4's fields and rules (部署名・役職名, their alphabet, ≤ 60 together). 企業名(アルファベット) is not
 * typed: the client sends the company's (`partnerCompanySchema`), the server refuses any other
 * (`companyNameFixed`).
 *
 * @example
 * signerCertificateRequestSchema.parse({ userId: 'L0000002', certificate: { companyNameAlpha: 'YAMADA KENSETSU', departmentJa: '工事部', departmentAlpha: 'KOJIBU', titleJa: '部長', titleAlpha: 'BUCHO' } })
 */
export const signerCertificateRequestSchema = z.object({
  userId: requiredText(trimmed, 64),
  certificate: certificateSchema,
});

/** `201` body of `POST {endpoint}/partner/certificate-requests`. */
export const certificateRequestReceiptSchema = z.object({
  requestNumber: z.string(),
  certificateId: z.string(),
  userId: z.string(),
  requestedAt: z.string(),
});

/** Body of `POST {endpoint}/partner/certificates/{certificateId}/links`: the user to link. */
export const certificateLinkRequestSchema = z.object({ userId: requiredText(trimmed, 64) });

/** `200` body of the link and activation routes: the certificate as it now stands. */
export const certificateResultSchema = z.object({ certificate: companyCertificateSchema });

/**
 * The signed-in user with the certificate they must confirm, if any: `200` body of
 * `GET {endpoint}/partner/me`.
 */
export const partnerMeSchema = z.object({
  user: companyUserRecordSchema,
  certificate: z.optional(companyCertificateSchema),
});

export type CompanyUser = z.infer<typeof companyUserSchema>;
export type CompanyUserRecord = z.infer<typeof companyUserRecordSchema>;
export type SignInRequest = z.infer<typeof signInRequestSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type SessionUser = z.infer<typeof sessionUserSchema>;
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequestSchema>;
export type CompanyCertificate = z.infer<typeof companyCertificateSchema>;
export type PartnerCompany = z.infer<typeof partnerCompanySchema>;
export type SignerCertificateRequest = z.infer<typeof signerCertificateRequestSchema>;
export type CertificateRequestReceipt = z.infer<typeof certificateRequestReceiptSchema>;
export type PartnerMe = z.infer<typeof partnerMeSchema>;

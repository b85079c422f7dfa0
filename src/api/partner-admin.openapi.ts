/**
 * The OpenAPI 3.1 description of the partner routes (`{endpoint}/partner/…`, the contract in
 * `partner-admin.ts`), generated from the very zod/mini schemas the elements and the mock validate with,
 * for the reference server's document to take in (`paths` and `schemas` beside its own; it already
 * defines `ErrorBody`). Not imported by any element.
 *
 * @example
 * const partner = partnerAdminOpenApi();
 * document.paths = { ...document.paths, ...partner.paths };
 * document.components.schemas = { ...document.components.schemas, ...partner.schemas };
 */
import * as z from 'zod/mini';
import {
  certificateLinkRequestSchema,
  certificatePinSchema,
  certificateRequestReceiptSchema,
  certificateResultSchema,
  companyCertificateListSchema,
  companyUserListSchema,
  companyUserSchema,
  MAX_PIN_FAILURES,
  MAX_SIGN_IN_FAILURES,
  partnerCompanySchema,
  partnerMeSchema,
  passwordChangeRequestSchema,
  registeredUserSchema,
  sessionSchema,
  SIGN_IN_LOCK_MINUTES,
  signerCertificateRequestSchema,
  signInRequestSchema,
} from '../domain/company-user.js';
import { ATTEMPTS_REMAINING_HEADER } from './partner-admin.js';

type JsonObject = Record<string, unknown>;

/** The component schemas, by name: requests as clients may send them, responses as servers send them. */
const SCHEMAS: Record<string, [z.core.$ZodType, 'input' | 'output']> = {
  PartnerSignInRequest: [signInRequestSchema, 'input'],
  PartnerSession: [sessionSchema, 'output'],
  PartnerPasswordChange: [passwordChangeRequestSchema, 'input'],
  PartnerMe: [partnerMeSchema, 'output'],
  PartnerCompany: [partnerCompanySchema, 'output'],
  CompanyUser: [companyUserSchema, 'input'],
  CompanyUserList: [companyUserListSchema, 'output'],
  RegisteredUser: [registeredUserSchema, 'output'],
  CompanyCertificateList: [companyCertificateListSchema, 'output'],
  SignerCertificateRequest: [signerCertificateRequestSchema, 'input'],
  CertificateRequestReceipt: [certificateRequestReceiptSchema, 'output'],
  CertificateLinkRequest: [certificateLinkRequestSchema, 'input'],
  CertificatePin: [certificatePinSchema, 'input'],
  CertificateResult: [certificateResultSchema, 'output'],
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const answer = (description: string, name?: string) => (name ? { description, content: { 'application/json': { schema: ref(name) } } } : { description });
const failure = (description: string, codes: readonly string[]) => ({
  description: `${description} (${codes.map((code) => `\`${code}\``).join(', ')})`,
  content: { 'application/json': { schema: ref('ErrorBody') } },
});

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'One key per request; a retry with the same key and body returns the first answer and stores nothing new.',
  schema: { type: 'string', maxLength: 200 },
};
const CERTIFICATE_ID = { name: 'certificateId', in: 'path', required: true, schema: { type: 'string' } };
const SESSION = [{ partnerSession: [] }];

/** Answers of every route that needs a session. */
const SESSION_FAILURES = {
  401: failure('No session, or one that expired', ['session_invalid']),
  403: failure('The first password is not changed yet, or the route is for administrators', ['password_change_required', 'not_admin']),
};
const INVALID = failure('Invalid body; `issues` names each field and rule (codes of src/domain/company-user.ts)', ['validation_failed']);
const REPLAYED_OTHER_BODY = ['idempotency_conflict'] as const;

/**
 * The partner routes' `paths`, component `schemas` and the `partnerSession` security scheme.
 *
 * @example
 * Object.keys(partnerAdminOpenApi().paths) // ['/partner/sessions', '/partner/password', …]
 */
export function partnerAdminOpenApi(): { paths: JsonObject; schemas: JsonObject; securitySchemes: JsonObject } {
  const schemas = Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, [schema, io]]) => {
      const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as JsonObject;
      return [name, rest];
    }),
  );
  const paths = {
    '/partner/sessions': {
      post: {
        summary: 'Sign in with the 利用者ID and password (guide 4②)',
        requestBody: body('PartnerSignInRequest'),
        responses: {
          201: answer('Signed in; `mustChangePassword` until the first password is changed', 'PartnerSession'),
          400: INVALID,
          401: failure(`Unknown 利用者ID or wrong password, not told apart; ${MAX_SIGN_IN_FAILURES} in a row lock the ID`, ['sign_in_failed']),
          423: failure(`Locked for ${SIGN_IN_LOCK_MINUTES} minutes; \`Retry-After\` gives the seconds left`, ['account_locked']),
        },
      },
    },
    '/partner/password': {
      put: {
        summary: 'Change the password (forced at the first sign-in)',
        security: SESSION,
        requestBody: body('PartnerPasswordChange'),
        responses: { 204: answer('Changed'), 400: INVALID, ...SESSION_FAILURES },
      },
    },
    '/partner/me': {
      get: { summary: 'The signed-in user and the certificate they must confirm', security: SESSION, responses: { 200: answer('The user', 'PartnerMe'), ...SESSION_FAILURES } },
    },
    '/partner/company': {
      get: { summary: '企業名 and 企業名(アルファベット), fixed for every certificate', security: SESSION, responses: { 200: answer('The company', 'PartnerCompany'), ...SESSION_FAILURES } },
    },
    '/partner/users': {
      get: { summary: '自社利用者照会 (administrators)', security: SESSION, responses: { 200: answer('The users', 'CompanyUserList'), ...SESSION_FAILURES } },
      post: {
        summary: '自社利用者登録 → 確定 (administrators): mails 利用者ID発行 and 初回ログインパスワード to the user',
        security: SESSION,
        parameters: [IDEMPOTENCY_KEY],
        requestBody: body('CompanyUser'),
        responses: {
          201: answer('Registered', 'RegisteredUser'),
          400: INVALID,
          ...SESSION_FAILURES,
          409: failure('A user has this address, or the key came with another body', ['email_taken', ...REPLAYED_OTHER_BODY]),
        },
      },
    },
    '/partner/certificates': {
      get: { summary: '自社電子証明書照会 (administrators)', security: SESSION, responses: { 200: answer('The certificates', 'CompanyCertificateList'), ...SESSION_FAILURES } },
    },
    '/partner/certificate-requests': {
      post: {
        summary: '電子証明書追加発行申請 (administrators): STEP 4 rules, company name fixed; the PIN mail follows the issuance',
        security: SESSION,
        parameters: [IDEMPOTENCY_KEY],
        requestBody: body('SignerCertificateRequest'),
        responses: {
          201: answer('Requested', 'CertificateRequestReceipt'),
          400: INVALID,
          ...SESSION_FAILURES,
          404: failure('No such user', ['user_not_found']),
          409: failure('The user holds a certificate, or the key came with another body', ['user_has_certificate', ...REPLAYED_OTHER_BODY]),
        },
      },
    },
    '/partner/certificates/{certificateId}/links': {
      post: {
        summary: 'Link an issued certificate to a user (administrators)',
        security: SESSION,
        parameters: [CERTIFICATE_ID, IDEMPOTENCY_KEY],
        requestBody: body('CertificateLinkRequest'),
        responses: {
          200: answer('Linked; the user signs after 証明書有効性確認', 'CertificateResult'),
          400: INVALID,
          ...SESSION_FAILURES,
          404: failure('No such user or certificate', ['user_not_found', 'certificate_not_found']),
          409: failure('Not issued, the user holds one, or the key came with another body', ['certificate_not_issued', 'user_has_certificate', ...REPLAYED_OTHER_BODY]),
        },
      },
    },
    '/partner/certificates/{certificateId}/activation': {
      post: {
        summary: '証明書の有効性確認 with the PIN of mail ⑤ (the linked user)',
        security: SESSION,
        parameters: [CERTIFICATE_ID],
        requestBody: body('CertificatePin'),
        responses: {
          200: answer('Confirmed (again: the same, nothing changes)', 'CertificateResult'),
          400: {
            ...failure('Malformed PIN, or a wrong one', ['validation_failed', 'pin_incorrect']),
            headers: { [ATTEMPTS_REMAINING_HEADER]: { description: 'Wrong PINs left before the lock', schema: { type: 'integer', minimum: 0 } } },
          },
          ...SESSION_FAILURES,
          404: failure('No such certificate of this user', ['certificate_not_found']),
          409: failure('Not issued yet', ['certificate_not_issued']),
          423: failure(`Locked after ${MAX_PIN_FAILURES} wrong PINs; the support unlocks it`, ['pin_locked']),
        },
      },
    },
  };
  const securitySchemes = { partnerSession: { type: 'http', scheme: 'bearer', description: 'The `session` of `POST /partner/sessions`.' } };
  return { paths, schemas, securitySchemes };
}

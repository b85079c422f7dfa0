/**
 * The invitation as the backend returns it (`GET {endpoint}/invitations/{token}`), with the optional
 * prefill and branding an ordering company may attach, and the error body every failure carries.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS } from './schemas.js';

/** Days an invitation link stays valid (application guide, 利用申請サイトのお知らせ ④). */
export const INVITATION_VALID_DAYS = 35;

const shortText = z.string().check(z.maxLength(200));

/**
 * Partial section values an ordering company already holds; they are validated like typed ones. Objects
 * of text (`catchall`) rather than `z.record`: the same check for JSON, and the wizard's bundle does without
 * zod's record type (−0.5 kB gzip).
 */
export const prefillSchema = z.object({
  company: z.optional(z.catchall(z.object({}), z.string())),
  adminUser: z.optional(z.catchall(z.object({}), z.string())),
  certificate: z.optional(z.catchall(z.object({}), z.string())),
});

/** Branding from the ordering company. URLs must be https (checked again where they are used). */
export const brandingSchema = z.object({
  displayName: z.optional(shortText),
  logoUrl: z.optional(z.string().check(z.maxLength(2000))),
  primaryColor: z.optional(z.string().check(z.maxLength(64))),
});

/** `200` body of `GET {endpoint}/invitations/{token}`. */
export const invitationSchema = z.object({
  token: z.string(),
  inviter: z.object({ name: shortText }),
  recipient: z.optional(
    z.object({
      companyName: z.optional(shortText),
      name: z.optional(shortText),
      email: z.optional(shortText),
    }),
  ),
  expiresAt: z.string(),
  prefill: z.optional(prefillSchema),
  branding: z.optional(brandingSchema),
  /** Entity kinds the applicant may choose; all four when absent. */
  allowedKinds: z.optional(z.array(z.literal(ENTITY_KINDS))),
});

/** `201` body of `POST {endpoint}/applications`. */
export const receiptSchema = z.object({
  receiptNumber: z.string().check(z.regex(/^\d{10}$/)),
  acceptedAt: z.string(),
});

/** Codes the backend answers with (SPEC, backend contract). */
export const API_ERROR_CODES = [
  'invitation_not_found',
  'invitation_expired',
  'invitation_used',
  'validation_failed',
  'idempotency_conflict',
  'document_too_large',
  'document_not_pdf',
  'document_encrypted',
  'document_incomplete',
  'too_many_requests',
  'payload_too_large',
  'unauthorized',
  'forbidden_origin',
  'not_found',
  'internal_error',
  'service_unavailable',
] as const;

/** The body of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ path: z.array(z.string()), message: z.string(), code: z.optional(z.string()) }))),
  }),
});

export type Invitation = z.infer<typeof invitationSchema>;
export type Prefill = z.infer<typeof prefillSchema>;
export type Branding = z.infer<typeof brandingSchema>;
export type Receipt = z.infer<typeof receiptSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * What an ordering company (発注者) sends to and receives from the admin API (`{endpoint}/admin/…`):
 * invitations it issues to its partners, the applications they send back, and the mails the service
 * would have sent. The reference server validates with these schemas and `cec-invitation-form` reuses
 * them, so both refuse the same input with the same codes.
 *
 * Messages are codes, never text (as in schemas.ts): `required`, `tooLong`, `email`, `httpsUrl`,
 * `hexColor`, `invalid`.
 */
import * as z from 'zod/mini';
import { prefillSchema } from './invitation.js';
import { trimmed } from './normalise.js';
import { applicationSchema, ENTITY_KINDS, optionalText, requiredText } from './schemas.js';

/** Where an invitation stands: still usable, answered by an application, or past its 35 days. */
export const INVITATION_STATES = ['open', 'used', 'expired'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** `#rgb` or `#rrggbb`: the colours a host can put into a CSS custom property without surprises. */
const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/**
 * The partner company invited, and the person the invitation mail is addressed to
 * (application guide, 利用申請サイトのお知らせ ②: 宛先・宛名 chosen by the ordering company).
 *
 * @example
 * partnerSchema.parse({ companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp' })
 */
export const partnerSchema = z.object({
  companyName: requiredText(),
  contactName: requiredText(),
  email: requiredText(trimmed, 254).check(z.email({ error: 'email' })),
});

/**
 * Branding as an ordering company may set it. Stricter than the `brandingSchema` the wizard reads:
 * the logo must be an https URL (a page served over https must not load mixed content) and the colour
 * a hex colour.
 *
 * @example
 * brandingRequestSchema.parse({ displayName: '発注建設', logoUrl: 'https://example.jp/logo.png', primaryColor: '#0055aa' })
 */
export const brandingRequestSchema = z.object({
  displayName: optionalText,
  logoUrl: z.optional(
    z.url({ protocol: /^https$/, error: 'httpsUrl' }).check(z.maxLength(2000, { error: 'tooLong' })),
  ),
  primaryColor: z.optional(z.string().check(z.regex(HEX_COLOUR, { error: 'hexColor' }))),
});

/**
 * Body of `POST {endpoint}/admin/invitations`.
 *
 * @example
 * createInvitationRequestSchema.parse({
 *   partner: { companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp' },
 *   allowedKinds: ['corporation'],
 * })
 */
export const createInvitationRequestSchema = z.object({
  partner: partnerSchema,
  prefill: z.optional(prefillSchema),
  branding: z.optional(brandingRequestSchema),
  /** Entity kinds the partner may choose; all four when absent. */
  allowedKinds: z.optional(z.array(z.enum(ENTITY_KINDS)).check(z.minLength(1, { error: 'required' }))),
});

/** `open`, `used` or `expired`. */
export const invitationStateSchema = z.enum(INVITATION_STATES);

/**
 * `201` body of `POST {endpoint}/admin/invitations` and `200` body of
 * `POST {endpoint}/admin/invitations/{id}/resend`: the only time the token and its link are shown.
 *
 * @example
 * const issued = issuedInvitationSchema.parse(await response.json());
 * issued.url // 'https://portal.example.jp/?token=…'
 */
export const issuedInvitationSchema = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  state: invitationStateSchema,
  partner: partnerSchema,
});

/**
 * Where an accepted application stands with the service (application guide, STEP 6): 受付済, then
 * 利用者ID発行済 once the operator sent mails ①–③ (wave 1), then 利用登録完了 with ④–⑥ (wave 2).
 */
export const APPLICATION_STAGES = ['accepted', 'usersIssued', 'registered'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** The application answering an invitation, as the invitation list shows it. */
export const applicationSummarySchema = z.object({
  receiptNumber: z.string(),
  acceptedAt: z.string(),
  companyName: z.string(),
  /** Absent from servers older than the stages. */
  stage: z.optional(z.enum(APPLICATION_STAGES)),
});

/**
 * One row of `GET {endpoint}/admin/invitations`.
 *
 * @example
 * invitationSummarySchema.parse(row).state // 'open'
 */
export const invitationSummarySchema = z.object({
  id: z.string(),
  state: invitationStateSchema,
  partner: partnerSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  prefill: z.optional(prefillSchema),
  branding: z.optional(brandingRequestSchema),
  allowedKinds: z.optional(z.array(z.enum(ENTITY_KINDS))),
  application: z.optional(applicationSummarySchema),
});

/**
 * `200` body of `GET {endpoint}/admin/invitations`, newest first.
 *
 * @example
 * const { invitations } = invitationListSchema.parse(await response.json());
 */
export const invitationListSchema = z.object({
  invitations: z.array(invitationSummarySchema),
  /** Pass as `?cursor=` for the next (older) page; absent on the last page. */
  nextCursor: z.optional(z.string()),
});

/** What the console may ask the invitation list for (`GET {endpoint}/admin/invitations?…`). */
export interface InvitationQuery {
  /** Rows per page: 50 by default, at most 100. */
  limit?: number;
  /** `nextCursor` of the page before. */
  cursor?: string;
  /** Part of the partner's company name, contact name or e-mail (case-insensitive). */
  q?: string;
  state?: InvitationState;
}

/** The application as stored: the contract's JSON without the (spent) invitation token. */
export const storedApplicationSchema = z.omit(applicationSchema, { token: true });

/** What is known of the uploaded document; its bytes come from `…/document`. */
export const documentMetadataSchema = z.object({
  /** Generated from the receipt number, never the applicant's file name. */
  fileName: z.string(),
  /** The name the applicant's file had, for display only. */
  originalName: z.optional(z.string()),
  contentType: z.literal('application/pdf'),
  sizeBytes: z.number(),
  sha256: z.string(),
});

/**
 * `200` body of `GET {endpoint}/admin/applications/{receiptNumber}`.
 *
 * @example
 * const record = applicationRecordSchema.parse(await response.json());
 * record.application.company.name // '山田建設株式会社'
 */
export const applicationRecordSchema = z.object({
  receiptNumber: z.string(),
  acceptedAt: z.string(),
  invitationId: z.string(),
  /** When the ordering company marked it exported (the retention purge deletes it soon after). */
  exportedAt: z.optional(z.string()),
  application: storedApplicationSchema,
  document: documentMetadataSchema,
});

/** A mail of the outbox as the list shows it: no body (one mail is read alone). */
export const outboxMailSummarySchema = z.object({
  id: z.number(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.string(),
  /** When the SMTP server took it; absent while undelivered (or when no SMTP server is configured). */
  deliveredAt: z.optional(z.string()),
  /** Delivery attempts so far. */
  attempts: z.number(),
});

/**
 * `200` body of `GET {endpoint}/admin/outbox/{id}`: one mail with its text. The invitation link is in
 * it until the mail is delivered; after that the link is removed from the server.
 */
export const outboxMailSchema = z.extend(outboxMailSummarySchema, { body: z.string() });

/**
 * `200` body of `GET {endpoint}/admin/outbox`, newest first, one page.
 *
 * @example
 * const { mails, nextCursor } = outboxSchema.parse(await response.json());
 */
export const outboxSchema = z.object({ mails: z.array(outboxMailSummarySchema), nextCursor: z.optional(z.string()) });

/** `200` body of `POST {endpoint}/admin/applications/{receiptNumber}/exported`. */
export const exportedApplicationSchema = z.object({ receiptNumber: z.string(), exportedAt: z.string() });

export type Partner = z.infer<typeof partnerSchema>;
export type BrandingRequest = z.infer<typeof brandingRequestSchema>;
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>;
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
export type StoredApplication = z.infer<typeof storedApplicationSchema>;
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
export type ApplicationRecord = z.infer<typeof applicationRecordSchema>;
export type OutboxMail = z.infer<typeof outboxMailSchema>;
export type OutboxMailSummary = z.infer<typeof outboxMailSummarySchema>;
export type ExportedApplication = z.infer<typeof exportedApplicationSchema>;
export type Outbox = z.infer<typeof outboxSchema>;

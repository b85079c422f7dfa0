/**
 * What the operator's routes (`/api/operator/…`, the service side) take and answer: zod/mini schemas,
 * so the route validates its body with them and the OpenAPI document is generated from them.
 */
import * as z from 'zod/mini';
import { CERTIFICATE_STATES } from '../../src/domain/company-user.js';
import { APPLICATION_STAGES } from '../../src/domain/index.js';

/**
 * Body of `POST /operator/applications/{id}/stage`: the stage to move the application on to —
 * `usersIssued` is wave 1 (mails ①–③), `registered` wave 2 (④–⑥).
 *
 * @example
 * operatorStageRequestSchema.parse({ stage: 'usersIssued' })
 */
export const operatorStageRequestSchema = z.object({ stage: z.enum(['usersIssued', 'registered'], { error: 'invalid' }) });

/** An application of any ordering company, as the operator lists it. */
export const operatorApplicationSchema = z.object({
  /** The application's id (its invitation's): receipt numbers count per ordering company. */
  id: z.string(),
  receiptNumber: z.string(),
  orderingCompanyName: z.string(),
  companyName: z.string(),
  adminName: z.string(),
  adminEmail: z.string(),
  acceptedAt: z.string(),
  stage: z.enum(APPLICATION_STAGES),
  usersIssuedAt: z.optional(z.string()),
  registeredAt: z.optional(z.string()),
});

/** `200` body of `GET /operator/applications`: one page, newest first; `nextCursor` unless it is the last. */
export const operatorApplicationListSchema = z.object({ applications: z.array(operatorApplicationSchema), nextCursor: z.optional(z.string()) });

/** A certificate a partner's administrator asked for (電子証明書追加発行申請), as the operator lists it. */
export const operatorCertificateRequestSchema = z.object({
  certificateId: z.string(),
  requestNumber: z.string(),
  companyName: z.string(),
  userIds: z.array(z.string()),
  departmentJa: z.string(),
  titleJa: z.string(),
  state: z.enum(CERTIFICATE_STATES),
  requestedAt: z.string(),
});

/** `200` body of `GET /operator/certificate-requests`. */
export const operatorCertificateRequestListSchema = z.object({ certificateRequests: z.array(operatorCertificateRequestSchema) });

/** A mail of the outbox as the operator's demo mailbox lists it. */
export const operatorMailSummarySchema = z.object({
  id: z.number(),
  to: z.string(),
  subject: z.string(),
  createdAt: z.string(),
  deliveredAt: z.optional(z.string()),
});

/** `200` body of `GET /operator/outbox`. */
export const operatorMailListSchema = z.object({ mails: z.array(operatorMailSummarySchema) });

/** `200` body of `GET /operator/outbox/{id}`: the text as its recipient reads it (password or PIN included until delivered). */
export const operatorMailSchema = z.extend(operatorMailSummarySchema, { body: z.string() });

export type OperatorApplication = z.infer<typeof operatorApplicationSchema>;
export type OperatorCertificateRequest = z.infer<typeof operatorCertificateRequestSchema>;
export type OperatorMailSummary = z.infer<typeof operatorMailSummarySchema>;
export type OperatorMail = z.infer<typeof operatorMailSchema>;

/**
 * Shapes only this server's HTTP layer needs, in zod/mini like the domain's: the draft-sync bodies and
 * the error body with its issue codes. Everything about the application itself comes from src/domain.
 */
import * as z from 'zod/mini';

/** Largest draft body accepted (`PUT …/draft`); a draft is a few kilobytes of typed text. */
export const MAX_DRAFT_BYTES = 64 * 1024;

/**
 * Body of `PUT {endpoint}/invitations/{token}/draft`: whatever the wizard wants back later.
 *
 * @example
 * draftRequestSchema.parse({ draft: { step: 2, company: { name: '山田建設' } } });
 */
export const draftRequestSchema = z.object({
  draft: z.record(z.string(), z.unknown()),
});

/**
 * `200` body of `GET {endpoint}/invitations/{token}/draft`.
 *
 * @example
 * savedDraftSchema.parse({ draft: { step: 2 }, savedAt: '2024-01-26T00:30:00.000Z' });
 */
export const savedDraftSchema = z.object({
  draft: z.record(z.string(), z.unknown()),
  savedAt: z.string(),
});

/**
 * The error body as this server sends it: the domain's `errorBodySchema` with each issue's `code`
 * always present (equal to its `message`), as the OpenAPI document promises.
 *
 * @example
 * apiErrorBodySchema.parse({ error: { code: 'validation_failed', message: '…', issues: [{ path: ['adminUser', 'email'], message: 'email', code: 'email' }] } });
 */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(
      z.array(
        z.object({
          path: z.array(z.string()),
          message: z.string(),
          code: z.string(),
        }),
      ),
    ),
  }),
});

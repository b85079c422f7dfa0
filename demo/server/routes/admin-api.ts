/**
 * The ordering company's API (発注者): issue and resend invitations, read applications and their
 * documents, read the outbox. Mounted under `/api/admin`; every route needs the company's API key and
 * sees that company's data only.
 */
import { Hono } from 'hono';
import { createInvitationRequestSchema } from '../../../src/domain/index.js';
import { ApiError } from '../api-error.js';
import { findApplicationRecord, readApplicationDocument } from '../applications.js';
import { requireApiKey, type AdminEnv } from '../http/middleware.js';
import { limitBody, MAX_JSON_BODY_BYTES, readValidJson } from '../http/request.js';
import { createInvitation, listInvitations, resendInvitation } from '../invitations.js';
import { listOutbox } from '../mails.js';
import type { ApiDependencies } from './dependencies.js';

/**
 * The admin routes.
 *
 * @example
 * app.route('/api/admin', adminApi(dependencies));
 */
export function adminApi(dependencies: ApiDependencies): Hono<AdminEnv> {
  const { database, clock } = dependencies;
  const admin = new Hono<AdminEnv>();
  const publicBaseUrl = (requestUrl: string) => dependencies.publicBaseUrl ?? new URL(requestUrl).origin;

  admin.use('*', requireApiKey(database));

  admin.post('/invitations', limitBody(MAX_JSON_BODY_BYTES, 'payload_too_large'), async (c) => {
    const request = await readValidJson(c, createInvitationRequestSchema);
    const issued = createInvitation(database, {
      ...request,
      orderingCompanyId: c.var.orderingCompany.id,
      publicBaseUrl: publicBaseUrl(c.req.url),
      now: clock(),
    });
    return c.json(issued, 201);
  });

  admin.post('/invitations/:id/resend', (c) => {
    const issued = resendInvitation(database, {
      orderingCompanyId: c.var.orderingCompany.id,
      invitationId: c.req.param('id'),
      publicBaseUrl: publicBaseUrl(c.req.url),
      now: clock(),
    });
    return c.json(issued);
  });

  admin.get('/invitations', (c) =>
    c.json({ invitations: listInvitations(database, c.var.orderingCompany.id, clock()) }),
  );

  admin.get('/applications/:receiptNumber', (c) => {
    const record = findApplicationRecord(database, c.var.orderingCompany.id, c.req.param('receiptNumber'));
    if (!record) throw new ApiError(404, 'application_not_found');
    return c.json(record);
  });

  admin.get('/applications/:receiptNumber/document', (c) => {
    const receiptNumber = c.req.param('receiptNumber');
    const bytes = readApplicationDocument(database, c.var.orderingCompany.id, receiptNumber);
    if (!bytes) throw new ApiError(404, 'application_not_found');
    // A generated name (the receipt number is digits only), never the applicant's: nothing to escape.
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${receiptNumber}.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });

  admin.get('/outbox', (c) => c.json({ mails: listOutbox(database, c.var.orderingCompany.id) }));

  return admin;
}

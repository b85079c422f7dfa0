/**
 * The ordering company's API (発注者): issue and resend invitations, read applications and their
 * documents, mark them exported, read the outbox. Mounted under `/api/admin`; every route needs the
 * company's API key and sees that company's data only. Lists are paginated by keyset (pagination.ts).
 */
import { Hono } from 'hono';
import { createInvitationRequestSchema, INVITATION_STATES, type InvitationState } from '../../../src/domain/index.js';
import { ApiError, validationFailed } from '../api-error.js';
import { findApplicationRecord, markApplicationExported, readApplicationDocument } from '../applications.js';
import { requireApiKey, type AdminEnv } from '../http/middleware.js';
import { limitBody, MAX_JSON_BODY_BYTES, readValidJson } from '../http/request.js';
import { createInvitation, listInvitations, resendInvitation } from '../invitations.js';
import { findMail, listOutbox } from '../mails.js';
import { pageSize } from '../pagination.js';
import type { ApiDependencies } from './dependencies.js';

/** Longest search text (`?q=`): a company name or an e-mail address. */
const MAX_SEARCH_LENGTH = 200;

function stateFilter(value: string | undefined): InvitationState | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(INVITATION_STATES as readonly string[]).includes(value)) throw validationFailed([{ path: ['state'], code: 'invalid' }]);
  return value as InvitationState;
}

function searchText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_SEARCH_LENGTH) throw validationFailed([{ path: ['q'], code: 'tooLong' }]);
  return value;
}

function optionalCursor(value: string | undefined): { cursor?: string } {
  return value ? { cursor: value } : {};
}

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
    const issued = await createInvitation(database, {
      ...request,
      orderingCompanyId: c.var.orderingCompany.id,
      publicBaseUrl: publicBaseUrl(c.req.url),
      now: clock(),
    });
    return c.json(issued, 201);
  });

  admin.post('/invitations/:id/resend', async (c) => {
    const issued = await resendInvitation(database, {
      orderingCompanyId: c.var.orderingCompany.id,
      invitationId: c.req.param('id'),
      publicBaseUrl: publicBaseUrl(c.req.url),
      now: clock(),
    });
    return c.json(issued);
  });

  admin.get('/invitations', async (c) => {
    const q = searchText(c.req.query('q'));
    const state = stateFilter(c.req.query('state'));
    const page = await listInvitations(database, c.var.orderingCompany.id, clock(), {
      limit: pageSize(c.req.query('limit')),
      ...optionalCursor(c.req.query('cursor')),
      ...(q !== undefined ? { q } : {}),
      ...(state ? { state } : {}),
    });
    return c.json({ invitations: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
  });

  admin.get('/applications/:receiptNumber', async (c) => {
    const record = await findApplicationRecord(database, c.var.orderingCompany.id, c.req.param('receiptNumber'));
    if (!record) throw new ApiError(404, 'application_not_found');
    return c.json(record);
  });

  admin.post('/applications/:receiptNumber/exported', async (c) => {
    const marked = await markApplicationExported(database, c.var.orderingCompany.id, c.req.param('receiptNumber'), clock());
    if (!marked) throw new ApiError(404, 'application_not_found');
    return c.json(marked);
  });

  admin.get('/applications/:receiptNumber/document', async (c) => {
    const receiptNumber = c.req.param('receiptNumber');
    const bytes = await readApplicationDocument(database, c.var.orderingCompany.id, receiptNumber);
    if (!bytes) throw new ApiError(404, 'application_not_found');
    // A generated name (the receipt number is digits only), never the applicant's: nothing to escape.
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${receiptNumber}.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });

  admin.get('/outbox', async (c) => {
    const page = await listOutbox(database, c.var.orderingCompany.id, {
      limit: pageSize(c.req.query('limit')),
      ...optionalCursor(c.req.query('cursor')),
    });
    return c.json({ mails: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
  });

  admin.get('/outbox/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const mail = Number.isSafeInteger(id) ? await findMail(database, c.var.orderingCompany.id, id, database.mailKey) : undefined;
    if (!mail) throw new ApiError(404, 'not_found');
    return c.json(mail);
  });

  return admin;
}

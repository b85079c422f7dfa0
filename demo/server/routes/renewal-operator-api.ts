/**
 * The provider's side of the certificate renewal (the operator): the requests of every organisation,
 * marking a row issued with its 証明書ID and 証明書シリアル, and sending the 60-day expiry notices now.
 * Mounted under `/api/operator`; every route needs the operator key (`Authorization: Bearer`), generated
 * once and kept like the demo API key (main.ts), checked by the same `requireOperatorKey` as the
 * operator's other routes (operator.ts).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ApiError, validationFailed } from '../api-error.js';
import { limitBody, MAX_JSON_BODY_BYTES } from '../http/request.js';
import { parseBoundedJson } from '../http/bounded-json.js';
import { validateSection } from '../../../src/domain/validation.js';
import { findRenewalRequest, issueRenewalRow, listRenewalRequests, registerRaContact, sendExpiryNotices } from '../renewals.js';
import { newApiKey } from '../secrets.js';
import type { ApiDependencies } from './dependencies.js';
import { requireOperatorKey } from '../operator.js';

/** Requests the operator's list shows. */
const OPERATOR_LIST_SIZE = 50;

/**
 * The operator's 証明書ID and serial for a row; both may be left out (the server assigns them). A serial
 * may be written with colons or spaces (`0A:1B:…`) and is kept as upper-case hex (RFC 5280: ≤ 20 octets).
 */
export const issueRowSchema = z.object({
  certificateId: z.optional(
    z.string().check(
      z.overwrite((text) => text.normalize('NFKC').trim()),
      z.regex(/^[0-9A-Za-z-]{1,64}$/, { error: 'certificateIdFormat' }),
    ),
  ),
  serial: z.optional(
    z.string().check(
      z.overwrite((text) => text.normalize('NFKC').replace(/[\s:]/g, '').toUpperCase()),
      z.regex(/^[0-9A-F]{1,40}$/, { error: 'serialFormat' }),
    ),
  ),
});

/** The in-house RA contact of an organisation as the operator registers it (企業内RA設置, or 変更). */
export const raContactRegistrationSchema = z.object({
  email: z.string({ error: 'required' }).check(
    z.overwrite((text) => text.trim()),
    z.minLength(1, { error: 'required', abort: true }),
    z.maxLength(254, { error: 'tooLong', abort: true }),
    z.email({ error: 'email' }),
  ),
  locale: z.optional(z.enum(['ja', 'en'])),
});

/**
 * The operator's renewal routes.
 *
 * @example
 * app.route('/api/operator', renewalOperatorApi({ database, clock }));
 */
export function renewalOperatorApi(dependencies: Pick<ApiDependencies, 'database' | 'clock'>): Hono {
  const { database, clock } = dependencies;
  const operator = new Hono();
  operator.use('*', requireOperatorKey(database));

  operator.get('/renewal-requests', async (c) => c.json({ requests: await listRenewalRequests(database, OPERATOR_LIST_SIZE) }));

  operator.get('/renewal-requests/:requestNumber', async (c) => {
    const request = await findRenewalRequest(database, c.req.param('requestNumber'));
    if (!request) throw new ApiError(404, 'renewal_request_not_found');
    return c.json(request);
  });

  operator.post('/renewal-requests/:requestNumber/rows/:row/issue', limitBody(MAX_JSON_BODY_BYTES, 'payload_too_large'), async (c) => {
    const rowNumber = /^\d{1,4}$/.test(c.req.param('row')) ? Number(c.req.param('row')) : Number.NaN;
    if (!(rowNumber >= 1)) throw new ApiError(404, 'row_not_found');
    const text = await c.req.text();
    const result = validateSection(issueRowSchema, text.trim() === '' ? {} : parseBoundedJson(text, []));
    if (!result.ok) throw validationFailed(result.issues);
    const issued = await issueRenewalRow(database, { requestNumber: c.req.param('requestNumber'), rowNumber, ...result.value, now: clock() });
    return c.json(issued);
  });

  // Registers or replaces the RA contact of an account; the new key is shown this once and the old one stops working.
  operator.put('/renewal-organisations/:organisationId/ra-contact', limitBody(MAX_JSON_BODY_BYTES, 'payload_too_large'), async (c) => {
    const organisationId = /^\d{1,9}$/.test(c.req.param('organisationId')) ? Number(c.req.param('organisationId')) : Number.NaN;
    const account = Number.isSafeInteger(organisationId)
      ? await database.db.selectFrom('ordering_companies').select('id').where('id', '=', organisationId).executeTakeFirst()
      : undefined;
    if (!account) throw new ApiError(404, 'organisation_not_found');
    const result = validateSection(raContactRegistrationSchema, parseBoundedJson(await c.req.text(), []));
    if (!result.ok) throw validationFailed(result.issues);
    const raContactKey = newApiKey();
    await registerRaContact(database, { organisationId, email: result.value.email, raKey: raContactKey, ...(result.value.locale ? { locale: result.value.locale } : {}), now: clock() });
    return c.json({ organisationId, email: result.value.email, raContactKey });
  });

  operator.post('/expiry-notices', async (c) => c.json(await sendExpiryNotices(database, clock())));

  return operator;
}

/**
 * The certificate-renewal routes of the in-house RA contact (issue 15; README, "Certificate renewal"):
 * the expiring list, renewal requests, their state, and the request as the クライアント証明書発行依頼書
 * (XLSX, CSV). Mounted under `/api`; each route needs the RA contact's key (`Authorization: Bearer`):
 * none is `401 unauthorized`, any other key `403 not_ra_contact`. A contact sees its own organisation only.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { EXPIRY_NOTICE_DAYS } from '../../../src/domain/renewal.js';
import { ApiError, validationFailed } from '../api-error.js';
import type { Database } from '../database.js';
import { limitBody } from '../http/request.js';
import { RENEWAL_FORM_TITLE, renewalRequestCsv, renewalRequestXlsx } from '../renewal-export.js';
import { findRaContact, findRenewalRequest, listExpiringCertificates, MAX_RENEWAL_REQUEST_BYTES, storeRenewalRequest, type RaContact } from '../renewals.js';
import type { ApiDependencies } from './dependencies.js';

/** Hono environment of these routes: the authenticated RA contact. */
export interface RenewalEnv {
  Variables: { raContact: RaContact };
}

/** Longest `Idempotency-Key` accepted; a UUID needs 36. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
/** Widest `withinDays`: a year and a day. */
const MAX_WITHIN_DAYS = 366;

/**
 * The RA contact whose key is in `Authorization: Bearer <key>` as `c.var.raContact`; no key is `401`,
 * a key that is not a registered RA contact's (an ordering company's console key included) is `403 not_ra_contact`.
 *
 * @example
 * api.get('/expiring-certificates', requireRaContact(database), handler);
 */
export function requireRaContact(database: Database): MiddlewareHandler<RenewalEnv> {
  return async (c, next) => {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (key === undefined) throw new ApiError(401, 'unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
    const contact = await findRaContact(database, key);
    if (!contact) throw new ApiError(403, 'not_ra_contact');
    c.set('raContact', contact);
    return next();
  };
}

function withinDaysOf(value: string | undefined): number {
  if (value === undefined) return EXPIRY_NOTICE_DAYS;
  const days = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(days >= 0 && days <= MAX_WITHIN_DAYS)) throw validationFailed([{ path: ['withinDays'], code: 'invalid', params: { maximum: MAX_WITHIN_DAYS } }]);
  return days;
}

/** The optional `Idempotency-Key`: a retry with the same one and the same body gets the first answer. */
function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (header.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw validationFailed([{ path: ['Idempotency-Key'], code: 'tooLong' }]);
  return header;
}

/** `Content-Disposition` of an export: an ASCII name (the request number) and the Japanese one (RFC 6266). */
function attachment(requestNumber: string, extension: 'xlsx' | 'csv'): string {
  const japanese = encodeURIComponent(`${RENEWAL_FORM_TITLE}_${requestNumber}.${extension}`);
  return `attachment; filename="${requestNumber}.${extension}"; filename*=UTF-8''${japanese}`;
}

/**
 * The RA contact's routes.
 *
 * @example
 * app.route('/api', renewalApi(dependencies));
 */
export function renewalApi(dependencies: Pick<ApiDependencies, 'database' | 'clock'> & { renewalOperatorCodePattern?: RegExp | undefined }): Hono<RenewalEnv> {
  const { database, clock, renewalOperatorCodePattern: operatorCodePattern } = dependencies;
  const api = new Hono<RenewalEnv>();
  const contactOnly = requireRaContact(database);

  const requestOf = async (c: { var: RenewalEnv['Variables']; req: { param(name: 'requestNumber'): string } }) => {
    const request = await findRenewalRequest(database, c.req.param('requestNumber'), c.var.raContact.organisationId);
    if (!request) throw new ApiError(404, 'renewal_request_not_found');
    return request;
  };

  api.get('/expiring-certificates', contactOnly, async (c) => {
    const withinDays = withinDaysOf(c.req.query('withinDays'));
    return c.json({ certificates: await listExpiringCertificates(database, c.var.raContact.organisationId, clock(), withinDays) });
  });

  api.post('/renewal-requests', contactOnly, limitBody(MAX_RENEWAL_REQUEST_BYTES, 'payload_too_large'), async (c) => {
    const idempotencyKey = idempotencyKeyOf(c.req.header('Idempotency-Key'));
    const receipt = await storeRenewalRequest(database, { contact: c.var.raContact, idempotencyKey, bodyText: await c.req.text(), now: clock(), operatorCodePattern });
    return c.json(receipt, 201);
  });

  api.get('/renewal-requests/:requestNumber', contactOnly, async (c) => c.json(await requestOf(c)));

  api.get('/renewal-requests/:requestNumber/export.xlsx', contactOnly, async (c) => {
    const request = await requestOf(c);
    return c.body(new Uint8Array(await renewalRequestXlsx(request)), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': attachment(request.requestNumber, 'xlsx'),
    });
  });

  api.get('/renewal-requests/:requestNumber/export.csv', contactOnly, async (c) => {
    const request = await requestOf(c);
    return c.body(renewalRequestCsv(request), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(request.requestNumber, 'csv'),
    });
  });

  return api;
}

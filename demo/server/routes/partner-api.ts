/**
 * The partner company's routes after the application (`/api/partner/…`, the contract in
 * src/api/partner-admin.ts), and the operator's (`/api/operator/…`, the service side moving
 * applications on and issuing requested certificates). Bodies are validated with the schemas of
 * src/domain/company-user.ts, the very ones the elements use.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import {
  certificateLinkRequestSchema,
  certificatePinSchema,
  companyUserSchema,
  passwordChangeRequestSchema,
  passwordChangeSchema,
  signerCertificateRequestSchema,
  signInRequestSchema,
} from '../../../src/domain/company-user.js';
import { validateSection } from '../../../src/domain/index.js';
import { ApiError, validationFailed } from '../api-error.js';
import { parseBoundedJson } from '../http/bounded-json.js';
import { limitBody } from '../http/request.js';
import { pageSize } from '../pagination.js';
import { mailText } from '../mails.js';
import { operatorStageRequestSchema } from '../operator-schemas.js';
import { advanceApplication, issueRequestedCertificate, requireOperatorKey, listCertificateRequests, listOperatorApplications } from '../operator.js';
import {
  activateCertificate,
  addUser,
  changePassword,
  findSession,
  linkCertificate,
  listCertificates,
  listUsers,
  partnerCompany,
  partnerMe,
  requestCertificate,
  signIn,
  type PartnerPrincipal,
  type StoredAnswer,
} from '../partner-admin.js';
import type { ApiDependencies } from './dependencies.js';

/** Largest JSON body of these routes: a user or a certificate request is well under a kilobyte. */
const MAX_PARTNER_BODY_BYTES = 16 * 1024;
/** Longest `Idempotency-Key` accepted; a UUID needs 36. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

type PartnerEnv = { Variables: { principal: PartnerPrincipal } };

type Schema<T> = Parameters<typeof validateSection<T>>[0];

/** The JSON body, its text and its validated value (`400 validation_failed` with the schema's issues). */
async function readBody<T>(c: Context, schema: Schema<T>): Promise<{ text: string; value: T }> {
  const text = await c.req.text();
  const parsed = parseBoundedJson(text, []);
  const result = validateSection(schema, parsed);
  if (!result.ok) throw validationFailed(result.issues);
  return { text, value: result.value };
}

function idempotencyKeyOf(c: Context): string {
  const header = c.req.header('Idempotency-Key');
  if (!header) throw validationFailed([{ path: ['Idempotency-Key'], code: 'required' }]);
  if (header.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw validationFailed([{ path: ['Idempotency-Key'], code: 'tooLong' }]);
  return header;
}

function bearerOf(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
}

function answer(c: Context, stored: StoredAnswer): Response {
  return c.json(stored.body as Record<string, unknown>, stored.status);
}

/**
 * A valid session (`401 session_invalid`), of an administrator when `adminOnly` (`403 not_admin`), whose
 * first password was changed unless this is the password route (`403 password_change_required`).
 */
function requireSession(dependencies: ApiDependencies, adminOnly: boolean, passwordRoute = false): MiddlewareHandler<PartnerEnv> {
  return async (c, next) => {
    const token = bearerOf(c);
    const principal = token === undefined ? undefined : await findSession(dependencies.database, token, dependencies.clock());
    if (!principal) throw new ApiError(401, 'session_invalid', undefined, { 'WWW-Authenticate': 'Bearer' });
    if (adminOnly && principal.role !== 'admin') throw new ApiError(403, 'not_admin');
    if (principal.mustChangePassword && !passwordRoute) throw new ApiError(403, 'password_change_required');
    c.set('principal', principal);
    return next();
  };
}

/**
 * The partner routes.
 *
 * @example
 * app.route('/api/partner', partnerApi(dependencies));
 */
export function partnerApi(dependencies: ApiDependencies): Hono<PartnerEnv> {
  const { database, clock } = dependencies;
  const partner = new Hono<PartnerEnv>();
  const signedIn = requireSession(dependencies, false);
  const administrator = requireSession(dependencies, true);

  partner.use('*', limitBody(MAX_PARTNER_BODY_BYTES, 'payload_too_large'));

  partner.post('/sessions', async (c) => {
    const { value } = await readBody(c, signInRequestSchema);
    return c.json(await signIn(database, value, clock()), 201);
  });

  partner.put('/password', requireSession(dependencies, false, true), async (c) => {
    const principal = c.var.principal;
    const { value } = await readBody(c, passwordChangeRequestSchema);
    // The whole policy, as the form checks it (the confirmation never leaves the browser).
    const policy = validateSection(passwordChangeSchema, { userId: principal.userId, ...value, confirmation: value.newPassword });
    const issues = policy.ok ? [] : policy.issues.filter((issue) => issue.path[0] !== 'currentPassword');
    await changePassword(database, principal, value, issues, clock());
    return c.body(null, 204);
  });

  partner.get('/me', signedIn, async (c) => c.json(await partnerMe(database.db, c.var.principal)));

  partner.get('/company', signedIn, async (c) => c.json(await partnerCompany(database.db, c.var.principal.companyId)));

  partner.get('/users', administrator, async (c) => c.json({ users: await listUsers(database.db, c.var.principal.companyId) }));

  partner.post('/users', administrator, async (c) => {
    const idempotencyKey = idempotencyKeyOf(c);
    const { text, value } = await readBody(c, companyUserSchema);
    return answer(c, await addUser(database, c.var.principal, { text, value, idempotencyKey }, clock()));
  });

  partner.get('/certificates', administrator, async (c) =>
    c.json({ certificates: await listCertificates(database.db, c.var.principal.companyId) }),
  );

  partner.post('/certificate-requests', administrator, async (c) => {
    const idempotencyKey = idempotencyKeyOf(c);
    const { text, value } = await readBody(c, signerCertificateRequestSchema);
    return answer(c, await requestCertificate(database, c.var.principal, { text, value, idempotencyKey }, clock()));
  });

  partner.post('/certificates/:certificateId/links', administrator, async (c) => {
    const idempotencyKey = idempotencyKeyOf(c);
    const { text, value } = await readBody(c, certificateLinkRequestSchema);
    const certificateId = c.req.param('certificateId');
    return answer(c, await linkCertificate(database, c.var.principal, certificateId, { text, value, idempotencyKey }, clock()));
  });

  partner.post('/certificates/:certificateId/activation', signedIn, async (c) => {
    const parsed = parseBoundedJson(await c.req.text(), []);
    // The PIN's form is looked at only once the certificate is known to be there and not locked.
    const readPin = () => {
      const result = validateSection(certificatePinSchema, parsed);
      if (!result.ok) throw validationFailed(result.issues);
      return result.value.pin;
    };
    return c.json(await activateCertificate(database, c.var.principal, c.req.param('certificateId'), readPin, clock()));
  });

  return partner;
}

/**
 * The operator's routes (the service side): every application with its stage, the two waves, the
 * certificate requests, and the outbox as a mailbox for the demo (with passwords and PINs, until delivered).
 *
 * @example
 * app.route('/api/operator', operatorApi(dependencies));
 */
export function operatorApi(dependencies: ApiDependencies): Hono {
  const { database, clock } = dependencies;
  const operator = new Hono();

  operator.use('*', requireOperatorKey(database));
  operator.use('*', limitBody(MAX_PARTNER_BODY_BYTES, 'payload_too_large'));

  operator.get('/applications', async (c) => {
    const page = await listOperatorApplications(database, { limit: pageSize(c.req.query('limit')), cursor: c.req.query('cursor') });
    return c.json({ applications: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
  });

  operator.post('/applications/:id/stage', async (c) => {
    const { value } = await readBody(c, operatorStageRequestSchema);
    return c.json(await advanceApplication(database, c.req.param('id'), value.stage, clock()));
  });

  operator.get('/certificate-requests', async (c) =>
    c.json({ certificateRequests: await listCertificateRequests(database, c.req.query('state') === 'requested') }),
  );

  operator.post('/certificate-requests/:certificateId/issue', async (c) =>
    c.json(await issueRequestedCertificate(database, c.req.param('certificateId'), clock())),
  );

  // The demo's mailbox: the newest 100 mails, of one address with `?to=`.
  operator.get('/outbox', async (c) => {
    const to = c.req.query('to');
    const rows = await database.db
      .selectFrom('outbox')
      .select(['id', 'recipient', 'subject', 'created_at', 'delivered_at'])
      .$if(!!to, (query) => query.where('recipient', '=', to as string))
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return c.json({
      mails: rows.map((row) => ({
        id: Number(row.id),
        to: row.recipient,
        subject: row.subject,
        createdAt: row.created_at,
        ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
      })),
    });
  });

  operator.get('/outbox/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const row = Number.isSafeInteger(id) ? await database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!row) throw new ApiError(404, 'not_found');
    return c.json({
      id: Number(row.id),
      to: row.recipient,
      subject: row.subject,
      body: mailText(row, database.mailKey, { revealSecret: true }),
      createdAt: row.created_at,
    });
  });

  return operator;
}

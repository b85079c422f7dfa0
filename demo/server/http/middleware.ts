/** Cross-cutting HTTP concerns: request log, origin allow-list, security headers, API-key check. */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import { ApiError } from '../api-error.js';
import type { Database } from '../database.js';
import { findOrderingCompanyByApiKey, type OrderingCompany } from '../ordering-companies.js';

/** Hono environment of the admin routes: the authenticated ordering company. */
export interface AdminEnv {
  Variables: { orderingCompany: OrderingCompany };
}

/** Writes one log line (a JSON object) somewhere; stdout by default. */
export type LogSink = (line: string) => void;

/**
 * The registered pattern of the route that answered (`/api/invitations/:token`), never the raw path: a
 * raw path carries the invitation token, a receipt number or a file name. When a middleware answered
 * first (a refused origin, a missing key), it is the route the request was heading for.
 */
function routePattern(c: Context): string {
  const routes = matchedRoutes(c);
  const handler = routes.slice(c.req.routeIndex).find((route) => route.method !== 'ALL');
  return handler?.path ?? routePath(c);
}

/**
 * One JSON line per request: method, route pattern, status, milliseconds. Nothing personal, no tokens,
 * no query strings, no bodies.
 *
 * @example
 * app.use('*', requestLog((line) => process.stdout.write(`${line}\n`)));
 */
export function requestLog(log: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'info',
        event: 'request',
        method: c.req.method,
        route: routePattern(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
  };
}

/**
 * Logs an unexpected error by its kind and the route it happened on; the response says only `internal_error`.
 *
 * @example
 * app.onError((error, c) => { logUnexpectedError(log, c, error); return c.json(…, 500); });
 */
export function logUnexpectedError(log: LogSink, c: Context, error: unknown): void {
  log(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      event: 'unexpected_error',
      method: c.req.method,
      route: routePattern(c),
      error: error instanceof Error ? error.name : typeof error,
      // Messages come from our code and libraries (SQLite, the multipart parser), not from request bodies.
      message: error instanceof Error ? error.message.slice(0, 300) : undefined,
    }),
  );
}

const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';
const ALLOWED_HEADERS = 'Idempotency-Key, Content-Type, Authorization';

/**
 * CORS by allow-list: a browser request from an origin that is neither this server's own nor one of
 * the embedding portals gets `403 forbidden_origin` (preflight included), so a foreign page cannot
 * even make the server do the work. Requests without `Origin` (curl, server to server) pass: CORS
 * protects browsers' users, not the API.
 *
 * @example
 * app.use('/api/*', allowedOriginsOnly(['https://portal.example.jp']));
 */
export function allowedOriginsOnly(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return async (c, next) => {
    c.header('Vary', 'Origin', { append: true });
    const origin = c.req.header('Origin');
    if (origin === undefined) return next();
    if (origin !== new URL(c.req.url).origin && !allowed.has(origin)) throw new ApiError(403, 'forbidden_origin');
    c.header('Access-Control-Allow-Origin', origin);
    // A wizard on another origin must read Retry-After to tell the applicant how long to wait, and the
    // PIN check the wrong PINs left (X-Attempts-Remaining).
    c.header('Access-Control-Expose-Headers', 'Retry-After, X-Attempts-Remaining');
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      return c.body(null, 204, {
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
    }
    return next();
  };
}

/**
 * The page policy: only our own scripts and styles, Lit's templates as the one Trusted Types policy,
 * no framing by others. Images may come from https (an ordering company's logo) and data: URLs.
 * `styleSources` adds sources to `style-src`: the hashes of a server-rendered page's `<style>` elements.
 *
 * @example
 * contentSecurityPolicy({ styleSources: ["'sha256-…'"] }) // "… style-src 'self' 'sha256-…'; …"
 */
export function contentSecurityPolicy({ styleSources = [] }: { styleSources?: readonly string[] } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleSources].join(' '),
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * `nosniff` and `no-referrer` on every response (a referrer would carry `?token=` to other sites), and
 * the strict CSP on every HTML page that has none of its own.
 *
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // A page that brings its own policy (a server-rendered one, with its style hashes) keeps it.
    if (c.res.headers.get('Content-Type')?.startsWith('text/html') && !c.res.headers.has('Content-Security-Policy')) {
      c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
  };
}

/**
 * `Authorization: Bearer <key>` of an ordering company, or `401 unauthorized`. The company found is
 * `c.var.orderingCompany`; every admin query is scoped to it.
 *
 * @example
 * admin.use('*', requireApiKey(database));
 */
export function requireApiKey(database: Database): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const apiKey = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    const company = apiKey === undefined ? undefined : await findOrderingCompanyByApiKey(database, apiKey);
    if (!company) throw new ApiError(401, 'unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
    c.set('orderingCompany', company);
    return next();
  };
}

/** Host names a browser on this machine uses; a rebinding attack cannot make a page send these. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The `Host` header must name this server: a loopback name, or one of `allowedHosts` (host names, no
 * port). A DNS-rebinding page (evil.example resolving to 127.0.0.1) sends its own name and gets
 * `403 forbidden_host`.
 *
 * @example
 * app.use('*', allowedHostsOnly(['portal.example.jp']));
 */
export function allowedHostsOnly(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header('Host') ?? '').toLowerCase().replace(/:\d+$/, '');
    if (!LOOPBACK_HOSTS.has(host) && !allowed.has(host)) throw new ApiError(403, 'forbidden_host');
    return next();
  };
}

/**
 * `Cache-Control: no-store` on every API answer that does not say otherwise: they carry personal data
 * (invitations, drafts, applications) that no cache along the way may keep.
 *
 * @example
 * app.use('/api/*', noStore());
 */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

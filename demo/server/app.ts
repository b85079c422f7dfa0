/**
 * The reference backend: the contract of SPEC.md over Hono, stored in SQLite under a data directory,
 * or in PostgreSQL (`databaseUrl`); mails delivered over SMTP when `smtpUrl` is given; the retention
 * purge on a schedule.
 *
 * @example
 * const server = await createServer({ dataDir, port: 0, allowedOrigins: ['http://localhost:5173'] });
 * await fetch(`${server.url}/api/invitations/${token}`);
 * await server.close();
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../../src/domain/index.js';
import { ApiError } from './api-error.js';
import { openDatabase, type Database } from './database.js';
import { openDocumentChecks } from './document-checks.js';
import {
  allowedHostsOnly,
  allowedOriginsOnly,
  logUnexpectedError,
  noStore,
  requestLog,
  securityHeaders,
  type LogSink,
} from './http/middleware.js';
import { UploadGate } from './http/multipart.js';
import { DEFAULT_RATE_LIMITS, failureRateLimit, type RateLimits } from './http/rate-limits.js';
import { serverRenderedWizard } from './http/server-rendered-wizard.js';
import { staticFiles } from './http/static-files.js';
import { MailDelivery } from './mail-delivery.js';
import { DEFAULT_RETENTION, purgeExpiredData, type RetentionPolicy } from './retention.js';
import { buildOpenApiDocument } from './openapi.js';
import { PAPER_APPLICATIONS_PER_WINDOW } from './paper-applications.js';
import { adminApi } from './routes/admin-api.js';
import { seedOperatorKey } from './operator.js';
import { operatorApi, partnerApi } from './routes/partner-api.js';
import type { ApiDependencies } from './routes/dependencies.js';
import { publicApi } from './routes/public-api.js';
import { renewalApi } from './routes/renewal-api.js';
import { renewalOperatorApi } from './routes/renewal-operator-api.js';

export interface ServerOptions {
  /** Directory of the SQLite database (created when missing). */
  dataDir: string;
  /** TCP port; `0` picks a free one (read it back from `url`). */
  port: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** Origins of the portals that embed the wizard; this server's own origin is always allowed. */
  allowedOrigins: readonly string[];
  /** Directory served at `/` (the built demo pages), with the strict CSP on HTML. */
  staticDir?: string;
  /** Upper bound of the uploaded PDF; the request body may be 1 MB more. Default 10 MB. */
  maxDocumentBytes?: number;
  /** The current instant; a test moves it to make invitations expire. */
  clock?: () => Date;
  /** Base of invitation links (`<publicBaseUrl>/?token=…`); the origin the admin request came to when absent. */
  publicBaseUrl?: string;
  /** Receives each JSON log line; stdout by default. */
  log?: LogSink;
  /** `postgres://…` to store in PostgreSQL; SQLite in `dataDir` when absent. */
  databaseUrl?: string;
  /** The AES-256 key sealing invitation links in the outbox; `MAIL_ENCRYPTION_KEY` or a key file in `dataDir` when absent. */
  mailKey?: Buffer;
  /** `smtp://…`: deliver the outbox over SMTP. Without it mails stay in the outbox (the console shows them). */
  smtpUrl?: string;
  /** Sender of the mails (`From:`). */
  mailFrom?: string;
  /** Mail retry timing; tests make it short. */
  mailRetry?: { baseMs?: number; maxAttempts?: number; pollMs?: number };
  /** Host names (besides loopback ones) this server answers to; those of `allowedOrigins` and `publicBaseUrl` are added. */
  allowedHosts?: readonly string[];
  /** Failure rate limits; `'off'` for a benchmark, which is one client hammering on purpose. */
  rateLimits?: Partial<RateLimits> | 'off';
  /** Caps on concurrent uploads (default 32) and on the bytes they declare between them (default 128 MiB). */
  uploadLimits?: { maxConcurrent?: number; maxBytesInFlight?: number };
  /** The retention policy (retention.ts); default 90 days for applications. */
  retention?: Partial<RetentionPolicy>;
  /** How often the purge runs inside the server; default hourly, `0` never (the command still works). */
  purgeIntervalMs?: number;
  /** An operator key (the service side, `/api/operator/*`), stored as a hash at start; more can be seeded with `seedOperatorKey`. Without any those routes refuse everyone. */
  operatorKey?: string;
  /** The 事業者コード format renewal requests must have (the form's `operator-code-pattern`); the domain default when absent. */
  renewalOperatorCodePattern?: RegExp;
}

export interface RunningServer {
  /** `http://host:port`; the wizard's endpoint is `${url}/api`. */
  url: string;
  port: number;
  /** The open database, for seeding (`seedOrderingCompany`, `createInvitation`) and for tests to look into. */
  database: Database;
  /** The SMTP postman, when `smtpUrl` was given (tests call `deliverDue()` instead of waiting). */
  mailDelivery?: MailDelivery;
  /** Runs the retention purge now, at the server's clock. */
  purge(): ReturnType<typeof purgeExpiredData>;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
}

const writeToStdout: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * The Hono application on an open database, without listening: `createServer` serves it, and tests may
 * call `app.request()` directly.
 *
 * @example
 * const app = createApp({ database, clock: () => new Date(), maxDocumentBytes: 10 * 1024 * 1024,
 *   publicBaseUrl: undefined, allowedOrigins: [], log: () => {} });
 */
export function createApp(
  options: ApiDependencies & {
    allowedOrigins: readonly string[];
    allowedHosts: readonly string[];
    rateLimits: RateLimits | 'off';
    staticDir?: string;
    log: LogSink;
    renewalOperatorCodePattern?: RegExp | undefined;
  },
): Hono {
  const app = new Hono();
  const openApiDocument = buildOpenApiDocument();

  app.use('*', requestLog(options.log));
  app.use('*', securityHeaders());
  app.use('*', allowedHostsOnly(options.allowedHosts));
  app.use('/api/*', allowedOriginsOnly(options.allowedOrigins));
  app.use('/api/*', noStore());
  if (options.rateLimits !== 'off') {
    const { tokenFailures, apiKeyFailures, windowMs } = options.rateLimits;
    const tokenGuesses = failureRateLimit(tokenFailures, windowMs, 404);
    app.use('/api/invitations/*', tokenGuesses);
    app.use('/api/applications', tokenGuesses);
    app.use('/api/admin/*', failureRateLimit(apiKeyFailures, windowMs, 401));
    // Paper applications need no invitation: what one address may store in a window is bounded instead.
    app.use('/api/paper-applications', failureRateLimit(PAPER_APPLICATIONS_PER_WINDOW, windowMs, 201));
    // Guessing an RA contact's or the operator's key is bounded like guessing an API key.
    const raKeyGuesses = failureRateLimit(apiKeyFailures, windowMs, 403);
    app.use('/api/expiring-certificates', raKeyGuesses);
    app.use('/api/renewal-requests', raKeyGuesses);
    app.use('/api/renewal-requests/*', raKeyGuesses);
    // Guessing passwords across many 利用者IDs (each ID locks itself after five) and operator keys.
    app.use('/api/partner/sessions', failureRateLimit(tokenFailures, windowMs, 401));
    app.use('/api/operator/*', failureRateLimit(apiKeyFailures, windowMs, 401));
  }

  app.get('/api/openapi.json', (c) => c.json(openApiDocument, 200, { 'Cache-Control': 'no-cache' }));
  app.route('/api/admin', adminApi(options));
  app.route('/api/partner', partnerApi(options));
  app.route('/api/operator', operatorApi(options));
  app.route('/api', publicApi(options));
  app.route('/api', renewalApi(options));
  app.route('/api/operator', renewalOperatorApi(options));
  if (options.staticDir) {
    app.get('/', serverRenderedWizard({ root: options.staticDir, database: options.database, clock: options.clock }));
    app.get('/*', staticFiles(options.staticDir));
  }

  app.notFound((c) => c.json(new ApiError(404, 'not_found').toBody(), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status, error.headers);
    logUnexpectedError(options.log, c, error);
    // Never the error itself: its message and stack are for the log, not for the caller.
    return c.json(new ApiError(500, 'internal_error').toBody(), 500);
  });
  return app;
}

/** Host names of URLs (origins, the public base URL) this server is reached by. */
function hostNamesOf(urls: ReadonlyArray<string | undefined>): string[] {
  return urls.flatMap((url) => (url ? [new URL(url).hostname] : []));
}

/**
 * Opens the database in `dataDir` (running migrations), starts listening and resolves once the port
 * is bound. Close it and create it again on the same `dataDir` to simulate a restart.
 *
 * @example
 * const server = await createServer({ dataDir: '.data', port: 8787, allowedOrigins: [] });
 * console.log(`${server.url}/api`);
 */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? writeToStdout;
  const clock = options.clock ?? (() => new Date());
  const database = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, mailKey: options.mailKey });
  if (options.operatorKey) await seedOperatorKey(database, options.operatorKey);
  const maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const app = createApp({
    database,
    clock,
    maxDocumentBytes,
    publicBaseUrl: options.publicBaseUrl,
    allowedOrigins: options.allowedOrigins,
    allowedHosts: [...(options.allowedHosts ?? []), ...hostNamesOf([...options.allowedOrigins, options.publicBaseUrl])],
    rateLimits: options.rateLimits === 'off' ? 'off' : { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    uploadGate: new UploadGate({
      maxConcurrent: options.uploadLimits?.maxConcurrent ?? 32,
      maxBytesInFlight: options.uploadLimits?.maxBytesInFlight ?? 128 * 1024 * 1024,
    }),
    ...(options.staticDir !== undefined ? { staticDir: options.staticDir } : {}),
    log,
    renewalOperatorCodePattern: options.renewalOperatorCodePattern,
  });

  let server: Server;
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => resolve(info.port)) as Server;
      server.once('error', reject);
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const closeDocumentChecks = openDocumentChecks();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const mailDelivery = options.smtpUrl
    ? new MailDelivery(database, {
        smtpUrl: options.smtpUrl,
        clock,
        log,
        ...(options.mailFrom ? { from: options.mailFrom } : {}),
        ...(options.mailRetry?.baseMs !== undefined ? { retryBaseMs: options.mailRetry.baseMs } : {}),
        ...(options.mailRetry?.maxAttempts !== undefined ? { maxAttempts: options.mailRetry.maxAttempts } : {}),
        ...(options.mailRetry?.pollMs !== undefined ? { pollMs: options.mailRetry.pollMs } : {}),
      })
    : undefined;
  mailDelivery?.start();
  const retention = { ...DEFAULT_RETENTION, ...options.retention };
  const purge = () => purgeExpiredData(database, clock(), retention);
  const purgeIntervalMs = options.purgeIntervalMs ?? 60 * 60_000;
  const purgeTimer =
    purgeIntervalMs > 0
      ? setInterval(() => {
          purge().then(
            (report) => log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'purge', ...report })),
            (error: unknown) => log(JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'purge_failed', error: String(error) })),
          );
        }, purgeIntervalMs).unref()
      : undefined;

  return {
    url,
    port,
    database,
    ...(mailDelivery ? { mailDelivery } : {}),
    purge,
    close: async () => {
      clearInterval(purgeTimer);
      await mailDelivery?.stop();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections of finished requests would hold close() open for seconds.
        server.closeAllConnections();
      });
      await closeDocumentChecks();
      await database.close();
    },
  };
}

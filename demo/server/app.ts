/**
 * The reference backend: the contract of SPEC.md over Hono, stored in SQLite under a data directory.
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
import { allowedOriginsOnly, logUnexpectedError, requestLog, securityHeaders, type LogSink } from './http/middleware.js';
import { staticFiles } from './http/static-files.js';
import { buildOpenApiDocument } from './openapi.js';
import { adminApi } from './routes/admin-api.js';
import type { ApiDependencies } from './routes/dependencies.js';
import { publicApi } from './routes/public-api.js';

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
}

export interface RunningServer {
  /** `http://host:port`; the wizard's endpoint is `${url}/api`. */
  url: string;
  port: number;
  /** The open database, for seeding (`seedOrderingCompany`, `createInvitation`) and for tests to look into. */
  database: Database;
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
  options: ApiDependencies & { allowedOrigins: readonly string[]; staticDir?: string; log: LogSink },
): Hono {
  const app = new Hono();
  const openApiDocument = buildOpenApiDocument();

  app.use('*', requestLog(options.log));
  app.use('*', securityHeaders());
  app.use('/api/*', allowedOriginsOnly(options.allowedOrigins));

  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  app.route('/api/admin', adminApi(options));
  app.route('/api', publicApi(options));
  if (options.staticDir) app.get('/*', staticFiles(options.staticDir));

  app.notFound((c) => c.json(new ApiError(404, 'not_found').toBody(), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status, error.headers);
    logUnexpectedError(options.log, c, error);
    // Never the error itself: its message and stack are for the log, not for the caller.
    return c.json(new ApiError(500, 'internal_error').toBody(), 500);
  });
  return app;
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
  const database = openDatabase(options.dataDir);
  const app = createApp({
    database,
    clock: options.clock ?? (() => new Date()),
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    publicBaseUrl: options.publicBaseUrl,
    allowedOrigins: options.allowedOrigins,
    ...(options.staticDir !== undefined ? { staticDir: options.staticDir } : {}),
    log: options.log ?? writeToStdout,
  });

  let server: Server;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) =>
      resolve(info.port),
    ) as Server;
    server.once('error', (error) => {
      database.close();
      reject(error);
    });
  });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    database,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          database.close();
          if (error) reject(error);
          else resolve();
        });
        // Keep-alive connections of finished requests would hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

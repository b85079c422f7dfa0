/**
 * Starting the reference server for a test file, and talking to it as the wizard and the admin console
 * do: over real HTTP on 127.0.0.1, with a fresh data directory per server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application, IssuedInvitation, Partner } from '../../src/domain/index.js';
import type { PaperApplication } from '../../src/domain/paper-application.js';
import { minimalPdf, validApplication } from '../../src/mocks/fixtures.js';
import { createServer, type RunningServer, type ServerOptions } from '../../demo/server/app.js';
import { countRows as countTableRows, type Tables } from '../../demo/server/database.js';
import { createInvitation } from '../../demo/server/invitations.js';
import { seedOrderingCompany, type OrderingCompany } from '../../demo/server/ordering-companies.js';
import { startPostgresCluster, type PostgresCluster } from './postgres.js';
import { addDays, tokyoToday } from '../../src/domain/dates.js';
import { registerCertificates, registerRaContact } from '../../demo/server/renewals.js';

export { emptyPdf, encryptedPdf, minimalPdf, notPdf, oversizePdf, validApplication } from '../../src/mocks/fixtures.js';

/** The origin of an embedding portal every test server allows. */
export const PORTAL_ORIGIN = 'https://portal.example.jp';
/** API key of the ordering company every test server is seeded with. */
export const API_KEY = 'test-key-hacchu';
export const ORDERING_COMPANY = '発注建設株式会社';
/** The provider's operator key every test server has (`/api/operator/*`). */
export const OPERATOR_KEY = 'test-operator-key';

export const partner: Partner = { companyName: '株式会社山田建設', contactName: '山田 太郎', email: 'taro@example.co.jp' };

export interface TestServer extends RunningServer {
  dataDir: string;
  company: OrderingCompany;
  /** Every log line the server wrote. */
  logs: string[];
  /** The clock the server reads; tests move it. */
  now: { value: Date };
  /** Closes the server and opens a new one on the same data directory. */
  restart(): Promise<TestServer>;
  /** Closes the server and removes its data directory. */
  dispose(): Promise<void>;
}

/**
 * The engine the server tests run on: SQLite, or PostgreSQL when `TEST_DATABASE=postgres` (then one
 * throwaway cluster serves the whole test file, a fresh database per server; postgres.test.ts runs
 * every server test file that way).
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

let cluster: Promise<PostgresCluster> | undefined;
let clients = 0;

/**
 * Starts this process's throwaway PostgreSQL cluster ahead of its first database (a test hook with a
 * short timeout then finds it running); `stopTestPostgres` stops it.
 *
 * @example
 * await warmTestPostgres();
 */
export async function warmTestPostgres(): Promise<void> {
  cluster ??= startPostgresCluster();
  await cluster;
}

/**
 * Stops the throwaway cluster, whatever still uses it (the end of a test run).
 *
 * @example
 * await stopTestPostgres();
 */
export async function stopTestPostgres(): Promise<void> {
  const running = cluster;
  cluster = undefined;
  clients = 0;
  await (await running)?.stop();
}

/**
 * A fresh PostgreSQL database on this process's throwaway cluster (started on first use, stopped when
 * its last database is dropped).
 *
 * @example
 * const { url, drop } = await testPostgresDatabase();
 */
export async function testPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  cluster ??= startPostgresCluster();
  clients += 1;
  const running = await cluster;
  const url = await running.createDatabase();
  return {
    url,
    drop: async () => {
      await running.dropDatabase(url);
      clients -= 1;
      if (clients === 0) {
        cluster = undefined;
        await running.stop();
      }
    },
  };
}

function withoutTestOptions<T extends { now?: unknown; logs?: unknown; postgres?: unknown }>(options: T): Omit<T, 'now' | 'logs' | 'postgres'> {
  const { now: _now, logs: _logs, postgres: _postgres, ...serverOptions } = options;
  return serverOptions;
}

/**
 * A server on port 0 with its own temporary data directory (and, on PostgreSQL, its own database)
 * and the ordering company 発注建設株式会社.
 *
 * @example
 * const server = await startTestServer();
 * after(() => server.dispose());
 */
export async function startTestServer(
  options: Partial<ServerOptions> & {
    dataDir?: string;
    now?: { value: Date };
    logs?: string[];
    /** The PostgreSQL database of the server this one restarts (kept, dropped by the last dispose). */
    postgres?: { url: string; drop(): Promise<void> };
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cec-server-test-'));
  const now = options.now ?? { value: new Date() };
  const logs = options.logs ?? [];
  const postgres = options.postgres ?? (TEST_ENGINE === 'postgres' && !options.databaseUrl ? await testPostgresDatabase() : undefined);
  const running = await createServer({
    port: 0,
    allowedOrigins: [PORTAL_ORIGIN],
    clock: () => now.value,
    log: (line) => logs.push(line),
    purgeIntervalMs: 0,
    // Tests of other things send many wrong keys and unknown tokens on purpose; hardening.test.ts sets its own.
    rateLimits: { tokenFailures: 10_000, apiKeyFailures: 10_000 },
    operatorKey: OPERATOR_KEY,
    ...(postgres ? { databaseUrl: postgres.url } : {}),
    ...withoutTestOptions(options),
    dataDir,
  });
  const company = await seedOrderingCompany(running.database, { name: ORDERING_COMPANY, apiKey: API_KEY });
  return {
    ...running,
    dataDir,
    company,
    logs,
    now,
    restart: async () => {
      await running.close();
      return startTestServer({ ...options, dataDir, now, logs, ...(postgres ? { postgres } : {}) });
    },
    dispose: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
      await postgres?.drop();
    },
  };
}

/**
 * An invitation of the seeded company, made directly in the database (`expiresAt` for expired ones).
 *
 * @example
 * const { token } = await inviteDirectly(server, { expiresAt: new Date(Date.now() - 1000) });
 */
export function inviteDirectly(
  server: TestServer,
  options: { expiresAt?: Date; orderingCompanyId?: number; partner?: Partner } = {},
): Promise<IssuedInvitation> {
  return createInvitation(server.database, {
    orderingCompanyId: options.orderingCompanyId ?? server.company.id,
    partner: options.partner ?? partner,
    publicBaseUrl: server.url,
    now: server.now.value,
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  });
}

/** The multipart body the wizard's client sends: the JSON as a Blob part, the document as a file. */
export function applicationForm(application: unknown, document?: Blob): FormData {
  const form = new FormData();
  form.append('application', new Blob([JSON.stringify(application)], { type: 'application/json' }));
  if (document) form.append('document', document, document instanceof File ? document.name : 'document.pdf');
  return form;
}

/**
 * `POST /api/applications` with a valid application for `token` unless told otherwise.
 *
 * @example
 * const response = await submit(server, { token, idempotencyKey: 'k1' });
 */
export function submit(
  server: RunningServer,
  options: {
    token?: string;
    application?: Application | unknown;
    document?: Blob;
    idempotencyKey?: string | null;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  const application = options.application ?? validApplication(options.token);
  const headers: Record<string, string> = { ...options.headers };
  const key = options.idempotencyKey === undefined ? crypto.randomUUID() : options.idempotencyKey;
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(`${server.url}/api/applications`, {
    method: 'POST',
    headers,
    body: applicationForm(application, options.document ?? minimalPdf()),
  });
}

/**
 * A request to the admin API with the seeded company's key (or `apiKey`), JSON in and out.
 *
 * @example
 * const response = await admin(server, 'POST', '/invitations', { partner });
 */
export function admin(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  apiKey: string | null = API_KEY,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (apiKey !== null) headers.Authorization = `Bearer ${apiKey}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.url}/api/admin${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** The error code of an error response (and that its body has the contract's shape). */
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
  return body.error.code;
}

/** Number of rows in a table of the server's database. */
export function countRows(server: RunningServer, table: keyof Tables): Promise<number> {
  return countTableRows(server.database, table);
}

/** The RA contact key of the seeded company's in-house RA (`seedRenewalOrganisation`). */
export const RA_KEY = 'test-ra-contact-key';
export const RA_CONTACT_EMAIL = 'ra@gas.example.co.jp';

/**
 * Registers the seeded company's in-house RA (contact `RA_CONTACT_EMAIL`, key `RA_KEY`) with one client
 * certificate per entry of `expiresInDays`, expiring that many days after the server's Japan-time today:
 * CN `gw0N.gas.example.co.jp`, 証明書ID `10000N`.
 *
 * @example
 * await seedRenewalOrganisation(server, [20, 35, 60, 61]);
 */
export async function seedRenewalOrganisation(server: TestServer, expiresInDays: readonly number[] = [20, 35, 52, 60, 100]): Promise<void> {
  const today = tokyoToday(server.now.value);
  await registerRaContact(server.database, { organisationId: server.company.id, email: RA_CONTACT_EMAIL, raKey: RA_KEY, now: server.now.value });
  await registerCertificates(
    server.database,
    server.company.id,
    expiresInDays.map((days, index) => ({
      commonName: `gw0${index + 1}.gas.example.co.jp`,
      certificateId: String(100001 + index),
      serial: `0A${String(index + 1).padStart(2, '0')}`,
      expiresOn: addDays(today, days),
    })),
  );
}

/**
 * A call to the renewal routes as the RA contact (or `key`), JSON in and out.
 *
 * @example
 * const response = await renewalCall(server, 'POST', '/renewal-requests', { body: request, idempotencyKey: 'k1' });
 */
export function renewalCall(
  server: RunningServer,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; idempotencyKey?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? RA_KEY : options.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const body = options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) };
  return fetch(`${server.url}/api${path}`, { method, headers, ...body });
}

/**
 * CECTRUST 電子契約 + CECSIGN with one applicant of each kind, as the element sends it: the company and the
 * people are those of the online application's fixture (the same STEP 2/3 rules apply).
 */
export function paperApplicationBody(overrides: Partial<Record<keyof PaperApplication, unknown>> = {}): Record<string, unknown> {
  const { company, adminUser } = validApplication();
  const { kind: _kind, ...corporation } = company as unknown as Record<string, unknown>;
  const { address, ...someone } = adminUser;
  return {
    services: ['cectrustContract', 'cecsign'],
    company: corporation,
    contact: adminUser,
    billingSameAsContact: true,
    userIdApplicants: [someone],
    certificateApplicants: [{ ...someone, residentAddress: address }],
    eTokenCount: 1,
    issueDates: { commercialRegistration: '2027-03-01' },
    locale: 'ja',
    ...overrides,
  };
}

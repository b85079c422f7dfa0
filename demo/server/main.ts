/**
 * The demo server as `npm start` runs it: the reference backend on `.data/`, serving the built demo
 * pages, with one seeded ordering company (発注建設株式会社) whose API key opens the console.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from './app.js';
import { seedOrderingCompany } from './ordering-companies.js';
import { seedDemoRenewal } from './renewal-demo-seed.js';
import { newOperatorKey } from './operator.js';
import { newApiKey } from './secrets.js';

/** The ordering company of the demo (as in the application guide's screenshots). */
export const DEMO_ORDERING_COMPANY = '発注建設株式会社';

export interface DemoServerOptions {
  /** Repository root; `.data/` and the default static directory live under it. */
  root: string;
  /** The built demo pages; served at `/` when the directory exists. */
  staticDir: string;
  /**
   * Environment to read `PORT`, `HOST`, `DEMO_API_KEY`, `ALLOWED_ORIGINS`, `ALLOWED_HOSTS`,
   * `PUBLIC_BASE_URL`, `DATABASE_URL`, `SMTP_URL`, `MAIL_FROM`, `MAIL_ENCRYPTION_KEY`,
   * `RETENTION_DAYS`, `DEMO_RA_KEY` and `OPERATOR_KEY` from (README, environment variables).
   */
  env?: NodeJS.ProcessEnv;
}

/**
 * A key of the demo (the API key, the RA contact's, the operator's): the environment's when set, else
 * the one generated on the first start and kept in the data directory as `fileName`, so the printed
 * links stay valid across restarts.
 */
function keptKey(dataDir: string, fileName: string, fromEnvironment: string | undefined, generate: () => string = newApiKey): { key: string; generated: boolean } {
  if (fromEnvironment) return { key: fromEnvironment, generated: false };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keyFile = join(dataDir, fileName);
  if (existsSync(keyFile)) return { key: readFileSync(keyFile, 'utf8').trim(), generated: false };
  const key = generate();
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  return { key, generated: true };
}

/** A page's line of the banner: with its key the time the key is made (a secret, never shown again), else where the key is kept. */
function pageLine(url: string, kept: { key: string; generated: boolean }, what: string, environmentName: string, fileName: string, env: NodeJS.ProcessEnv): string {
  return kept.generated
    ? `${url}#key=${kept.key}   (${what} generated now, kept in .data/${fileName}; not shown again)`
    : `${url}   (${what}: ${env[environmentName] ? environmentName : `.data/${fileName}`})`;
}

/**
 * Starts the demo server and keeps it running until SIGINT/SIGTERM (or `close()`), then closes the
 * database cleanly.
 *
 * @example
 * await runDemoServer({ root: process.cwd(), staticDir: 'dist/demo' });
 */
export async function runDemoServer(options: DemoServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const env = options.env ?? process.env;
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  const origin = `http://localhost:${port}`;
  const dataDir = join(options.root, '.data');
  const extraOrigins = (env.ALLOWED_ORIGINS ?? '').split(',').map((value) => value.trim()).filter(Boolean);
  const hasStaticPages = existsSync(options.staticDir);

  const publicBaseUrl = env.PUBLIC_BASE_URL ?? origin;
  const retentionDays = env.RETENTION_DAYS ? Number(env.RETENTION_DAYS) : undefined;
  if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays > 0)) {
    throw new Error('RETENTION_DAYS must be a whole number of days above 0');
  }
  const operatorKey = keptKey(dataDir, 'demo-operator-key', env.OPERATOR_KEY, newOperatorKey);
  const server = await createServer({
    dataDir,
    port,
    host,
    allowedOrigins: [origin, `http://127.0.0.1:${port}`, ...extraOrigins],
    allowedHosts: (env.ALLOWED_HOSTS ?? '').split(',').map((value) => value.trim()).filter(Boolean),
    ...(hasStaticPages ? { staticDir: options.staticDir } : {}),
    publicBaseUrl,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.MAIL_FROM ? { mailFrom: env.MAIL_FROM } : {}),
    ...(retentionDays ? { retention: { applicationDays: retentionDays } } : {}),
    operatorKey: operatorKey.key,
  });
  const apiKey = keptKey(dataDir, 'demo-api-key', env.DEMO_API_KEY);
  const company = await seedOrderingCompany(server.database, { name: DEMO_ORDERING_COMPANY, apiKey: apiKey.key });
  const raKey = keptKey(dataDir, 'demo-ra-key', env.DEMO_RA_KEY);
  await seedDemoRenewal(server.database, { organisationId: company.id, raKey: raKey.key, now: new Date() });

  // A key is a secret: printed once, when it is made; afterwards the banner says where it is kept.
  const consoleLine = pageLine(`${origin}/console/`, apiKey, 'API key', 'DEMO_API_KEY', 'demo-api-key', env);
  const renewalLine = pageLine(`${origin}/renewal/`, raKey, 'RA contact key', 'DEMO_RA_KEY', 'demo-ra-key', env);
  const operatorLine = pageLine(`${origin}/operator/`, operatorKey, 'operator key', 'OPERATOR_KEY', 'demo-operator-key', env);
  const renewalOperatorLine = pageLine(`${origin}/renewal/operator.html`, operatorKey, 'the same operator key', 'OPERATOR_KEY', 'demo-operator-key', env);
  console.log(`
CECTRUST-Light demo server (${env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : `SQLite in ${dataDir}`}; mail ${env.SMTP_URL ? 'over SMTP_URL' : 'kept in the outbox, shown by the console'})
  portal   ${origin}/            (open it with ?token=<invitation token>; the console issues invitations)
  console  ${consoleLine}
  renewal  ${renewalLine}
  operator ${operatorLine}
           ${renewalOperatorLine}
  partner  ${origin}/partner/     (the partner's administrator: sign in with the 管理用ID of mail ①)
  API      ${origin}/api          (OpenAPI: ${origin}/api/openapi.json)
  ordering company ${DEMO_ORDERING_COMPANY}
${hasStaticPages ? '' : `  ! ${options.staticDir} does not exist: only the API is served\n`}Press Ctrl-C to stop.
`);

  let stopping = false;
  const close = async () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (stopping) return;
    stopping = true;
    await server.close();
    console.log('Stopped; database closed.');
  };
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { url: server.url, close };
}

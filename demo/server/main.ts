/**
 * The demo server as `npm start` runs it: the reference backend on `.data/`, serving the built demo
 * pages, with one seeded ordering company (発注建設株式会社) whose API key opens the console.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from './app.js';
import { seedOrderingCompany } from './ordering-companies.js';
import { newApiKey } from './secrets.js';

/** The ordering company of the demo (as in the application guide's screenshots). */
export const DEMO_ORDERING_COMPANY = '発注建設株式会社';

export interface DemoServerOptions {
  /** Repository root; `.data/` and the default static directory live under it. */
  root: string;
  /** The built demo pages; served at `/` when the directory exists. */
  staticDir: string;
  /** Environment to read `PORT`, `HOST`, `DEMO_API_KEY` and `ALLOWED_ORIGINS` from. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The demo API key: `DEMO_API_KEY` when set, else the one generated on the first start and kept in
 * the data directory, so the console link stays valid across restarts.
 */
function demoApiKey(dataDir: string, fromEnvironment: string | undefined): { apiKey: string; generated: boolean } {
  if (fromEnvironment) return { apiKey: fromEnvironment, generated: false };
  const keyFile = join(dataDir, 'demo-api-key');
  if (existsSync(keyFile)) return { apiKey: readFileSync(keyFile, 'utf8').trim(), generated: false };
  const apiKey = newApiKey();
  writeFileSync(keyFile, `${apiKey}\n`, { mode: 0o600 });
  return { apiKey, generated: true };
}

/**
 * Starts the demo server and keeps it running until SIGINT/SIGTERM, then closes the database cleanly.
 *
 * @example
 * await runDemoServer({ root: process.cwd(), staticDir: 'dist/demo' });
 */
export async function runDemoServer(options: DemoServerOptions): Promise<void> {
  const env = options.env ?? process.env;
  const port = Number(env.PORT ?? 8787);
  const host = env.HOST ?? '127.0.0.1';
  const origin = `http://localhost:${port}`;
  const dataDir = join(options.root, '.data');
  const extraOrigins = (env.ALLOWED_ORIGINS ?? '').split(',').map((value) => value.trim()).filter(Boolean);
  const hasStaticPages = existsSync(options.staticDir);

  const server = await createServer({
    dataDir,
    port,
    host,
    allowedOrigins: [origin, `http://127.0.0.1:${port}`, ...extraOrigins],
    ...(hasStaticPages ? { staticDir: options.staticDir } : {}),
    publicBaseUrl: origin,
  });
  const { apiKey, generated } = demoApiKey(dataDir, env.DEMO_API_KEY);
  seedOrderingCompany(server.database, { name: DEMO_ORDERING_COMPANY, apiKey });

  console.log(`
CECTRUST-Light demo server (data in ${dataDir})
  portal   ${origin}/            (open it with ?token=<invitation token>; the console issues invitations)
  console  ${origin}/console/#key=${apiKey}
  API      ${origin}/api          (OpenAPI: ${origin}/api/openapi.json)
  ordering company ${DEMO_ORDERING_COMPANY}, API key ${apiKey}${generated ? ' (generated, kept in .data/demo-api-key)' : ''}
${hasStaticPages ? '' : `  ! ${options.staticDir} does not exist: only the API is served\n`}Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    console.log('Stopped; database closed.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

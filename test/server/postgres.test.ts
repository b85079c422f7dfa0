/**
 * The server on PostgreSQL: every other server test file again with `TEST_DATABASE=postgres` (each on
 * its own throwaway cluster, see postgres.ts), and two server processes on one database: one
 * Idempotency-Key sent 50 times across both stores one application; receipt numbers never repeat.
 * Skipped only where no PostgreSQL server binaries are installed (.ci/run installs them).
 */
import assert from 'node:assert/strict';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { receiptSchema } from '../../src/domain/index.js';
import { applicationForm, minimalPdf, partner, validApplication } from './helpers.js';
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from './postgres.js';

const skip = postgresBinDir() ? false : 'PostgreSQL server binaries not installed';

function withoutTestContext(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _context, ...rest } = env;
  return rest;
}
const here = fileURLToPath(new URL('.', import.meta.url));

describe('the server tests on PostgreSQL', { skip }, () => {
  // Not this file, those that use no database engine of the helpers, nor the browser walks of the demo pages (run once, on SQLite).
  const engineFree = new Set(['postgres.test.ts', 'tokyo-time.test.ts', 'console.test.ts', 'demo-start.test.ts', 'partner-pages.test.ts']);
  const files = readdirSync(here).filter((file) => file.endsWith('.test.ts') && !engineFree.has(file));
  for (const file of files) {
    it(`passes ${file} on PostgreSQL`, () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', `${here}${file}`], {
        // Without NODE_TEST_CONTEXT: inherited from a `node --test` parent, it makes the child exit 0 having run nothing (Node 20).
        env: { ...withoutTestContext(process.env), TEST_DATABASE: 'postgres' },
        encoding: 'utf8',
        timeout: 300_000,
      });
      assert.equal(run.status, 0, `${file} failed on PostgreSQL:\n${(run.stdout + run.stderr).slice(-4000)}`);
    });
  }
});

describe('two server processes on one PostgreSQL database', { skip }, () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  const processes: ChildProcess[] = [];
  const urls: string[] = [];

  before(async () => {
    cluster = await startPostgresCluster();
    databaseUrl = await cluster.createDatabase();
    // Started together: they also race through the migrations (an advisory lock makes them take turns).
    const started = [0, 1].map(
      () =>
        new Promise<string>((resolve, reject) => {
          const child = fork(`${here}fixtures/server-process.ts`, { execArgv: ['--import', 'tsx'], env: { ...process.env, DATABASE_URL: databaseUrl } });
          processes.push(child);
          child.once('message', (message: { url: string }) => resolve(message.url));
          child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
        }),
    );
    urls.push(...(await Promise.all(started)));
  });
  after(async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            child.removeAllListeners('exit');
            child.once('exit', () => resolve());
            child.send({ type: 'stop' });
          }),
      ),
    );
    await cluster.stop();
  });

  async function invite(url: string): Promise<string> {
    const response = await fetch(`${url}/api/admin/invitations`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-key-hacchu', 'Content-Type': 'application/json' },
      body: JSON.stringify({ partner }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { token: string }).token;
  }

  function post(url: string, token: string, idempotencyKey: string): Promise<Response> {
    return fetch(`${url}/api/applications`, {
      method: 'POST',
      headers: { 'Idempotency-Key': idempotencyKey },
      body: applicationForm(validApplication(token), minimalPdf()),
    });
  }

  it('stores exactly one application for 50 concurrent POSTs with one Idempotency-Key spread over both', async () => {
    const token = await invite(urls[0] ?? '');
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, index) => post(urls[index % 2] ?? '', token, key)));
    const bodies = await Promise.all(responses.map(async (response) => ({ status: response.status, body: (await response.json()) as unknown })));
    assert.deepEqual([...new Set(bodies.map((answer) => answer.status))], [201], JSON.stringify(bodies.find((answer) => answer.status !== 201)));
    const receipts = new Set(bodies.map((answer) => receiptSchema.parse(answer.body).receiptNumber));
    assert.equal(receipts.size, 1, 'every answer is the one receipt');
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT COUNT(*)::int AS count FROM applications');
      assert.equal(rows[0].count, 1);
    } finally {
      await client.end();
    }
  });

  it('never gives one receipt number twice when both processes accept applications at once', async () => {
    const tokens = await Promise.all(Array.from({ length: 40 }, (_, index) => invite(urls[index % 2] ?? '')));
    const responses = await Promise.all(tokens.map((token, index) => post(urls[index % 2] ?? '', token, crypto.randomUUID())));
    assert.deepEqual([...new Set(responses.map((response) => response.status))], [201]);
    const numbers = await Promise.all(responses.map(async (response) => receiptSchema.parse(await response.json()).receiptNumber));
    assert.equal(new Set(numbers).size, 40);
  });
});

/**
 * `npm start`'s server (demo/server/main.ts): the API key is a secret, printed only on the start that
 * generates it; later starts say where it is kept. The data directory and its files are private.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runDemoServer } from '../../demo/server/main.js';

describe('the demo server banner', () => {
  const root = mkdtempSync(join(tmpdir(), 'cec-demo-start-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  async function start(): Promise<string> {
    const lines: string[] = [];
    const original = console.log;
    console.log = (...parts: unknown[]) => void lines.push(parts.join(' '));
    try {
      const server = await runDemoServer({ root, staticDir: join(root, 'none'), env: { PORT: '0' } });
      await server.close();
    } finally {
      console.log = original;
    }
    return lines.join('\n');
  }

  it('prints the generated key once, then only where it is kept', async () => {
    const first = await start();
    const key = readFileSync(join(root, '.data', 'demo-api-key'), 'utf8').trim();
    assert.ok(first.includes(`#key=${key}`), 'the console link with the key, the first time');
    const second = await start();
    assert.ok(!second.includes(key), 'never again');
    assert.match(second, /\.data\/demo-api-key/);
  });

  it('prints the renewal and operator pages with their keys on the start that makes them, then only where they are kept', async () => {
    const raKey = readFileSync(join(root, '.data', 'demo-ra-key'), 'utf8').trim();
    const operatorKey = readFileSync(join(root, '.data', 'demo-operator-key'), 'utf8').trim();
    assert.notEqual(raKey, operatorKey);
    const again = await start();
    assert.ok(!again.includes(raKey) && !again.includes(operatorKey));
    assert.match(again, /\/renewal\/ .*\.data\/demo-ra-key/);
    assert.match(again, /\/renewal\/operator\.html .*\.data\/demo-operator-key/);
  });

  it('keeps the key file and the data directory private (0600, 0700)', () => {
    assert.equal(statSync(join(root, '.data')).mode & 0o777, 0o700);
    assert.equal(statSync(join(root, '.data', 'demo-api-key')).mode & 0o777, 0o600);
  });

  it("prints the operator page's key the same way, once, and the partner page", async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cec-demo-start-'));
    try {
      const lines: string[] = [];
      const original = console.log;
      console.log = (...parts: unknown[]) => void lines.push(parts.join(' '));
      try {
        for (let run = 0; run < 2; run += 1) await (await runDemoServer({ root: fresh, staticDir: join(fresh, 'none'), env: { PORT: '0' } })).close();
      } finally {
        console.log = original;
      }
      const key = readFileSync(join(fresh, '.data', 'demo-operator-key'), 'utf8').trim();
      const [first, second] = lines.filter((line) => line.includes('/operator/'));
      assert.ok(first?.includes(`/operator/#key=${key}`));
      assert.ok(second && !second.includes(key) && second.includes('.data/demo-operator-key'));
      assert.match(lines.join('\n'), /partner +http:\/\/localhost:\d+\/partner\//);
      assert.equal(statSync(join(fresh, '.data', 'demo-operator-key')).mode & 0o777, 0o600);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

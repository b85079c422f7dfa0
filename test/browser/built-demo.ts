/**
 * The demo pages as deployed, for Node-driven browser tests: `vite build --mode demo` into a temporary
 * folder, served by the real reference server (its strict CSP included), and a headless Chromium.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { startTestServer, type TestServer } from '../server/helpers.js';

const root = new URL('../../', import.meta.url).pathname;

export interface BuiltDemo {
  /** The folder the pages were built into (a test may add pages of its own before opening them). */
  outDir: string;
  server: TestServer;
  browser: Browser;
  /** Closes the browser and the server and removes the build. */
  dispose(): Promise<void>;
}

/**
 * Builds the demo and serves it.
 *
 * @example
 * let demo: BuiltDemo;
 * before(async () => (demo = await startBuiltDemo()));
 * after(() => demo?.dispose());
 */
export async function startBuiltDemo(): Promise<BuiltDemo> {
  const outDir = mkdtempSync(join(tmpdir(), 'cec-demo-build-'));
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--outDir', outDir, '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `vite build --mode demo failed:\n${build.stdout}\n${build.stderr}`);
  const server = await startTestServer({ staticDir: outDir });
  const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
  return {
    outDir,
    server,
    browser,
    async dispose() {
      await browser.close();
      await server.dispose();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

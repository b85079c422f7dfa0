/**
 * The README's plain-HTML snippet, run as written: the built one-file bundle served where the snippet
 * points, the page opened with an invitation link in headless Chromium, the wizard showing who invited.
 * (The README's React, Vue, Svelte and mocks snippets are compiled as written, in projects the packed
 * package is installed into, by test/package/consumers.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };

let root: string;
let server: Server;
let browser: Browser;
let origin: string;

/** The html block between `<!-- snippet:plain-html -->` and `<!-- /snippet -->` in README.md. */
function readmeSnippet(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = /<!-- snippet:plain-html -->\s*```html\n([\s\S]*?)```\s*<!-- \/snippet -->/.exec(readme);
  assert.ok(block, 'README.md has the plain-HTML snippet between its markers');
  return block[1]!;
}

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'cec-snippet-'));
  const outDir = join(root, 'node_modules/@cectrust/light-apply/dist/bundle');
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'bundle', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  assert.equal(build.status, 0, 'the bundle builds');
  writeFileSync(join(root, 'index.html'), `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>snippet</title></head><body>\n${readmeSnippet()}</body></html>`);
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

test('the plain-HTML snippet of the README shows the wizard for an invitation link', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.route('**/api/invitations/**', (route) =>
    route.fulfill({
      json: { token: 'snippet-token', inviter: { name: '発注テスト株式会社' }, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    }),
  );
  await page.goto(`${origin}/?token=snippet-token`);
  await page.getByText('発注テスト株式会社様からのご依頼により', { exact: false }).waitFor();
  await page.getByLabel('CECTRUST-Light利用規約に同意します。').check();
  assert.equal(new URL(page.url()).searchParams.get('token'), null, 'the token is removed from the address bar');
  assert.deepEqual(problems, []);
  await page.close();
});

test("the bundle carries none of i18next's debug-only messages, and keeps its errors (vite.config.ts, dropI18nextDebugMessages)", () => {
  const bundle = readFileSync(join(root, 'node_modules/@cectrust/light-apply/dist/bundle/cectrust-apply.js'), 'utf8');
  for (const debugOnly of ['accessing an object - but returnObjects', 'is removed in v27', 'init: i18next is already initialized', 'missed to pass in variable']) {
    assert.ok(!bundle.includes(debugOnly), `«${debugOnly}» is printed only with debug: true, which the wizard never sets`);
  }
  assert.ok(bundle.includes('No Intl support, please use an Intl polyfill!'), 'logger.error prints without debug: kept');
});

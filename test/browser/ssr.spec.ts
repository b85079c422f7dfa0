/**
 * Server-side rendering: every element rendered in Node with @lit-labs/ssr (declarative shadow DOM),
 * shown by headless Chromium as plain HTML first (script off: the words, not their keys; an unticked box
 * unticked), then hydrated by the built elements with Lit's hydrate support: no hydration error, and the
 * hydrated element answers a person (ticking a box changes its value). (Importing `./bundle` in Node is
 * checked by test/package/consumers.test.ts, in a project the tarball is installed into.)
 *
 * Node-driven (node:test + playwright-core); named `*.spec.ts` so web-test-runner leaves it alone.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import '../../src/index.js';
import '../../src/components/invitation-form/invitation-form.js';

/** Each element as a host writes it, and a word it must show before any script ran. */
const ELEMENTS: Array<{ tag: string; attributes: string; word: string }> = [
  { tag: 'cec-apply-wizard', attributes: 'endpoint="/api" token="ssr-token" no-resume', word: 'CECTRUST-Light 利用申請' },
  { tag: 'cec-terms-consent', attributes: '', word: 'CECTRUST-Light利用規約に同意します。' },
  { tag: 'cec-company-form', attributes: '', word: '企業名カナ' },
  { tag: 'cec-admin-user-form', attributes: '', word: 'メールアドレス' },
  { tag: 'cec-cert-info-form', attributes: '', word: '役職名' },
  { tag: 'cec-confirmation', attributes: '', word: '申請内容確認' },
  { tag: 'cec-completion', attributes: 'receipt-number="2401260002" email="yamaguchi@example.com"', word: '2401260002' },
  { tag: 'cec-invitation-form', attributes: 'endpoint="/api"', word: '取引先を招待する' },
];

/** The element rendered on the server: its tag with a declarative shadow root. */
async function serverRendered(tag: string, attributes: string): Promise<string> {
  const attributeBindings = unsafeStatic(attributes);
  return collectResult(render(html`<${unsafeStatic(tag)} ${attributeBindings}></${unsafeStatic(tag)}>`));
}

describe('server-side rendering with @lit-labs/ssr, hydrated in Chromium', () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let origin: string;
  const pages = new Map<string, string>();

  before(async () => {
    mkdirSync('node_modules/.cache', { recursive: true });
    dir = mkdtempSync(resolve('node_modules/.cache/cec-ssr-'));
    // The client: Lit's hydrate support first, then every element (as a host's bundler would build it).
    writeFileSync(
      join(dir, 'client.ts'),
      `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport '${resolve('src/index.ts')}';\nimport '${resolve('src/components/invitation-form/invitation-form.ts')}';\n`,
    );
    await build({
      configFile: false,
      logLevel: 'error',
      build: { outDir: join(dir, 'out'), lib: { entry: join(dir, 'client.ts'), formats: ['es'], fileName: () => 'client.js' } },
    });
    for (const { tag, attributes } of ELEMENTS) {
      pages.set(
        `/${tag}.html`,
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${tag}</title></head><body>${await serverRendered(tag, attributes)}<script type="module" src="/client.js"></script></body></html>`,
      );
    }
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const page = pages.get(path);
      if (page) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      } else if (path === '/client.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript' });
        response.end(readFileSync(join(dir, 'out', 'client.js')));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page of the given element, recording errors; the invitation answered so the wizard has something to show. */
  async function open(tag: string, javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && problems.push(message.text()));
    await page.route('**/api/**', (route) =>
      route.fulfill({ json: { token: 'ssr-token', inviter: { name: '発注テスト株式会社' }, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }),
    );
    await page.goto(`${origin}/${tag}.html`);
    return { page, problems };
  }

  for (const { tag, word } of ELEMENTS) {
    it(`${tag}: shows its words before any script runs`, async () => {
      const { page } = await open(tag, false);
      await page.getByText(word, { exact: false }).first().waitFor();
      const shown = await page.locator(tag).innerText();
      assert.doesNotMatch(shown, /\b[a-z]+[A-Z]\w*\.[a-z]\w+/, 'no resource key among the words');
      for (const box of await page.getByRole('checkbox').all()) {
        const label = await box.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? input.id);
        if (tag !== 'cec-invitation-form') assert.equal(await box.isChecked(), false, `${label} is unticked`);
      }
      await page.context().close();
    });

    it(`${tag}: hydrates without an error`, async () => {
      const { page, problems } = await open(tag, true);
      await page.waitForFunction((name) => (document.querySelector(name) as (HTMLElement & { hasUpdated?: boolean }) | null)?.hasUpdated === true, tag);
      await page.getByText(word, { exact: false }).first().waitFor();
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  it('a hydrated STEP 1 answers a person: ticking a box changes its value', async () => {
    const { page, problems } = await open('cec-terms-consent', true);
    await page.waitForFunction(() => (document.querySelector('cec-terms-consent') as HTMLElement & { hasUpdated?: boolean }).hasUpdated === true);
    // Hydrated, not rendered a second time beside the server's markup.
    assert.equal(await page.getByRole('checkbox').count(), 2);
    await page.getByLabel('CECTRUST-Light利用規約に同意します。').check();
    const value = await page.locator('cec-terms-consent').evaluate((element) => (element as HTMLElement & { value: { service?: boolean } }).value);
    assert.equal(value.service, true);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

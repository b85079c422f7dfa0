/**
 * The demo portal as it is deployed: the built pages served by the real reference server with its strict
 * Content Security Policy (no inline code, no eval, Trusted Types for Lit only). A person walks STEP 1–6
 * in headless Chromium; any CSP violation, console error or page error fails the walk, the invitation
 * token leaves the address bar once read, and nothing is requested from any other origin.
 *
 * Node-driven (node:test + playwright-core) rather than @web/test-runner: the page must come from the
 * reference server with its own headers, not from the test runner's dev server. Named `*.spec.ts` so the
 * web-test-runner glob (`test/**\/*.test.ts`) does not load it in the browser.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { inviteDirectly, startTestServer, type TestServer } from '../server/helpers.js';
import { completeStep, waitForStep } from './portal-walk.js';

const root = new URL('../../', import.meta.url).pathname;

/** What the page reported while it was open. */
interface Observed {
  violations: string[];
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
}

declare global {
  interface Window {
    __violations: string[];
  }
}

describe('the demo portal under its strict Content Security Policy', () => {
  let outDir: string;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'cec-demo-build-'));
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--outDir', outDir, '--logLevel', 'warn'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, `vite build --mode demo failed:\n${build.stdout}\n${build.stderr}`);
    server = await startTestServer({ staticDir: outDir });
    browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** A fresh page that records violations, console errors, page errors and every request it makes. */
  async function openPage(): Promise<{ page: Page; observed: Observed }> {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const observed: Observed = { violations: [], consoleErrors: [], pageErrors: [], requests: [] };
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url } = message.location();
      // Chromium logs every 4xx load. One is an expected answer, not a fault: `GET …/draft` answers 404
      // when no draft is kept (the contract's "no draft yet").
      const expected = /status of 404/.test(message.text()) && /\/api\/invitations\/[^/]+\/draft$/.test(url);
      if (!expected) observed.consoleErrors.push(`${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => observed.pageErrors.push(String(error)));
    page.on('request', (request) => observed.requests.push(request.url()));
    return { page, observed };
  }

  async function collectViolations(page: Page, observed: Observed): Promise<void> {
    observed.violations.push(...(await page.evaluate(() => window.__violations)));
  }

  function assertClean(observed: Observed): void {
    assert.deepEqual(observed.violations, [], 'CSP violations');
    assert.deepEqual(observed.pageErrors, [], 'page errors');
    assert.deepEqual(observed.consoleErrors, [], 'console errors');
  }

  it('serves the portal with a strict policy: no unsafe-inline, no unsafe-eval, Trusted Types for Lit only', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    const policy = response.headers.get('Content-Security-Policy');
    assert.ok(policy, 'Content-Security-Policy header present');
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
    const directives = new Map(policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }));
    assert.equal(directives.get('script-src'), "'self'");
    assert.equal(directives.get('style-src'), "'self'");
    assert.equal(directives.get('object-src'), "'none'");
    assert.equal(directives.get('require-trusted-types-for'), "'script'");
    assert.equal(directives.get('trusted-types'), 'lit-html');
    assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
  });

  it('walks STEP 1–6 without a violation or an error, drops the token from the address bar, and talks only to its own origin', async () => {
    const { token, url } = await inviteDirectly(server);
    const { page, observed } = await openPage();
    const response = await page.goto(url);
    assert.ok(response, 'navigation answered');
    assert.match(response.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/);

    await waitForStep(page, 1);
    assert.ok(!page.url().includes(token), `token still in the address bar: ${page.url()}`);
    assert.ok(!page.url().includes('token='), 'no token parameter left');

    for (let step = 1; step <= 5; step++) await completeStep(page, step);
    const completion = await page.getByText(/受付番号\s*\d{10}/).innerText();
    const receiptNumber = /受付番号\s*(\d{10})/.exec(completion)?.[1];
    assert.ok(receiptNumber, `receipt number shown: ${completion.slice(0, 200)}`);
    assert.equal(await page.title(), `受付番号 ${receiptNumber} | 取引先ポータル`);

    await collectViolations(page, observed);
    assertClean(observed);
    const foreign = observed.requests.filter((request) => !request.startsWith(`${server.url}/`) && !request.startsWith('data:') && !request.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests to other origins');
    // Besides the invitation link itself, the token travels only in API paths of this origin.
    const withToken = observed.requests.filter((request) => request !== url && request.includes(token));
    assert.ok(withToken.every((request) => request.startsWith(`${server.url}/api/invitations/`)), `token sent to: ${withToken.join(', ')}`);
    assert.ok(!server.logs.some((line) => line.includes(token)), 'token never in the server log');
    await page.context().close();
  });

  it('shows the invitation error page under the same policy without a violation', async () => {
    const { page, observed } = await openPage();
    await page.goto(`${server.url}/?token=not-an-invitation`);
    await page.getByRole('heading', { name: 'このオンライン利用申請URLは無効です' }).waitFor();
    assert.ok(!page.url().includes('not-an-invitation'));
    await collectViolations(page, observed);
    // The 404 of the invitation lookup is the answer this page shows, not a fault; Chromium still logs it.
    observed.consoleErrors = observed.consoleErrors.filter((text) => !/status of 404.*\/api\/invitations\/not-an-invitation\)$/.test(text));
    assertClean(observed);
    await page.context().close();
  });

  it('would notice a violation: the watch is not blind', async () => {
    const { page, observed } = await openPage();
    await page.goto(`${server.url}/?token=not-an-invitation`);
    await page.getByRole('heading', { name: 'このオンライン利用申請URLは無効です' }).waitFor();
    // A string into an HTML sink is what Trusted Types exist to stop (script and markup injection).
    await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>injected</b>');
      } catch {
        // refused, as it must be
      }
    });
    await page.waitForFunction(() => window.__violations.length > 0);
    await collectViolations(page, observed);
    assert.match(observed.violations.join('\n'), /require-trusted-types-for/);
    await page.context().close();
  });
});

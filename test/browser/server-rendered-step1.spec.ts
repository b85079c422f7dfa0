/**
 * The invitation link of the built demo portal behind the real reference server, which sends STEP 1
 * already rendered (`demo/server/http/server-rendered-wizard.ts`): what a person meets before the scripts
 * run and while they load, and how the wizard then takes the place of what the server rendered.
 *
 * The portal's script is held back (a route that answers it only when the test says so) to stand for a
 * slow network: the applicant reads and ticks meanwhile.
 *
 * Node-driven (node:test + playwright-core); named `*.spec.ts` so web-test-runner leaves it alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { createInvitation } from '../../demo/server/invitations.js';
import { inviteDirectly, partner } from '../server/helpers.js';
import { startBuiltDemo, type BuiltDemo } from './built-demo.js';
import { waitForStep } from './portal-walk.js';

const AXE_SOURCE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url);
const SERVICE = 'CECTRUST-Light利用規約に同意します。';
const CERTIFICATE = 'JCAN電子証明書利用規約に同意します。';

declare global {
  interface Window {
    __shift: number;
    __violations: string[];
  }
}

describe('STEP 1 sent rendered by the reference server', () => {
  let demo: BuiltDemo;
  before(async () => (demo = await startBuiltDemo()));
  after(() => demo?.dispose());

  /**
   * A fresh page whose portal script waits for `release()`; it records CSP violations, layout shifts,
   * errors (a 404 of the draft look-up is the contract's "no draft yet", not a fault).
   */
  async function openHeld({
    english = false,
    branding,
    height = 900,
    prepare,
    ...options
  }: {
    javaScriptEnabled?: boolean;
    english?: boolean;
    branding?: { primaryColor: string; logoUrl: string };
    height?: number;
    prepare?: (page: Page) => Promise<unknown>;
  } = {}) {
    const context: BrowserContext = await demo.browser.newContext({ viewport: { width: 1280, height }, ...options });
    const page: Page = await context.newPage();
    // The portal's language button was pressed earlier in this tab.
    if (english) await page.addInitScript(() => sessionStorage.setItem('portal-language', 'en'));
    const problems: string[] = [];
    page.on('console', (message) => {
      const expected = /status of 404/.test(message.text()) && /\/draft$/.test(message.location().url);
      if (message.type() === 'error' && !expected) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.addInitScript(() => {
      window.__shift = 0;
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
      new PerformanceObserver((list) => {
        // As CLS counts them: not the shifts a person's own input caused (moving on to STEP 2).
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) window.__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/portal-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    const { token, url } = branding
      ? await createInvitation(demo.server.database, { orderingCompanyId: demo.server.company.id, partner, branding, publicBaseUrl: demo.server.url, now: demo.server.now.value })
      : await inviteDirectly(demo.server);
    await prepare?.(page);
    await page.goto(url, { waitUntil: 'commit' });
    return { page, problems, release, token };
  }

  /** The id of the focused element, through shadow roots. */
  const focusedId = (page: Page) =>
    page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.id;
    });

  it('shows STEP 1 with its words before any script runs, under the strict CSP', async () => {
    const { page, problems } = await openHeld({ javaScriptEnabled: false });
    await waitForStep(page, 1);
    await page.getByText('発注建設株式会社様からのご依頼により').waitFor();
    for (const name of [SERVICE, CERTIFICATE]) assert.equal(await page.getByRole('checkbox', { name }).isChecked(), false, name);
    // Nothing would happen on a click yet: the buttons say so.
    assert.equal(await page.getByRole('button', { name: '利用規約に同意して次へ' }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: '戻る' }).isDisabled(), true);
    assert.deepEqual(problems, [], 'no refused style, no error');
    await page.context().close();
  });

  it('is accessible as sent (axe) while the scripts load', async () => {
    const { page, problems, release } = await openHeld();
    await waitForStep(page, 1);
    await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
      const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    release();
    await page.locator('cec-apply-wizard cec-terms-consent').waitFor({ state: 'attached' });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('keeps a box ticked and the focus on it when the wizard takes over, without a layout shift', async () => {
    // Tall enough to show the footer: it must not move when the wizard is defined.
    const { page, problems, release, token } = await openHeld({ height: 1600 });
    await waitForStep(page, 1);
    const footerTop = () => page.evaluate(() => document.querySelector('footer')!.getBoundingClientRect().top);
    const footerBefore = await footerTop();
    assert.ok(footerBefore < 1600, 'the footer is on screen');
    await page.getByRole('checkbox', { name: SERVICE }).check();
    assert.equal(await focusedId(page), 'field-service');
    const renderedStep = page.locator('cec-apply-wizard cec-rendered-step');
    assert.equal(await renderedStep.count(), 1, 'still the server’s STEP 1');

    release();
    await page.locator('cec-apply-wizard cec-terms-consent').waitFor({ state: 'attached' });
    assert.equal(await renderedStep.count(), 0, 'the server’s STEP 1 is gone');
    assert.equal(await page.getByRole('checkbox').count(), 2, 'one STEP 1, not two');
    assert.equal(await page.getByRole('checkbox', { name: SERVICE }).isChecked(), true, 'the tick is kept');
    await page.waitForFunction(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.id === 'field-service';
    });
    assert.ok(!page.url().includes(token), 'the token left the address bar');
    assert.equal(await footerTop(), footerBefore, 'the footer stays');

    // The keyboard goes on from where it was: Tab to the next term's link, then its box; Space ticks it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'field-certificate');
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: '利用規約に同意して次へ' }).click();
    await waitForStep(page, 2);

    const { shift, violations } = await page.evaluate(() => ({ shift: window.__shift, violations: window.__violations }));
    assert.equal(shift, 0, 'no layout shift');
    assert.deepEqual(violations, [], 'no CSP violation');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('takes over in English when the portal shows English (the server renders Japanese)', async () => {
    const { page, problems, release } = await openHeld({ english: true });
    await waitForStep(page, 1);
    release();
    await page.getByRole('heading', { name: 'STEP 1 Terms of use' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'STEP 1 利用規約確認' }).count(), 0);
    assert.equal(await page.getByRole('checkbox').count(), 2);
    await page.getByRole('checkbox', { name: 'I agree to the CECTRUST-Light Terms of Use.' }).check();
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('shows an ordering company’s colour and logo before the takeover as after it, on a screen tall enough to show the footer', async () => {
    const logoUrl = 'https://logo.example/hacchu.png';
    // Answered in place of the network (there is none here).
    const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0b6e4f"/></svg>';
    const { page, problems, release } = await openHeld({
      branding: { primaryColor: '#0b6e4f', logoUrl },
      height: 1600,
      prepare: (opened) => opened.route(logoUrl, (route) => route.fulfill({ contentType: 'image/svg+xml', body: logo })),
    });
    await waitForStep(page, 1);
    // The logo has no size before it loads, so its arrival moves the banner (with or without the server's
    // STEP 1): the takeover is measured once it is there.
    await page.waitForFunction(() => document.querySelector('cec-apply-wizard')?.shadowRoot?.querySelector('img')?.complete);
    const look = () =>
      page.evaluate(() => {
        const wizard = document.querySelector('cec-apply-wizard')!;
        const next = [...wizard.shadowRoot!.querySelectorAll('button')].at(-1)!;
        const image = wizard.shadowRoot!.querySelector('img');
        return { colour: getComputedStyle(next).backgroundColor, logo: image?.alt, footer: document.querySelector('footer')!.getBoundingClientRect().top };
      });
    const before = await look();
    assert.equal(before.colour, 'rgb(11, 110, 79)');
    assert.equal(before.logo, '発注建設株式会社');
    assert.ok(before.footer < 1600, 'the footer is on screen');
    const shiftBefore = await page.evaluate(() => window.__shift);
    release();
    await page.locator('cec-apply-wizard cec-terms-consent').waitFor({ state: 'attached' });
    await page.waitForTimeout(200);
    assert.deepEqual(await look(), before);
    assert.equal(await page.evaluate(() => window.__shift), shiftBefore, 'no layout shift at the takeover');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('answers an early click on 利用規約に同意して次へ only once the wizard has taken over (Playwright waits for the enabled button)', async () => {
    const { page, problems, release } = await openHeld();
    await waitForStep(page, 1);
    for (const name of [SERVICE, CERTIFICATE]) await page.getByRole('checkbox', { name }).check();
    const next = page.getByRole('button', { name: '利用規約に同意して次へ' });
    assert.equal(await next.isDisabled(), true);
    setTimeout(release, 300);
    await next.click();
    await waitForStep(page, 2);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

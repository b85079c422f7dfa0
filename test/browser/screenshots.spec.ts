/**
 * The look of every step, pinned: the built demo portal behind the real reference server (clock fixed,
 * so the deadline and the receipt number are the same every run), STEP 1–6 at 375 and 1280 px in light,
 * dark and forced colours, each compared with the committed image in test/screenshots/. A layout
 * regression (a size change, or more than a sliver of pixels changed) fails.
 *
 * Fonts come from Debian's fonts-noto-cjk (installed by scripts/test-setup.sh). After an intended
 * change of the look, write the images anew and look at every one before committing them:
 *   UPDATE_SCREENSHOTS=1 node --import tsx --test test/browser/screenshots.spec.ts
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { inviteDirectly, startTestServer, type TestServer } from '../server/helpers.js';
import { completeStep, waitForStep } from './portal-walk.js';
import { buildDemo, FIXED_NOW, pinScreenshot, screenshotContext, type Scheme } from './screenshot-compare.js';

const WIDTHS = [375, 1280] as const;
const SCHEMES: Scheme[] = ['light', 'dark', 'forced'];

describe('screenshots of every step, compared with the committed images', () => {
  let outDir: string;
  let browser: Browser;
  let comparePage: Page;

  before(async () => {
    outDir = buildDemo();
    browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
    comparePage = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      it(`STEP 1–6 at ${width} px, ${scheme}`, async () => {
        // A server of its own: the receipt number (date + sequence) is the same every run.
        const server: TestServer = await startTestServer({ staticDir: outDir, now: { value: FIXED_NOW } });
        const context = await screenshotContext(browser, width, scheme);
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(10_000);
          const { url } = await inviteDirectly(server);
          await page.goto(url);
          const problems: string[] = [];
          for (let step = 1; step <= 6; step++) {
            await waitForStep(page, step);
            const problem = await pinScreenshot(comparePage, page.locator('cec-apply-wizard'), `step${step}-${width}-${scheme}`);
            if (problem) problems.push(problem);
            if (step < 6) await completeStep(page, step);
          }
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
          await server.dispose();
        }
      });
    }
  }
});

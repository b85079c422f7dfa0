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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { inviteDirectly, startTestServer, type TestServer } from '../server/helpers.js';
import { completeStep, waitForStep } from './portal-walk.js';

const root = new URL('../../', import.meta.url).pathname;
const imagesDir = join(root, 'test/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** A pixel counts as changed when a channel moved by more than this (0–255): antialiasing stays below. */
const CHANNEL_TOLERANCE = 48;
/** Share of changed pixels an image may have before it counts as a regression. */
const PIXEL_TOLERANCE = 0.002;
/** The server's clock: invitations issued now expire on 2027-01-04 (35th day) in Japan time. */
const FIXED_NOW = new Date('2026-11-30T01:00:00Z');

type Scheme = 'light' | 'dark' | 'forced';
const WIDTHS = [375, 1280] as const;
const SCHEMES: Scheme[] = ['light', 'dark', 'forced'];

/** Changed pixels between two PNGs, decoded and compared by Chromium itself (no image library). */
async function difference(page: Page, actual: Buffer, expected: Buffer): Promise<{ sameSize: boolean; changed: number; total: number }> {
  return page.evaluate(
    async ([actualBase64, expectedBase64, tolerance]) => {
      // No named functions in here: tsx's keep-names helper (__name) does not exist in the page.
      const [a, b] = (await Promise.all(
        [actualBase64, expectedBase64].map(async (base64) => {
          const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height);
        }),
      )) as [ImageData, ImageData];
      if (a.width !== b.width || a.height !== b.height) return { sameSize: false, changed: 0, total: a.width * a.height };
      let changed = 0;
      for (let index = 0; index < a.data.length; index += 4) {
        for (let channel = 0; channel < 4; channel++) {
          if (Math.abs(a.data[index + channel]! - b.data[index + channel]!) > tolerance) {
            changed++;
            break;
          }
        }
      }
      return { sameSize: true, changed, total: a.width * a.height };
    },
    [actual.toString('base64'), expected.toString('base64'), CHANNEL_TOLERANCE] as const,
  );
}

describe('screenshots of every step, compared with the committed images', () => {
  let outDir: string;
  let browser: Browser;
  let comparePage: Page;

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'cec-screenshots-build-'));
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--outDir', outDir, '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, `vite build --mode demo failed:\n${build.stdout}\n${build.stderr}`);
    browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
    comparePage = await browser.newPage();
    if (UPDATE) mkdirSync(imagesDir, { recursive: true });
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
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          deviceScaleFactor: 1,
          locale: 'ja-JP',
          timezoneId: 'Asia/Tokyo',
          colorScheme: scheme === 'dark' ? 'dark' : 'light',
          forcedColors: scheme === 'forced' ? 'active' : 'none',
          reducedMotion: 'reduce',
        });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(10_000);
          const { url } = await inviteDirectly(server);
          await page.goto(url);
          const problems: string[] = [];
          for (let step = 1; step <= 6; step++) {
            await waitForStep(page, step);
            const name = `step${step}-${width}-${scheme}.png`;
            // Blur the focused heading so the keyboard focus ring (a separate test's concern) is not pinned.
            await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
            const image = await page.locator('cec-apply-wizard').screenshot({ animations: 'disabled', caret: 'hide' });
            const expectedFile = join(imagesDir, name);
            if (UPDATE) {
              writeFileSync(expectedFile, image);
            } else if (!existsSync(expectedFile)) {
              problems.push(`${name}: no committed image (UPDATE_SCREENSHOTS=1 writes it)`);
            } else {
              const { sameSize, changed, total } = await difference(comparePage, image, readFileSync(expectedFile));
              if (!sameSize || changed / total > PIXEL_TOLERANCE) {
                const actualFile = join(tmpdir(), `actual-${name}`);
                writeFileSync(actualFile, image);
                problems.push(`${name}: ${sameSize ? `${changed} of ${total} pixels changed` : 'size changed'} (this run's image: ${actualFile})`);
              }
            }
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

/**
 * What the screenshot specs share (screenshots.spec.ts for the wizard, screenshots-after.spec.ts for the
 * partner and renewal pages): the demo built once, the fixed clock, the browser context of a width and
 * colour scheme, and the comparison of an element's image with the committed one in test/screenshots/
 * (or its writing, with `UPDATE_SCREENSHOTS=1`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
const imagesDir = join(root, 'test/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** A pixel counts as changed when a channel moved by more than this (0–255): antialiasing stays below. */
const CHANNEL_TOLERANCE = 48;
/** Share of changed pixels an image may have before it counts as a regression. */
const PIXEL_TOLERANCE = 0.002;
/** The server's clock: invitations issued now expire on 2027-01-04 (35th day) in Japan time. */
export const FIXED_NOW = new Date('2026-11-30T01:00:00Z');

export type Scheme = 'light' | 'dark' | 'forced';

/**
 * Builds the demo pages (`vite build --mode demo`) into a fresh temporary folder and returns it.
 *
 * @example
 * const outDir = buildDemo();
 */
export function buildDemo(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'cec-screenshots-build-'));
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--outDir', outDir, '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `vite build --mode demo failed:\n${build.stdout}\n${build.stderr}`);
  if (UPDATE) mkdirSync(imagesDir, { recursive: true });
  return outDir;
}

/**
 * A context of `width` px (900 high) in `scheme`, in Japanese and Japan time, without motion.
 *
 * @example
 * const context = await screenshotContext(browser, 375, 'dark');
 */
export function screenshotContext(browser: Browser, width: number, scheme: Scheme): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    colorScheme: scheme === 'dark' ? 'dark' : 'light',
    forcedColors: scheme === 'forced' ? 'active' : 'none',
    reducedMotion: 'reduce',
  });
}

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

/**
 * Takes `target`'s screenshot as it rests (focus ring gone, caret hidden, fonts loaded, no animation) and
 * compares it with the committed `test/screenshots/<name>.png` in `comparePage`; with
 * `UPDATE_SCREENSHOTS=1` writes it instead. Returns the problem, if any, for the test to collect.
 *
 * @example
 * const problem = await pinScreenshot(comparePage, page.locator('cec-apply-wizard'), 'step1-375-light');
 */
export async function pinScreenshot(comparePage: Page, target: Locator, name: string): Promise<string | undefined> {
  // Blur whatever has focus, down through shadow roots: the focus ring is a separate test's concern.
  await target.page().evaluate(async () => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur();
    await document.fonts.ready;
  });
  const image = await target.screenshot({ animations: 'disabled', caret: 'hide' });
  const file = join(imagesDir, `${name}.png`);
  if (UPDATE) {
    writeFileSync(file, image);
    return undefined;
  }
  if (!existsSync(file)) return `${name}.png: no committed image (UPDATE_SCREENSHOTS=1 writes it)`;
  const { sameSize, changed, total } = await difference(comparePage, image, readFileSync(file));
  if (sameSize && changed / total <= PIXEL_TOLERANCE) return undefined;
  const actualFile = join(tmpdir(), `actual-${name}.png`);
  writeFileSync(actualFile, image);
  return `${name}.png: ${sameSize ? `${changed} of ${total} pixels changed` : 'size changed'} (this run's image: ${actualFile})`;
}

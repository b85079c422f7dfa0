/**
 * `npm run bench`: the performance figures of the issue "fast and small", printed as one table with the
 * budget beside each. Numbers, not pass/fail: only the size is gated, by `npm test` (scripts/size.mjs).
 *
 * 1. Builds the one-file bundle (`vite build --mode bundle`) and, into a temporary folder, each element's
 *    entry alone with everything inlined; gzip sizes of the entry files (English is a lazy chunk, left out).
 * 2. Serves the bundle and an MSW-free page (scripts/bench/) on loopback and, in headless Chromium, times
 *    with performance.now() inside the page: the first step rendered versus the same DOM as static HTML,
 *    a step change, a keystroke's validation; then the heap growth over 100 mount/unmount cycles.
 *
 * 3. The cold figures (scripts/bench/cold.mjs): the built demo behind the real server, a fresh page each
 *    run against a static floor of the same DOM, at 1× and 4× CPU; the first step change; layout shift;
 *    Intl on the path to the first paint; Lighthouse mobile and desktop.
 *
 *   npm run bench [-- --runs 41] [--cold-runs 11] [--no-lighthouse] [--no-cold]
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium.mjs';
import { ELEMENT_ENTRIES } from './element-entries.mjs';
import { measureCold } from './bench/cold.mjs';
import {
  FIRST_RENDER_BUDGET_RATIO,
  HEAP_GROWTH_BUDGET_BYTES,
  KEYSTROKE_BUDGET_MS,
  STEP_CHANGE_BUDGET_MS,
  WIZARD_BUDGET_BYTES,
} from './bench/budgets.mjs';

const root = resolve(import.meta.dirname, '..');
const runsArgument = process.argv.indexOf('--runs');
const RUNS = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 41;
const coldRunsArgument = process.argv.indexOf('--cold-runs');
const COLD_RUNS = coldRunsArgument > 0 ? Number(process.argv[coldRunsArgument + 1]) : 11;
const KEYSTROKES = 400;
const CYCLES = 100;


const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

// ── 1. sizes ────────────────────────────────────────────────────────────────

const started = performance.now();
const quiet = { logLevel: 'warn', configFile: resolve(root, 'vite.config.ts'), root };
await build({ ...quiet, mode: 'bundle' });
const sizes = [['whole wizard, all tags (dist/bundle/cectrust-apply.js)', gzipSize(resolve(root, 'dist/bundle/cectrust-apply.js'))]];
const scratch = mkdtempSync(join(tmpdir(), 'cec-bench-'));
try {
  for (const [name, entry] of Object.entries(ELEMENT_ENTRIES)) {
    const outDir = join(scratch, name);
    await build({
      ...quiet,
      mode: 'bundle',
      build: { outDir, emptyOutDir: true, sourcemap: false, lib: { entry: resolve(root, entry), formats: ['es'], fileName: () => `${name}.js` } },
    });
    sizes.push([`  ${name} entry alone`, gzipSize(join(outDir, `${name}.js`))]);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// ── 2. browser ──────────────────────────────────────────────────────────────

const FILES = { '/bench/': 'scripts/bench/', '/bundle/': 'dist/bundle/' };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const prefix = Object.keys(FILES).find((candidate) => path.startsWith(candidate));
  const file = path === '/' ? 'scripts/bench/bench.html' : prefix && !path.includes('..') ? FILES[prefix] + path.slice(prefix.length) : undefined;
  try {
    if (!file) throw new Error('not served');
    const body = readFileSync(resolve(root, file));
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      // Cross-origin isolated: performance.now() then ticks in 5 µs steps instead of 100 µs.
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({
  executablePath: requireChromium(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
});
let figures;
try {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.bench?.ready, undefined, { timeout: 10_000 });

  const firstRender = await page.evaluate((runs) => window.bench.firstRender(runs), RUNS);
  const stepChange = await page.evaluate((runs) => window.bench.stepChange(runs), RUNS);
  const keystroke = await page.evaluate((runs) => window.bench.keystroke(runs), KEYSTROKES);

  const cdp = await page.context().newCDPSession(page);
  const heapAfterGc = async () => {
    for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.evaluate(() => window.bench.cycles(5)); // warm-up: caches and compiled code settle first
  const heapBefore = await heapAfterGc();
  await page.evaluate((count) => window.bench.cycles(count), CYCLES);
  const heapAfter = await heapAfterGc();
  figures = { firstRender, stepChange, keystroke, heapGrowth: heapAfter - heapBefore, pageErrors };
} finally {
  await browser.close();
  server.close();
}

// ── table ───────────────────────────────────────────────────────────────────

const { firstRender, stepChange, keystroke, heapGrowth, pageErrors } = figures;
const { ratio } = firstRender;
const mark = (within) => (within ? 'within' : 'OVER');
const rows = [
  ...sizes.map(([label, bytes], index) =>
    index === 0 ? [`size (gzip): ${label}`, kB(bytes), `≤ ${kB(WIZARD_BUDGET_BYTES)}`, mark(bytes <= WIZARD_BUDGET_BYTES)] : [label, kB(bytes), '', ''],
  ),
  [`first step rendered (median of ${RUNS})`, ms(firstRender.wizard), '', ''],
  ['  the same with no-resume (no draft lookup)', ms(firstRender.noResume), '', ''],
  [`  same DOM as static HTML, parse + layout (${kB(firstRender.staticBytes)} of HTML)`, ms(firstRender.static), '', ''],
  ['  ratio (median of the runs\' ratios)', `${ratio.toFixed(1)}×`, `≤ ${FIRST_RENDER_BUDGET_RATIO}×`, mark(ratio <= FIRST_RENDER_BUDGET_RATIO)],
  [
    `step change, 次へ → next heading focused (median of ${RUNS})`,
    ms(stepChange.median),
    `≤ ${STEP_CHANGE_BUDGET_MS} ms`,
    mark(stepChange.median <= STEP_CHANGE_BUDGET_MS && stepChange.focusedEveryTime),
  ],
  [`keystroke → field validated and drawn (median of ${KEYSTROKES})`, ms(keystroke.median), `≤ ${KEYSTROKE_BUDGET_MS} ms`, mark(keystroke.median <= KEYSTROKE_BUDGET_MS)],
  ['  90th percentile', ms(keystroke.p90), '', ''],
  [`heap growth after ${CYCLES} mount/unmount cycles`, kB(heapGrowth), `< ${kB(HEAP_GROWTH_BUDGET_BYTES)}`, mark(heapGrowth < HEAP_GROWTH_BUDGET_BYTES)],
];
if (!process.argv.includes('--no-cold')) {
  rows.push(...(await measureCold({ runs: COLD_RUNS, lighthouse: !process.argv.includes('--no-lighthouse') })));
}
/** Columns as a terminal shows them: CJK characters take two. */
const width = (text) => [...text].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/u.test(char) ? 2 : 1), 0);
const padEnd = (text, to) => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text, to) => ' '.repeat(Math.max(0, to - width(text))) + text;
const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => width(row[column]))));
console.log(`\n${padEnd('figure', widths[0])}  ${padStart('value', widths[1])}  ${padEnd('budget', widths[2])}`);
for (const [label, value, budget, verdict] of rows) {
  console.log(`${padEnd(label, widths[0])}  ${padStart(value, widths[1])}  ${padEnd(budget, widths[2])}  ${verdict}`);
}
if (!stepChange.focusedEveryTime) console.log('\n! the step heading was not focused after every step change');
if (pageErrors.length > 0) console.log(`\n! errors in the page:\n  ${pageErrors.join('\n  ')}`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s; Chromium headless on this machine — compare runs, not machines)`);

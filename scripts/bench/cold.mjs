/**
 * Cold figures, as a first-time applicant meets them: the built demo portal behind the real reference
 * server, a fresh browser context (empty cache) for every run, paired in the same run with a static page
 * that holds the very same DOM (the portal with STEP 1 as declarative shadow DOM, no script) — the floor.
 *
 * - navigation → STEP 1 usable (its first checkbox in the DOM) and painted, at 1× and 4× CPU (CDP
 *   throttling), each against the static floor of the same run;
 * - click on 利用規約に同意して次へ → STEP 2's first field in the DOM and painted, the first time in a fresh page;
 * - cumulative layout shift while STEP 1 appears (until 1 s after it is painted);
 * - `Intl` constructors called before STEP 1 is painted;
 * - Lighthouse (mobile and desktop presets) on the demo portal: performance score, CLS, LCP, TBT.
 *
 * Numbers, not pass/fail. `npm run bench` runs it after the warm figures; alone:
 *   node --import tsx scripts/bench/cold.mjs [--runs 11] [--no-lighthouse]
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../find-chromium.mjs';
import { inviteDirectly, startTestServer } from '../../test/server/helpers.ts';
import { COLD_BUDGETS } from './budgets.mjs';

const root = resolve(import.meta.dirname, '../..');

/**
 * Runs in every page before its own scripts: watches each shadow root as it is attached, and records
 * when STEP 1's first checkbox and STEP 2's first field appear (a MutationObserver callback, not a
 * frame-granular poll), when they are painted (the frame after), the layout shifts, and Intl
 * constructor calls. The static floor's declarative shadow roots are there from the parser on.
 */
function observePage() {
  const marks = { step1: undefined, step1Painted: undefined, click: undefined, step2: undefined, step2Painted: undefined, cls: 0, intl: [] };
  window.__cold = marks;
  const roots = new Set([document]);
  const deepQuery = (selector) => {
    for (const rootNode of roots) {
      const found = rootNode.querySelector(selector);
      if (found) return found;
    }
    return undefined;
  };
  const afterPaint = (key) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { marks[key] = performance.now(); };
    channel.port2.postMessage(undefined);
  });
  const check = () => {
    if (marks.step1 === undefined && deepQuery('input[type="checkbox"]')) {
      marks.step1 = performance.now();
      afterPaint('step1Painted');
    }
    if (marks.click !== undefined && marks.step2 === undefined && deepQuery('cec-company-form') && deepQuery('input[type="radio"], select, input[type="text"]')) {
      marks.step2 = performance.now();
      afterPaint('step2Painted');
    }
  };
  const observer = new MutationObserver(check);
  const watch = (rootNode) => {
    roots.add(rootNode);
    observer.observe(rootNode, { childList: true, subtree: true });
    for (const element of rootNode.querySelectorAll('*')) if (element.shadowRoot) watch(element.shadowRoot);
    check();
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attachShadow.call(this, init);
    watch(shadow);
    return shadow;
  };
  document.addEventListener('readystatechange', () => watch(document), { once: true });
  watch(document);
  window.addEventListener('click', () => { marks.click ??= performance.now(); }, { capture: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) marks.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) {
    const Original = Intl[name];
    if (!Original) continue;
    Intl[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        if (marks.step1Painted === undefined) marks.intl.push(name);
        return Reflect.construct(target, args, newTarget);
      },
    });
  }
}

/**
 * The floor: the portal page as it stands once STEP 1 is painted, every shadow root written out as
 * declarative shadow DOM with its adopted styles inline, the scripts removed.
 */
async function staticFloorHtml(page) {
  return page.evaluate(() => {
    const roots = [];
    const visit = (node) => {
      for (const element of node.querySelectorAll('*')) {
        if (!element.shadowRoot) continue;
        const shadow = element.shadowRoot;
        const css = shadow.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
        const style = document.createElement('style');
        style.textContent = css;
        shadow.prepend(style);
        roots.push(shadow);
        visit(shadow);
      }
    };
    visit(document);
    for (const script of document.querySelectorAll('script')) script.remove();
    return `<!doctype html>${document.documentElement.getHTML({ shadowRoots: roots })}`;
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Measures the cold figures and returns them as table rows `[label, value, budget, verdict]`.
 *
 * @example
 * const rows = await measureCold({ runs: 11, lighthouse: true });
 */
export async function measureCold({ runs: RUNS = 11, lighthouse: LIGHTHOUSE = true } = {}) {
  // ── the demo, built and served by the real reference server ────────────────────────────────────────
  const outDir = mkdtempSync(join(tmpdir(), 'cec-cold-bench-'));
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'demo', '--outDir', outDir, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const server = await startTestServer({ staticDir: outDir });
  const invitation = await inviteDirectly(server);
  const portalUrl = invitation.url;

  // The floor is served from its own loopback origin with the same stylesheet URLs proxied to the server.
  let floorHtml = '';
  const floorServer = createServer(async (request, response) => {
    if (request.url === '/floor.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(floorHtml);
      return;
    }
    const upstream = await fetch(new URL(request.url ?? '/', server.url));
    response.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise((ready) => floorServer.listen(0, '127.0.0.1', ready));
  const floorUrl = `http://127.0.0.1:${floorServer.address().port}/floor.html`;

  const browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });

  /** One cold load in a fresh context: the marks of the page, optionally clicking through STEP 1. */
  async function coldLoad(url, { cpu = 1, clickThrough = false } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.addInitScript(observePage);
    await page.goto(url);
    await page.waitForFunction(() => window.__cold?.step1Painted !== undefined, undefined, { timeout: 30_000 });
    if (clickThrough) {
      for (const name of ['CECTRUST-Light利用規約に同意します。', 'JCAN電子証明書利用規約に同意します。']) {
        await page.getByRole('checkbox', { name }).check();
      }
      await page.waitForTimeout(300); // the user reads: the wizard may prepare the next step meanwhile
      await page.evaluate(() => { window.__cold.click = undefined; });
      await page.getByRole('button', { name: '利用規約に同意して次へ' }).click();
      await page.waitForFunction(() => window.__cold?.step2Painted !== undefined, undefined, { timeout: 30_000 });
    } else {
      await page.waitForTimeout(1000); // layout shifts up to a second after STEP 1 is painted count too
    }
    const marks = await page.evaluate(() => window.__cold);
    const floor = url === portalUrl && floorHtml === '' ? await staticFloorHtml(page) : undefined;
    await context.close();
    return { ...marks, floor };
  }

  const results = { absolute1x: [], absolute4x: [], usable1x: [], painted1x: [], painted4x: [], usable4x: [], stepChangeField: [], stepChangePainted: [], cls: [], intl: new Set() };
  try {
    // Warm the server and capture the floor once (not counted).
    const first = await coldLoad(portalUrl);
    floorHtml = first.floor;
    for (let run = 0; run < RUNS; run++) {
      for (const cpu of [1, 4]) {
        const wizard = await coldLoad(portalUrl, { cpu });
        const floor = await coldLoad(floorUrl, { cpu });
        results[`absolute${cpu}x`].push([wizard.step1, floor.step1, wizard.step1Painted, floor.step1Painted]);
        if (cpu === 1) {
          results.usable1x.push(wizard.step1 / floor.step1);
          results.painted1x.push(wizard.step1Painted / floor.step1Painted);
          results.cls.push(wizard.cls);
          for (const name of wizard.intl) results.intl.add(name);
        } else {
          results.usable4x.push(wizard.step1 / floor.step1);
          results.painted4x.push(wizard.step1Painted / floor.step1Painted);
        }
      }
      const walk = await coldLoad(portalUrl, { clickThrough: true });
      results.stepChangeField.push(walk.step2 - walk.click);
      results.stepChangePainted.push(walk.step2Painted - walk.click);
    }
  } finally {
    await browser.close();
  }

  const lighthouse = LIGHTHOUSE ? await runLighthouse(server, portalUrl) : [];
  await server.dispose();
  floorServer.close();
  rmSync(outDir, { recursive: true, force: true });

  const ratio = (values) => `${median(values).toFixed(2)}×`;
  const msText = (values) => `${median(values).toFixed(1)} ms`;
  const verdict = (value, budget) => (value <= budget ? 'within' : 'OVER');
  const coldRows = [
    [`cold: STEP 1 usable (first checkbox in the DOM) vs static floor, 1× CPU (median of ${RUNS})`, ratio(results.usable1x), `≤ ${COLD_BUDGETS.usableRatio1x}×`, verdict(median(results.usable1x), COLD_BUDGETS.usableRatio1x)],
    ['  painted vs static floor, 1× CPU', ratio(results.painted1x), '', ''],
    ...[1, 4].map((cpu) => {
      const at = (index) => Math.round(median(results[`absolute${cpu}x`].map((marks) => marks[index])));
      return [`  ${cpu}× CPU, ms after navigation: usable ${at(0)} (floor ${at(1)}), painted ${at(2)} (floor ${at(3)})`, '', '', ''];
    }),
    ['  usable vs static floor, 4× CPU', ratio(results.usable4x), '', ''],
    ['  painted vs static floor, 4× CPU', ratio(results.painted4x), `≤ ${COLD_BUDGETS.paintedRatio4x}×`, verdict(median(results.painted4x), COLD_BUDGETS.paintedRatio4x)],
    ['cold: first click 次へ → STEP 2 first field in the DOM', msText(results.stepChangeField), `≤ ${COLD_BUDGETS.firstStepChangeMs} ms`, verdict(median(results.stepChangeField), COLD_BUDGETS.firstStepChangeMs)],
    ['  … and painted', msText(results.stepChangePainted), '', ''],
    ['cold: layout shift while STEP 1 appears (CLS, worst run)', Math.max(...results.cls).toFixed(3), '0', verdict(Math.max(...results.cls), 0)],
    ['cold: Intl constructors before STEP 1 is painted', results.intl.size === 0 ? 'none' : [...results.intl].join(', '), 'none', results.intl.size === 0 ? 'within' : 'OVER'],
    ...lighthouse.map(({ preset, score, cls, lcp, tbt }) => [
      `Lighthouse ${preset}: performance (CLS ${cls.toFixed(3)}, LCP ${Math.round(lcp)} ms, TBT ${Math.round(tbt)} ms)`,
      String(score),
      `≥ ${COLD_BUDGETS.lighthouseScore}, CLS 0`,
      verdict(-score, -COLD_BUDGETS.lighthouseScore) === 'within' && cls === 0 ? 'within' : 'OVER',
    ]),
  ];

  return coldRows;
}

/** Lighthouse 12 on the portal with its mobile and desktop presets (performance only). */
async function runLighthouse(server, url) {
  const { default: lighthouseRun } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const rows = [];
  for (const [preset, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
    // A fresh invitation for each preset: the wizard forgets a token it has read once from the address.
    const { url: presetUrl } = await inviteDirectly(server);
    const chrome = await chromeLauncher.launch({ chromePath: requireChromium(), chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
    try {
      const result = await lighthouseRun(presetUrl ?? url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' }, config);
      const audits = result.lhr.audits;
      rows.push({
        preset,
        score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
        cls: audits['cumulative-layout-shift'].numericValue,
        lcp: audits['largest-contentful-paint'].numericValue,
        tbt: audits['total-blocking-time'].numericValue,
      });
    } finally {
      await chrome.kill();
    }
  }
  return rows;
}


if (import.meta.url === `file://${process.argv[1]}`) {
  const runsIndex = process.argv.indexOf('--runs');
  const rows = await measureCold({ runs: runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 11, lighthouse: !process.argv.includes('--no-lighthouse') });
  for (const [label, value, budget, mark] of rows) console.log(`${label.padEnd(90)} ${value.padStart(10)}  ${budget.padEnd(16)} ${mark}`);
}

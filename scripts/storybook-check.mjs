/**
 * `npm run storybook:check`: builds the static Storybook, serves it on a free loopback port, opens every
 * story in headless Chromium and runs axe on it. Fails on any console error, any page error, any story
 * that does not render (or whose play function throws) and any axe violation; prints how many stories
 * it opened.
 *
 * Chromium logs every 4xx/5xx response and every request without a response as a console error
 * ("Failed to load resource: …"). A story about such a response (an expired invitation, a 500 on
 * submit) declares the statuses it expects in `parameters.storybookCheck.expectedHttpErrors` (numbers,
 * or `'network'`; see `expectHttpErrors()` in stories/support/backend.ts); only those log lines are let
 * through, and the summary counts them. Any other console error fails.
 *
 * `--no-build` reuses storybook-static/ as it is; other arguments keep only the stories whose id
 * contains one of them (`npm run storybook:check -- --no-build wizard`), for iterating on a few stories.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AXE_CONFIG, AXE_RUN_OPTIONS, STORYBOOK_CHROME } from '../.storybook/a11y.mjs';
import { CHROMIUM_ARGS, requireChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'storybook-static');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');
/** Time a story may take to load, render and finish its play function. */
const STORY_TIMEOUT_MS = 20_000;
/** Pages working side by side; each story is a full page load, so two cores keep two pages busy. */
const WORKERS = Math.max(1, Math.min(4, availableParallelism()));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Runs `npm run build-storybook`, showing its output only when it fails. */
function buildStorybook() {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build-storybook'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build-storybook failed (exit ${code}):\n${output}`));
    });
  });
}

/** A static file server for storybook-static/ on 127.0.0.1, on a port the system picks. */
async function serveStatic() {
  const server = createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      // Browsers ask for /favicon.ico on their own; Storybook ships an SVG one.
      if (path === '/favicon.ico') path = '/favicon.svg';
      let file = normalize(join(staticDir, path));
      if (file !== staticDir && !file.startsWith(staticDir + sep)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Waits until Storybook has rendered the story and run its play function, or shows an error. */
async function waitForStory(page, id) {
  await page.waitForFunction(
    (storyId) => {
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && render.phase === 'finished';
    },
    id,
    { timeout: STORY_TIMEOUT_MS, polling: 50 },
  );
  return page.evaluate(() => {
    if (document.body.classList.contains('sb-show-errordisplay')) {
      return document.querySelector('#error-message')?.textContent?.trim() || 'the story failed to render';
    }
    const root = document.querySelector('#storybook-root');
    if (!root?.querySelector('*')) return 'the story rendered nothing';
    const notDefined = root.querySelector(':not(:defined)');
    if (notDefined) return `<${notDefined.localName}> is not defined`;
    return undefined;
  });
}

/** Runs axe on the story (Storybook's own chrome excluded, as the a11y addon does); returns the violations. */
async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async ({ config, options, exclude }) => {
      const { axe } = window;
      axe.configure(config);
      const results = await axe.run({ include: [document], exclude: exclude.map((selector) => [selector]) }, options);
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      }));
    },
    { config: AXE_CONFIG, options: AXE_RUN_OPTIONS, exclude: STORYBOOK_CHROME },
  );
}

/** The status of a "Failed to load resource" line (`'network'` when there was no response), else undefined. */
function failedResponseOf(text) {
  const status = /^Failed to load resource: the server responded with a status of (\d{3})\b/.exec(text);
  if (status) return Number(status[1]);
  return /^Failed to load resource: net::ERR_FAILED\b/.test(text) ? 'network' : undefined;
}

/** The statuses the story expects to fail (`parameters.storybookCheck.expectedHttpErrors`). */
function expectedHttpErrors(page) {
  return page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.storybookCheck?.expectedHttpErrors ?? []);
}

/** Opens each story of `queue` in turn in one page; records what went wrong in `problems`. */
async function checkStories(context, origin, queue, problems, counts) {
  const page = await context.newPage();
  let current;
  /** Console errors of the current story, judged once it has finished (and said what it expects). */
  let consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && current) {
      const { url, lineNumber } = message.location();
      consoleErrors.push({ text: message.text(), where: url ? ` (${url}:${lineNumber})` : '' });
    }
  });
  page.on('pageerror', (error) => {
    problems.push({ story: current ?? '(between stories)', kind: 'page error', detail: error.stack || `${error.name}: ${error.message}` || String(error) });
    counts.pageErrors++;
  });
  for (let story = queue.shift(); story; story = queue.shift()) {
    current = story.id;
    consoleErrors = [];
    try {
      // a11y.manual: the addon would run axe after every story too; this check runs it itself, with the same rules.
      const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`;
      await page.goto(url, { waitUntil: 'load' });
      const renderError = await waitForStory(page, story.id);
      if (renderError) {
        problems.push({ story: story.id, kind: 'render error', detail: renderError });
        counts.renderErrors++;
      }
      for (const violation of await axeViolations(page)) {
        problems.push({
          story: story.id,
          kind: 'axe violation',
          detail: `${violation.id} (${violation.impact}): ${violation.help}\n      ${violation.targets.join('\n      ')}`,
        });
        counts.axeViolations++;
      }
      const expected = await expectedHttpErrors(page);
      for (const { text, where } of consoleErrors) {
        const failed = failedResponseOf(text);
        if (failed !== undefined && expected.includes(failed)) {
          counts.expectedHttpErrors++;
          continue;
        }
        problems.push({ story: story.id, kind: 'console error', detail: `${text}${where}` });
        counts.consoleErrors++;
      }
    } catch (error) {
      problems.push({ story: story.id, kind: 'render error', detail: error.message.split('\n')[0] });
      counts.renderErrors++;
      for (const { text, where } of consoleErrors) {
        problems.push({ story: story.id, kind: 'console error', detail: `${text}${where}` });
        counts.consoleErrors++;
      }
    }
    counts.opened++;
    // Stop listening before the next navigation: what the old page logs while unloading is not the next story's.
    current = undefined;
  }
  await page.close();
}

async function main() {
  const started = performance.now();
  const executablePath = requireChromium();
  if (!process.argv.includes('--no-build')) {
    console.log('storybook:check: building the static Storybook…');
    await buildStorybook();
  }
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
  const only = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
  const stories = Object.values(index.entries).filter(
    (entry) => entry.type === 'story' && (only.length === 0 || only.some((part) => entry.id.includes(part))),
  );
  if (stories.length === 0) throw new Error('storybook-static/index.json lists no stories');

  const { server, origin } = await serveStatic();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const problems = [];
  const counts = { opened: 0, consoleErrors: 0, pageErrors: 0, renderErrors: 0, axeViolations: 0, expectedHttpErrors: 0 };
  try {
    const queue = [...stories];
    console.log(`storybook:check: opening ${stories.length} stories (${WORKERS} pages at a time)…`);
    await Promise.all(
      Array.from({ length: Math.min(WORKERS, stories.length) }, async () => {
        // A context per worker: its own service worker registration and storage.
        const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
        try {
          await checkStories(context, origin, queue, problems, counts);
        } finally {
          await context.close();
        }
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }

  const byStory = new Map();
  for (const problem of problems) byStory.set(problem.story, [...(byStory.get(problem.story) ?? []), problem]);
  for (const [story, found] of byStory) {
    console.error(`\n✗ ${story}`);
    for (const problem of found) console.error(`  ${problem.kind}: ${problem.detail}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const failed = problems.length > 0 || counts.opened !== stories.length;
  console.log(
    `\nstorybook:check: ${failed ? 'FAILED' : 'passed'} — ${counts.opened} of ${stories.length} stories opened in ${seconds} s; ` +
      `${counts.consoleErrors} console errors, ${counts.pageErrors} page errors, ${counts.renderErrors} render errors, ` +
      `${counts.axeViolations} axe violations${byStory.size ? ` in ${byStory.size} stories` : ''} ` +
      `(${counts.expectedHttpErrors} failed responses the stories are about, not counted as errors)`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`storybook:check: ${error.stack ?? error}`);
  process.exitCode = 1;
});

/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 * 1. type-check; 2. domain, server and package tests in Node (node:test); 3. component, API and
 * end-to-end tests in headless Chromium (@web/test-runner); 4. pages driven from Node; 5. Storybook;
 * 6. the bundle size, gated at 52 kB gzip; 7. the packed package in fresh consumer projects.
 *
 * Each stage prints one line (its counts and time); its whole output goes to
 * node_modules/.cache/test-logs/<stage>.log and is printed when the stage fails.
 * `npm test -- --verbose` streams every stage's output as it comes; `npm test -- <word>…` runs only
 * the stages whose names contain one of the words (`npm test -- consumers`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { requireChromium } from './find-chromium.mjs';

requireChromium();

/** `*.test.ts` files under the given folders (Node 20's --test takes no globs). */
function testFiles(...folders) {
  return folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder, { recursive: true }).map((file) => `${folder}/${file}`))
    .filter((file) => file.endsWith('.test.ts'));
}

/** The slow consumer-project test has a stage of its own. */
const CONSUMERS_TEST = 'test/package/consumers.test.ts';

const steps = [
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['domain, server and package tests (Node)', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/domain', 'test/i18n', 'test/server', 'test/package').filter((file) => file !== CONSUMERS_TEST)]],
  // custom-elements.json, which test/components/manifest.test.ts compares with the elements in Chromium.
  ['custom-elements.json (analyzer)', 'npm', ['run', 'analyze', '--silent'], /Created new manifest/],
  ['browser tests (Chromium)', 'npx', ['web-test-runner']],
  // The walk STEP 1–6 against the real server again, on a throwaway PostgreSQL cluster (the faults walk
  // covers both databases within its own file; the server tests run on both in the Node stage).
  ['end-to-end walk on PostgreSQL (Chromium)', 'env', ['E2E_DATABASE=postgres', 'npx', 'web-test-runner', 'test/e2e/apply.e2e.test.ts']],
  // The built demo behind the real server and its strict CSP, driven from Node (playwright-core).
  // Named `*.spec.ts` so that web-test-runner's `test/**/*.test.ts` never loads it in the browser.
  ['pages in Chromium driven from Node (playwright-core): CSP, reload and history, SSR, README snippet, paper print, screenshots', 'node', ['--import', 'tsx', '--test', ...readdirSync('test/browser').filter((file) => file.endsWith('.spec.ts')).map((file) => `test/browser/${file}`)]],
  // Builds the static Storybook and opens every story in Chromium: fails on console/page errors or axe.
  ['storybook: every story opened, axe on each', 'node', ['scripts/storybook-check.mjs']],
  // The one-file bundle with Japanese: fails above its 52 kB gzip budget (README, "Size and speed").
  ['bundle size', 'node', ['scripts/size.mjs', '--check'], /^wizard .*$/m],
  // npm pack, the tarball installed into fresh TypeScript, React, Vue and Svelte projects; publint, attw.
  ['package consumers: TypeScript 5.9/6.0/7.0, React, Vue, Svelte, publint, attw', 'node', ['--import', 'tsx', '--test', CONSUMERS_TEST]],
];

/**
 * One line of counts from a stage's output: node:test's and web-test-runner's summaries, else the line
 * `pick` finds, else the last line.
 */
function summary(output, pick) {
  const node = Object.fromEntries([...output.matchAll(/^(?:#|ℹ) (tests|pass|fail|skipped|todo|cancelled) (\d+)$/gm)].map(([, key, count]) => [key, Number(count)]));
  if (node.tests !== undefined) {
    return [`${node.pass} passed`, node.fail && `${node.fail} failed`, node.skipped && `${node.skipped} skipped`, node.todo && `${node.todo} todo`]
      .filter(Boolean)
      .join(', ');
  }
  const browser = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].at(-1);
  if (browser) return `${browser[1]} passed, ${browser[2]} failed${browser[3] ? `, ${browser[3]} skipped` : ''}`;
  const picked = pick && pick.exec(output);
  if (picked) return picked[0].trim();
  const lines = output.trim().split('\n').filter((line) => line.trim());
  return lines.at(-1)?.trim() ?? 'no output';
}

/** Runs one stage; resolves with its exit status. The output goes to `log`, and to the terminal with --verbose. */
function runStage(command, args, log, verbose) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(log, { end: false });
      if (verbose) stream.pipe(process.stdout, { end: false });
    }
    child.on('close', (status) => log.end(() => resolve(status ?? 1)));
  });
}

const verbose = process.argv.includes('--verbose');
const only = process.argv.slice(2).filter((word) => word !== '--verbose');
const logs = 'node_modules/.cache/test-logs';
mkdirSync(logs, { recursive: true });
const started = performance.now();
const seconds = (from) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const totals = { passed: 0, failed: 0 };

for (const [index, [name, command, args, pick]] of steps.entries()) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  const file = `${logs}/${index + 1}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 40)}.log`;
  const stageStarted = performance.now();
  console.log(`▶ ${name}`);
  const status = await runStage(command, args, createWriteStream(file), verbose);
  const output = readFileSync(file, 'utf8');
  if (status !== 0) {
    if (!verbose) console.error(output);
    console.error(`✖ ${name} failed after ${seconds(stageStarted)}: ${summary(output, pick)} (whole output: ${file})`);
    process.exit(status);
  }
  const stageSummary = summary(output, pick);
  // "N passed, N failed" of node:test and web-test-runner; "N of N stories opened" of the Storybook check.
  totals.passed += Number((/(\d+) passed/.exec(stageSummary) ?? /(\d+) of \d+ stories opened/.exec(stageSummary))?.[1] ?? 0);
  totals.failed += Number(/, (\d+) failed/.exec(stageSummary)?.[1] ?? 0);
  console.log(`  ✔ ${stageSummary} · ${seconds(stageStarted)}`);
}
console.log(`✔ all checks passed in ${seconds(started)}`);
// The plain closing line CI reads: every test counted by the stages above.
console.log(`${totals.passed} passed, ${totals.failed} failed`);

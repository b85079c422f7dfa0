/**
 * `npm test`: everything CI checks, in order, stopping at the first failure.
 * 1. type-check; 2. domain and server tests in Node (node:test); 3. component, API and end-to-end
 * tests in headless Chromium (@web/test-runner); 4. the bundle size, gated at 52 kB gzip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { requireChromium } from './find-chromium.mjs';

requireChromium();

/** `*.test.ts` files under the given folders (Node 20's --test takes no globs). */
function testFiles(...folders) {
  return folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder, { recursive: true }).map((file) => `${folder}/${file}`))
    .filter((file) => file.endsWith('.test.ts'));
}

const steps = [
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['domain, server and package tests (Node)', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles('test/domain', 'test/i18n', 'test/server', 'test/package')]],
  ['browser tests (Chromium)', 'npx', ['web-test-runner']],
  // The built demo behind the real server and its strict CSP, driven from Node (playwright-core).
  // Named `*.spec.ts` so that web-test-runner's `test/**/*.test.ts` never loads it in the browser.
  ['pages in Chromium driven from Node: the CSP walk and the README snippet (playwright-core)', 'node', ['--import', 'tsx', '--test', ...readdirSync('test/browser').filter((file) => file.endsWith('.spec.ts')).map((file) => `test/browser/${file}`)]],
  // Builds the static Storybook and opens every story in Chromium: fails on console/page errors or axe.
  ['storybook: every story opened, axe on each', 'node', ['scripts/storybook-check.mjs']],
  // The one-file bundle with Japanese: fails above its 52 kB gzip budget.
  ['bundle size', 'node', ['scripts/size.mjs', '--check']],
];

const only = process.argv.slice(2);
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n✔ all checks passed');

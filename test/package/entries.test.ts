/**
 * The package as integrators import it: each element's entry point defines its own tag and no other
 * (the wizard defines itself and its six steps), and library code stays out of the package's files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ELEMENT_ENTRIES } from '../../scripts/element-entries.mjs';

let outDir: string;

before(() => {
  outDir = mkdtempSync(join(tmpdir(), 'cec-package-'));
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  assert.equal(build.status, 0, 'the package builds');
});
after(() => rmSync(outDir, { recursive: true, force: true }));

/** The files an entry loads, itself included, following relative static imports. */
function loadedFiles(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(outDir, file), 'utf8');
  for (const [, path] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) loadedFiles(path!, seen);
  return seen;
}

/** The tags an entry defines when imported. */
function definedTags(entry: string): string[] {
  const tags = [...loadedFiles(`${entry}.js`)].flatMap((file) =>
    [...readFileSync(join(outDir, file), 'utf8').matchAll(/customElements\.define\("([^"]+)"/g)].map((match) => match[1]!),
  );
  return [...new Set(tags)].sort();
}

for (const entry of Object.keys(ELEMENT_ENTRIES)) {
  test(`importing "${entry}" defines ${entry === 'apply-wizard' ? 'the wizard and its six steps' : 'its own tag only'}`, () => {
    const expected =
      entry === 'apply-wizard'
        ? ['cec-admin-user-form', 'cec-apply-wizard', 'cec-cert-info-form', 'cec-company-form', 'cec-completion', 'cec-confirmation', 'cec-terms-consent']
        : [`cec-${entry}`];
    assert.deepEqual(definedTags(entry), expected);
  });
}

test('leaves lit, i18next, zod and msw to the consumer\'s bundler', () => {
  const everything = [...loadedFiles('index.js'), ...loadedFiles('mocks.js')].map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
  for (const dependency of ['lit', 'i18next', 'zod/mini', 'msw']) {
    assert.match(everything, new RegExp(`from\\s*"${dependency}"`), `${dependency} is imported, not inlined`);
  }
});

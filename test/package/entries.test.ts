/**
 * The package as integrators import it: each element's entry point defines its own tag and no other
 * (the wizard defines itself and its six steps), each `…/component` entry defines none, library code
 * stays out of the package's files, and package.json's `exports` follow scripts/element-entries.mjs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { ELEMENT_ENTRIES, packageExports } from '../../scripts/element-entries.mjs';
import { PACKAGE_VERSION } from '../../src/components/shared/define.js';

let outDir: string;

before(() => {
  // Inside the project, so that the built modules find lit, i18next and zod in node_modules.
  mkdirSync('node_modules/.cache', { recursive: true });
  outDir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/cec-package-'));
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  assert.equal(build.status, 0, 'the package builds');
});
after(() => rmSync(outDir, { recursive: true, force: true }));

/** The files an entry loads, itself included, following relative static imports. */
function loadedFiles(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(outDir, file), 'utf8');
  for (const [, path] of code.matchAll(/(?:from|import)\s*"(\.\.?\/[^"]+)"/g)) loadedFiles(normalize(join(dirname(file), path!)), seen);
  return seen;
}

/** An entry's built file, as package.json exports it (`./dist/lib/x.js` → `x.js`). */
function builtFile(subpath: string): string {
  const target = (packageExports()[subpath] as { import: string }).import;
  return target.replace('./dist/lib/', '');
}

/** The tags an entry defines when imported, in a Node of its own (Lit's server build shims the registry). */
function definedTags(subpath: string): string[] {
  const tags = Object.keys(ELEMENT_ENTRIES).map((name) => `cec-${name}`);
  const script = `await import(${JSON.stringify(pathToFileURL(join(outDir, builtFile(subpath))).href)});
    console.log(JSON.stringify(${JSON.stringify(tags)}.filter((tag) => customElements.get(tag))));`;
  return (JSON.parse(runModule(script)) as string[]).sort();
}

/**
 * The tags an entry should define: its own, and those of the entries its registration module imports
 * for the elements it renders (`import '../confirmation/confirmation.js'`), followed through.
 */
function expectedTags(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const source = readFileSync(ELEMENT_ENTRIES[entry]!, 'utf8');
  for (const [, dependency] of source.matchAll(/^import '\.\.\/([\w-]+)\/\1\.js';$/gm)) {
    if (dependency! in ELEMENT_ENTRIES) expectedTags(dependency!, seen);
  }
  return [...seen].map((name) => `cec-${name}`).sort();
}

for (const entry of Object.keys(ELEMENT_ENTRIES)) {
  const expected = expectedTags(entry);
  test(`importing "${entry}" defines ${expected.length === 1 ? 'its own tag only' : expected.join(', ')}`, () => {
    assert.deepEqual(definedTags(`./${entry}`), expected);
  });
  test(`importing "${entry}/component" gives the class and defines no tag`, () => {
    assert.deepEqual(definedTags(`./${entry}/component`), []);
    assert.match(readFileSync(join(outDir, builtFile(`./${entry}/component`)), 'utf8'), /export\s*\{[^}]*\bCec\w+/);
  });
}

test('package.json "exports" are those scripts/element-entries.mjs lists (`npm run exports` writes them)', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: unknown; version: string };
  assert.deepEqual(manifest.exports, packageExports());
});

/** Runs `script` (an ES module) in a Node of its own; returns what it printed. */
function runModule(script: string): string {
  const run = spawnSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** A module that defines the given tags first with classes of another copy of the package, then imports the wizard's entry. */
function secondCopyScript(version: string): string {
  const url = (subpath: string) => JSON.stringify(pathToFileURL(join(outDir, builtFile(subpath))).href);
  return `const { CecCompanyForm } = await import(${url('./company-form/component')});
    const { CecTermsConsent } = await import(${url('./terms-consent/component')});
    class OtherCompanyForm extends CecCompanyForm { static version = ${JSON.stringify(version)}; }
    class OtherTermsConsent extends CecTermsConsent { static version = ${JSON.stringify(version)}; }
    customElements.define('cec-company-form', OtherCompanyForm);
    customElements.define('cec-terms-consent', OtherTermsConsent);
    const warnings = [];
    console.warn = (message) => warnings.push(message);
    await import(${url('./apply-wizard')});
    console.log(JSON.stringify({ warnings, kept: customElements.get('cec-company-form') === OtherCompanyForm }));`;
}

test('a second copy of another version keeps the first definitions and warns once, naming both versions', () => {
  const { warnings, kept } = JSON.parse(runModule(secondCopyScript('0.0.9'))) as { warnings: string[]; kept: boolean };
  assert.equal(kept, true);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0]!, /0\.0\.9/);
  assert.match(warnings[0]!, new RegExp(PACKAGE_VERSION.replaceAll('.', '\\.')));
});

test('a second copy of the same version is silent', () => {
  const { warnings } = JSON.parse(runModule(secondCopyScript(PACKAGE_VERSION))) as { warnings: string[] };
  assert.deepEqual(warnings, []);
});

test('the version a registered element carries is package.json\'s', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  assert.equal(PACKAGE_VERSION, manifest.version);
});

test('leaves lit, i18next, zod and msw to the consumer\'s bundler', () => {
  const everything = [...loadedFiles(builtFile('.')), ...loadedFiles(builtFile('./mocks'))].map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
  for (const dependency of ['lit', 'i18next', 'zod/mini', 'msw']) {
    assert.match(everything, new RegExp(`from\\s*"${dependency}"`), `${dependency} is imported, not inlined`);
  }
});

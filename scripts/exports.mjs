/**
 * `npm run exports`: writes package.json's `exports` from scripts/element-entries.mjs (prepack runs it).
 * With `--check` it only exits with 1 when package.json is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { packageExports } from './element-entries.mjs';

const file = new URL('../package.json', import.meta.url);
const text = readFileSync(file, 'utf8');
const manifest = JSON.parse(text);
const exportsNow = JSON.stringify(manifest.exports);
const exportsWanted = JSON.stringify(packageExports());
if (exportsNow !== exportsWanted) {
  if (process.argv.includes('--check')) {
    console.error('package.json "exports" is out of date: run `npm run exports`');
    process.exit(1);
  }
  manifest.exports = packageExports();
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('package.json "exports" updated from scripts/element-entries.mjs');
}

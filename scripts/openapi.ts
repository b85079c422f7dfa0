/**
 * Writes `openapi.json` at the repository root from the server's generator (the same document the
 * server serves at `/api/openapi.json`). Run `node --import tsx scripts/openapi.ts`; `--check` fails
 * instead when the committed file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../demo/server/openapi.js';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (committed !== text) {
    console.error('openapi.json is out of date: run node --import tsx scripts/openapi.ts');
    process.exit(1);
  }
  console.log('openapi.json is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

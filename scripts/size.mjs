/**
 * Builds the one-file bundle (`vite build --mode bundle`) and prints the gzip size of the whole wizard
 * (Japanese resources included, English excluded: it is a separate chunk loaded only when asked for).
 * With `--check`, fails above the ceiling (WIZARD_CEILING_BYTES: no growth while the 52 kB budget is not
 * met) and says so, loudly, above the budget.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WIZARD_BUDGET_BYTES, WIZARD_CEILING_BYTES } from './bench/budgets.mjs';

const build = spawnSync('npx', ['vite', 'build', '--mode', 'bundle', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = 'dist/bundle';
const gzipped = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const wizard = gzipped('cectrust-apply.js');
const others = readdirSync(dir).filter((file) => file.endsWith('.js') && file !== 'cectrust-apply.js');
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const over = wizard - WIZARD_BUDGET_BYTES;
console.log(`wizard (all tags, ja): ${kB(wizard)} gzip  — budget ${kB(WIZARD_BUDGET_BYTES)}${over > 0 ? `: OVER BUDGET by ${over} bytes (README, "Size and speed")` : ''}`);
for (const file of others) console.log(`  lazy chunk ${file}: ${kB(gzipped(file))} gzip`);

if (process.argv.includes('--check') && wizard > WIZARD_CEILING_BYTES) {
  console.error(`✖ the wizard is ${kB(wizard)} gzip: it may not grow past ${kB(WIZARD_CEILING_BYTES)} while its ${kB(WIZARD_BUDGET_BYTES)} budget is not met`);
  process.exit(1);
}

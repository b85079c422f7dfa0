/**
 * Builds the one-file bundle (`vite build --mode bundle`) and prints the gzip size of the whole wizard
 * (Japanese resources included, English excluded: it is a separate chunk loaded only when asked for).
 * With `--check`, fails above the 52 kB budget (WIZARD_BUDGET_BYTES).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WIZARD_BUDGET_BYTES } from './bench/budgets.mjs';

const build = spawnSync('npx', ['vite', 'build', '--mode', 'bundle', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = 'dist/bundle';
const gzipped = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const wizard = gzipped('cectrust-apply.js');
const others = readdirSync(dir).filter((file) => file.endsWith('.js') && file !== 'cectrust-apply.js');
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const over = wizard - WIZARD_BUDGET_BYTES;
console.log(`wizard (all tags, ja): ${kB(wizard)} gzip (${wizard} bytes) — budget ${kB(WIZARD_BUDGET_BYTES)}: ${over > 0 ? `OVER BUDGET by ${over} bytes` : `${-over} bytes under`}`);
for (const file of others) console.log(`  lazy chunk ${file}: ${kB(gzipped(file))} gzip`);

if (process.argv.includes('--check') && over > 0) {
  console.error(`✖ the wizard is ${kB(wizard)} gzip, ${over} bytes over its ${kB(WIZARD_BUDGET_BYTES)} budget (README, "Size and speed")`);
  process.exit(1);
}

/**
 * How long a 500-row paste of the expiring list takes to read and validate (issue 15: under a second on
 * this machine): parse the TSV, validate the whole request, compute every row's cautions. Prints the
 * median and the worst of several runs, and fails (exit 1) over the budget.
 *
 *   node scripts/bench/renewal.mjs [rows=500] [runs=15]
 */
import { tsImport } from 'tsx/esm/api';

const { parseExpiringList, validateRenewalRequest, renewalRowCautions } = await tsImport('../../src/domain/renewal.ts', import.meta.url);
const { tokyoToday } = await tsImport('../../src/domain/dates.ts', import.meta.url);

const ROWS = Number(process.argv[2] ?? 500);
const RUNS = Number(process.argv[3] ?? 15);
const BUDGET_MS = 1000;
const today = tokyoToday();

/** What an RA pastes from Excel: full-width digits in some cells, 令和 dates in others, one bad row in fifty. */
function paste(rows) {
  const lines = [];
  for (let index = 0; index < rows; index += 1) {
    const id = index % 2 ? String(100000 + index) : String(100000 + index).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const expiry = index % 50 === 7 ? '2027/2/30' : `2027/${(index % 12) + 1}/${(index % 28) + 1}`;
    const medium = ['ダウンロード', 'CD-R', 'USBメモリ', 'USBトークン（再利用）'][index % 4];
    lines.push([`gw${index}.example.jp`, id, expiry, '令和9年4月1日', medium, index % 4 === 0 ? `ra${index}@example.co.jp` : ''].join('\t'));
  }
  return lines.join('\r\n');
}

const text = paste(ROWS);
const timings = [];
let issues = 0;
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  const parsed = parseExpiringList(text);
  const draft = { operatorCode: 'A1234', operatorCodeConfirmed: true, rows: parsed.rows.map((each) => each.row) };
  const result = validateRenewalRequest(draft, { today });
  for (const row of draft.rows) renewalRowCautions(row, today);
  timings.push(performance.now() - started);
  issues = result.ok ? 0 : result.issues.length;
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)];
const worst = timings.at(-1);
console.log(`renewal paste: ${ROWS} rows, ${issues} issues found; parse + validate + cautions: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (first run included) — budget ${BUDGET_MS} ms`);
if (worst > BUDGET_MS) {
  console.error(`over budget: ${worst.toFixed(1)} ms > ${BUDGET_MS} ms`);
  process.exitCode = 1;
}

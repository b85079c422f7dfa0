/**
 * A stored renewal request as the クライアント証明書発行依頼書 spreadsheet (seed, steps 2 and 4: the form the RA
 * fills in, returned with 証明書ID and 証明書シリアル once issued): XLSX through exceljs, and CSV (UTF-8 with a
 * BOM so that Excel reads Japanese, every field quoted, formula injection neutralised). The column names
 * are those the renewal form reads back (`parseExpiringList`), so an exported CSV can be imported again.
 */
import ExcelJS from 'exceljs';
import type { StorageMedium, TokenChoice } from '../../src/domain/renewal.js';
import type { StoredRenewalRequest, StoredRenewalRow } from './renewals.js';
import { tokyoDateTime } from './tokyo-time.js';

/** Title of the form and of its sheet. */
export const RENEWAL_FORM_TITLE = 'クライアント証明書発行依頼書';

const MEDIA: Record<StorageMedium, string> = { download: 'ダウンロード', cdr: 'CD-R', usbMemory: 'USBメモリ', usbToken: 'USBトークン' };
const TOKENS: Record<TokenChoice, string> = { new: '新規', reuse: '再利用' };
const STATES: Record<StoredRenewalRow['state'], string> = { requested: '発行待ち', issued: '発行済み' };

/** The table's columns: header and the cell of a row. */
const COLUMNS: ReadonlyArray<{ header: string; width: number; cell: (row: StoredRenewalRow) => string | number }> = [
  { header: 'No.', width: 6, cell: (row) => row.row },
  { header: 'CN', width: 36, cell: (row) => row.commonName },
  { header: '証明書ID', width: 14, cell: (row) => row.certificateId ?? '' },
  { header: '有効期限日', width: 12, cell: (row) => row.currentExpiry ?? '' },
  { header: '有効期間開始日', width: 14, cell: (row) => row.validityStart ?? '' },
  { header: '格納媒体', width: 14, cell: (row) => MEDIA[row.medium] },
  { header: 'USBトークン', width: 12, cell: (row) => (row.tokenChoice ? TOKENS[row.tokenChoice] : '') },
  { header: 'ID通知メールの送付先', width: 30, cell: (row) => row.notificationEmail ?? '' },
  { header: '状態', width: 10, cell: (row) => STATES[row.state] },
  { header: '発行証明書ID', width: 14, cell: (row) => row.issuedCertificateId ?? '' },
  { header: '証明書シリアル', width: 36, cell: (row) => row.issuedSerial ?? '' },
];

/** The lines above the table: who asked, when, and under which 事業者コード. */
function headerLines(request: StoredRenewalRequest): Array<[string, string]> {
  return [
    ['依頼番号', request.requestNumber],
    ['組織', request.organisationName],
    ['事業者コード', request.operatorCode],
    ['受付日時（日本時間）', tokyoDateTime(new Date(request.acceptedAt))],
  ];
}

/**
 * The request as an XLSX workbook: one sheet 「クライアント証明書発行依頼書」, the request's details on top,
 * then one row per certificate. Every value is written as a typed value (text or number), never as a formula.
 *
 * @example
 * const bytes = await renewalRequestXlsx(request); // a Buffer starting with 'PK'
 */
export async function renewalRequestXlsx(request: StoredRenewalRequest): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EPPCERT reference server';
  workbook.created = new Date(request.acceptedAt);
  const sheet = workbook.addWorksheet(RENEWAL_FORM_TITLE, { views: [{ state: 'frozen', ySplit: 7 }] });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  sheet.addRow([RENEWAL_FORM_TITLE]).font = { bold: true, size: 14 };
  for (const line of headerLines(request)) sheet.addRow(line);
  sheet.addRow([]);
  const header = sheet.addRow(COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  // An empty field is a blank cell, not an empty text.
  for (const row of request.rows) sheet.addRow(COLUMNS.map((column) => column.cell(row)).map((value) => (value === '' ? null : value)));
  sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A character that makes a spreadsheet read a cell as a formula (OWASP, CSV injection): = + - @, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field: quoted, quotes doubled, and a text that a spreadsheet would run as a formula prefixed
 * with `'` so that it stays text.
 *
 * @example
 * csvField('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvField(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The request's rows as CSV: UTF-8 with a BOM, CRLF line ends, the table only (its header is the first
 * line), so the renewal form can read it back.
 *
 * @example
 * renewalRequestCsv(request).startsWith('\uFEFF"No.","CN"') // true
 */
export function renewalRequestCsv(request: StoredRenewalRequest): string {
  const lines = [COLUMNS.map((column) => column.header), ...request.rows.map((row) => COLUMNS.map((column) => column.cell(row)))];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

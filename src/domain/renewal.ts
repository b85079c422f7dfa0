/**
 * The bulk renewal of client certificates (EPPCERT, gas-industry client certificates; seed
 * `eppcert-gas-client-certificate-renewal.ja.txt`): the クライアント証明書発行依頼書 as a request of one
 * row per certificate, its rules, its cautions, and the expiring list pasted from Excel (TSV) or read
 * from CSV. Validators return codes and parameters, never text; the elements word them.
 *
 * Dates are calendar days in Japan time (`./dates.ts`); "today" is always given by the caller (`rules.today`),
 * so the browser and the server each decide it from their own clock.
 */
import * as z from 'zod/mini';
import { addBusinessDays, addDays, daysBetween, isIsoDate, parseTypedDate, type IsoDate } from './dates.js';
import { requiredText } from './schemas.js';
import { trimmed } from './normalise.js';
import { validateSection, type FieldIssue, type SectionResult } from './validation.js';

/** Storage media of a client certificate (seed, step 5): ダウンロード, CD-R, USBメモリ, USBトークン. */
export const STORAGE_MEDIA = ['download', 'cdr', 'usbMemory', 'usbToken'] as const;
export type StorageMedium = (typeof STORAGE_MEDIA)[number];

/** For a USB token: a new one, or the current one reused for the new certificate (seed, step 3). */
export const TOKEN_CHOICES = ['new', 'reuse'] as const;
export type TokenChoice = (typeof TOKEN_CHOICES)[number];

/**
 * 「お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません」: 180 days ahead is refused,
 * so the latest start is the application date + 179 days (Japan time).
 */
export const MAX_START_DAYS_AHEAD = 179;
/** 「通常約5営業日内に…発行いたします」 (seed, step 4): the issue date to expect, in business days. */
export const LIKELY_ISSUANCE_BUSINESS_DAYS = 5;
/** Days before expiry at which the provider sends the list of expiring certificates (seed, step 1). */
export const EXPIRY_NOTICE_DAYS = 60;
/** Rows one request may hold; the seed names no limit, this keeps one request reviewable. */
export const MAX_RENEWAL_ROWS = 1000;
/** Longest CN: X.509's upper bound for a common name (RFC 5280, ub-common-name). */
export const MAX_COMMON_NAME_LENGTH = 64;
/**
 * 事業者コード when the host configures none: the seed does not give its format, so any 1–16 half-width
 * letters and digits. Hosts that know the format set their own (`operatorCodePattern`).
 */
export const DEFAULT_OPERATOR_CODE_PATTERN = /^[0-9A-Za-z]{1,16}$/;

/** What the rules need beyond the request: the application date and the 事業者コード format. */
export interface RenewalRules {
  /** The application date: today in Japan time (`tokyoToday(clock())`). */
  today: IsoDate;
  /** The format of 事業者コード; `DEFAULT_OPERATOR_CODE_PATTERN` when absent. */
  operatorCodePattern?: RegExp | undefined;
}

/** One row as typed: text as the user wrote it, blank meaning "not given". */
export interface RenewalRowDraft {
  /** CN of the certificate to renew (the new one keeps it). */
  commonName?: string;
  /** 証明書ID of the current certificate, from the expiry notice. */
  certificateId?: string;
  /** 有効期限日 of the current certificate, as typed. */
  currentExpiry?: string;
  /** 有効期間開始日 wanted for the new certificate, as typed; blank means the issue date. */
  validityStart?: string;
  /** The user confirmed a start date in the past (it shortens the validity). */
  pastStartConfirmed?: boolean;
  medium?: StorageMedium | '';
  tokenChoice?: TokenChoice | '';
  /** Where the 「ID通知メール」 goes: required for ダウンロード. */
  notificationEmail?: string;
}

/** The whole request as typed. */
export interface RenewalDraft {
  /** 事業者コード assigned by 電力広域的運営推進機関. */
  operatorCode?: string;
  /** The user confirmed the code is exactly the assigned one (the provider does not check it). */
  operatorCodeConfirmed?: boolean;
  rows: RenewalRowDraft[];
}

const required = { error: 'required' } as const;

/** A date as typed, read into `YYYY-MM-DD`; what cannot be read keeps the reason as its code. */
const typedDate = z.string(required).check(
  z.overwrite((text) => {
    const read = parseTypedDate(text);
    return read.ok ? read.date : text;
  }),
  z.superRefine((text, context) => {
    if (isIsoDate(text)) return;
    const read = parseTypedDate(text);
    context.issues.push({ code: 'custom', message: read.ok ? 'dateFormat' : read.code, input: text });
  }),
);

/** Full-width digits and letters of an identifier made half-width, spaces around it trimmed. */
const identifier = (text: string) => text.normalize('NFKC').trim();

/** One row of `POST {endpoint}/renewal-requests`, normalised. */
export const renewalRowSchema = z.object({
  commonName: requiredText(trimmed, MAX_COMMON_NAME_LENGTH),
  certificateId: z.optional(requiredText(identifier, 64)),
  currentExpiry: z.optional(typedDate),
  validityStart: z.optional(typedDate),
  pastStartConfirmed: z.optional(z.boolean()),
  medium: z.enum(STORAGE_MEDIA, required),
  tokenChoice: z.optional(z.enum(TOKEN_CHOICES, required)),
  notificationEmail: z.optional(requiredText(trimmed, 254).check(z.email({ error: 'email' }))),
});

/** The body of `POST {endpoint}/renewal-requests`. Rules that need the date or the code format: `validateRenewalRequest`. */
export const renewalRequestSchema = z.object({
  operatorCode: requiredText(identifier, 64),
  operatorCodeConfirmed: z.literal(true, { error: 'operatorCodeUnconfirmed' }),
  rows: z.array(renewalRowSchema).check(
    z.minLength(1, { error: 'rowsRequired' }),
    z.maxLength(MAX_RENEWAL_ROWS, { error: 'tooManyRows' }),
  ),
  locale: z.optional(z.enum(['ja', 'en'])),
});

/** `201` body of `POST {endpoint}/renewal-requests`: the request number and each row as recorded. */
export const renewalReceiptSchema = z.object({
  requestNumber: z.string().check(z.minLength(1)),
  rows: z.array(
    z.object({
      commonName: z.string(),
      certificateId: z.optional(z.string()),
      state: z.optional(z.string()),
    }),
  ),
});

/** `200` body of `GET {endpoint}/expiring-certificates?withinDays=60`: the certificates the expiry notice lists. */
export const expiringCertificatesSchema = z.object({
  certificates: z.array(
    z.object({
      commonName: z.string(),
      certificateId: z.string(),
      /** 有効期限日, `YYYY-MM-DD`. */
      expiresOn: z.string(),
    }),
  ),
});

export type RenewalRow = z.infer<typeof renewalRowSchema>;
export type RenewalRequest = z.infer<typeof renewalRequestSchema>;
export type RenewalReceipt = z.infer<typeof renewalReceiptSchema>;
export type ExpiringCertificate = z.infer<typeof expiringCertificatesSchema>['certificates'][number];

/**
 * The latest 有効期間開始日 allowed on `today`: today + 179 days.
 *
 * @example
 * latestValidityStart('2026-11-29') // '2027-05-27'
 */
export function latestValidityStart(today: IsoDate): IsoDate {
  return addDays(today, MAX_START_DAYS_AHEAD);
}

/**
 * The day issuance is to be expected for a request sent `today`: 5 business days later (weekends and
 * 12/29–1/3 skipped; public holidays are not known, hence "about").
 *
 * @example
 * likelyIssuanceDate('2027-04-01') // '2027-04-08'
 */
export function likelyIssuanceDate(today: IsoDate): IsoDate {
  return addBusinessDays(today, LIKELY_ISSUANCE_BUSINESS_DAYS);
}

const readDate = (text: string | undefined): IsoDate | undefined => {
  if (!text?.trim()) return undefined;
  const read = parseTypedDate(text);
  return read.ok ? read.date : undefined;
};

/**
 * A row with only what its medium asks for (no mail address unless ダウンロード, no token choice unless
 * USBトークン) and without blank fields: a blank optional field is absent, a blank required one missing.
 */
function rowRequestOf(row: RenewalRowDraft, today: IsoDate): Record<string, unknown> {
  const start = readDate(row.validityStart);
  const fields: Record<string, unknown> = {
    commonName: row.commonName ?? '',
    certificateId: row.certificateId,
    currentExpiry: row.currentExpiry,
    validityStart: row.validityStart,
    ...(start !== undefined && start < today && row.pastStartConfirmed ? { pastStartConfirmed: true } : {}),
    medium: row.medium ?? '',
    ...(row.medium === 'usbToken' ? { tokenChoice: row.tokenChoice } : {}),
    ...(row.medium === 'download' ? { notificationEmail: row.notificationEmail } : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && !(typeof value === 'string' && value.trim() === '')));
}

/** Rules across fields and rows, found on the draft whatever else is wrong with it. */
function ruleIssues(draft: RenewalDraft, rules: RenewalRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const code = draft.operatorCode ? identifier(draft.operatorCode) : '';
  if (code && !(rules.operatorCodePattern ?? DEFAULT_OPERATOR_CODE_PATTERN).test(code)) {
    issues.push({ path: ['operatorCode'], code: 'operatorCodeFormat' });
  }
  const latest = latestValidityStart(rules.today);
  const firstRowOfId = new Map<string, number>();
  draft.rows.forEach((row, index) => {
    const at = (field: string) => ['rows', String(index), field];
    const start = readDate(row.validityStart);
    if (start !== undefined && start > latest) issues.push({ path: at('validityStart'), code: 'startTooLate', params: { latest } });
    if (start !== undefined && start < rules.today && !row.pastStartConfirmed) {
      issues.push({ path: at('pastStartConfirmed'), code: 'pastStartUnconfirmed', params: { days: daysBetween(start, rules.today) } });
    }
    if (row.medium === 'download' && !row.notificationEmail?.trim()) issues.push({ path: at('notificationEmail'), code: 'emailRequiredForDownload' });
    if (row.medium === 'usbToken' && !row.tokenChoice) issues.push({ path: at('tokenChoice'), code: 'tokenChoiceRequired' });
    const id = row.certificateId ? identifier(row.certificateId) : '';
    if (id) {
      const first = firstRowOfId.get(id);
      if (first === undefined) firstRowOfId.set(id, index);
      else issues.push({ path: at('certificateId'), code: 'duplicateCertificateId', params: { row: first + 1 } });
    }
  });
  return issues;
}

/**
 * The request body for a draft, normalised (dates `YYYY-MM-DD`, half-width identifiers), or every issue
 * that stops it, row fields at `['rows', '<index>', '<field>']`. The server runs the very same function
 * with its own `today`.
 *
 * @example
 * const result = validateRenewalRequest(draft, { today: tokyoToday() });
 * if (!result.ok) result.issues // [{ path: ['rows', '2', 'notificationEmail'], code: 'emailRequiredForDownload' }]
 */
export function validateRenewalRequest(
  draft: RenewalDraft,
  rules: RenewalRules,
  locale?: 'ja' | 'en',
): SectionResult<RenewalRequest> {
  const request = {
    operatorCode: draft.operatorCode ?? '',
    operatorCodeConfirmed: draft.operatorCodeConfirmed === true ? true : undefined,
    rows: draft.rows.map((row) => rowRequestOf(row, rules.today)),
    ...(locale ? { locale } : {}),
  };
  const result = validateSection(renewalRequestSchema, request);
  const issues = [...(result.ok ? [] : result.issues), ...ruleIssues(draft, rules)];
  return issues.length === 0 && result.ok ? result : { ok: false, issues };
}

/** Something to tell the user about a row that does not stop the request. */
export interface RenewalCaution {
  code: 'noStartDate' | 'pastStart' | 'startBeforeLikelyIssuance' | 'futureStart' | 'gapAfterExpiry' | 'overlap' | 'alreadyExpired';
  params?: Record<string, string | number | boolean>;
}

/**
 * The cautions of the seed that apply to a row, with their numbers:
 * - no start date: the issue date becomes the start, and the overlap may be wasted;
 * - a past start: the validity is shorter by at least that many days;
 * - a start before issuance is likely (about 5 business days): it is the issue date in effect;
 * - a future start: the certificate cannot be used before it;
 * - with the current expiry known: the gap after it (「有効期限日を過ぎると自動的に利用できなくなります」) or
 *   the overlap in days (both days counted), estimated from the likely issue date when no start is given.
 *
 * @example
 * renewalRowCautions({ validityStart: '2027-05-01', currentExpiry: '2027-05-31' }, '2027-04-01')
 * // [{ code: 'futureStart', … }, { code: 'overlap', params: { days: 31, estimated: false } }]
 */
export function renewalRowCautions(row: RenewalRowDraft, today: IsoDate): RenewalCaution[] {
  const cautions: RenewalCaution[] = [];
  const likely = likelyIssuanceDate(today);
  const start = readDate(row.validityStart);
  const expiry = readDate(row.currentExpiry);
  if (row.validityStart?.trim() && start === undefined) return cautions;
  if (start === undefined) cautions.push({ code: 'noStartDate', params: { likelyIssuance: likely } });
  else if (start < today) cautions.push({ code: 'pastStart', params: { days: daysBetween(start, today) } });
  else if (start < likely) cautions.push({ code: 'startBeforeLikelyIssuance', params: { likelyIssuance: likely } });
  else cautions.push({ code: 'futureStart', params: { start } });
  if (expiry === undefined) return cautions;
  if (expiry < today) cautions.push({ code: 'alreadyExpired', params: { expiry } });
  const effectiveStart = start === undefined || start < likely ? likely : start;
  const estimated = effectiveStart !== start;
  const days = daysBetween(effectiveStart, expiry) + 1;
  if (days > 0) cautions.push({ code: 'overlap', params: { days, estimated } });
  else if (days < 0) {
    cautions.push({ code: 'gapAfterExpiry', params: { days: -days, from: addDays(expiry, 1), to: addDays(effectiveStart, -1), estimated } });
  }
  return cautions;
}

// ── the expiring list, pasted from Excel (TSV) or read from CSV ────────────────────────────────────

/** A line of the pasted list that could not be taken as it stood (its row, if any, is still added). */
export interface ListProblem {
  /** 1-based line of the pasted text or file. */
  line: number;
  code: 'unknownMedium' | 'unknownTokenChoice' | 'extraColumns';
  params?: Record<string, string | number>;
}

/** What a paste or a CSV gave: the rows (with the line each came from) and the problems met. */
export interface ParsedList {
  rows: Array<{ line: number; row: RenewalRowDraft }>;
  problems: ListProblem[];
  /** Whether the first line was read as a header (its names chose the columns). */
  header: boolean;
}

type ListColumn = 'commonName' | 'certificateId' | 'currentExpiry' | 'validityStart' | 'medium' | 'notificationEmail' | 'tokenChoice';

/** Column order of a list without a header: the expiry notice's CN and 証明書ID first, then the 発行依頼書's. */
export const LIST_COLUMNS_WITHOUT_HEADER: readonly ListColumn[] = [
  'commonName',
  'certificateId',
  'currentExpiry',
  'validityStart',
  'medium',
  'notificationEmail',
];

/** Header names (NFKC, lower case, spaces removed) and the column each means. */
const HEADER_NAMES: Record<string, ListColumn> = {
  cn: 'commonName',
  commonname: 'commonName',
  コモンネーム: 'commonName',
  証明書id: 'certificateId',
  certificateid: 'certificateId',
  有効期限: 'currentExpiry',
  有効期限日: 'currentExpiry',
  現在の有効期限: 'currentExpiry',
  expiry: 'currentExpiry',
  expireson: 'currentExpiry',
  currentexpiry: 'currentExpiry',
  有効期間開始日: 'validityStart',
  開始日: 'validityStart',
  validitystart: 'validityStart',
  格納媒体: 'medium',
  媒体: 'medium',
  medium: 'medium',
  storagemedium: 'medium',
  メールアドレス: 'notificationEmail',
  id通知メール: 'notificationEmail',
  id通知メールの送付先: 'notificationEmail',
  email: 'notificationEmail',
  'e-mail': 'notificationEmail',
  notificationemail: 'notificationEmail',
  usbトークン: 'tokenChoice',
  トークン: 'tokenChoice',
  token: 'tokenChoice',
  tokenchoice: 'tokenChoice',
};

const headerKey = (cell: string) => cell.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Medium cell texts (as `headerKey` makes them) and what they mean; a token choice may ride along. */
const MEDIUM_NAMES: Record<string, { medium: StorageMedium; tokenChoice?: TokenChoice }> = {
  ダウンロード: { medium: 'download' },
  download: { medium: 'download' },
  'cd-r': { medium: 'cdr' },
  cdr: { medium: 'cdr' },
  usbメモリ: { medium: 'usbMemory' },
  usbmemory: { medium: 'usbMemory' },
  usbトークン: { medium: 'usbToken' },
  usbtoken: { medium: 'usbToken' },
  'usbトークン(新規)': { medium: 'usbToken', tokenChoice: 'new' },
  'usbトークン(再利用)': { medium: 'usbToken', tokenChoice: 'reuse' },
  'usbtoken(new)': { medium: 'usbToken', tokenChoice: 'new' },
  'usbtoken(reuse)': { medium: 'usbToken', tokenChoice: 'reuse' },
};

const TOKEN_NAMES: Record<string, TokenChoice> = { 新規: 'new', new: 'new', 再利用: 'reuse', reuse: 'reuse' };

/**
 * Records of delimited text (RFC 4180 quoting, which Excel also uses when it copies a cell holding a tab,
 * a quote or a line break), each with the 1-based line it starts on.
 */
function records(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  const found: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n') {
      cells.push(cell);
      found.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else cell += char;
  }
  cells.push(cell);
  found.push({ line: recordLine, cells });
  return found.filter((record) => record.cells.some((each) => each.trim() !== ''));
}

/**
 * The expiring list pasted from Excel (tab-separated) or read from a CSV file: one row per line with
 * CN, 証明書ID, current expiry, and optionally start date, medium and mail address. A first line of
 * column names (CN, 証明書ID, 有効期限, 有効期間開始日, 格納媒体, メールアドレス, USBトークン — or their English
 * names) chooses the columns; without one the order is `LIST_COLUMNS_WITHOUT_HEADER`. Every non-blank
 * line becomes a row, kept as typed (nothing is lost); what could not be understood is reported by line.
 * Full-width digits are read by the validators and the date reader.
 *
 * @example
 * parseExpiringList('CN\t証明書ID\t有効期限\ngw01.example.jp\t１２３４５\t2027/5/31')
 * // { header: true, rows: [{ line: 2, row: { commonName: 'gw01.example.jp', certificateId: '１２３４５', currentExpiry: '2027/5/31' } }], problems: [] }
 */
export function parseExpiringList(text: string): ParsedList {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = body.split('\n').find((line) => line.trim() !== '') ?? '';
  const delimiter = firstLine.includes('\t') ? '\t' : ',';
  const all = records(body, delimiter);
  const headerColumns = all[0]?.cells.map((cell) => HEADER_NAMES[headerKey(cell)]);
  const header = headerColumns !== undefined && headerColumns.some((column) => column !== undefined);
  const columns: ReadonlyArray<ListColumn | undefined> = header ? headerColumns : LIST_COLUMNS_WITHOUT_HEADER;
  const problems: ListProblem[] = [];
  const rows = (header ? all.slice(1) : all).map(({ line, cells }) => {
    const row: RenewalRowDraft = {};
    let surplusReported = false;
    cells.forEach((raw, index) => {
      const value = raw.trim();
      const column = columns[index];
      if (!value) return;
      if (column === 'medium') {
        const medium = MEDIUM_NAMES[headerKey(value).replace(/[（]/g, '(').replace(/[）]/g, ')')];
        if (medium) Object.assign(row, medium);
        else problems.push({ line, code: 'unknownMedium', params: { value } });
      } else if (column === 'tokenChoice') {
        const choice = TOKEN_NAMES[headerKey(value)];
        if (choice) row.tokenChoice = choice;
        else problems.push({ line, code: 'unknownTokenChoice', params: { value } });
      } else if (column) row[column] = value;
      else if (!header && !surplusReported) {
        // One report per line, however many surplus cells it has.
        surplusReported = true;
        problems.push({ line, code: 'extraColumns', params: { columns: cells.length, maximum: columns.length } });
      }
    });
    return { line, row };
  });
  return { rows, problems, header };
}

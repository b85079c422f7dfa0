import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates.js';
import {
  latestValidityStart,
  likelyIssuanceDate,
  parseExpiringList,
  renewalRowCautions,
  validateRenewalRequest,
  type RenewalDraft,
  type RenewalRowDraft,
} from '../../src/domain/renewal.js';
import type { FieldIssue } from '../../src/domain/validation.js';

/** A Thursday: issuance is likely on 2027-04-08, the latest start is 2027-09-27. */
const TODAY = '2027-04-01';
const RULES = { today: TODAY };

const row = (fields: RenewalRowDraft = {}): RenewalRowDraft => ({ commonName: 'gw01.example.jp', medium: 'cdr', ...fields });
const draft = (rows: RenewalRowDraft[], fields: Partial<RenewalDraft> = {}): RenewalDraft => ({
  operatorCode: 'A1234',
  operatorCodeConfirmed: true,
  rows,
  ...fields,
});

function issuesOf(result: ReturnType<typeof validateRenewalRequest>): Array<[string, string]> {
  return result.ok ? [] : result.issues.map((issue: FieldIssue) => [issue.path.join('.'), issue.code]);
}

describe('the validity start date (有効期間開始日)', () => {
  it('is the application date + 179 days at the latest, in Japan time', () => {
    assert.equal(latestValidityStart(TODAY), '2027-09-27');
    assert.equal(latestValidityStart('2027-12-31'), '2028-06-27');
  });

  const examples: Array<[behaviour: string, start: string | undefined, confirmed: boolean, issues: Array<[string, string]>]> = [
    ['may be left out (the issue date is then the start)', undefined, false, []],
    ['accepts today', TODAY, false, []],
    ['accepts +179 days', '2027-09-27', false, []],
    ['refuses +180 days (「180日以上先…ご指定いただくことはできません」)', '2027-09-28', false, [['rows.0.validityStart', 'startTooLate']]],
    ['asks for a confirmation of yesterday (a past date shortens the validity)', '2027-03-31', false, [['rows.0.pastStartConfirmed', 'pastStartUnconfirmed']]],
    ['accepts yesterday once confirmed', '2027-03-31', true, []],
    ['reads 令和 and full-width digits', '令和９年９月２７日', false, []],
    ['refuses a day that does not exist', '2027/2/29', false, [['rows.0.validityStart', 'dateInvalid']]],
    ['refuses what is no date', 'next month', false, [['rows.0.validityStart', 'dateFormat']]],
  ];
  for (const [behaviour, start, confirmed, issues] of examples) {
    it(behaviour, () => {
      const result = validateRenewalRequest(draft([row({ validityStart: start, pastStartConfirmed: confirmed })]), RULES);
      assert.deepEqual(issuesOf(result), issues);
    });
  }

  it('sends the start normalised, and the past confirmation only with a past start', () => {
    const result = validateRenewalRequest(draft([row({ validityStart: '２０２７／４／１', pastStartConfirmed: true })]), RULES);
    assert.ok(result.ok);
    assert.deepEqual(result.value.rows[0], { commonName: 'gw01.example.jp', validityStart: '2027-04-01', medium: 'cdr' });
  });

  it('names the latest date and the days a past start costs', () => {
    const late = validateRenewalRequest(draft([row({ validityStart: '2027-10-01' })]), RULES);
    const past = validateRenewalRequest(draft([row({ validityStart: '2027-03-22' })]), RULES);
    assert.deepEqual(!late.ok && late.issues[0]?.params, { latest: '2027-09-27' });
    assert.deepEqual(!past.ok && past.issues[0]?.params, { days: 10 });
  });

  it('the same start is +179 on one day and +180 the next (midnight in Tokyo, 15:00 UTC)', () => {
    const start = addDays(TODAY, 180);
    assert.deepEqual(issuesOf(validateRenewalRequest(draft([row({ validityStart: start })]), { today: addDays(TODAY, 1) })), []);
    assert.deepEqual(issuesOf(validateRenewalRequest(draft([row({ validityStart: start })]), RULES)), [['rows.0.validityStart', 'startTooLate']]);
  });

  it('accepts every start from today to +179 days and refuses every later one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (days) => {
        const result = validateRenewalRequest(draft([row({ validityStart: addDays(TODAY, days) })]), RULES);
        assert.equal(result.ok, days <= 179);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the storage medium (格納媒体)', () => {
  const examples: Array<[behaviour: string, fields: RenewalRowDraft, issues: Array<[string, string]>]> = [
    ['is required', { medium: '' }, [['rows.0.medium', 'required']]],
    ['ダウンロード requires the ID通知メール address', { medium: 'download' }, [['rows.0.notificationEmail', 'emailRequiredForDownload']]],
    ['ダウンロード with an address is fine', { medium: 'download', notificationEmail: 'ra@example.co.jp' }, []],
    ['ダウンロード refuses an address that is none', { medium: 'download', notificationEmail: 'ra@' }, [['rows.0.notificationEmail', 'email']]],
    ['CD-R asks for no address (one typed earlier is not sent)', { medium: 'cdr', notificationEmail: 'ra@' }, []],
    ['USBメモリ asks for nothing more', { medium: 'usbMemory' }, []],
    ['USBトークン asks new or reuse', { medium: 'usbToken' }, [['rows.0.tokenChoice', 'tokenChoiceRequired']]],
    ['USBトークン, reused', { medium: 'usbToken', tokenChoice: 'reuse' }, []],
  ];
  for (const [behaviour, fields, issues] of examples) {
    it(behaviour, () => assert.deepEqual(issuesOf(validateRenewalRequest(draft([row(fields)]), RULES)), issues));
  }

  it('sends only what the medium asks for', () => {
    const result = validateRenewalRequest(
      draft([row({ medium: 'download', notificationEmail: ' ra@example.co.jp ', tokenChoice: 'new' }), row({ medium: 'usbToken', tokenChoice: 'new', notificationEmail: 'x@example.jp', commonName: 'gw02' })]),
      RULES,
    );
    assert.ok(result.ok);
    assert.deepEqual(result.value.rows, [
      { commonName: 'gw01.example.jp', medium: 'download', notificationEmail: 'ra@example.co.jp' },
      { commonName: 'gw02', medium: 'usbToken', tokenChoice: 'new' },
    ]);
  });
});

describe('事業者コード and the rows', () => {
  const examples: Array<[behaviour: string, request: RenewalDraft, issues: Array<[string, string]>]> = [
    ['the code is required', draft([row()], { operatorCode: '' }), [['operatorCode', 'required']]],
    ['the code must be confirmed', draft([row()], { operatorCodeConfirmed: false }), [['operatorCodeConfirmed', 'operatorCodeUnconfirmed']]],
    ['the default format is 1–16 half-width letters and digits', draft([row()], { operatorCode: 'A-12' }), [['operatorCode', 'operatorCodeFormat']]],
    ['full-width digits in the code are read as half-width', draft([row()], { operatorCode: 'Ａ１２３４' }), []],
    ['at least one row', draft([]), [['rows', 'rowsRequired']]],
    ['CN is required', draft([row({ commonName: ' ' })]), [['rows.0.commonName', 'required']]],
    ['CN at most 64 characters', draft([row({ commonName: 'x'.repeat(65) })]), [['rows.0.commonName', 'tooLong']]],
    [
      'the same 証明書ID twice is refused on the second row',
      draft([row({ certificateId: '12345' }), row({ certificateId: '１２３４５' })]),
      [['rows.1.certificateId', 'duplicateCertificateId']],
    ],
    ['an unreadable current expiry', draft([row({ currentExpiry: '2027/13/1' })]), [['rows.0.currentExpiry', 'dateInvalid']]],
  ];
  for (const [behaviour, request, issues] of examples) {
    it(behaviour, () => assert.deepEqual(issuesOf(validateRenewalRequest(request, RULES)), issues));
  }

  it('takes a configured code format', () => {
    const rules = { ...RULES, operatorCodePattern: /^\d{4}$/ };
    assert.deepEqual(issuesOf(validateRenewalRequest(draft([row()], { operatorCode: '1234' }), rules)), []);
    assert.deepEqual(issuesOf(validateRenewalRequest(draft([row()]), rules)), [['operatorCode', 'operatorCodeFormat']]);
  });
});

describe('cautions (renewalRowCautions)', () => {
  it('expects issuance about 5 business days after the request', () => {
    assert.equal(likelyIssuanceDate(TODAY), '2027-04-08');
  });

  const examples: Array<[behaviour: string, fields: RenewalRowDraft, cautions: unknown[]]> = [
    ['no start date: the issue date is the start', {}, [{ code: 'noStartDate', params: { likelyIssuance: '2027-04-08' } }]],
    ['a past start shortens the validity', { validityStart: '2027-03-30' }, [{ code: 'pastStart', params: { days: 2 } }]],
    ['a start before issuance is likely', { validityStart: '2027-04-05' }, [{ code: 'startBeforeLikelyIssuance', params: { likelyIssuance: '2027-04-08' } }]],
    ['a future start: not usable before it', { validityStart: '2027-05-01' }, [{ code: 'futureStart', params: { start: '2027-05-01' } }]],
    [
      'overlap with the current certificate, both days counted',
      { validityStart: '2027-05-01', currentExpiry: '2027-05-31' },
      [{ code: 'futureStart', params: { start: '2027-05-01' } }, { code: 'overlap', params: { days: 31, estimated: false } }],
    ],
    [
      'a start the day after expiry: neither gap nor overlap',
      { validityStart: '2027-06-01', currentExpiry: '2027-05-31' },
      [{ code: 'futureStart', params: { start: '2027-06-01' } }],
    ],
    [
      'a gap after the current expiry',
      { validityStart: '2027-06-11', currentExpiry: '2027-05-31' },
      [
        { code: 'futureStart', params: { start: '2027-06-11' } },
        { code: 'gapAfterExpiry', params: { days: 10, from: '2027-06-01', to: '2027-06-10', estimated: false } },
      ],
    ],
    [
      'no start date: the overlap is estimated from the likely issue date',
      { currentExpiry: '2027-05-31' },
      [{ code: 'noStartDate', params: { likelyIssuance: '2027-04-08' } }, { code: 'overlap', params: { days: 54, estimated: true } }],
    ],
    [
      'already expired: a gap until issuance',
      { currentExpiry: '2027-03-31' },
      [
        { code: 'noStartDate', params: { likelyIssuance: '2027-04-08' } },
        { code: 'alreadyExpired', params: { expiry: '2027-03-31' } },
        { code: 'gapAfterExpiry', params: { days: 7, from: '2027-04-01', to: '2027-04-07', estimated: true } },
      ],
    ],
    ['an unreadable start: no caution (the error says it)', { validityStart: 'x' }, []],
  ];
  for (const [behaviour, fields, cautions] of examples) {
    it(behaviour, () => assert.deepEqual(renewalRowCautions(fields, TODAY), cautions));
  }
});

describe('parseExpiringList (Excel paste and CSV)', () => {
  it('reads a tab-separated paste without a header, full-width digits kept for the validators', () => {
    const parsed = parseExpiringList('gw01.example.jp\t１２３４５\t２０２７／５／３１\r\ngw02.example.jp\t12346\t2027-06-30\r\n');
    assert.equal(parsed.header, false);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.rows, [
      { line: 1, row: { commonName: 'gw01.example.jp', certificateId: '１２３４５', currentExpiry: '２０２７／５／３１' } },
      { line: 2, row: { commonName: 'gw02.example.jp', certificateId: '12346', currentExpiry: '2027-06-30' } },
    ]);
    const result = validateRenewalRequest(draft(parsed.rows.map((each) => ({ ...each.row, medium: 'cdr' }))), RULES);
    assert.ok(result.ok);
    assert.deepEqual(result.value.rows[0], { commonName: 'gw01.example.jp', certificateId: '12345', currentExpiry: '2027-05-31', medium: 'cdr' });
  });

  it('chooses columns by a header, in any order, medium and token included', () => {
    const parsed = parseExpiringList(
      '証明書ID,CN,格納媒体,メールアドレス,有効期間開始日\n' +
        '12345,gw01.example.jp,ダウンロード,ra@example.co.jp,2027/5/1\n' +
        '12346,gw02.example.jp,USBトークン（再利用）,,\n' +
        '12347,gw03.example.jp,ＣＤ－Ｒ,,\n',
    );
    assert.equal(parsed.header, true);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.rows.map((each) => each.row),
      [
        { certificateId: '12345', commonName: 'gw01.example.jp', medium: 'download', notificationEmail: 'ra@example.co.jp', validityStart: '2027/5/1' },
        { certificateId: '12346', commonName: 'gw02.example.jp', medium: 'usbToken', tokenChoice: 'reuse' },
        { certificateId: '12347', commonName: 'gw03.example.jp', medium: 'cdr' },
      ],
    );
  });

  it('reads CSV quoting: commas, quotes and line breaks inside a cell', () => {
    const parsed = parseExpiringList('CN,証明書ID\n"gw01, main",1\n"say ""hi""",2\n"two\nlines",3\nlast,4');
    assert.deepEqual(
      parsed.rows.map((each) => [each.line, each.row.commonName]),
      [[2, 'gw01, main'], [3, 'say "hi"'], [4, 'two\nlines'], [6, 'last']],
    );
  });

  it('reports bad lines by line and still keeps their rows', () => {
    const parsed = parseExpiringList('gw01\t1\t2027/5/31\t\tフロッピー\ngw02\t2\t2027/2/30\ngw03\t3\t2027/5/31\t\t\t\ta\tb\n\n\t\t\n');
    assert.deepEqual(parsed.problems, [
      { line: 1, code: 'unknownMedium', params: { value: 'フロッピー' } },
      { line: 3, code: 'extraColumns', params: { columns: 8, maximum: 6 } },
    ]);
    assert.equal(parsed.rows.length, 3);
    const result = validateRenewalRequest(draft(parsed.rows.map((each) => each.row)), RULES);
    assert.deepEqual(issuesOf(result), [
      ['rows.0.medium', 'required'],
      ['rows.1.currentExpiry', 'dateInvalid'],
      ['rows.1.medium', 'required'],
      ['rows.2.medium', 'required'],
    ]);
  });

  it('never throws on any text, and keeps one row per non-blank line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom(...'ab1１/年\t, "'), maxLength: 6 }), { maxLength: 5 }), { maxLength: 8 }), (lines) => {
        const text = lines.map((cells) => cells.join('\t')).join('\n');
        const parsed = parseExpiringList(text);
        assert.ok(parsed.rows.length <= lines.length + 1);
      }),
      { numRuns: 300 },
    );
  });

  // How long it takes is a bench figure (scripts/bench/renewal.mjs), not a timed test.
  it('reads and validates a 500-row paste, every row accepted', () => {
    const text = Array.from({ length: 500 }, (_, index) => `gw${index}.example.jp\t${10000 + index}\t2027/5/${(index % 28) + 1}\t令和9年5月1日\tダウンロード\tra${index}@example.co.jp`).join('\n');
    const parsed = parseExpiringList(text);
    assert.equal(parsed.rows.length, 500);
    const result = validateRenewalRequest(draft(parsed.rows.map((each) => each.row)), RULES);
    assert.ok(result.ok);
    for (const each of parsed.rows) assert.ok(Array.isArray(renewalRowCautions(each.row, TODAY)));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, addMonths, tokyoToday } from '../../src/domain/dates.js';
import {
  certificateIssueDateCheck,
  earliestCertificateIssueDate,
  requiredPaperDocuments,
  type PaperSelection,
} from '../../src/domain/paper-documents.js';

describe('★ certificates: issued within 3 calendar months of the reference date', () => {
  const earliest: Array<[reference: string, earliest: string]> = [
    ['2027-05-31', '2027-02-28'],
    ['2028-05-31', '2028-02-29'],
    ['2027-05-30', '2027-02-28'],
    ['2027-05-29', '2027-02-28'],
    ['2027-05-28', '2027-02-28'],
    ['2027-05-27', '2027-02-27'],
    ['2027-06-30', '2027-03-30'],
    ['2027-07-31', '2027-04-30'],
    ['2027-03-31', '2026-12-31'],
    ['2027-01-15', '2026-10-15'],
  ];
  for (const [reference, first] of earliest) {
    it(`on ${reference} the earliest issue date is ${first}`, () => assert.equal(earliestCertificateIssueDate(reference), first));
  }

  const verdicts: Array<[behaviour: string, issued: string, reference: string, verdict: string]> = [
    ['issued on the reference date', '2027-05-31', '2027-05-31', 'ok'],
    ['issued on the earliest day (month end clamped)', '2027-02-28', '2027-05-31', 'ok'],
    ['issued the day before the earliest', '2027-02-27', '2027-05-31', 'issueDateTooOld'],
    ['the leap day is the earliest in a leap year', '2028-02-29', '2028-05-31', 'ok'],
    ['the day before the leap day is too old', '2028-02-28', '2028-05-31', 'issueDateTooOld'],
    ['issued tomorrow', '2027-06-01', '2027-05-31', 'issueDateInFuture'],
    ['across the year end', '2026-12-31', '2027-03-31', 'ok'],
    ['across the year end, one day too old', '2026-12-30', '2027-03-31', 'issueDateTooOld'],
  ];
  for (const [behaviour, issued, reference, verdict] of verdicts) {
    it(`${behaviour}: ${verdict}`, () => {
      const result = certificateIssueDateCheck(issued, reference);
      assert.equal(result.ok ? 'ok' : result.code, verdict);
    });
  }

  it('names the earliest and the reference date in a refusal', () => {
    assert.deepEqual(certificateIssueDateCheck('2027-01-01', '2027-05-31'), {
      ok: false,
      code: 'issueDateTooOld',
      params: { earliest: '2027-02-28', reference: '2027-05-31' },
    });
  });

  it('the reference date today is the day in Japan: at 15:00 UTC the window moves on', () => {
    const beforeMidnight = tokyoToday(new Date('2027-05-31T14:59:59Z'));
    const afterMidnight = tokyoToday(new Date('2027-05-31T15:00:00Z'));
    assert.equal(certificateIssueDateCheck('2027-02-28', beforeMidnight).ok, true);
    assert.equal(certificateIssueDateCheck('2027-02-28', afterMidnight).ok, false);
  });

  it('accepts exactly the days from the earliest to the reference (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -120, max: 5 }), (instant, offset) => {
        const reference = instant.toISOString().slice(0, 10);
        const issued = addDays(reference, offset);
        const expected = issued <= reference && issued >= addMonths(reference, -3);
        assert.equal(certificateIssueDateCheck(issued, reference).ok, expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the service → forms and documents matrix (申請書類一式)', () => {
  const counts = (selection: PaperSelection) =>
    Object.fromEntries(requiredPaperDocuments(selection).map((document) => [document.id, document.count]));

  const examples: Array<[behaviour: string, selection: PaperSelection, expected: Record<string, number>]> = [
    ['nothing chosen, nothing to send', { services: [], certificateApplicants: 0, userIdApplicants: 0 }, {}],
    [
      'CECTRUST 電子契約 alone: 様式1, 4, 6 and the two company certificates',
      { services: ['cectrustContract'], certificateApplicants: 0, userIdApplicants: 2 },
      { form1: 1, form4: 1, form6: 2, commercialRegistration: 1, corporateSealCertificate: 1 },
    ],
    [
      'both services: numbers 1–10, personal certificates per 様式5 applicant',
      { services: ['cectrustContract', 'cecsign'], certificateApplicants: 3, userIdApplicants: 1 },
      {
        form1: 1, form2: 1, form3: 1, form4: 1, form5: 3, form6: 1,
        commercialRegistration: 1, corporateSealCertificate: 1, residentRecord: 3, personalSealCertificate: 3,
      },
    ],
    [
      'several CECTRUST services still send one 様式1 and one of each company certificate',
      { services: ['cectrustContract', 'cectrustArchive'], certificateApplicants: 0, userIdApplicants: 1 },
      { form1: 1, form4: 1, form6: 1, commercialRegistration: 1, corporateSealCertificate: 1 },
    ],
    [
      'a 提携電子証明書 instead of CECSIGN asks for nothing of CECSIGN’s',
      { services: ['cectrustContract', 'partnerCertificate'], certificateApplicants: 2, userIdApplicants: 1 },
      { form1: 1, form4: 1, form6: 1, commercialRegistration: 1, corporateSealCertificate: 1 },
    ],
    [
      'CECSIGN alone: no 様式6',
      { services: ['cecsign'], certificateApplicants: 1, userIdApplicants: 0 },
      { form1: 1, form2: 1, form3: 1, form4: 1, form5: 1, commercialRegistration: 1, corporateSealCertificate: 1, residentRecord: 1, personalSealCertificate: 1 },
    ],
  ];
  for (const [behaviour, selection, expected] of examples) {
    it(behaviour, () => assert.deepEqual(counts(selection), expected));
  }

  it('numbers documents as the seed’s table does and marks ★ certificates as originals only', () => {
    const documents = requiredPaperDocuments({ services: ['cectrustContract', 'cecsign'], certificateApplicants: 1, userIdApplicants: 1 });
    assert.deepEqual(documents.map((document) => document.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(documents.filter((document) => document.originalOnly).map((document) => document.number), [7, 8, 9, 10]);
    assert.ok(documents.every((document) => document.kind === (document.number <= 6 ? 'form' : 'publicCertificate')));
  });
});

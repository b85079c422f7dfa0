import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  certificateKeys,
  paperChecklist,
  validatePaperApplication,
  type PaperApplication,
} from '../../src/domain/paper-application.js';
import { tokyoToday } from '../../src/domain/dates.js';

const TODAY = '2027-05-31';

const person = {
  name: '山田 太郎',
  nameKana: 'ヤマダ タロウ',
  address: '東京都港区新橋2-6-2',
  phone: '03-3595-4605',
  email: 'yamada@example.co.jp',
};

/** A complete application for CECTRUST 電子契約 + CECSIGN with one applicant of each kind. */
function application(overrides: Partial<Record<keyof PaperApplication, unknown>> = {}): Record<string, unknown> {
  return {
    services: ['cectrustContract', 'cecsign'],
    company: { corporateNumber: '7000012050002', name: '株式会社サンプル建設', nameKana: 'サンプルケンセツ', address: '東京都港区新橋2-6-2', representative: '代表 花子' },
    contact: person,
    billingSameAsContact: true,
    userIdApplicants: [{ name: '契約 一郎', nameKana: 'ケイヤク イチロウ', department: '工事部', phone: '0335954605', email: 'keiyaku@example.co.jp' }],
    certificateApplicants: [{ name: '署名 次郎', nameKana: 'ショメイ ジロウ', residentAddress: '東京都品川区1-1-1', phone: '09012345678', email: 'shomei@example.co.jp' }],
    eTokenCount: 1,
    issueDates: {},
    locale: 'ja',
    ...overrides,
  };
}

const codesOf = (input: unknown, today = TODAY) => {
  const result = validatePaperApplication(input, today);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`);
};

describe('paper application: the schema', () => {
  const cases: Array<[behaviour: string, input: Record<string, unknown>, codes: string[]]> = [
    ['accepts a complete CECTRUST + CECSIGN application', application(), []],
    ['accepts CECTRUST with a 提携電子証明書 (no certificate applicants, no eToken)', application({ services: ['cectrustContract', 'partnerCertificate'], certificateApplicants: [], eTokenCount: undefined }), []],
    ['accepts 原本保管 alone', application({ services: ['cectrustArchive'], certificateApplicants: [], eTokenCount: undefined }), []],
    ['refuses no service', application({ services: [], userIdApplicants: [], certificateApplicants: [], eTokenCount: undefined }), ['services:servicesRequired']],
    ['refuses CECSIGN together with a 提携電子証明書', application({ services: ['cectrustContract', 'cecsign', 'partnerCertificate'] }), ['services:servicesCertificateConflict']],
    ['refuses a 提携電子証明書 without CECTRUST', application({ services: ['partnerCertificate'], userIdApplicants: [], certificateApplicants: [], eTokenCount: undefined }), ['services:partnerCertificateNeedsCectrust']],
    ['refuses a wrong check digit of the 法人番号', application({ company: { ...(application().company as object), corporateNumber: '8000012050002' } }), ['company.corporateNumber:corporateNumberCheckDigit']],
    ['asks for the 請求担当者 when not the same as the 連絡担当者', application({ billingSameAsContact: false }), ['billing.name:required']],
    ['checks a separate 請求担当者 with STEP 3 rules', application({ billingSameAsContact: false, billing: { ...person, phone: '033954610' } }), ['billing.phone:phone']],
    ['asks for a ユーザＩＤ applicant with CECTRUST', application({ userIdApplicants: [] }), ['userIdApplicants:applicantRequired']],
    ['asks for the department of a ユーザＩＤ applicant', application({ userIdApplicants: [{ ...person, department: ' ' }] }), ['userIdApplicants.0.department:required']],
    ['asks for a certificate applicant with CECSIGN', application({ certificateApplicants: [] }), ['certificateApplicants:applicantRequired']],
    ['refuses certificate applicants without CECSIGN', application({ services: ['cectrustContract'], eTokenCount: undefined }), ['certificateApplicants:invalid']],
    ['asks for the eToken count with CECSIGN', application({ eTokenCount: undefined }), ['eTokenCount:required']],
    ['refuses a fractional or excessive eToken count', application({ eTokenCount: 100 }), ['eTokenCount:eTokenCount']],
    ['reads a typed issue date (和暦, full width)', application({ issueDates: { commercialRegistration: '令和９年５月１日' } }), []],
    ['refuses a day that does not exist', application({ issueDates: { commercialRegistration: '2027/2/30' } }), ['issueDates.commercialRegistration:dateInvalid']],
    ['refuses an issue date of a certificate not asked for', application({ issueDates: { 'residentRecord-3': '2027-05-01' } }), ['issueDates.residentRecord-3:invalid']],
    ['refuses an issue date older than 3 months', application({ issueDates: { corporateSealCertificate: '2027-02-27' } }), ['issueDates.corporateSealCertificate:issueDateTooOld']],
    ['accepts the month-end earliest day (5/31 → 2/28)', application({ issueDates: { corporateSealCertificate: '2027-02-28' } }), []],
    ['refuses an issue date after the reference date', application({ issueDates: { 'residentRecord-0': '2027-06-01' } }), ['issueDates.residentRecord-0:issueDateInFuture']],
    ['measures from the posting day when given', application({ postingDate: '2027-06-10', issueDates: { commercialRegistration: '2027-03-09' } }), ['issueDates.commercialRegistration:issueDateTooOld']],
    ['refuses a posting day in the past', application({ postingDate: '2027-05-30' }), ['postingDate:postingDateInPast']],
  ];
  for (const [behaviour, input, codes] of cases) {
    it(behaviour, () => assert.deepEqual(codesOf(input), codes));
  }

  it('reports the services and eToken rules even while other sections are incomplete (each step hears its own)', () => {
    const codes = codesOf({ ...application({ services: ['cecsign', 'partnerCertificate'], eTokenCount: undefined }), company: {} });
    assert.ok(codes.includes('services:servicesCertificateConflict'), codes.join());
    assert.ok(codes.includes('eTokenCount:required'), codes.join());
  });

  it('normalises what it stores: digits, kana, dates', () => {
    const result = validatePaperApplication(application({ issueDates: { commercialRegistration: 'R9.5.1' } }), TODAY);
    assert.ok(result.ok);
    assert.equal(result.value.contact.phone, '0335954605');
    assert.equal(result.value.issueDates.commercialRegistration, '2027-05-01');
  });
});

describe('paper application: the checklist', () => {
  it('lists 1–10 for both services, per applicant, and the verdict of each ★ certificate', () => {
    const checklist = paperChecklist(
      {
        services: ['cectrustContract', 'cecsign'],
        certificateApplicants: [{}, {}],
        userIdApplicants: [{}],
        issueDates: { commercialRegistration: '2027-02-28', corporateSealCertificate: '2027-02-27', 'residentRecord-1': '2027-06-01' },
      },
      TODAY,
    );
    assert.equal(checklist.reference, TODAY);
    assert.equal(checklist.earliest, '2027-02-28');
    assert.deepEqual(
      checklist.entries.map((entry) => `${entry.number}×${entry.count}`),
      ['1×1', '2×1', '3×1', '4×1', '5×2', '6×1', '7×1', '8×1', '9×2', '10×2'],
    );
    const verdicts = Object.fromEntries(checklist.entries.flatMap((entry) => entry.certificates.map((each) => [each.key, each.verdict])));
    assert.deepEqual(verdicts, {
      commercialRegistration: 'ok',
      corporateSealCertificate: 'issueDateTooOld',
      'residentRecord-0': 'missing',
      'residentRecord-1': 'issueDateInFuture',
      'personalSealCertificate-0': 'missing',
      'personalSealCertificate-1': 'missing',
    });
    assert.equal(checklist.complete, false);
  });

  const references: Array<[behaviour: string, services: string[], postingDate: string | undefined, today: string, reference: string, earliest: string]> = [
    ['today when no posting day is given', ['cectrustContract'], undefined, '2027-05-31', '2027-05-31', '2027-02-28'],
    ['the posting day when given (leap year)', ['cectrustContract'], '2028-05-31', '2028-05-01', '2028-05-31', '2028-02-29'],
  ];
  for (const [behaviour, services, postingDate, today, reference, earliest] of references) {
    it(`measures from ${behaviour}`, () => {
      const checklist = paperChecklist({ services: services as never, certificateApplicants: [], userIdApplicants: [{}], issueDates: {}, ...(postingDate ? { postingDate } : {}) }, today);
      assert.deepEqual([checklist.reference, checklist.earliest], [reference, earliest]);
    });
  }

  it('takes "today" in Japan time: 00:30 on 1 June in Tokyo is still 31 May in UTC', () => {
    const today = tokyoToday(new Date('2027-05-31T15:30:00Z'));
    const checklist = paperChecklist({ services: ['cectrustArchive'], certificateApplicants: [], userIdApplicants: [{}], issueDates: { commercialRegistration: '2027-03-01' } }, today);
    assert.equal(checklist.reference, '2027-06-01');
    assert.equal(checklist.entries.find((entry) => entry.id === 'commercialRegistration')!.certificates[0]!.verdict, 'ok');
    assert.equal(paperChecklist({ services: ['cectrustArchive'], certificateApplicants: [], userIdApplicants: [{}], issueDates: { commercialRegistration: '2027-02-28' } }, today).complete, false);
  });

  it('has no ★ certificate of CECSIGN for a 提携電子証明書, and nothing without a service', () => {
    assert.deepEqual(certificateKeys(['cectrustContract', 'partnerCertificate'], 2), ['commercialRegistration', 'corporateSealCertificate']);
    assert.deepEqual(certificateKeys(['partnerCertificate'], 0), []);
  });
});

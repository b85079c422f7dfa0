/**
 * The paper application of CECTRUST + CECSIGN (seed `cectrust-cecsign-paper-application.ja.txt`): which
 * forms (様式1–6) and which public certificates (★) the services chosen call for, and the rule for a
 * ★ certificate's issue date: 「発行日より３ヶ月以内のもの」.
 */
import { addMonths, type IsoDate } from './dates.js';

/** Months a ★ public certificate stays acceptable after its issue date. */
export const PUBLIC_CERTIFICATE_VALID_MONTHS = 3;

/** Why a ★ certificate's issue date is refused. */
export type CertificateIssueDateCode = 'issueDateInFuture' | 'issueDateTooOld';

/** The verdict on an issue date: fine, or a code with the dates its message names. */
export type CertificateIssueDateResult =
  | { ok: true }
  | { ok: false; code: CertificateIssueDateCode; params: { earliest: IsoDate; reference: IsoDate } };

/**
 * The earliest issue date accepted on `reference`: three calendar months earlier, the same day of the
 * month, or that month's last day when it has no such day — reference 5/31 → earliest 2/28 (2/29 in a
 * leap year); 5/30, 5/29 and 5/28 → 2/28 as well.
 *
 * @example
 * earliestCertificateIssueDate('2027-05-31') // '2027-02-28'
 */
export function earliestCertificateIssueDate(reference: IsoDate): IsoDate {
  return addMonths(reference, -PUBLIC_CERTIFICATE_VALID_MONTHS);
}

/**
 * Whether a ★ certificate issued on `issueDate` is within three calendar months on `reference`, both days
 * included, and not issued after it. The reference date is the day the documents are posted (簡易書留),
 * in Japan time; a form that does not ask for it uses today (`tokyoToday()`) and says so on screen.
 *
 * @example
 * certificateIssueDateCheck('2027-02-28', '2027-05-31') // { ok: true }
 * certificateIssueDateCheck('2027-02-27', '2027-05-31') // { ok: false, code: 'issueDateTooOld', params: { earliest: '2027-02-28', reference: '2027-05-31' } }
 */
export function certificateIssueDateCheck(issueDate: IsoDate, reference: IsoDate): CertificateIssueDateResult {
  const earliest = earliestCertificateIssueDate(reference);
  if (issueDate > reference) return { ok: false, code: 'issueDateInFuture', params: { earliest, reference } };
  if (issueDate < earliest) return { ok: false, code: 'issueDateTooOld', params: { earliest, reference } };
  return { ok: true };
}

// ── the service → forms and documents matrix (申請書類一式, numbers 1–10) ─────────────────────────

/**
 * Services of the paper application: CECTRUST 電子契約サービス, CECTRUST 原本保管サービス, CECSIGN 認証サービス,
 * or a 提携電子証明書 (a partner's certificate) used instead of CECSIGN.
 */
export const PAPER_SERVICES = ['cectrustContract', 'cectrustArchive', 'cecsign', 'partnerCertificate'] as const;
export type PaperService = (typeof PAPER_SERVICES)[number];

/** The documents of 申請書類一式, in the seed's numbering (1–6 forms, 7–10 ★ public certificates). */
export const PAPER_DOCUMENTS = [
  'form1',
  'form2',
  'form3',
  'form4',
  'form5',
  'form6',
  'commercialRegistration',
  'corporateSealCertificate',
  'residentRecord',
  'personalSealCertificate',
] as const;
export type PaperDocumentId = (typeof PAPER_DOCUMENTS)[number];

/** A document to send, and how many. */
export interface RequiredPaperDocument {
  id: PaperDocumentId;
  /** Its number in the seed's table (1–10). */
  number: number;
  kind: 'form' | 'publicCertificate';
  count: number;
  /** ★ certificates: originals only (「コピー不可」), issued within three months. */
  originalOnly: boolean;
}

/** What the matrix needs to know. */
export interface PaperSelection {
  services: readonly PaperService[];
  /** 様式5 applicants (one electronic certificate each). */
  certificateApplicants: number;
  /** 様式6 ユーザＩＤ applicants. */
  userIdApplicants: number;
}

/** Who needs a document: the CECTRUST services, CECSIGN, either (●●), and how many come per applicant. */
const MATRIX: ReadonlyArray<{ id: PaperDocumentId; for: 'any' | 'cectrust' | 'cecsign'; per?: 'certificateApplicant' | 'userIdApplicant' }> = [
  { id: 'form1', for: 'any' },
  { id: 'form2', for: 'cecsign' },
  { id: 'form3', for: 'cecsign' },
  { id: 'form4', for: 'any' },
  { id: 'form5', for: 'cecsign', per: 'certificateApplicant' },
  { id: 'form6', for: 'cectrust', per: 'userIdApplicant' },
  { id: 'commercialRegistration', for: 'any' },
  { id: 'corporateSealCertificate', for: 'any' },
  { id: 'residentRecord', for: 'cecsign', per: 'certificateApplicant' },
  { id: 'personalSealCertificate', for: 'cecsign', per: 'certificateApplicant' },
];

/**
 * The forms and ★ certificates to send for the services chosen (申請書類一式): 様式1 and 様式4 and one each
 * of 登記事項証明書 and 印鑑証明書 whatever the services (「複数サービスを申し込む場合でも提出は 1 枚」);
 * 様式6 per ユーザＩＤ applicant for CECTRUST; for CECSIGN 様式2, 様式3, and per 様式5 applicant a 様式5,
 * a 住民票 and a 個人の印鑑登録証明書. A 提携電子証明書 instead of CECSIGN asks for nothing of CECSIGN's.
 * Nothing chosen, nothing to send.
 *
 * @example
 * requiredPaperDocuments({ services: ['cectrustContract', 'cecsign'], certificateApplicants: 2, userIdApplicants: 1 })
 * // form1 ×1, form2 ×1, form3 ×1, form4 ×1, form5 ×2, form6 ×1, commercialRegistration ×1, corporateSealCertificate ×1, residentRecord ×2, personalSealCertificate ×2
 */
export function requiredPaperDocuments(selection: PaperSelection): RequiredPaperDocument[] {
  const cectrust = selection.services.includes('cectrustContract') || selection.services.includes('cectrustArchive');
  const cecsign = selection.services.includes('cecsign');
  if (!cectrust && !cecsign) return [];
  const applies = { any: true, cectrust, cecsign };
  const perApplicant = {
    certificateApplicant: Math.max(1, selection.certificateApplicants),
    userIdApplicant: Math.max(1, selection.userIdApplicants),
  };
  return MATRIX.filter((entry) => applies[entry.for]).map((entry) => {
    const kind = entry.id.startsWith('form') ? 'form' : 'publicCertificate';
    return {
      id: entry.id,
      number: PAPER_DOCUMENTS.indexOf(entry.id) + 1,
      kind,
      count: entry.per ? perApplicant[entry.per] : 1,
      originalOnly: kind === 'publicCertificate',
    };
  });
}

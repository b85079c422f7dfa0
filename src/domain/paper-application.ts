/**
 * The paper application of CECTRUST + CECSIGN as one JSON document (seed
 * `cectrust-cecsign-paper-application.ja.txt`): the services chosen, the company of 様式1, the two
 * contacts of 様式4, the ユーザＩＤ applicants of 様式6, the certificate applicants of 様式5 (and 様式3's
 * eToken order), and the issue dates of the ★ public certificates with the day they are posted. The
 * `<cec-paper-application>` element validates its draft with it, the mock backend and the reference
 * server validate `POST {endpoint}/paper-applications` with it. Messages are codes, as in `schemas.ts`.
 */
import * as z from 'zod/mini';
import { isIsoDate, parseTypedDate, type IsoDate } from './dates.js';
import {
  certificateIssueDateCheck,
  earliestCertificateIssueDate,
  PAPER_SERVICES,
  requiredPaperDocuments,
  type PaperService,
  type RequiredPaperDocument,
} from './paper-documents.js';
import { adminUserSchema, companySchema, localeSchema, requiredText } from './schemas.js';
import { validateSection, type FieldIssue, type SectionResult } from './validation.js';

/** Most applicants of one kind on one application; the seed names no limit, this keeps abuse out. */
export const MAX_PAPER_APPLICANTS = 50;
/** Most eTokens on one 様式3 order. */
export const MAX_ETOKENS = 99;

const CECTRUST_SERVICES: readonly PaperService[] = ['cectrustContract', 'cectrustArchive'];

/** Whether a CECTRUST service (電子契約 or 原本保管) is chosen: 様式6 and the ユーザＩＤ applicants are then asked for. */
export const choosesCectrust = (services: readonly PaperService[]) => services.some((service) => CECTRUST_SERVICES.includes(service));
/** Whether CECSIGN is chosen: 様式2, 様式3, 様式5 and the certificate applicants are then asked for. */
export const choosesCecsign = (services: readonly PaperService[]) => services.includes('cecsign');

/** The 法人 fields of STEP 2 (法人番号 with its check digit, 企業名, カナ, 住所, 代表者): 様式1. */
const corporation = companySchema.def.options[0].shape;
export const paperCompanySchema = z.object({
  corporateNumber: corporation.corporateNumber,
  name: corporation.name,
  nameKana: corporation.nameKana,
  address: corporation.address,
  representative: corporation.representative,
});

/** A person of 様式4 (連絡担当者, 請求担当者): STEP 3's rules (氏名, カナ, 所属, 役職, 住所, TEL, メール). */
export const paperContactSchema = adminUserSchema;

const person = adminUserSchema.shape;

/** A ユーザＩＤ applicant of 様式6: the ID is used per contract department (「主に契約部署毎に使用します」). */
export const userIdApplicantSchema = z.object({
  name: person.name,
  nameKana: person.nameKana,
  department: requiredText(),
  title: person.title,
  phone: person.phone,
  email: person.email,
});

/**
 * A certificate applicant of 様式5 (one per person; listed on 様式3): the 承認通知書 goes by 本人限定受取郵便 to
 * the address on their 住民票, the ダウンロードPIN by mail to `email`.
 */
export const certificateApplicantSchema = z.object({
  name: person.name,
  nameKana: person.nameKana,
  department: person.department,
  title: person.title,
  residentAddress: person.address,
  phone: person.phone,
  email: person.email,
});

/** A day typed as people in Japan type it (2027/4/1, 令和9年4月1日), stored as `YYYY-MM-DD`; the parse's code when it is no day. */
const typedDate = requiredText().check(
  z.overwrite((input: string) => {
    const read = parseTypedDate(input);
    return read.ok ? read.date : input.trim();
  }),
  z.superRefine((value: string, context) => {
    if (isIsoDate(value)) return;
    const read = parseTypedDate(value);
    context.issues.push({ code: 'custom', message: read.ok ? 'dateFormat' : read.code, input: value });
  }),
);

/**
 * The keys of the ★ certificates' issue dates: one each for the company, one per certificate applicant.
 *
 * @example
 * certificateKeys(['cecsign'], 2) // ['commercialRegistration', 'corporateSealCertificate', 'residentRecord-0', 'personalSealCertificate-0', 'residentRecord-1', 'personalSealCertificate-1']
 */
export function certificateKeys(services: readonly PaperService[], certificateApplicants: number): string[] {
  if (!choosesCectrust(services) && !choosesCecsign(services)) return [];
  const keys = ['commercialRegistration', 'corporateSealCertificate'];
  if (!choosesCecsign(services)) return keys;
  for (let index = 0; index < certificateApplicants; index += 1) keys.push(`residentRecord-${index}`, `personalSealCertificate-${index}`);
  return keys;
}

/**
 * The whole paper application (`POST {endpoint}/paper-applications`). Arrays of a service not chosen are
 * empty; `eTokenCount` only with CECSIGN; `issueDates` keyed by `certificateKeys` (a certificate not yet
 * ordered has no date); `postingDate` is the day the documents go by 簡易書留 — the 3-month rule's
 * reference date (today in Japan time when absent).
 */
export const paperApplicationSchema = z
  .object({
    services: z.array(z.enum(PAPER_SERVICES, { error: 'invalid' })).check(
      z.superRefine((services, context) => {
        const issue = (message: string) => context.issues.push({ code: 'custom', message, input: services });
        const partner = services.includes('partnerCertificate');
        // 「電子証明書の発行には「CECSIGN®」のお申込が必須」; a 提携電子証明書 is instead of CECSIGN, for CECTRUST.
        if (partner && choosesCecsign(services)) issue('servicesCertificateConflict');
        else if (partner && !choosesCectrust(services)) issue('partnerCertificateNeedsCectrust');
        else if (!choosesCectrust(services) && !choosesCecsign(services)) issue('servicesRequired');
      }),
    ),
    company: paperCompanySchema,
    contact: paperContactSchema,
    billingSameAsContact: z.boolean(),
    billing: z.optional(paperContactSchema),
    userIdApplicants: z.array(userIdApplicantSchema).check(z.maxLength(MAX_PAPER_APPLICANTS, { error: 'tooMany' })),
    certificateApplicants: z.array(certificateApplicantSchema).check(z.maxLength(MAX_PAPER_APPLICANTS, { error: 'tooMany' })),
    eTokenCount: z.optional(z.number({ error: 'eTokenCount' }).check(z.int({ error: 'eTokenCount' }), z.minimum(0, { error: 'eTokenCount' }), z.maximum(MAX_ETOKENS, { error: 'eTokenCount' }))),
    postingDate: z.optional(typedDate),
    issueDates: z.record(z.string(), typedDate),
    locale: localeSchema,
  })
  .check(
    z.superRefine((value, context) => {
      const issue = (path: PropertyKey[], message: string) => context.issues.push({ code: 'custom', message, path, input: value });
      const list = (items: unknown) => (Array.isArray(items) ? items : []);
      const services = list(value.services).filter((service): service is PaperService => PAPER_SERVICES.includes(service));
      const cectrust = choosesCectrust(services);
      const cecsign = choosesCecsign(services);
      const userIdApplicants = list(value.userIdApplicants).length;
      const certificateApplicants = list(value.certificateApplicants).length;
      if (value.billingSameAsContact === false && !value.billing) issue(['billing', 'name'], 'required');
      if (cectrust && userIdApplicants === 0) issue(['userIdApplicants'], 'applicantRequired');
      if (!cectrust && userIdApplicants > 0) issue(['userIdApplicants'], 'invalid');
      if (cecsign && certificateApplicants === 0) issue(['certificateApplicants'], 'applicantRequired');
      if (!cecsign && certificateApplicants > 0) issue(['certificateApplicants'], 'invalid');
      if (cecsign && value.eTokenCount === undefined) issue(['eTokenCount'], 'required');
      const keys = certificateKeys(services, certificateApplicants);
      const issueDates = value.issueDates && typeof value.issueDates === 'object' ? value.issueDates : {};
      for (const key of Object.keys(issueDates)) if (!keys.includes(key)) issue(['issueDates', key], 'invalid');
    }, {
      // Run even when another section failed: each step of the element hears about its own rules at once.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );

export type PaperApplication = z.infer<typeof paperApplicationSchema>;
export type PaperCompany = z.infer<typeof paperCompanySchema>;
export type PaperContact = z.infer<typeof paperContactSchema>;
export type UserIdApplicant = z.infer<typeof userIdApplicantSchema>;
export type CertificateApplicant = z.infer<typeof certificateApplicantSchema>;

/** `201` of `POST {endpoint}/paper-applications`: the number printed on every page, and when it was stored. */
export const paperReceiptSchema = z.object({
  referenceNumber: z.string().check(z.regex(/^P\d{10}$/)),
  acceptedAt: z.string(),
});
export type PaperReceipt = z.infer<typeof paperReceiptSchema>;

/** One ★ certificate to send: its key, whose it is, its issue date if known, and the 3-month verdict. */
export interface ChecklistCertificate {
  key: string;
  /** The 様式5 applicant (0-based) it belongs to; absent for the company's. */
  applicant?: number;
  issueDate?: IsoDate;
  /** `missing`: no date yet, to be ordered; else the rule's verdict. */
  verdict: 'missing' | 'ok' | 'issueDateTooOld' | 'issueDateInFuture';
}

/** A line of the checklist: a document of 申請書類一式 and, for a ★ certificate, each copy to send. */
export interface ChecklistEntry extends RequiredPaperDocument {
  certificates: ChecklistCertificate[];
}

/** The checklist of a paper application on its reference date. */
export interface PaperChecklist {
  reference: IsoDate;
  /** The earliest issue date a ★ certificate may carry on `reference`. */
  earliest: IsoDate;
  entries: ChecklistEntry[];
  /** Whether every ★ certificate has a date that passes the rule. */
  complete: boolean;
}

/**
 * The documents to send for the services and applicants, with each ★ certificate's verdict on the
 * reference date (`postingDate`, else `today` in Japan time): the one rule of `certificateIssueDateCheck`.
 *
 * @example
 * paperChecklist({ services: ['cecsign'], certificateApplicants: [applicant], userIdApplicants: [], issueDates: { commercialRegistration: '2027-03-01' } }, '2027-04-01')
 */
export function paperChecklist(
  application: Pick<PaperApplication, 'services' | 'issueDates' | 'postingDate'> & { certificateApplicants: readonly unknown[]; userIdApplicants: readonly unknown[] },
  today: IsoDate,
): PaperChecklist {
  const reference = application.postingDate && isIsoDate(application.postingDate) ? application.postingDate : today;
  const applicants = application.certificateApplicants.length;
  const keys = certificateKeys(application.services, applicants);
  const entries = requiredPaperDocuments({
    services: application.services,
    certificateApplicants: applicants,
    userIdApplicants: application.userIdApplicants.length,
  }).map((document): ChecklistEntry => {
    const certificates = keys
      .filter((key) => key === document.id || key.startsWith(`${document.id}-`))
      .map((key): ChecklistCertificate => {
        const issueDate = application.issueDates[key];
        const applicant = key.includes('-') ? Number(key.split('-')[1]) : undefined;
        const verdict = !issueDate || !isIsoDate(issueDate) ? 'missing' : checkVerdict(issueDate, reference);
        return { key, ...(applicant === undefined ? {} : { applicant }), ...(issueDate && isIsoDate(issueDate) ? { issueDate } : {}), verdict };
      });
    return { ...document, certificates };
  });
  const all = entries.flatMap((entry) => entry.certificates);
  return { reference, earliest: earliestCertificateIssueDate(reference), entries, complete: all.every((each) => each.verdict === 'ok') };
}

function checkVerdict(issueDate: IsoDate, reference: IsoDate): ChecklistCertificate['verdict'] {
  const result = certificateIssueDateCheck(issueDate, reference);
  return result.ok ? 'ok' : result.code;
}


/**
 * The date rules on their own, whatever else is wrong: the posting day not before `today` (Japan time),
 * each ★ issue date not after the reference date (the posting day, else today) and within three months
 * of it. Dates that do not read as days are left to the schema. Issues carry `earliest` / `reference`.
 *
 * @example
 * paperDateIssues({ issueDates: { commercialRegistration: '2027/2/27' } }, '2027-05-31')
 * // [{ path: ['issueDates', 'commercialRegistration'], code: 'issueDateTooOld', params: { earliest: '2027-02-28', reference: '2027-05-31' } }]
 */
export function paperDateIssues(input: { postingDate?: unknown; issueDates?: unknown }, today: IsoDate): FieldIssue[] {
  const read = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? parseTypedDate(value) : undefined);
  const issues: FieldIssue[] = [];
  const posting = read(input.postingDate);
  if (posting?.ok && posting.date < today) issues.push({ path: ['postingDate'], code: 'postingDateInPast', params: { today } });
  const reference = posting?.ok ? posting.date : today;
  const issueDates = input.issueDates && typeof input.issueDates === 'object' ? (input.issueDates as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(issueDates)) {
    const issueDate = read(value);
    if (!issueDate?.ok) continue;
    const verdict = certificateIssueDateCheck(issueDate.date, reference);
    if (!verdict.ok) issues.push({ path: ['issueDates', key], code: verdict.code, params: verdict.params });
  }
  return issues;
}

/**
 * Validates a paper application as the browser and the server both must: the schema, then the date
 * rules of `paperDateIssues` against `today` (Japan time).
 *
 * @example
 * const result = validatePaperApplication(body, tokyoToday());
 * if (!result.ok) result.issues // [{ path: ['issueDates', 'residentRecord-0'], code: 'issueDateTooOld', params: { earliest: '2027-01-01', reference: '2027-04-01' } }]
 */
export function validatePaperApplication(input: unknown, today: IsoDate): SectionResult<PaperApplication> {
  const result = validateSection(paperApplicationSchema, input);
  if (!result.ok) return result;
  const issues = paperDateIssues(result.value, today);
  return issues.length > 0 ? { ok: false, issues } : result;
}

/**
 * The paper application as typed (the draft), its steps, and the step of each field: what
 * `<cec-paper-application>` keeps, validates step by step and turns into the JSON of
 * `paperApplicationSchema`. A field is named by its path joined with `-` (`certificateApplicants-1-email`),
 * which is also its id in the shadow root (`field-…`) and its key in the step's `FormState`.
 */
import { FIELD_NORMALISERS, trimmed, type FieldIssue, type Locale } from '../../domain/index.js';
import { isIsoDate, parseTypedDate } from '../../domain/dates.js';
import type { PaperService } from '../../domain/paper-documents.js';
import { choosesCecsign, choosesCectrust, paperApplicationSchema, paperDateIssues } from '../../domain/paper-application.js';
import { validateSection } from '../../domain/validation.js';
import type { FlowStep } from '../shared/wizard-controller.js';

/** A person as typed: 様式4's contacts, 様式6's and 様式5's applicants (each uses its own fields). */
export interface PersonDraft {
  name: string;
  nameKana: string;
  department: string;
  title: string;
  address: string;
  residentAddress: string;
  phone: string;
  email: string;
}

/** Everything typed so far. */
export interface PaperDraft {
  services: PaperService[];
  company: { corporateNumber: string; name: string; nameKana: string; address: string; representative: string };
  contact: PersonDraft;
  billingSameAsContact: boolean;
  billing: PersonDraft;
  userIdApplicants: PersonDraft[];
  certificateApplicants: PersonDraft[];
  eTokenCount: string;
  postingDate: string;
  /** Issue dates as typed, by certificate key (`commercialRegistration`, `residentRecord-0`, …). */
  issueDates: Record<string, string>;
}

export type PaperStepId = 'services' | 'company' | 'contacts' | 'userIds' | 'certificates' | 'checklist' | 'confirmation' | 'output';

/** A step of the paper application; `sections` are the top-level keys of the JSON it fills. */
export interface PaperStep extends FlowStep<PaperDraft> {
  id: PaperStepId;
  sections: readonly string[];
}

/** The steps, in order; 様式6 and 様式5 follow the services chosen. */
export const PAPER_STEPS: readonly PaperStep[] = [
  { id: 'services', sections: ['services'] },
  { id: 'company', sections: ['company'] },
  { id: 'contacts', sections: ['contact', 'billing', 'billingSameAsContact'] },
  { id: 'userIds', sections: ['userIdApplicants'], condition: (draft) => choosesCectrust(draft.services) },
  { id: 'certificates', sections: ['certificateApplicants', 'eTokenCount'], condition: (draft) => choosesCecsign(draft.services) },
  { id: 'checklist', sections: ['postingDate', 'issueDates'] },
  { id: 'confirmation', sections: [] },
  { id: 'output', sections: [], final: true },
];

/** Fields of each kind of person, in display order. */
export const PERSON_FIELDS = {
  contact: ['name', 'nameKana', 'department', 'title', 'address', 'phone', 'email'],
  userId: ['name', 'nameKana', 'department', 'title', 'phone', 'email'],
  certificate: ['name', 'nameKana', 'department', 'title', 'residentAddress', 'phone', 'email'],
} as const satisfies Record<string, ReadonlyArray<keyof PersonDraft>>;

export const COMPANY_FIELDS = ['corporateNumber', 'name', 'nameKana', 'address', 'representative'] as const;

export const emptyPerson = (): PersonDraft => ({ name: '', nameKana: '', department: '', title: '', address: '', residentAddress: '', phone: '', email: '' });

/**
 * A new draft: nothing chosen, one applicant of each kind ready, the 請求担当者 the same as the 連絡担当者.
 *
 * @example
 * const draft = emptyPaperDraft();
 */
export function emptyPaperDraft(): PaperDraft {
  return {
    services: [],
    company: { corporateNumber: '', name: '', nameKana: '', address: '', representative: '' },
    contact: emptyPerson(),
    billingSameAsContact: true,
    billing: emptyPerson(),
    userIdApplicants: [emptyPerson()],
    certificateApplicants: [emptyPerson()],
    eTokenCount: '1',
    postingDate: '',
    issueDates: {},
  };
}

/** The fields a person of `kind` sends. */
function personOf(person: PersonDraft, kind: keyof typeof PERSON_FIELDS): Record<string, string> {
  return Object.fromEntries(PERSON_FIELDS[kind].map((field) => [field, person[field]]));
}

/** The eToken count as a number: blank → absent, digits (full-width too) → the number, anything else → NaN (refused). */
function countOf(text: string): number | undefined {
  const digits = text.normalize('NFKC').trim();
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * The JSON to validate and send: only what the services chosen ask for, typed dates as typed (the schema
 * reads them), the 請求担当者 left out when the same as the 連絡担当者 (nothing typed is lost: the draft keeps it).
 *
 * @example
 * validateSection(paperApplicationSchema, applicationInput(draft, 'ja'))
 */
export function applicationInput(draft: PaperDraft, locale: Locale): Record<string, unknown> {
  const cectrust = choosesCectrust(draft.services);
  const cecsign = choosesCecsign(draft.services);
  const issueDates = Object.fromEntries(Object.entries(draft.issueDates).filter(([, typed]) => typed.trim() !== ''));
  return {
    services: draft.services,
    company: draft.company,
    contact: personOf(draft.contact, 'contact'),
    billingSameAsContact: draft.billingSameAsContact,
    ...(draft.billingSameAsContact ? {} : { billing: personOf(draft.billing, 'contact') }),
    userIdApplicants: cectrust ? draft.userIdApplicants.map((person) => personOf(person, 'userId')) : [],
    certificateApplicants: cecsign ? draft.certificateApplicants.map((person) => personOf(person, 'certificate')) : [],
    ...(cecsign ? { eTokenCount: countOf(draft.eTokenCount) } : {}),
    ...(draft.postingDate.trim() ? { postingDate: draft.postingDate } : {}),
    issueDates,
    locale,
  };
}

/** The field name of an issue: its path joined with `-`. */
export const fieldKey = (path: readonly string[]) => path.join('-');

/**
 * Every issue of the draft, schema and date rules, keyed by field name (`[fieldKey(path)]`), with the
 * top-level section they belong to.
 */
export function draftIssues(draft: PaperDraft, locale: Locale, today: string): Array<FieldIssue & { section: string }> {
  const input = applicationInput(draft, locale);
  const result = validateSection(paperApplicationSchema, input);
  const schemaIssues = result.ok ? [] : result.issues;
  return [...schemaIssues, ...paperDateIssues(input, today)].map((issue) => ({
    ...issue,
    section: issue.path[0] ?? '',
    path: [fieldKey(issue.path)],
  }));
}

/** The step a section's issue sends the user to. */
export function stepOfSection(section: string): PaperStep | undefined {
  return PAPER_STEPS.find((step) => step.sections.includes(section));
}

/**
 * The draft with `value` at the field `name` (`userIdApplicants-0-email`), the rest untouched.
 *
 * @example
 * withField(draft, 'company-name', '株式会社サンプル')
 */
export function withField(draft: PaperDraft, name: string, value: unknown): PaperDraft {
  const next = structuredClone(draft);
  const [section, ...rest] = name.split('-');
  if (section === 'issueDates') {
    next.issueDates[rest.join('-')] = String(value);
    return next;
  }
  let node = next as unknown as Record<string, unknown>;
  const path = [section!, ...rest];
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return next;
}

/** The text at the field `name`, as typed. */
export function fieldValue(draft: PaperDraft, name: string): string {
  const [section, ...rest] = name.split('-');
  if (section === 'issueDates') return draft.issueDates[rest.join('-')] ?? '';
  let node: unknown = draft;
  for (const segment of [section!, ...rest]) node = (node as Record<string, unknown> | undefined)?.[segment];
  return typeof node === 'string' ? node : '';
}

/** The normaliser of a field (full-width digits, kana, ㈱…), shown once the field is left. */
export function normaliserOf(name: string): (input: string) => string {
  const parts = name.split('-');
  const field = parts.at(-1)!;
  const table: Record<string, (input: string) => string> = parts[0] === 'company' ? FIELD_NORMALISERS.company : FIELD_NORMALISERS.adminUser;
  return table[field] ?? trimmed;
}

/** Issue dates typed as days (`YYYY-MM-DD`); the rest left out. */
export function readDates(issueDates: Record<string, string>): Record<string, string> {
  const read: Record<string, string> = {};
  for (const [key, typed] of Object.entries(issueDates)) {
    const result = typed.trim() ? parseTypedDate(typed) : undefined;
    if (result?.ok) read[key] = result.date;
  }
  return read;
}

/** The posting day as a day, if typed as one. */
export function readPostingDate(typed: string): string | undefined {
  const result = typed.trim() ? parseTypedDate(typed) : undefined;
  return result?.ok && isIsoDate(result.date) ? result.date : undefined;
}

/** What this tab keeps of an application: the draft, the step, and the reference number once stored. */
export interface KeptPaperDraft {
  value: PaperDraft;
  stepId: string;
  referenceNumber?: string;
}

/**
 * The application kept in this tab under `key` (session storage: a reload or Back into the page loses
 * nothing, closing the tab forgets it), if any and readable.
 *
 * @example
 * const kept = keptPaperDraft('cec-paper-application');
 */
export function keptPaperDraft(key: string): KeptPaperDraft | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(key) ?? 'null') as KeptPaperDraft | null;
    if (!kept || typeof kept.stepId !== 'string' || !kept.value || !Array.isArray(kept.value.services)) return undefined;
    return { ...kept, value: { ...emptyPaperDraft(), ...kept.value } };
  } catch {
    return undefined;
  }
}

/**
 * Keeps the application in this tab under `key`; storage that refuses (private mode, full) is ignored.
 *
 * @example
 * keepPaperDraft('cec-paper-application', { value: draft, stepId: 'company' });
 */
export function keepPaperDraft(key: string, kept: KeptPaperDraft): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // Nothing to do: the application still works, it is only not kept across a reload.
  }
}

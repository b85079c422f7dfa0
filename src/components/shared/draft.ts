import type { EntityKind, Locale } from '../../domain/index.js';

/** STEP 1 as typed: unchecked boxes are `false`. */
export interface TermsDraft {
  service?: boolean;
  certificate?: boolean;
}

/** STEP 2 as typed, before normalising; `document` is the chosen PDF (never persisted as JSON). */
export interface CompanyDraft {
  kind?: EntityKind;
  corporateNumber?: string;
  name?: string;
  nameKana?: string;
  address?: string;
  representative?: string;
  document?: File;
}

/** STEP 3 as typed. */
export interface AdminUserDraft {
  name?: string;
  nameKana?: string;
  department?: string;
  title?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** STEP 4 as typed; the Japanese company name is STEP 2's and not entered. */
export interface CertificateDraft {
  companyNameAlpha?: string;
  departmentJa?: string;
  departmentAlpha?: string;
  titleJa?: string;
  titleAlpha?: string;
}

/** Everything typed so far; `extensions` holds the values of steps a host added, by step id. */
export interface ApplicationDraft {
  terms: TermsDraft;
  company: CompanyDraft;
  adminUser: AdminUserDraft;
  certificate: CertificateDraft;
  extensions: Record<string, unknown>;
  locale?: Locale;
}

/** A draft with nothing typed: 法人 is the initial kind (application guide, STEP 2 ①). */
export function emptyDraft(): ApplicationDraft {
  return { terms: {}, company: { kind: 'corporation' }, adminUser: {}, certificate: {}, extensions: {} };
}

/** Sections of the draft a built-in step edits. */
export type SectionName = 'terms' | 'company' | 'adminUser' | 'certificate';

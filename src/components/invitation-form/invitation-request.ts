/**
 * From what the ordering company typed to the body of `POST {endpoint}/admin/invitations`, validated
 * with the admin schemas (the server runs the very same ones). Issues are keyed by the form's flat
 * field names, so one `FormState` shows them next to their fields, whoever found them.
 */
import {
  companySchema,
  createInvitationRequestSchema,
  ENTITY_KINDS,
  KINDS_WITH_CORPORATE_NUMBER,
  MAX_TEXT_LENGTH,
  validateSection,
  type CreateInvitationRequest,
  type EntityKind,
  type FieldIssue,
  type SectionResult,
} from '../../domain/index.js';

/** The invitation form as typed: one flat record, blank meaning "not given". */
export interface InvitationDraft {
  companyName?: string;
  contactName?: string;
  email?: string;
  /** 種類 to prefill; blank for none. */
  prefillKind?: EntityKind | '';
  prefillCorporateNumber?: string;
  prefillNameKana?: string;
  prefillAddress?: string;
  prefillRepresentative?: string;
  displayName?: string;
  logoUrl?: string;
  primaryColor?: string;
  /** Kinds ticked; all four (the default) means no restriction and sends nothing. */
  allowedKinds: EntityKind[];
}

/** The fields of the form in display order: the error summary lists them so. */
export const INVITATION_FIELDS = [
  'companyName',
  'contactName',
  'email',
  'prefillKind',
  'prefillCorporateNumber',
  'prefillNameKana',
  'prefillAddress',
  'prefillRepresentative',
  'displayName',
  'logoUrl',
  'primaryColor',
  'allowedKinds',
] as const;
export type InvitationField = (typeof INVITATION_FIELDS)[number];

/** Fields inside the collapsible prefill section. */
export const PREFILL_FIELDS: readonly InvitationField[] = [
  'prefillKind',
  'prefillCorporateNumber',
  'prefillNameKana',
  'prefillAddress',
  'prefillRepresentative',
];
/** Fields inside the collapsible branding section. */
export const BRANDING_FIELDS: readonly InvitationField[] = ['displayName', 'logoUrl', 'primaryColor'];

/** The prefill fields and the key each has in `prefill.company` (the wizard's STEP 2 draft). */
const PREFILL_COMPANY_KEYS = {
  prefillKind: 'kind',
  prefillCorporateNumber: 'corporateNumber',
  prefillNameKana: 'nameKana',
  prefillAddress: 'address',
  prefillRepresentative: 'representative',
} as const;

/** Longest value each text field takes (the schemas' limits), for messages that name the maximum. */
const MAXIMUM_LENGTH: Partial<Record<string, number>> = { email: 254, logoUrl: 2000 };

/**
 * A fresh draft: nothing typed, every kind allowed.
 *
 * @example
 * const draft = emptyInvitationDraft();
 */
export function emptyInvitationDraft(): InvitationDraft {
  return { allowedKinds: [...ENTITY_KINDS] };
}

/** Whether the corporate number applies: to 法人 and 自治体, or while no kind is chosen. */
export function prefillAsksCorporateNumber(draft: InvitationDraft): boolean {
  return !draft.prefillKind || KINDS_WITH_CORPORATE_NUMBER.includes(draft.prefillKind);
}

const filled = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Keys of `record` whose value is present. */
function present<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * The form field a request path points at: `['partner', 'email']` → `email`,
 * `['prefill', 'company', 'nameKana']` → `prefillNameKana`; `''` for a path the form has no field for.
 *
 * @example
 * fieldOfRequestPath(['branding', 'logoUrl']) // 'logoUrl'
 */
export function fieldOfRequestPath(path: readonly string[]): InvitationField | '' {
  const [section, key, subKey] = path;
  if ((section === 'partner' || section === 'branding') && key && (INVITATION_FIELDS as readonly string[]).includes(key)) {
    return key as InvitationField;
  }
  if (section === 'prefill' && key === 'company' && subKey) {
    const entry = Object.entries(PREFILL_COMPANY_KEYS).find(([, companyKey]) => companyKey === subKey);
    return entry ? (entry[0] as InvitationField) : '';
  }
  if (section === 'allowedKinds') return 'allowedKinds';
  return '';
}

/**
 * Issues on request paths (the server's `400 validation_failed`) as issues on the form's fields, with
 * the maximum a `tooLong` message names.
 *
 * @example
 * toFieldIssues([{ path: ['partner', 'email'], code: 'email' }]) // [{ path: ['email'], code: 'email' }]
 */
export function toFieldIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const field = fieldOfRequestPath(issue.path);
    const params = { ...issue.params };
    if (issue.code === 'tooLong' && params.maximum === undefined) params.maximum = MAXIMUM_LENGTH[field] ?? MAX_TEXT_LENGTH;
    return { path: [field], code: issue.code, params };
  });
}

/**
 * The request body for a draft, or the issues that stop it, keyed by form field. Blank optional fields
 * are left out; all four kinds ticked sends no `allowedKinds`. Prefilled company fields are checked as
 * the partner's STEP 2 will check them (a wrong 法人番号 would greet the partner with an error), and a
 * prefilled kind must be one the partner may choose.
 *
 * @example
 * const result = invitationRequestOf({ companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp', allowedKinds: [...ENTITY_KINDS] });
 * if (result.ok) await admin.createInvitation(result.value);
 */
export function invitationRequestOf(draft: InvitationDraft): SectionResult<CreateInvitationRequest> {
  const company = present({
    kind: draft.prefillKind || undefined,
    corporateNumber: prefillAsksCorporateNumber(draft) ? filled(draft.prefillCorporateNumber) : undefined,
    nameKana: filled(draft.prefillNameKana),
    address: filled(draft.prefillAddress),
    representative: filled(draft.prefillRepresentative),
  });
  const branding = present({
    displayName: filled(draft.displayName),
    logoUrl: filled(draft.logoUrl),
    primaryColor: filled(draft.primaryColor),
  });
  const allowedKinds = ENTITY_KINDS.filter((kind) => draft.allowedKinds.includes(kind));
  const request = {
    partner: { companyName: draft.companyName ?? '', contactName: draft.contactName ?? '', email: draft.email ?? '' },
    ...(Object.keys(company).length > 0 ? { prefill: { company } } : {}),
    ...(Object.keys(branding).length > 0 ? { branding } : {}),
    ...(allowedKinds.length > 0 && allowedKinds.length < ENTITY_KINDS.length ? { allowedKinds } : {}),
  };

  const result = validateSection(createInvitationRequestSchema, request);
  const issues = result.ok ? [] : toFieldIssues(result.issues);
  if (allowedKinds.length === 0) issues.push({ path: ['allowedKinds'], code: 'kindsRequired' });
  if (draft.prefillKind && allowedKinds.length > 0 && !allowedKinds.includes(draft.prefillKind)) {
    issues.push({ path: ['prefillKind'], code: 'kindNotAllowed' });
  }
  issues.push(...prefilledCompanyIssues(company));
  return issues.length === 0 && result.ok ? result : { ok: false, issues };
}

/** Issues STEP 2's schema finds in the prefilled company fields, on those fields only. */
function prefilledCompanyIssues(company: Partial<Record<string, string>>): FieldIssue[] {
  const given = Object.keys(company).filter((key) => key !== 'kind');
  if (given.length === 0) return [];
  const result = validateSection(companySchema, { kind: 'corporation', ...company });
  if (result.ok) return [];
  return toFieldIssues(
    result.issues
      .filter((issue) => given.includes(issue.path[0] ?? ''))
      .map((issue) => ({ ...issue, path: ['prefill', 'company', ...issue.path] })),
  );
}

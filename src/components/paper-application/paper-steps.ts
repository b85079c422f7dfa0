/**
 * What each step of `<cec-paper-application>` shows, as render functions of one `PaperStepView`: the
 * element owns the draft, the flow and the form states; these only turn them into fields.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { IsoDate } from '../../domain/dates.js';
import { PAPER_SERVICES, type PaperService } from '../../domain/paper-documents.js';
import type { ChecklistCertificate, PaperChecklist } from '../../domain/paper-application.js';
import type { Translate } from '../../i18n/i18n.js';
import { formatCalendarDate } from '../date-field/calendar-format.js';
import { errorLine, fieldId, marker, textField, type FieldContext } from '../shared/fields.js';
import { COMPANY_FIELDS, PERSON_FIELDS, type PaperDraft, type PaperStep, type PersonDraft } from './paper-draft.js';

/** Which list of applicants: 様式6 (ユーザＩＤ) or 様式5 (電子証明書). */
export type ApplicantKind = 'userId' | 'certificate';

/** What the steps read and call back. */
export interface PaperStepView {
  /** Screen words; `errors.<code>` of this element's own rules resolve to its own messages. */
  t: Translate;
  language: 'ja' | 'en';
  draft: PaperDraft;
  /** Field handling of the current step (issues shown per `FormState`). */
  context: FieldContext;
  /** The message to show for a field now, if any (for the controls `textField` does not draw). */
  messageOf(field: string, label: string): string | undefined;
  /** Whether the user pressed next on this step. */
  submitted: boolean;
  checklist: PaperChecklist;
  today: IsoDate;
  stepsInPlay: readonly PaperStep[];
  titleOf(step: PaperStep): string;
  onService(service: PaperService, chosen: boolean): void;
  onSameAsContact(same: boolean): void;
  onAdd(kind: ApplicantKind): void;
  onRemove(kind: ApplicantKind, index: number): void;
  onDate(field: string, typed: string): void;
  onEdit(step: PaperStep): void;
}

const p = (key: string) => `paperApplication.${key}`;

/** The label of a person's field (STEP 3's words, and 住民票記載の住所). */
export function personLabel(t: Translate, field: keyof PersonDraft): string {
  return field === 'residentAddress' ? t(p('certificates.residentAddress')) : t(`adminUser.${field}`);
}

/** The label of a company field (STEP 2's words): `companyLabel(t, 'name') // '企業名'`. */
export const companyLabel = (t: Translate, field: string) => t(`company.${field}`);

/** The title of the n-th applicant (1-based) of a kind, by name once typed. */
export function applicantTitle(t: Translate, kind: ApplicantKind, index: number, person?: PersonDraft): string {
  const numbered = t(p(kind === 'userId' ? 'userIds.applicant' : 'certificates.applicant'), { number: index + 1 });
  return person?.name.trim() ? `${numbered}（${person.name.trim()}）` : numbered;
}

// ── サービス選択 ────────────────────────────────────────────────────────────

/**
 * サービス選択: the four services with the seed's description of each, and why a choice is refused.
 *
 * @example
 * renderServices(this.view(step))
 */
export function renderServices(view: PaperStepView): TemplateResult {
  const { t } = view;
  const message = view.messageOf('services', t(p('services.legend')));
  return html`<p>${t(p('services.contractRequired'))}</p>
    <fieldset class="services" part="services" aria-describedby="field-services-error" aria-invalid=${message ? 'true' : 'false'}>
      <legend id=${fieldId('services')} tabindex="-1">${t(p('services.legend'))}${marker(t, true)}</legend>
      ${PAPER_SERVICES.map(
        (service) => html`<div class="choice">
          <input
            type="checkbox"
            id="service-${service}"
            .checked=${live(view.draft.services.includes(service))}
            aria-describedby="service-${service}-hint"
            @change=${(event: Event) => view.onService(service, (event.target as HTMLInputElement).checked)}
          />
          <label for="service-${service}">${t(p(`services.${service}`))}</label>
          <p class="hint" id="service-${service}-hint">${t(p(`services.${service}Hint`))}</p>
        </div>`,
      )}
      ${errorLine(t, 'field-services-error', message)}
    </fieldset>
    <p class="note">${t(p('services.ids'))}</p>`;
}

// ── 法人情報 (様式1) ─────────────────────────────────────────────────────────

/**
 * 法人情報 (様式1): the STEP 2 法人 fields.
 *
 * @example
 * renderCompany(this.view(step))
 */
export function renderCompany(view: PaperStepView): TemplateResult {
  const { t, draft, context } = view;
  const hints: Record<string, string> = {
    corporateNumber: t('company.corporateNumberHint'),
    name: t('company.nameHint'),
    nameKana: t('company.nameKanaHint'),
    address: t('company.addressHint'),
  };
  return html`${formAbout(t, 'form1')}
    ${COMPANY_FIELDS.map((field) =>
      textField(context, {
        name: `company-${field}`,
        label: companyLabel(t, field),
        value: draft.company[field],
        required: true,
        hint: hints[field],
        ...(field === 'corporateNumber' ? { inputmode: 'numeric' as const, autocomplete: 'off' } : {}),
        ...(field === 'name' ? { autocomplete: 'organization' } : {}),
      }),
    )}`;
}

function formAbout(t: Translate, form: string): TemplateResult {
  return html`<p class="form-name">${t(p(`forms.${form}`))}</p>
    <p class="hint">${t(p(`forms.${form}About`))}</p>`;
}

// ── 担当者 (様式4) ───────────────────────────────────────────────────────────

/** A person's fields under `prefix` (`contact`, `userIdApplicants-0`…). */
function personFields(view: PaperStepView, prefix: string, person: PersonDraft, fields: ReadonlyArray<keyof PersonDraft>, emailHint: string) {
  const { t } = view;
  const optional = new Set<keyof PersonDraft>(prefix.startsWith('userId') ? ['title'] : ['department', 'title']);
  const hints: Partial<Record<keyof PersonDraft, string>> = {
    nameKana: t('adminUser.nameKanaHint'),
    phone: t('adminUser.phoneHint'),
    email: emailHint,
    residentAddress: t(p('certificates.residentAddressHint')),
  };
  const types: Partial<Record<keyof PersonDraft, 'tel' | 'email'>> = { phone: 'tel', email: 'email' };
  return fields.map((field) =>
    textField(view.context, {
      name: `${prefix}-${field}`,
      label: personLabel(t, field),
      value: person[field],
      required: !optional.has(field),
      hint: hints[field],
      ...(types[field] ? { type: types[field], autocomplete: 'off' } : {}),
    }),
  );
}

/**
 * 担当者 (様式4): the 連絡担当者, and the 請求担当者 unless 「連絡担当者と同じ」 is ticked.
 *
 * @example
 * renderContacts(this.view(step))
 */
export function renderContacts(view: PaperStepView): TemplateResult {
  const { t, draft } = view;
  return html`${formAbout(t, 'form4')}
    <fieldset class="person" part="person">
      <legend>${t(p('contacts.contact'))}</legend>
      <p class="hint">${t(p('contacts.contactAbout'))}</p>
      ${personFields(view, 'contact', draft.contact, PERSON_FIELDS.contact, t(p('contacts.contactEmailHint')))}
    </fieldset>
    <fieldset class="person" part="person">
      <legend>${t(p('contacts.billing'))}</legend>
      <p class="hint">${t(p('contacts.billingAbout'))}</p>
      <div class="choice">
        <input
          type="checkbox"
          id="billing-same"
          .checked=${live(draft.billingSameAsContact)}
          @change=${(event: Event) => view.onSameAsContact((event.target as HTMLInputElement).checked)}
        />
        <label for="billing-same">${t(p('contacts.sameAsContact'))}</label>
      </div>
      ${draft.billingSameAsContact ? nothing : personFields(view, 'billing', draft.billing, PERSON_FIELDS.contact, '')}
    </fieldset>`;
}

// ── ユーザID申請者 (様式6), 電子証明書申請者 (様式5/様式3) ──────────────────────

/**
 * ユーザID申請者 (様式6) or 電子証明書申請者 (様式5/様式3, with the eToken count): one fieldset per applicant,
 * 追加 and 削除 buttons.
 *
 * @example
 * renderApplicants(this.view(step), 'certificate')
 */
export function renderApplicants(view: PaperStepView, kind: ApplicantKind): TemplateResult {
  const { t, draft } = view;
  const list = kind === 'userId' ? draft.userIdApplicants : draft.certificateApplicants;
  const section = kind === 'userId' ? 'userIdApplicants' : 'certificateApplicants';
  const emailHint = t(p(kind === 'userId' ? 'userIds.emailHint' : 'certificates.emailHint'));
  const about =
    kind === 'userId'
      ? html`${formAbout(t, 'form6')}
          <p>${t(p('userIds.userIdAbout'))}</p>
          <p class="note">${t(p('userIds.oneIssued'))}<br />${t(p('userIds.additionalPaid'))}</p>`
      : html`${formAbout(t, 'form5')} ${formAbout(t, 'form3')}
          <div class="notice" part="notice">${t(p('certificates.limitedDelivery'))}</div>`;
  return html`${about}
    ${list.map((person, index) => {
      const title = applicantTitle(t, kind, index, person);
      return html`<fieldset class="person applicant" part="person" data-applicant=${index}>
        <legend>${applicantTitle(t, kind, index)}</legend>
        ${personFields(view, `${section}-${index}`, person, PERSON_FIELDS[kind], emailHint)}
        ${list.length > 1
          ? html`<button type="button" class="remove" @click=${() => view.onRemove(kind, index)}>${t(p('buttons.remove'), { name: title })}</button>`
          : nothing}
      </fieldset>`;
    })}
    <button type="button" class="add" id="add-${kind}" @click=${() => view.onAdd(kind)}>
      ${t(p(kind === 'userId' ? 'buttons.addUserId' : 'buttons.addCertificate'))}
    </button>
    ${kind === 'certificate'
      ? textField(view.context, {
          name: 'eTokenCount',
          label: t(p('certificates.eTokenCount')),
          value: draft.eTokenCount,
          required: true,
          inputmode: 'numeric',
          maxlength: 2,
          hint: t(p('certificates.eTokenCountHint')),
        })
      : nothing}`;
}

// ── 書類チェックリスト ────────────────────────────────────────────────────────

/** The name of a document of 申請書類一式 (様式… for the forms). */
export const documentName = (t: Translate, id: string) => t(p(id.startsWith('form') ? `forms.${id}` : `documents.${id}`));

/** The name of a ★ certificate's owner: the company, or the 様式5 applicant. */
export function certificateLabel(t: Translate, applicants: ReadonlyArray<{ name: string }>, documentId: string, certificate: ChecklistCertificate): string {
  const name = documentName(t, documentId);
  if (certificate.applicant === undefined) return t(p('checklist.issueDate'), { document: name });
  const person = applicants[certificate.applicant];
  return t(p('checklist.issueDateOf'), { document: name, name: person?.name.trim() || applicantTitle(t, 'certificate', certificate.applicant) });
}

/**
 * 書類チェックリスト: the documents to send and how many, the posting day and the reference date, and each
 * ★ certificate's issue date with its 3-month verdict.
 *
 * @example
 * renderChecklist(this.view(step))
 */
export function renderChecklist(view: PaperStepView): TemplateResult {
  const { t, draft, checklist } = view;
  const date = (day: IsoDate) => formatCalendarDate(day, view.language);
  const posting = draft.postingDate.trim() !== '' && checklist.reference !== view.today;
  const postingLabel = t(p('checklist.postingDate'));
  return html`<h3>${t(p('checklist.heading'))}</h3>
    <p>${t(p('checklist.intro'))}</p>
    <ul class="plain">
      <li>${t(p('checklist.forms'))}</li>
      <li>${t(p('checklist.certificates'))}</li>
    </ul>
    ${renderDocumentTable(view)}
    <cec-date-field
      id=${fieldId('postingDate')}
      label=${postingLabel}
      hint=${t(p('checklist.postingDateHint'))}
      min=${view.today}
      .value=${draft.postingDate}
      error-message=${view.messageOf('postingDate', postingLabel) ?? ''}
      ?show-errors=${view.submitted}
      @cec-date-change=${(event: CustomEvent<{ value: string }>) => view.onDate('postingDate', event.detail.value)}
    ></cec-date-field>
    <p class="reference" part="reference" role="status">
      ${t(p('checklist.reference'), {
        date: date(checklist.reference),
        basis: t(p(posting ? 'checklist.referencePosting' : 'checklist.referenceToday')),
        earliest: date(checklist.earliest),
      })}
    </p>
    <p class="hint">${t(p('checklist.monthEnd'))}</p>
    ${checklist.entries
      .filter((entry) => entry.kind === 'publicCertificate')
      .flatMap((entry) => entry.certificates.map((certificate) => renderIssueDate(view, entry.id, certificate)))}
    <p class="notice" part="notice">${t(p('checklist.delay'))}</p>`;
}

function renderDocumentTable(view: PaperStepView): TemplateResult {
  const { t, checklist } = view;
  return html`<table class="documents" part="documents">
    <thead>
      <tr>
        <th scope="col">${t(p('checklist.number'))}</th>
        <th scope="col">${t(p('checklist.document'))}</th>
        <th scope="col">${t(p('checklist.count'))}</th>
        <th scope="col">${t(p('checklist.status'))}</th>
      </tr>
    </thead>
    <tbody>
      ${checklist.entries.map(
        (entry) => html`<tr>
          <td>${entry.number}</td>
          <th scope="row">${documentName(t, entry.id)}${entry.originalOnly ? ' ★' : ''}</th>
          <td>${t(p('checklist.countValue'), { count: entry.count })}</td>
          <td>${entry.originalOnly
            ? html`${t(p('checklist.original'))}<br />${t(p(entry.count > 1 || entry.id === 'residentRecord' || entry.id === 'personalSealCertificate' ? 'checklist.perApplicant' : 'checklist.onePerApplication'))}`
            : t(p('checklist.created'))}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderIssueDate(view: PaperStepView, documentId: string, certificate: ChecklistCertificate): TemplateResult {
  const { t, draft } = view;
  const name = `issueDates-${certificate.key}`;
  const label = certificateLabel(t, draft.certificateApplicants, documentId, certificate);
  const message = certificate.verdict === 'issueDateTooOld' || certificate.verdict === 'issueDateInFuture' ? view.messageOf(name, label) : undefined;
  return html`<div class="certificate" part="certificate">
    <cec-date-field
      id=${fieldId(name)}
      label=${label}
      no-formats-hint
      .value=${draft.issueDates[certificate.key] ?? ''}
      error-message=${message ?? ''}
      ?show-errors=${view.submitted}
      @cec-date-change=${(event: CustomEvent<{ value: string }>) => view.onDate(name, event.detail.value)}
    ></cec-date-field>
    <p class="verdict verdict-${certificate.verdict}" part="verdict">${t(p(`checklist.verdict.${certificate.verdict}`))}</p>
  </div>`;
}

// ── 確認 ─────────────────────────────────────────────────────────────────────

/** One row of the confirmation: a label and what will be printed. */
export interface SummaryRow {
  label: string;
  value: string;
}

/**
 * 確認: every step in play as a section of label and value, each with its 変更 button.
 *
 * @example
 * renderConfirmation(this.view(step), (section) => this.summaryRows(section))
 */
export function renderConfirmation(view: PaperStepView, rowsOf: (step: PaperStep) => SummaryRow[]): TemplateResult {
  const { t } = view;
  return html`<p>${t(p('confirmation.intro'))}</p>
    ${view.stepsInPlay
      .filter((step) => step.sections.length > 0)
      .map((step) => {
        const title = view.titleOf(step);
        return html`<section class="summary" part="summary" aria-labelledby="summary-${step.id}">
          <h3 id="summary-${step.id}">${title}</h3>
          <dl>
            ${rowsOf(step).map((row) => html`<div class="row"><dt>${row.label}</dt><dd>${row.value || t(p('confirmation.none'))}</dd></div>`)}
          </dl>
          <button type="button" class="change" @click=${() => view.onEdit(step)}>${t('buttons.changeSection', { section: title })}</button>
        </section>`;
      })}`;
}

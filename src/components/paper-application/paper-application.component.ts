import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import { PaperApi } from '../../api/paper.js';
import { tokyoToday, type IsoDate } from '../../domain/dates.js';
import { paperApplicationSchema, paperChecklist, type PaperApplication, type PaperChecklist } from '../../domain/paper-application.js';
import type { PaperService } from '../../domain/paper-documents.js';
import { validateSection, type FieldIssue, type Locale } from '../../domain/index.js';
import type { Translate } from '../../i18n/i18n.js';
import { formatCalendarDate } from '../date-field/calendar-format.js';
import { dateFieldResources } from '../date-field/date-field.resources.js';
import { IncludeResourcesController } from '../invitation-form/include-resources.js';
import { errorSummary, fieldId, issuesMessage, type FieldContext } from '../shared/fields.js';
import { FormState } from '../shared/form-state.js';
import { LocalizeController } from '../shared/localize.js';
import type { WizardStep } from '../shared/step.js';
import { baseStyles } from '../shared/styles.js';
import { WizardController } from '../shared/wizard-controller.js';
import { renderFlowActions, renderFlowProgress, wizardFrameStyles } from '../shared/wizard-frame.js';
import { PaperErrorEvent, PaperReadyEvent, PaperStoredEvent } from './paper-application-events.js';
import { paperApplicationResources } from './paper-application.resources.js';
import { paperApplicationStyles, usePrintPageSize } from './paper-application.styles.js';
import {
  applicationInput,
  COMPANY_FIELDS,
  draftIssues,
  emptyPaperDraft,
  emptyPerson,
  fieldValue,
  keepPaperDraft,
  keptPaperDraft,
  normaliserOf,
  PAPER_STEPS,
  PERSON_FIELDS,
  readDates,
  readPostingDate,
  withField,
  type PaperDraft,
  type PaperStep,
  type PaperStepId,
} from './paper-draft.js';
import { renderPrintPages } from './paper-print.js';
import {
  applicantTitle,
  certificateLabel,
  companyLabel,
  personLabel,
  renderApplicants,
  renderChecklist,
  renderCompany,
  renderConfirmation,
  renderContacts,
  renderServices,
  type ApplicantKind,
  type PaperStepView,
  type SummaryRow,
} from './paper-steps.js';

/** Steps the user types on (each has its form state). */
const INPUT_STEPS: readonly PaperStepId[] = ['services', 'company', 'contacts', 'userIds', 'certificates', 'checklist'];
const p = (key: string) => `paperApplication.${key}`;

/**
 * The 申請書作成支援ツール of the CECTRUST + CECSIGN paper application as a wizard: サービス選択 → 法人情報
 * (様式1) → 担当者 (様式4) → ユーザID申請者 (様式6) → 電子証明書申請者 (様式5/様式3) → 書類チェックリスト → 確認 →
 * 出力, the 様式 steps following the services chosen. The checklist says which documents to send, how many,
 * and checks each ★ certificate's issue date against the 3-month rule on the posting day (today in
 * Japan time when none is given). 出力 shows the filled forms as printable A4 pages; with an `endpoint`
 * the application is first stored there (`POST {endpoint}/paper-applications`) and its reference number
 * is printed on every page.
 *
 * @summary The paper application's form tool.
 * @fires {StepChangeDetail} cec-step-change - Moved to another step: `{ step, previousStep }` (step ids).
 * @fires {ValidationFailedDetail} cec-validation-failed - A step refused to go on: `{ step, fields }` (field names, never values).
 * @fires cec-exit - The user pressed 戻る on the first step.
 * @fires {PaperStoredDetail} cec-paper-stored - The backend stored the application: `{ referenceNumber }`.
 * @fires {PaperReadyDetail} cec-paper-ready - The forms are ready to print: `{ referenceNumber }` (undefined without one).
 * @fires {PaperErrorDetail} cec-paper-error - Storing failed: `{ code, message }`.
 * @csspart base - The wizard frame.
 * @csspart step-indicator - The list of steps.
 * @csspart step-heading - The heading of the current step (focused on every change).
 * @csspart actions - The 戻る / 次へ buttons.
 * @csspart back-button - 戻る.
 * @csspart next-button - 次へ / 確定.
 * @csspart error-summary - The list of problems after a refused 次へ.
 * @csspart services - The service choice (サービス選択).
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart marker - The required/optional marker of a field.
 * @csspart error - A field's error message.
 * @csspart person - A contact's or an applicant's fieldset.
 * @csspart documents - The table of documents to send.
 * @csspart verdict - The 3-month verdict under a ★ certificate's issue date.
 * @csspart page - A printed page (A4).
 * @cssprop --cec-color-primary - Brand colour of buttons, links and the current step.
 */
export class CecPaperApplication extends LitElement implements WizardStep<PaperDraft> {
  static override styles = [baseStyles, wizardFrameStyles, paperApplicationStyles];

  /** Base URL of the backend storing the application (`POST {endpoint}/paper-applications`); without it no reference number is printed. */
  @property() endpoint = '';

  /** Language: `ja` (default) or `en`; the printed forms are Japanese either way. */
  @property({ reflect: true }) override lang!: string;

  /** Leave the browser history alone (a host whose router needs it). */
  @property({ type: Boolean, attribute: 'no-history' }) noHistory = false;

  /** The step to open on, when in play (a host restoring a kept application). */
  @property({ attribute: 'start-step' }) startStep = '';

  /** Do not keep the application in this tab (by default a reload finds it again, until the tab is closed). */
  @property({ type: Boolean, attribute: 'no-resume' }) noResume = false;

  /** The session-storage key the application is kept under (two tools on one page need two keys). */
  @property({ attribute: 'storage-key' }) storageKey = 'cec-paper-application';

  /** The application as typed: set it to prefill or restore; it changes with every edit. */
  @property({ attribute: false }) value: PaperDraft = emptyPaperDraft();

  /** The clock ("today" in Japan time for the 3-month rule); `() => new Date()` by default. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private referenceNumber: string | undefined;
  @state() private submitting = false;
  @state() private saveFailure: string | undefined;
  /** What a screen reader hears after an applicant is added or removed. */
  @state() private announcement = '';

  private readonly localize = new LocalizeController(this);
  private readonly flow = new WizardController<PaperDraft, PaperStep>(this, {
    data: () => this.value,
    elementOf: () => this,
    heading: () => this.renderRoot.querySelector<HTMLElement>('#step-heading'),
    useHistory: () => !this.noHistory,
    onStepChange: () => this.keep(),
  });
  private readonly forms: Record<string, FormState>;
  /** The key of the request being retried; a new one once the application changes. */
  private idempotencyKey: string | undefined;
  private started = false;
  /** The value before any host set one: only then is a kept application restored. */
  private readonly initialValue = this.value;
  private issueCache: { draft: PaperDraft; language: string; today: IsoDate; issues: ReturnType<typeof draftIssues> } | undefined;

  constructor() {
    super();
    new IncludeResourcesController(this, this.localize, paperApplicationResources);
    new IncludeResourcesController(this, this.localize, dateFieldResources);
    this.forms = Object.fromEntries(INPUT_STEPS.map((id) => [id, new FormState(this, () => this.stepResult(id))]));
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    usePrintPageSize();
    if (this.started) return;
    this.started = true;
    // Here, not in the constructor: the manifest analyzer would read it there as a field `steps` of the element.
    this.flow.steps = PAPER_STEPS;
    // A host's own value wins; else what this tab kept (a reload, Back into the page).
    const kept = this.noResume || this.value !== this.initialValue ? undefined : keptPaperDraft(this.storageKey);
    if (kept) {
      this.value = kept.value;
      this.referenceNumber = kept.referenceNumber;
    }
    this.flow.start(kept?.stepId ?? (this.startStep || undefined));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.idempotencyKey = undefined;
  }

  // ── the step contract (the element is its own step: the flow validates through it) ──

  /** Shows the current step's errors and tells whether the user may go on. */
  validate(): boolean {
    return this.forms[this.flow.current.id]?.validate() ?? true;
  }

  /** Names of the current step's invalid fields (never values). */
  invalidFields(): string[] {
    return Object.keys(this.forms[this.flow.current.id]?.issues() ?? {});
  }

  /** Moves focus to the error summary after a refused 次へ. */
  async focusErrorSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  // ── validation ─────────────────────────────────────────────────────────────

  private get today(): IsoDate {
    return tokyoToday(this.now());
  }

  private get locale(): Locale {
    return this.localize.translator.language;
  }

  private issues(): ReturnType<typeof draftIssues> {
    const cache = this.issueCache;
    if (cache && cache.draft === this.value && cache.language === this.locale && cache.today === this.today) return cache.issues;
    const issues = draftIssues(this.value, this.locale, this.today);
    this.issueCache = { draft: this.value, language: this.locale, today: this.today, issues };
    return issues;
  }

  private stepResult(stepId: string) {
    const step = PAPER_STEPS.find((candidate) => candidate.id === stepId)!;
    const issues = this.issues().filter((issue) => step.sections.includes(issue.section));
    return issues.length > 0 ? { ok: false as const, issues } : { ok: true as const, value: undefined };
  }

  private get checklist(): PaperChecklist {
    const draft = this.value;
    return paperChecklist(
      {
        services: draft.services,
        certificateApplicants: draft.certificateApplicants,
        userIdApplicants: draft.userIdApplicants,
        issueDates: readDates(draft.issueDates),
        ...(readPostingDate(draft.postingDate) ? { postingDate: readPostingDate(draft.postingDate)! } : {}),
      },
      this.today,
    );
  }

  /** The screen's words, with this element's own rules' messages (`paperApplication.errors.*`, the date field's) before the shared ones. */
  private readonly t: Translate = (key, values) => {
    const { translator } = this.localize;
    if (key.startsWith('errors.')) {
      const code = key.slice('errors.'.length);
      for (const own of [p(key), `dateField.errors.${code}`]) if (translator.has(own)) return translator.t(own, values);
    }
    return translator.t(key, values);
  };

  private formatDate(date: unknown): string {
    return typeof date === 'string' ? formatCalendarDate(date, this.locale) : '';
  }

  private messageOf(stepId: string, field: string, label: string): string | undefined {
    const issues = this.forms[stepId]?.visibleIssueList(field) ?? [];
    const dated = issues.map((issue) => ({
      ...issue,
      params: { ...issue.params, earliest: this.formatDate(issue.params?.earliest), reference: this.formatDate(issue.params?.reference), today: this.formatDate(issue.params?.today) },
    }));
    return issuesMessage(this.t, label, dated);
  }

  // ── edits ──────────────────────────────────────────────────────────────────

  private edit(draft: PaperDraft): void {
    this.value = draft;
    this.keep();
  }

  private keep(): void {
    if (this.noResume || !this.started) return;
    const stepId = this.flow.current.id;
    keepPaperDraft(this.storageKey, { value: this.value, stepId, ...(this.referenceNumber ? { referenceNumber: this.referenceNumber } : {}) });
  }

  private fieldContext(stepId: string): FieldContext {
    const form = this.forms[stepId]!;
    return {
      t: this.t,
      issueOf: (field) => form.visibleIssue(field),
      issuesOf: (field) => form.visibleIssueList(field),
      optionsOf: () => ({}),
      onInput: (field, typed) => {
        this.edit(withField(this.value, field, typed));
        form.markDirty(field);
      },
      onBlur: (field) => {
        const typed = fieldValue(this.value, field);
        const converted = normaliserOf(field)(typed);
        if (converted !== typed) this.edit(withField(this.value, field, converted));
        form.markTouched(field);
      },
    };
  }

  private onService(service: PaperService, chosen: boolean): void {
    const services = this.value.services.filter((each) => each !== service);
    this.edit({ ...this.value, services: chosen ? [...services, service] : services });
    this.forms.services!.markDirty('services');
    this.forms.services!.markTouched('services');
  }

  private async onAdd(kind: ApplicantKind): Promise<void> {
    const key = kind === 'userId' ? 'userIdApplicants' : 'certificateApplicants';
    const list = [...this.value[key], emptyPerson()];
    const draft = { ...this.value, [key]: list };
    // The eToken order follows the applicants while it matched them (one certificate per eToken).
    if (kind === 'certificate' && Number(this.value.eTokenCount) === list.length - 1) draft.eTokenCount = String(list.length);
    this.edit(draft);
    this.announcement = this.t(p('userIds.added'), { name: applicantTitle(this.t, kind, list.length - 1) });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(`${key}-${list.length - 1}-name`)}`)?.focus();
  }

  private async onRemove(kind: ApplicantKind, index: number): Promise<void> {
    const key = kind === 'userId' ? 'userIdApplicants' : 'certificateApplicants';
    const removed = applicantTitle(this.t, kind, index, this.value[key][index]);
    const list = this.value[key].filter((_, position) => position !== index);
    const draft = { ...this.value, [key]: list };
    if (kind === 'certificate') {
      if (Number(this.value.eTokenCount) === list.length + 1) draft.eTokenCount = String(list.length);
      // The ★ certificates of the applicants after the removed one move up with them.
      draft.issueDates = shiftIssueDates(this.value.issueDates, index);
    }
    this.edit(draft);
    this.announcement = this.t(p('userIds.removed'), { name: removed });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#add-${kind}`)?.focus();
  }

  private onDate(field: string, typed: string): void {
    this.edit(withField(this.value, field, typed));
    this.forms.checklist!.markDirty(field);
    this.forms.checklist!.markTouched(field);
  }

  private async next(): Promise<void> {
    if (this.flow.current.id === 'confirmation') await this.create();
    else await this.flow.next();
  }

  /** 確認 → 出力: every step checked again, the application stored when there is an endpoint, then the pages. */
  private async create(withoutReference = false): Promise<void> {
    if (this.submitting) return;
    const inPlay = this.flow.inPlay.map((step) => step.id);
    const refused = INPUT_STEPS.find((id) => inPlay.includes(id) && !this.stepResult(id).ok);
    if (refused) {
      await this.flow.refuseAt(refused, 'confirmation', () => this.forms[refused]!.validate());
      return;
    }
    if (this.endpoint && !withoutReference) {
      const stored = await this.store();
      if (!stored) return;
    }
    this.saveFailure = undefined;
    await this.flow.goTo('output');
    this.dispatchEvent(new PaperReadyEvent(this.referenceNumber));
  }

  private async store(): Promise<boolean> {
    const application = this.application();
    if (!application) return false;
    this.submitting = true;
    this.saveFailure = undefined;
    try {
      this.idempotencyKey ??= newIdempotencyKey();
      const receipt = await new PaperApi({ endpoint: this.endpoint }).submitPaperApplication(application, this.idempotencyKey);
      this.referenceNumber = receipt.referenceNumber;
      this.dispatchEvent(new PaperStoredEvent(receipt.referenceNumber));
      return true;
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError('network', String(caught));
      this.dispatchEvent(new PaperErrorEvent(error.code, error.message));
      if (error.code === 'validation_failed' && error.issues.length > 0) await this.showServerIssues(error.issues);
      else {
        this.saveFailure = error.code;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.save-failure')?.focus();
      }
      return false;
    } finally {
      this.submitting = false;
    }
  }

  /** The backend's verdict, on the fields of the first step it concerns. */
  async showServerIssues(issues: readonly FieldIssue[]): Promise<void> {
    const step = PAPER_STEPS.find((candidate) => issues.some((issue) => candidate.sections.includes(issue.path[0] ?? '')));
    if (!step) return;
    const own = issues.filter((issue) => step.sections.includes(issue.path[0] ?? '')).map((issue) => ({ ...issue, path: [issue.path.join('-')] }));
    await this.flow.refuseAt(step.id, 'confirmation', () => this.forms[step.id]!.setServerIssues(own));
  }

  /** After 出力: a new, empty application (the one printed is forgotten by this tab). */
  private async startOver(): Promise<void> {
    this.referenceNumber = undefined;
    this.idempotencyKey = undefined;
    for (const form of Object.values(this.forms)) form.reset();
    this.value = emptyPaperDraft();
    await this.flow.goTo('services');
    this.keep();
  }

  /** The validated application (values normalised), as stored and printed. */
  private application(): PaperApplication | undefined {
    const result = validateSection(paperApplicationSchema, applicationInput(this.value, this.locale));
    return result.ok ? result.value : undefined;
  }

  // ── render ─────────────────────────────────────────────────────────────────

  override render() {
    const { t } = this;
    const step = this.flow.current;
    return html`<div class="wizard" part="base">
      <h2 class="visually-hidden">${t(p('title'))}</h2>
      ${renderFlowProgress(this.flow, t, (candidate) => this.titleOf(candidate))}
      <div class="step">${this.renderErrorSummary(step)} ${this.renderStep(step)}</div>
      ${this.renderSaveFailure()}
      ${step.final ? nothing : renderFlowActions(this.flow, t, { nextLabel: this.nextLabel(step.id), busy: this.submitting, onNext: () => this.next() })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private titleOf(step: PaperStep): string {
    return this.t(p(`steps.${step.id}`));
  }

  private nextLabel(stepId: string): string {
    if (stepId === 'confirmation') return this.t(p(this.submitting ? 'buttons.creating' : 'buttons.create'));
    if (this.flow.returnTo) return this.t(p('buttons.returnToConfirmation'));
    return this.t('buttons.next');
  }

  private view(step: PaperStep): PaperStepView {
    return {
      t: this.t,
      language: this.locale,
      draft: this.value,
      context: this.fieldContext(INPUT_STEPS.includes(step.id) ? step.id : 'services'),
      messageOf: (field, label) => this.messageOf(step.id, field, label),
      submitted: this.forms[step.id]?.submitted ?? false,
      checklist: this.checklist,
      today: this.today,
      stepsInPlay: this.flow.inPlay,
      titleOf: (candidate) => this.titleOf(candidate),
      onService: (service, chosen) => this.onService(service, chosen),
      onSameAsContact: (same) => this.edit({ ...this.value, billingSameAsContact: same }),
      onAdd: (kind) => void this.onAdd(kind),
      onRemove: (kind, index) => void this.onRemove(kind, index),
      onDate: (field, typed) => this.onDate(field, typed),
      onEdit: (target) => void this.flow.goTo(target.id, { returnTo: 'confirmation' }),
    };
  }

  private renderStep(step: PaperStep) {
    const view = this.view(step);
    switch (step.id) {
      case 'services':
        return renderServices(view);
      case 'company':
        return renderCompany(view);
      case 'contacts':
        return renderContacts(view);
      case 'userIds':
        return renderApplicants(view, 'userId');
      case 'certificates':
        return renderApplicants(view, 'certificate');
      case 'checklist':
        return renderChecklist(view);
      case 'confirmation':
        return renderConfirmation(view, (section) => this.summaryRows(section));
      case 'output':
        return this.renderOutput();
    }
  }

  private renderErrorSummary(step: PaperStep) {
    const form = this.forms[step.id];
    if (!form?.submitted) return nothing;
    const order = [...this.renderRoot.querySelectorAll('[id^="field-"]')].map((element) => element.id.slice('field-'.length));
    const issues = form.issues();
    const fields = [...new Set([...order, ...Object.keys(issues)])].filter((field) => form.visibleIssue(field));
    const entries = fields.map((field) => ({ field, message: this.messageOf(step.id, field, this.labelOf(field)) ?? '' }));
    return errorSummary(this.t, entries, (field) => this.renderRoot.querySelector<HTMLElement>(`[id="${fieldId(field)}"]`)?.focus());
  }

  /** The visible label of a field, which its messages name. */
  private labelOf(field: string): string {
    const parts = field.split('-');
    const last = parts.at(-1)!;
    if (parts[0] === 'services') return this.t(p('services.legend'));
    if (parts[0] === 'company') return companyLabel(this.t, last);
    if (parts[0] === 'eTokenCount') return this.t(p('certificates.eTokenCount'));
    if (parts[0] === 'postingDate') return this.t(p('checklist.postingDate'));
    if (parts[0] === 'issueDates') {
      return this.renderRoot.querySelector<HTMLElement & { label: string }>(`[id="${fieldId(field)}"]`)?.label ?? '';
    }
    const label = personLabel(this.t, last as never);
    if (parts[0] === 'contact' || parts[0] === 'billing') return `${this.t(p(`contacts.${parts[0]}`))} ${label}`;
    if (parts.length === 3) {
      const kind: ApplicantKind = parts[0] === 'userIdApplicants' ? 'userId' : 'certificate';
      return `${applicantTitle(this.t, kind, Number(parts[1]))} ${label}`;
    }
    return label;
  }

  private summaryRows(step: PaperStep): SummaryRow[] {
    const { t } = this;
    const draft = this.value;
    const person = (prefix: string, values: Record<string, string>, fields: readonly string[]) =>
      fields.map((field) => ({ label: `${prefix} ${personLabel(t, field as never)}`, value: values[field] ?? '' }));
    switch (step.id) {
      case 'services':
        return [{ label: t(p('services.legend')), value: draft.services.map((service) => t(p(`services.${service}`))).join('、') }];
      case 'company':
        return COMPANY_FIELDS.map((field) => ({ label: companyLabel(t, field), value: draft.company[field] }));
      case 'contacts':
        return [
          ...person(t(p('contacts.contact')), { ...draft.contact }, PERSON_FIELDS.contact),
          ...(draft.billingSameAsContact
            ? [{ label: t(p('contacts.billing')), value: t(p('confirmation.same')) }]
            : person(t(p('contacts.billing')), { ...draft.billing }, PERSON_FIELDS.contact)),
        ];
      case 'userIds':
        return draft.userIdApplicants.flatMap((each, index) => person(applicantTitle(t, 'userId', index), { ...each }, PERSON_FIELDS.userId));
      case 'certificates':
        return [
          ...draft.certificateApplicants.flatMap((each, index) => person(applicantTitle(t, 'certificate', index), { ...each }, PERSON_FIELDS.certificate)),
          { label: t(p('certificates.eTokenCount')), value: draft.eTokenCount },
        ];
      case 'checklist': {
        const checklist = this.checklist;
        return [
          { label: t(p('checklist.postingDate')), value: draft.postingDate },
          ...checklist.entries.flatMap((entry) =>
            entry.certificates.map((certificate) => ({
              label: certificateLabel(t, draft.certificateApplicants, entry.id, certificate),
              value: [draft.issueDates[certificate.key] ?? '', t(p(`checklist.verdict.${certificate.verdict}`))].filter(Boolean).join(' — '),
            })),
          ),
        ];
      }
      default:
        return [];
    }
  }

  private renderSaveFailure() {
    if (!this.saveFailure) return nothing;
    const { t } = this;
    return html`<div class="alert save-failure" part="alert" role="alert" tabindex="-1">
      <p>${t(p('output.saveFailed'))}</p>
      <button type="button" class="primary" @click=${() => this.create()} ?disabled=${this.submitting}>${t('buttons.retry')}</button>
      <button type="button" @click=${() => this.create(true)} ?disabled=${this.submitting}>${t(p('buttons.createWithoutReference'))}</button>
    </div>`;
  }

  private renderOutput() {
    const { t } = this;
    const application = this.application();
    return html`<p>${t(p('output.intro'))}</p>
      ${this.referenceNumber ? html`<p class="reference-number" part="reference">${t(p('output.reference'), { number: this.referenceNumber })}</p>` : nothing}
      <div class="output-actions">
        <button type="button" class="primary print" @click=${() => window.print()}>${t(p('output.print'))}</button>
        <button type="button" class="start-over" @click=${() => this.startOver()}>${t(p('buttons.startOver'))}</button>
      </div>
      <div class="print-pages" part="pages" lang="ja">
        ${application
          ? renderPrintPages({ application, checklist: this.checklist, referenceNumber: this.referenceNumber, today: this.today })
          : nothing}
      </div>`;
  }
}

/** Issue dates after removing the certificate applicant at `index`: later applicants' keys move up by one. */
function shiftIssueDates(issueDates: Record<string, string>, index: number): Record<string, string> {
  const shifted: Record<string, string> = {};
  for (const [key, typed] of Object.entries(issueDates)) {
    const match = /^(residentRecord|personalSealCertificate)-(\d+)$/.exec(key);
    if (!match) shifted[key] = typed;
    else if (Number(match[2]) < index) shifted[key] = typed;
    else if (Number(match[2]) > index) shifted[`${match[1]}-${Number(match[2]) - 1}`] = typed;
  }
  return shifted;
}

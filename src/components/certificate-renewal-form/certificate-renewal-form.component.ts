import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/client.js';
import { RenewalApi } from '../../api/renewal.js';
import { tokyoToday, type Clock, type IsoDate } from '../../domain/dates.js';
import {
  DEFAULT_OPERATOR_CODE_PATTERN,
  EXPIRY_NOTICE_DAYS,
  latestValidityStart,
  likelyIssuanceDate,
  parseExpiringList,
  renewalRowCautions,
  STORAGE_MEDIA,
  TOKEN_CHOICES,
  validateRenewalRequest,
  type ListProblem,
  type RenewalCaution,
  type RenewalDraft,
  type RenewalReceipt,
  type RenewalRequest,
  type RenewalRowDraft,
  type StorageMedium,
} from '../../domain/renewal.js';
import type { FieldIssue, SectionResult } from '../../domain/validation.js';
import { formatCalendarDate } from '../date-field/calendar-format.js';
import type { DateChangeEvent } from '../date-field/date-field-events.js';
import { IncludeResourcesController } from '../invitation-form/include-resources.js';
import { errorLine, errorSummary, fieldId, marker, textField, type FieldContext } from '../shared/fields.js';
import { LocalizeController } from '../shared/localize.js';
import { baseStyles } from '../shared/styles.js';
import { renewalFormStyles } from './certificate-renewal-form.styles.js';
import { RenewalErrorEvent, RenewalImportedEvent, RenewalSubmittedEvent, type RenewalImportDetail } from './renewal-events.js';
import { renewalFormResources } from './renewal-form.resources.js';
import { clearRenewalDraft, loadRenewalDraft, renewalDraftKey, saveRenewalDraft } from './renewal-draft-store.js';
import { decodeCsv, isBlankRow, issuesByKey, REQUEST_FIELDS, ROW_FIELDS, rowKey, type RenewalRowState, type RowField } from './renewal-rows.js';

/** A failed call, as the form tells it: a message key, its values, and whether "retry" makes sense. */
interface Failure {
  key: string;
  values?: Record<string, unknown>;
  retry?: () => void;
}

/** What the last import did, for the status line and its list of problems. */
interface ImportReport {
  source: RenewalImportDetail['source'];
  rows: number;
  invalidRows: number;
  problems: ListProblem[];
}

/** Pause after the last edit before the draft is kept (and at once when the element leaves the page). */
const DRAFT_SAVE_DELAY_MS = 300;

/** Rows rendered per frame while a long import appears: about 7 ms each in dev-mode Chromium here. */
const ROWS_PER_FRAME = 10;

/** Fields the user chooses rather than types: "choose" instead of "enter" in a `required` message. */
const CHOICE_FIELDS: ReadonlySet<string> = new Set(['medium', 'tokenChoice']);

/**
 * The in-house RA's bulk renewal of client certificates (EPPCERT gas-industry certificates): one row per
 * certificate with its CN, current certificate ID and expiry, the validity start date wanted and the
 * storage medium; rows added, removed, duplicated, pasted from Excel, read from CSV or loaded from the
 * backend's list of certificates expiring within 60 days. The seed's cautions are quoted once at the top;
 * each row shows its own figures (overlap or gap in days). A confirmation view precedes
 * `POST {endpoint}/renewal-requests`; the request number is shown after `201`.
 *
 * "Today" is the calendar day in Japan from `now` (injectable), so the 179-day limit and the past-date
 * confirmation follow Japan time whatever the browser's zone.
 *
 * @summary Bulk renewal request for client certificates, with the seed's date rules.
 * @fires cec-renewal-submitted - The backend accepted the request; `event.detail` is `{ requestNumber, rows }`.
 * @fires cec-renewal-error - A backend call failed; `event.detail` is `{ code, message }`.
 * @fires cec-renewal-imported - Rows were imported; `event.detail` is `{ source, rows, invalidRows, problems }`.
 * @csspart cautions - The seed's cautions at the top.
 * @csspart import - The paste / CSV / expiring-list section.
 * @csspart row - Each certificate row.
 * @csspart row-cautions - A row's own cautions (overlap, gap).
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」/「※任意」 marker after a label.
 * @csspart hint - The help text under a label.
 * @csspart input - Each text input.
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused check.
 * @csspart confirmation - The confirmation view.
 * @csspart done - The view after the request was accepted.
 * @csspart failure - The message of a failed call, with its retry button.
 */
export class CecCertificateRenewalForm extends LitElement {
  static override styles = [baseStyles, renewalFormStyles];

  /** Base URL of the backend, e.g. `/api`; the form calls `{endpoint}/renewal-requests` and `{endpoint}/expiring-certificates`. */
  @property() endpoint = '';

  /** The RA contact's key, sent as `Authorization: Bearer <key>` when set. Never an attribute. */
  @property({ attribute: false }) apiKey = '';

  /** The 事業者コード format as a regular expression source (whole value); half-width letters and digits, 1–16, by default. */
  @property({ attribute: 'operator-code-pattern' }) operatorCodePattern = '';

  /** Loads the certificates expiring within 60 days when the form first appears and has no rows typed. */
  @property({ type: Boolean }) autoload = false;

  /** Do not keep what was typed in this tab's session storage (kept by default, so a reload loses nothing). */
  @property({ type: Boolean, attribute: 'no-resume' }) noResume = false;

  /** The clock "today" (Japan time) is read from; tests and hosts may set it. */
  @property({ attribute: false }) now: Clock = () => new Date();

  /** Language: `ja` (default) or `en`; inherited from the nearest ancestor's `lang` when not set. */
  @property({ reflect: true }) override lang!: string;

  @state() private operatorCode = '';
  @state() private operatorCodeConfirmed = false;
  @state() private rows: RenewalRowState[] = [{ id: 1, draft: {} }];
  @state() private view: 'edit' | 'confirm' | 'done' = 'edit';
  @state() private pasteText = '';
  /** The medium and address to fill into rows that have none (a 60-day list brings CN and 証明書ID only). */
  @state() private bulk: { medium: StorageMedium | ''; notificationEmail: string } = { medium: '', notificationEmail: '' };
  @state() private busy: 'submit' | 'load' | undefined;
  @state() private failure?: Failure;
  @state() private report?: ImportReport;
  @state() private announcement = '';
  @state() private receipt?: RenewalReceipt;
  /** Rows rendered so far: a long import appears a chunk per frame instead of freezing the page. */
  @state() private renderedRows = Number.POSITIVE_INFINITY;

  private readonly localize = new LocalizeController(this);
  #nextId = 2;
  #submitted = false;
  readonly #touched = new Set<string>();
  readonly #dirty = new Set<string>();
  readonly #prefilled = new Set<string>();
  #serverIssues = new Map<string, FieldIssue>();
  #today: IsoDate = tokyoToday();
  #result: SectionResult<RenewalRequest> = { ok: false, issues: [] };
  #issues = new Map<string, FieldIssue>();
  #validated?: { inputs: unknown[]; result: SectionResult<RenewalRequest> };
  /** The Idempotency-Key of the request last sent without an answer, with that request's body. */
  #idempotency?: { body: string; key: string };
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new IncludeResourcesController(this, this.localize, renewalFormResources);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const blank = !this.operatorCode && this.rows.every((row) => isBlankRow(row.draft));
    if (blank && !this.noResume && this.restoreDraft()) return;
    if (this.autoload && blank) void this.loadExpiring();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#saveTimer !== undefined) this.saveDraft();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const edited = changed.has('rows') || changed.has('operatorCode') || changed.has('operatorCodeConfirmed');
    if (edited && this.view === 'edit' && !this.noResume) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = setTimeout(() => this.saveDraft(), DRAFT_SAVE_DELAY_MS);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // One validation per update, whatever the number of rows: every field reads its issue from the map.
    this.#today = tokyoToday(this.now());
    this.#result = this.validate();
    const issues = issuesByKey(this.#result.ok ? [] : this.#result.issues, this.rows);
    for (const [key, issue] of this.#serverIssues) if (!issues.has(key)) issues.set(key, issue);
    this.#issues = issues;
  }

  /** Brings back what this tab kept; its rows' errors show at once, as imported rows' do. */
  private restoreDraft(): boolean {
    const kept = loadRenewalDraft(renewalDraftKey(this.endpoint));
    if (!kept || (!kept.operatorCode && kept.rows.every(isBlankRow))) return false;
    this.operatorCode = kept.operatorCode;
    this.operatorCodeConfirmed = kept.operatorCodeConfirmed;
    this.rows = kept.rows.length > 0 ? kept.rows.map((draft) => ({ id: this.#nextId++, draft })) : this.rows;
    for (const row of this.rows) if (!isBlankRow(row.draft)) for (const field of ROW_FIELDS) this.#prefilled.add(rowKey(row.id, field));
    void this.renderRowsInChunks(0);
    return true;
  }

  private saveDraft(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    saveRenewalDraft(renewalDraftKey(this.endpoint), {
      operatorCode: this.operatorCode,
      operatorCodeConfirmed: this.operatorCodeConfirmed,
      rows: this.rows.map((row) => row.draft),
    });
  }

  /** The request validated, again only when something it depends on changed (not while rows appear chunk by chunk). */
  private validate(): SectionResult<RenewalRequest> {
    const inputs = [this.rows, this.operatorCode, this.operatorCodeConfirmed, this.#today, this.operatorCodePattern, this.localize.translator.language];
    if (this.#validated && inputs.every((input, index) => input === this.#validated!.inputs[index])) return this.#validated.result;
    const result = validateRenewalRequest(this.draft(), { today: this.#today, operatorCodePattern: this.codePattern() }, this.localize.translator.language);
    this.#validated = { inputs, result };
    return result;
  }

  private draft(): RenewalDraft {
    return { operatorCode: this.operatorCode, operatorCodeConfirmed: this.operatorCodeConfirmed, rows: this.rows.map((row) => row.draft) };
  }

  private codePattern(): RegExp {
    if (!this.operatorCodePattern) return DEFAULT_OPERATOR_CODE_PATTERN;
    try {
      return new RegExp(`^(?:${this.operatorCodePattern})$`, 'u');
    } catch {
      console.error(`cec-certificate-renewal-form: operator-code-pattern is not a regular expression: ${this.operatorCodePattern}`);
      return DEFAULT_OPERATOR_CODE_PATTERN;
    }
  }

  private get api(): RenewalApi {
    return new RenewalApi({ endpoint: this.endpoint, apiKey: this.apiKey || undefined });
  }

  // ── event handlers ────────────────────────────────────────────────────────

  private edited(key: string): void {
    this.#dirty.add(key);
    this.#serverIssues.delete(key);
  }

  private setRequestField(field: 'operatorCode' | 'operatorCodeConfirmed', value: string | boolean): void {
    if (field === 'operatorCode') this.operatorCode = String(value);
    else this.operatorCodeConfirmed = value === true;
    this.edited(field);
    if (field === 'operatorCodeConfirmed') this.#touched.add(field);
  }

  private setRowField(id: number, field: RowField, value: unknown): void {
    this.rows = this.rows.map((row) => (row.id === id ? { id, draft: { ...row.draft, [field]: value } } : row));
    this.edited(rowKey(id, field));
    // A choice is made in one go: it counts as left at once.
    if (field === 'medium' || field === 'tokenChoice' || field === 'pastStartConfirmed') this.#touched.add(rowKey(id, field));
  }

  private touch(key: string): void {
    // A field removed while focused (the view changing) blurs mid-render: nothing new to show then.
    if (this.#touched.has(key) || this.view !== 'edit') return;
    this.#touched.add(key);
    this.requestUpdate();
  }

  private async addRow(): Promise<void> {
    const id = this.#nextId++;
    this.rows = [...this.rows, { id, draft: {} }];
    await this.focusField(rowKey(id, 'commonName'));
  }

  private async duplicateRow(id: number): Promise<void> {
    const index = this.rows.findIndex((row) => row.id === id);
    const copy = { id: this.#nextId++, draft: { ...this.rows[index]!.draft } };
    this.rows = [...this.rows.slice(0, index + 1), copy, ...this.rows.slice(index + 1)];
    this.announcement = this.localize.t('renewalForm.rows.duplicated', { number: index + 1 });
    await this.focusField(rowKey(copy.id, 'commonName'));
  }

  private async removeRow(id: number): Promise<void> {
    const index = this.rows.findIndex((row) => row.id === id);
    this.rows = this.rows.filter((row) => row.id !== id);
    this.announcement = this.localize.t('renewalForm.rows.removed', { number: index + 1 });
    const next = this.rows[Math.min(index, this.rows.length - 1)];
    await this.updateComplete;
    if (next) await this.focusField(rowKey(next.id, 'commonName'));
    else this.renderRoot.querySelector<HTMLElement>('#add-row')?.focus();
  }

  private importPaste(): void {
    this.importText(this.pasteText, 'paste');
    this.pasteText = '';
  }

  private async importCsv(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      this.importText(decodeCsv(new Uint8Array(await file.arrayBuffer())), 'csv');
    } catch {
      this.failure = { key: 'fileUnreadable' };
    } finally {
      input.value = '';
    }
  }

  private importText(text: string, source: 'paste' | 'csv'): void {
    const parsed = parseExpiringList(text);
    this.addImportedRows(parsed.rows.map((each) => each.row), source, parsed.problems);
  }

  private async loadExpiring(): Promise<void> {
    if (this.busy) return;
    this.failure = undefined;
    this.busy = 'load';
    try {
      const certificates = await this.api.listExpiringCertificates(EXPIRY_NOTICE_DAYS);
      const rows = certificates.map(({ commonName, certificateId, expiresOn }) => ({ commonName, certificateId, currentExpiry: expiresOn }));
      this.addImportedRows(rows, 'expiring', []);
    } catch (error) {
      this.fail(error, () => void this.loadExpiring());
    } finally {
      this.busy = undefined;
    }
  }

  /** Rows from outside: they replace a lone blank row, else follow the rows there; their errors show at once. */
  private addImportedRows(drafts: RenewalRowDraft[], source: ImportReport['source'], problems: ListProblem[]): void {
    const added = drafts.map((draft) => ({ id: this.#nextId++, draft }));
    const keep = this.rows.length === 1 && isBlankRow(this.rows[0]!.draft) ? [] : this.rows;
    this.rows = [...keep, ...added];
    void this.renderRowsInChunks(keep.length);
    for (const row of added) for (const field of ROW_FIELDS) this.#prefilled.add(rowKey(row.id, field));
    const result = this.validate();
    const withIssues = new Set(result.ok ? [] : result.issues.filter((issue) => issue.path[0] === 'rows').map((issue) => Number(issue.path[1])));
    const invalidRows = added.filter((_, index) => withIssues.has(keep.length + index)).length;
    this.report = { source, rows: added.length, invalidRows, problems };
    this.dispatchEvent(new RenewalImportedEvent({ source, rows: added.length, invalidRows, problems: new Set(problems.map((problem) => problem.line)).size }));
  }

  /** Fills the bulk medium (and, for ダウンロード, the address) into the rows that have none; typed values stay. */
  private applyBulk(): void {
    const { medium, notificationEmail } = this.bulk;
    let changed = 0;
    this.rows = this.rows.map((row) => {
      const draft = { ...row.draft };
      if (!draft.medium && medium) draft.medium = medium;
      if (draft.medium === 'download' && !draft.notificationEmail?.trim() && notificationEmail.trim()) draft.notificationEmail = notificationEmail.trim();
      if (draft.medium === row.draft.medium && draft.notificationEmail === row.draft.notificationEmail) return row;
      changed += 1;
      return { id: row.id, draft };
    });
    this.announcement = this.localize.t('renewalForm.bulk.applied', { count: changed });
  }

  /** Renders rows after the first `from` a chunk per frame, so the page answers while a long list appears. */
  private async renderRowsInChunks(from: number): Promise<void> {
    this.renderedRows = from + ROWS_PER_FRAME;
    while (this.renderedRows < this.rows.length) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      this.renderedRows += ROWS_PER_FRAME;
      await this.updateComplete;
    }
    this.renderedRows = Number.POSITIVE_INFINITY;
  }

  private async toConfirmation(event?: Event): Promise<void> {
    event?.preventDefault();
    this.#submitted = true;
    this.failure = undefined;
    this.requestUpdate();
    await this.updateComplete;
    // The server's verdicts stay shown until their field is edited, but do not lock the user in: one on a
    // field this form does not show could never be edited away, and the server judges the next attempt anew.
    if (!this.#result.ok) {
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    await this.show('confirm');
  }

  private async submit(): Promise<void> {
    const result = this.validate();
    if (!result.ok || this.busy) return;
    this.failure = undefined;
    this.busy = 'submit';
    try {
      // A retry of the same request carries the same key, so a request whose answer was lost is not stored twice.
      const body = JSON.stringify(result.value);
      if (this.#idempotency?.body !== body) this.#idempotency = { body, key: newIdempotencyKey() };
      const receipt = await this.api.submitRenewalRequest(result.value, this.#idempotency.key);
      this.#idempotency = undefined;
      this.receipt = receipt;
      clearTimeout(this.#saveTimer);
      this.#saveTimer = undefined;
      clearRenewalDraft(renewalDraftKey(this.endpoint));
      await this.show('done');
      this.dispatchEvent(new RenewalSubmittedEvent(receipt));
    } catch (error) {
      this.fail(error, () => void this.submit());
      if (error instanceof ApiError && error.code === 'validation_failed') {
        this.#serverIssues = issuesByKey(error.issues, this.rows);
        await this.show('edit');
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      }
    } finally {
      this.busy = undefined;
    }
  }

  private async startAgain(): Promise<void> {
    this.operatorCodeConfirmed = false;
    this.rows = [{ id: this.#nextId++, draft: {} }];
    this.receipt = undefined;
    this.report = undefined;
    this.#submitted = false;
    for (const set of [this.#touched, this.#dirty, this.#prefilled]) set.clear();
    await this.show('edit');
  }

  /** Another view, its heading focused (a screen reader hears where it is). */
  private async show(view: 'edit' | 'confirm' | 'done'): Promise<void> {
    this.view = view;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(view === 'edit' ? '#heading' : `#${view}-heading`)?.focus();
  }

  private fail(error: unknown, retry: () => void): void {
    const code = error instanceof ApiError ? error.code : 'unknown';
    const message = error instanceof Error ? error.message : String(error);
    this.failure = this.failureOf(error, retry);
    this.dispatchEvent(new RenewalErrorEvent(code, message));
  }

  private failureOf(error: unknown, retry: () => void): Failure {
    if (!(error instanceof ApiError)) return { key: 'unknown', values: { code: String(error) } };
    const keys: Record<string, Failure> = {
      not_ra_contact: { key: 'notRaContact' },
      unauthorized: { key: 'unauthorized' },
      validation_failed: { key: 'validation' },
      network: { key: 'network', retry },
      timeout: { key: 'timeout', retry },
      invalid_response: { key: 'invalidResponse', retry },
    };
    return keys[error.code] ?? (error.status >= 500 ? { key: 'server', retry } : { key: 'unknown', values: { code: error.code } });
  }

  private async focusField(key: string): Promise<void> {
    this.renderedRows = Number.POSITIVE_INFINITY;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(key)}`)?.focus();
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render() {
    const { t } = this.localize;
    return html`
      <h2 id="heading" tabindex="-1">${t('renewalForm.heading')}</h2>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.view === 'done' && this.receipt ? this.renderDone(this.receipt) : this.view === 'confirm' && this.#result.ok ? this.renderConfirmation(this.#result.value) : this.renderForm()}
    `;
  }

  private renderForm(): TemplateResult {
    const { t } = this.localize;
    const context = this.fieldContext();
    return html`<form novalidate @submit=${this.toConfirmation}>
      ${this.renderErrorSummary()}
      <p>${t('renewalForm.intro')}</p>
      <p class="notice">${t('renewalForm.raContactOnly')}</p>
      ${this.renderCautions()}
      ${textField(context, { name: 'operatorCode', label: t('renewalForm.operatorCode.label'), value: this.operatorCode, required: true, hint: t('renewalForm.operatorCode.hint'), autocomplete: 'off' })}
      ${this.renderCheckbox('operatorCodeConfirmed', t('renewalForm.operatorCode.confirm'), this.operatorCodeConfirmed, (checked) => this.setRequestField('operatorCodeConfirmed', checked))}
      ${this.renderImport()}
      <section aria-labelledby="rows-heading">
        <h3 id="rows-heading">${t('renewalForm.rows.heading', { count: this.rows.length })}</h3>
        ${errorLine(t, 'field-rows-error', this.visibleIssue('rows') ? this.messageOf('rows', '', this.visibleIssue('rows')!) : undefined)}
        ${this.rows.length > 1 ? this.renderBulk() : nothing}
        ${this.renderRows(context)}
        <button type="button" id="add-row" @click=${this.addRow}>${t('renewalForm.rows.add')}</button>
      </section>
      ${this.renderFailure()}
      <div class="actions">
        <button type="submit" class="primary">${t('renewalForm.toConfirmation')}</button>
      </div>
    </form>`;
  }

  private renderCautions(): TemplateResult {
    const { t } = this.localize;
    const today = this.formatted(this.#today);
    return html`<section class="cautions" part="cautions" aria-labelledby="cautions-heading">
      <h3 id="cautions-heading">${t('renewalForm.cautions.heading')}</h3>
      <ul>
        <li>${t('renewalForm.cautions.latest')} ${t('renewalForm.cautions.latestToday', { today, latest: this.formatted(latestValidityStart(this.#today)) })}</li>
        <li>${t('renewalForm.cautions.future')}</li>
        <li>${t('renewalForm.cautions.past')}</li>
        <li>${t('renewalForm.cautions.noChange')}</li>
        <li>${t('renewalForm.cautions.noStartDate')}</li>
        <li>${t('renewalForm.cautions.expiry')}</li>
        <li>${t('renewalForm.cautions.issuance')} ${t('renewalForm.cautions.issuanceToday', { likely: this.formatted(likelyIssuanceDate(this.#today)) })}</li>
      </ul>
    </section>`;
  }

  private renderImport(): TemplateResult {
    const { t } = this.localize;
    const loading = this.busy === 'load';
    return html`<section class="import" part="import" aria-labelledby="import-heading">
      <h3 id="import-heading">${t('renewalForm.import.heading')}</h3>
      <p>${t('renewalForm.import.intro')}</p>
      <div class="field">
        <label class="label" for="field-pasteText">${t('renewalForm.import.paste')}</label>
        <p class="hint" id="field-pasteText-hint">${t('renewalForm.import.pasteHint')}</p>
        <textarea
          id="field-pasteText"
          rows="4"
          aria-describedby="field-pasteText-hint"
          .value=${live(this.pasteText)}
          @input=${(event: Event) => (this.pasteText = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="button" @click=${this.importPaste}>${t('renewalForm.import.pasteButton')}</button>
        <button type="button" ?disabled=${loading} aria-busy=${loading ? 'true' : 'false'} @click=${this.loadExpiring}>
          ${loading ? t('renewalForm.import.loading') : t('renewalForm.import.expiring', { days: EXPIRY_NOTICE_DAYS })}
        </button>
      </div>
      <div class="field">
        <label class="label" for="field-csv">${t('renewalForm.import.csv')}</label>
        <p class="hint" id="field-csv-hint">${t('renewalForm.import.csvHint')}</p>
        <input id="field-csv" type="file" accept=".csv,.tsv,.txt,text/csv" aria-describedby="field-csv-hint" @change=${this.importCsv} />
      </div>
      <div role="status">${this.report ? this.renderReport(this.report) : nothing}</div>
    </section>`;
  }

  private renderBulk(): TemplateResult {
    const { t } = this.localize;
    return html`<fieldset class="bulk">
      <legend>${t('renewalForm.bulk.legend')}</legend>
      <p class="hint">${t('renewalForm.bulk.hint')}</p>
      <div class="row-fields">
        <div class="field">
          <label class="label" for="field-bulkMedium">${t('renewalForm.bulk.medium')}</label>
          <select id="field-bulkMedium" @change=${(event: Event) => (this.bulk = { ...this.bulk, medium: (event.target as HTMLSelectElement).value as StorageMedium | '' })}>
            <option value="" ?selected=${!this.bulk.medium}>${t('renewalForm.rows.mediumUnset')}</option>
            ${STORAGE_MEDIA.map((medium) => html`<option value=${medium} ?selected=${this.bulk.medium === medium}>${t(`renewalForm.rows.media.${medium}`)}</option>`)}
          </select>
        </div>
        ${this.bulk.medium === 'download'
          ? html`<div class="field">
              <label class="label" for="field-bulkEmail">${t('renewalForm.bulk.notificationEmail')}</label>
              <input
                id="field-bulkEmail"
                type="email"
                autocomplete="email"
                .value=${live(this.bulk.notificationEmail)}
                @input=${(event: Event) => (this.bulk = { ...this.bulk, notificationEmail: (event.target as HTMLInputElement).value })}
              />
            </div>`
          : nothing}
      </div>
      <button type="button" @click=${this.applyBulk}>${t('renewalForm.bulk.apply')}</button>
    </fieldset>`;
  }

  private renderReport(report: ImportReport): TemplateResult {
    const { t } = this.localize;
    let summary: string;
    if (report.rows === 0) summary = t(report.source === 'expiring' ? 'renewalForm.import.noneExpiring' : 'renewalForm.import.nothing', { days: EXPIRY_NOTICE_DAYS });
    else if (report.invalidRows > 0) summary = t('renewalForm.import.addedWithErrors', { count: report.rows, invalid: report.invalidRows });
    else summary = t('renewalForm.import.added', { count: report.rows });
    return html`<p class="report">${summary}</p>
      ${report.problems.length > 0
        ? html`<p class="report-problems-title">${t('renewalForm.import.problemsHeading')}</p>
            <ul class="report-problems">
              ${report.problems.map((problem) => html`<li>${t(`renewalForm.import.problem.${problem.code}`, { line: problem.line, ...problem.params })}</li>`)}
            </ul>`
        : nothing}`;
  }

  /**
   * The rows, each rendered again only when what it shows changed (its draft, its place, its visible
   * issues, the language, the day): a keystroke in one of 500 rows re-renders that row alone.
   */
  private renderRows(context: FieldContext): unknown {
    // Changes when a language's texts arrive, which the translator's identity does not tell.
    const texts = `${this.localize.translator.language}:${this.localize.t('renewalForm.rows.medium')}`;
    return repeat(
      this.rows.length > this.renderedRows ? this.rows.slice(0, this.renderedRows) : this.rows,
      (row) => row.id,
      (row, index) => guard([row.draft, index, this.visibleRowIssues(row), texts, this.#today], () => this.renderRow(row, index, context)),
    );
  }

  /** A row's visible issues as one string, for `guard`: codes and their values. */
  private visibleRowIssues(row: RenewalRowState): string {
    let signature = '';
    for (const field of ROW_FIELDS) {
      const issue = this.visibleIssue(rowKey(row.id, field));
      if (issue) signature += `${field}:${issue.code}:${JSON.stringify(issue.params ?? {})};`;
    }
    return signature;
  }

  private renderRow(row: RenewalRowState, index: number, context: FieldContext): TemplateResult {
    const { t } = this.localize;
    const number = index + 1;
    const draft = row.draft;
    const key = (field: RowField) => rowKey(row.id, field);
    const cautions = renewalRowCautions(draft, this.#today);
    const past = cautions.find((caution) => caution.code === 'pastStart');
    const legend = draft.commonName?.trim()
      ? t('renewalForm.rows.legendWithName', { number, name: draft.commonName.trim() })
      : t('renewalForm.rows.legend', { number });
    return html`<fieldset class="row" part="row" id="row-${row.id}">
      <legend>${legend}</legend>
      <div class="row-fields">
        ${textField(context, { name: key('commonName'), label: t('renewalForm.rows.commonName'), value: draft.commonName, required: true, hint: t('renewalForm.rows.commonNameHint'), autocomplete: 'off', maxlength: 200 })}
        ${textField(context, { name: key('certificateId'), label: t('renewalForm.rows.certificateId'), value: draft.certificateId, required: false, autocomplete: 'off' })}
        ${this.renderDate(row, 'currentExpiry', '')}
        ${this.renderDate(row, 'validityStart', latestValidityStart(this.#today))}
      </div>
      ${past
        ? this.renderCheckbox(key('pastStartConfirmed'), t('renewalForm.rows.pastConfirm', { days: past.params?.days }), draft.pastStartConfirmed === true, (checked) =>
            this.setRowField(row.id, 'pastStartConfirmed', checked),
          )
        : nothing}
      ${this.renderMedium(row)}
      ${draft.medium === 'download'
        ? textField(context, { name: key('notificationEmail'), label: t('renewalForm.rows.notificationEmail'), value: draft.notificationEmail, required: true, type: 'email', hint: t('renewalForm.rows.notificationEmailHint'), autocomplete: 'email' })
        : nothing}
      ${draft.medium === 'usbToken' ? this.renderTokenChoice(row) : nothing}
      ${draft.medium === 'cdr' || draft.medium === 'usbMemory' ? html`<p class="hint">${t('renewalForm.rows.mailedNote')}</p>` : nothing}
      ${this.renderRowCautions(cautions)}
      <div class="row-actions">
        <button type="button" aria-label=${t('renewalForm.rows.duplicateLabel', { number })} @click=${() => this.duplicateRow(row.id)}>${t('renewalForm.rows.duplicate')}</button>
        <button type="button" aria-label=${t('renewalForm.rows.removeLabel', { number })} @click=${() => this.removeRow(row.id)}>${t('renewalForm.rows.remove')}</button>
      </div>
    </fieldset>`;
  }

  private renderDate(row: RenewalRowState, field: 'currentExpiry' | 'validityStart', max: IsoDate): TemplateResult {
    const { t } = this.localize;
    const key = rowKey(row.id, field);
    const label = t(`renewalForm.rows.${field}`);
    const issue = this.visibleIssue(key);
    return html`<cec-date-field
      id=${fieldId(key)}
      label=${label}
      lang=${this.localize.translator.language}
      max=${max}
      hint=${field === 'validityStart' ? t('renewalForm.rows.validityStartHint') : ''}
      no-formats-hint
      .value=${row.draft[field] ?? ''}
      error-message=${issue ? this.messageOf(field, label, issue) : ''}
      @cec-date-change=${(event: DateChangeEvent) => this.setRowField(row.id, field, event.detail.value)}
      @focusout=${() => this.touch(key)}
    ></cec-date-field>`;
  }

  private renderMedium(row: RenewalRowState): TemplateResult {
    const { t } = this.localize;
    const key = rowKey(row.id, 'medium');
    const id = fieldId(key);
    const label = t('renewalForm.rows.medium');
    const issue = this.visibleIssue(key);
    return html`<div class="field">
      <label class="label" for=${id}>${label}${marker(t, true)}</label>
      <select id=${id} required aria-invalid=${issue ? 'true' : 'false'} aria-describedby="${id}-error" @change=${(event: Event) => this.setRowField(row.id, 'medium', (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!row.draft.medium}>${t('renewalForm.rows.mediumUnset')}</option>
        ${STORAGE_MEDIA.map((medium) => html`<option value=${medium} ?selected=${row.draft.medium === medium}>${t(`renewalForm.rows.media.${medium}`)}</option>`)}
      </select>
      ${errorLine(t, `${id}-error`, issue ? this.messageOf('medium', label, issue) : undefined)}
    </div>`;
  }

  private renderTokenChoice(row: RenewalRowState): TemplateResult {
    const { t } = this.localize;
    const key = rowKey(row.id, 'tokenChoice');
    const id = fieldId(key);
    const label = t('renewalForm.rows.tokenChoice');
    const issue = this.visibleIssue(key);
    return html`<fieldset class="field" aria-describedby="${id}-note ${id}-error">
      <legend>${label}${marker(t, true)}</legend>
      <p class="hint" id="${id}-note">${t('renewalForm.rows.tokenNote')}</p>
      ${TOKEN_CHOICES.map(
        (choice, index) => html`<div class="choice">
          <input
            type="radio"
            name=${key}
            id=${index === 0 ? id : `${id}-${choice}`}
            .checked=${live(row.draft.tokenChoice === choice)}
            aria-invalid=${issue ? 'true' : 'false'}
            @change=${() => this.setRowField(row.id, 'tokenChoice', choice)}
          />
          <label for=${index === 0 ? id : `${id}-${choice}`}>${t(`renewalForm.rows.tokens.${choice}`)}</label>
        </div>`,
      )}
      ${errorLine(t, `${id}-error`, issue ? this.messageOf('tokenChoice', label, issue) : undefined)}
    </fieldset>`;
  }

  private renderCheckbox(key: string, label: string, checked: boolean, onChange: (checked: boolean) => void): TemplateResult {
    const { t } = this.localize;
    const id = fieldId(key);
    const issue = this.visibleIssue(key);
    return html`<div class="field">
      <div class="choice">
        <input
          type="checkbox"
          id=${id}
          required
          .checked=${live(checked)}
          aria-invalid=${issue ? 'true' : 'false'}
          aria-describedby="${id}-error"
          @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${label}</label>
      </div>
      ${errorLine(t, `${id}-error`, issue ? this.messageOf(key, label, issue) : undefined)}
    </div>`;
  }

  private renderRowCautions(cautions: readonly RenewalCaution[]): TemplateResult | typeof nothing {
    if (cautions.length === 0) return nothing;
    return html`<ul class="row-cautions" part="row-cautions">
      ${cautions.map((caution) => html`<li>${this.cautionText(caution)}</li>`)}
    </ul>`;
  }

  private cautionText(caution: RenewalCaution): string {
    const params: Record<string, unknown> = { ...caution.params };
    for (const name of ['likelyIssuance', 'start', 'from', 'to', 'expiry']) {
      if (typeof params[name] === 'string') params[name] = this.formatted(params[name] as IsoDate);
    }
    const estimated = caution.params?.estimated === true && (caution.code === 'overlap' || caution.code === 'gapAfterExpiry');
    return this.localize.t(`renewalForm.rowCautions.${caution.code}${estimated ? 'Estimated' : ''}`, params);
  }

  private renderConfirmation(request: RenewalRequest): TemplateResult {
    const { t } = this.localize;
    const none = t('renewalForm.confirmation.none');
    const date = (value: string | undefined) => (value ? this.formatted(value) : none);
    const submitting = this.busy === 'submit';
    return html`<section class="confirmation" part="confirmation" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading" tabindex="-1">${t('renewalForm.confirmation.heading')}</h3>
      <p>${t('renewalForm.confirmation.intro')}</p>
      <dl class="summary">
        <dt>${t('renewalForm.confirmation.operatorCode')}</dt>
        <dd>${request.operatorCode}</dd>
      </dl>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="confirm-caption">
        <table>
          <caption id="confirm-caption">${t('renewalForm.rows.heading', { count: request.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('renewalForm.confirmation.number')}</th>
              <th scope="col">${t('renewalForm.rows.commonName')}</th>
              <th scope="col">${t('renewalForm.rows.certificateId')}</th>
              <th scope="col">${t('renewalForm.rows.currentExpiry')}</th>
              <th scope="col">${t('renewalForm.rows.validityStart')}</th>
              <th scope="col">${t('renewalForm.rows.medium')}</th>
            </tr>
          </thead>
          <tbody>
            ${request.rows.map(
              (row, index) => html`<tr>
                <td>${index + 1}</td>
                <td>${row.commonName}</td>
                <td>${row.certificateId ?? none}</td>
                <td>${date(row.currentExpiry)}</td>
                <td>${row.validityStart ? this.formatted(row.validityStart) : t('renewalForm.confirmation.startIssueDate')}</td>
                <td>
                  ${t(`renewalForm.rows.media.${row.medium}`)}${row.tokenChoice ? html`<br />${t(`renewalForm.rows.tokens.${row.tokenChoice}`)}` : nothing}${row.notificationEmail
                    ? html`<br />${row.notificationEmail}`
                    : nothing}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.renderFailure()}
      <div class="actions">
        <button type="button" @click=${() => this.show('edit')}>${t('renewalForm.confirmation.edit')}</button>
        <button type="button" class="primary" ?disabled=${submitting} aria-busy=${submitting ? 'true' : 'false'} @click=${this.submit}>
          ${submitting ? t('renewalForm.confirmation.submitting') : t('renewalForm.confirmation.submit')}
        </button>
      </div>
    </section>`;
  }

  private renderDone(receipt: RenewalReceipt): TemplateResult {
    const { t } = this.localize;
    return html`<section class="done" part="done" aria-labelledby="done-heading">
      <h3 id="done-heading" tabindex="-1">${t('renewalForm.done.heading')}</h3>
      <p class="request-number">${t('renewalForm.done.requestNumber', { requestNumber: receipt.requestNumber })}</p>
      <p>${t('renewalForm.done.issuance')}</p>
      <p>${t('renewalForm.done.invoice')}</p>
      <h4>${t('renewalForm.done.rowsHeading', { count: receipt.rows.length })}</h4>
      <ul>
        ${receipt.rows.map(
          (row) => html`<li>${row.certificateId ? t('renewalForm.done.rowWithId', { name: row.commonName, id: row.certificateId }) : row.commonName}</li>`,
        )}
      </ul>
      <button type="button" @click=${this.startAgain}>${t('renewalForm.done.another')}</button>
    </section>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    const { t } = this.localize;
    const key = failure.key === 'fileUnreadable' ? 'renewalForm.import.fileUnreadable' : `renewalForm.failures.${failure.key}`;
    return html`<div class="warning failure" part="failure" role="alert">
      <p>${t(key, failure.values)}</p>
      ${failure.retry ? html`<button type="button" @click=${failure.retry}>${t('renewalForm.retry')}</button>` : nothing}
    </div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.#submitted && this.#serverIssues.size === 0) return nothing;
    const entries: Array<{ field: string; message: string }> = [];
    for (const field of REQUEST_FIELDS) {
      const issue = this.visibleIssue(field);
      if (issue) entries.push({ field: field === 'rows' ? 'add-row-anchor' : field, message: this.messageOf(field, this.requestLabel(field), issue) });
    }
    this.rows.forEach((row, index) => {
      for (const field of ROW_FIELDS) {
        const issue = this.visibleIssue(rowKey(row.id, field));
        if (!issue) continue;
        const message = this.messageOf(field, this.rowLabel(field), issue);
        entries.push({ field: rowKey(row.id, field), message: this.localize.t('renewalForm.rowMessage', { number: index + 1, message }) });
      }
    });
    return errorSummary(this.localize.t, entries, (field) => {
      if (field === 'add-row-anchor') this.renderRoot.querySelector<HTMLElement>('#add-row')?.focus();
      else void this.focusField(field);
    });
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private visibleIssue(key: string): FieldIssue | undefined {
    const issue = this.#issues.get(key);
    if (!issue) return undefined;
    const shown = this.#submitted || this.#serverIssues.has(key) || this.#prefilled.has(key) || (this.#touched.has(key) && this.#dirty.has(key));
    return shown ? issue : undefined;
  }

  private fieldContext(): FieldContext {
    return {
      // The shared text field words an issue as `errors.<code>`; this form words every code itself.
      t: (key, values) => this.localize.t(key.startsWith('errors.') ? `renewalForm.${key}` : key, values),
      issueOf: (key) => this.visibleIssue(key),
      optionsOf: () => ({}),
      onInput: (key, value) => {
        if (key === 'operatorCode') this.setRequestField('operatorCode', value);
        else {
          const [, id, field] = key.split('-');
          this.setRowField(Number(id), field as RowField, value);
        }
      },
      onBlur: (key) => this.touch(key),
    };
  }

  private requestLabel(field: string): string {
    return field === 'operatorCode' || field === 'operatorCodeConfirmed' ? this.localize.t('renewalForm.operatorCode.label') : '';
  }

  private rowLabel(field: RowField): string {
    return field === 'pastStartConfirmed' ? this.localize.t('renewalForm.rows.validityStart') : this.localize.t(`renewalForm.rows.${field}`);
  }

  private messageOf(field: string, label: string, issue: FieldIssue): string {
    const code = issue.code === 'required' && CHOICE_FIELDS.has(field) ? 'requiredChoice' : issue.code;
    const params: Record<string, unknown> = { field: label, ...issue.params };
    if (typeof params.latest === 'string') params.latest = this.formatted(params.latest);
    const key = `renewalForm.errors.${code}`;
    return this.localize.t(this.localize.translator.has(key) ? key : 'renewalForm.errors.invalid', params);
  }

  private formatted(date: IsoDate): string {
    return formatCalendarDate(date, this.localize.translator.language);
  }
}

import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { parseTypedDate, toJapaneseEra, type IsoDate } from '../../domain/dates.js';
import { IncludeResourcesController } from '../invitation-form/include-resources.js';
import { errorLine, marker } from '../shared/fields.js';
import { LocalizeController } from '../shared/localize.js';
import { baseStyles } from '../shared/styles.js';
import { formatCalendarDate } from './calendar-format.js';
import { DateChangeEvent } from './date-field-events.js';
import { dateFieldResources } from './date-field.resources.js';
import { dateFieldStyles } from './date-field.styles.js';

/** Why the field's text is not an acceptable date, as a code and the values its message names. */
export interface DateFieldProblem {
  code: 'required' | 'dateFormat' | 'dateInvalid' | 'eraRange' | 'dateBeforeMin' | 'dateAfterMax';
  params?: { min?: IsoDate; max?: IsoDate };
}

const VALIDITY_FLAG: Record<DateFieldProblem['code'], keyof ValidityStateFlags> = {
  required: 'valueMissing',
  dateFormat: 'badInput',
  dateInvalid: 'badInput',
  eraRange: 'badInput',
  dateBeforeMin: 'rangeUnderflow',
  dateAfterMax: 'rangeOverflow',
};

/**
 * A labelled date field that takes dates as people in Japan type them — `2027-04-01`, `2027/4/1`,
 * `令和9年4月1日`, `R9.4.1`, full-width digits — shows the range it accepts and the date it read (with its
 * weekday and era), and announces what is wrong. Dates are calendar days in Japan time. It is
 * form-associated: inside a `<form>` it submits `YYYY-MM-DD` under its `name` and takes part in the
 * form's validation.
 *
 * Its own errors show once the user typed and left the field, or after `reportValidity()` or with
 * `show-errors`; a host with a rule of its own sets `errorMessage`, which is shown instead.
 *
 * @summary A date field for Japanese forms (Japan time, 和暦, full-width digits).
 * @fires cec-date-change - The user edited the date; `event.detail` is `{ value, date }` (`date` is `YYYY-MM-DD` or undefined).
 * @csspart field - The block around the label, the input and the messages.
 * @csspart label - The label.
 * @csspart marker - The 「※必須」/「※任意」 marker.
 * @csspart input - The text input.
 * @csspart hint - The formats accepted and the host's hint.
 * @csspart range - The range of dates accepted.
 * @csspart normalised - The date as read.
 * @csspart error - The message of the problem.
 */
export class CecDateField extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, dateFieldStyles];

  /** The visible label, which messages name too (e.g. 有効期間開始日). */
  @property() label = '';

  /** The name the date is submitted under in a form. */
  @property({ reflect: true }) name = '';

  /** The text as typed (or set by the host); `date` is the day it reads as. */
  @property() value = '';

  /** Earliest date accepted, `YYYY-MM-DD`; none when empty. */
  @property() min = '';

  /** Latest date accepted, `YYYY-MM-DD`; none when empty. */
  @property() max = '';

  /** Whether a date must be given. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Whether the field is disabled (also set by a disabled `<fieldset>`). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** A help text under the label, besides the formats accepted. */
  @property() hint = '';

  /** Hides the line of example formats (a form with many date fields may say it once). */
  @property({ type: Boolean, attribute: 'no-formats-hint' }) noFormatsHint = false;

  /** A message from the host's own rules (in the user's language): shown instead of the field's own. */
  @property({ attribute: 'error-message' }) errorMessage = '';

  /** Show the field's own errors now, typed in or not (after the host's form was submitted). */
  @property({ type: Boolean, attribute: 'show-errors' }) showErrors = false;

  /** Language: `ja` (default) or `en`; inherited from the nearest ancestor's `lang` when not set. */
  @property({ reflect: true }) override lang!: string;

  @state() private touched = false;
  @state() private dirty = false;
  @state() private reported = false;

  readonly #internals: ElementInternals;
  private readonly localize = new LocalizeController(this);
  #defaultValue: string | undefined;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    new IncludeResourcesController(this, this.localize, dateFieldResources);
  }

  /** The day the text reads as, `YYYY-MM-DD`; `undefined` while blank or not a date. */
  get date(): IsoDate | undefined {
    if (!this.value.trim()) return undefined;
    const read = parseTypedDate(this.value);
    return read.ok ? read.date : undefined;
  }

  /** What is wrong with the text now (shown or not), by the field's own rules. */
  get problem(): DateFieldProblem | undefined {
    if (!this.value.trim()) return this.required ? { code: 'required' } : undefined;
    const read = parseTypedDate(this.value);
    if (!read.ok) return { code: read.code };
    if (this.min && read.date < this.min) return { code: 'dateBeforeMin', params: { min: this.min } };
    if (this.max && read.date > this.max) return { code: 'dateAfterMax', params: { max: this.max } };
    return undefined;
  }

  /** The form this field belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** Whether the date is acceptable (the host's `errorMessage` counts). */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the error. */
  reportValidity(): boolean {
    this.reported = true;
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.value = this.#defaultValue ?? '';
    this.touched = false;
    this.dirty = false;
    this.reported = false;
  }

  formStateRestoreCallback(state: string | null): void {
    this.value = state ?? '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#defaultValue ??= this.value;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The form gets the day as read (so a submit sends YYYY-MM-DD); the state keeps the text as typed.
    this.#internals.setFormValue(this.date ?? null, this.value);
    const problem = this.problem;
    const input = this.renderRoot.querySelector('input') ?? undefined;
    if (this.errorMessage) this.#internals.setValidity({ customError: true }, this.errorMessage, input);
    else if (problem) this.#internals.setValidity({ [VALIDITY_FLAG[problem.code]]: true }, this.messageOf(problem), input);
    else this.#internals.setValidity({});
  }

  // ── event handlers ────────────────────────────────────────────────────────

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.dirty = true;
    this.dispatchEvent(new DateChangeEvent({ value: this.value, date: this.date }));
  }

  private onBlur(): void {
    this.touched = true;
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render() {
    const { t } = this.localize;
    const shownProblem = this.showErrors || this.reported || (this.touched && this.dirty) ? this.problem : undefined;
    const message = this.errorMessage || (shownProblem ? this.messageOf(shownProblem) : undefined);
    const date = this.date;
    const describedBy = ['hint', 'formats', 'range', 'normalised', 'error'].filter((id) => this.#hasDescription(id, date)).join(' ');
    return html`<div class="field" part="field">
      <label class="label" part="label" for="input">${this.label}${marker(t, this.required)}</label>
      ${this.hint ? html`<p class="hint" part="hint" id="hint">${this.hint}</p>` : nothing}
      ${this.noFormatsHint ? nothing : html`<p class="hint" part="hint" id="formats">${t('dateField.formats')}</p>`}
      <input
        id="input"
        part="input"
        type="text"
        autocomplete="off"
        .value=${live(this.value)}
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onInput}
        @blur=${this.onBlur}
      />
      <p class="range hint" part="range" id="range">${this.rangeText()}</p>
      ${date ? html`<p class="normalised" part="normalised" id="normalised">${this.normalisedText(date)}</p>` : nothing}
      ${errorLine(t, 'error', message)}
    </div>`;
  }

  #hasDescription(id: string, date: IsoDate | undefined): boolean {
    if (id === 'hint') return Boolean(this.hint);
    if (id === 'formats') return !this.noFormatsHint;
    if (id === 'normalised') return date !== undefined;
    return true;
  }

  private rangeText(): string {
    const { t } = this.localize;
    const min = this.min ? this.formatted(this.min) : '';
    const max = this.max ? this.formatted(this.max) : '';
    if (min && max) return t('dateField.rangeBoth', { min, max });
    if (min) return t('dateField.rangeMin', { min });
    if (max) return t('dateField.rangeMax', { max });
    return t('dateField.rangeNone');
  }

  private normalisedText(date: IsoDate): string {
    const era = this.localize.translator.language === 'ja' ? toJapaneseEra(date) : undefined;
    const formatted = this.formatted(date);
    return era ? this.localize.t('dateField.normalisedWithEra', { date: formatted, era }) : this.localize.t('dateField.normalised', { date: formatted });
  }

  private formatted(date: IsoDate): string {
    return formatCalendarDate(date, this.localize.translator.language);
  }

  private messageOf(problem: DateFieldProblem): string {
    const params = {
      field: this.label,
      ...(problem.params?.min ? { min: this.formatted(problem.params.min) } : {}),
      ...(problem.params?.max ? { max: this.formatted(problem.params.max) } : {}),
    };
    return this.localize.t(`dateField.errors.${problem.code}`, params);
  }
}

import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FieldIssue, SectionResult } from '../../domain/index.js';
import { ChangeEvent } from './events.js';
import { errorSummary, fieldId, issuesMessage, textField, type FieldContext, type TextFieldSpec } from './fields.js';
import { FormState, type FieldOptions } from './form-state.js';
import { LocalizeController } from './localize.js';
import type { WizardStep } from './step.js';
import { baseStyles } from './styles.js';

/**
 * The common class of the built-in form steps (STEP 1–4). A base class rather than a controller
 * because it is the public API itself: `value`, `fields`, `validate()` are the step contract.
 * The custom properties below are the theme every element reads (`baseStyles`); the analyzer passes
 * them on to each step.
 *
 * @cssprop --cec-color-primary - Brand colour of buttons, links and the current step.
 * @cssprop --cec-color-on-primary - Text on the brand colour.
 * @cssprop --cec-color-text - Body text.
 * @cssprop --cec-color-muted - Hints and secondary text.
 * @cssprop --cec-color-surface - Background of fields and the frame.
 * @cssprop --cec-color-subtle - Background of notices and read-only fields.
 * @cssprop --cec-color-border - Field borders.
 * @cssprop --cec-color-error - Errors.
 * @cssprop --cec-color-warning-surface - Background of warnings and of the notice that cannot be undone.
 * @cssprop --cec-font-family - Typeface.
 * @cssprop --cec-font-size - Base text size.
 * @cssprop --cec-space - Base spacing unit.
 * @cssprop --cec-radius - Corner radius of fields, buttons and panels.
 * @cssprop --cec-focus-ring - Outline of the focused control.
 */
export abstract class FormStepElement<T extends object> extends LitElement implements WizardStep<T> {
  static override styles = [baseStyles];

  /** The section's value as typed (before normalising). Setting it from outside marks filled fields as prefilled. */
  @property({ attribute: false }) value!: T;

  /** Per-field options: `{ corporateNumber: { readonly: true }, representative: { hidden: true } }`. */
  @property({ attribute: false }) fields: Record<string, FieldOptions> = {};

  protected readonly localize = new LocalizeController(this);
  protected readonly form = new FormState(this, () => this.check());
  /** The domain's normaliser of each text field (`FIELD_NORMALISERS`): a field shows its result once it is left. */
  protected readonly normalisers: Readonly<Record<string, (input: string) => string>> = {};
  /** The value this element last set itself; anything else arriving in `value` came from outside. */
  #ownValue: T | undefined;

  /** Validates the current value with the section's schema. */
  protected abstract check(): SectionResult<unknown>;
  /** Fields in display order: the error summary lists them in this order. */
  protected abstract fieldOrder(): readonly string[];

  /** The visible label of a field, which error messages name. */
  protected abstract labelOf(field: string): string;

  /** Shows every error of the section and tells whether it is valid. */
  validate(): boolean {
    return this.form.validate();
  }

  /** Names of the fields that are invalid now (for analytics: names only, never values). */
  invalidFields(): string[] {
    return Object.keys(this.form.issues());
  }

  /** Moves focus to the error summary (after the wizard refused to go on). */
  async focusErrorSummary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** Shows the backend's verdict on fields of this section. */
  showServerIssues(issues: readonly FieldIssue[]): void {
    this.form.setServerIssues(issues);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== this.#ownValue) {
      const filled = Object.entries(this.value ?? {})
        .filter(([, field]) => typeof field === 'string' && field.trim() !== '')
        .map(([name]) => name);
      this.form.markPrefilled(filled);
    }
  }

  /** Records the user's edit of `field` and tells the host. */
  protected setField(field: string, fieldValue: unknown): void {
    this.value = { ...this.value, [field]: fieldValue };
    this.#ownValue = this.value;
    this.form.markDirty(field);
    this.dispatchEvent(new ChangeEvent(this.value));
  }

  protected focusField(field: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(field)}`)?.focus();
  }

  protected fieldContext(): FieldContext {
    return {
      t: this.localize.t,
      issueOf: (field) => this.form.visibleIssue(field),
      optionsOf: (field) => this.fields[field] ?? {},
      issuesOf: (field) => this.form.visibleIssueList(field),
      onInput: (field, fieldValue) => this.setField(field, fieldValue),
      onBlur: (field) => {
        this.#showNormalised(field);
        this.form.markTouched(field);
      },
    };
  }

  /** The converted value (full-width digits, kana, ㈱…) replaces what was typed once the field is left. */
  /**
   * A text field of this step, named by `name`: its label is `labelOf(name)`, its value this step's, and
   * it is required unless `spec` says otherwise.
   *
   * @example
   * this.textField('phone', { type: 'tel', hint: t('adminUser.phoneHint') })
   */
  protected textField(name: string, spec: Partial<TextFieldSpec> = {}): TemplateResult {
    const value = (this.value as Record<string, unknown>)[name];
    return textField(this.fieldContext(), {
      name,
      label: this.labelOf(name),
      value: typeof value === 'string' ? value : undefined,
      required: true,
      ...spec,
    });
  }

  #showNormalised(field: string): void {
    const normalise = this.normalisers[field];
    const typed = (this.value as Record<string, unknown>)[field];
    if (!normalise || typeof typed !== 'string' || this.fields[field]?.readonly) return;
    const converted = normalise(typed);
    if (converted !== typed) this.setField(field, converted);
  }

  protected renderErrorSummary(): TemplateResult | unknown {
    if (!this.form.submitted) return undefined;
    const entries = this.form.visibleIssues(this.fieldOrder()).map(([field]) => ({
      field,
      message: issuesMessage(this.localize.t, this.labelOf(field), this.form.visibleIssueList(field)) ?? '',
    }));
    return errorSummary(this.localize.t, entries, (field) => this.focusField(field));
  }
}

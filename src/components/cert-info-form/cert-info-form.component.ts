import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import {
  certificateSchema,
  FIELD_NORMALISERS,
  MAX_COMPANY_NAME_ALPHA,
  MAX_DEPARTMENT_TITLE_ALPHA,
  toHalfWidthAlphabet,
  validateSection,
  type SectionResult,
} from '../../domain/index.js';
import type { CertificateDraft } from '../shared/draft.js';
import { fieldId } from '../shared/fields.js';
import { FormStepElement } from '../shared/form-step.js';
import { baseStyles } from '../shared/styles.js';

const FIELDS = ['companyNameAlpha', 'departmentJa', 'departmentAlpha', 'titleJa', 'titleAlpha'] as const;

/**
 * STEP 4 証明書情報入力: what the electronic certificate will carry — the digital form of the signer's
 * role seal (company, department, job title), never a person's name. It cannot be changed after
 * issuance, which the step says up front. The Japanese company name is STEP 2's and is only shown.
 *
 * @summary The certificate's company, department and job title, in Japanese and in the alphabet.
 * @fires cec-change - The user edited a field; `event.value` is the new `CertificateDraft`.
 * @csspart warning - The notice that the certificate cannot be changed and must name a role.
 * @csspart help - FAQ 4 of the guide (what department and title to enter), opened on demand.
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」 marker after a label.
 * @csspart hint - The help text under a label.
 * @csspart input - Each text input.
 * @csspart readonly-value - The Japanese company name taken from STEP 2.
 * @csspart counter - The running length of 部署名 + 役職名 (アルファベット).
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused "next".
 */
export class CecCertInfoForm extends FormStepElement<CertificateDraft> {
  static override styles = [
    baseStyles,
    css`
      .readonly-value {
        display: block;
        max-width: 36em;
        padding: 0.5em 0.65em;
        background: var(--_subtle);
        border-radius: var(--_radius);
        overflow-wrap: anywhere;
      }
      .readonly-value.empty {
        color: var(--_muted);
      }
      .with-counter > .field {
        margin-bottom: 0.35em;
      }
      .counter {
        color: var(--_muted);
        font-size: 0.9em;
        margin: 0 0 calc(var(--_space) * 1.25);
      }
      .counter.over {
        color: var(--_error);
        font-weight: 600;
      }
      .help {
        margin: 0 0 var(--_space);
      }
      .help summary {
        cursor: pointer;
        color: var(--_primary);
      }
    `,
  ];

  /**
   * The company name entered in STEP 2, shown as 企業名(日本語) when the element stands alone;
   * inside the wizard the wizard's draft is shown instead.
   */
  @property({ attribute: 'company-name-ja' }) companyNameJa = '';

  protected override readonly normalisers = FIELD_NORMALISERS.certificate;

  constructor() {
    super();
    this.value = {};
  }

  /** The Japanese name the certificate will carry: the wizard's STEP 2 value, else the property. */
  get #shownCompanyNameJa(): string {
    return (this.localize.wizard?.draft.company.name ?? this.companyNameJa).trim();
  }

  /** 部署名 + 役職名 (アルファベット) as the schema counts them: after converting full-width letters. */
  get #departmentTitleLength(): number {
    return toHalfWidthAlphabet(this.value.departmentAlpha ?? '').length + toHalfWidthAlphabet(this.value.titleAlpha ?? '').length;
  }

  protected check(): SectionResult<unknown> {
    const result = validateSection(certificateSchema, this.value);
    if (result.ok) return result;
    // The combined rule is the schema's own refinement, which carries no maximum for the message.
    const issues = result.issues.map((issue) =>
      issue.code === 'departmentTitleTooLong' ? { ...issue, params: { maximum: MAX_DEPARTMENT_TITLE_ALPHA, ...issue.params } } : issue,
    );
    return { ok: false, issues };
  }

  protected fieldOrder() {
    return FIELDS;
  }

  protected labelOf(field: string): string {
    return this.localize.t(`certificate.${field}`);
  }

  override render() {
    const { t } = this.localize;
    const alphabet = { inputmode: 'latin', autocomplete: 'off' } as const;
    return html`
      ${this.renderErrorSummary()}
      <h3>${t('certificate.heading')}</h3>
      <p>${t('certificate.intro')}</p>
      <p>${t('certificate.embedded')}</p>
      <div class="warning" part="warning" role="note">
        <p>${t('certificate.warning')}</p>
        <p>${t('certificate.roleNotPerson')}</p>
      </div>
      <details class="help" part="help">
        <summary>${t('certificate.helpQuestion')}</summary>
        <p>${t('certificate.helpAnswer')}</p>
      </details>
      <p>${t('certificate.alphabetChoice')}</p>
      ${this.#renderCompanyNameJa()}
      ${this.textField('companyNameAlpha', {
        ...alphabet,
        hint: html`${t('certificate.companyNameAlphaHint', { maximum: MAX_COMPANY_NAME_ALPHA })} ${t('certificate.alphabetRule')}`,
      })}
      ${this.textField('departmentJa', { hint: t('certificate.departmentJaHint') })}
      ${this.textField('departmentAlpha', {
        ...alphabet,
        hint: html`${t('certificate.departmentAlphaQualifier')} ${t('certificate.departmentAlphaHint')} ${t('certificate.alphabetRule')}`,
      })}
      ${this.textField('titleJa', { hint: t('certificate.titleJaHint') })}
      <div class="with-counter">
        ${this.textField('titleAlpha', {
          ...alphabet,
          hint: html`${t('certificate.titleAlphaQualifier')} ${t('certificate.titleAlphaHint', { maximum: MAX_DEPARTMENT_TITLE_ALPHA })}
          ${t('certificate.alphabetRule')}`,
        })}
        ${this.#renderCounter()}
      </div>
    `;
  }

  #renderCompanyNameJa() {
    const { t } = this.localize;
    const id = fieldId('companyNameJa');
    const name = this.#shownCompanyNameJa;
    return html`<div class="field" part="field field-companyNameJa">
      <label class="label" part="label" for=${id}>${t('certificate.companyNameJa')}</label>
      <p class="hint" part="hint" id="${id}-hint">${t('certificate.companyNameJaHint')}</p>
      <output id=${id} class="readonly-value ${name ? '' : 'empty'}" part="readonly-value" aria-describedby="${id}-hint"
        >${name || t('certificate.companyNameJaEmpty')}</output
      >
    </div>`;
  }

  /** ≤ 60 characters together (application guide, STEP 4): counted as the person types. */
  #renderCounter() {
    const count = this.#departmentTitleLength;
    const over = count > MAX_DEPARTMENT_TITLE_ALPHA;
    return html`<p class="counter ${over ? 'over' : ''}" part="counter" aria-live="polite" aria-atomic="true">
      ${this.localize.t('certificate.lengthCount', { count, maximum: MAX_DEPARTMENT_TITLE_ALPHA })}
    </p>`;
  }
}

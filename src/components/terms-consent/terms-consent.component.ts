import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { termsSchema, validateSection } from '../../domain/index.js';
import type { TermsDraft } from '../shared/draft.js';
import { errorLine, fieldId, issueMessage } from '../shared/fields.js';
import { FormStepElement } from '../shared/form-step.js';
import { baseStyles } from '../shared/styles.js';

const TERMS = ['service', 'certificate'] as const;

/**
 * STEP 1 利用規約確認: the two consents the application needs. Each term's name links to its document.
 *
 * @summary Consent to the CECTRUST-Light terms and the JCAN certificate terms.
 * @fires cec-change - The user ticked or unticked a box; `event.value` is the new `TermsDraft`.
 * @csspart field - Each consent block.
 * @csspart error-summary - The list of problems shown after a refused "next".
 * @csspart error - The message under a box.
 */
export class CecTermsConsent extends FormStepElement<TermsDraft> {
  static override styles = [
    baseStyles,
    css`
      .term {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin: 0 0 var(--_space);
      }
      .term-name {
        font-weight: 600;
        margin: 0 0 0.25em;
      }
    `,
  ];

  /** URL of the CECTRUST-Light terms document. */
  @property({ attribute: 'service-terms-url' }) serviceTermsUrl =
    'https://www.construction-ec.com/cectrust-light/member/download.html';

  /** URL of the JCAN certificate terms document. */
  @property({ attribute: 'certificate-terms-url' }) certificateTermsUrl =
    'https://www.construction-ec.com/cectrust-light/member/download.html';

  constructor() {
    super();
    this.value = {};
  }

  protected check() {
    return validateSection(termsSchema, {
      service: this.value.service === true,
      certificate: this.value.certificate === true,
    });
  }

  protected fieldOrder() {
    return TERMS;
  }

  protected labelOf(field: string): string {
    return this.localize.t(`terms.${field}Agree`);
  }

  override render() {
    const { t } = this.localize;
    return html`
      ${this.renderErrorSummary()}
      <h3>${t('terms.heading')}</h3>
      <p>${t('terms.about')}</p>
      <p>${t('terms.intro')}</p>
      ${TERMS.map((term) => this.renderTerm(term))}
      <div class="notice" part="notice">
        <p>${t('terms.alreadyApplied')}</p>
        <p>${t('terms.oneApplication')}</p>
      </div>
    `;
  }

  private renderTerm(term: (typeof TERMS)[number]) {
    const { t } = this.localize;
    const id = fieldId(term);
    const issue = this.form.visibleIssue(term);
    const label = this.labelOf(term);
    const url = term === 'service' ? this.serviceTermsUrl : this.certificateTermsUrl;
    return html`<div class="term field" part="field field-${term}">
      <p class="term-name">
        <a href=${url} target="_blank" rel="noopener noreferrer"
          >${t(`terms.${term}Name`)}<span class="visually-hidden">${t('terms.opensInNewWindow')}</span></a
        >
      </p>
      <p class="hint">${t(`terms.${term}Description`)}</p>
      <div class="choice">
        <input
          type="checkbox"
          id=${id}
          name=${term}
          .checked=${live(this.value[term] === true)}
          aria-invalid=${issue ? 'true' : 'false'}
          aria-describedby="${id}-error"
          required
          @change=${(event: Event) => this.setField(term, (event.target as HTMLInputElement).checked)}
        />
        <label for=${id}>${label}</label>
      </div>
      ${errorLine(t, `${id}-error`, issue ? issueMessage(t, label, issue) : undefined)}
    </div>`;
  }
}

import { css, html, isServer, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ENTITY_KINDS, termsSchema, validateSection, type EntityKind } from '../../domain/index.js';
import type { TermsDraft } from '../shared/draft.js';
import { errorLine, fieldId, issueMessage, webAddress } from '../shared/fields.js';
import { FormStepElement } from '../shared/form-step.js';
import { sentenceWith } from '../shared/localize.js';
import { baseStyles } from '../shared/styles.js';

const TERMS = ['service', 'certificate'] as const;
/** The download page both terms are on (application guide, STEP 1 ②). */
const TERMS_PAGE = 'https://www.construction-ec.com/cectrust-light/member/download.html';

/**
 * STEP 1 利用規約確認: the two consents the application needs. Each term's name links to its document.
 * Before them, what to prepare: the PDF each kind of applicant uploads, and whom to write to when the
 * 印鑑証明書 cannot be made a PDF (application guide, 1. 申請時に必要な書類 and 補足①).
 *
 * @summary Consent to the CECTRUST-Light terms and the JCAN certificate terms.
 * @fires cec-change - The user ticked or unticked a box; `event.value` is the new `TermsDraft`.
 * @csspart field - Each consent block.
 * @csspart notice - The note that a company already using CECTRUST-Light need not apply again.
 * @csspart prepare - What to prepare before starting.
 * @csspart support-link - The support address link.
 * @csspart consent-reminder - FAQ 1's reminder, shown when a box is left unticked.
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
      .prepare {
        border-inline-start: 4px solid var(--_border);
        padding-inline-start: var(--_space);
        margin: 0 0 var(--_space);
      }
      .prepare h4 {
        font-size: 1em;
        margin: 0 0 0.25em;
      }
      .consent-reminder {
        color: var(--_error);
        font-weight: 600;
      }
    `,
  ];

  /** URL of the CECTRUST-Light terms document. */
  @property({ attribute: 'service-terms-url' }) serviceTermsUrl = TERMS_PAGE;

  /** URL of the JCAN certificate terms document. */
  @property({ attribute: 'certificate-terms-url' }) certificateTermsUrl = TERMS_PAGE;

  /** Whom to write to when the 印鑑証明書 cannot be made a PDF. */
  @property({ attribute: 'support-email' }) supportEmail = 'help-light@construction-ec.com';

  /** Kinds of applicant whose document is listed (the kinds STEP 2 offers); all four by default. */
  @property({ attribute: false }) allowedKinds: readonly EntityKind[] = ENTITY_KINDS;

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
      <h3 class=${this.localize.wizard ? 'visually-hidden' : ''}>${t('terms.heading')}</h3>
      <p>${t('terms.about')}</p>
      <p>${t('terms.intro')}</p>
      ${this.#renderPrepare()}
      ${TERMS.map((term) => this.#renderTerm(term))}
      ${this.form.submitted && this.invalidFields().length > 0
        ? html`<p class="consent-reminder" part="consent-reminder">${t('terms.bothRequired')}</p>`
        : nothing}
      <div class="notice" part="notice">
        <p>${t('terms.alreadyApplied')}</p>
        <p>${t('terms.oneApplication')}</p>
      </div>
    `;
  }

  #renderPrepare() {
    const { t } = this.localize;
    const support = this.supportEmail;
    return html`<section class="prepare" part="prepare" aria-labelledby="prepare-heading">
      <h4 id="prepare-heading">${t('terms.prepareHeading')}</h4>
      <p>${t('terms.prepareIntro')}</p>
      <ul>
        ${this.allowedKinds.map(
          (kind) => html`<li>${t('terms.prepareItem', { kind: t(`company.kinds.${kind}`), document: t(`company.documentHint.${kind}`) })}</li>`,
        )}
      </ul>
      <p>${sentenceWith(t, 'terms.cannotMakePdf', 'email', html`<a part="support-link" href="mailto:${support}">${support}</a>`)}</p>
    </section>`;
  }

  #renderTerm(term: (typeof TERMS)[number]) {
    const { t } = this.localize;
    const id = fieldId(term);
    const issue = this.form.visibleIssue(term);
    const label = this.labelOf(term);
    const url = webAddress(term === 'service' ? this.serviceTermsUrl : this.certificateTermsUrl, TERMS_PAGE);
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
          ?checked=${this.value[term] === true}
          .checked=${isServer ? nothing : live(this.value[term] === true)}
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

import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { webAddress } from '../shared/fields.js';
import { LocalizeController, sentenceWith } from '../shared/localize.js';
import type { WizardStep } from '../shared/step.js';
import { baseStyles } from '../shared/styles.js';

/** The six mails the administrator receives, in the order they come (application guide, STEP 6). */
const MAILS = ['userId', 'password', 'companyRegistered', 'certificateIssued', 'pin', 'registrationComplete'] as const;
/** The guide numbers the mails ①–⑥ and the text refers to them by these marks (「④～⑥のメールは…」). */
const MAIL_MARKS = ['①', '②', '③', '④', '⑤', '⑥'] as const;
/** Mails from this index on (④–⑥) come days after the first three. */
const LATER_MAILS_FROM = 3;

/** Where the guide sends applicants for the operation manual (videos and PDF): application guide, 補足③. */
export const DEFAULT_MANUAL_URL = 'http://www.construction-ec.com/cectrust-light/manual/index.html';

/**
 * STEP 6 申請完了: the receipt number, where the mails go, the six mails to expect (①–③ first,
 * ④–⑥ within days), whom to write to when they do not arrive (application guide, STEP 6), how soon the
 * service can be used (FAQ 6), to keep the mails (4. 完了後の流れ) and the operation manual (補足③).
 *
 * @summary The application was received.
 * @csspart receipt-number - The emphasised receipt number.
 * @csspart mails - The list of the six mails.
 * @csspart support-link - The support address link.
 * @csspart keep-mails - The advice to keep the mails (大切に保管してください).
 * @csspart manual-link - The link to the operation manual.
 *
 * @example
 * <cec-completion receipt-number="2401260002" email="yamaguchi@example.com"></cec-completion>
 */
export class CecCompletion extends LitElement implements WizardStep<undefined> {
  static override styles = [
    baseStyles,
    css`
      :host {
        /* A long email address or receipt must wrap at 320 CSS px rather than scroll sideways (WCAG 1.4.10). */
        overflow-wrap: anywhere;
      }
      .receipt {
        font-size: 1.1em;
      }
      .receipt strong {
        font-size: 1.2em;
        letter-spacing: 0.05em;
      }
      .mails {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      .mails li {
        display: flex;
        gap: 0.35em;
        margin: 0.2em 0;
      }
      .mails li.later-first {
        margin-top: calc(var(--_space) * 0.75);
      }
    `,
  ];

  /** The receipt number the backend returned (e.g. `2401260002`). */
  @property({ attribute: 'receipt-number' }) receiptNumber = '';

  /** The administrator's address the mails go to; inside the wizard, STEP 3's address when not set. */
  @property() email = '';

  /** Whom to write to when the mails do not arrive. */
  @property({ attribute: 'support-email' }) supportEmail = 'help-light@construction-ec.com';

  /** The operation manual (videos and PDF) the applicant prepares with; the guide's address by default. */
  @property({ attribute: 'manual-url' }) manualUrl = DEFAULT_MANUAL_URL;

  /** Unused: the step contract asks every step for a value. */
  value: undefined = undefined;

  private readonly localize = new LocalizeController(this);

  /** Nothing to check: the application is done. */
  validate(): boolean {
    return true;
  }

  get #recipient(): string {
    return this.email || this.localize.wizard?.draft.adminUser.email?.trim() || '';
  }

  override render() {
    const { t } = this.localize;
    const support = this.supportEmail;
    return html`
      <h3 class=${this.localize.wizard ? 'visually-hidden' : ''}>${t('completion.heading')}</h3>
      <p class="receipt">
        ${sentenceWith(t, 'completion.receipt', 'receiptNumber', html`<strong part="receipt-number">${this.receiptNumber}</strong>`)}
      </p>
      <p>${t('completion.mailSent', { email: this.#recipient })}</p>
      <p>${sentenceWith(t, 'completion.support', 'email', html`<a part="support-link" href="mailto:${support}">${support}</a>`)}</p>
      <p>${t('completion.startTiming')} ${t('completion.hurry')}</p>
      <p>${t('completion.mailsIntro')}</p>
      <p>${t('completion.mailsTiming')}</p>
      <ol class="mails" part="mails">
        ${MAILS.map(
          (mail, index) =>
            html`<li class=${index === LATER_MAILS_FROM ? 'later-first' : ''}>
              <span>${MAIL_MARKS[index]}</span><span>${t(`completion.mails.${mail}`)}</span>
            </li>`,
        )}
      </ol>
      <p class="notice" part="keep-mails">${t('completion.keepMails')}</p>
      <p>
        ${t('completion.manualIntro')}
        <a part="manual-link" href=${webAddress(this.manualUrl, DEFAULT_MANUAL_URL)} target="_blank" rel="noopener noreferrer"
          >${t('completion.manualLink')}<span class="visually-hidden">${t('terms.opensInNewWindow')}</span></a
        >
      </p>
    `;
  }
}

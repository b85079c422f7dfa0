import { css, html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Translate } from '../../i18n/i18n.js';
import { LocalizeController } from '../shared/localize.js';
import type { WizardStep } from '../shared/step.js';
import { baseStyles } from '../shared/styles.js';

/** The six mails the administrator receives, in the order they come (application guide, STEP 6). */
const MAILS = ['userId', 'password', 'companyRegistered', 'certificateIssued', 'pin', 'registrationComplete'] as const;
/** The guide numbers the mails ①–⑥ and the text refers to them by these marks (「④～⑥のメールは…」). */
const MAIL_MARKS = ['①', '②', '③', '④', '⑤', '⑥'] as const;
/** Mails from this index on (④–⑥) come days after the first three. */
const LATER_MAILS_FROM = 3;

/**
 * A translated sentence with `markup` where the placeholder `name` stands. The sentence is translated
 * with a token no translation contains and split around it, so the words stay text and only `markup`
 * is an element: nothing is ever parsed as HTML.
 */
function sentenceWith(t: Translate, key: string, name: string, markup: TemplateResult): Array<string | TemplateResult> {
  const token = `\uE000${name}\uE000`;
  const parts = t(key, { [name]: token }).split(token);
  return parts.flatMap((part, index) => (index === 0 ? [part] : [markup, part]));
}

/**
 * STEP 6 申請完了: the receipt number, where the mails go, the six mails to expect (①–③ first,
 * ④–⑥ within days) and whom to write to when they do not arrive (application guide, STEP 6).
 *
 * @summary The application was received.
 * @csspart receipt-number - The emphasised receipt number.
 * @csspart mails - The list of the six mails.
 * @csspart support-link - The support address link.
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

  /** Unused: the step contract asks every step for a value. */
  value: undefined = undefined;

  private readonly localize = new LocalizeController(this);

  /** Nothing to check: the application is done. */
  validate(): boolean {
    return true;
  }

  private get recipient(): string {
    return this.email || this.localize.wizard?.draft.adminUser.email?.trim() || '';
  }

  override render() {
    const { t } = this.localize;
    const support = this.supportEmail;
    return html`
      <h3>${t('completion.heading')}</h3>
      <p class="receipt">
        ${sentenceWith(t, 'completion.receipt', 'receiptNumber', html`<strong part="receipt-number">${this.receiptNumber}</strong>`)}
      </p>
      <p>${t('completion.mailSent', { email: this.recipient })}</p>
      <p>${sentenceWith(t, 'completion.support', 'email', html`<a part="support-link" href="mailto:${support}">${support}</a>`)}</p>
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
    `;
  }
}

import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { webAddress } from '../shared/fields.js';
import { LocalizeController, sentenceWith } from '../shared/localize.js';
import type { WizardStep } from '../shared/step.js';
import { baseStyles } from '../shared/styles.js';

/** The six mails the administrator receives, in the order they come (application guide, STEP 6). */
const MAILS = ['userId', 'password', 'companyRegistered', 'certificateIssued', 'pin', 'registrationComplete'] as const;
/** The guide numbers the mails ①–⑥ and the text refers to them by these marks (「④～⑥のメールは…」). */
const MAIL_MARKS = ['①', '②', '③', '④', '⑤', '⑥'] as const;
/** Mails from this index on (④–⑥) come days after the first three: the two waves of the list. */
const LATER_MAILS_FROM = 3;

/** Where the guide sends applicants for the operation manual (videos and PDF): application guide, 補足③. */
export const DEFAULT_MANUAL_URL = 'http://www.construction-ec.com/cectrust-light/manual/index.html';

/**
 * STEP 6 申請完了: the receipt number, where the mails go, the six mails to expect (①–③ first,
 * ④–⑥ within days), whom to write to when they do not arrive (application guide, STEP 6), how soon the
 * service can be used (FAQ 6), to keep the mails (4. 完了後の流れ) and the operation manual (補足③).
 *
 * The receipt number stands large in a coloured panel (GOV.UK confirmation panel) with a 「コピー」 button
 * (the clipboard, or else the number selected for the user to copy; either announced) and 「印刷する」; the
 * six mails come as two waves, ①–③ first and ④–⑥ days later.
 *
 * @summary The application was received.
 * @csspart panel - The coloured panel: title, receipt number, copy button and its announcement.
 * @csspart receipt-number - The emphasised receipt number.
 * @csspart copy-button - 「コピー」: copies the receipt number.
 * @csspart print-button - 「印刷する」.
 * @csspart mails - The six mails, in two waves (①–③, ④–⑥).
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
      /* GOV.UK's confirmation panel; its transparent border is what forced colours and print show of it. */
      .panel {
        background: var(--_primary);
        color: var(--_on-primary);
        border: 3px solid transparent;
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 1.5) var(--_space) calc(var(--_space) * 0.5);
        margin: 0 0 var(--_space);
        text-align: center;
      }
      .panel h3 {
        font-size: 1.6em;
        border: 0;
        padding: 0;
      }
      .receipt {
        font-size: 1.15em;
        /* At 375 px the sentence breaks between phrases, never inside 利用 or the number. */
        word-break: auto-phrase;
        text-wrap: balance;
      }
      .receipt strong {
        font-size: 1.6em;
        margin: 0 0.15em;
      }
      .panel button {
        color: inherit;
        background: none;
        border-color: currentColor;
      }
      .panel p:last-child {
        min-height: 1.6em;
        margin: 0.25em 0 0;
      }
      .wave {
        border-left: 4px solid var(--_border);
        padding-left: 0.75em;
        margin: 0 0 var(--_space);
      }
      h4 {
        margin: 0 0 0.35em;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        gap: 0.35em;
        margin: 0.2em 0;
      }
      @media print {
        button,
        .print,
        .panel p:last-child {
          display: none !important;
        }
        .panel {
          color: #000;
          background: none;
          border-color: #000;
        }
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

  /** What the copy button did, for the live region: copied, or selected for the user to copy. */
  @state() private copyStatus = '';

  private readonly localize = new LocalizeController(this);

  /** Nothing to check: the application is done. */
  validate(): boolean {
    return true;
  }

  get #recipient(): string {
    return this.email || this.localize.wizard?.draft.adminUser.email?.trim() || '';
  }

  async #copy(): Promise<void> {
    const { t } = this.localize;
    let status = t('completion.copied');
    try {
      await navigator.clipboard.writeText(this.receiptNumber);
    } catch {
      // No clipboard here (a page over http, a refused permission): select the number for the user to copy.
      const range = document.createRange();
      range.selectNodeContents(this.renderRoot.querySelector('[part="receipt-number"]')!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status = t('completion.selected');
    }
    // Emptied first, so that a second press is announced again.
    this.copyStatus = '';
    await this.updateComplete;
    this.copyStatus = status;
  }

  #print(): void {
    window.print();
  }

  override render() {
    const { t } = this.localize;
    const support = this.supportEmail;
    return html`
      <div class="panel" part="panel">
        <h3>${t('completion.heading')}</h3>
        <p class="receipt">
          ${sentenceWith(t, 'completion.receipt', 'receiptNumber', html`<strong part="receipt-number">${this.receiptNumber}</strong>`)}
        </p>
        <button type="button" part="copy-button" aria-label=${t('completion.copyReceipt')} @click=${this.#copy}>${t('completion.copy')}</button>
        <p role="status">${this.copyStatus}</p>
      </div>
      <p class="print"><button type="button" part="print-button" @click=${this.#print}>${t('buttons.print')}</button></p>
      <p>${t('completion.mailSent', { email: this.#recipient })}</p>
      <p>${sentenceWith(t, 'completion.support', 'email', html`<a part="support-link" href="mailto:${support}">${support}</a>`)}</p>
      <p>${t('completion.startTiming')} ${t('completion.hurry')}</p>
      <p>${t('completion.mailsIntro')}</p>
      <div part="mails">
        ${this.#renderWave(t('completion.firstMails'), 0, LATER_MAILS_FROM)}
        ${this.#renderWave(t('completion.laterMails'), LATER_MAILS_FROM, MAILS.length, t('completion.mailsTiming'))}
      </div>
      <p class="notice" part="keep-mails">${t('completion.keepMails')}</p>
      <p>
        ${t('completion.manualIntro')}
        <a part="manual-link" href=${webAddress(this.manualUrl, DEFAULT_MANUAL_URL)} target="_blank" rel="noopener noreferrer"
          >${t('completion.manualLink')}<span class="visually-hidden">${t('terms.opensInNewWindow')}</span></a
        >
      </p>
    `;
  }

  /** One wave of mails: its heading, when it comes (if said), and mails `from` to `to` (exclusive) with their marks. */
  #renderWave(title: string, from: number, to: number, timing?: string) {
    return html`<section class="wave">
      <h4>${title}</h4>
      ${timing ? html`<p>${timing}</p>` : nothing}
      <ol>
        ${MAILS.slice(from, to).map(
          (mail, index) => html`<li><span>${MAIL_MARKS[from + index]}</span><span>${this.localize.t(`completion.mails.${mail}`)}</span></li>`,
        )}
      </ol>
    </section>`;
  }
}

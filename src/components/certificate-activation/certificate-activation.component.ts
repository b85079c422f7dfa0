import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.js';
import { certificatePinSchema, type CompanyCertificate, type PartnerMe } from '../../domain/company-user.js';
import { validateSection } from '../../domain/validation.js';
import { PartnerAdminController } from '../partner-admin/partner-admin-controller.js';
import { partnerElementStyles } from '../partner-admin/partner-admin.styles.js';
import { PartnerConnection } from '../partner-admin/partner-connection.js';
import { textField } from '../shared/fields.js';
import { FormState } from '../shared/form-state.js';
import { LocalizeController } from '../shared/localize.js';
import { CertificateActivatedEvent } from './activation-events.js';

/**
 * 証明書の有効性確認 (application guide 4② 事前準備の操作 2): the signed-in user enters the PIN of mail ⑤
 * 「PINのお知らせ」; only then can their certificate sign. A wrong PIN says how many tries are left; too
 * many lock the check, and the element says whom to write to. Without a certificate, or while it is
 * being issued, it says so instead of asking for a PIN.
 *
 * @summary Confirms the user's certificate with the PIN from the mail.
 * @fires {CertificateActivatedDetail} cec-certificate-activated - The certificate is confirmed; `event.detail` is `{ certificateId, userId }`.
 * @fires {WizardErrorDetail} cec-error - A call failed; `event.detail` is `{ code, message }`.
 * @csspart field - The PIN field block. Also `field-pin`.
 * @csspart label - The PIN label.
 * @csspart input - The PIN input.
 * @csspart error - The message under the PIN.
 * @csspart error-summary - The problem shown after a refused submit.
 * @csspart certificate - The role the certificate carries.
 * @csspart submit-button - 「有効性を確認する」.
 * @csspart failure - The message of a failed call (lock, network), with its retry button.
 * @csspart result - The confirmed certificate.
 */
export class CecCertificateActivation extends PartnerConnection(LitElement) {
  static override styles = partnerElementStyles;


  @state() private me?: PartnerMe;
  @state() private draft: Record<string, string> = { pin: '' };
  @state() private locked = false;

  private readonly localize = new LocalizeController(this);
  private readonly partner = new PartnerAdminController(this, this.localize);
  private readonly form = new FormState(this, () => validateSection(certificatePinSchema, this.draft));

  /** Reads the signed-in user and their certificate again. */
  async reload(): Promise<void> {
    const answer = await this.partner.run('load', (api) => api.me(), { retry: () => void this.reload() });
    if (answer?.ok) this.me = answer.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('session') || changed.has('sessionProvider')) void this.reload();
  }

  private async activate(event?: Event): Promise<void> {
    event?.preventDefault();
    const certificate = this.me?.certificate;
    const result = validateSection(certificatePinSchema, this.draft);
    if (!certificate || !this.form.validate() || !result.ok) return this.partner.focusSummary();
    const answer = await this.partner.run('activate', (api) => api.activateCertificate(certificate.certificateId, result.value.pin), {
      retry: () => void this.activate(),
      failure: (error) => (error instanceof ApiError && error.code === 'pin_locked' ? { key: 'activation.pinLocked' } : undefined),
    });
    if (!answer) return;
    if (!answer.ok) {
      const { error } = answer;
      if (error instanceof ApiError && error.code === 'pin_locked') this.locked = true;
      if (error instanceof ApiError && error.code === 'pin_incorrect') {
        // Told at the field: the person corrects the PIN where they typed it.
        this.partner.failure = undefined;
        this.form.setServerIssues([{ path: ['pin'], code: 'pinIncorrect', params: { count: this.partner.attemptsOf(error) ?? 0 } }]);
        await this.partner.focusSummary();
      }
      return;
    }
    this.me = { user: { ...this.me!.user, signing: 'active' }, certificate: answer.value };
    await this.partner.focusAfterUpdate('#done-heading');
    this.dispatchEvent(new CertificateActivatedEvent({ certificateId: answer.value.certificateId, userId: this.me.user.userId }));
  }

  override render() {
    const { t } = this.localize;
    return html`<h3>${t('partnerAdmin.activation.heading')}</h3>
      <p role="status" class="hint">${this.partner.busy === 'load' ? t('partnerAdmin.loading') : nothing}</p>
      ${this.me ? this.renderState(this.me) : nothing} ${this.partner.renderFailure()}`;
  }

  private renderState(me: PartnerMe): TemplateResult {
    const { t } = this.localize;
    const certificate = me.certificate;
    if (!certificate) return html`<p class="notice">${t('partnerAdmin.activation.none')}</p>`;
    if (certificate.state === 'requested') return html`<p class="notice">${t('partnerAdmin.activation.requested')}</p>`;
    if (me.user.signing === 'active') {
      return html`<section class="result" part="result" aria-labelledby="done-heading">
        <h4 id="done-heading" tabindex="-1">${t('partnerAdmin.activation.doneHeading')}</h4>
        ${this.renderCertificate(certificate)}
        <p>${t('partnerAdmin.activation.done')}</p>
      </section>`;
    }
    return this.renderForm(certificate);
  }

  private renderForm(certificate: CompanyCertificate): TemplateResult {
    const { t } = this.localize;
    const busy = this.partner.busy === 'activate';
    const context = this.partner.fieldContext(this.form, (field, value) => {
      this.draft = { ...this.draft, [field]: value };
    });
    return html`<form novalidate @submit=${this.activate}>
      ${this.partner.renderSummary(this.form, ['pin'], () => t('partnerAdmin.activation.pin'))}
      <p>${t('partnerAdmin.activation.intro')}</p>
      ${this.renderCertificate(certificate)}
      ${textField(context, {
        name: 'pin',
        label: t('partnerAdmin.activation.pin'),
        value: this.draft.pin,
        required: true,
        hint: t('partnerAdmin.activation.pinHint'),
        autocomplete: 'one-time-code',
        inputmode: 'latin',
      })}
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" ?disabled=${busy || this.locked} aria-busy=${busy ? 'true' : 'false'}>
          ${t(busy ? 'partnerAdmin.activation.checking' : 'partnerAdmin.activation.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderCertificate(certificate: CompanyCertificate): TemplateResult {
    const { t } = this.localize;
    return html`<dl class="notice" part="certificate">
      <dt>${t('partnerAdmin.activation.certificate')}</dt>
      <dd>${certificate.companyName} ${t('partnerAdmin.certificateRole', certificate)}</dd>
      <dd>${t('partnerAdmin.certificateNumber', { certificateId: certificate.certificateId })}</dd>
    </dl>`;
  }
}

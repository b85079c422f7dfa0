import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { CompanyCertificate, CompanyUserRecord, PartnerCompany } from '../../domain/company-user.js';
import { certificateSchema } from '../../domain/schemas.js';
import { validateSection, type FieldIssue, type SectionResult } from '../../domain/validation.js';
import type { CecCertInfoForm } from '../cert-info-form/cert-info-form.component.js';
import type { ConfirmationSection } from '../confirmation/confirmation.component.js';
import { PartnerAdminController } from '../partner-admin/partner-admin-controller.js';
import { partnerElementStyles } from '../partner-admin/partner-admin.styles.js';
import { PartnerConnection } from '../partner-admin/partner-connection.js';
import type { CertificateDraft } from '../shared/draft.js';
import type { ChangeEvent } from '../shared/events.js';
import { errorLine, fieldId, marker } from '../shared/fields.js';
import { FormState } from '../shared/form-state.js';
import { LocalizeController } from '../shared/localize.js';
import { CertificateLinkedEvent, CertificateRequestedEvent } from './signer-certificate-events.js';

/** The two ways of the guide (付録 ②): a new certificate for the user, or an issued one linked to them. */
export type SignerMethod = 'newCertificate' | 'issuedCertificate';

type View = 'choose' | 'confirm' | 'requested' | 'linked';

/** What the form shows once done. */
interface Outcome {
  user: CompanyUserRecord;
  requestNumber?: string;
  certificate?: CompanyCertificate;
}

const OWN_FIELDS = ['user', 'certificate'] as const;

/**
 * 署名用IDを追加する方法 ②電子証明書を紐付ける操作 (application guide, 巻末資料「付録」): the administrator
 * chooses a user and one of two ways — ① a new certificate (電子証明書追加発行申請: STEP 4's fields and
 * rules, the company name fixed from the company record, the warning that it cannot be changed after
 * issuance; the PIN mail arrives 2–3 days later), or ② an issued certificate of the company (自社電子証明書照会),
 * usable once the user ran 証明書有効性確認. Retries send the same Idempotency-Key: nothing is asked twice.
 *
 * @summary Gives a company user a signer certificate: a new one, or an issued one linked.
 * @fires {CertificateRequestedDetail} cec-certificate-requested - A new certificate was requested; `event.detail` is `{ requestNumber, certificateId, userId }`.
 * @fires {CertificateLinkedDetail} cec-certificate-linked - An issued certificate was linked; `event.detail` is `{ certificateId, userId }`.
 * @fires {WizardErrorDetail} cec-error - A call failed; `event.detail` is `{ code, message }`.
 * @csspart field - The user and certificate choices. Also `field-user`, `field-method`, `field-certificate`.
 * @csspart label - Each label.
 * @csspart hint - The help text under a label.
 * @csspart error - The message under a choice.
 * @csspart error-summary - The list of problems shown after a refused 確認 / 紐付ける.
 * @csspart confirm-button - 「確認」 (method ①).
 * @csspart submit-button - 「確定」 (method ①) or 「紐付ける」 (method ②).
 * @csspart back-button - 「戻る」.
 * @csspart failure - The message of a failed call, with its retry button.
 * @csspart result - What was requested or linked, and what happens next.
 */
export class CecSignerCertificateForm extends PartnerConnection(LitElement) {
  static override styles = partnerElementStyles;

  /** The 利用者ID chosen when the form opens (e.g. the user just registered). */
  @property({ attribute: 'user-id' }) userId = '';

  /** The way chosen when the form opens. */
  @property() method: SignerMethod = 'newCertificate';

  @state() private users?: CompanyUserRecord[];
  @state() private certificates: CompanyCertificate[] = [];
  @state() private company?: PartnerCompany;
  @state() private certificateId = '';
  @state() private certificateDraft: CertificateDraft = {};
  @state() private view: View = 'choose';
  @state() private outcome?: Outcome;

  private readonly localize = new LocalizeController(this);
  private readonly partner = new PartnerAdminController(this, this.localize);
  private readonly form = new FormState(this, () => this.checkChoices());
  /** Made on the first 確定 / 紐付ける of a request and kept for its retries; any change starts a new one. */
  #idempotencyKey: string | undefined;

  /** Loads the company, its users and its certificates again. */
  async reload(): Promise<void> {
    const answer = await this.partner.run('load', (api) => Promise.all([api.company(), api.listUsers(), api.listCertificates()]), {
      retry: () => void this.reload(),
    });
    if (!answer?.ok) return;
    [this.company, this.users, this.certificates] = answer.value;
    this.certificateDraft = { ...this.certificateDraft, companyNameAlpha: this.company.nameAlpha };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('session') || changed.has('sessionProvider')) void this.reload();
  }

  private get chosenUser(): CompanyUserRecord | undefined {
    return this.users?.find((user) => user.userId === this.userId);
  }

  private get issued(): CompanyCertificate[] {
    return this.certificates.filter((certificate) => certificate.state === 'issued');
  }

  /** The user is chosen, and for ② an issued certificate too. */
  private checkChoices(): SectionResult<unknown> {
    const issues: FieldIssue[] = [];
    if (!this.chosenUser) issues.push({ path: ['user'], code: 'choose' });
    if (this.method === 'issuedCertificate' && !this.issued.some((each) => each.certificateId === this.certificateId)) {
      issues.push({ path: ['certificate'], code: 'choose' });
    }
    return issues.length ? { ok: false, issues } : { ok: true, value: undefined };
  }

  private labelOf(field: string): string {
    return this.localize.t(field === 'user' ? 'partnerAdmin.signer.user' : 'partnerAdmin.signer.certificates');
  }

  // ── event handlers ────────────────────────────────────────────────────────

  private choose(field: 'userId' | 'method' | 'certificateId', value: string): void {
    (this as Record<typeof field, string>)[field] = value;
    this.#idempotencyKey = undefined;
    this.form.markDirty(field === 'userId' ? 'user' : field === 'certificateId' ? 'certificate' : field);
    this.form.markTouched(field === 'userId' ? 'user' : 'certificate');
  }

  private get certificateForm(): CecCertInfoForm | null {
    return this.renderRoot.querySelector('cec-cert-info-form');
  }

  private async toConfirmation(event: Event): Promise<void> {
    event.preventDefault();
    const choicesValid = this.form.validate();
    const certificateValid = this.certificateForm?.validate() ?? false;
    if (!choicesValid) return this.partner.focusSummary();
    if (!certificateValid) return this.certificateForm?.focusErrorSummary();
    await this.show('confirm');
  }

  private async requestCertificate(): Promise<void> {
    const user = this.chosenUser;
    const result = validateSection(certificateSchema, this.certificateDraft);
    if (!user || !result.ok) return this.show('choose');
    this.#idempotencyKey ??= newIdempotencyKey();
    const key = this.#idempotencyKey;
    const answer = await this.partner.run('request', (api) => api.requestCertificate({ userId: user.userId, certificate: result.value }, key), {
      retry: () => void this.requestCertificate(),
    });
    if (!answer) return;
    if (!answer.ok) {
      const { error } = answer;
      if (error instanceof ApiError && error.code === 'validation_failed') await this.showServerIssues(error.issues);
      return;
    }
    const receipt = answer.value;
    await this.finish('requested', { user, requestNumber: receipt.requestNumber });
    this.dispatchEvent(new CertificateRequestedEvent({ requestNumber: receipt.requestNumber, certificateId: receipt.certificateId, userId: user.userId }));
  }

  private async link(event: Event): Promise<void> {
    event.preventDefault();
    const user = this.chosenUser;
    if (!this.form.validate() || !user) return this.partner.focusSummary();
    this.#idempotencyKey ??= newIdempotencyKey();
    const key = this.#idempotencyKey;
    const certificateId = this.certificateId;
    const answer = await this.partner.run('link', (api) => api.linkCertificate(certificateId, user.userId, key), {
      retry: () => void this.link(new Event('submit')),
    });
    if (!answer?.ok) return;
    await this.finish('linked', { user, certificate: answer.value });
    this.dispatchEvent(new CertificateLinkedEvent({ certificateId, userId: user.userId }));
  }

  /** The backend's verdict on the certificate fields, shown on them (paths lose their `certificate.`). */
  private async showServerIssues(issues: readonly FieldIssue[]): Promise<void> {
    this.partner.failure = undefined;
    await this.show('choose');
    const fields = issues.filter((issue) => issue.path[0] === 'certificate').map((issue) => ({ ...issue, path: issue.path.slice(1) }));
    this.certificateForm?.showServerIssues(fields);
    this.certificateForm?.validate();
    await this.certificateForm?.focusErrorSummary();
  }

  private async finish(view: 'requested' | 'linked', outcome: Outcome): Promise<void> {
    this.outcome = outcome;
    this.#idempotencyKey = undefined;
    await this.show(view);
    void this.reload();
  }

  /** Back to the choice, for another user. */
  private async another(): Promise<void> {
    this.userId = '';
    this.certificateId = '';
    this.certificateDraft = { companyNameAlpha: this.company?.nameAlpha };
    this.form.reset();
    this.outcome = undefined;
    await this.show('choose');
  }

  private show(view: View): Promise<void> {
    this.view = view;
    return this.partner.focusAfterUpdate();
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render() {
    if (this.view === 'confirm') return this.renderConfirm();
    if (this.view === 'requested' || this.view === 'linked') return this.renderOutcome();
    return this.renderChoose();
  }

  private renderChoose(): TemplateResult {
    const { t } = this.localize;
    const loading = this.partner.busy === 'load' && !this.users;
    return html`<h3 tabindex="-1">${t('partnerAdmin.signer.heading')}</h3>
      ${this.partner.renderSummary(this.form, OWN_FIELDS, (field) => this.labelOf(field))}
      <p>${t('partnerAdmin.signer.intro')}</p>
      <p role="status" class="hint">${loading ? t('partnerAdmin.loading') : nothing}</p>
      ${this.users ? this.renderChoices(this.users) : nothing} ${this.partner.renderFailure()}`;
  }

  private renderChoices(users: readonly CompanyUserRecord[]): TemplateResult {
    const { t } = this.localize;
    const id = fieldId('user');
    const issue = this.form.visibleIssue('user');
    const newCertificate = this.method === 'newCertificate';
    return html`<form novalidate @submit=${newCertificate ? this.toConfirmation : this.link}>
      <div class="field" part="field field-user">
        <label class="label" part="label" for=${id}>${this.labelOf('user')}${marker(t, true)}</label>
        <p class="hint" part="hint" id="${id}-hint">${t('partnerAdmin.signer.userHint')}</p>
        <select id=${id} aria-invalid=${issue ? 'true' : 'false'} aria-describedby="${id}-hint ${id}-error" @change=${(event: Event) => this.choose('userId', (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.chosenUser}>${t('partnerAdmin.signer.chooseUser')}</option>
          ${users.map((user) => {
            const taken = user.signing !== 'none';
            const values = { name: user.name, userId: user.userId, signing: t(`partnerAdmin.signing.${user.signing}`) };
            return html`<option value=${user.userId} ?disabled=${taken} ?selected=${user.userId === this.userId}>
              ${t(taken ? 'partnerAdmin.signer.userOptionTaken' : 'partnerAdmin.signer.userOption', values)}
            </option>`;
          })}
        </select>
        ${errorLine(t, `${id}-error`, issue ? this.partner.messageOf(this.labelOf('user'), issue) : undefined)}
      </div>
      ${this.renderMethods()} ${newCertificate ? this.renderNewCertificate() : this.renderIssued()}
    </form>`;
  }

  private renderMethods(): TemplateResult {
    const { t } = this.localize;
    return html`<fieldset class="field" part="field field-method">
      <legend part="label">${t('partnerAdmin.signer.method')}${marker(t, true)}</legend>
      <div class="choices">
        ${(['newCertificate', 'issuedCertificate'] as const).map(
          (method) => html`<div>
            <div class="choice">
              <input type="radio" name="method" id="method-${method}" .checked=${live(this.method === method)} aria-describedby="method-${method}-hint" @change=${() => this.choose('method', method)} />
              <label for="method-${method}">${t(`partnerAdmin.signer.${method}`)}</label>
            </div>
            <p class="choice-hint" id="method-${method}-hint">${t(`partnerAdmin.signer.${method}Hint`)}</p>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  /** ①: STEP 4's element, the company name fixed from the company record. */
  private renderNewCertificate(): TemplateResult {
    const { t } = this.localize;
    const company = this.company;
    return html`<p class="notice">${company ? t('partnerAdmin.signer.companyNameFixed', company) : nothing}</p>
      <cec-cert-info-form
        lang=${this.localize.translator.language}
        company-name-ja=${company?.name ?? ''}
        .value=${this.certificateDraft}
        .fields=${{ companyNameAlpha: { readonly: true } }}
        @cec-change=${(event: ChangeEvent<CertificateDraft>) => {
          event.stopPropagation();
          this.certificateDraft = event.value;
          this.#idempotencyKey = undefined;
        }}
      ></cec-cert-info-form>
      <div class="actions">
        <button type="submit" class="primary" part="confirm-button">${t('partnerAdmin.signer.confirm')}</button>
      </div>`;
  }

  /** ②: the company's issued certificates to pick from. */
  private renderIssued(): TemplateResult {
    const { t } = this.localize;
    const issued = this.issued;
    if (issued.length === 0) return html`<p class="notice">${t('partnerAdmin.signer.noIssued')}</p>`;
    const id = fieldId('certificate');
    const issue = this.form.visibleIssue('certificate');
    const busy = this.partner.busy === 'link';
    return html`<fieldset class="field" part="field field-certificate" aria-describedby="${id}-error">
        <legend part="label">${this.labelOf('certificate')}${marker(t, true)}</legend>
        <div class="choices">
          ${issued.map(
            (certificate, index) => html`<div class="choice">
              <input
                type="radio"
                name="certificate"
                id=${index === 0 ? id : `certificate-${certificate.certificateId}`}
                .checked=${live(this.certificateId === certificate.certificateId)}
                aria-invalid=${issue ? 'true' : 'false'}
                @change=${() => this.choose('certificateId', certificate.certificateId)}
              />
              <label for=${index === 0 ? id : `certificate-${certificate.certificateId}`}>${this.describe(certificate)}</label>
            </div>`,
          )}
        </div>
        ${errorLine(t, `${id}-error`, issue ? this.partner.messageOf(this.labelOf('certificate'), issue) : undefined)}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
          ${t(busy ? 'partnerAdmin.signer.linking' : 'partnerAdmin.signer.link')}
        </button>
      </div>`;
  }

  /** 「本社 社長（HONSHA SHACHO） 証明書番号 C0000001」. */
  private describe(certificate: CompanyCertificate): string {
    const { t } = this.localize;
    return `${t('partnerAdmin.certificateRole', certificate)} ${t('partnerAdmin.certificateNumber', certificate)}`;
  }

  private renderConfirm(): TemplateResult {
    const { t } = this.localize;
    const busy = this.partner.busy === 'request';
    return html`<h3 tabindex="-1">${t('partnerAdmin.signer.confirmHeading')}</h3>
      <p>${t('partnerAdmin.signer.confirmIntro')}</p>
      <p class="warning" role="note">${t('certificate.warning')}</p>
      <cec-confirmation lang=${this.localize.translator.language} .sections=${this.sections()} @cec-edit-section=${() => this.show('choose')}></cec-confirmation>
      ${this.partner.renderFailure()}
      <div class="actions">
        <button type="button" class="primary" part="submit-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${this.requestCertificate}>
          ${t(busy ? 'partnerAdmin.sending' : 'partnerAdmin.signer.submit')}
        </button>
        <button type="button" part="back-button" ?disabled=${busy} @click=${() => this.show('choose')}>${t('partnerAdmin.signer.back')}</button>
      </div>`;
  }

  /** The request as it will be sent: the user, then the certificate's fields (STEP 4's labels). */
  private sections(): ConfirmationSection[] {
    const { t } = this.localize;
    const user = this.chosenUser;
    const result = validateSection(certificateSchema, this.certificateDraft);
    const value: CertificateDraft = result.ok ? result.value : this.certificateDraft;
    const fields = ['companyNameAlpha', 'departmentJa', 'departmentAlpha', 'titleJa', 'titleAlpha'] as const;
    return [
      {
        step: 'choose',
        title: t('certificate.heading'),
        rows: [
          { label: t('partnerAdmin.signer.confirmUser'), value: user ? t('partnerAdmin.signer.userOption', user) : '' },
          { label: t('certificate.companyNameJa'), value: this.company?.name ?? '' },
          ...fields.map((field) => ({ label: t(`certificate.${field}`), value: value[field] ?? '' })),
        ],
      },
    ];
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    const { t } = this.localize;
    const { user } = outcome;
    const requested = this.view === 'requested';
    return html`<section class="result" part="result" aria-labelledby="done-heading">
      <h3 id="done-heading" tabindex="-1">${t(requested ? 'partnerAdmin.signer.requestedHeading' : 'partnerAdmin.signer.linkedHeading')}</h3>
      ${requested
        ? html`<p>${t('partnerAdmin.signer.requested', { requestNumber: outcome.requestNumber, email: user.email })}</p>
            <p>${t('partnerAdmin.signer.requestedNext', { name: user.name })}</p>`
        : html`<p>${t('partnerAdmin.signer.linked', { name: user.name, userId: user.userId, role: this.describe(outcome.certificate!) })}</p>
            <p>${t('partnerAdmin.signer.linkedNext')}</p>`}
      <div class="actions">
        <button type="button" @click=${this.another}>${t('partnerAdmin.signer.another')}</button>
      </div>
    </section>`;
  }
}

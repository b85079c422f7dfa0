import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/client.js';
import { COMPANY_USER_ROLES, companyUserSchema, type CompanyUserRecord, type CompanyUserRole } from '../../domain/company-user.js';
import { FIELD_NORMALISERS } from '../../domain/normalise.js';
import { validateSection } from '../../domain/validation.js';
import type { ConfirmationSection } from '../confirmation/confirmation.component.js';
import { PartnerAdminController } from '../partner-admin/partner-admin-controller.js';
import { partnerElementStyles } from '../partner-admin/partner-admin.styles.js';
import { PartnerConnection } from '../partner-admin/partner-connection.js';
import { errorLine, fieldId, marker, textField, type FieldContext } from '../shared/fields.js';
import { FormStepElement } from '../shared/form-step.js';
import { UserRegisteredEvent } from './company-user-events.js';

/** 自社利用者情報登録 as typed, before normalising. */
export interface CompanyUserDraft {
  role?: CompanyUserRole;
  name?: string;
  nameKana?: string;
  department?: string;
  title?: string;
  phone?: string;
  email?: string;
}

type View = 'input' | 'confirm' | 'done';

/** The step base class for this draft, named so the mixin can extend it. */
abstract class CompanyUserStep extends FormStepElement<CompanyUserDraft> {}

const FIELDS = ['role', 'name', 'nameKana', 'department', 'title', 'phone', 'email'] as const;

/**
 * 自社利用者情報登録 (application guide, 巻末資料「付録」 ①IDの追加): the administrator adds a company user —
 * 権限 (一般 by default, or 管理者), 利用者名, 利用者名カナ, 所属, 役職, TEL番号 and the メールアドレス every notice
 * goes to; no 住所. 確認 shows 自社利用者情報登録確認 with 確定 / 戻る; 確定 registers the user, and the
 * backend mails their 利用者ID and 初回パスワード to that address. A retry after a lost answer sends the
 * same Idempotency-Key, so the user is never registered twice.
 *
 * @summary Adds a company user: input, confirmation, registration.
 * @fires {UserRegisteredDetail} cec-user-registered - 確定 registered the user; `event.detail.user` is the new `CompanyUserRecord`.
 * @fires cec-change - The user edited a field; `event.value` is the new `CompanyUserDraft`.
 * @fires {WizardErrorDetail} cec-error - A call failed; `event.detail` is `{ code, message }`.
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」/「※任意」 marker after a label.
 * @csspart hint - The help text under a label.
 * @csspart input - Each text input.
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused 確認.
 * @csspart confirm-button - 「確認」.
 * @csspart submit-button - 「確定」.
 * @csspart back-button - 「戻る」.
 * @csspart failure - The message of a failed call, with its retry button.
 * @csspart result - The registered user.
 */
export class CecCompanyUserForm extends PartnerConnection(CompanyUserStep) {
  static override styles = partnerElementStyles;


  @state() private view: View = 'input';
  @state() private registered?: CompanyUserRecord;

  protected override readonly normalisers = FIELD_NORMALISERS.adminUser;
  private readonly partner = new PartnerAdminController(this, this.localize);
  /** Made on the first 確定 of a value and kept for every retry of it; an edit starts a new one. */
  #idempotencyKey: string | undefined;

  constructor() {
    super();
    this.value = { role: 'general' };
  }

  protected check() {
    return validateSection(companyUserSchema, this.value);
  }

  protected fieldOrder() {
    return FIELDS;
  }

  protected labelOf(field: string): string {
    return this.localize.t(`partnerAdmin.userForm.${field}`);
  }

  protected override setField(field: string, fieldValue: unknown): void {
    this.#idempotencyKey = undefined;
    super.setField(field, fieldValue);
  }

  protected override fieldContext(): FieldContext {
    return { ...super.fieldContext(), t: this.partner.t };
  }

  protected override renderErrorSummary() {
    return this.partner.renderSummary(this.form, FIELDS, (field) => this.labelOf(field));
  }

  // ── event handlers ────────────────────────────────────────────────────────

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.validate()) return this.partner.focusSummary();
    await this.show('confirm');
  }

  private async register(): Promise<void> {
    const result = validateSection(companyUserSchema, this.value);
    if (!result.ok) return this.show('input');
    this.#idempotencyKey ??= newIdempotencyKey();
    const key = this.#idempotencyKey;
    const answer = await this.partner.run('register', (api) => api.addUser(result.value, key), { retry: () => void this.register() });
    if (!answer) return;
    if (answer.ok) {
      this.registered = answer.value;
      this.#idempotencyKey = undefined;
      await this.show('done');
      this.dispatchEvent(new UserRegisteredEvent(answer.value));
      return;
    }
    const error = answer.error;
    if (error instanceof ApiError && (error.code === 'validation_failed' || error.code === 'email_taken')) {
      // Back to the fields, the backend's verdict on them shown where it belongs.
      this.form.setServerIssues(error.code === 'email_taken' ? [{ path: ['email'], code: 'emailTaken' }] : error.issues);
      this.partner.failure = undefined;
      await this.show('input');
      await this.partner.focusSummary();
    }
  }

  /** Back to an empty form (一般) for the next user. */
  private async another(): Promise<void> {
    this.value = { role: 'general' };
    this.form.reset();
    this.registered = undefined;
    await this.show('input');
  }

  private show(view: View): Promise<void> {
    this.view = view;
    return this.partner.focusAfterUpdate();
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render() {
    if (this.view === 'confirm') return this.renderConfirm();
    if (this.view === 'done') return this.renderDone();
    return this.renderInput();
  }

  private renderInput(): TemplateResult {
    const { t } = this.localize;
    const context = this.fieldContext();
    const v = this.value;
    const label = (field: string) => this.labelOf(field);
    return html`<form novalidate @submit=${this.confirm}>
      <h3 tabindex="-1">${t('partnerAdmin.userForm.heading')}</h3>
      ${this.renderErrorSummary()}
      <p>${t('partnerAdmin.userForm.intro')}</p>
      <h4>${t('partnerAdmin.userForm.section')}</h4>
      ${this.renderRole()}
      ${textField(context, { name: 'name', label: label('name'), value: v.name, required: true, autocomplete: 'off' })}
      ${textField(context, { name: 'nameKana', label: label('nameKana'), value: v.nameKana, required: true, hint: t('partnerAdmin.userForm.nameKanaHint'), autocomplete: 'off' })}
      ${textField(context, { name: 'department', label: label('department'), value: v.department, required: false, autocomplete: 'off' })}
      ${textField(context, { name: 'title', label: label('title'), value: v.title, required: false, autocomplete: 'off' })}
      ${textField(context, { name: 'phone', label: label('phone'), value: v.phone, required: false, type: 'tel', inputmode: 'tel', hint: t('partnerAdmin.userForm.phoneHint'), autocomplete: 'off' })}
      ${textField(context, { name: 'email', label: label('email'), value: v.email, required: true, type: 'email', hint: t('partnerAdmin.userForm.emailHint'), autocomplete: 'off' })}
      <div class="actions">
        <button type="submit" class="primary" part="confirm-button">${t('partnerAdmin.userForm.confirm')}</button>
      </div>
    </form>`;
  }

  /** 権限: one of two, 一般 chosen unless the administrator picks 管理者. */
  private renderRole(): TemplateResult {
    const { t } = this.localize;
    const id = fieldId('role');
    const issue = this.form.visibleIssue('role');
    return html`<fieldset class="field" part="field field-role" aria-describedby="${id}-hint ${id}-error">
      <legend part="label">${this.labelOf('role')}${marker(t, true)}</legend>
      <p class="hint" part="hint" id="${id}-hint">${t('partnerAdmin.userForm.roleHint')}</p>
      ${COMPANY_USER_ROLES.map(
        (role, index) => html`<div class="choice">
          <input
            type="radio"
            name="role"
            id=${index === 0 ? id : `role-${role}`}
            .checked=${(this.value.role ?? 'general') === role}
            @change=${() => this.setField('role', role)}
          />
          <label for=${index === 0 ? id : `role-${role}`}>${t(`partnerAdmin.roles.${role}`)}</label>
        </div>`,
      )}
      ${errorLine(t, `${id}-error`, issue ? this.partner.messageOf(this.labelOf('role'), issue) : undefined)}
    </fieldset>`;
  }

  private renderConfirm(): TemplateResult {
    const { t } = this.localize;
    const busy = this.partner.busy === 'register';
    return html`<h3 tabindex="-1">${t('partnerAdmin.userForm.confirmHeading')}</h3>
      <p>${t('partnerAdmin.userForm.confirmIntro')}</p>
      <cec-confirmation lang=${this.localize.translator.language} .sections=${this.sections()} @cec-edit-section=${() => this.show('input')}></cec-confirmation>
      ${this.partner.renderFailure()}
      <div class="actions">
        <button type="button" class="primary" part="submit-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${this.register}>
          ${t(busy ? 'partnerAdmin.sending' : 'partnerAdmin.userForm.submit')}
        </button>
        <button type="button" part="back-button" ?disabled=${busy} @click=${() => this.show('input')}>${t('partnerAdmin.userForm.back')}</button>
      </div>`;
  }

  /** The one section of the confirmation: every value as it will be sent. */
  private sections(): ConfirmationSection[] {
    const { t } = this.localize;
    const result = validateSection(companyUserSchema, this.value);
    const value: Record<string, unknown> = result.ok ? result.value : { ...this.value };
    const rows = FIELDS.map((field) => ({
      label: this.labelOf(field),
      value: field === 'role' ? t(`partnerAdmin.roles.${String(value.role ?? 'general')}`) : String(value[field] ?? ''),
    }));
    return [{ step: 'input', title: t('partnerAdmin.userForm.section'), rows }];
  }

  private renderDone(): TemplateResult | typeof nothing {
    const user = this.registered;
    if (!user) return nothing;
    const { t } = this.localize;
    return html`<section class="result" part="result" aria-labelledby="done-heading">
      <h3 id="done-heading" tabindex="-1">${t('partnerAdmin.userForm.doneHeading')}</h3>
      <p role="status">${t('partnerAdmin.userForm.done', { userId: user.userId, name: user.name, email: user.email })}</p>
      <div class="actions">
        <button type="button" @click=${this.another}>${t('partnerAdmin.userForm.another')}</button>
      </div>
    </section>`;
  }
}

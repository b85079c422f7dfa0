import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.js';
import {
  MAX_PASSWORD_LENGTH,
  MAX_SIGN_IN_FAILURES,
  MIN_PASSWORD_LENGTH,
  passwordChangeSchema,
  SIGN_IN_LOCK_MINUTES,
  signInRequestSchema,
  type Session,
} from '../../domain/company-user.js';
import { validateSection } from '../../domain/validation.js';
import { PartnerAdminController, type Failure } from '../partner-admin/partner-admin-controller.js';
import { partnerElementStyles } from '../partner-admin/partner-admin.styles.js';
import { PartnerConnection } from '../partner-admin/partner-connection.js';
import { textField } from '../shared/fields.js';
import { FormState } from '../shared/form-state.js';
import { LocalizeController } from '../shared/localize.js';
import { SignedInEvent } from './sign-in-events.js';

type View = 'signIn' | 'changePassword' | 'done';

const SIGN_IN_FIELDS = ['userId', 'password'] as const;
const CHANGE_FIELDS = ['currentPassword', 'newPassword', 'confirmation'] as const;

/**
 * The partner user's sign-in (application guide 4② 事前準備の操作 1): 利用者ID and password from mails ①
 * and ②, then — at the first sign-in — the forced change of the 初回ログインパスワード (policy: 10–128
 * characters with a letter and a digit, not the 利用者ID, not the current one). Repeated failures lock
 * the ID for a while, which the element says plainly.
 *
 * @summary Sign-in with 利用者ID and password, and the first password change.
 * @fires {SignedInDetail} cec-signed-in - Signed in with a password of one's own; `event.detail` is `{ session, expiresAt, user, passwordChanged }`.
 * @fires {WizardErrorDetail} cec-error - A call failed; `event.detail` is `{ code, message }`.
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」/「※任意」 marker after a label.
 * @csspart input - Each input.
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused submit.
 * @csspart failure - The message of a failed call (wrong password, lock-out, network), with its retry button.
 * @csspart submit-button - 「ログイン」 or 「パスワードを変更する」.
 * @csspart result - The signed-in view.
 */
export class CecPartnerSignIn extends PartnerConnection(LitElement) {
  static override styles = partnerElementStyles;

  @state() private view: View = 'signIn';
  @state() private signInDraft: Record<string, string> = { userId: '', password: '' };
  @state() private changeDraft: Record<string, string> = { currentPassword: '', newPassword: '', confirmation: '' };
  @state() private signedIn?: Session;
  @state() private passwordChanged = false;

  private readonly localize = new LocalizeController(this);
  private readonly partner = new PartnerAdminController(this, this.localize);
  private readonly signInForm = new FormState(this, () => validateSection(signInRequestSchema, this.signInDraft));
  private readonly changeForm = new FormState(this, () =>
    validateSection(passwordChangeSchema, { ...this.changeDraft, userId: this.signedIn?.user.userId ?? '' }),
  );

  // ── event handlers ────────────────────────────────────────────────────────

  private async signIn(event?: Event): Promise<void> {
    event?.preventDefault();
    const result = validateSection(signInRequestSchema, this.signInDraft);
    if (!this.signInForm.validate() || !result.ok) return this.partner.focusSummary();
    const answer = await this.partner.run('signIn', (api) => api.signIn(result.value), {
      retry: () => void this.signIn(),
      failure: (error) => this.signInFailure(error),
    });
    if (!answer?.ok) return;
    this.signedIn = answer.value;
    this.session = answer.value.session;
    if (answer.value.mustChangePassword) {
      this.changeDraft = { currentPassword: result.value.password, newPassword: '', confirmation: '' };
      this.changeForm.markPrefilled(['currentPassword']);
      return this.show('changePassword');
    }
    this.finish();
  }

  private signInFailure(error: unknown): Failure | undefined {
    if (!(error instanceof ApiError)) return undefined;
    if (error.code === 'sign_in_failed') return { key: 'signIn.failed', values: { max: MAX_SIGN_IN_FAILURES, minutes: SIGN_IN_LOCK_MINUTES } };
    if (error.code === 'account_locked') {
      const minutes = error.retryAfterSeconds === undefined ? SIGN_IN_LOCK_MINUTES : Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      return { key: 'signIn.locked', values: { minutes } };
    }
    return undefined;
  }

  private async changePassword(event?: Event): Promise<void> {
    event?.preventDefault();
    if (!this.changeForm.validate()) return this.partner.focusSummary();
    const { currentPassword, newPassword } = this.changeDraft;
    const answer = await this.partner.run('change', (api) => api.changePassword({ currentPassword: currentPassword!, newPassword: newPassword! }), {
      retry: () => void this.changePassword(),
    });
    if (!answer) return;
    if (!answer.ok) {
      if (answer.error instanceof ApiError && answer.error.code === 'validation_failed') {
        this.changeForm.setServerIssues(answer.error.issues);
        await this.partner.focusSummary();
      }
      return;
    }
    this.passwordChanged = true;
    this.finish();
  }

  private finish(): void {
    const signedIn = this.signedIn!;
    void this.show('done');
    this.dispatchEvent(
      new SignedInEvent({ session: signedIn.session, expiresAt: signedIn.expiresAt, user: signedIn.user, passwordChanged: this.passwordChanged }),
    );
  }

  private show(view: View): Promise<void> {
    this.view = view;
    return this.partner.focusAfterUpdate();
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render() {
    if (this.view === 'changePassword') return this.renderChange();
    if (this.view === 'done') return this.renderDone();
    return this.renderSignIn();
  }

  private renderSignIn(): TemplateResult {
    const { t } = this.localize;
    const context = this.partner.fieldContext(this.signInForm, (field, value) => {
      this.signInDraft = { ...this.signInDraft, [field]: value };
    });
    const busy = this.partner.busy === 'signIn';
    return html`<form novalidate @submit=${this.signIn}>
      <h3 tabindex="-1">${t('partnerAdmin.signIn.heading')}</h3>
      ${this.partner.renderSummary(this.signInForm, SIGN_IN_FIELDS, (field) => t(`partnerAdmin.signIn.${field}`))}
      <p>${t('partnerAdmin.signIn.intro')}</p>
      ${textField(context, { name: 'userId', label: t('partnerAdmin.signIn.userId'), value: this.signInDraft.userId, required: true, autocomplete: 'username', inputmode: 'latin' })}
      ${textField(context, { name: 'password', label: t('partnerAdmin.signIn.password'), value: this.signInDraft.password, required: true, type: 'password', autocomplete: 'current-password' })}
      ${this.partner.renderFailure()}
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
          ${t(busy ? 'partnerAdmin.signIn.signingIn' : 'partnerAdmin.signIn.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderChange(): TemplateResult {
    const { t } = this.localize;
    const context = this.partner.fieldContext(this.changeForm, (field, value) => {
      this.changeDraft = { ...this.changeDraft, [field]: value };
    });
    const busy = this.partner.busy === 'change';
    const rule = { minimum: MIN_PASSWORD_LENGTH, maximum: MAX_PASSWORD_LENGTH };
    return html`<form novalidate @submit=${this.changePassword}>
      <h3 tabindex="-1">${t('partnerAdmin.signIn.changeHeading')}</h3>
      ${this.partner.renderSummary(this.changeForm, CHANGE_FIELDS, (field) => t(`partnerAdmin.signIn.${field}`))}
      <p>${t('partnerAdmin.signIn.changeIntro')}</p>
      <input type="text" hidden autocomplete="username" .value=${this.signedIn?.user.userId ?? ''} />
      ${textField(context, { name: 'currentPassword', label: t('partnerAdmin.signIn.currentPassword'), value: this.changeDraft.currentPassword, required: true, type: 'password', autocomplete: 'current-password' })}
      ${textField(context, { name: 'newPassword', label: t('partnerAdmin.signIn.newPassword'), value: this.changeDraft.newPassword, required: true, type: 'password', autocomplete: 'new-password', hint: t('partnerAdmin.signIn.newPasswordHint', rule) })}
      ${textField(context, { name: 'confirmation', label: t('partnerAdmin.signIn.confirmation'), value: this.changeDraft.confirmation, required: true, type: 'password', autocomplete: 'new-password' })}
      ${this.partner.renderFailure()}
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
          ${t(busy ? 'partnerAdmin.signIn.changing' : 'partnerAdmin.signIn.change')}
        </button>
      </div>
    </form>`;
  }

  private renderDone(): TemplateResult {
    const { t } = this.localize;
    const user = this.signedIn!.user;
    return html`<section class="result" part="result" aria-labelledby="done-heading">
      <h3 id="done-heading" tabindex="-1">${t('partnerAdmin.signIn.doneHeading')}</h3>
      <p>${t('partnerAdmin.signIn.signedInAs', { name: user.name, userId: user.userId, role: t(`partnerAdmin.roles.${user.role}`) })}</p>
      ${this.passwordChanged ? html`<p role="status">${t('partnerAdmin.signIn.changed')}</p>` : nothing}
    </section>`;
  }

}


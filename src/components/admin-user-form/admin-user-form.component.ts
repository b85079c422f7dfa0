import { html } from 'lit';
import { adminUserSchema, FIELD_NORMALISERS, validateSection } from '../../domain/index.js';
import type { AdminUserDraft } from '../shared/draft.js';
import { FormStepElement } from '../shared/form-step.js';

const FIELDS = ['name', 'nameKana', 'department', 'title', 'address', 'phone', 'email'] as const;

/**
 * STEP 3 利用者情報入力: the person who gets the 管理用ID (adds users, sees every contract of the
 * company, signs). Every notice and the certificate's PIN go to their mail address. Adding company
 * users later is another form (`cec-company-user-form`: 権限, no 住所, TEL番号 optional).
 *
 * @summary The administrator's name, contact details and mail address.
 * @fires cec-change - The user edited a field; `event.value` is the new `AdminUserDraft`.
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」/「※任意」 marker after a label.
 * @csspart hint - The help text under a label.
 * @csspart input - Each text input.
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused "next".
 */
export class CecAdminUserForm extends FormStepElement<AdminUserDraft> {
  protected override readonly normalisers = FIELD_NORMALISERS.adminUser;

  constructor() {
    super();
    this.value = {};
  }

  protected check() {
    return validateSection(adminUserSchema, this.value);
  }

  protected fieldOrder() {
    return FIELDS;
  }

  protected labelOf(field: string): string {
    return this.localize.t(`adminUser.${field}`);
  }

  override render() {
    const { t } = this.localize;
    return html`
      ${this.renderErrorSummary()}
      <h3>${t('adminUser.heading')}</h3>
      <p>${t('adminUser.intro')}</p>
      ${this.textField('name', { autocomplete: 'name' })}
      ${this.textField('nameKana', { hint: t('adminUser.nameKanaHint') })}
      ${this.textField('department', { required: false })}
      ${this.textField('title', { required: false, autocomplete: 'organization-title' })}
      ${this.textField('address', { autocomplete: 'street-address' })}
      ${this.textField('phone', { type: 'tel', inputmode: 'tel', autocomplete: 'tel', hint: t('adminUser.phoneHint') })}
      ${this.textField('email', { type: 'email', autocomplete: 'email', hint: t('adminUser.emailHint') })}
    `;
  }
}

import { html } from 'lit';
import { adminUserSchema, FIELD_NORMALISERS, validateSection } from '../../domain/index.js';
import type { AdminUserDraft } from '../shared/draft.js';
import { textField } from '../shared/fields.js';
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
    const context = this.fieldContext();
    const v = this.value;
    return html`
      ${this.renderErrorSummary()}
      <h3>${t('adminUser.heading')}</h3>
      <p>${t('adminUser.intro')}</p>
      ${textField(context, { name: 'name', label: t('adminUser.name'), value: v.name, required: true, autocomplete: 'name' })}
      ${textField(context, { name: 'nameKana', label: t('adminUser.nameKana'), value: v.nameKana, required: true, hint: t('adminUser.nameKanaHint') })}
      ${textField(context, { name: 'department', label: t('adminUser.department'), value: v.department, required: false })}
      ${textField(context, { name: 'title', label: t('adminUser.title'), value: v.title, required: false, autocomplete: 'organization-title' })}
      ${textField(context, { name: 'address', label: t('adminUser.address'), value: v.address, required: true, autocomplete: 'street-address' })}
      ${textField(context, {
        name: 'phone',
        label: t('adminUser.phone'),
        value: v.phone,
        required: true,
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'tel',
        hint: t('adminUser.phoneHint'),
      })}
      ${textField(context, {
        name: 'email',
        label: t('adminUser.email'),
        value: v.email,
        required: true,
        type: 'email',
        autocomplete: 'email',
        hint: t('adminUser.emailHint'),
      })}
    `;
  }
}

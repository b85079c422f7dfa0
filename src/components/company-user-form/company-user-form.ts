import type { UserRegisteredEvent } from './company-user-events.js';
import type { ChangeEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import '../confirmation/confirmation.js';
import { CecCompanyUserForm } from './company-user-form.component.js';

export { CecCompanyUserForm };
export { UserRegisteredEvent, type UserRegisteredDetail } from './company-user-events.js';
export type { CompanyUserDraft } from './company-user-form.component.js';
export { ChangeEvent } from '../shared/events.js';
export default CecCompanyUserForm;

defineElement('cec-company-user-form', CecCompanyUserForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-company-user-form': CecCompanyUserForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-user-registered': UserRegisteredEvent;
    'cec-change': ChangeEvent;
  }
}

import type { ChangeEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import { CecAdminUserForm } from './admin-user-form.component.js';

export { CecAdminUserForm };
export { ChangeEvent } from '../shared/events.js';
export default CecAdminUserForm;

defineElement('cec-admin-user-form', CecAdminUserForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-admin-user-form': CecAdminUserForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-change': ChangeEvent;
  }
}

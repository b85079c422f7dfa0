import { CecAdminUserForm } from './admin-user-form.component.js';

export { CecAdminUserForm };
export default CecAdminUserForm;

if (!customElements.get('cec-admin-user-form')) customElements.define('cec-admin-user-form', CecAdminUserForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-admin-user-form': CecAdminUserForm;
  }
}

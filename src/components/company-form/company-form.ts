import { CecCompanyForm } from './company-form.component.js';

export { CecCompanyForm };
export default CecCompanyForm;

if (!customElements.get('cec-company-form')) customElements.define('cec-company-form', CecCompanyForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-company-form': CecCompanyForm;
  }
}

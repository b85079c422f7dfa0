import { CecCertInfoForm } from './cert-info-form.component.js';

export { CecCertInfoForm };
export default CecCertInfoForm;

if (!customElements.get('cec-cert-info-form')) customElements.define('cec-cert-info-form', CecCertInfoForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-cert-info-form': CecCertInfoForm;
  }
}

import { CecTermsConsent } from './terms-consent.component.js';

export { CecTermsConsent };
export default CecTermsConsent;

if (!customElements.get('cec-terms-consent')) customElements.define('cec-terms-consent', CecTermsConsent);

declare global {
  interface HTMLElementTagNameMap {
    'cec-terms-consent': CecTermsConsent;
  }
}

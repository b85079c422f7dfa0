import type { ChangeEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import { CecTermsConsent } from './terms-consent.component.js';

export { CecTermsConsent };
export { ChangeEvent } from '../shared/events.js';
export default CecTermsConsent;

defineElement('cec-terms-consent', CecTermsConsent);

declare global {
  interface HTMLElementTagNameMap {
    'cec-terms-consent': CecTermsConsent;
  }
  interface GlobalEventHandlersEventMap {
    'cec-change': ChangeEvent;
  }
}

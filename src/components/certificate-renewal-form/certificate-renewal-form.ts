import type { RenewalErrorEvent, RenewalImportedEvent, RenewalSubmittedEvent } from './renewal-events.js';
import { defineElement } from '../shared/define.js';
import { CecCertificateRenewalForm } from './certificate-renewal-form.component.js';
import '../date-field/date-field.js';

export { CecCertificateRenewalForm };
export { RenewalErrorEvent, RenewalImportedEvent, RenewalSubmittedEvent, type RenewalImportDetail } from './renewal-events.js';
export default CecCertificateRenewalForm;

defineElement('cec-certificate-renewal-form', CecCertificateRenewalForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-certificate-renewal-form': CecCertificateRenewalForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-renewal-submitted': RenewalSubmittedEvent;
    'cec-renewal-error': RenewalErrorEvent;
    'cec-renewal-imported': RenewalImportedEvent;
  }
}

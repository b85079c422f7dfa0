import type { CertificateActivatedEvent } from './activation-events.js';
import { defineElement } from '../shared/define.js';
import { CecCertificateActivation } from './certificate-activation.component.js';

export { CecCertificateActivation };
export { CertificateActivatedEvent, type CertificateActivatedDetail } from './activation-events.js';
export default CecCertificateActivation;

defineElement('cec-certificate-activation', CecCertificateActivation);

declare global {
  interface HTMLElementTagNameMap {
    'cec-certificate-activation': CecCertificateActivation;
  }
  interface GlobalEventHandlersEventMap {
    'cec-certificate-activated': CertificateActivatedEvent;
  }
}

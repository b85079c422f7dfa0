import type { CertificateLinkedEvent, CertificateRequestedEvent } from './signer-certificate-events.js';
import { defineElement } from '../shared/define.js';
import '../cert-info-form/cert-info-form.js';
import '../confirmation/confirmation.js';
import { CecSignerCertificateForm } from './signer-certificate-form.component.js';

export { CecSignerCertificateForm };
export {
  CertificateLinkedEvent,
  CertificateRequestedEvent,
  type CertificateLinkedDetail,
  type CertificateRequestedDetail,
} from './signer-certificate-events.js';
export default CecSignerCertificateForm;

defineElement('cec-signer-certificate-form', CecSignerCertificateForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-signer-certificate-form': CecSignerCertificateForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-certificate-requested': CertificateRequestedEvent;
    'cec-certificate-linked': CertificateLinkedEvent;
  }
}

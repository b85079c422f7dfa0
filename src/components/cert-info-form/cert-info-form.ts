import type { ChangeEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import { CecCertInfoForm } from './cert-info-form.component.js';

export { CecCertInfoForm };
export { ChangeEvent } from '../shared/events.js';
export default CecCertInfoForm;

defineElement('cec-cert-info-form', CecCertInfoForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-cert-info-form': CecCertInfoForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-change': ChangeEvent;
  }
}

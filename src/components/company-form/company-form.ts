import type { ChangeEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import { CecCompanyForm } from './company-form.component.js';

export { CecCompanyForm };
export { ChangeEvent } from '../shared/events.js';
export default CecCompanyForm;

defineElement('cec-company-form', CecCompanyForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-company-form': CecCompanyForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-change': ChangeEvent;
  }
}

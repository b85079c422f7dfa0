import '../terms-consent/terms-consent.js';
import '../company-form/company-form.js';
import '../admin-user-form/admin-user-form.js';
import '../cert-info-form/cert-info-form.js';
import '../confirmation/confirmation.js';
import '../completion/completion.js';
import { CecApplyWizard } from './apply-wizard.component.js';

export { CecApplyWizard };
export default CecApplyWizard;

if (!customElements.get('cec-apply-wizard')) customElements.define('cec-apply-wizard', CecApplyWizard);

declare global {
  interface HTMLElementTagNameMap {
    'cec-apply-wizard': CecApplyWizard;
  }
}

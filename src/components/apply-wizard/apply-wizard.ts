import '../terms-consent/terms-consent.js';
import '../company-form/company-form.js';
import '../admin-user-form/admin-user-form.js';
import '../cert-info-form/cert-info-form.js';
import '../confirmation/confirmation.js';
import '../completion/completion.js';
import type { ExitEvent, StepChangeEvent, SubmittedEvent, ValidationFailedEvent, WizardErrorEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import { CecApplyWizard } from './apply-wizard.component.js';

export { CecApplyWizard };
export { ExitEvent, StepChangeEvent, SubmittedEvent, ValidationFailedEvent, WizardErrorEvent } from '../shared/events.js';
export default CecApplyWizard;

/** `event.detail` of `cec-step-change` (named for custom-elements.json and the framework typings). */
export type StepChangeDetail = StepChangeEvent['detail'];
/** `event.detail` of `cec-validation-failed`. */
export type ValidationFailedDetail = ValidationFailedEvent['detail'];
/** `event.detail` of `cec-submitted`. */
export type SubmittedDetail = SubmittedEvent['detail'];
/** `event.detail` of `cec-error`. */
export type WizardErrorDetail = WizardErrorEvent['detail'];

defineElement('cec-apply-wizard', CecApplyWizard);

declare global {
  interface HTMLElementTagNameMap {
    'cec-apply-wizard': CecApplyWizard;
  }
  interface GlobalEventHandlersEventMap {
    'cec-step-change': StepChangeEvent;
    'cec-validation-failed': ValidationFailedEvent;
    'cec-submitted': SubmittedEvent;
    'cec-error': WizardErrorEvent;
    'cec-exit': ExitEvent;
  }
}

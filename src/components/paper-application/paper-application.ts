import '../date-field/date-field.js';
import { defineElement } from '../shared/define.js';
import { CecPaperApplication } from './paper-application.component.js';
import type { ExitEvent, StepChangeEvent, ValidationFailedEvent } from '../shared/events.js';
import type { PaperErrorEvent, PaperReadyEvent, PaperStoredEvent } from './paper-application-events.js';

export { CecPaperApplication };
export { PaperErrorEvent, PaperReadyEvent, PaperStoredEvent } from './paper-application-events.js';
export type { PaperDraft, PersonDraft } from './paper-draft.js';
export default CecPaperApplication;

/** `event.detail` of `cec-step-change` (named for custom-elements.json and the framework typings). */
export type StepChangeDetail = StepChangeEvent['detail'];
/** `event.detail` of `cec-validation-failed`. */
export type ValidationFailedDetail = ValidationFailedEvent['detail'];
/** `event.detail` of `cec-paper-stored` (named for custom-elements.json and the framework typings). */
export type PaperStoredDetail = PaperStoredEvent['detail'];
/** `event.detail` of `cec-paper-ready`. */
export type PaperReadyDetail = PaperReadyEvent['detail'];
/** `event.detail` of `cec-paper-error`. */
export type PaperErrorDetail = PaperErrorEvent['detail'];

defineElement('cec-paper-application', CecPaperApplication);

declare global {
  interface HTMLElementTagNameMap {
    'cec-paper-application': CecPaperApplication;
  }
  interface GlobalEventHandlersEventMap {
    'cec-paper-stored': PaperStoredEvent;
    'cec-paper-ready': PaperReadyEvent;
    'cec-paper-error': PaperErrorEvent;
    'cec-step-change': StepChangeEvent;
    'cec-validation-failed': ValidationFailedEvent;
    'cec-exit': ExitEvent;
  }
}

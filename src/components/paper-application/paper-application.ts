import '../date-field/date-field.js';
import { defineElement } from '../shared/define.js';
import { CecPaperApplication } from './paper-application.component.js';
import type { PaperErrorEvent, PaperReadyEvent, PaperStoredEvent } from './paper-application-events.js';

export { CecPaperApplication };
export { PaperErrorEvent, PaperReadyEvent, PaperStoredEvent } from './paper-application-events.js';
export type { PaperDraft, PersonDraft } from './paper-draft.js';
export default CecPaperApplication;

defineElement('cec-paper-application', CecPaperApplication);

declare global {
  interface HTMLElementTagNameMap {
    'cec-paper-application': CecPaperApplication;
  }
  interface GlobalEventHandlersEventMap {
    'cec-paper-stored': PaperStoredEvent;
    'cec-paper-ready': PaperReadyEvent;
    'cec-paper-error': PaperErrorEvent;
  }
}

import type { EditSectionEvent } from '../shared/events.js';
import { defineElement } from '../shared/define.js';
import { CecConfirmation } from './confirmation.component.js';

export { CecConfirmation };
export type { ConfirmationRow, ConfirmationSection } from './confirmation.component.js';
export { EditSectionEvent } from '../shared/events.js';
export default CecConfirmation;

/** `event.detail` of `cec-edit-section` (named for custom-elements.json and the framework typings). */
export type EditSectionDetail = EditSectionEvent['detail'];

defineElement('cec-confirmation', CecConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'cec-confirmation': CecConfirmation;
  }
  interface GlobalEventHandlersEventMap {
    'cec-edit-section': EditSectionEvent;
  }
}

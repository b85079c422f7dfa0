import type { DateChangeEvent } from './date-field-events.js';
import { defineElement } from '../shared/define.js';
import { CecDateField } from './date-field.component.js';

export { CecDateField };
export type { DateFieldProblem } from './date-field.component.js';
export { DateChangeEvent, type DateChangeDetail } from './date-field-events.js';
export default CecDateField;

defineElement('cec-date-field', CecDateField);

declare global {
  interface HTMLElementTagNameMap {
    'cec-date-field': CecDateField;
  }
  interface GlobalEventHandlersEventMap {
    'cec-date-change': DateChangeEvent;
  }
}

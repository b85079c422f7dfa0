/**
 * The event of `cec-date-field`: a class, bubbling and composed, as in `../shared/events.ts`.
 */
import type { IsoDate } from '../../domain/dates.js';

/** What the field holds after an edit: the text as typed, and the day it reads as (if any). */
export interface DateChangeDetail {
  /** The text as typed. */
  value: string;
  /** `YYYY-MM-DD`, or `undefined` while the text is blank or is no date. */
  date: IsoDate | undefined;
}

/**
 * The user edited the date (on every keystroke).
 *
 * @example
 * field.addEventListener('cec-date-change', (event) => console.log(event.detail.date));
 */
export class DateChangeEvent extends Event {
  readonly detail: DateChangeDetail;
  constructor(detail: DateChangeDetail) {
    super('cec-date-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-date-change': DateChangeEvent;
  }
}

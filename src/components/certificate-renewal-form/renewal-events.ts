/**
 * The events of `cec-certificate-renewal-form`: classes, bubbling and composed, as in `../shared/events.ts`.
 */
import type { RenewalReceipt } from '../../domain/renewal.js';

/**
 * The backend accepted the renewal request (`201`).
 *
 * @example
 * form.addEventListener('cec-renewal-submitted', (event) => show(event.detail.requestNumber));
 */
export class RenewalSubmittedEvent extends Event {
  readonly detail: RenewalReceipt;
  constructor(detail: RenewalReceipt) {
    super('cec-renewal-submitted', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * A backend call failed: the backend's code (`not_ra_contact`, `validation_failed`, …) or the client's
 * (`network`, `timeout`, `invalid_response`).
 *
 * @example
 * form.addEventListener('cec-renewal-error', (event) => log(event.detail.code));
 */
export class RenewalErrorEvent extends Event {
  readonly detail: { code: string; message: string };
  constructor(code: string, message: string) {
    super('cec-renewal-error', { bubbles: true, composed: true });
    this.detail = { code, message };
  }
}

/** Rows were added from a paste, a CSV file or the backend's expiring list. */
export interface RenewalImportDetail {
  source: 'paste' | 'csv' | 'expiring';
  /** Rows added. */
  rows: number;
  /** Rows added that have errors. */
  invalidRows: number;
  /** Lines with something that could not be read. */
  problems: number;
}

/**
 * Rows were imported.
 *
 * @example
 * form.addEventListener('cec-renewal-imported', (event) => console.log(event.detail.rows));
 */
export class RenewalImportedEvent extends Event {
  readonly detail: RenewalImportDetail;
  constructor(detail: RenewalImportDetail) {
    super('cec-renewal-imported', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-renewal-submitted': RenewalSubmittedEvent;
    'cec-renewal-error': RenewalErrorEvent;
    'cec-renewal-imported': RenewalImportedEvent;
  }
}

/**
 * The events of `cec-paper-application`: classes, bubbling and composed, as in `../shared/events.ts`.
 */

/**
 * The backend stored the application: the reference number printed on every page.
 *
 * @example
 * element.addEventListener('cec-paper-stored', (event) => console.log(event.detail.referenceNumber));
 */
export class PaperStoredEvent extends Event {
  readonly detail: { referenceNumber: string };
  constructor(referenceNumber: string) {
    super('cec-paper-stored', { bubbles: true, composed: true });
    this.detail = { referenceNumber };
  }
}

/**
 * The forms are ready to print (reached 出力): whether a reference number is on them.
 *
 * @example
 * element.addEventListener('cec-paper-ready', (event) => analytics.track('paper-ready', event.detail));
 */
export class PaperReadyEvent extends Event {
  readonly detail: { referenceNumber: string | undefined };
  constructor(referenceNumber: string | undefined) {
    super('cec-paper-ready', { bubbles: true, composed: true });
    this.detail = { referenceNumber };
  }
}

/**
 * Storing the application failed (network, 5xx, 400): `{ code, message }`, never what was typed.
 *
 * @example
 * element.addEventListener('cec-paper-error', (event) => console.warn(event.detail.code));
 */
export class PaperErrorEvent extends Event {
  readonly detail: { code: string; message: string };
  constructor(code: string, message: string) {
    super('cec-paper-error', { bubbles: true, composed: true });
    this.detail = { code, message };
  }
}

/**
 * The event of `cec-certificate-activation`: a class, bubbling and composed, as in `../shared/events.ts`.
 */

/** What a host learns when a certificate was confirmed with its PIN. */
export interface CertificateActivatedDetail {
  certificateId: string;
  /** The signed-in user, who can sign with it from now on. */
  userId: string;
}

/**
 * 証明書の有効性確認 succeeded: the user can sign with the certificate.
 *
 * @example
 * activation.addEventListener('cec-certificate-activated', (event) => users.reload());
 */
export class CertificateActivatedEvent extends Event {
  readonly detail: CertificateActivatedDetail;
  constructor(detail: CertificateActivatedDetail) {
    super('cec-certificate-activated', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-certificate-activated': CertificateActivatedEvent;
  }
}

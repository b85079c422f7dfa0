/**
 * The events of `cec-signer-certificate-form`: classes, bubbling and composed, as in `../shared/events.ts`.
 */

/** What a host learns of a certificate requested for a user (電子証明書追加発行申請). */
export interface CertificateRequestedDetail {
  requestNumber: string;
  /** The certificate to be issued; its PIN mail follows in 2–3 days. */
  certificateId: string;
  userId: string;
}

/** What a host learns of an issued certificate linked to a user. */
export interface CertificateLinkedDetail {
  certificateId: string;
  userId: string;
}

/**
 * The backend accepted the request for a new certificate for the user.
 *
 * @example
 * form.addEventListener('cec-certificate-requested', (event) => users.reload());
 */
export class CertificateRequestedEvent extends Event {
  readonly detail: CertificateRequestedDetail;
  constructor(detail: CertificateRequestedDetail) {
    super('cec-certificate-requested', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * An issued certificate is linked to the user; they can sign once they confirmed it with the PIN.
 *
 * @example
 * form.addEventListener('cec-certificate-linked', (event) => users.reload());
 */
export class CertificateLinkedEvent extends Event {
  readonly detail: CertificateLinkedDetail;
  constructor(detail: CertificateLinkedDetail) {
    super('cec-certificate-linked', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-certificate-requested': CertificateRequestedEvent;
    'cec-certificate-linked': CertificateLinkedEvent;
  }
}

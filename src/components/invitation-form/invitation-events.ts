/**
 * The events of `cec-invitation-form`: classes, bubbling and composed, as in `../shared/events.ts`.
 * They carry the link (which holds the token) but never the token on its own, so a host that logs
 * events does not log a bare secret by accident.
 */

/** What a host learns of an invitation just issued or issued again. */
export interface IssuedInvitationDetail {
  id: string;
  /** The link the partner opens; the only copy the ordering company gets. */
  url: string;
  /** ISO 8601 instant after which the link no longer works. */
  expiresAt: string;
}

/**
 * The backend issued an invitation (`201`).
 *
 * @example
 * form.addEventListener('cec-invitation-created', (event) => refreshList(event.detail.id));
 */
export class InvitationCreatedEvent extends Event {
  readonly detail: IssuedInvitationDetail;
  constructor(detail: IssuedInvitationDetail) {
    super('cec-invitation-created', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * The backend issued a new link for an invitation; the previous link no longer works.
 *
 * @example
 * form.addEventListener('cec-invitation-resent', (event) => links.set(event.detail.id, event.detail.url));
 */
export class InvitationResentEvent extends Event {
  readonly detail: IssuedInvitationDetail;
  constructor(detail: IssuedInvitationDetail) {
    super('cec-invitation-resent', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-invitation-created': InvitationCreatedEvent;
    'cec-invitation-resent': InvitationResentEvent;
  }
}

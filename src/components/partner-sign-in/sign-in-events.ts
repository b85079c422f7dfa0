/**
 * The event of `cec-partner-sign-in`: a class, bubbling and composed, as in `../shared/events.ts`.
 */
import type { SessionUser } from '../../domain/company-user.js';

/** What a host learns once a partner user is signed in (and, at the first sign-in, has changed the password). */
export interface SignedInDetail {
  /** The session token: give it to the other partner elements (`.session`). */
  session: string;
  /** ISO 8601 instant after which the session no longer works. */
  expiresAt: string;
  user: SessionUser;
  /** Whether the first password was changed just now. */
  passwordChanged: boolean;
}

/**
 * The user is signed in with a password of their own.
 *
 * @example
 * signIn.addEventListener('cec-signed-in', (event) => (users.session = event.detail.session));
 */
export class SignedInEvent extends Event {
  readonly detail: SignedInDetail;
  constructor(detail: SignedInDetail) {
    super('cec-signed-in', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-signed-in': SignedInEvent;
  }
}

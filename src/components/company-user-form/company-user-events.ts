/**
 * The event of `cec-company-user-form`: a class, bubbling and composed, as in `../shared/events.ts`.
 */
import type { CompanyUserRecord } from '../../domain/company-user.js';

/**
 * 確定 registered the user; the backend mailed their 利用者ID and 初回パスワード to the user's address.
 *
 * @example
 * form.addEventListener('cec-user-registered', (event) => users.reload());
 */
export class UserRegisteredEvent extends Event {
  readonly detail: { user: CompanyUserRecord };
  constructor(user: CompanyUserRecord) {
    super('cec-user-registered', { bubbles: true, composed: true });
    this.detail = { user };
  }
}

/** `event.detail` of `cec-user-registered` (named for custom-elements.json and the framework typings). */
export type UserRegisteredDetail = UserRegisteredEvent['detail'];

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-user-registered': UserRegisteredEvent;
  }
}

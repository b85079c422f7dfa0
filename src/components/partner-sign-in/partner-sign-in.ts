import type { SignedInEvent } from './sign-in-events.js';
import { defineElement } from '../shared/define.js';
import { CecPartnerSignIn } from './partner-sign-in.component.js';

export { CecPartnerSignIn };
export { SignedInEvent, type SignedInDetail } from './sign-in-events.js';
export default CecPartnerSignIn;

defineElement('cec-partner-sign-in', CecPartnerSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'cec-partner-sign-in': CecPartnerSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'cec-signed-in': SignedInEvent;
  }
}

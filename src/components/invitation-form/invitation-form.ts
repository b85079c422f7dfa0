import type { InvitationCreatedEvent, InvitationResentEvent } from './invitation-events.js';
import { defineElement } from '../shared/define.js';
import { CecInvitationForm } from './invitation-form.component.js';

export { CecInvitationForm };
export { InvitationCreatedEvent, InvitationResentEvent, type IssuedInvitationDetail } from './invitation-events.js';
export default CecInvitationForm;

defineElement('cec-invitation-form', CecInvitationForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-invitation-form': CecInvitationForm;
  }
  interface GlobalEventHandlersEventMap {
    'cec-invitation-created': InvitationCreatedEvent;
    'cec-invitation-resent': InvitationResentEvent;
  }
}

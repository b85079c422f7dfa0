import { CecInvitationForm } from './invitation-form.component.js';

export { CecInvitationForm };
export { InvitationCreatedEvent, InvitationResentEvent, type IssuedInvitationDetail } from './invitation-events.js';
export default CecInvitationForm;

if (!customElements.get('cec-invitation-form')) customElements.define('cec-invitation-form', CecInvitationForm);

declare global {
  interface HTMLElementTagNameMap {
    'cec-invitation-form': CecInvitationForm;
  }
}

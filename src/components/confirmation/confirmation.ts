import { CecConfirmation } from './confirmation.component.js';

export { CecConfirmation };
export type { ConfirmationRow, ConfirmationSection } from './confirmation.component.js';
export default CecConfirmation;

if (!customElements.get('cec-confirmation')) customElements.define('cec-confirmation', CecConfirmation);

declare global {
  interface HTMLElementTagNameMap {
    'cec-confirmation': CecConfirmation;
  }
}

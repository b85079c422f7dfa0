import { CecCompletion } from './completion.component.js';

export { CecCompletion };
export default CecCompletion;

if (!customElements.get('cec-completion')) customElements.define('cec-completion', CecCompletion);

declare global {
  interface HTMLElementTagNameMap {
    'cec-completion': CecCompletion;
  }
}

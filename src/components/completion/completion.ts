import { defineElement } from '../shared/define.js';
import { CecCompletion } from './completion.component.js';

export { CecCompletion };
export default CecCompletion;

defineElement('cec-completion', CecCompletion);

declare global {
  interface HTMLElementTagNameMap {
    'cec-completion': CecCompletion;
  }
}

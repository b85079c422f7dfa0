import { defineElement } from '../shared/define.js';
import { CecCompanyUsers } from './company-users.component.js';

export { CecCompanyUsers };
export default CecCompanyUsers;

defineElement('cec-company-users', CecCompanyUsers);

declare global {
  interface HTMLElementTagNameMap {
    'cec-company-users': CecCompanyUsers;
  }
}

import type { ResourceModule } from '../../i18n/i18n.js';
import { partnerAdminJa, type PartnerAdminMessages } from './partner-admin.ja.js';

/**
 * The partner elements' texts under `partnerAdmin`: Japanese inline, English loaded only when asked for.
 *
 * @example
 * new IncludeResourcesController(this, this.localize, partnerAdminResources);
 */
export const partnerAdminResources: ResourceModule<PartnerAdminMessages> = {
  key: 'partnerAdmin',
  ja: partnerAdminJa,
  en: async () => (await import('./partner-admin.en.js')).partnerAdminEn,
};

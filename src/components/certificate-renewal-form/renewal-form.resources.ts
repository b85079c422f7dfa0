import type { ResourceModule } from '../../i18n/i18n.js';
import { renewalFormJa, type RenewalFormMessages } from './renewal-form.ja.js';

/**
 * The renewal form's texts under `renewalForm`: Japanese inline, English loaded only when asked for.
 *
 * @example
 * new IncludeResourcesController(this, this.localize, renewalFormResources);
 */
export const renewalFormResources: ResourceModule<RenewalFormMessages> = {
  key: 'renewalForm',
  ja: renewalFormJa,
  en: async () => (await import('./renewal-form.en.js')).renewalFormEn,
};

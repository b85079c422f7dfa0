import type { ResourceModule } from '../../i18n/i18n.js';
import { dateFieldJa, type DateFieldMessages } from './date-field.ja.js';

/**
 * The date field's texts under `dateField`: Japanese inline, English loaded only when asked for.
 *
 * @example
 * new IncludeResourcesController(this, this.localize, dateFieldResources);
 */
export const dateFieldResources: ResourceModule<DateFieldMessages> = {
  key: 'dateField',
  ja: dateFieldJa,
  en: async () => (await import('./date-field.en.js')).dateFieldEn,
};

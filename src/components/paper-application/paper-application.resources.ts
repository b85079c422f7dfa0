import type { ResourceModule } from '../../i18n/i18n.js';
import { paperApplicationJa, type PaperApplicationMessages } from './paper-application.ja.js';

/**
 * The paper application's texts under `paperApplication`: Japanese inline, English loaded only when asked for.
 *
 * @example
 * new IncludeResourcesController(this, this.localize, paperApplicationResources);
 */
export const paperApplicationResources: ResourceModule<PaperApplicationMessages> = {
  key: 'paperApplication',
  ja: paperApplicationJa,
  en: async () => (await import('./paper-application.en.js')).paperApplicationEn,
};

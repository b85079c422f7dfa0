/**
 * The words of `cec-invitation-form` as a resource module: the form adds them to its translator
 * (`Translator.include`), so `ja.ts` — and with it the wizard's bundle — never carries them.
 */
import type { ResourceModule } from './i18n.js';
import { invitationFormJa, type InvitationFormMessages } from './invitation-form.ja.js';

/**
 * The invitation form's texts under `invitationForm`: Japanese inline, English loaded only when asked for.
 *
 * @example
 * await includeResources(translator, invitationFormResources);
 * translator.t('invitationForm.heading') // '取引先を招待する'
 */
export const invitationFormResources: ResourceModule<InvitationFormMessages> = {
  key: 'invitationForm',
  ja: invitationFormJa,
  en: async () => (await import('./invitation-form.en.js')).invitationFormEn,
};

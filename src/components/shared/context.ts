import { createContext } from '@lit/context';
import type { Translator } from '../../i18n/i18n.js';
import type { ApplicationDraft } from './draft.js';

/** What the wizard shares with its steps. */
export interface WizardState {
  /** The translator of the wizard's language, with the host's overridden words. */
  translator: Translator;
  /** Everything typed so far: the confirmation shows it, STEP 4 reads STEP 2's company name. */
  draft: ApplicationDraft;
  /** Upper bound of the uploaded document in bytes. */
  maxDocumentBytes: number;
}

/**
 * The wizard provides it; steps consume it with `subscribe: true` and fall back to their own
 * properties when used on their own.
 *
 * @example
 * @consume({ context: wizardContext, subscribe: true }) @state() wizard?: WizardState;
 */
export const wizardContext = createContext<WizardState>(Symbol('cec-wizard'));

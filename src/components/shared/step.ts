import type { FieldIssue } from '../../domain/index.js';

/**
 * What the wizard needs of a step element; a host's own steps implement it too.
 *
 * @example
 * class ConstructionLicenceStep extends LitElement implements WizardStep<{ licence: string }> {
 *   value = { licence: '' };
 *   stepTitle = '建設業許可';
 *   validate() { return /^\d{6}$/.test(this.value.licence); }
 * }
 */
export interface WizardStep<T = unknown> extends HTMLElement {
  /** The step's value; the wizard sets it and listens for `cec-change` to hear edits. */
  value: T;
  /** Shows the step's errors and tells whether the user may go on. */
  validate(): boolean | Promise<boolean>;
  /** The title in the step indicator (built-in steps take theirs from the locale resources). */
  stepTitle?: string;
  /** Moves focus to the step's error summary after a refused "next". */
  focusErrorSummary?(): void | Promise<void>;
  /** Shows issues the backend found, on their fields. */
  showServerIssues?(issues: readonly FieldIssue[]): void;
}

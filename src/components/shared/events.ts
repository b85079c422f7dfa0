/**
 * The custom events of the elements: classes, bubbling and composed, so a host page hears them
 * through every shadow root (Web Awesome's `src/events/`).
 */

/** A step's value changed because the user edited it. */
export class ChangeEvent<T = unknown> extends Event {
  readonly value: T;
  constructor(value: T) {
    super('cec-change', { bubbles: true, composed: true });
    this.value = value;
  }
}

/** On the confirmation step, the user asked to change a section; the wizard jumps there and back. */
export class EditSectionEvent extends Event {
  readonly detail: { step: string };
  constructor(step: string) {
    super('cec-edit-section', { bubbles: true, composed: true });
    this.detail = { step };
  }
}

/** The wizard moved to another step. Step ids: terms, company, adminUser, certificate, confirmation, completion, or a host's. */
export class StepChangeEvent extends Event {
  readonly detail: { step: string; previousStep: string | undefined };
  constructor(step: string, previousStep: string | undefined) {
    super('cec-step-change', { bubbles: true, composed: true });
    this.detail = { step, previousStep };
  }
}

/** A step refused to let the user go on: which fields, never their values (for analytics). */
export class ValidationFailedEvent extends Event {
  readonly detail: { step: string; fields: string[] };
  constructor(step: string, fields: string[]) {
    super('cec-validation-failed', { bubbles: true, composed: true });
    this.detail = { step, fields };
  }
}

/** The user left the wizard without completing it (戻る on the first step). */
export class ExitEvent extends Event {
  constructor() {
    super('cec-exit', { bubbles: true, composed: true });
  }
}

/** The backend accepted the application. */
export class SubmittedEvent extends Event {
  readonly detail: { receiptNumber: string };
  constructor(receiptNumber: string) {
    super('cec-submitted', { bubbles: true, composed: true });
    this.detail = { receiptNumber };
  }
}

/** Something failed: a backend or network error (codes: see README "Events"). */
export class WizardErrorEvent extends Event {
  readonly detail: { code: string; message: string };
  constructor(code: string, message: string) {
    super('cec-error', { bubbles: true, composed: true });
    this.detail = { code, message };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cec-change': ChangeEvent;
    'cec-step-change': StepChangeEvent;
    'cec-edit-section': EditSectionEvent;
    'cec-validation-failed': ValidationFailedEvent;
    'cec-submitted': SubmittedEvent;
    'cec-error': WizardErrorEvent;
    'cec-exit': ExitEvent;
  }
}

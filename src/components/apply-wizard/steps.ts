import type { ApplicationDraft, SectionName } from '../shared/draft.js';
import type { FlowStep } from '../shared/wizard-controller.js';

/**
 * One step of the wizard. Built-in steps name a tag the wizard creates; a host's own step is an element
 * it made (a child of the wizard, or one passed in `steps`).
 *
 * @example
 * wizard.steps = [...defaultSteps().slice(0, 3), { id: 'licence', element: myStep, title: '建設業許可' }, ...defaultSteps().slice(3)];
 */
export interface StepDefinition extends FlowStep<ApplicationDraft> {
  /** Unique id; the built-ins are terms, company, adminUser, certificate, confirmation, completion. */
  id: string;
  /** Tag of a built-in step element, created by the wizard. */
  tag?: string;
  /** A host's own step element (implements `WizardStep`). */
  element?: HTMLElement;
  /** The draft section a built-in form step edits; a host's step value goes to `extensions[id]`. */
  section?: SectionName;
  /** Title in the step indicator for a host's step (built-ins take `steps.<id>` from the resources). */
  title?: string;
}

/** Ids of the steps the backend contract cannot do without: they can be moved but never dropped. */
export const REQUIRED_STEP_IDS = ['terms', 'company', 'adminUser', 'certificate', 'confirmation', 'completion'] as const;

/** The six steps of the application guide, in its order. */
export function defaultSteps(): StepDefinition[] {
  return [
    { id: 'terms', tag: 'cec-terms-consent', section: 'terms' },
    { id: 'company', tag: 'cec-company-form', section: 'company' },
    { id: 'adminUser', tag: 'cec-admin-user-form', section: 'adminUser' },
    { id: 'certificate', tag: 'cec-cert-info-form', section: 'certificate' },
    { id: 'confirmation', tag: 'cec-confirmation' },
    { id: 'completion', tag: 'cec-completion', final: true },
  ];
}

/**
 * Checks a host's step list: every required step present once, confirmation and completion last.
 * Returns the problem in words for the console, or `undefined` when the list is usable.
 */
export function stepListProblem(steps: readonly StepDefinition[]): string | undefined {
  const ids = steps.map((step) => step.id);
  const missing = REQUIRED_STEP_IDS.filter((id) => !ids.includes(id));
  if (missing.length > 0) return `required step(s) cannot be dropped: ${missing.join(', ')}`;
  if (new Set(ids).size !== ids.length) return 'step ids must be unique';
  if (ids.at(-1) !== 'completion' || ids.at(-2) !== 'confirmation') {
    return 'confirmation and completion must be the last two steps';
  }
  const custom = steps.find((step) => !step.tag && !step.element);
  if (custom) return `step "${custom.id}" needs an element`;
  return undefined;
}

/**
 * The six steps with a host's own step elements placed among them: each child names its id
 * (`data-step-id`), title (`data-step-title`) and the step it follows (`data-after`; else before the
 * confirmation), and gets the named slot the wizard renders while its step is current.
 *
 * @example
 * stepsWithChildren([licenceStep]) // with data-after="adminUser": terms, company, adminUser, licence, certificate, confirmation, completion
 */
export function stepsWithChildren(children: readonly HTMLElement[]): StepDefinition[] {
  const steps = defaultSteps();
  for (const child of children) {
    const id = child.dataset.stepId!;
    child.slot = `step-${id}`;
    const after = steps.findIndex((step) => step.id === child.dataset.after);
    steps.splice(after === -1 ? steps.length - 2 : after + 1, 0, { id, element: child, title: child.dataset.stepTitle });
  }
  return steps;
}

/**
 * Type-only checks of the public API, as Lit's type_check_test.ts does: `tsc` (in `npm test`) fails if
 * an integrator's ordinary TypeScript stops compiling, or if a mistake starts compiling.
 */
import {
  CecApplyWizard,
  defaultSteps,
  type ApplicationDraft,
  type FieldOptions,
  type MessageOverrides,
  type StepDefinition,
  type WizardStep,
} from '../../src/index.js';

function assertType<T>(value: T): T {
  return value;
}

// Tags are typed: createElement gives the class.
const wizard = document.createElement('cec-apply-wizard');
assertType<CecApplyWizard>(wizard);
assertType<string>(wizard.endpoint);
assertType<HTMLElement>(document.createElement('cec-company-form'));

// Events carry their documented detail.
wizard.addEventListener('cec-step-change', (event) => {
  assertType<string>(event.detail.step);
  assertType<string | undefined>(event.detail.previousStep);
});
wizard.addEventListener('cec-submitted', (event) => assertType<string>(event.detail.receiptNumber));
wizard.addEventListener('cec-error', (event) => assertType<{ code: string; message: string }>(event.detail));
wizard.addEventListener('cec-validation-failed', (event) => assertType<string[]>(event.detail.fields));
wizard.addEventListener('cec-submitted', (event) => {
  // @ts-expect-error the receipt number is a string
  assertType<number>(event.detail.receiptNumber);
});

// Words are overridable by key, and only with the resources' shape.
const messages: MessageOverrides = { ja: { buttons: { next: '進む' } }, en: { buttons: { next: 'Continue' } } };
wizard.messages = messages;
// @ts-expect-error a value must be text
wizard.messages = { ja: { buttons: { next: 1 } } };

// Fields and steps.
const readonly: FieldOptions = { readonly: true };
wizard.fields = { company: { corporateNumber: readonly } };
const licence = document.createElement('div') as unknown as WizardStep<{ licence: string }>;
const steps: StepDefinition[] = [...defaultSteps().slice(0, 3), { id: 'licence', element: licence, title: '建設業許可' }, ...defaultSteps().slice(3)];
wizard.steps = steps;
assertType<ApplicationDraft['company']['kind']>('corporation');
// @ts-expect-error only the four kinds of the guide
assertType<ApplicationDraft['company']['kind']>('partnership');

/**
 * Play-function helpers: they act on the elements as a person would (tick, type, choose a file, press
 * 次へ) and find controls by their field ids and parts, which do not change with the toolbar's language.
 */
import { expect, userEvent, waitFor } from 'storybook/test';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { minimalPdf, validApplication } from '../../src/mocks/fixtures.js';

/** The open shadow root of `host`; every element here has one. */
export function shadowOf(host: Element): ShadowRoot {
  if (!host.shadowRoot) throw new Error(`<${host.localName}> has no shadow root`);
  return host.shadowRoot;
}

/** The one element matching `selector` in `host`'s shadow root. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = shadowOf(host).querySelector<T>(selector);
  if (!found) throw new Error(`<${host.localName}> shows no ${selector}`);
  return found;
}

/** The element of `tagName` the story rendered. */
export async function rendered<T extends HTMLElement>(canvasElement: HTMLElement, tagName: string): Promise<T> {
  const element = canvasElement.querySelector<T>(tagName);
  if (!element) throw new Error(`The story rendered no <${tagName}>`);
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Types `values` into the text fields of `host` (by field name), leaving each as a person would (Tab). */
export async function fillFields(host: Element, values: Record<string, string | undefined>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const input = inShadow<HTMLInputElement>(host, `#field-${name}`);
    if (input.value) {
      // userEvent.clear() looks for focus in the document, not in the shadow root, and gives up.
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
    }
    if (value) await userEvent.type(input, value, { delay: null });
    input.dispatchEvent(new FocusEvent('blur'));
  }
}

/** Chooses `file` in a file input, as the browser's file picker does. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Chooses an acceptable PDF in `cec-company-form` and waits until the form has taken it. */
export async function chooseDocument(companyForm: Element, file: File = minimalPdf()): Promise<void> {
  chooseFile(inShadow<HTMLInputElement>(companyForm, '#field-document'), file);
  await waitFor(() => expect(inShadow(companyForm, '#field-document-status').textContent).toContain(file.name));
}

/** Chooses a file `cec-company-form` must refuse and waits until it says why. */
export async function chooseRefusedDocument(companyForm: Element, file: File): Promise<void> {
  chooseFile(inShadow<HTMLInputElement>(companyForm, '#field-document'), file);
  await waitFor(() => expect(inShadow(companyForm, '#field-document-error').textContent?.trim()).not.toBe(''));
}

// ── the wizard ──────────────────────────────────────────────────────────────

/** The step element the wizard shows now. */
export function currentStep(wizard: CecApplyWizard): HTMLElement {
  const step = inShadow(wizard, '.step').firstElementChild as HTMLElement | null;
  if (!step) throw new Error('The wizard shows no step');
  return step;
}

/** Waits until the wizard shows the step element `tagName` (after loading or a step change). */
export async function expectStep(wizard: CecApplyWizard, tagName: string): Promise<HTMLElement> {
  await waitFor(() => expect(shadowOf(wizard).querySelector('.step')?.firstElementChild?.localName).toBe(tagName), { timeout: 5000 });
  const step = currentStep(wizard);
  await (step as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return step;
}

/** Presses the wizard's next button (次へ, 利用規約に同意して次へ, 確定). */
export async function pressNext(wizard: CecApplyWizard): Promise<void> {
  await userEvent.click(inShadow(wizard, '[part~="next-button"]'));
}

/** What the applicant of the walk types: the fixture's 法人 (株式会社山田建設). */
const APPLICATION = validApplication();

/** STEP 1–4 filled in and confirmed: the wizard shows STEP 5 申請内容確認, ready for 確定. */
export async function walkToConfirmation(wizard: CecApplyWizard): Promise<void> {
  const terms = await expectStep(wizard, 'cec-terms-consent');
  await userEvent.click(inShadow(terms, '#field-service'));
  await userEvent.click(inShadow(terms, '#field-certificate'));
  await pressNext(wizard);

  const company = await expectStep(wizard, 'cec-company-form');
  const { kind: _kind, ...companyFields } = APPLICATION.company;
  await fillFields(company, companyFields);
  await chooseDocument(company);
  await pressNext(wizard);

  await fillFields(await expectStep(wizard, 'cec-admin-user-form'), { ...APPLICATION.adminUser });
  await pressNext(wizard);

  await fillFields(await expectStep(wizard, 'cec-cert-info-form'), { ...APPLICATION.certificate });
  await pressNext(wizard);

  await expectStep(wizard, 'cec-confirmation');
}

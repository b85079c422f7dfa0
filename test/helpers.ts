/**
 * Test helpers that act as a person would: find controls by their visible label or role through
 * shadow roots (./queries.ts), type with the real keyboard (@web/test-runner's
 * sendKeys), choose files as the file picker would.
 */
import { sendKeys } from '@web/test-runner-commands';

export * from './queries.js';

/** Focuses `control` and types `text` on the keyboard. */
export async function typeInto(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  await sendKeys({ type: text });
}

/** Clears `control` (select all, delete) and types `text`. */
export async function replaceText(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  await sendKeys({ press: 'ControlOrMeta+a' }).catch(() => sendKeys({ press: 'Control+a' }));
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

/** Presses a key, e.g. `Tab`, `Enter`, `Space`. */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Chooses `file` in a file input, as the browser's file picker does. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until `condition` (sync or async) holds, polling each animation frame; fails after `timeout` ms. */
export async function waitUntil(condition: () => unknown, message = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The text of the elements `aria-describedby` points at, looked up in the control's own root. */
export function descriptionOf(control: Element): string {
  const root = control.getRootNode() as Document | ShadowRoot;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/**
 * How many times `act` asked the browser to print (`window.print` is stood in for meanwhile).
 *
 * @example
 * expect(printsDuring(() => getByRole('button', '印刷する').click())).to.equal(1);
 */
export function printsDuring(act: () => void): number {
  const print = window.print;
  let printed = 0;
  window.print = () => {
    printed += 1;
  };
  try {
    act();
  } finally {
    window.print = print;
  }
  return printed;
}

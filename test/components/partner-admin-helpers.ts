/**
 * Shared by the tests of the partner elements (sign-in, company users, signer certificate, activation):
 * one mock of the partner routes behind MSW's service worker, and a keyboard walk.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockPartnerAdminBackend, type MockPartnerAdminOptions } from '../../src/mocks/partner-admin.js';
import { deepActiveElement, getByRole, queryAllByRole, waitUntil } from '../helpers.js';

/** A running mock of the partner routes. */
export interface PartnerMock {
  backend: MockPartnerAdminBackend;
  worker: SetupWorker;
}

/**
 * Starts the mock once for a test file; `backend.reset()` before each test.
 *
 * @example
 * let mock: PartnerMock;
 * before(async () => (mock = await startPartnerMock()));
 * after(() => mock.worker.stop());
 */
export async function startPartnerMock(options: MockPartnerAdminOptions = {}): Promise<PartnerMock> {
  const backend = new MockPartnerAdminBackend(options);
  const worker = setupWorker(...backend.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  return { backend, worker };
}

/**
 * One mock for the test file: started before its tests, reset before each, stopped after.
 *
 * @example
 * const mock = usePartnerMock();
 * it('…', () => mock.backend.sessionFor());
 */
export function usePartnerMock(options: MockPartnerAdminOptions = {}): PartnerMock {
  let running: PartnerMock | undefined;
  before(async () => (running = await startPartnerMock(options)));
  after(() => running?.worker.stop());
  beforeEach(() => running?.backend.reset());
  return {
    get backend() {
      return running!.backend;
    },
    get worker() {
      return running!.worker;
    },
  };
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
export async function tabTo(target: () => Element | undefined, description: string, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await sendKeys({ press: 'Tab' });
    if (target() && deepActiveElement() === target()) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

/** Tabs to `control` and types `text` into it. */
export async function tabAndType(control: () => Element | undefined, description: string, text: string): Promise<void> {
  await tabTo(control, description);
  await sendKeys({ type: text });
}

/** Waits until one heading named `name` is shown (a view changed). */
export async function headingShown(name: string | RegExp): Promise<void> {
  await waitUntil(() => queryAllByRole('heading', name).length === 1, `heading ${String(name)}`);
}

/** From a filled form: 確認 → axe on the confirmation → 確定 → axe on the result (`ja` or `en` buttons). */
export async function confirmAndSubmitAccessibly(form: HTMLElement, language: 'ja' | 'en'): Promise<void> {
  getByRole('button', language === 'ja' ? '確認' : 'Check').click();
  await waitUntil(() => form.shadowRoot!.querySelector('cec-confirmation'), 'confirmation');
  await expect(form).to.be.accessible();
  getByRole('button', language === 'ja' ? '確定' : 'Confirm').click();
  await waitUntil(() => form.shadowRoot!.querySelector('.result'), 'done');
  await expect(form).to.be.accessible();
}

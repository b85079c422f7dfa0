/**
 * Faults on submit, against the MSW mock backend: 500, 503 with Retry-After, a timeout, a network error,
 * and sequences of them. After each one the applicant reads a clear message, every value is still on the
 * confirmation, a retry sends the very same Idempotency-Key, and exactly one application is stored.
 * Double clicks and anything after completion never submit again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { DEFAULT_TIMEOUT_MS } from '../../src/api/client.js';
import { startMockBackend, type RunningMockBackend } from '../../src/mocks/browser.js';
import { MOCK_TOKENS } from '../../src/mocks/tokens.js';
import { deepActiveElement, getByRole, queryAllByRole, visibleText, waitUntil } from '../helpers.js';
import {
  acceptTerms,
  clickNext,
  expectedCorporationApplication,
  expectStep,
  fillAdminUser,
  fillCertificate,
  fillCompany,
} from './wizard-helpers.js';

let mock: RunningMockBackend;

/** What the confirmation must still show after a fault: the normalised values and the chosen file. */
const SHOWN_VALUES = [
  '7000012050002',
  '株式会社山田建設',
  'ヤマダケンセツ',
  '東京都港区新橋2-4-1',
  '山田 太郎',
  '山田 花子',
  'ヤマダ ハナコ',
  '総務部',
  'hanako@example.co.jp',
  'YAMADA KENSETSU',
  '本社',
  'HONSHA',
  '社長',
  'SHACHO',
  'テスト証明書.pdf',
];

async function walkToConfirmation({ resume = false } = {}): Promise<{ wizard: CecApplyWizard; errors: string[] }> {
  const wizard = await openWizard(resume);
  const errors: string[] = [];
  wizard.addEventListener('cec-error', (event) => errors.push(event.detail.code));
  await acceptTerms();
  await fillCompany('法人');
  await fillAdminUser();
  await fillCertificate();
  await expectStep('申請内容確認');
  return { wizard, errors };
}

async function openWizard(resume = false): Promise<CecApplyWizard> {
  const wizard = await fixture<CecApplyWizard>(
    resume
      ? html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`
      : html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid} no-resume></cec-apply-wizard>`,
  );
  await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading, .alert'), 'wizard ready');
  return wizard;
}

/** Waits for the failure alert saying `message`, and checks it has focus and nothing typed was lost. */
async function expectFailure(wizard: CecApplyWizard, message: string): Promise<void> {
  await waitUntil(() => visibleText(wizard).includes(message), `message 「${message}」`);
  const alert = wizard.shadowRoot!.querySelector<HTMLElement>('.submit-failure')!;
  expect(alert.getAttribute('role')).to.equal('alert');
  expect(visibleText(alert)).to.contain('申請を送信できませんでした').and.contain('入力内容はそのまま保持されています');
  await waitUntil(() => deepActiveElement() === alert, 'failure alert focused');
  await expectStep('申請内容確認', { focused: false });
  const shown = visibleText(wizard);
  for (const value of SHOWN_VALUES) expect(shown, `still shows ${value}`).to.contain(value);
  expect(queryAllByRole('button', '確定'), 'one primary action: 再試行').to.have.length(0);
}

async function retry(): Promise<void> {
  await waitUntil(() => queryAllByRole('button', '再試行').some((button) => !button.hasAttribute('disabled')), 'retry enabled');
  getByRole('button', '再試行').click();
}

/** Exactly one application stored, the one typed, and every attempt under one Idempotency-Key. */
function expectOneApplication(attempts: number, locale: 'ja' | 'en' = 'ja'): void {
  expect(mock.backend.received).to.have.length(1);
  expect(mock.backend.received[0]!.application).to.deep.equal({ ...expectedCorporationApplication(MOCK_TOKENS.valid), locale });
  expect(mock.backend.attemptKeys).to.have.length(attempts);
  const [first] = mock.backend.attemptKeys;
  expect(first).to.be.a('string').and.match(/^[0-9a-f-]{36}$/);
  expect(new Set(mock.backend.attemptKeys), 'one Idempotency-Key for every attempt').to.have.property('size', 1);
}

describe('cec-apply-wizard: faults on submit', () => {
  before(async () => {
    mock = await startMockBackend();
  });
  after(() => mock.stop());
  beforeEach(() => mock.backend.reset());

  it('says how long to wait on a 503 with Retry-After, keeps every value, and the retry succeeds', async () => {
    const { wizard, errors } = await walkToConfirmation();
    mock.backend.failNext({ status: 503, retryAfterSeconds: 42 });
    await clickNext('確定');
    await expectFailure(wizard, '42秒ほど待ってから再試行してください');
    expect(errors).to.deep.equal(['service_unavailable']);
    await retry();
    await expectStep('申請完了');
    expectOneApplication(2);
  });

  it('tells of a network failure, keeps every value, and the retry succeeds', async () => {
    const { wizard, errors } = await walkToConfirmation();
    mock.backend.failNext({ network: true });
    await clickNext('確定');
    await expectFailure(wizard, 'ネットワークに接続できません');
    expect(errors).to.deep.equal(['network']);
    await retry();
    await expectStep('申請完了');
    expectOneApplication(2);
  });

  it('shows a field refused with a code it has no words for on its step, naming the field', async () => {
    const { wizard, errors } = await walkToConfirmation();
    mock.backend.failNext({ status: 400, code: 'validation_failed', issues: [{ path: ['certificate', 'titleAlpha'], message: 'x', code: 'newerRule' }] });
    await clickNext('確定');
    await expectStep('証明書情報入力', { focused: false });
    await waitUntil(() => visibleText(wizard).includes('役職名(アルファベット)の入力内容を確認してください。'), 'the field named');
    expect(visibleText(wizard)).not.to.contain('errors.');
    expect(errors).to.deep.equal(['validation_failed']);
  });

  it('says the server failed when it refuses something no step shows, and the retry succeeds', async () => {
    const { wizard, errors } = await walkToConfirmation();
    mock.backend.failNext({ status: 400, code: 'validation_failed', issues: [{ path: ['token'], message: 'required' }] });
    await clickNext('確定');
    await expectFailure(wizard, 'サーバーで問題が発生しました');
    expect(errors).to.deep.equal(['validation_failed']);
    await retry();
    await expectStep('申請完了');
    expectOneApplication(2);
  });

  it('gives up on a response slower than the client timeout, and the retry stores nothing twice though the slow one landed', async () => {
    // The wizard gives its client no timeout option (DEFAULT_TIMEOUT_MS, 30 s): shorten that one timer
    // here rather than wait 30 s. The mock answers the slow request after 1.5 s and stores it then.
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
      realSetTimeout(handler, timeout === DEFAULT_TIMEOUT_MS ? 300 : timeout, ...rest)) as typeof window.setTimeout;
    try {
      const { wizard, errors } = await walkToConfirmation();
      mock.backend.failNext({ delayMs: 1500 });
      await clickNext('確定');
      await expectFailure(wizard, 'サーバーからの応答がありません');
      expect(errors).to.deep.equal(['timeout']);
      expect(mock.backend.received, 'the slow request is still on its way').to.have.length(0);
      // Retry at once: this attempt is stored, and the slow one, landing later, is a replay.
      await retry();
      await expectStep('申請完了');
      await new Promise((resolve) => realSetTimeout(resolve, 1600));
      expectOneApplication(2);
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });

  it('stores exactly one application after 500 → network → 503 → success, every attempt with the same key', async () => {
    const { wizard, errors } = await walkToConfirmation();
    let receipts = 0;
    wizard.addEventListener('cec-submitted', () => receipts++);
    mock.backend.failNext({ status: 500 }, { network: true }, { status: 503 });
    await clickNext('確定');
    await expectFailure(wizard, 'サーバーで問題が発生しました');
    await retry();
    await expectFailure(wizard, 'ネットワークに接続できません');
    await retry();
    // No Retry-After: the wizard suggests its own 30 seconds.
    await expectFailure(wizard, '30秒ほど待ってから再試行してください');
    await retry();
    await expectStep('申請完了');
    expect(errors).to.deep.equal(['internal_error', 'network', 'service_unavailable']);
    expect(receipts).to.equal(1);
    expectOneApplication(4);
  });

  it('keeps the key when the applicant looks back at a step after a fault without changing anything', async () => {
    const { wizard } = await walkToConfirmation();
    mock.backend.failNext({ network: true });
    await clickNext('確定');
    await expectFailure(wizard, 'ネットワークに接続できません');
    getByRole('button', '戻る').click();
    await expectStep('証明書情報入力');
    await clickNext();
    await expectStep('申請内容確認');
    await clickNext('確定');
    await expectStep('申請完了');
    expectOneApplication(2);
  });

  it('sends one request for a double click on 確定, and refuses clicks while a slow answer is awaited', async () => {
    await walkToConfirmation();
    mock.backend.failNext({ delayMs: 300 });
    const submit = getByRole('button', '確定');
    submit.click();
    submit.click();
    submit.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    // While the slow answer is awaited the button says so and refuses, as does 戻る.
    await waitUntil(() => submit.hasAttribute('disabled'), 'submit disabled while sending');
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    expect(visibleText(submit).trim()).to.equal('送信しています…');
    expect(getByRole('button', '戻る').hasAttribute('disabled')).to.equal(true);
    submit.click();
    await expectStep('申請完了');
    expectOneApplication(1);
    expect(mock.backend.attempts).to.equal(1);
  });

  it('cannot submit again after completion: no button offers it, stale buttons do nothing, the link shows it was used', async () => {
    const { wizard } = await walkToConfirmation();
    mock.backend.failNext({ status: 500 });
    const submit = getByRole('button', '確定');
    submit.click();
    await expectFailure(wizard, 'サーバーで問題が発生しました');
    const staleRetry = getByRole('button', '再試行');
    await retry();
    await expectStep('申請完了');
    expect(queryAllByRole('button', /確定|再試行|戻る|次へ/)).to.have.length(0);

    // Buttons kept from before completion (a late click, a script) find nothing to send.
    submit.click();
    staleRetry.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expectStep('申請完了', { focused: false });
    expect(mock.backend.attempts).to.equal(2);

    // Coming back to the link afterwards (Back, a reload) shows that it was used, never the form.
    wizard.remove();
    const again = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
    await waitUntil(() => visibleText(again).includes('すでに使用されています'), 'used page');
    expect(queryAllByRole('button', '確定')).to.have.length(0);
    expectOneApplication(2);
  });

  it('says it in English for an English applicant, seconds included', async () => {
    const { wizard, errors } = await walkToConfirmation();
    wizard.lang = 'en';
    await waitUntil(() => queryAllByRole('button', 'Submit').length === 1, 'English buttons');
    mock.backend.failNext({ status: 503, retryAfterSeconds: 42 });
    getByRole('button', 'Submit').click();
    await waitUntil(() => visibleText(wizard).includes('Please wait about 42 seconds and try again.'), 'English message');
    expect(visibleText(wizard)).to.contain('Your answers have been kept.').and.contain('YAMADA KENSETSU').and.contain('テスト証明書.pdf');
    expect(errors).to.deep.equal(['service_unavailable']);
    getByRole('button', 'Try again').click();
    await waitUntil(() => queryAllByRole('heading', 'STEP 6 Application complete').length === 1, 'completion');
    expectOneApplication(2, 'en');
  });

  it('keeps every value and the PDF through a reload after a failed submit, and the retry then succeeds', async () => {
    localStorage.clear();
    try {
      const { wizard } = await walkToConfirmation({ resume: true });
      mock.backend.failNext({ network: true });
      await clickNext('確定');
      await expectFailure(wizard, 'ネットワークに接続できません');
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the asynchronous writes land
      wizard.remove();

      const reloaded = await openWizard(true);
      await expectStep('申請内容確認', { focused: false });
      const shown = visibleText(reloaded);
      for (const value of SHOWN_VALUES) expect(shown, `still shows ${value}`).to.contain(value);
      await clickNext('確定');
      await expectStep('申請完了');
      expect(mock.backend.received).to.have.length(1);
      expect(mock.backend.received[0]!.application).to.deep.equal(expectedCorporationApplication(MOCK_TOKENS.valid));
      expect(new TextDecoder().decode(mock.backend.received[0]!.documentBytes)).to.match(/^%PDF-1\.4/);
    } finally {
      localStorage.clear();
    }
  });

  // The retry resends the body first sent under its key: `locale` follows the language shown, so a
  // language switch between attempts must not change it (else a stored-but-unanswered first attempt
  // would make every retry a 409 idempotency_conflict, with no receipt).
  it('gets the receipt of a stored but unanswered submission even if the language changed before the retry', async () => {
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
      realSetTimeout(handler, timeout === DEFAULT_TIMEOUT_MS ? 300 : timeout, ...rest)) as typeof window.setTimeout;
    try {
      const { wizard, errors } = await walkToConfirmation();
      mock.backend.failNext({ delayMs: 600 });
      await clickNext('確定');
      await expectFailure(wizard, 'サーバーからの応答がありません');
      await waitUntil(() => mock.backend.received.length === 1, 'the slow attempt stored');
      wizard.lang = 'en';
      await waitUntil(() => queryAllByRole('button', 'Try again').length === 1, 'English buttons');
      getByRole('button', 'Try again').click();
      await waitUntil(() => queryAllByRole('heading', 'STEP 6 Application complete').length === 1 || errors.length > 1, 'an answer');
      expect(errors).to.deep.equal(['timeout']);
      expectOneApplication(2);
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });

  it('gets its receipt after a reload when the answer to a stored submission was lost', async () => {
    localStorage.clear();
    try {
      const { wizard } = await walkToConfirmation({ resume: true });
      wizard.requestTimeoutMs = 300;
      mock.backend.failNext({ delayMs: 600 });
      await clickNext('確定');
      await expectFailure(wizard, 'サーバーからの応答がありません');
      await waitUntil(() => mock.backend.received.length === 1, 'the slow attempt stored');
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the asynchronous writes land
      wizard.remove();

      const submitted: string[] = [];
      const listener = (event: Event) => submitted.push((event as CustomEvent<{ receiptNumber: string }>).detail.receiptNumber);
      document.addEventListener('cec-submitted', listener);
      const reloaded = await openWizard(true);
      await waitUntil(() => submitted.length === 1, 'the receipt recovered');
      document.removeEventListener('cec-submitted', listener);
      expect(visibleText(reloaded).replace(/\s+/g, '')).to.contain(`受付番号${submitted[0]}で利用申請を受け付けました。`);
      expect(mock.backend.received).to.have.length(1);
      const [first, ...retries] = mock.backend.attemptKeys;
      expect(retries).to.have.length.greaterThan(0);
      for (const key of retries) expect(key).to.equal(first);
    } finally {
      localStorage.clear();
    }
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { startMockBackend, type RunningMockBackend } from '../../src/mocks/browser.js';
import { MOCK_TOKENS } from '../../src/mocks/tokens.js';
import { deepActiveElement, descriptionOf, getByLabel, getByRole, press, queryAllByRole, queryByLabel, typeInto, visibleText, waitUntil } from '../helpers.js';
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

async function openWizard(token: string = MOCK_TOKENS.valid): Promise<CecApplyWizard> {
  const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${token} no-resume></cec-apply-wizard>`);
  await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
  return wizard;
}

/** How many times `text` is shown (visible text, shadow roots included). */
function timesShown(wizard: CecApplyWizard, text: string): number {
  return visibleText(wizard).split(text).length - 1;
}

describe('cec-apply-wizard', () => {
  before(async () => {
    mock = await startMockBackend();
  });
  after(() => mock.stop());
  beforeEach(() => mock.backend.reset());

  it('walks a 法人 from STEP 1 to 6 and sends exactly the typed application and PDF', async () => {
    const wizard = await openWizard();
    const steps: string[] = [];
    wizard.addEventListener('cec-step-change', (event) => steps.push(event.detail.step));
    let receipt = '';
    wizard.addEventListener('cec-submitted', (event) => (receipt = event.detail.receiptNumber));
    expect(visibleText(wizard)).to.contain('発注建設株式会社');

    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    const confirmation = visibleText(wizard);
    expect(confirmation).to.contain('7000012050002').and.contain('ヤマダケンセツ').and.contain('テスト証明書.pdf');
    await clickNext('確定');
    await expectStep('申請完了');

    expect(mock.backend.received).to.have.length(1);
    const [received] = mock.backend.received;
    expect(received!.application).to.deep.equal(expectedCorporationApplication(MOCK_TOKENS.valid));
    expect(new TextDecoder().decode(received!.documentBytes)).to.match(/^%PDF-1\.4/);
    expect(receipt).to.match(/^\d{10}$/);
    expect(visibleText(wizard).replace(/\s+/g, '')).to.contain(`受付番号${receipt}で利用申請を受け付けました。`);
    expect(steps).to.deep.equal(['company', 'adminUser', 'certificate', 'confirmation', 'completion']);
  });

  it('walks a 個人事業主 without being asked for a corporate number', async () => {
    const wizard = await openWizard();
    await acceptTerms();
    await expectStep('企業情報入力');
    getByLabel('個人事業主').click();
    await waitUntil(() => !queryByLabel('法人番号'), 'no corporate number');
    await fillCompany('個人事業主');
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    expect(visibleText(wizard)).not.to.contain('法人番号');
    await clickNext('確定');
    await expectStep('申請完了');
    const application = mock.backend.received[0]!.application as { company: Record<string, unknown> };
    expect(application.company.kind).to.equal('soleProprietor');
    expect(application.company).not.to.have.property('corporateNumber');
  });

  it('blocks STEP 1 with one consent unchecked and says why', async () => {
    const wizard = await openWizard();
    await expectStep('利用規約確認');
    getByLabel('CECTRUST-Light利用規約に同意します。').click();
    await clickNext('利用規約に同意して次へ');
    await waitUntil(() => deepActiveElement()?.closest?.('.error-summary') || deepActiveElement()?.classList.contains('error-summary'), 'error summary focused');
    const unchecked = getByLabel('JCAN電子証明書利用規約に同意します。');
    expect(unchecked.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(unchecked)).to.contain('「JCAN電子証明書利用規約に同意します。」にチェックを入れてください。');
    expect(visibleText(wizard)).to.contain('利用規約確認');
  });

  it('keeps every value on back and forward and through a change-link round trip', async () => {
    const wizard = await openWizard();
    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await expectStep('証明書情報入力');
    getByRole('button', '戻る').click();
    await expectStep('利用者情報入力');
    expect(getByLabel('メールアドレス').value).to.equal('hanako@example.co.jp');
    getByRole('button', '戻る').click();
    await expectStep('企業情報入力');
    expect(getByLabel('企業名カナ').value).to.equal('ヤマダケンセツ'); // as typed, converted once the field was left
    await clickNext();
    await clickNext();
    await fillCertificate();
    await expectStep('申請内容確認');
    getByRole('link', '変更（管理用ID情報）').click();
    await expectStep('利用者情報入力');
    const email = getByLabel('メールアドレス');
    email.select();
    await typeInto(email, 'kanri@example.co.jp');
    await clickNext('申請内容確認に戻る');
    await expectStep('申請内容確認');
    expect(visibleText(wizard)).to.contain('kanri@example.co.jp');
    await clickNext('確定');
    await expectStep('申請完了');
    const application = mock.backend.received[0]!.application as { adminUser: { email: string }; company: { name: string } };
    expect(application.adminUser.email).to.equal('kanri@example.co.jp');
    expect(application.company.name).to.equal('株式会社山田建設');
  });

  it('keeps all data on a 500 and succeeds on retry with the same Idempotency-Key', async () => {
    const wizard = await openWizard();
    const errors: string[] = [];
    wizard.addEventListener('cec-error', (event) => errors.push(event.detail.code));
    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    mock.backend.failNext({ status: 500 });
    await clickNext('確定');
    await waitUntil(() => visibleText(wizard).includes('申請を送信できませんでした'), 'failure shown');
    expect(visibleText(wizard)).to.contain('入力内容はそのまま保持されています');
    expect(visibleText(wizard)).to.contain('テスト証明書.pdf');
    expect(errors).to.deep.equal(['internal_error']);
    // One primary action (issue 12): 再試行, not 再試行 and 確定 side by side; 戻る stays.
    expect(queryAllByRole('button', '確定')).to.have.length(0);
    expect(queryAllByRole('button', '再試行')).to.have.length(1);
    expect(wizard.shadowRoot!.querySelectorAll('button.primary')).to.have.length(1);
    expect(getByRole('button', '戻る').hasAttribute('disabled')).to.equal(false);
    getByRole('button', '再試行').click();
    await expectStep('申請完了');
    expect(mock.backend.attempts).to.equal(2);
    expect(mock.backend.received).to.have.length(1);
    const [first, second] = mock.backend.attemptKeys;
    expect(first).to.be.a('string').and.equal(second);
  });

  it('shows its own page for an expired invitation, asking for a resend', async () => {
    const wizard = await openWizard(MOCK_TOKENS.expired);
    expect(visibleText(wizard)).to.contain('有効期限が切れています').and.contain('再送をご依頼ください');
    expect(queryByLabel(/同意します/)).to.equal(undefined);
  });

  it('applies an invitation\'s prefill (still editable) and its branding colour', async () => {
    const wizard = await openWizard(MOCK_TOKENS.prefilled);
    await acceptTerms();
    await expectStep('企業情報入力');
    const name = getByLabel('企業名');
    expect(name.value).to.equal('株式会社山田建設');
    expect(name.readOnly).to.equal(false);
    await typeInto(name, '本店');
    expect(name.value).to.equal('株式会社山田建設本店');
    const branded = await openWizard(MOCK_TOKENS.branded);
    expect(getComputedStyle(branded).getPropertyValue('--cec-color-primary').trim()).to.equal('#0b6e4f');
    expect(visibleText(branded)).to.contain('大手ゼネコン株式会社');
    void wizard;
  });

  it('offers only the kinds an invitation allows', async () => {
    await openWizard(MOCK_TOKENS.corporationOnly);
    await acceptTerms();
    await expectStep('企業情報入力');
    expect(queryByLabel('個人事業主')).to.equal(undefined);
    expect(getByLabel('法人').checked).to.equal(true);
  });

  it('resumes after a reload with every value and the chosen PDF, on the step the user was on', async () => {
    localStorage.clear();
    const first = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
    await waitUntil(() => first.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
    await acceptTerms();
    await fillCompany('法人');
    await expectStep('利用者情報入力');
    await typeInto(getByLabel('氏名'), '山田 花子');
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the asynchronous writes land
    first.remove();

    await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
    await waitUntil(() => queryByLabel('氏名'), 'resumed on STEP 3');
    expect(getByLabel('氏名').value).to.equal('山田 花子');
    getByRole('button', '戻る').click();
    await expectStep('企業情報入力');
    expect(getByLabel('企業名カナ').value).to.equal('ヤマダケンセツ'); // as typed, converted once the field was left
    expect(descriptionOf(getByLabel('印鑑証明書'))).to.contain('テスト証明書.pdf');
    expect(Object.keys(localStorage).join()).not.to.contain(MOCK_TOKENS.valid);
    localStorage.clear();
  });

  it('resumes on another device from the draft kept on the backend (fields only, never the PDF)', async () => {
    // Wizards of earlier tests send their pending draft when removed; let those land, then start clean.
    await new Promise((resolve) => setTimeout(resolve, 200));
    mock.backend.reset();
    localStorage.clear();
    const first = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
    await waitUntil(() => first.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
    await acceptTerms();
    await expectStep('企業情報入力');
    await typeInto(getByLabel('企業名'), '株式会社山田建設');
    await waitUntil(async () => (await fetch(`/api/invitations/${MOCK_TOKENS.valid}/draft`)).ok, 'draft on the backend', 4000);
    const kept = (await (await fetch(`/api/invitations/${MOCK_TOKENS.valid}/draft`)).json()) as { draft: { company: Record<string, unknown> } };
    expect(kept.draft.company).to.include({ name: '株式会社山田建設' }).and.not.have.property('document');
    first.remove();
    localStorage.clear(); // another device: nothing kept in this browser

    await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
    await waitUntil(() => queryByLabel('企業名'), 'resumed on STEP 2');
    expect(getByLabel('企業名').value).to.equal('株式会社山田建設');
    localStorage.clear();
  });

  it('shows the completion page with its receipt when the completed invitation is opened again, and sends nothing', async () => {
    localStorage.clear();
    try {
      const first = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
      await waitUntil(() => first.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
      const submitted = new Promise<string>((resolve) => first.addEventListener('cec-submitted', (event) => resolve(event.detail.receiptNumber)));
      await acceptTerms();
      await fillCompany('法人');
      await fillAdminUser();
      await fillCertificate();
      await expectStep('申請内容確認');
      await clickNext('確定');
      const receipt = await submitted;
      await expectStep('申請完了');
      await new Promise((resolve) => setTimeout(resolve, 100)); // the receipt is written asynchronously
      first.remove();

      const again = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid}></cec-apply-wizard>`);
      await expectStep('申請完了', { focused: false });
      const text = visibleText(again).replace(/\s+/g, '');
      expect(text).to.contain(`受付番号${receipt}で利用申請を受け付けました。`).and.contain('hanako@example.co.jp');
      expect(queryByLabel(/同意します/)).to.equal(undefined);
      expect(mock.backend.attempts).to.equal(1);
    } finally {
      localStorage.clear();
    }
  });

  it('says on the "already used" page that the application was received, with the receipt this tab kept and whom to ask, never a resend', async () => {
    await openWizard();
    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    await clickNext('確定');
    await expectStep('申請完了');
    const receipt = /受付番号(\d{10})/.exec(visibleText(document.body).replace(/\s+/g, ''))![1]!;

    const again = await openWizard(); // no-resume: nothing kept but the receipt number, for this tab
    await waitUntil(() => visibleText(again).includes('すでに使用されています'), 'used page');
    const text = visibleText(again);
    expect(text).to.contain('受付済み').and.contain(`受付番号：${receipt}`).and.contain('help-light@construction-ec.com');
    expect(text).not.to.contain('再送');
    expect(mock.backend.attempts).to.equal(1);
  });

  it('shows the deadline of the invitation with its time in Japan time, in Japanese and in English', async () => {
    mock.worker.use(
      http.get('/api/invitations/:token', () =>
        HttpResponse.json({ token: MOCK_TOKENS.valid, inviter: { name: '発注建設株式会社' }, expiresAt: '2027-01-03T14:59:59.999Z' }),
      ),
    );
    try {
      const wizard = await openWizard();
      expect(visibleText(wizard)).to.contain('申請期限：2027年1月3日 23:59まで');
      wizard.lang = 'en';
      await waitUntil(() => visibleText(wizard).includes('Apply by: 3 January 2027 at 23:59 (Japan time)'), 'English deadline');
    } finally {
      mock.worker.resetHandlers();
    }
  });

  it('is accessible on the first step', async () => {
    const wizard = await openWizard();
    await expect(wizard).to.be.accessible();
  });

  // ── the finished look (issue 12) ──

  it('ticks the steps done (the tick and, for screen readers, 完了) and shows the current title once', async () => {
    const wizard = await openWizard();
    await acceptTerms();
    await expectStep('企業情報入力');
    const items = Array.from(wizard.shadowRoot!.querySelectorAll<HTMLElement>('nav li'));
    expect(items.map((item) => item.getAttribute('aria-current'))).to.deep.equal(['false', 'step', 'false', 'false', 'false', 'false']);
    expect(items[0]!.textContent).to.contain('（完了）');
    expect(getComputedStyle(items[0]!.querySelector('.number')!, '::before').content).to.contain('✓');
    expect(getComputedStyle(items[2]!.querySelector('.number')!, '::before').content).to.equal('none');
    expect(items.slice(1).some((item) => item.textContent!.includes('完了）'))).to.equal(false);
    // The heading names the step; the indicator above it does not repeat the title.
    expect(timesShown(wizard, '企業情報入力')).to.equal(1);
    expect(timesShown(wizard, '利用者情報入力')).to.equal(1);
  });

  it('goes on with Enter in a text field, like 次へ, but not while an IME is composing', async () => {
    const wizard = await openWizard();
    await acceptTerms();
    await fillCompany('法人');
    await expectStep('利用者情報入力');
    const name = getByLabel('氏名');
    // Enter that confirms an IME conversion: nothing moves, nothing is refused.
    name.focus();
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(visibleText(wizard)).not.to.contain('入力内容に誤りがあります');
    // An empty step refused by Enter exactly as by 次へ: the error summary takes focus.
    await press('Enter');
    await waitUntil(() => deepActiveElement()?.closest('.error-summary') || deepActiveElement()?.classList.contains('error-summary'), 'error summary focused');
    await expectStep('利用者情報入力', { focused: false });
    await typeInto(getByLabel('氏名'), '山田 花子');
    await typeInto(getByLabel('氏名カナ'), 'ヤマダ ハナコ');
    await typeInto(getByLabel('所属'), '総務部');
    await typeInto(getByLabel('住所'), '東京都港区新橋2-4-1');
    await typeInto(getByLabel('TEL番号'), '0335954605');
    await typeInto(getByLabel('メールアドレス'), 'hanako@example.co.jp');
    await press('Enter');
    await expectStep('証明書情報入力');
  });

  it('fills its card with its own surface: the host, not a narrower band inside it, has the background', async () => {
    const wizard = await openWizard();
    const frame = wizard.shadowRoot!.querySelector<HTMLElement>('.wizard')!;
    expect(getComputedStyle(wizard).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(frame.getBoundingClientRect().width).to.equal(wizard.getBoundingClientRect().width);
    const padding = getComputedStyle(frame);
    expect(new Set([padding.paddingTop, padding.paddingRight, padding.paddingBottom, padding.paddingLeft]).size).to.equal(1);
  });
});

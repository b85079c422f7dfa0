/**
 * `cec-signer-certificate-form` (付録 ②電子証明書を紐付ける操作): choose a user, then ① request a new
 * certificate with STEP 4's fields (company name fixed, irreversibility warned, confirmation, PIN mail in
 * 2–3 days) or ② link an issued one; bad input refused with specific messages; a lost answer retried under
 * the same key stores nothing twice; the operator's issuance, the PIN mail and the user's 有効性確認
 * complete the walk; keyboard only; axe in Japanese and English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/signer-certificate-form/signer-certificate-form.js';
import '../../src/components/certificate-activation/certificate-activation.js';
import type { CecSignerCertificateForm } from '../../src/components/signer-certificate-form/signer-certificate-form.component.js';
import type { CertificateLinkedDetail, CertificateRequestedDetail } from '../../src/components/signer-certificate-form/signer-certificate-events.js';
import { MOCK_PARTNER } from '../../src/mocks/partner-admin.js';
import { deepActiveElement, descriptionOf, getByLabel, getByRole, queryAllByRole, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';
import { confirmAndSubmitAccessibly, headingShown, usePartnerMock, tabAndType, tabTo } from './partner-admin-helpers.js';

const mock = usePartnerMock();

async function openForm(lang = 'ja'): Promise<CecSignerCertificateForm> {
  const form = await fixture<CecSignerCertificateForm>(
    html`<cec-signer-certificate-form endpoint="/api" lang=${lang} .session=${mock.backend.sessionFor()}></cec-signer-certificate-form>`,
  );
  await waitUntil(() => form.shadowRoot!.querySelector('select'), 'users loaded');
  return form;
}

function chooseUser(userId: string): void {
  const select = getByLabel<HTMLSelectElement>('署名用IDにする利用者');
  select.value = userId;
  select.dispatchEvent(new Event('change'));
}

async function fillCertificate(): Promise<void> {
  await typeInto(getByLabel('部署名(日本語)'), '工事部');
  await typeInto(getByLabel('部署名(アルファベット)'), 'ＫＯＪＩＢＵ');
  await typeInto(getByLabel('役職名(日本語)'), '課長');
  await typeInto(getByLabel('役職名(アルファベット)'), 'KACHO');
}

async function toConfirmation(): Promise<void> {
  getByRole('button', '確認').click();
  await headingShown('電子証明書追加発行申請の確認');
}

describe('cec-signer-certificate-form', () => {
  it('offers the users without a certificate, says no step is needed for a registered one, and the two ways', async () => {
    const form = await openForm();
    expect(visibleText(form)).to.contain('登録済の利用者IDを署名用IDにする場合、追加の操作は不要です');
    const options = Array.from(getByLabel<HTMLSelectElement>('署名用IDにする利用者').options);
    expect(options.map((option) => [option.textContent?.trim(), option.disabled])).to.deep.equal([
      ['選択してください', false],
      ['山田 花子（L0000001）— 署名不可（証明書有効性確認待ち）', true],
      ['佐藤 次郎（L0000002）', false],
    ]);
    expect(getByLabel('①新たに電子証明書を発行し利用者IDと紐付けて署名用IDにする').checked).to.equal(true);
    getByLabel('②発行済の電子証明書を利用者IDに紐づけて署名用IDにする');
  });

  it('① shows STEP 4 with the company name fixed and the warning, refusing bad input at its field', async () => {
    const form = await openForm();
    expect(visibleText(form)).to.contain('発行後の電子証明書情報は変更できません。入力時には注意してください。');
    const companyAlpha = getByLabel('企業名(アルファベット)');
    expect(companyAlpha.value).to.equal(MOCK_PARTNER.company.nameAlpha);
    expect(companyAlpha.readOnly).to.equal(true);
    expect(visibleText(form)).to.contain(MOCK_PARTNER.company.name);
    getByRole('button', '確認').click();
    await waitUntil(() => descriptionOf(getByLabel('署名用IDにする利用者')).includes('署名用IDにする利用者を選択してください。'), 'user required');
    chooseUser('L0000002');
    await typeInto(getByLabel('部署名(日本語)'), '工事部');
    await typeInto(getByLabel('部署名(アルファベット)'), 'コウジブ');
    await typeInto(getByLabel('役職名(日本語)'), '課長');
    await typeInto(getByLabel('役職名(アルファベット)'), 'K'.repeat(58));
    getByRole('button', '確認').click();
    await waitUntil(() => descriptionOf(getByLabel('部署名(アルファベット)')).includes('部署名(アルファベット)に使用できない文字「コ」が含まれています。'), 'alphabet');
    await replaceText(getByLabel('部署名(アルファベット)'), 'KOJIBU');
    await waitUntil(() => descriptionOf(getByLabel('役職名(アルファベット)')).includes('あわせて60文字以内'), '60 together');
    expect(mock.backend.received).to.deep.equal([]);
  });

  it('① confirms, requests once even after a lost answer, says the PIN mail comes in 2–3 days; the operator issues it and the user confirms it', async () => {
    const form = await openForm();
    const events: CertificateRequestedDetail[] = [];
    form.addEventListener('cec-certificate-requested', (event) => events.push(event.detail));
    chooseUser('L0000002');
    await fillCertificate();
    await toConfirmation();
    for (const shown of ['佐藤 次郎（L0000002）', MOCK_PARTNER.company.name, MOCK_PARTNER.company.nameAlpha, '工事部', 'KOJIBU', '課長', 'KACHO']) {
      expect(visibleText(form)).to.contain(shown);
    }
    mock.backend.failNext({ answerLost: true });
    getByRole('button', '確定').click();
    await waitUntil(() => queryAllByRole('alert').some((alert) => visibleText(alert).includes('通信できませんでした')), 'lost answer');
    getByRole('button', '再試行').click();
    await headingShown('電子証明書追加発行申請を受け付けました');
    expect(visibleText(form)).to.contain('申請完了から2～3日後、「【CECTRUST-Lightサービス】PINのお知らせ」メールが jiro@example.co.jp に届きます。');
    expect(mock.backend.received).to.deep.equal([
      {
        path: '/partner/certificate-requests',
        body: { userId: 'L0000002', certificate: { companyNameAlpha: 'YAMADA KENSETSU', departmentJa: '工事部', departmentAlpha: 'KOJIBU', titleJa: '課長', titleAlpha: 'KACHO' } },
      },
    ]);
    expect(events).to.have.length(1);
    expect(mock.backend.users()[1]!.signing).to.equal('requested');

    // The operator issues it (wave 2): the PIN mail goes to the user, who confirms it and can sign.
    mock.backend.issueCertificate(events[0]!.certificateId);
    expect(mock.backend.mails).to.deep.equal([{ to: 'jiro@example.co.jp', subject: '【CECTRUST-Lightサービス】PINのお知らせ', secret: MOCK_PARTNER.pin }]);
    const activation = await fixture(html`<cec-certificate-activation endpoint="/api" .session=${mock.backend.sessionFor('L0000002')}></cec-certificate-activation>`);
    await waitUntil(() => activation.shadowRoot!.querySelector('form'), 'PIN form');
    await typeInto(getByLabel('PIN'), mock.backend.mails[0]!.secret);
    getByRole('button', '有効性を確認する').click();
    await headingShown('電子証明書が有効になりました');
    expect(mock.backend.users()[1]!.signing).to.equal('active');
  });

  it('② links an issued certificate once, saying it signs after 証明書有効性確認', async () => {
    const form = await openForm();
    const events: CertificateLinkedDetail[] = [];
    form.addEventListener('cec-certificate-linked', (event) => events.push(event.detail));
    getByLabel('②発行済の電子証明書を利用者IDに紐づけて署名用IDにする').click();
    await waitUntil(() => queryAllByRole('button', '紐付ける').length === 1, 'link button');
    getByRole('button', '紐付ける').click();
    await waitUntil(() => queryAllByRole('alert').length === 1, 'summary');
    expect(descriptionOf(getByLabel('署名用IDにする利用者'))).to.contain('署名用IDにする利用者を選択してください。');
    chooseUser('L0000002');
    const certificate = getByLabel('本社 社長（HONSHA SHACHO） 証明書番号 C0000001');
    certificate.click();
    getByRole('button', '紐付ける').click();
    await headingShown('電子証明書を紐付けました');
    expect(visibleText(form)).to.contain('「証明書有効性確認」の操作を実行後より紐付けを申請した電子証明書で署名操作を実行できます');
    expect(events).to.deep.equal([{ certificateId: 'C0000001', userId: 'L0000002' }]);
    expect(mock.backend.received).to.have.length(1);
    expect(mock.backend.users()[1]).to.include({ signing: 'awaitingActivation', certificateId: 'C0000001' });
  });

  it('② retried after a lost answer links once', async () => {
    await openForm();
    getByLabel('②発行済の電子証明書を利用者IDに紐づけて署名用IDにする').click();
    chooseUser('L0000002');
    await waitUntil(() => queryAllByRole('button', '紐付ける').length === 1, 'link button');
    getByLabel('工事部 部長（KOJIBU BUCHO） 証明書番号 C0000002').click();
    mock.backend.failNext({ answerLost: true });
    getByRole('button', '紐付ける').click();
    await waitUntil(() => queryAllByRole('alert').some((alert) => visibleText(alert).includes('通信できませんでした')), 'lost answer');
    getByRole('button', '再試行').click();
    await headingShown('電子証明書を紐付けました');
    expect(mock.backend.received).to.have.length(1);
    expect(mock.backend.certificates().find((each) => each.certificateId === 'C0000002')!.userIds).to.deep.equal(['L0000002']);
  });

  it('② says why when the user got a certificate meanwhile (another tab)', async () => {
    await openForm();
    getByLabel('②発行済の電子証明書を利用者IDに紐づけて署名用IDにする').click();
    chooseUser('L0000002');
    await waitUntil(() => queryAllByRole('button', '紐付ける').length === 1, 'link button');
    getByLabel('工事部 部長（KOJIBU BUCHO） 証明書番号 C0000002').click();
    const otherTab = await fetch('/api/partner/certificates/C0000001/links', {
      method: 'POST',
      headers: { Authorization: `Bearer ${mock.backend.sessionFor()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'L0000002' }),
    });
    expect(otherTab.status).to.equal(200);
    getByRole('button', '紐付ける').click();
    await waitUntil(() => queryAllByRole('alert').some((alert) => visibleText(alert).includes('この利用者にはすでに電子証明書が紐付いています。')), 'refusal');
    expect(mock.backend.certificates().find((each) => each.certificateId === 'C0000002')!.userIds).to.deep.equal([]);
  });

  it('can be done with the keyboard alone (①)', async () => {
    await openForm();
    await tabTo(() => getByLabel('署名用IDにする利用者'), 'the user');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => getByLabel<HTMLSelectElement>('署名用IDにする利用者').value === 'L0000002', 'user chosen');
    await tabAndType(() => getByLabel('部署名(日本語)'), '部署名(日本語)', '工事部');
    await tabAndType(() => getByLabel('部署名(アルファベット)'), '部署名(アルファベット)', 'KOJIBU');
    await tabAndType(() => getByLabel('役職名(日本語)'), '役職名(日本語)', '課長');
    await tabAndType(() => getByLabel('役職名(アルファベット)'), '役職名(アルファベット)', 'KACHO');
    await tabTo(() => getByRole('button', '確認'), '確認');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === queryAllByRole('heading', '電子証明書追加発行申請の確認')[0], 'confirmation focused');
    await tabTo(() => getByRole('button', '確定'), '確定');
    await sendKeys({ press: 'Enter' });
    await headingShown('電子証明書追加発行申請を受け付けました');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation choosing, with errors, confirming, done, and in ② (${language})`, async () => {
      const form = await openForm(language);
      if (language === 'en') await waitUntil(() => visibleText(form).includes('There are two ways'), 'English');
      await expect(form).to.be.accessible();
      getByRole('button', language === 'ja' ? '確認' : 'Check').click();
      await waitUntil(() => queryAllByRole('alert').length > 0, 'errors');
      if (language === 'en') expect(visibleText(form)).to.contain('Choose User to become a signer.');
      await expect(form).to.be.accessible();
      const select = form.shadowRoot!.querySelector('select')!;
      select.value = 'L0000002';
      select.dispatchEvent(new Event('change'));
      const certificateForm = form.shadowRoot!.querySelector('cec-cert-info-form')!;
      for (const [name, value] of [['departmentJa', '工事部'], ['departmentAlpha', 'KOJIBU'], ['titleJa', '課長'], ['titleAlpha', 'KACHO']] as const) {
        await typeInto(certificateForm.shadowRoot!.querySelector<HTMLInputElement>(`#field-${name}`)!, value);
      }
      await confirmAndSubmitAccessibly(form, language);
      getByRole('button', language === 'ja' ? '続けて操作する' : 'Do another').click();
      await waitUntil(() => form.shadowRoot!.querySelector('select'), 'choose again');
      form.shadowRoot!.querySelector<HTMLInputElement>('#method-issuedCertificate')!.click();
      await waitUntil(() => form.shadowRoot!.querySelector('#field-certificate'), 'issued list');
      await expect(form).to.be.accessible();
    });
  }
});

/**
 * `cec-certificate-activation` (証明書の有効性確認): the PIN of mail ⑤ confirms the certificate, a wrong
 * PIN says how many tries are left at the field, too many lock the check; no certificate / one being
 * issued are said instead of asking; keyboard only; axe in Japanese and English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/certificate-activation/certificate-activation.js';
import type { CecCertificateActivation } from '../../src/components/certificate-activation/certificate-activation.component.js';
import type { CertificateActivatedDetail } from '../../src/components/certificate-activation/activation-events.js';
import { MAX_PIN_FAILURES } from '../../src/domain/company-user.js';
import { MOCK_PARTNER } from '../../src/mocks/partner-admin.js';
import { deepActiveElement, descriptionOf, getByLabel, getByRole, queryAllByRole, replaceText, visibleText, waitUntil } from '../helpers.js';
import { headingShown, usePartnerMock, tabAndType } from './partner-admin-helpers.js';

const mock = usePartnerMock();

async function openActivation(lang = 'ja', userId: string = MOCK_PARTNER.adminUserId): Promise<CecCertificateActivation> {
  const element = await fixture<CecCertificateActivation>(
    html`<cec-certificate-activation endpoint="/api" lang=${lang} .session=${mock.backend.sessionFor(userId)}></cec-certificate-activation>`,
  );
  await waitUntil(() => element.shadowRoot!.querySelector('.notice, form'), 'loaded');
  return element;
}

async function submitPin(pin: string): Promise<void> {
  await replaceText(getByLabel('PIN'), pin);
  getByRole('button', '有効性を確認する').click();
}

describe('cec-certificate-activation', () => {
  it('confirms the certificate with the mailed PIN, after which the user can sign', async () => {
    const element = await openActivation();
    const events: CertificateActivatedDetail[] = [];
    element.addEventListener('cec-certificate-activated', (event) => events.push(event.detail));
    expect(visibleText(element)).to.contain('通知メールで、PIN番号を確認し実行します。');
    expect(visibleText(element)).to.contain('本社 社長（HONSHA SHACHO）');
    await submitPin('１２３４-５６７８');
    await headingShown('電子証明書が有効になりました');
    await waitUntil(() => deepActiveElement() === getByRole('heading', '電子証明書が有効になりました'), 'done heading focused');
    expect(events).to.deep.equal([{ certificateId: 'C0000001', userId: MOCK_PARTNER.adminUserId }]);
    expect(mock.backend.users()[0]!.signing).to.equal('active');
  });

  it('refuses a PIN of the wrong form before sending it', async () => {
    await openActivation();
    await submitPin('12');
    await waitUntil(() => descriptionOf(getByLabel('PIN')).includes('PINは4～16桁の半角英数字で入力してください'), 'format message');
  });

  it('says at the field how many wrong PINs are left, then that the check is locked', async () => {
    const element = await openActivation();
    for (let left = MAX_PIN_FAILURES - 1; left > 0; left--) {
      await submitPin('00000000');
      const message = `PINが正しくありません。あと${left}回間違えると、この電子証明書の有効性確認はロックされます。`;
      await waitUntil(() => descriptionOf(getByLabel('PIN')).includes(message), message);
    }
    await submitPin('00000000');
    await waitUntil(() => queryAllByRole('alert').some((alert) => visibleText(alert).includes('有効性確認はロックされました。')), 'locked');
    expect(visibleText(element)).to.contain('help-light@construction-ec.com');
    expect(getByRole('button', '有効性を確認する').hasAttribute('disabled')).to.equal(true);
    expect(mock.backend.users()[0]!.signing).to.equal('awaitingActivation');
  });

  it('says there is nothing to confirm for a user without a certificate', async () => {
    const element = await openActivation('ja', 'L0000002');
    expect(visibleText(element)).to.contain('この利用者IDに紐付いた電子証明書はありません。');
    expect(queryAllByRole('textbox')).to.have.length(0);
  });

  it('can be done with the keyboard alone', async () => {
    await openActivation();
    await tabAndType(() => getByLabel('PIN'), 'PIN', MOCK_PARTNER.pin);
    await sendKeys({ press: 'Enter' });
    await headingShown('電子証明書が有効になりました');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation asking, with an error and when done (${language})`, async () => {
      const element = await openActivation(language);
      if (language === 'en') await waitUntil(() => visibleText(element).includes('Check the validity'), 'English');
      await expect(element).to.be.accessible();
      getByRole('button', language === 'ja' ? '有効性を確認する' : 'Check validity').click();
      await waitUntil(() => queryAllByRole('alert').length > 0, 'error');
      if (language === 'en') expect(visibleText(element)).to.contain('PIN is required.');
      await expect(element).to.be.accessible();
      await replaceText(getByLabel('PIN'), MOCK_PARTNER.pin);
      getByRole('button', language === 'ja' ? '有効性を確認する' : 'Check validity').click();
      await waitUntil(() => element.shadowRoot!.querySelector('.result'), 'done');
      await expect(element).to.be.accessible();
    });
  }
});

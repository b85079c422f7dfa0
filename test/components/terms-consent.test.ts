import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/terms-consent/terms-consent.js';
import type { CecTermsConsent } from '../../src/components/terms-consent/terms-consent.component.js';
import { getByLabel, getByRole, queryAllByRole, visibleText, waitUntil } from '../helpers.js';

const render = () => fixture<CecTermsConsent>(html`<cec-terms-consent></cec-terms-consent>`);

/** The section under the heading 「申請時に必要な書類」. */
const prepareSection = (element: CecTermsConsent) => getByRole('heading', '申請時に必要な書類', element.shadowRoot!).closest('section')!;

describe('cec-terms-consent', () => {
  it('says what to prepare before starting: the PDF of each kind of applicant (application guide, 申請時に必要な書類)', async () => {
    const element = await render();
    const prepare = prepareSection(element);
    expect(prepare.getAttribute('aria-labelledby')).to.equal('prepare-heading');
    const items = Array.from(prepare.querySelectorAll('li')).map((item) => item.textContent!.trim());
    expect(items).to.deep.equal([
      '法人：会社代表者登録印に係る印鑑証明書（3か月以内発行、コピー可）',
      '自治体：事前に弊社が押印し送付した書類',
      '個人事業主：開業届（屋号の記載があること）。※屋号の記載がない開業届の場合は受付できません。',
      'マンション等管理組合（未登記）：総会議事録と締結契約書写し',
    ]);
  });

  it('lists only the kinds the ordering company allows', async () => {
    const element = await fixture<CecTermsConsent>(html`<cec-terms-consent .allowedKinds=${['corporation']}></cec-terms-consent>`);
    expect(prepareSection(element).querySelectorAll('li')).to.have.length(1);
  });

  it('says whom to write to when the 印鑑証明書 cannot be made a PDF (補足①), with a mail link', async () => {
    const element = await render();
    const link = getByRole('link', 'help-light@construction-ec.com', element.shadowRoot!);
    expect(link.getAttribute('href')).to.equal('mailto:help-light@construction-ec.com');
    expect(link.closest('p')!.textContent!.trim()).to.equal(
      '「会社の印鑑証明書（発行3か月以内）」をPDFファイルにできない場合は、CECTRUST-Lightサービス担当 Eメール：help-light@construction-ec.com までご連絡ください。',
    );
  });

  it('uses the support address a host configured', async () => {
    const element = await fixture<CecTermsConsent>(html`<cec-terms-consent support-email="desk@example.jp"></cec-terms-consent>`);
    expect(getByRole('link', 'desk@example.jp', element.shadowRoot!).getAttribute('href')).to.equal('mailto:desk@example.jp');
  });

  it('answers an unticked box with FAQ 1 of the guide, and drops it once both are ticked', async () => {
    const element = await render();
    getByLabel('CECTRUST-Light利用規約に同意します。').click();
    expect(element.validate()).to.equal(false);
    await element.updateComplete;
    const faq = '2つの利用規約ともに「□」にチェックが入っている事をご確認ください。';
    expect(visibleText(element)).to.contain(faq);
    getByLabel('JCAN電子証明書利用規約に同意します。').click();
    await waitUntil(() => !visibleText(element).includes(faq), 'reminder gone');
    expect(element.validate()).to.equal(true);
  });

  it('never links the terms to a script URL a host configured', async () => {
    const element = await fixture<CecTermsConsent>(html`<cec-terms-consent service-terms-url="javascript:alert(1)"></cec-terms-consent>`);
    const links = queryAllByRole('link', /CECTRUST-Light利用規約/, element.shadowRoot!);
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://www.construction-ec.com/cectrust-light/member/download.html']);
  });

  it('is accessible, the reminder shown', async () => {
    const element = await render();
    element.validate();
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });
});

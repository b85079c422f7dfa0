import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/completion/completion.js';
import type { CecCompletion } from '../../src/components/completion/completion.component.js';
import { ContextProvider } from '@lit/context';
import { wizardContext } from '../../src/components/shared/context.js';
import { emptyDraft } from '../../src/components/shared/draft.js';
import { Translator } from '../../src/i18n/i18n.js';
import { getByRole, queryAllByText, visibleText, waitUntil } from '../helpers.js';

const MAIL_SUBJECTS = [
  '①【CECTRUST-Lightサービス】利用者ID発行のお知らせ',
  '②【CECTRUST-Lightサービス】初回ログインパスワードのお知らせ',
  '③【CECTRUST-Lightサービス】サービス利用企業登録完了のお知らせ',
  '④【CECTRUST-Lightサービス】電子証明書発行のお知らせ',
  '⑤【CECTRUST-Lightサービス】PINのお知らせ',
  '⑥【CECTRUST-Lightサービス】利用登録完了のお知らせ',
];

async function completion(): Promise<CecCompletion> {
  return fixture<CecCompletion>(
    html`<cec-completion receipt-number="2401260002" email="yamaguchi@construction-ec.com"></cec-completion>`,
  );
}

describe('cec-completion', () => {
  it('shows the receipt number in the sentence, emphasised', async () => {
    const element = await completion();
    expect(queryAllByText('受付番号2401260002で利用申請を受け付けました。', element.shadowRoot!)).to.have.length(1);
    expect(element.shadowRoot!.querySelector('strong')?.textContent).to.equal('2401260002');
  });

  it('says where the mail was sent', async () => {
    expect(visibleText(await completion())).to.contain('管理用ID利用者様のメールアドレス（yamaguchi@construction-ec.com）にメールを送信しますので');
  });

  it('lists the six mails in the order they come, and when ④–⑥ come', async () => {
    const element = await completion();
    const list = getByRole('list', undefined, element.shadowRoot!);
    expect(list.tagName).to.equal('OL');
    const items = Array.from(list.querySelectorAll('li')).map((item) => item.textContent!.replace(/\s+/g, ''));
    expect(items).to.deep.equal(MAIL_SUBJECTS);
    expect(visibleText(element)).to.contain('④～⑥のメールは、①～③のメールが届いた後、数日以内に届きます。');
  });

  it('offers the support address as a mail link', async () => {
    const element = await completion();
    const link = getByRole('link', 'help-light@construction-ec.com', element.shadowRoot!);
    expect(link.getAttribute('href')).to.equal('mailto:help-light@construction-ec.com');
    expect(queryAllByText('※メールが届かない場合はお手数ですがhelp-light@construction-ec.comまでご連絡ください。', element.shadowRoot!)).to.have.length(1);
  });

  it('uses the support address a host configured', async () => {
    const element = await fixture<CecCompletion>(
      html`<cec-completion receipt-number="2401260002" support-email="support@example.jp"></cec-completion>`,
    );
    const link = getByRole('link', 'support@example.jp', element.shadowRoot!);
    expect(link.getAttribute('href')).to.equal('mailto:support@example.jp');
  });

  it('shows markup in the receipt number as text', async () => {
    const element = await fixture<CecCompletion>(html`<cec-completion .receiptNumber=${'<img src=x>'}></cec-completion>`);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect(element.shadowRoot!.querySelector('strong')?.textContent).to.equal('<img src=x>');
  });

  it('speaks English inside an English page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><cec-completion receipt-number="2401260002"></cec-completion></div>`,
    );
    const element = wrapper.querySelector('cec-completion')!;
    await waitUntil(() => visibleText(element).includes('Application complete'), 'English text');
    expect(queryAllByText('Your application has been received under receipt number 2401260002.', element.shadowRoot!)).to.have.length(1);
    expect(element.shadowRoot!.querySelector('strong')?.textContent).to.equal('2401260002');
  });

  it('inside a wizard, names the administrator’s address from the draft when none is set', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draft = { ...emptyDraft(), adminUser: { email: ' kanri@example.jp ' } };
    new ContextProvider(host, {
      context: wizardContext,
      initialValue: { translator: Translator.japanese(), draft, maxDocumentBytes: 10 * 1024 * 1024 },
    });
    const element = document.createElement('cec-completion');
    element.receiptNumber = '2401260002';
    host.append(element);
    await element.updateComplete;
    expect(visibleText(element)).to.contain('メールアドレス（kanri@example.jp）に');
  });

  it('says how soon the service can be used (guide FAQ 6) and to keep the mails (guide 4.)', async () => {
    const text = visibleText(await completion());
    expect(text).to.contain('通常は、一両日中にご利用が可能となります。お申込みが込み合っている場合は、おおよそ5営業日ほどでご利用いただけます。');
    expect(text).to.contain('ご利用開始をお急ぎの場合は、弊社までメールでご連絡ください。');
    expect(text).to.contain('受信したメール内容（CECTRUST-Lightでご利用いただく情報）を大切に保管してください。');
  });

  it('links the operation manual of the guide, in a new window', async () => {
    const element = await completion();
    const link = getByRole('link', /操作マニュアル（動画・PDF）/, element.shadowRoot!);
    expect(link.getAttribute('href')).to.equal('http://www.construction-ec.com/cectrust-light/manual/index.html');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(visibleText(element)).to.contain('必要な事前準備の操作は、操作マニュアルをご参照ください。');
  });

  it('links the manual a host configured with manual-url, but never a script URL', async () => {
    const configured = await fixture<CecCompletion>(
      html`<cec-completion receipt-number="2401260002" manual-url="https://portal.example.jp/manual/"></cec-completion>`,
    );
    expect(getByRole('link', /操作マニュアル/, configured.shadowRoot!).getAttribute('href')).to.equal('https://portal.example.jp/manual/');
    const hostile = await fixture<CecCompletion>(
      html`<cec-completion receipt-number="2401260002" manual-url="javascript:alert(1)"></cec-completion>`,
    );
    expect(getByRole('link', /操作マニュアル/, hostile.shadowRoot!).getAttribute('href')).to.equal(
      'http://www.construction-ec.com/cectrust-light/manual/index.html',
    );
  });

  it('fulfils the step contract', async () => {
    const element = await completion();
    expect(element.validate()).to.equal(true);
    expect(element.value).to.equal(undefined);
  });

  it('is accessible', async () => {
    await expect(await completion()).to.be.accessible();
  });
});

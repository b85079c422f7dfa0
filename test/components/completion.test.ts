import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/completion/completion.js';
import type { CecCompletion } from '../../src/components/completion/completion.component.js';
import { ContextProvider } from '@lit/context';
import { wizardContext } from '../../src/components/shared/context.js';
import { emptyDraft } from '../../src/components/shared/draft.js';
import { Translator } from '../../src/i18n/i18n.js';
import { getByRole, isVisible, printsDuring, queryAllByRole, queryAllByText, visibleText, waitUntil } from '../helpers.js';

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

  it('lists the six mails in two waves: ①–③ first, ④–⑥ within days, in the guide’s words', async () => {
    const element = await completion();
    const lists = queryAllByRole('list', undefined, element.shadowRoot!);
    expect(lists.map((list) => list.tagName)).to.deep.equal(['OL', 'OL']);
    const items = lists.map((list) => Array.from(list.querySelectorAll('li')).map((item) => item.textContent!.replace(/\s+/g, '')));
    expect(items).to.deep.equal([MAIL_SUBJECTS.slice(0, 3), MAIL_SUBJECTS.slice(3)]);
    const [first, later] = ['まず届くメール', '数日以内に届くメール'].map((name) => getByRole('heading', name, element.shadowRoot!).closest('section')!);
    expect(first!.contains(lists[0]!)).to.equal(true);
    expect(later!.contains(lists[1]!)).to.equal(true);
    expect(later!.textContent).to.contain('④～⑥のメールは、①～③のメールが届いた後、数日以内に届きます。');
  });

  it('shows the title and the receipt number large in a coloured panel', async () => {
    const element = await completion();
    const title = getByRole('heading', '利用申請完了', element.shadowRoot!);
    const number = element.shadowRoot!.querySelector('strong')!;
    const panel = title.parentElement!;
    expect(panel.contains(number)).to.equal(true);
    const body = parseFloat(getComputedStyle(element).fontSize);
    expect(parseFloat(getComputedStyle(number).fontSize)).to.be.at.least(body * 1.5);
    expect(parseFloat(getComputedStyle(title).fontSize)).to.be.at.least(body * 1.5);
    const { backgroundColor, color } = getComputedStyle(panel);
    expect(backgroundColor).not.to.equal(getComputedStyle(element).backgroundColor);
    expect(color).not.to.equal(backgroundColor);
  });

  it('copies the receipt number so that it can be pasted, and says so', async () => {
    const element = await completion();
    const button = getByRole('button', '受付番号をコピー', element.shadowRoot!);
    expect(button.textContent!.trim()).to.equal('コピー');
    // A real key press: the clipboard wants a person's gesture.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => getByRole('status', undefined, element.shadowRoot!).textContent === 'コピーしました', 'announced');
    const field = document.createElement('input');
    document.body.append(field);
    try {
      field.focus();
      await sendKeys({ press: 'Control+v' });
      expect(field.value).to.equal('2401260002');
    } finally {
      field.remove();
    }
  });

  it('selects the receipt number for the user to copy when the clipboard refuses, and says so', async () => {
    const element = await completion();
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    try {
      getSelection()!.removeAllRanges();
      getByRole('button', '受付番号をコピー', element.shadowRoot!).click();
      const status = getByRole('status', undefined, element.shadowRoot!);
      await waitUntil(() => status.textContent === '受付番号を選択しました。コピーしてください。', 'announced');
      expect(getSelection()!.toString()).to.equal('2401260002');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')).to.deep.equal(clipboard);
    }
  });

  it('announces a second copy again', async () => {
    const element = await completion();
    const status = getByRole('status', undefined, element.shadowRoot!);
    const said: string[] = [];
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    const button = getByRole('button', '受付番号をコピー', element.shadowRoot!);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said.includes('コピーしました'), 'first announcement');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said.filter((text) => text === 'コピーしました').length === 2, 'second announcement');
  });

  it('prints the page with 印刷する', async () => {
    const element = await completion();
    expect(printsDuring(() => getByRole('button', '印刷する', element.shadowRoot!).click())).to.equal(1);
  });

  it('prints without buttons, the panel black on white with a border', async () => {
    const element = await completion();
    const panel = getByRole('heading', '利用申請完了', element.shadowRoot!).parentElement!;
    await emulateMedia({ media: 'print' });
    try {
      expect(queryAllByRole('button', undefined, element.shadowRoot!)).to.have.length(0);
      const style = getComputedStyle(panel);
      expect(style.color).to.equal('rgb(0, 0, 0)');
      expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(style.borderTopColor).to.equal('rgb(0, 0, 0)');
      expect(visibleText(element)).to.contain('2401260002');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(isVisible(getByRole('button', '印刷する', element.shadowRoot!))).to.equal(true);
  });

  it('keeps the panel outlined in forced colours, where its background is gone', async () => {
    const element = await completion();
    const panel = getByRole('heading', '利用申請完了', element.shadowRoot!).parentElement!;
    await emulateMedia({ forcedColors: 'active' });
    try {
      const style = getComputedStyle(panel);
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(2);
      expect(style.borderTopColor).not.to.equal(style.backgroundColor);
      expect(style.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
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
    await waitUntil(() => visibleText(element).includes('Application received'), 'English text');
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

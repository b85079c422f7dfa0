import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/confirmation/confirmation.js';
import type { CecConfirmation } from '../../src/components/confirmation/confirmation.component.js';
import type { ApplicationDraft } from '../../src/components/shared/draft.js';
import type { EditSectionEvent } from '../../src/components/shared/events.js';
import { ContextProvider } from '@lit/context';
import { wizardContext, type WizardState } from '../../src/components/shared/context.js';
import { Translator } from '../../src/i18n/i18n.js';
import { allElements, deepActiveElement, getByRole, printsDuring, queryAllByRole, visibleText, waitUntil } from '../helpers.js';

const pdf = (name: string) => new File(['%PDF-1.4\n%%EOF'], name, { type: 'application/pdf' });

/** An application as a person typed it: full-width digits, hyphens, hiragana, full-width letters. */
const fullDraft = (): ApplicationDraft => ({
  terms: { service: true, certificate: true },
  company: {
    kind: 'corporation',
    corporateNumber: '７０００-０１２０-５０００２',
    name: ' コンストラクション・イージー・ドットコム ',
    nameKana: 'こんすとらくしょん',
    address: '東京都港区新橋2丁目4番1号',
    representative: '山口 真吾',
    document: pdf('テスト証明書.pdf'),
  },
  adminUser: {
    name: '山口 真吾',
    nameKana: 'やまぐち しんご',
    department: '電子証明課第2部',
    title: '',
    address: '東京都港区新橋2-4-1',
    phone: '03-3595-4610',
    email: 'yamaguchi@construction-ec.com',
  },
  certificate: {
    companyNameAlpha: 'ＣＯＩ',
    departmentJa: '本社',
    departmentAlpha: 'HONSHA',
    titleJa: '社長',
    titleAlpha: 'SHACHO',
  },
  extensions: {},
});

async function confirmation(draft: ApplicationDraft = fullDraft()): Promise<CecConfirmation> {
  return fixture<CecConfirmation>(html`<cec-confirmation .value=${draft}></cec-confirmation>`);
}

describe('cec-confirmation', () => {
  it('shows every company value next to its label, normalised as it will be sent', async () => {
    const text = visibleText(await confirmation());
    expect(text).to.contain('申請内容確認');
    expect(text).to.contain('種類 法人');
    expect(text).to.contain('法人番号 7000012050002');
    expect(text).to.contain('企業名 コンストラクション・イージー・ドットコム 企業名カナ');
    expect(text).to.contain('企業名カナ コンストラクション');
    expect(text).to.contain('企業住所 東京都港区新橋2丁目4番1号');
    expect(text).to.contain('代表者 山口 真吾');
  });

  it('shows the document by its file name, under the label of the kind', async () => {
    expect(visibleText(await confirmation())).to.contain('印鑑証明書 テスト証明書.pdf');
  });

  it('shows every administrator value, with an empty optional one marked as not entered', async () => {
    const text = visibleText(await confirmation());
    expect(text).to.contain('氏名 山口 真吾');
    expect(text).to.contain('氏名カナ ヤマグチ シンゴ');
    expect(text).to.contain('所属 電子証明課第2部');
    expect(text).to.contain('役職 （未入力）');
    expect(text).to.contain('住所 東京都港区新橋2-4-1');
    expect(text).to.contain('TEL番号 0335954610');
    expect(text).to.contain('メールアドレス yamaguchi@construction-ec.com');
  });

  it('shows every certificate value, the Japanese company name being the company’s', async () => {
    const text = visibleText(await confirmation());
    expect(text).to.contain('企業名(日本語) コンストラクション・イージー・ドットコム');
    expect(text).to.contain('企業名(アルファベット) COI');
    expect(text).to.contain('部署名(日本語) 本社');
    expect(text).to.contain('部署名(アルファベット) HONSHA');
    expect(text).to.contain('役職名(日本語) 社長');
    expect(text).to.contain('役職名(アルファベット) SHACHO');
  });

  it('has a heading for each of the three sections', async () => {
    const element = await confirmation();
    for (const name of ['企業情報', '管理用ID情報', '電子証明書情報']) {
      expect(queryAllByRole('heading', name, element.shadowRoot!), name).to.have.length(1);
    }
  });

  it('shows no corporate number row for a sole proprietor, and asks for the 開業届', async () => {
    const draft = fullDraft();
    draft.company = { ...draft.company, kind: 'soleProprietor', document: pdf('開業届.pdf') };
    const text = visibleText(await confirmation(draft));
    expect(text).to.contain('種類 個人事業主');
    expect(text).not.to.contain('法人番号');
    expect(text).not.to.contain('7000012050002');
    expect(text).to.contain('開業届 開業届.pdf');
  });

  it('shows markup typed into a field as literal text and creates no element from it', async () => {
    const draft = fullDraft();
    (window as { pwned?: boolean }).pwned = false;
    draft.company.name = '<img src=x onerror="window.pwned=true">';
    draft.adminUser.department = '<script>window.pwned=true</script>';
    const element = await confirmation(draft);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = visibleText(element);
    expect(text).to.contain('企業名 <img src=x onerror="window.pwned=true">');
    expect(text).to.contain('所属 <script>window.pwned=true</script>');
    expect(allElements(element.shadowRoot!).filter((node) => ['IMG', 'SCRIPT'].includes(node.tagName))).to.have.length(0);
    expect((window as { pwned?: boolean }).pwned).to.equal(false);
  });

  for (const [section, step] of [
    ['企業情報', 'company'],
    ['管理用ID情報', 'adminUser'],
    ['電子証明書情報', 'certificate'],
  ] as const) {
    it(`asks to change the ${step} section once when its link 「変更（${section}）」 is followed, leaving the address alone`, async () => {
      const element = await confirmation();
      const steps: string[] = [];
      element.addEventListener('cec-edit-section', (event: EditSectionEvent) => steps.push(event.detail.step));
      const address = location.href;
      getByRole('link', `変更（${section}）`, element.shadowRoot!).click();
      expect(steps).to.deep.equal([step]);
      expect(location.href).to.equal(address);
    });
  }

  it('shows each change link as an underlined 「変更」 alone: the section is said to screen readers only', async () => {
    const element = await confirmation();
    const link = getByRole('link', '変更（企業情報）', element.shadowRoot!);
    const style = getComputedStyle(link);
    expect(style.textDecorationLine).to.equal('underline');
    // 変更 is two characters wide; 「変更（企業情報）」 would be eight.
    expect(link.getBoundingClientRect().width).to.be.below(parseFloat(style.fontSize) * 3);
    expect(queryAllByRole('button', /変更/, element.shadowRoot!)).to.have.length(0);
  });

  it('reaches a change link with Tab, rings it, and follows it with Enter', async () => {
    const element = await confirmation();
    const steps: string[] = [];
    element.addEventListener('cec-edit-section', (event: EditSectionEvent) => steps.push(event.detail.step));
    const link = getByRole('link', '変更（企業情報）', element.shadowRoot!);
    for (let presses = 0; presses < 5 && deepActiveElement() !== link; presses++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'focused by Tab').to.equal(link);
    const ring = getComputedStyle(link);
    expect(ring.outlineStyle).not.to.equal('none');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    expect(link.getBoundingClientRect().height, 'target height').to.be.at.least(24);
    await sendKeys({ press: 'Enter' });
    expect(steps).to.deep.equal(['company']);
  });

  it('lines the values of all three sections up in one column, and puts each label above its value at 375 px', async () => {
    const element = await confirmation();
    const pairs = () =>
      Array.from(element.shadowRoot!.querySelectorAll('dt')).map((label) => [label.getBoundingClientRect(), label.nextElementSibling!.getBoundingClientRect()] as const);
    try {
      await setViewport({ width: 1000, height: 800 });
      const valueEdges = new Set(pairs().map(([, value]) => Math.round(value.left)));
      expect(valueEdges.size, 'one left edge for every value').to.equal(1);
      for (const [label, value] of pairs()) expect(value.top).to.equal(label.top);
      expect(pairs()).to.have.length(20);

      await setViewport({ width: 375, height: 800 });
      for (const [label, value] of pairs()) {
        expect(value.top).to.be.at.least(label.bottom - 1);
        expect(value.left).to.equal(label.left);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('lets the page hear the change request through the shadow root', async () => {
    const element = await confirmation();
    const heard: string[] = [];
    const listener = (event: EditSectionEvent) => heard.push(event.detail.step);
    document.addEventListener('cec-edit-section', listener);
    getByRole('link', '変更（企業情報）', element.shadowRoot!).click();
    document.removeEventListener('cec-edit-section', listener);
    expect(heard).to.deep.equal(['company']);
  });

  it('shows a section a host added, with its own change link', async () => {
    const element = await confirmation();
    const heard: string[] = [];
    element.addEventListener('cec-edit-section', (event: EditSectionEvent) => heard.push(event.detail.step));
    element.extraSections = [{ step: 'licence', title: '建設業許可', rows: [{ label: '許可番号', value: '<b>123456</b>' }, { label: '備考', value: '' }] }];
    await element.updateComplete;
    const text = visibleText(element);
    expect(text).to.contain('建設業許可');
    expect(text).to.contain('許可番号 <b>123456</b>');
    expect(text).to.contain('備考 （未入力）');
    expect(text.indexOf('建設業許可')).to.be.greaterThan(text.indexOf('電子証明書情報'));
    getByRole('link', '変更（建設業許可）', element.shadowRoot!).click();
    expect(heard).to.deep.equal(['licence']);
  });

  it('asks to keep a copy (「本内容は必ずお控えください。」) beside the no-copy notice and the print button', async () => {
    const element = await confirmation();
    const print = getByRole('button', '印刷する', element.shadowRoot!);
    const notice = print.closest('[part~="keep-copy"]')!;
    expect(notice.querySelector('strong')!.textContent).to.equal('本内容は必ずお控えください。');
    expect(notice.textContent).to.contain('※申請内容の控は発行されませんので必要に応じて印刷や画面の保存を実施してください。');
  });

  it('shows the values as people typed them the way they will be sent: T, +81, full-width e-mail, ㈱', async () => {
    const draft = fullDraft();
    draft.company.corporateNumber = 'T7000012050002';
    draft.company.name = '㈱コンストラクション・イージー・ドットコム';
    draft.adminUser.phone = '+81 3-3595-4605';
    draft.adminUser.email = 'ｙａｍａｇｕｃｈｉ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ';
    draft.certificate.departmentAlpha = 'EIGYOーBU';
    const text = visibleText(await confirmation(draft));
    for (const sent of ['7000012050002', '株式会社コンストラクション・イージー・ドットコム', '0335954605', 'yamaguchi@example.co.jp', 'EIGYO-BU']) {
      expect(text).to.contain(sent);
    }
  });

  it('says no copy is issued and prints the page', async () => {
    const element = await confirmation();
    expect(visibleText(element)).to.contain('※申請内容の控は発行されませんので');
    expect(printsDuring(() => getByRole('button', '印刷する', element.shadowRoot!).click())).to.equal(1);
  });

  it('shows the wizard’s draft, not its own value, inside a wizard, and follows its changes', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draft = fullDraft();
    const state: WizardState = { translator: Translator.japanese(), draft, maxDocumentBytes: 10 * 1024 * 1024 };
    const provider = new ContextProvider(host, { context: wizardContext, initialValue: state });
    const element = document.createElement('cec-confirmation');
    element.value = { ...fullDraft(), company: { ...draft.company, name: '使われない名前' } };
    host.append(element);
    await element.updateComplete;
    expect(visibleText(element)).to.contain('企業名 コンストラクション・イージー・ドットコム 企業名カナ');
    expect(visibleText(element)).not.to.contain('使われない名前');
    provider.setValue({ ...state, draft: { ...draft, adminUser: { ...draft.adminUser, phone: '０９０-１２３４-５６７８' } } });
    await element.updateComplete;
    expect(visibleText(element)).to.contain('TEL番号 09012345678');
  });

  it('lets the user go on: there is nothing to correct here', async () => {
    expect((await confirmation()).validate()).to.equal(true);
  });

  it('speaks English inside an English page', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><cec-confirmation .value=${fullDraft()}></cec-confirmation></div>`,
    );
    const element = wrapper.querySelector('cec-confirmation')!;
    await waitUntil(() => visibleText(element).includes('Check your application'), 'English text');
    const text = visibleText(element);
    expect(text).to.contain('Company information');
    expect(text).to.contain('7000012050002');
    expect(text).to.contain('テスト証明書.pdf');
    expect(queryAllByRole('link', 'Change Company information', element.shadowRoot!)).to.have.length(1);
  });

  it('is accessible', async () => {
    const element = await confirmation();
    await expect(element).to.be.accessible();
  });
});

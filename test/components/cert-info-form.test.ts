import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/cert-info-form/cert-info-form.js';
import type { CecCertInfoForm } from '../../src/components/cert-info-form/cert-info-form.component.js';
import { wizardContext, type WizardState } from '../../src/components/shared/context.js';
import { emptyDraft } from '../../src/components/shared/draft.js';
import type { ChangeEvent } from '../../src/components/shared/events.js';
import { Translator } from '../../src/i18n/i18n.js';
import {
  accessibleName,
  allElements,
  deepActiveElement,
  descriptionOf,
  getByLabel,
  getByRole,
  press,
  queryAllByRole,
  queryAllByText,
  typeInto,
  visibleText,
  waitUntil,
} from '../helpers.js';
import { itShowsConverted } from './typed-input.js';

const REQUIRED_LABELS = ['企業名(アルファベット)', '部署名(日本語)', '部署名(アルファベット)', '役職名(日本語)', '役職名(アルファベット)'];

const render = () => fixture<CecCertInfoForm>(html`<cec-cert-info-form></cec-cert-info-form>`);

async function fill(label: string, text: string): Promise<HTMLInputElement> {
  const input = getByLabel(label);
  await typeInto(input, text);
  await press('Tab');
  return input;
}

/** Every field filled with a valid value, except those given in `overrides`. */
async function fillValid(overrides: Record<string, string> = {}): Promise<void> {
  const values: Record<string, string> = {
    '企業名(アルファベット)': 'YAMADA KENSETSU',
    '部署名(日本語)': '本社',
    '部署名(アルファベット)': 'HONSHA',
    '役職名(日本語)': '社長',
    '役職名(アルファベット)': 'SHACHO',
    ...overrides,
  };
  for (const [label, text] of Object.entries(values)) await fill(label, text);
}

async function invalid(input: HTMLInputElement): Promise<void> {
  await waitUntil(() => input.getAttribute('aria-invalid') === 'true', `${input.name} invalid`);
}

/** The read-only value labelled 企業名(日本語) (an <output>, which getByLabel does not look at). */
function companyNameJa(): string {
  const outputs = allElements().filter((element) => element.tagName === 'OUTPUT' && accessibleName(element).trim() === '企業名(日本語)');
  expect(outputs).to.have.length(1);
  return outputs[0]!.textContent!.trim();
}

describe('cec-cert-info-form', () => {
  it('names each empty field in a message tied to it', async () => {
    const form = await render();
    expect(form.validate()).to.equal(false);
    await form.updateComplete;
    for (const label of REQUIRED_LABELS) {
      const input = getByLabel(label);
      expect(input.getAttribute('aria-invalid'), label).to.equal('true');
      expect(descriptionOf(input), label).to.contain(`${label}を入力してください。`);
    }
  });

  it('warns that the certificate cannot be changed and must name a role, not a person', async () => {
    await render();
    const note = getByRole('note');
    expect(note.textContent).to.contain('発行後の電子証明書情報は変更できません。');
    expect(note.textContent).to.contain('個人名を入力しないでください。');
  });

  it('asks for half-width alphabet input without autocomplete', async () => {
    await render();
    for (const label of ['企業名(アルファベット)', '部署名(アルファベット)', '役職名(アルファベット)']) {
      const input = getByLabel(label);
      expect(input.getAttribute('inputmode'), label).to.equal('latin');
      expect(input.getAttribute('autocomplete'), label).to.equal('off');
      expect(descriptionOf(input), label).to.contain('半角英数字、ピリオド、ハイフン、スペースのみ入力可能です。');
    }
    expect(descriptionOf(getByLabel('企業名(アルファベット)'))).to.contain('40文字以内');
  });

  it('says nothing before a field was typed in and left', async () => {
    const form = await render();
    const company = getByLabel('企業名(アルファベット)');
    await typeInto(company, '山田');
    await form.updateComplete;
    expect(company.getAttribute('aria-invalid')).to.equal('false');

    await press('Tab');
    await invalid(company);
    expect(getByLabel('部署名(日本語)').getAttribute('aria-invalid')).to.equal('false');
  });

  it('accepts full-width letters typed through an IME, and shows them converted once the field is left', async () => {
    const form = await render();
    await fillValid({ '企業名(アルファベット)': 'ＹＡＭＡＤＡ ＫＥＮＳＥＴＳＵ', '役職名(アルファベット)': 'ＳＨＡＣＨＯ' });
    expect(form.value.titleAlpha).to.equal('SHACHO');
    expect((getByLabel('企業名(アルファベット)') as HTMLInputElement).value).to.equal('YAMADA KENSETSU');
    expect(form.validate()).to.equal(true);
  });

  it('refuses Japanese in an alphabet field, naming the first character it cannot take', async () => {
    await render();
    const department = await fill('部署名(アルファベット)', '本社');
    await invalid(department);
    expect(descriptionOf(department)).to.contain('部署名(アルファベット)に使用できない文字「本」が含まれています。半角英数字、ピリオド、ハイフン、スペースのみ入力できます。');
  });

  it('refuses a company name of 41 characters, naming the limit of 40', async () => {
    await render();
    const company = await fill('企業名(アルファベット)', 'A'.repeat(41));
    await invalid(company);
    expect(descriptionOf(company)).to.contain('企業名(アルファベット)は40文字以内で入力してください。');
  });

  it('refuses a company-form word such as Co. or Ltd', async () => {
    await render();
    const company = await fill('企業名(アルファベット)', 'YAMADA Co. Ltd');
    await invalid(company);
    expect(descriptionOf(company)).to.contain('「株式会社」にあたる語');
  });

  it('refuses department and title longer than 60 together, on 役職名(アルファベット), and counts them', async () => {
    const form = await render();
    await fillValid({ '部署名(アルファベット)': 'D'.repeat(31), '役職名(アルファベット)': 'T'.repeat(30) });
    const title = getByLabel('役職名(アルファベット)');
    await invalid(title);
    expect(descriptionOf(title)).to.contain('部署名と役職名（アルファベット）はあわせて60文字以内で入力してください。');
    expect(getByLabel('部署名(アルファベット)').getAttribute('aria-invalid')).to.equal('false');
    const counter = queryAllByText(/61 \/ 60文字/);
    expect(counter).to.have.length(1);
    expect(counter[0]!.getAttribute('aria-live')).to.equal('polite');
    expect(form.validate()).to.equal(false);
  });

  it('counts the letters as the schema does, after converting full width', async () => {
    await render();
    await typeInto(getByLabel('部署名(アルファベット)'), 'ＨＯＮＳＨＡ');
    await waitUntil(() => queryAllByText(/^部署名と役職名（アルファベット）：6 \/ 60文字$/).length === 1, 'count of 6');
  });

  it('shows the Japanese company name given by company-name-ja, and a placeholder without one', async () => {
    const form = await fixture<CecCertInfoForm>(html`<cec-cert-info-form company-name-ja="山田建設株式会社"></cec-cert-info-form>`);
    expect(companyNameJa()).to.equal('山田建設株式会社');
    form.companyNameJa = '';
    await form.updateComplete;
    expect(companyNameJa()).to.equal('（企業情報で入力した企業名）');
  });

  it('shows the STEP 2 company name from the wizard, following its changes', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const state = (name: string): WizardState => ({
      translator: Translator.japanese(),
      draft: { ...emptyDraft(), company: { kind: 'corporation', name } },
      maxDocumentBytes: 10 * 1024 * 1024,
    });
    const provider = new ContextProvider(host, { context: wizardContext, initialValue: state('山田建設株式会社') });
    const form = document.createElement('cec-cert-info-form');
    form.companyNameJa = '使われない名前';
    host.append(form);
    await form.updateComplete;
    expect(companyNameJa()).to.equal('山田建設株式会社');
    provider.setValue(state('山田工業株式会社'));
    await form.updateComplete;
    expect(companyNameJa()).to.equal('山田工業株式会社');
  });

  it('tells the host the new value on every edit', async () => {
    const form = await render();
    const events: ChangeEvent[] = [];
    form.addEventListener('cec-change', (event) => events.push(event));
    await typeInto(getByLabel('役職名(日本語)'), '社長');
    expect(events.length).to.be.greaterThan(0);
    expect(events.at(-1)!.value).to.deep.equal({ titleJa: '社長' });
    expect(form.value).to.deep.equal({ titleJa: '社長' });
  });

  it('lists every problem in a summary whose links focus their field', async () => {
    const form = await render();
    form.validate();
    await form.updateComplete;
    const summary = getByRole('alert', '入力内容に誤りがあります');
    const links = queryAllByRole('link', undefined, summary);
    expect(links.map((link) => link.textContent?.trim())).to.deep.equal(REQUIRED_LABELS.map((label) => `${label}を入力してください。`));
    links[4]!.click();
    expect(deepActiveElement()).to.equal(getByLabel('役職名(アルファベット)'));
  });

  describe('the words of the guide (STEP 4)', () => {
    it('says the certificate is embedded in the contract, and that English or romanised Japanese is up to the applicant', async () => {
      const text = visibleText(await render());
      expect(text).to.contain('電子証明書は電子の契約文書に組込まれ、契約文書を認めた企業、部署、役職を確認することができます（電子の契約文書画面、印刷に表示されるものではありません）。');
      expect(text).to.contain('英語、ローマ字の選択は任意です。');
    });

    it('qualifies the department and title in the alphabet as those with authority to sign', async () => {
      await render();
      expect(descriptionOf(getByLabel('部署名(アルファベット)'))).to.contain('（契約書に署名する権限を持った部署名）');
      expect(descriptionOf(getByLabel('役職名(アルファベット)'))).to.contain('（契約書に署名する権限を持った役職名）');
    });

    it('answers FAQ 4 when asked, from a disclosure the keyboard opens', async () => {
      const form = await render();
      const details = form.shadowRoot!.querySelector('details')!;
      const summary = details.querySelector('summary')!;
      expect(summary.textContent).to.contain('自分の所属を入力してもよいのですか。');
      expect(details.open).to.equal(false);
      summary.focus();
      await press('Enter');
      await waitUntil(() => details.open, 'opened');
      expect(visibleText(form)).to.contain('それらを踏まえた上で申請内容は各企業によりご判断ください。');
    });
  });

  describe('alphabet as people type it', () => {
    itShowsConverted(render, [
      ['企業名(アルファベット)', 'KŌGYŌ', 'KOGYO'],
      ['部署名(アルファベット)', 'EIGYOーBU', 'EIGYO-BU'],
      ['部署名(アルファベット)', 'EIGYO—BU', 'EIGYO-BU'],
      ['企業名(アルファベット)', 'SEIKATSU CO-OP', 'SEIKATSU CO-OP'],
    ]);

    it('tells every problem of 「Co., Ltd.」 in one round: the comma and the company-form words', async () => {
      const form = await render();
      const company = await fill('企業名(アルファベット)', 'Yamada Co., Ltd.');
      await invalid(company);
      const message = descriptionOf(company);
      expect(message).to.contain('使用できない文字「,」が含まれています。');
      expect(message).to.contain('「株式会社」にあたる語');
      expect(form.validate()).to.equal(false);
      await form.updateComplete;
      const summary = getByRole('alert').textContent!;
      expect(summary).to.contain('「,」').and.to.contain('「株式会社」にあたる語');
    });

    it('refuses a one-word company form (KABUSHIKIGAISHA)', async () => {
      await render();
      const company = await fill('企業名(アルファベット)', 'YAMADA KABUSHIKIGAISHA');
      await invalid(company);
      expect(descriptionOf(company)).to.contain('「株式会社」にあたる語');
    });

    it('asks for at least one letter or digit', async () => {
      await render();
      const title = await fill('役職名(アルファベット)', '- . -');
      await invalid(title);
      expect(descriptionOf(title)).to.contain('役職名(アルファベット)には英字または数字を1文字以上入力してください。');
    });
  });

  it('is accessible when empty', async () => {
    const form = await render();
    await expect(form).to.be.accessible();
  });

  it('is accessible with every error shown', async () => {
    const form = await fixture<CecCertInfoForm>(html`<cec-cert-info-form company-name-ja="山田建設株式会社"></cec-cert-info-form>`);
    await fill('企業名(アルファベット)', 'YAMADA Co. Ltd');
    form.validate();
    await form.updateComplete;
    expect(queryAllByRole('link', undefined, getByRole('alert'))).to.have.length(5);
    await expect(form).to.be.accessible();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/admin-user-form/admin-user-form.js';
import type { CecAdminUserForm } from '../../src/components/admin-user-form/admin-user-form.component.js';
import type { ChangeEvent } from '../../src/components/shared/events.js';
import { deepActiveElement, descriptionOf, getByLabel, getByRole, press, queryAllByRole, typeInto, waitUntil } from '../helpers.js';
import { itShowsConverted } from './typed-input.js';

const REQUIRED_LABELS = ['氏名', '氏名カナ', '住所', 'TEL番号', 'メールアドレス'];
const OPTIONAL_LABELS = ['所属', '役職'];

const render = () => fixture<CecAdminUserForm>(html`<cec-admin-user-form></cec-admin-user-form>`);

/** Types into the field labelled `label` and leaves it with Tab, as a person would. */
async function fill(label: string, text: string): Promise<HTMLInputElement> {
  const input = getByLabel(label);
  await typeInto(input, text);
  await press('Tab');
  return input;
}

/** Every required field filled with a valid value, except those given in `overrides`. */
async function fillValid(overrides: Record<string, string> = {}): Promise<void> {
  const values: Record<string, string> = {
    氏名: '山田 太郎',
    氏名カナ: 'ヤマダ タロウ',
    住所: '東京都港区虎ノ門1-1-1',
    TEL番号: '03-3595-4610',
    メールアドレス: 'taro@example.co.jp',
    ...overrides,
  };
  for (const [label, text] of Object.entries(values)) await fill(label, text);
}

async function invalidAfterBlur(input: HTMLInputElement): Promise<void> {
  await waitUntil(() => input.getAttribute('aria-invalid') === 'true', `${input.name} invalid`);
}

describe('cec-admin-user-form', () => {
  it('names each empty required field in a message tied to it, and leaves the optional ones alone', async () => {
    const form = await render();
    expect(form.validate()).to.equal(false);
    await form.updateComplete;
    for (const label of REQUIRED_LABELS) {
      const input = getByLabel(label);
      expect(input.getAttribute('aria-invalid'), label).to.equal('true');
      expect(descriptionOf(input), label).to.contain(`${label}を入力してください。`);
    }
    for (const label of OPTIONAL_LABELS) {
      const input = getByLabel(label);
      expect(input.getAttribute('aria-invalid'), label).to.equal('false');
      expect(descriptionOf(input), label).not.to.contain('入力してください');
    }
  });

  it('says nothing before a field was typed in and left', async () => {
    const form = await render();
    const phone = getByLabel('TEL番号');
    await typeInto(phone, '03');
    await form.updateComplete;
    expect(phone.getAttribute('aria-invalid')).to.equal('false');

    await press('Tab');
    await invalidAfterBlur(phone);
    expect(descriptionOf(phone)).to.contain('TEL番号は0から始まる10桁または11桁の電話番号を入力してください。');
    expect(getByLabel('氏名').getAttribute('aria-invalid')).to.equal('false');
  });

  it('accepts a Tokyo number written with hyphens', async () => {
    const form = await render();
    const phone = await fill('TEL番号', '03-3595-4610');
    await form.updateComplete;
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    expect(phone.type).to.equal('tel');
    expect(phone.inputMode).to.equal('tel');
  });

  it('refuses a number of nine digits with the phone message', async () => {
    await render();
    const phone = await fill('TEL番号', '0120-12-345');
    await invalidAfterBlur(phone);
    expect(descriptionOf(phone)).to.contain('TEL番号は0から始まる10桁または11桁の電話番号を入力してください。');
  });

  it('refuses a mail address without @ and says where notices and the PIN go', async () => {
    await render();
    const email = await fill('メールアドレス', 'taro.example.co.jp');
    await invalidAfterBlur(email);
    expect(descriptionOf(email)).to.contain('メールアドレスの形式が正しくありません');
    expect(descriptionOf(email)).to.contain('PINの送付先');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
  });

  it('accepts the kana name typed in hiragana, with 所属 and 役職 left empty', async () => {
    const form = await render();
    await fillValid({ 氏名カナ: 'やまだ たろう' });
    expect(form.validate()).to.equal(true);
    await form.updateComplete;
    expect(getByLabel('氏名カナ').getAttribute('aria-invalid')).to.equal('false');
    expect(queryAllByRole('alert')).to.have.length(0);
  });

  it('tells the host the new value on every edit', async () => {
    const form = await render();
    const events: ChangeEvent[] = [];
    form.addEventListener('cec-change', (event) => events.push(event));
    await typeInto(getByLabel('役職'), '部長');
    expect(events.length).to.be.greaterThan(0);
    expect(events.at(-1)!.value).to.deep.equal({ title: '部長' });
    expect(form.value).to.deep.equal({ title: '部長' });
  });

  it('lists every problem in a summary whose links focus their field', async () => {
    const form = await render();
    await fill('TEL番号', '0120-12-345');
    form.validate();
    await form.updateComplete;
    const summary = getByRole('alert', '入力内容に誤りがあります');
    const links = queryAllByRole('link', undefined, summary);
    expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
      '氏名を入力してください。',
      '氏名カナを入力してください。',
      '住所を入力してください。',
      'TEL番号は0から始まる10桁または11桁の電話番号を入力してください。',
      'メールアドレスを入力してください。',
    ]);
    links[3]!.click();
    expect(deepActiveElement()).to.equal(getByLabel('TEL番号'));
  });

  describe('as people type it', () => {
    itShowsConverted(render, [
      ['TEL番号', '+81 3-3595-4605', '0335954605'],
      ['TEL番号', '０３－３５９５－４６０５', '0335954605'],
      ['メールアドレス', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'taro@example.co.jp'],
      ['氏名カナ', 'いすゞ たろう', 'イスズ　タロウ'],
    ]);

    it('gives an extension its own message, and leaves the number as typed', async () => {
      await render();
      const phone = await fill('TEL番号', '03-3595-4605 内線 123');
      await invalidAfterBlur(phone);
      expect(phone.value).to.equal('03-3595-4605 内線 123');
      expect(descriptionOf(phone)).to.contain('TEL番号に内線番号は入力できません。内線を除いた電話番号を入力してください。');
    });

    it('refuses a right-to-left override pasted into 住所, naming the character', async () => {
      await render();
      const address = await fill('住所', '東京都\u202e港区');
      await invalidAfterBlur(address);
      expect(descriptionOf(address)).to.contain('住所に使用できない文字（U+202E）が含まれています。');
    });

    it('refuses a 所属 of zero-width spaces only', async () => {
      await render();
      const department = await fill('所属', '\u200b\u200b');
      await invalidAfterBlur(department);
      expect(descriptionOf(department)).to.contain('所属には見えない文字（ゼロ幅スペースなど）しか入力されていません。');
    });
  });

  it('is accessible when empty', async () => {
    const form = await render();
    await expect(form).to.be.accessible();
  });

  it('is accessible with every error shown', async () => {
    const form = await render();
    await fill('メールアドレス', 'taro');
    form.validate();
    await form.updateComplete;
    await expect(form).to.be.accessible();
  });
});

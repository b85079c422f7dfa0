/**
 * `cec-company-user-form` as the administrator meets it (付録 ①IDの追加): 自社利用者情報登録 → 確認 →
 * 確定, bad input refused at each field with its own message, the backend's verdicts, a retry after a lost
 * answer registering nobody twice, keyboard only, axe, Japanese and English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/company-user-form/company-user-form.js';
import type { CecCompanyUserForm } from '../../src/components/company-user-form/company-user-form.component.js';
import type { UserRegisteredDetail } from '../../src/components/company-user-form/company-user-events.js';
import { deepActiveElement, descriptionOf, getByLabel, getByRole, queryAllByRole, queryAllByText, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';
import { confirmAndSubmitAccessibly, headingShown, usePartnerMock, tabAndType, tabTo } from './partner-admin-helpers.js';

const mock = usePartnerMock();

async function openForm(lang = 'ja', session = mock.backend.sessionFor()): Promise<CecCompanyUserForm> {
  const form = await fixture<CecCompanyUserForm>(html`<cec-company-user-form endpoint="/api" lang=${lang} .session=${session}></cec-company-user-form>`);
  await headingShown(lang === 'ja' ? '自社利用者情報登録' : 'Register a company user');
  return form;
}

/** The appendix's example (付録 ⑧), typed as a person might: hiragana for the kana. */
async function fillUser(email = 'mmtstuser2@example.jp'): Promise<void> {
  await typeInto(getByLabel('利用者名'), '佐藤 次郎');
  await typeInto(getByLabel('利用者名カナ'), 'さとう じろう');
  await typeInto(getByLabel('メールアドレス'), email);
}

async function toConfirmation(): Promise<void> {
  getByRole('button', '確認').click();
  await headingShown('自社利用者情報登録確認');
}

async function registered(): Promise<void> {
  await headingShown('利用者を登録しました');
}

describe('cec-company-user-form', () => {
  it('shows the appendix fields, 一般 chosen, and no 住所', async () => {
    const form = await openForm();
    expect(getByLabel('一般').checked).to.equal(true);
    expect(getByLabel('管理者').checked).to.equal(false);
    for (const label of ['利用者名', '利用者名カナ', '所属', '役職', 'TEL番号', 'メールアドレス']) getByLabel(label);
    expect(queryAllByText('住所')).to.have.length(0);
    expect(visibleText(form)).to.contain('登録する利用者の情報を入力し、確認ボタンを押してください。');
    expect(visibleText(form)).to.contain('「管理者」を選択した場合は、管理者（管理者権限）業務ができるIDを追加できます。');
  });

  it('refuses 確認 with the required fields empty: each named, in a focused summary, nothing sent', async () => {
    await openForm();
    getByRole('button', '確認').click();
    const summary = await waitForSummary();
    expect(deepActiveElement()).to.equal(summary);
    expect(queryAllByRole('link', undefined, summary).map((link) => link.textContent?.trim())).to.deep.equal([
      '利用者名を入力してください。',
      '利用者名カナを入力してください。',
      'メールアドレスを入力してください。',
    ]);
    expect(mock.backend.received).to.deep.equal([]);
  });

  it('refuses kanji in 利用者名カナ, a phone that is not Japanese and a malformed address, each at its field', async () => {
    await openForm();
    const cases: Array<[string, string, string]> = [
      ['利用者名カナ', '佐藤ジロウ', '利用者名カナに使用できない文字「佐」が含まれています。'],
      ['TEL番号', '12345', 'TEL番号は0から始まる10桁または11桁の電話番号を入力してください。'],
      ['TEL番号', '03-3595-4610 内線12', 'TEL番号に内線番号は入力できません。'],
      ['メールアドレス', 'jiro@', 'メールアドレスの形式が正しくありません'],
    ];
    for (const [label, typed, message] of cases) {
      const field = getByLabel(label);
      await replaceText(field, typed);
      field.blur();
      await waitUntil(() => descriptionOf(field).includes(message), message);
    }
  });

  it('confirms what will be sent, 戻る keeps every value, 確定 registers once and the new user is mailed', async () => {
    const form = await openForm();
    const events: UserRegisteredDetail[] = [];
    form.addEventListener('cec-user-registered', (event) => events.push(event.detail));
    getByLabel('管理者').click();
    await fillUser();
    await typeInto(getByLabel('TEL番号'), '０３-３５９５-４６１０');
    await toConfirmation();
    expect(visibleText(form)).to.contain('登録する利用者の情報を確認し、確定ボタンを押してください。');
    const confirmation = visibleText(form);
    for (const shown of ['管理者', '佐藤 次郎', 'サトウ ジロウ', '0335954610', 'mmtstuser2@example.jp']) expect(confirmation).to.contain(shown);
    getByRole('button', '戻る').click();
    await headingShown('自社利用者情報登録');
    expect(getByLabel('利用者名').value).to.equal('佐藤 次郎');
    expect(getByLabel('管理者').checked).to.equal(true);
    await toConfirmation();
    getByRole('button', '確定').click();
    await registered();
    expect(mock.backend.received).to.deep.equal([
      { path: '/partner/users', body: { role: 'admin', name: '佐藤 次郎', nameKana: 'サトウ　ジロウ', phone: '0335954610', email: 'mmtstuser2@example.jp' } },
    ]);
    expect(events).to.have.length(1);
    const userId = events[0]!.user.userId;
    expect(visibleText(form)).to.contain(`利用者ID ${userId}（佐藤 次郎様）を登録しました。mmtstuser2@example.jp 宛に`);
    expect(mock.backend.mails.map(({ to, subject }) => `${to} ${subject}`)).to.deep.equal([
      'mmtstuser2@example.jp 【CECTRUST-Lightサービス】利用者ID発行のお知らせ',
      'mmtstuser2@example.jp 【CECTRUST-Lightサービス】初回ログインパスワードのお知らせ',
    ]);
    expect(mock.backend.users().find((user) => user.userId === userId)).to.include({ role: 'admin', signing: 'none' });
  });

  it('retries under the same key after a lost answer: the user is registered and mailed once', async () => {
    await openForm();
    await fillUser();
    await toConfirmation();
    mock.backend.failNext({ answerLost: true });
    getByRole('button', '確定').click();
    await waitUntil(() => queryAllByRole('alert').some((alert) => visibleText(alert).includes('通信できませんでした')), 'network failure');
    expect(mock.backend.received, 'stored by the first attempt').to.have.length(1);
    getByRole('button', '再試行').click();
    await registered();
    expect(mock.backend.received).to.have.length(1);
    expect(mock.backend.mails).to.have.length(2);
    expect(mock.backend.users()).to.have.length(3);
  });

  it('takes the user back to the address when it is already registered', async () => {
    await openForm();
    await fillUser('jiro@example.co.jp');
    await toConfirmation();
    getByRole('button', '確定').click();
    await headingShown('自社利用者情報登録');
    const email = getByLabel('メールアドレス');
    await waitUntil(() => descriptionOf(email).includes('このメールアドレスの利用者はすでに登録されています。'), 'email taken at its field');
    expect(email.value).to.equal('jiro@example.co.jp');
    await replaceText(email, 'jiro2@example.co.jp');
    await toConfirmation();
    getByRole('button', '確定').click();
    await registered();
  });

  it('says a session that expired must sign in again', async () => {
    await openForm('ja', 'expired-session');
    await fillUser();
    await toConfirmation();
    getByRole('button', '確定').click();
    await waitUntil(() => queryAllByRole('alert').some((alert) => visibleText(alert).includes('もう一度ログインしてください。')), 'session message');
    expect(mock.backend.received).to.deep.equal([]);
  });

  it('registers another user from an untouched form', async () => {
    await openForm();
    await fillUser();
    await toConfirmation();
    getByRole('button', '確定').click();
    await registered();
    getByRole('button', '続けて利用者を登録する').click();
    await headingShown('自社利用者情報登録');
    expect(getByLabel('利用者名').value).to.equal('');
    expect(getByLabel('利用者名').getAttribute('aria-invalid')).to.equal('false');
    expect(getByLabel('一般').checked).to.equal(true);
  });

  it('can be done with the keyboard alone', async () => {
    await openForm();
    await tabTo(() => getByLabel('一般'), '一般');
    await sendKeys({ press: 'ArrowDown' });
    expect(getByLabel('管理者').checked).to.equal(true);
    await tabAndType(() => getByLabel('利用者名'), '利用者名', '佐藤 次郎');
    await tabAndType(() => getByLabel('利用者名カナ'), '利用者名カナ', 'サトウ ジロウ');
    await tabAndType(() => getByLabel('メールアドレス'), 'メールアドレス', 'jiro3@example.jp');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === queryAllByRole('heading', '自社利用者情報登録確認')[0], 'confirmation heading focused');
    await tabTo(() => getByRole('button', '確定'), '確定');
    await sendKeys({ press: 'Enter' });
    await registered();
    expect(mock.backend.received[0]!.body).to.include({ role: 'admin', email: 'jiro3@example.jp' });
  });

  it('speaks English', async () => {
    const form = await openForm('en');
    getByRole('button', 'Check').click();
    await waitUntil(() => visibleText(form).includes('User name is required.'), 'English message');
    expect(getByLabel('User name (katakana)')).to.exist;
    expect(getByLabel('General').checked).to.equal(true);
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation in input, errors, confirmation and done (${language})`, async () => {
      const form = await openForm(language);
      await expect(form).to.be.accessible();
      getByRole('button', language === 'ja' ? '確認' : 'Check').click();
      await waitForSummary();
      await expect(form).to.be.accessible();
      await typeInto(getByLabel(language === 'ja' ? '利用者名' : 'User name'), '佐藤 次郎');
      await typeInto(getByLabel(language === 'ja' ? '利用者名カナ' : 'User name (katakana)'), 'サトウ ジロウ');
      await typeInto(getByLabel(language === 'ja' ? 'メールアドレス' : 'Email address'), `axe-${language}@example.jp`);
      await confirmAndSubmitAccessibly(form, language);
    });
  }
});

async function waitForSummary(): Promise<HTMLElement> {
  await waitUntil(() => queryAllByRole('alert').some((alert) => alert.classList.contains('error-summary')), 'error summary');
  return queryAllByRole('alert').find((alert) => alert.classList.contains('error-summary'))!;
}

/**
 * `cec-partner-sign-in` as the administrator meets it after mails ① and ②: sign in with the 管理用ID and
 * the first password, change it (the policy refused with specific messages), the lock-out after repeated
 * failures, keyboard only, axe, Japanese and English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/partner-sign-in/partner-sign-in.js';
import type { CecPartnerSignIn } from '../../src/components/partner-sign-in/partner-sign-in.component.js';
import type { SignedInDetail } from '../../src/components/partner-sign-in/sign-in-events.js';
import { MAX_SIGN_IN_FAILURES } from '../../src/domain/company-user.js';
import { MOCK_PARTNER } from '../../src/mocks/partner-admin.js';
import { deepActiveElement, descriptionOf, getByLabel, getByRole, queryAllByRole, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';
import { headingShown, usePartnerMock, tabAndType, tabTo } from './partner-admin-helpers.js';

const mock = usePartnerMock();

async function openSignIn(lang = 'ja'): Promise<CecPartnerSignIn> {
  const element = await fixture<CecPartnerSignIn>(html`<cec-partner-sign-in endpoint="/api" lang=${lang}></cec-partner-sign-in>`);
  await headingShown(lang === 'ja' ? 'ログイン' : 'Sign in');
  return element;
}

async function signIn(userId: string, password: string): Promise<void> {
  await replaceText(getByLabel('利用者ID'), userId);
  await replaceText(getByLabel('パスワード'), password);
  getByRole('button', 'ログイン').click();
}

async function changeHeadingShown(): Promise<void> {
  await headingShown('「初回ログインパスワード」を変更する');
}

describe('cec-partner-sign-in', () => {
  it('names each missing field, in a focused summary, and sends nothing', async () => {
    await openSignIn();
    getByRole('button', 'ログイン').click();
    const summary = await waitForAlert('入力内容に誤りがあります');
    expect(deepActiveElement()).to.equal(summary);
    expect(descriptionOf(getByLabel('利用者ID'))).to.contain('利用者IDを入力してください。');
    expect(descriptionOf(getByLabel('パスワード'))).to.contain('パスワードを入力してください。');
  });

  it('says a wrong password may lock the ID, without telling an unknown ID apart', async () => {
    await openSignIn();
    await signIn(MOCK_PARTNER.adminUserId, 'wrong-password');
    const wrong = await waitForAlert(/利用者IDまたはパスワードが正しくありません/);
    expect(visibleText(wrong)).to.contain(`続けて${MAX_SIGN_IN_FAILURES}回間違えると、30分間ログインできなくなります。`);
    await signIn('L9999999', 'wrong-password');
    await waitForAlert(/利用者IDまたはパスワードが正しくありません/);
  });

  it('locks the ID after repeated failures and says for how long, even with the right password', async () => {
    await openSignIn();
    for (let attempt = 1; attempt < MAX_SIGN_IN_FAILURES; attempt++) {
      await signIn(MOCK_PARTNER.adminUserId, `wrong-${attempt}`);
      await waitForAlert(/正しくありません/);
    }
    await signIn(MOCK_PARTNER.adminUserId, 'wrong-last');
    await waitForAlert('ログインに続けて失敗したため、この利用者IDはロックされています。30分後にもう一度ログインしてください。');
    await signIn(MOCK_PARTNER.adminUserId, MOCK_PARTNER.initialPassword);
    await waitUntil(() => mockCallsDone(), 'the answer');
    await waitForAlert(/ロックされています。(29|30)分後/);
    expect(queryAllByRole('heading', '「初回ログインパスワード」を変更する')).to.have.length(0);
  });

  it('forces the first password change, refusing each policy breach with its own message', async () => {
    const element = await openSignIn();
    const signedIn: SignedInDetail[] = [];
    element.addEventListener('cec-signed-in', (event) => signedIn.push(event.detail));
    await signIn('Ｌ００００００１', MOCK_PARTNER.initialPassword);
    await changeHeadingShown();
    await waitUntil(() => deepActiveElement() === getByRole('heading', '「初回ログインパスワード」を変更する'), 'heading focused');
    expect(signedIn, 'no session before the change').to.deep.equal([]);
    const newPassword = getByLabel('新しいパスワード');
    const confirmation = getByLabel('新しいパスワード（確認）');
    const refusals: Array<[string, string]> = [
      ['abc123', '新しいパスワードは10文字以上で入力してください。'],
      ['kensetsukaisha', '新しいパスワードには英字と数字をそれぞれ1文字以上含めてください。'],
      ['my-l0000001-pass', '新しいパスワードに利用者IDを含めることはできません。'],
      [MOCK_PARTNER.initialPassword, '新しいパスワードには現在のパスワードと異なるものを入力してください。'],
    ];
    for (const [typed, message] of refusals) {
      await replaceText(newPassword, typed);
      await replaceText(confirmation, typed);
      getByRole('button', 'パスワードを変更する').click();
      await waitUntil(() => descriptionOf(newPassword).includes(message), message);
    }
    await replaceText(newPassword, 'kensetsu2027');
    await replaceText(confirmation, 'kensetsu2028');
    getByRole('button', 'パスワードを変更する').click();
    await waitUntil(() => descriptionOf(confirmation).includes('新しいパスワード（確認）が新しいパスワードと一致しません。'), 'mismatch');
    await replaceText(confirmation, 'kensetsu2027');
    getByRole('button', 'パスワードを変更する').click();
    await headingShown('ログインしました');
    expect(visibleText(element)).to.contain('パスワードを変更しました。');
    expect(signedIn).to.have.length(1);
    expect(signedIn[0]).to.include({ passwordChanged: true });
    expect(signedIn[0]!.user).to.deep.equal({ userId: MOCK_PARTNER.adminUserId, name: '山田 花子', role: 'admin' });
    // The new password works; the mailed one no longer does.
    const again = await openSignIn();
    await signIn(MOCK_PARTNER.adminUserId, MOCK_PARTNER.initialPassword);
    await waitForAlert(/正しくありません/);
    await signIn(MOCK_PARTNER.adminUserId, 'kensetsu2027');
    await headingShown('ログインしました');
    expect(visibleText(again)).not.to.contain('パスワードを変更しました。');
  });

  it('shows the backend verdict on a wrong current password at its field', async () => {
    await openSignIn();
    await signIn(MOCK_PARTNER.adminUserId, MOCK_PARTNER.initialPassword);
    await changeHeadingShown();
    await replaceText(getByLabel('現在のパスワード（初回ログインパスワード）'), 'not-the-mailed-one');
    await typeInto(getByLabel('新しいパスワード'), 'kensetsu2027');
    await typeInto(getByLabel('新しいパスワード（確認）'), 'kensetsu2027');
    getByRole('button', 'パスワードを変更する').click();
    const current = getByLabel('現在のパスワード（初回ログインパスワード）');
    await waitUntil(() => descriptionOf(current).includes('現在のパスワード（初回ログインパスワード）が正しくありません。'), 'server issue shown');
  });

  it('offers a retry after a network failure, and the retry signs in', async () => {
    await openSignIn();
    mock.backend.failNext({ network: true });
    await signIn(MOCK_PARTNER.adminUserId, MOCK_PARTNER.initialPassword);
    await waitForAlert(/通信できませんでした/);
    getByRole('button', '再試行').click();
    await changeHeadingShown();
  });

  it('can be done with the keyboard alone', async () => {
    await openSignIn();
    await tabAndType(() => getByLabel('利用者ID'), '利用者ID', MOCK_PARTNER.adminUserId);
    await tabAndType(() => getByLabel('パスワード'), 'パスワード', MOCK_PARTNER.initialPassword);
    await sendKeys({ press: 'Enter' });
    await changeHeadingShown();
    await tabAndType(() => getByLabel('新しいパスワード'), '新しいパスワード', 'kensetsu2027');
    await tabAndType(() => getByLabel('新しいパスワード（確認）'), '確認', 'kensetsu2027');
    await tabTo(() => getByRole('button', 'パスワードを変更する'), 'the change button');
    await sendKeys({ press: 'Enter' });
    await headingShown('ログインしました');
  });

  it('speaks English', async () => {
    const element = await openSignIn('en');
    await typeInto(getByLabel('User ID'), MOCK_PARTNER.adminUserId);
    await typeInto(getByLabel('Password'), 'wrong');
    getByRole('button', 'Sign in').click();
    await waitUntil(() => visibleText(element).includes('The user ID or the password is wrong.'), 'English failure');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation signing in, with errors, changing the password and when done (${language})`, async () => {
      const element = await openSignIn(language);
      await expect(element).to.be.accessible();
      getByRole('button', language === 'ja' ? 'ログイン' : 'Sign in').click();
      await waitUntil(() => queryAllByRole('alert').length > 0, 'errors');
      await expect(element).to.be.accessible();
      await typeInto(getByLabel(language === 'ja' ? '利用者ID' : 'User ID'), MOCK_PARTNER.adminUserId);
      await typeInto(getByLabel(language === 'ja' ? 'パスワード' : 'Password'), MOCK_PARTNER.initialPassword);
      getByRole('button', language === 'ja' ? 'ログイン' : 'Sign in').click();
      await waitUntil(() => element.shadowRoot!.querySelector('#field-newPassword'), 'change view');
      await expect(element).to.be.accessible();
    });
  }
});

/** Waits for the one alert whose text matches, and returns it. */
async function waitForAlert(text: string | RegExp): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitUntil(() => {
    found = queryAllByRole('alert').find((alert) => (typeof text === 'string' ? visibleText(alert).includes(text) : text.test(visibleText(alert))));
    return found;
  }, `alert ${String(text)}`);
  return found!;
}

/** True once the element is not waiting for an answer. */
function mockCallsDone(): boolean {
  return queryAllByRole('button', 'ログイン').every((button) => !button.hasAttribute('disabled'));
}

/**
 * The administrator's first steps and the appendix, end to end across the five partner elements against
 * the partner mock, as the issue's "done when" walks them (the reference server's half comes later): sign
 * in with the mailed 管理用ID and password → change it → add a user (their two mails arrive) → request a
 * certificate for them → the operator issues it (the PIN mail) → the user signs in with their mailed ID
 * and password, changes it, confirms the certificate with the PIN → the list says they can sign.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/partner-sign-in/partner-sign-in.js';
import '../../src/components/company-user-form/company-user-form.js';
import '../../src/components/company-users/company-users.js';
import '../../src/components/signer-certificate-form/signer-certificate-form.js';
import '../../src/components/certificate-activation/certificate-activation.js';
import type { SignedInDetail } from '../../src/components/partner-sign-in/sign-in-events.js';
import type { UserRegisteredDetail } from '../../src/components/company-user-form/company-user-events.js';
import type { CertificateRequestedDetail } from '../../src/components/signer-certificate-form/signer-certificate-events.js';
import { MOCK_PARTNER } from '../../src/mocks/partner-admin.js';
import { getByLabel, getByRole, typeInto, visibleText, waitUntil } from '../helpers.js';
import { headingShown, usePartnerMock } from './partner-admin-helpers.js';

const mock = usePartnerMock();

/** Signs in through `<cec-partner-sign-in>` with the mailed password, changes it, and gives the session. */
async function signInFirstTime(userId: string, mailedPassword: string, newPassword: string): Promise<SignedInDetail> {
  const element = await fixture<HTMLElementTagNameMap['cec-partner-sign-in']>(html`<cec-partner-sign-in endpoint="/api"></cec-partner-sign-in>`);
  const signedIn = new Promise<SignedInDetail>((resolve) => element.addEventListener('cec-signed-in', (event) => resolve(event.detail)));
  await typeInto(getByLabel('利用者ID'), userId);
  await typeInto(getByLabel('パスワード'), mailedPassword);
  getByRole('button', 'ログイン').click();
  await headingShown('「初回ログインパスワード」を変更する');
  await typeInto(getByLabel('新しいパスワード'), newPassword);
  await typeInto(getByLabel('新しいパスワード（確認）'), newPassword);
  getByRole('button', 'パスワードを変更する').click();
  const detail = await signedIn;
  element.remove();
  return detail;
}

/** The secret of the last mail with `subject` sent to `to`. */
function mailed(to: string, subject: string): string {
  const mail = mock.backend.mails.filter((each) => each.to === to && each.subject === `【CECTRUST-Lightサービス】${subject}のお知らせ`).at(-1);
  if (!mail) throw new Error(`No ${subject} mail to ${to}`);
  return mail.secret;
}

describe('the partner administrator, end to end against the mock', () => {
  it('signs in, adds a user, gets them a certificate, and the user confirms it and can sign', async () => {
    const admin = await signInFirstTime(MOCK_PARTNER.adminUserId, MOCK_PARTNER.initialPassword, 'kensetsu2027');
    expect(admin.user.role).to.equal('admin');

    // 付録 ①: 自社利用者情報登録 → 確認 → 確定; the new user's two mails arrive.
    const form = await fixture<HTMLElementTagNameMap['cec-company-user-form']>(html`<cec-company-user-form endpoint="/api" .session=${admin.session}></cec-company-user-form>`);
    const registered = new Promise<UserRegisteredDetail>((resolve) => form.addEventListener('cec-user-registered', (event) => resolve(event.detail)));
    await typeInto(getByLabel('利用者名'), '鈴木 三郎');
    await typeInto(getByLabel('利用者名カナ'), 'すずき さぶろう');
    await typeInto(getByLabel('メールアドレス'), 'saburo@example.jp');
    getByRole('button', '確認').click();
    await headingShown('自社利用者情報登録確認');
    getByRole('button', '確定').click();
    const { user } = await registered;
    form.remove();
    expect(mailed('saburo@example.jp', '利用者ID発行')).to.equal(user.userId);
    const firstPassword = mailed('saburo@example.jp', '初回ログインパスワード');

    // 付録 ② ①: a new certificate for them.
    const signer = await fixture<HTMLElementTagNameMap['cec-signer-certificate-form']>(html`<cec-signer-certificate-form endpoint="/api" user-id=${user.userId} .session=${admin.session}></cec-signer-certificate-form>`);
    await waitUntil(() => signer.shadowRoot!.querySelector('select'), 'users loaded');
    const requested = new Promise<CertificateRequestedDetail>((resolve) => signer.addEventListener('cec-certificate-requested', (event) => resolve(event.detail)));
    await typeInto(getByLabel('部署名(日本語)'), '工事部');
    await typeInto(getByLabel('部署名(アルファベット)'), 'KOJIBU');
    await typeInto(getByLabel('役職名(日本語)'), '部長');
    await typeInto(getByLabel('役職名(アルファベット)'), 'BUCHO');
    getByRole('button', '確認').click();
    await headingShown('電子証明書追加発行申請の確認');
    getByRole('button', '確定').click();
    const { certificateId } = await requested;
    signer.remove();

    // The operator issues it (wave 2): the PIN mail goes to the user.
    mock.backend.issueCertificate(certificateId);
    const pin = mailed('saburo@example.jp', 'PIN');

    // The user's own first steps: sign in, change the password, 証明書の有効性確認.
    const newUser = await signInFirstTime(user.userId, firstPassword, 'suzuki-2027');
    expect(newUser.user).to.deep.equal({ userId: user.userId, name: '鈴木 三郎', role: 'general' });
    const activation = await fixture(html`<cec-certificate-activation endpoint="/api" .session=${newUser.session}></cec-certificate-activation>`);
    await waitUntil(() => activation.shadowRoot!.querySelector('form'), 'PIN form');
    await typeInto(getByLabel('PIN'), pin);
    getByRole('button', '有効性を確認する').click();
    await headingShown('電子証明書が有効になりました');
    activation.remove();

    // 自社利用者照会: they can sign now.
    const users = await fixture(html`<cec-company-users endpoint="/api" .session=${admin.session}></cec-company-users>`);
    await waitUntil(() => users.shadowRoot!.querySelectorAll('tbody tr').length === 3, 'three users');
    const row = [...users.shadowRoot!.querySelectorAll('tbody tr')].find((each) => each.textContent?.includes(user.userId))!;
    expect(visibleText(row)).to.contain('署名可');
    expect(mock.backend.received.map((each) => each.path)).to.deep.equal(['/partner/users', '/partner/certificate-requests']);
  });
});

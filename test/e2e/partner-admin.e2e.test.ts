/**
 * After the application, end to end in Chromium against the real reference server (no mocks), as
 * issue 13's "done when" walks it: apply → the operator's wave 1 → its mails read from the outbox →
 * sign in → change the first password → add a user (their mails arrive) → request a certificate for
 * them → the operator issues it → the PIN mail → 有効性確認 → the user can sign. Bad input at each step
 * gets its specific message; a registration whose answer is lost is retried and stored once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/apply-wizard/apply-wizard.js';
import '../../src/components/certificate-activation/certificate-activation.js';
import '../../src/components/company-user-form/company-user-form.js';
import '../../src/components/company-users/company-users.js';
import '../../src/components/partner-sign-in/partner-sign-in.js';
import '../../src/components/signer-certificate-form/signer-certificate-form.js';
import type { SignedInDetail } from '../../src/components/partner-sign-in/sign-in-events.js';
import type { UserRegisteredDetail } from '../../src/components/company-user-form/company-user-events.js';
import type { CertificateRequestedDetail } from '../../src/components/signer-certificate-form/signer-certificate-events.js';
import { getByLabel, getByRole, queryByLabel, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';
import { ADMIN_USER, applyAsCorporation, samplePdf } from '../components/wizard-helpers.js';
import { headingShown } from '../components/partner-admin-helpers.js';

interface Backend {
  endpoint: string;
  apiKey: string;
}

interface Mail {
  id: number;
  to: string;
  subject: string;
  body: string;
}

const server = <T>(action: string, extra: Record<string, unknown> = {}) =>
  executeServerCommand<T, Record<string, unknown>>('reference-server', { action, origin: location.origin, ...extra });

const subject = (name: string) => `【CECTRUST-Lightサービス】${name}のお知らせ`;

describe('after the application, end to end with the reference server', function () {
  this.timeout(120_000);
  let backend: Backend;
  let operatorKey: string;

  before(async () => {
    backend = (await server<Backend>('start', { faults: true }))!;
    operatorKey = (await server<string>('operator-key'))!;
  });
  after(() => server('stop'));

  async function operator<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${backend.endpoint}/operator${path}`, {
      method,
      headers: { Authorization: `Bearer ${operatorKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).to.equal(200);
    return (await response.json()) as T;
  }

  /** The mails to `to`, oldest first, as the recipient reads them (the operator's demo mailbox). */
  async function mailsTo(to: string): Promise<Mail[]> {
    const { mails } = await operator<{ mails: Array<{ id: number }> }>('GET', `/outbox?to=${encodeURIComponent(to)}`);
    return Promise.all(mails.reverse().map((mail) => operator<Mail>('GET', `/outbox/${mail.id}`)));
  }

  /** The value after `label：` in the last mail to `to` with `name`'s subject. */
  async function mailed(to: string, name: string, label: string): Promise<string> {
    const mail = (await mailsTo(to)).filter((each) => each.subject === subject(name)).at(-1);
    const value = new RegExp(`${label}：(\\S+)`).exec(mail?.body ?? '')?.[1];
    if (!value) throw new Error(`no ${label} in a ${name} mail to ${to}`);
    return value;
  }

  async function apply(): Promise<string> {
    const invited = await fetch(`${backend.endpoint}/admin/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${backend.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ partner: { companyName: '株式会社山田建設', contactName: '山田 太郎', email: 'taro@example.co.jp' } }),
    });
    const { token } = (await invited.json()) as { token: string };
    const wizard = await fixture<HTMLElementTagNameMap['cec-apply-wizard']>(html`<cec-apply-wizard endpoint=${backend.endpoint} token=${token} no-resume></cec-apply-wizard>`);
    await waitUntil(() => visibleText(wizard).includes('発注建設株式会社'), 'invitation shown');
    const receiptNumber = await applyAsCorporation(wizard, samplePdf());
    wizard.remove();
    return receiptNumber;
  }

  /**
   * Signs in with the mailed password through `<cec-partner-sign-in>` — a wrong password first, a too
   * short new one next, each with its message — and changes it.
   */
  async function signInFirstTime(userId: string, mailedPassword: string, newPassword: string): Promise<SignedInDetail> {
    const element = await fixture<HTMLElementTagNameMap['cec-partner-sign-in']>(html`<cec-partner-sign-in endpoint=${backend.endpoint}></cec-partner-sign-in>`);
    const signedIn = new Promise<SignedInDetail>((resolve) => element.addEventListener('cec-signed-in', (event) => resolve(event.detail)));
    await typeInto(getByLabel('利用者ID'), userId);
    await typeInto(getByLabel('パスワード'), `${mailedPassword}x`);
    getByRole('button', 'ログイン').click();
    await waitUntil(() => visibleText(element).includes('利用者IDまたはパスワードが正しくありません。続けて5回間違えると、30分間ログインできなくなります。'), 'wrong password said');
    await replaceText(getByLabel('パスワード'), mailedPassword);
    getByRole('button', 'ログイン').click();
    await headingShown('「初回ログインパスワード」を変更する');
    await typeInto(getByLabel('新しいパスワード'), 'short1');
    await typeInto(getByLabel('新しいパスワード（確認）'), 'short1');
    getByRole('button', 'パスワードを変更する').click();
    await waitUntil(() => visibleText(element).includes('新しいパスワードは10文字以上で入力してください。'), 'too short said');
    await replaceText(getByLabel('新しいパスワード'), newPassword);
    await replaceText(getByLabel('新しいパスワード（確認）'), newPassword);
    getByRole('button', 'パスワードを変更する').click();
    const detail = await signedIn;
    element.remove();
    return detail;
  }

  it('walks from the application to a user who can sign, each step refusing bad input with its message', async () => {
    // The application and its receipt mail (FAQ 5).
    const receiptNumber = await apply();
    expect((await mailsTo(ADMIN_USER.email)).map((mail) => mail.subject)).to.deep.equal(['【CECTRUST-Lightサービス】利用申請受付のお知らせ']);

    // The operator's wave 1: mails ①–③ to the administrator of STEP 3.
    // The list is paged, and the test server's clock stands still (ties come in id order): page to it.
    type Listed = { applications: Array<{ id: string; receiptNumber: string; stage: string }>; nextCursor?: string };
    let application: Listed['applications'][number] | undefined;
    for (let cursor: string | undefined = '', pages = 0; cursor !== undefined && !application && pages < 100; pages += 1) {
      const page: Listed = await operator<Listed>('GET', `/applications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      application = page.applications.find((each) => each.receiptNumber === receiptNumber);
      cursor = page.nextCursor;
    }
    if (!application) throw new Error(`the operator does not list ${receiptNumber}`);
    expect(application.stage).to.equal('accepted');
    await operator('POST', `/applications/${application.id}/stage`, { stage: 'usersIssued' });
    expect((await mailsTo(ADMIN_USER.email)).map((mail) => mail.subject).slice(1)).to.deep.equal([
      subject('利用者ID発行'),
      subject('初回ログインパスワード'),
      subject('サービス利用企業登録完了'),
    ]);
    const adminId = await mailed(ADMIN_USER.email, '利用者ID発行', '利用者ID');
    const admin = await signInFirstTime(adminId, await mailed(ADMIN_USER.email, '初回ログインパスワード', '初回ログインパスワード'), 'kensetsu2027');
    expect(admin.user).to.deep.equal({ userId: adminId, name: ADMIN_USER.name, role: 'admin' });

    // 自社利用者登録: a taken address is told at its field; the answer of 確定 is lost and 再試行 stores once.
    const form = await fixture<HTMLElementTagNameMap['cec-company-user-form']>(
      html`<cec-company-user-form endpoint=${backend.endpoint} .session=${admin.session}></cec-company-user-form>`,
    );
    const registered = new Promise<UserRegisteredDetail>((resolve) => form.addEventListener('cec-user-registered', (event) => resolve(event.detail)));
    await typeInto(getByLabel('利用者名'), '佐藤 次郎');
    await typeInto(getByLabel('利用者名カナ'), 'さとう じろう');
    await typeInto(getByLabel('メールアドレス'), ADMIN_USER.email);
    getByRole('button', '確認').click();
    await headingShown('自社利用者情報登録確認');
    getByRole('button', '確定').click();
    await waitUntil(() => queryByLabel('メールアドレス')?.getAttribute('aria-invalid') === 'true', 'taken address marked');
    expect(visibleText(form)).to.contain('このメールアドレスの利用者はすでに登録されています。');
    await replaceText(getByLabel('メールアドレス'), 'jiro@example.co.jp');
    getByRole('button', '確認').click();
    await headingShown('自社利用者情報登録確認');
    await server('kill-mid-request', { when: 'answered', path: '/api/partner/users' });
    getByRole('button', '確定').click();
    await waitUntil(() => visibleText(form).includes('通信できませんでした'), 'lost answer said');
    await server('start-again');
    getByRole('button', '再試行').click();
    const { user } = await registered;
    form.remove();
    expect(await server<number>('count-rows', { table: 'partner_users' })).to.equal(2, 'the administrator and 佐藤 次郎, once');
    expect((await mailsTo('jiro@example.co.jp')).map((mail) => mail.subject)).to.deep.equal([subject('利用者ID発行'), subject('初回ログインパスワード')]);
    expect(await mailed('jiro@example.co.jp', '利用者ID発行', '利用者ID')).to.equal(user.userId);

    // 電子証明書追加発行申請 for them: STEP 4's rules (≤ 60 together), then 確定.
    const signer = await fixture<HTMLElementTagNameMap['cec-signer-certificate-form']>(
      html`<cec-signer-certificate-form endpoint=${backend.endpoint} user-id=${user.userId} .session=${admin.session}></cec-signer-certificate-form>`,
    );
    await waitUntil(() => signer.shadowRoot!.querySelector('select'), 'users loaded');
    const requested = new Promise<CertificateRequestedDetail>((resolve) => signer.addEventListener('cec-certificate-requested', (event) => resolve(event.detail)));
    await typeInto(getByLabel('部署名(日本語)'), '工事部');
    await typeInto(getByLabel('部署名(アルファベット)'), 'K'.repeat(40));
    await typeInto(getByLabel('役職名(日本語)'), '部長');
    await typeInto(getByLabel('役職名(アルファベット)'), 'B'.repeat(30));
    getByRole('button', '確認').click();
    await waitUntil(() => visibleText(signer).includes('部署名と役職名（アルファベット）はあわせて60文字以内で入力してください。'), 'too long said');
    await replaceText(getByLabel('部署名(アルファベット)'), 'KOJIBU');
    await replaceText(getByLabel('役職名(アルファベット)'), 'BUCHO');
    getByRole('button', '確認').click();
    await headingShown('電子証明書追加発行申請の確認');
    getByRole('button', '確定').click();
    const { certificateId } = await requested;
    signer.remove();

    // The operator issues it: the PIN mail goes to the user.
    const pending = await operator<{ certificateRequests: Array<{ certificateId: string }> }>('GET', '/certificate-requests?state=requested');
    expect(pending.certificateRequests.map((each) => each.certificateId)).to.deep.equal([certificateId]);
    await operator('POST', `/certificate-requests/${certificateId}/issue`);
    const pin = await mailed('jiro@example.co.jp', 'PIN', 'PIN');

    // The user's own first steps, then 証明書の有効性確認: a wrong PIN says how many tries are left.
    const jiro = await signInFirstTime(user.userId, await mailed('jiro@example.co.jp', '初回ログインパスワード', '初回ログインパスワード'), 'sato-jiro-2027');
    const activation = await fixture(html`<cec-certificate-activation endpoint=${backend.endpoint} .session=${jiro.session}></cec-certificate-activation>`);
    await waitUntil(() => activation.shadowRoot!.querySelector('form'), 'PIN form');
    await typeInto(getByLabel('PIN'), pin === '00000000' ? '11111111' : '00000000');
    getByRole('button', '有効性を確認する').click();
    await waitUntil(() => visibleText(activation).includes('PINが正しくありません。あと4回間違えると、この電子証明書の有効性確認はロックされます。'), 'wrong PIN said');
    await replaceText(getByLabel('PIN'), pin);
    getByRole('button', '有効性を確認する').click();
    await headingShown('電子証明書が有効になりました');
    activation.remove();

    // 自社利用者照会: the user can sign; the operator's wave 2 completes the company's registration.
    const users = await fixture(html`<cec-company-users endpoint=${backend.endpoint} .session=${admin.session}></cec-company-users>`);
    await waitUntil(() => users.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'two users');
    const row = [...users.shadowRoot!.querySelectorAll('tbody tr')].find((each) => each.textContent?.includes(user.userId))!;
    expect(visibleText(row as HTMLElement)).to.contain('署名可');
    users.remove();
    await operator('POST', `/applications/${application.id}/stage`, { stage: 'registered' });
    expect((await mailsTo(ADMIN_USER.email)).map((mail) => mail.subject).slice(-3)).to.deep.equal([subject('電子証明書発行'), subject('PIN'), subject('利用登録完了')]);
    expect(await server<number>('count-rows', { table: 'partner_certificates' })).to.equal(2, 'the STEP 4 certificate and the one asked for, once each');
  });
});

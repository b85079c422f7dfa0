import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../src/components/invitation-form/invitation-form.js';
import type { CecInvitationForm } from '../../src/components/invitation-form/invitation-form.component.js';
import type { IssuedInvitationDetail } from '../../src/components/invitation-form/invitation-events.js';
import {
  deepActiveElement,
  descriptionOf,
  getByLabel,
  getByRole,
  queryAllByRole,
  queryAllByText,
  replaceText,
  typeInto,
  visibleText,
  waitUntil,
} from '../helpers.js';

const API_KEY = 'test-admin-key';
const PARTNER = { companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp' };

/** What the admin API received: the parsed body and the Authorization header of each call. */
interface Received {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}
let received: Received[] = [];
let issuedCount = 0;

function issued(id: string, expiresAt: string) {
  issuedCount += 1;
  const token = `token-${issuedCount}`;
  return { id, token, url: `http://localhost:8787/?token=${token}`, expiresAt, state: 'open', partner: PARTNER };
}

async function record(request: Request): Promise<void> {
  const text = await request.text();
  received.push({
    method: request.method,
    path: new URL(request.url).pathname,
    authorization: request.headers.get('Authorization'),
    body: text ? JSON.parse(text) : undefined,
  });
}

const unauthorized = () =>
  HttpResponse.json({ error: { code: 'unauthorized', message: 'A valid API key is required.' } }, { status: 401 });

/** The admin routes as the reference server answers them, for the one key `API_KEY`. */
const adminHandlers = [
  http.post('/api/admin/invitations', async ({ request }) => {
    await record(request);
    if (request.headers.get('Authorization') !== `Bearer ${API_KEY}`) return unauthorized();
    return HttpResponse.json(issued('inv-1', '2025-01-31T14:59:00.000Z'), { status: 201 });
  }),
  http.post('/api/admin/invitations/:id/resend', async ({ request, params }) => {
    await record(request);
    if (request.headers.get('Authorization') !== `Bearer ${API_KEY}`) return unauthorized();
    return HttpResponse.json(issued(String(params.id), '2025-03-07T03:00:00.000Z'));
  }),
];

const worker = setupWorker(...adminHandlers);

async function openForm(apiKey = API_KEY, lang?: string): Promise<CecInvitationForm> {
  return fixture<CecInvitationForm>(
    html`<cec-invitation-form endpoint="/api" .apiKey=${apiKey} lang=${lang ?? 'ja'}></cec-invitation-form>`,
  );
}

async function fillPartner(partner = PARTNER): Promise<void> {
  await typeInto(getByLabel('取引先企業名'), partner.companyName);
  await typeInto(getByLabel('担当者名'), partner.contactName);
  await typeInto(getByLabel('メールアドレス'), partner.email);
}

function openSection(summary: string): void {
  const [element] = queryAllByText(summary);
  if (!element) throw new Error(`No section ${summary}`);
  element.click();
}

async function submitAndWaitForLink(): Promise<HTMLInputElement> {
  getByRole('button', '招待リンクを発行する').click();
  await waitUntil(() => queryAllByRole('heading', /招待リンクを(再)?発行しました/).length === 1, 'the issued link');
  return getByLabel<HTMLInputElement>('招待リンク');
}

describe('cec-invitation-form', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } }));
  after(() => worker.stop());
  beforeEach(() => {
    received = [];
    issuedCount = 0;
  });
  afterEach(() => worker.resetHandlers());

  it('ties each missing required field to its message and lists them in a summary, sending nothing', async () => {
    await openForm();
    getByRole('button', '招待リンクを発行する').click();
    const companyName = getByLabel('取引先企業名');
    await waitUntil(() => companyName.getAttribute('aria-invalid') === 'true', 'company name marked invalid');
    expect(descriptionOf(companyName)).to.contain('取引先企業名を入力してください。');
    expect(descriptionOf(getByLabel('担当者名'))).to.contain('担当者名を入力してください。');
    expect(descriptionOf(getByLabel('メールアドレス'))).to.contain('メールアドレスを入力してください。');
    const summary = getByRole('alert');
    expect(visibleText(summary)).to.contain('入力内容に誤りがあります');
    expect(queryAllByRole('link', undefined, summary).map((link) => link.textContent?.trim())).to.deep.equal([
      '取引先企業名を入力してください。',
      '担当者名を入力してください。',
      'メールアドレスを入力してください。',
    ]);
    expect(deepActiveElement()).to.equal(summary);
    expect(received).to.deep.equal([]);
  });

  it('refuses an email address that is not one, once the user has left the field', async () => {
    await openForm();
    const email = getByLabel('メールアドレス');
    await typeInto(email, 'yamada@');
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    email.blur();
    await waitUntil(() => email.getAttribute('aria-invalid') === 'true', 'email marked invalid');
    expect(descriptionOf(email)).to.contain('メールアドレスの形式が正しくありません');
  });

  it('refuses a javascript: and an http: logo URL, and takes an https one', async () => {
    await openForm();
    await fillPartner();
    openSection('申請画面の表示を設定する（任意）');
    const logo = getByLabel('ロゴ画像のURL');
    for (const refused of ['javascript:alert(1)', 'http://example.jp/logo.png']) {
      await replaceText(logo, refused);
      logo.blur();
      await waitUntil(() => logo.getAttribute('aria-invalid') === 'true', `${refused} refused`);
      expect(descriptionOf(logo)).to.contain('ロゴ画像のURLは https:// で始まるURLを入力してください。');
      getByRole('button', '招待リンクを発行する').click();
      await waitUntil(() => deepActiveElement() === queryAllByRole('alert')[0], 'error summary focused');
      expect(received).to.deep.equal([]);
    }
    await replaceText(logo, 'https://example.jp/logo.png');
    await waitUntil(() => logo.getAttribute('aria-invalid') === 'false', 'https accepted');
  });

  it('refuses a theme colour that is not #rrggbb', async () => {
    await openForm();
    openSection('申請画面の表示を設定する（任意）');
    const colour = getByLabel('テーマカラー');
    await typeInto(colour, 'red');
    colour.blur();
    await waitUntil(() => colour.getAttribute('aria-invalid') === 'true', 'colour refused');
    expect(descriptionOf(colour)).to.contain('# と16進数');
  });

  it('POSTs exactly the partner alone, with the API key as a Bearer token', async () => {
    await openForm();
    await fillPartner({ companyName: ' 山田建設株式会社 ', contactName: '山田 太郎', email: 'yamada@example.jp' });
    await submitAndWaitForLink();
    expect(received).to.deep.equal([
      {
        method: 'POST',
        path: '/api/admin/invitations',
        authorization: `Bearer ${API_KEY}`,
        body: { partner: PARTNER },
      },
    ]);
  });

  it('POSTs exactly the prefill, branding and allowed kinds typed', async () => {
    await openForm();
    await fillPartner();
    openSection('取引先の企業情報をあらかじめ入力する（任意）');
    const kind = getByLabel<HTMLSelectElement>('種類');
    kind.value = 'corporation';
    kind.dispatchEvent(new Event('change'));
    await typeInto(getByLabel('法人番号'), '7000012050002');
    await typeInto(getByLabel('企業名カナ'), 'ヤマダケンセツ');
    await typeInto(getByLabel('企業住所'), '東京都港区新橋2-4-1');
    await typeInto(getByLabel('代表者'), '山田 一郎');
    openSection('申請画面の表示を設定する（任意）');
    await typeInto(getByLabel('表示名'), '発注建設');
    await typeInto(getByLabel('ロゴ画像のURL'), 'https://example.jp/logo.png');
    await typeInto(getByLabel('テーマカラー'), '#0055aa');
    getByLabel('個人事業主').click();
    getByLabel('マンション等管理組合（未登記）').click();
    await submitAndWaitForLink();
    expect(received).to.have.length(1);
    expect(received[0]!.authorization).to.equal(`Bearer ${API_KEY}`);
    expect(received[0]!.body).to.deep.equal({
      partner: PARTNER,
      prefill: {
        company: {
          kind: 'corporation',
          corporateNumber: '7000012050002',
          nameKana: 'ヤマダケンセツ',
          address: '東京都港区新橋2-4-1',
          representative: '山田 一郎',
        },
      },
      branding: { displayName: '発注建設', logoUrl: 'https://example.jp/logo.png', primaryColor: '#0055aa' },
      allowedKinds: ['corporation', 'municipality'],
    });
  });

  it('refuses a prefilled corporate number whose check digit is wrong', async () => {
    await openForm();
    await fillPartner();
    openSection('取引先の企業情報をあらかじめ入力する（任意）');
    await typeInto(getByLabel('法人番号'), '7000012050003');
    getByRole('button', '招待リンクを発行する').click();
    await waitUntil(() => getByLabel('法人番号').getAttribute('aria-invalid') === 'true', 'corporate number refused');
    expect(descriptionOf(getByLabel('法人番号'))).to.contain('チェックデジット');
    expect(received).to.deep.equal([]);
  });

  it('shows the issued link and its expiry in Japan time, and tells the host without the bare token', async () => {
    const form = await openForm();
    const events: IssuedInvitationDetail[] = [];
    form.addEventListener('cec-invitation-created', (event) => events.push(event.detail));
    await fillPartner();
    const link = await submitAndWaitForLink();
    expect(link.value).to.equal('http://localhost:8787/?token=token-1');
    expect(link.readOnly).to.equal(true);
    expect(visibleText(form)).to.contain('有効期限：2025年1月31日 23:59（日本時間）');
    expect(visibleText(form)).to.contain('宛先：山田建設株式会社 山田 太郎 様（yamada@example.jp）');
    expect(events).to.deep.equal([{ id: 'inv-1', url: 'http://localhost:8787/?token=token-1', expiresAt: '2025-01-31T14:59:00.000Z' }]);
    expect(deepActiveElement()).to.equal(getByRole('heading', '招待リンクを発行しました'));
  });

  it('resends: shows the new link and expiry and says the old link no longer works', async () => {
    const form = await openForm();
    const resent: IssuedInvitationDetail[] = [];
    form.addEventListener('cec-invitation-resent', (event) => resent.push(event.detail));
    await fillPartner();
    await submitAndWaitForLink();
    getByRole('button', '再送').click();
    await waitUntil(() => queryAllByRole('heading', '招待リンクを再発行しました').length === 1, 'the new link');
    expect(getByLabel<HTMLInputElement>('招待リンク').value).to.equal('http://localhost:8787/?token=token-2');
    expect(visibleText(form)).to.contain('有効期限：2025年3月7日 12:00（日本時間）');
    expect(visibleText(form)).to.contain('以前の招待リンクは使えなくなりました。');
    expect(received.map((call) => `${call.method} ${call.path} ${call.authorization}`)).to.deep.equal([
      `POST /api/admin/invitations Bearer ${API_KEY}`,
      `POST /api/admin/invitations/inv-1/resend Bearer ${API_KEY}`,
    ]);
    expect(resent).to.deep.equal([{ id: 'inv-1', url: 'http://localhost:8787/?token=token-2', expiresAt: '2025-03-07T03:00:00.000Z' }]);
  });

  it('says the API key is wrong on a 401, and keeps what was typed', async () => {
    await openForm('wrong-key');
    await fillPartner();
    getByRole('button', '招待リンクを発行する').click();
    await waitUntil(() => queryAllByText(/APIキーが正しくありません/).length === 1, 'the API key message');
    expect(received[0]!.authorization).to.equal('Bearer wrong-key');
    expect(getByLabel<HTMLInputElement>('取引先企業名').value).to.equal(PARTNER.companyName);
    expect(queryAllByRole('button', '再試行')).to.have.length(0);
  });

  it('shows the server’s field issues on their fields', async () => {
    worker.use(
      http.post('/api/admin/invitations', () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'The request is not valid; see issues.',
              issues: [{ path: ['partner', 'email'], message: 'email', code: 'email' }],
            },
          },
          { status: 400 },
        ),
      ),
    );
    await openForm();
    await fillPartner();
    getByRole('button', '招待リンクを発行する').click();
    const email = getByLabel('メールアドレス');
    await waitUntil(() => email.getAttribute('aria-invalid') === 'true', 'server issue shown');
    expect(descriptionOf(email)).to.contain('メールアドレスの形式が正しくありません');
    expect(queryAllByText(/サーバーで入力内容の誤りが見つかりました/)).to.have.length(1);
  });

  it('offers to retry when the server cannot be reached, and the retry issues the link', async () => {
    let failures = 1;
    worker.use(
      http.post('/api/admin/invitations', () => {
        if (failures-- > 0) return HttpResponse.error();
        return undefined;
      }),
    );
    await openForm();
    await fillPartner();
    getByRole('button', '招待リンクを発行する').click();
    await waitUntil(() => queryAllByText(/サーバーに接続できません/).length === 1, 'the network message');
    getByRole('button', '再試行').click();
    await waitUntil(() => queryAllByRole('heading', '招待リンクを発行しました').length === 1, 'the link after retry');
  });

  it('copies the link, and selects it with a visible hint when the clipboard refuses', async () => {
    await openForm();
    await fillPartner();
    const link = await submitAndWaitForLink();
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    const copied: string[] = [];
    try {
      clipboard.writeText = async (text: string) => void copied.push(text);
      getByRole('button', 'コピー').click();
      await waitUntil(() => queryAllByText('リンクをコピーしました。').length === 1, 'copied');
      expect(copied).to.deep.equal([link.value]);

      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      getByRole('button', 'コピー').click();
      await waitUntil(() => queryAllByText(/自動でコピーできませんでした/).length === 1, 'fallback');
      expect(deepActiveElement()).to.equal(link);
      expect(link.value.slice(link.selectionStart ?? 0, link.selectionEnd ?? 0)).to.equal(link.value);
    } finally {
      clipboard.writeText = original;
    }
  });

  it('speaks English, with the expiry in en-GB', async () => {
    const form = await openForm(API_KEY, 'en');
    await waitUntil(() => queryAllByRole('heading', 'Invite a partner').length === 1, 'English');
    await typeInto(getByLabel('Partner company name'), PARTNER.companyName);
    await typeInto(getByLabel('Contact name'), PARTNER.contactName);
    await typeInto(getByLabel('Email address'), PARTNER.email);
    getByRole('button', 'Issue invitation link').click();
    await waitUntil(() => queryAllByRole('heading', 'Invitation link issued').length === 1, 'the link');
    expect(visibleText(form)).to.contain('Valid until 31 January 2025 at 23:59 (Japan time)');
  });

  it('never puts the API key in an attribute', async () => {
    const form = await openForm();
    expect(form.outerHTML).not.to.contain(API_KEY);
  });

  it('is accessible with every error shown', async () => {
    const form = await openForm();
    openSection('取引先の企業情報をあらかじめ入力する（任意）');
    openSection('申請画面の表示を設定する（任意）');
    getByRole('button', '招待リンクを発行する').click();
    await waitUntil(() => queryAllByRole('alert').length === 1, 'error summary');
    await expect(form).to.be.accessible();
  });

  it('is accessible showing the issued link', async () => {
    const form = await openForm();
    await fillPartner();
    await submitAndWaitForLink();
    await expect(form).to.be.accessible();
  });
});

/**
 * The applicant never loses their place, in a real browser as people use it: the built demo portal
 * behind the real reference server, driven from Node with playwright-core (a test page cannot reload
 * itself under @web/test-runner). Reload at every step, the browser's Back and Forward between steps and
 * across pages, completion revisited (reload, Back, the mail link again: the receipt, never a second
 * POST), 戻る on STEP 1 answered by the portal's own page, the deadline in the header, and the wizard
 * inside a page with its own pushState router (with the history on, and turned off by the host).
 * The token never comes back into the address bar or the history state.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { countRows, inviteDirectly, minimalPdf, type TestServer } from '../server/helpers.js';
import { startBuiltDemo, type BuiltDemo } from './built-demo.js';

const HEADINGS = ['STEP 1 利用規約確認', 'STEP 2 企業情報入力', 'STEP 3 利用者情報入力', 'STEP 4 証明書情報入力', 'STEP 5 申請内容確認', 'STEP 6 申請完了'];

/** What the applicant types on STEP 2–4, by label. */
const TYPED: Record<number, Record<string, string>> = {
  2: { 法人番号: '7000012050002', 企業名: '株式会社山田建設', 企業名カナ: 'ヤマダケンセツ', 企業住所: '東京都港区新橋2-4-1', 代表者: '山田 太郎' },
  3: { 氏名: '山田 花子', 氏名カナ: 'ヤマダ ハナコ', 所属: '総務部', 住所: '東京都港区新橋2-4-1', TEL番号: '03-3595-4605', メールアドレス: 'hanako@example.co.jp' },
  4: { '企業名(アルファベット)': 'YAMADA KENSETSU', '部署名(日本語)': '本社', '部署名(アルファベット)': 'HONSHA', '役職名(日本語)': '社長', '役職名(アルファベット)': 'SHACHO' },
};
const CONSENTS = ['CECTRUST-Light利用規約に同意します。', 'JCAN電子証明書利用規約に同意します。'];
const PDF_NAME = minimalPdf().name;

/**
 * A page with its own pushState router (the kind a host's single-page app has): links change the path,
 * popstate renders the route of the path, and only when the path changed (a well-behaved router).
 * `?no-history` in the page's address makes the wizard leave the history alone.
 */
const ROUTER_HOST = `
const outlet = document.querySelector('#outlet');
let shown = '';
function render() {
  if (location.pathname === shown) return;
  shown = location.pathname;
  if (shown.endsWith('/apply')) {
    const wizard = document.createElement('cec-apply-wizard');
    wizard.setAttribute('endpoint', '/api');
    if (sessionStorage.getItem('router-no-history')) wizard.setAttribute('no-history', '');
    outlet.replaceChildren(wizard);
  } else {
    const heading = document.createElement('h1');
    heading.textContent = 'ルーターのホーム';
    outlet.replaceChildren(heading);
  }
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState({ route: link.pathname }, '', link.href);
  render();
});
window.addEventListener('popstate', render);
render();
`;

describe('the applicant never loses their place (built portal, real server, real Chromium)', () => {
  let demo: BuiltDemo;
  let server: TestServer;

  before(async () => {
    demo = await startBuiltDemo();
    server = demo.server;
    const { outDir } = demo;
    // The router host loads the same built module as the portal (it defines the tags), and its router as a file (strict CSP).
    const portalScript = /<script type="module"[^>]*src="([^"]+)"/.exec(readFileSync(join(outDir, 'index.html'), 'utf8'))?.[1];
    assert.ok(portalScript, 'the built portal names its module');
    writeFileSync(join(outDir, 'router-host.js'), ROUTER_HOST);
    writeFileSync(
      join(outDir, 'router.html'),
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Router host</title>
<script type="module" src="${portalScript}"></script><script type="module" src="/router-host.js"></script></head>
<body><nav><a data-route href="/router.html">ホーム</a></nav><main id="outlet"></main></body></html>`,
    );
  });

  after(() => demo?.dispose());

  async function openPage(): Promise<{ page: Page; posts: string[] }> {
    const context = await demo.browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/applications')) posts.push(request.url());
    });
    return { page, posts };
  }

  const heading = (page: Page, step: number) => page.getByRole('heading', { name: HEADINGS[step - 1] });
  const textbox = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
  const next = (page: Page) => page.getByRole('button', { name: /^(次へ|利用規約に同意して次へ|確定)$/ }).click();

  /** The step's heading is shown. */
  async function expectStep(page: Page, step: number): Promise<void> {
    await heading(page, step).waitFor();
  }

  /** Fills STEP `step` as a person would (STEP 5 has nothing to fill). */
  async function fillStep(page: Page, step: number): Promise<void> {
    if (step === 1) for (const consent of CONSENTS) await page.getByRole('checkbox', { name: consent }).check();
    for (const [label, value] of Object.entries(TYPED[step] ?? {})) await textbox(page, label).fill(value);
    if (step === 2) {
      const pdf = minimalPdf();
      await page.getByRole('button', { name: '印鑑証明書', exact: true }).setInputFiles({ name: pdf.name, mimeType: 'application/pdf', buffer: Buffer.from(await pdf.arrayBuffer()) });
      await page.getByText(`選択中のファイル：${pdf.name}`).waitFor();
    }
    await page.waitForTimeout(300); // the draft is written asynchronously (local storage, the PDF in IndexedDB)
  }

  /** Everything STEP `step` showed when it was filled is still there. */
  async function expectValues(page: Page, step: number): Promise<void> {
    if (step === 1) for (const consent of CONSENTS) assert.equal(await page.getByRole('checkbox', { name: consent }).isChecked(), true, consent);
    for (const [label, value] of Object.entries(TYPED[step] ?? {})) {
      const shown = await textbox(page, label).inputValue();
      // Shown normalised once the field was left (TEL without hyphens, katakana in full width).
      assert.equal(shown.replace(/[-\s　]/g, ''), value.replace(/[-\s　]/g, ''), label);
    }
    if (step === 2) await page.getByText(`選択中のファイル：${PDF_NAME}`).waitFor();
    if (step === 5) {
      for (const value of ['7000012050002', '株式会社山田建設', 'hanako@example.co.jp', 'YAMADA KENSETSU', PDF_NAME]) await page.getByText(value).first().waitFor();
    }
  }

  /** The token is neither in the address bar, nor in the history state, nor in the server's log. */
  async function expectTokenHidden(page: Page, token: string): Promise<void> {
    assert.ok(!page.url().includes(token), `token in the address bar: ${page.url()}`);
    const state = await page.evaluate(() => JSON.stringify(history.state));
    assert.ok(!state.includes(token), `token in history.state: ${state}`);
    assert.ok(!server.logs.some((line) => line.includes(token)), 'token in the server log');
  }

  /** A new invitation opened from its mail link in a new browser. */
  async function openInvitation(options: Parameters<typeof inviteDirectly>[1] = {}) {
    const invitation = await inviteDirectly(server, options);
    const opened = await openPage();
    await opened.page.goto(invitation.url);
    return { ...invitation, ...opened };
  }

  /** The router host page; a link of its own leads to the application route with a new invitation's token. */
  async function openInRouter({ noHistory }: { noHistory: boolean }) {
    const { token } = await inviteDirectly(server);
    const { page } = await openPage();
    await page.goto(`${server.url}/router.html`);
    await page.evaluate(
      ({ href, noHistory }) => {
        if (noHistory) sessionStorage.setItem('router-no-history', '1');
        const link = Object.assign(document.createElement('a'), { href, textContent: '利用申請' });
        link.dataset.route = '';
        document.querySelector('nav')!.append(link);
      },
      { href: `/partners/apply?token=${token}`, noHistory },
    );
    await page.getByRole('link', { name: '利用申請' }).click();
    return { token, page };
  }

  async function walkTo(page: Page, step: number): Promise<void> {
    for (let current = 1; current < step; current++) {
      await expectStep(page, current);
      await fillStep(page, current);
      await next(page);
    }
    await expectStep(page, step);
  }

  it('shows the deadline of the invitation in Japan time in the header', async () => {
    const { page } = await openInvitation({ expiresAt: new Date('2027-01-03T14:59:59.999Z') });
    await page.getByText('申請期限：2027年1月3日 23:59まで').waitFor();
    await page.context().close();
  });

  it('switches the portal and the wizard between Japanese and English, and keeps the choice on a reload', async () => {
    const { page } = await openInvitation({ expiresAt: new Date('2027-01-03T14:59:59.999Z') });
    await expectStep(page, 1);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'STEP 1 Terms of use' }).waitFor();
    await page.getByRole('heading', { name: 'Applying for the e-contract service (CECTRUST-Light)' }).waitFor();
    await page.getByText('Apply by: 3 January 2027 at 23:59 (Japan time)').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByRole('navigation', { name: 'Portal menu' }).count(), 1);
    await page.reload();
    await page.getByRole('heading', { name: 'STEP 1 Terms of use' }).waitFor();
    await page.getByRole('button', { name: '日本語' }).click();
    await expectStep(page, 1);
    await page.getByRole('heading', { name: '電子契約サービス（CECTRUST-Light）のご利用申請' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    await page.context().close();
  });

  it('at 375 px shows 「STEP 2 / 6 企業情報入力」 over a thin bar, not a grid of the steps above the first field', async () => {
    const { page } = await openInvitation();
    await page.setViewportSize({ width: 375, height: 800 });
    await walkTo(page, 2);
    // 「/ 6」 is drawn by CSS after 「STEP 2」: the heading's name stays 「STEP 2 企業情報入力」 (found by it above).
    const drawnAfterNumber = () => heading(page, 2).evaluate((element) => getComputedStyle(element.querySelector('span')!, '::after').content);
    assert.match(await drawnAfterNumber(), /\/ 6/);
    const bar = await page.getByRole('navigation', { name: '申請の手順' }).boundingBox();
    assert.ok(bar && bar.height <= 16, `the indicator is ${bar?.height} px tall`);
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await drawnAfterNumber(), 'none');
    await page.context().close();
  });

  it('comes back to the same step with every value and the chosen PDF after a reload at every step; the token stays out of the address and the history', async () => {
    const { token, page } = await openInvitation();
    for (let step = 1; step <= 5; step++) {
      await expectStep(page, step);
      await fillStep(page, step);
      await page.reload();
      await expectStep(page, step);
      await expectValues(page, step);
      await expectTokenHidden(page, token);
      if (step === 5) break;
      await next(page);
    }
    // STEP 5's values come from STEP 2–4 after a reload too: back there, each still holds them.
    for (const step of [4, 3, 2]) {
      await page.getByRole('button', { name: '戻る', exact: true }).click();
      await expectStep(page, step);
      await expectValues(page, step);
    }
    await page.context().close();
  });

  it('moves to the previous step on the browser\'s Back and to the next on Forward, every value kept, focus on the heading', async () => {
    const { token, page } = await openInvitation();
    await walkTo(page, 4);
    await fillStep(page, 4);
    for (const step of [3, 2, 1]) {
      await page.goBack();
      await expectStep(page, step);
      await expectValues(page, step);
      const focused = await page.evaluate(() => {
        const wizard = document.querySelector('cec-apply-wizard')!;
        return wizard.shadowRoot!.activeElement?.id;
      });
      assert.equal(focused, 'step-heading', `focus after Back to STEP ${step}`);
    }
    for (const step of [2, 3, 4]) {
      await page.goForward();
      await expectStep(page, step);
      await expectValues(page, step);
    }
    // 戻る is a move of its own, like a GOV.UK back link: the browser's Back then returns where it was pressed.
    await page.getByRole('button', { name: '戻る', exact: true }).click();
    await expectStep(page, 3);
    await page.goBack();
    await expectStep(page, 4);
    await expectValues(page, 4);
    await expectTokenHidden(page, token);
    await page.context().close();
  });

  it('refuses Forward past a step whose values are refused, and says why', async () => {
    const { page } = await openInvitation();
    await walkTo(page, 3);
    await page.goBack();
    await expectStep(page, 2);
    await textbox(page, '企業名カナ').fill('ABC');
    await page.goForward();
    await page.getByText('入力内容に誤りがあります').waitFor();
    await expectStep(page, 2);
    assert.equal(await heading(page, 3).count(), 0, 'still on STEP 2');
    await page.context().close();
  });

  it('returns to the same step with every value after leaving the page and coming back (Back, then Forward)', async () => {
    const { token, page } = await openInvitation();
    await walkTo(page, 3);
    await fillStep(page, 3);
    await page.goto(`${server.url}/console/`);
    await page.goBack();
    await expectStep(page, 3);
    await expectValues(page, 3);
    await page.goForward();
    await page.waitForURL(`${server.url}/console/`);
    await page.goBack();
    await expectStep(page, 3);
    await expectValues(page, 3);
    await expectTokenHidden(page, token);
    await page.context().close();
  });

  it('shows the completion page with its receipt number after a reload, Back/Forward and the mail link again, and never submits twice', async () => {
    const { token, url, page, posts } = await openInvitation();
    const before = await countRows(server, 'applications');
    await walkTo(page, 5);
    await next(page);
    await expectStep(page, 6);
    const receipt = /受付番号\s*(\d{10})/.exec(await page.getByText(/受付番号\s*\d{10}/).innerText())?.[1];
    assert.ok(receipt, 'receipt number shown');
    const expectCompletion = async () => {
      await expectStep(page, 6);
      await page.getByText(new RegExp(`受付番号\\s*${receipt}`)).first().waitFor();
      assert.equal(await page.getByRole('button', { name: '確定' }).count(), 0, 'no submit button');
    };

    await page.reload();
    await expectCompletion();
    // Back from the completion page leaves the application: none of its steps is shown again.
    await page.goBack();
    await page.waitForFunction(() => {
      const wizard = document.querySelector('cec-apply-wizard');
      return !wizard || wizard.shadowRoot?.querySelector('#step-heading')?.textContent?.includes('STEP 6');
    });
    assert.equal(await heading(page, 5).count(), 0, 'the confirmation is not shown again');
    await page.goForward();
    await expectCompletion();
    await page.goto(url); // the mail link again
    await expectCompletion();
    await expectTokenHidden(page, token);
    assert.equal(posts.length, 1, 'one POST /applications');
    assert.equal(await countRows(server, 'applications'), before + 1, 'one application stored');

    // Another browser knows no receipt: the 'already used' page says it was received and whom to ask, without promising a resend.
    const other = await openPage();
    await other.page.goto(url);
    await other.page.getByRole('heading', { name: 'このオンライン利用申請URLはすでに使用されています' }).waitFor();
    const text = await other.page.locator('.invitation-problem').innerText(); // CSS locators pierce the shadow root
    assert.match(text, /受付済み/);
    assert.match(text, /help-light@construction-ec\.com/);
    assert.doesNotMatch(text, /再送/);
    await other.page.context().close();
    await page.context().close();
  });

  it('answers 戻る on STEP 1 with the portal\'s own page, and returns to the application from it', async () => {
    const { page } = await openInvitation();
    await expectStep(page, 1);
    await page.getByRole('button', { name: '戻る', exact: true }).click();
    await page.getByRole('heading', { name: '利用申請を中断しました' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'このオンライン利用申請URLは無効です' }).count(), 0);
    await page.reload();
    await page.getByRole('heading', { name: '利用申請を中断しました' }).waitFor();
    await page.getByRole('button', { name: '申請を再開する' }).click();
    await expectStep(page, 1);
    await page.context().close();
  });

  it('inside a page with its own pushState router: Back moves between steps and keeps the router\'s state', async () => {
    const { token, page } = await openInRouter({ noHistory: false });
    await walkTo(page, 3);
    await page.goBack();
    await expectStep(page, 2);
    const state = await page.evaluate(() => history.state as { route?: string });
    assert.equal(state.route, '/partners/apply', 'the router keeps its own state in the entry');
    await expectTokenHidden(page, token);
    await page.context().close();
  });

  it('inside a page with its own pushState router and `no-history`: the wizard adds no entry and Back is the router\'s', async () => {
    const { page } = await openInRouter({ noHistory: true });
    await expectStep(page, 1);
    const entries = await page.evaluate(() => history.length);
    await walkTo(page, 3);
    assert.equal(await page.evaluate(() => history.length), entries, 'no history entry added by the steps');
    await page.goBack();
    await page.getByRole('heading', { name: 'ルーターのホーム' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/router.html');
    await page.context().close();
  });
});

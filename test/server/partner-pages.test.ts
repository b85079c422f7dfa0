/**
 * The operator's page (demo/operator) and the partner's page (demo/partner) as deployed: built, behind
 * the real server and its strict CSP, driven in headless Chromium at 375 px by role and label — wave 1
 * from the operator's page, its mails in the demo mailbox, the stage in the ordering company's console
 * (without the password), then the administrator signs in on the
 * partner page with them, changes the password, sees the company's users, adds one, switches to
 * English and signs out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedOperatorKey } from '../../demo/server/operator.js';
import { startBuiltDemo, type BuiltDemo } from '../browser/built-demo.js';
import { API_KEY, inviteDirectly, submit } from './helpers.js';

const OPERATOR_KEY = 'op_pages-test-key';
const AXE_SOURCE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url);

describe('the operator and partner pages at 375 px', () => {
  let demo: BuiltDemo;
  let page: Page;
  const problems: string[] = [];
  const mailed: { userId?: string; password?: string } = {};

  before(async () => {
    demo = await startBuiltDemo();
    await seedOperatorKey(demo.server.database, OPERATOR_KEY);
    const { token } = await inviteDirectly(demo.server);
    assert.equal((await submit(demo.server, { token })).status, 201);
    page = await demo.browser.newPage({ viewport: { width: 375, height: 800 } });
    // CSP violations and script errors show up here (not the 401s the wrong key gets on purpose).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
  });
  after(() => demo?.dispose());

  /** axe's WCAG 2.1 A/AA violations of the page as it stands (evaluated through the DevTools protocol: the CSP forbids a script tag). */
  const axeViolations = async (): Promise<string[]> => {
    await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
    return page.evaluate(async () => {
      const { axe } = window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
      const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
    });
  };

  const noSidewaysScroll = async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `page is ${width} px wide`);
  };

  it('asks again for a wrong operator key, saying so', async () => {
    await page.goto(`${demo.server.url}/operator/#key=wrong-key`);
    await page.getByRole('alert').filter({ hasText: '運営者キーが正しくありません。入力し直してください。' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the key left the address at once');
    await page.getByLabel('運営者キー', { exact: true }).fill(OPERATOR_KEY);
    await page.getByRole('button', { name: '開く' }).click();
    await page.getByRole('heading', { name: '受け付けた利用申請', exact: true }).waitFor();
  });

  it('moves the application on (wave 1) and shows the mails ①–③ in the demo mailbox', async () => {
    const row = page.locator('table.operator-table tbody tr').filter({ hasText: '株式会社山田建設' });
    assert.match(await row.innerText(), /受付済/);
    await row.getByRole('button', { name: /^利用者ID発行（①〜③を送信）\s*：受付番号 \d{10} 株式会社山田建設$/ }).click();
    await page.getByRole('status').filter({ hasText: /①利用者ID発行・②初回ログインパスワード・③サービス利用企業登録完了のお知らせを hanako@example\.co\.jp 宛てに送りました。/ }).waitFor();
    assert.match(await row.innerText(), /利用者ID発行済/);
    assert.ok(await row.getByRole('button', { name: /^利用登録完了（④〜⑥を送信）/ }).isVisible());

    for (const [subject, label, key] of [
      ['利用者ID発行', '利用者ID', 'userId'],
      ['初回ログインパスワード', '初回ログインパスワード', 'password'],
    ] as const) {
      await page.getByRole('button', { name: new RegExp(`^本文を表示\\s*：【CECTRUST-Lightサービス】${subject}のお知らせ$`) }).click();
      const text = await page.locator('pre.operator-mail:not([hidden])').first().innerText();
      mailed[key] = new RegExp(`${label}：(\\S+)`).exec(text)?.[1];
      await page.getByRole('button', { name: new RegExp(`^本文を閉じる\\s*：【CECTRUST-Lightサービス】${subject}のお知らせ$`) }).click();
    }
    assert.match(mailed.userId ?? '', /^L\d{7}$/);
    assert.ok(mailed.password);
    await noSidewaysScroll();
    assert.deepEqual(await axeViolations(), []);
  });

  it("shows the application's stage in the ordering company's console (利用者ID発行済), and no password", async () => {
    await page.goto(`${demo.server.url}/console/#key=${API_KEY}`);
    const row = page.locator('table.invitations tbody tr').filter({ hasText: '受付番号' });
    await row.first().waitFor();
    assert.match(await row.first().innerText(), /利用者ID発行済/);
    const passwordMail = page.locator('details').filter({ hasText: '初回ログインパスワードのお知らせ' });
    await passwordMail.locator('summary').click();
    await passwordMail.locator('pre').filter({ hasText: 'ご本人宛のメールにのみ記載されます' }).waitFor();
    assert.ok(!(await passwordMail.innerText()).includes(mailed.password!));
  });

  it('signs the administrator in on the partner page, forces the password change, and shows the administrator work', async () => {
    await page.goto(`${demo.server.url}/partner/`);
    await page.getByLabel('利用者ID').fill(mailed.userId!);
    await page.getByLabel(/^パスワード\s*※必須$/).fill(mailed.password!);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: '「初回ログインパスワード」を変更する' }).waitFor();
    await page.getByLabel(/^新しいパスワード\s*※必須$/).fill('kensetsu2027');
    await page.getByLabel('新しいパスワード（確認）').fill('kensetsu2027');
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByRole('heading', { name: '事前準備の操作', exact: true }).waitFor();
    await page.locator('#partner-user').getByText(`山田 花子（${mailed.userId}）`, { exact: true }).waitFor();
    // The certificate of STEP 4 is not issued before wave 2: the element says so instead of asking for a PIN.
    await page.getByText('電子証明書は発行手続き中です。').waitFor();
    const users = page.locator('cec-company-users tbody tr');
    await users.first().waitFor();
    assert.equal(await users.count(), 1);
    assert.match(await users.first().innerText(), /管理者/);
    await noSidewaysScroll();
    assert.deepEqual(await axeViolations(), []);
  });

  it('adds a user with the form, and the list shows them', async () => {
    const form = page.locator('cec-company-user-form');
    await form.getByLabel(/^利用者名\s*※必須$/).fill('佐藤 次郎');
    await form.getByLabel('利用者名カナ').fill('さとう じろう');
    await form.getByLabel('メールアドレス').fill('jiro@example.co.jp');
    await form.getByRole('button', { name: '確認' }).click();
    await form.getByRole('button', { name: '確定' }).click();
    await page.getByRole('heading', { name: '利用者を登録しました' }).waitFor();
    await page.locator('cec-company-users tbody tr').nth(1).waitFor();
    assert.match(await page.locator('cec-company-users tbody tr').nth(1).innerText(), /佐藤 次郎/);
  });

  it('switches to English, keeps the session across a reload, and signs out', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Getting started with CECTRUST-Light' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await page.getByRole('heading', { name: 'Before your first contract' }).waitFor();
    await page.locator('cec-company-users').getByRole('button', { name: 'Refresh' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
    assert.equal(await page.locator('cec-company-users').getByText('佐藤 次郎').count(), 0, "nothing of the administrator's lists stays in the page");
    await page.locator('cec-partner-sign-in').getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('cec-partner-session')), null);
  });

  it('shows a general user only the preparation, across a reload', async () => {
    const mailbox = async (path: string) => (await fetch(`${demo.server.url}/api/operator${path}`, { headers: { Authorization: `Bearer ${OPERATOR_KEY}` } })).json();
    const { mails } = (await mailbox('/outbox?to=jiro%40example.co.jp')) as { mails: Array<{ id: number; subject: string }> };
    const texts = await Promise.all(mails.map(async (mail) => ((await mailbox(`/outbox/${mail.id}`)) as { body: string }).body));
    const userId = texts.map((text) => /利用者ID：(\S+)/.exec(text)?.[1]).find(Boolean)!;
    const password = texts.map((text) => /初回ログインパスワード：(\S+)/.exec(text)?.[1]).find(Boolean)!;
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByLabel('利用者ID').fill(userId);
    await page.getByLabel(/^パスワード\s*※必須$/).fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByLabel(/^新しいパスワード\s*※必須$/).fill('sato-jiro-2027');
    await page.getByLabel('新しいパスワード（確認）').fill('sato-jiro-2027');
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByRole('heading', { name: '事前準備の操作', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '事前準備の操作', exact: true }).waitFor();
    await page.getByText('この利用者IDに紐付いた電子証明書はありません。').waitFor();
    assert.equal(await page.getByRole('heading', { name: '管理者業務' }).count(), 0, 'no administrator work');
    assert.equal(await page.locator('#partner-user').innerText(), `佐藤 次郎（${userId}）`, 'still signed in');
  });

  it("shows the operator 50 applications, then the next ones with 「さらに表示（次の50件）」", async () => {
    for (let count = 0; count < 50; count++) {
      const { token } = await inviteDirectly(demo.server);
      assert.equal((await submit(demo.server, { token })).status, 201);
    }
    await page.goto(`${demo.server.url}/operator/`); // the key is kept for this tab
    const rows = page.locator('table.operator-table').first().locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 50);
    await page.getByRole('button', { name: 'さらに表示（次の50件）' }).click();
    await page.getByRole('status').filter({ hasText: '利用申請を 51 件表示しています。' }).waitFor();
    assert.equal(await rows.count(), 51);
    assert.equal(await page.getByRole('button', { name: 'さらに表示（次の50件）' }).count(), 0, 'the last page: no more to show');
    const receipts = await rows.locator('th').allInnerTexts();
    assert.equal(new Set(receipts).size, 51, 'every application once, none twice');
  });

  it('ran without a script error or a CSP violation', () => {
    assert.deepEqual(problems, []);
  });
});

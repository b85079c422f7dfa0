/**
 * The ordering company's console (demo/console) as deployed: the built page behind the real server,
 * driven in headless Chromium at 375 px as a person on a phone would — paging, searching, 再送, the
 * deadline as the mail writes it, the key kept across a reload but never in the address, and no
 * sideways scrolling.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startBuiltDemo, type BuiltDemo } from '../browser/built-demo.js';
import { API_KEY, inviteDirectly, submit } from './helpers.js';

describe('the ordering company console at 375 px', () => {
  let demo: BuiltDemo;
  let page: Page;

  before(async () => {
    demo = await startBuiltDemo();
    const { server } = demo;
    const start = new Date('2026-11-29T03:00:00Z');
    server.now.value = start;
    for (let index = 0; index < 60; index++) {
      server.now.value = new Date(start.getTime() + index * 1000);
      await inviteDirectly(server, {
        partner: { companyName: `株式会社パートナー${String(index).padStart(3, '0')}`, contactName: '担当 者', email: `p${index}@example.co.jp` },
      });
    }
    server.now.value = new Date(start.getTime() + 100_000);
    const used = await inviteDirectly(server, { partner: { companyName: '株式会社申請済み', contactName: '山田 太郎', email: 'used@example.co.jp' } });
    assert.equal((await submit(server, { token: used.token })).status, 201);
    await inviteDirectly(server, {
      partner: { companyName: '株式会社期限切れ', contactName: '山田 次郎', email: 'expired@example.co.jp' },
      expiresAt: new Date(start.getTime() - 1),
    });
    page = await demo.browser.newPage({ viewport: { width: 375, height: 800 } });
  });
  after(() => demo?.dispose());

  const rows = () => page.locator('table.invitations tbody tr');

  it('opens with the key from the fragment, removes it from the address, and shows the first 50 invitations', async () => {
    await page.goto(`${demo.server.url}/console/#key=${API_KEY}`);
    await rows().first().waitFor();
    assert.equal(new URL(page.url()).hash, '');
    assert.equal(await rows().count(), 50);
    await page.getByRole('button', { name: 'さらに表示' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('table.invitations tbody tr').length === 62);
  });

  it('does not scroll sideways at 375 px', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `page is ${width} px wide`);
  });

  it('shows the deadline as the mail writes it, in Japan time', async () => {
    const issuedAtNoon = rows().filter({ hasText: 'パートナー059' });
    assert.match((await issuedAtNoon.innerText()).replace(/\s+/g, ' '), /2027年1月3日 23:59まで/);
  });

  it('searches by partner name and by state', async () => {
    await page.getByLabel('取引先名・担当者名・メールアドレスで検索').fill('パートナー007');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.invitations tbody tr').length === 1);
    assert.match(await rows().first().innerText(), /株式会社パートナー007/);
    await page.getByLabel('取引先名・担当者名・メールアドレスで検索').fill('');
    await page.getByLabel('状態').selectOption({ label: '申請済み' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.invitations tbody tr').length === 1);
    const used = await rows().first().innerText();
    assert.match(used, /株式会社申請済み/);
    assert.match(used, /受付番号 \d{10}/, 'a used invitation shows its application');
    assert.equal(await rows().first().getByRole('button', { name: /再送/ }).count(), 0, 'and cannot be resent');
  });

  it('resends an expired invitation (再送): it is open again with a new link', async () => {
    await page.getByLabel('状態').selectOption({ label: '期限切れ' });
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.invitations tbody tr').length === 1);
    await rows().first().getByRole('button', { name: /再送\s*（株式会社期限切れ）/ }).click();
    await page.getByText(/株式会社期限切れ 様へ再送しました。新しいリンクは\d{4}年\d+月\d+日 23:59まで有効です。/).waitFor();
    await page.getByLabel('状態').selectOption({ label: '未使用' });
    await page.getByLabel('取引先名・担当者名・メールアドレスで検索').fill('期限切れ');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.invitations tbody tr').length === 1);
    assert.equal(await rows().first().getByRole('link', { name: /申請画面を開く/ }).count(), 1, 'the new link is offered');
  });

  it('keeps the key and the issued links across a reload, never in the address', async () => {
    await page.reload();
    await page.getByRole('heading', { name: '招待の一覧' }).waitFor();
    await rows().first().waitFor();
    assert.equal(new URL(page.url()).hash, '');
    assert.ok(!page.url().includes(API_KEY));
    await page.getByLabel('取引先名・担当者名・メールアドレスで検索').fill('期限切れ');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('table.invitations tbody tr').length === 1);
    assert.equal(await rows().first().getByRole('link', { name: /申請画面を開く/ }).count(), 1);
  });

  it('reads a mail of the outbox when it is opened', async () => {
    await page.locator('ol.outbox details summary').first().click();
    await page.locator('ol.outbox details pre').first().filter({ hasText: '利用申請' }).waitFor();
    assert.match(await page.locator('ol.outbox details pre').first().innerText(), /\?token=/);
  });
});

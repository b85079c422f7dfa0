/**
 * The demo renewal pages as deployed (issue 15): built, served by the real reference server under its
 * strict CSP, driven in headless Chromium as the RA contact and the operator would. The RA contact sends
 * the prefilled request from `/renewal/`, the operator marks its rows issued on `/renewal/operator.html`
 * (one with a typed 証明書ID and serial, the others assigned), the RA contact then sees them and downloads
 * the 発行依頼書 as XLSX. Any CSP violation, console error or page error fails the walk; the keys leave
 * the address bar once read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { OPERATOR_KEY, RA_KEY, seedRenewalOrganisation } from '../server/helpers.js';
import { startBuiltDemo, type BuiltDemo } from './built-demo.js';

declare global {
  interface Window {
    __violations: string[];
  }
}

describe('the demo renewal pages under the strict CSP', () => {
  let demo: BuiltDemo;
  let page: Page;
  const problems: string[] = [];
  let requestNumber = '';

  before(async () => {
    demo = await startBuiltDemo();
    await seedRenewalOrganisation(demo.server);
    const context = await demo.browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
  });
  after(() => demo?.dispose());

  const violations = () => page.evaluate(() => window.__violations);

  it('sends the prefilled request with the RA contact key from the fragment, which leaves the address', async () => {
    await page.goto(`${demo.server.url}/renewal/#key=${RA_KEY}`);
    assert.equal(new URL(page.url()).hash, '');
    await page.locator('fieldset.row').nth(3).waitFor();
    assert.equal(await page.locator('fieldset.row').count(), 4);
    await page.getByRole('textbox', { name: '事業者コード', exact: true }).fill('A1234');
    await page.getByRole('checkbox', { name: '事業者コードが、割り当てられたコードと一字一句同じであることを確認しました。' }).check();
    await page.getByRole('combobox', { name: '空欄の行の格納媒体' }).selectOption('cdr');
    await page.getByRole('button', { name: '空欄の行に設定する' }).click();
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('button', { name: 'この内容で申し込む' }).click();
    const receipt = page.getByText(/受付番号：R\d{10}/);
    await receipt.waitFor();
    requestNumber = /R\d{10}/.exec(await receipt.innerText())![0];
    // The page shows the request's state at once.
    await page.getByRole('table').filter({ hasText: requestNumber }).waitFor();
    assert.equal(await page.getByRole('cell', { name: '発行待ち' }).count(), 4);
    assert.deepEqual(await violations(), []);
  });

  it('lets the operator mark rows issued, typed or assigned', async () => {
    await page.goto(`${demo.server.url}/renewal/operator.html#key=${OPERATOR_KEY}`);
    assert.equal(new URL(page.url()).hash, '');
    const first = page.getByRole('form', { name: /^1 行目/ });
    await first.getByRole('textbox', { name: '証明書ID' }).fill('300001');
    await first.getByRole('textbox', { name: '証明書シリアル' }).fill('ab:cd:01');
    await first.getByRole('button', { name: '発行済みにする' }).click();
    await page.getByRole('status').filter({ hasText: '証明書ID 300001、証明書シリアル ABCD01' }).waitFor();
    const taken = page.getByRole('form', { name: /^2 行目/ });
    await taken.getByRole('textbox', { name: '証明書ID' }).fill('300001');
    await taken.getByRole('button', { name: '発行済みにする' }).click();
    await taken.getByRole('alert').filter({ hasText: 'この証明書IDは別の証明書に使われています。' }).waitFor();
    for (const row of [2, 3, 4]) {
      const form = page.getByRole('form', { name: new RegExp(`^${row} 行目`) });
      await form.getByRole('textbox', { name: '証明書ID' }).fill('');
      await form.getByRole('button', { name: '発行済みにする' }).click();
      await form.waitFor({ state: 'detached' });
    }
    await page.getByRole('table').filter({ hasText: 'すべて発行済み' }).waitFor();
    assert.deepEqual(await violations(), []);
  });

  it('shows the RA contact each 証明書ID and serial, and downloads the 発行依頼書 as XLSX', async () => {
    await page.goto(`${demo.server.url}/renewal/`);
    await page.getByRole('textbox', { name: '依頼番号' }).fill(requestNumber);
    await page.getByRole('button', { name: '状況を確認' }).click();
    await page.getByRole('cell', { name: 'ABCD01' }).waitFor();
    assert.equal(await page.getByRole('cell', { name: '発行済み' }).count(), 4);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '発行依頼書をダウンロード（Excel）' }).click()]);
    assert.equal(download.suggestedFilename(), `クライアント証明書発行依頼書_${requestNumber}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const row = workbook.getWorksheet('クライアント証明書発行依頼書')!.getRow(8);
    assert.deepEqual([row.getCell(2).value, row.getCell(10).value, row.getCell(11).value], ['gw01.gas.example.co.jp', '300001', 'ABCD01']);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems.filter((text) => !/status of 409/.test(text)), [], 'only the refused 証明書ID was an error answer');
  });
});

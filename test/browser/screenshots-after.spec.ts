/**
 * The look of the pages after the application, pinned as screenshots.spec.ts pins the wizard's: the
 * built demo behind the real reference server (clock fixed in the server and the page), each element
 * compared with the committed image in test/screenshots/ at 375 and 1280 px in light and dark, and at
 * 375 px in forced colours.
 *
 * - The partner page (issue 13), as the administrator of a fresh application moved on by the operator
 *   (waves 1 and 2): sign-in, the forced password change, 自社利用者照会, 自社利用者情報登録 filled and
 *   its confirmation, 電子証明書追加発行申請 (method ①) filled for the new user, 証明書の有効性確認 (PIN).
 * - The renewal page (issue 15), as the RA contact of an organisation with four certificates expiring
 *   within 60 days: the prefilled rows, two rows with errors and the error summary naming them, the
 *   confirmation.
 *
 * One server and one browser for the file, one page per width and scheme. User IDs and certificate
 * numbers are numbered by the server in order, so the file runs as a whole (not one test alone). After an
 * intended change of the look, write the images anew and look at every one before committing them:
 *   UPDATE_SCREENSHOTS=1 node --import tsx --test test/browser/screenshots-after.spec.ts
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { inviteDirectly, OPERATOR_KEY, RA_KEY, seedRenewalOrganisation, startTestServer, submit, type TestServer } from '../server/helpers.js';
import { buildDemo, FIXED_NOW, pinScreenshot, screenshotContext, type Scheme } from './screenshot-compare.js';

const LOOKS: ReadonlyArray<{ width: number; scheme: Scheme }> = [
  { width: 375, scheme: 'light' },
  { width: 375, scheme: 'dark' },
  { width: 375, scheme: 'forced' },
  { width: 1280, scheme: 'light' },
  { width: 1280, scheme: 'dark' },
];

interface Administrator {
  userId: string;
  password: string;
}

describe('screenshots of the partner and renewal pages, compared with the committed images', () => {
  let outDir: string;
  let server: TestServer;
  let browser: Browser;
  let comparePage: Page;
  /** One administrator per look, made in order before any test (so their IDs do not depend on a test). */
  const administrators: Administrator[] = [];

  const operator = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}/api/operator${path}`, {
      method,
      headers: { Authorization: `Bearer ${OPERATOR_KEY}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    assert.equal(response.status, 200, `${method} ${path}`);
    return (await response.json()) as T;
  };

  /** An application moved on by the operator through both waves; the administrator's ID and first password from the wave 1 mails. */
  async function administrator(): Promise<Administrator> {
    const { id, token } = await inviteDirectly(server);
    assert.equal((await submit(server, { token })).status, 201);
    const before = (await operator<{ mails: Array<{ id: number }> }>('GET', '/outbox')).mails[0]?.id ?? 0;
    await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' });
    const { mails } = await operator<{ mails: Array<{ id: number }> }>('GET', '/outbox');
    const bodies = await Promise.all(mails.filter((mail) => mail.id > before).map(async (mail) => (await operator<{ body: string }>('GET', `/outbox/${mail.id}`)).body));
    const mailed = (label: string) => bodies.map((body) => new RegExp(`${label}：(\\S+)`).exec(body)?.[1]).find(Boolean);
    // Wave 2 issues the certificate of STEP 4: the administrator then has a PIN to enter.
    await operator('POST', `/applications/${id}/stage`, { stage: 'registered' });
    return { userId: mailed('利用者ID')!, password: mailed('初回ログインパスワード')! };
  }

  before(async () => {
    outDir = buildDemo();
    server = await startTestServer({ staticDir: outDir, now: { value: FIXED_NOW } });
    await seedRenewalOrganisation(server);
    for (let index = 0; index < LOOKS.length; index++) administrators.push(await administrator());
    browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
    comparePage = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.dispose();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  LOOKS.forEach(({ width, scheme }, index) => {
    it(`partner and renewal pages at ${width} px, ${scheme}`, async () => {
      const context = await screenshotContext(browser, width, scheme);
      await context.clock.setFixedTime(FIXED_NOW);
      const problems: string[] = [];
      const pin = async (element: string, name: string) => {
        // Rows far below the fold are not drawn (content-visibility: auto): a window as tall as the page
        // draws them all, as a person scrolling sees them.
        for (let tries = 0, height = 0; tries < 5; tries++) {
          const drawn = await page.evaluate(() => document.documentElement.scrollHeight);
          if (drawn === height) break;
          height = drawn;
          await page.setViewportSize({ width, height: Math.max(900, height) });
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        }
        const problem = await pinScreenshot(comparePage, page.locator(element), `${name}-${width}-${scheme}`);
        await page.setViewportSize({ width, height: 900 });
        if (problem) problems.push(problem);
      };
      const page = await context.newPage();
      try {
        page.setDefaultTimeout(15_000);
        await walkPartnerPage(page, administrators[index]!, pin);
        await walkRenewalPage(page, pin);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });

  type Pin = (element: string, name: string) => Promise<void>;

  /** The partner page as its administrator walks it the first time. */
  async function walkPartnerPage(page: Page, admin: Administrator, pin: Pin): Promise<void> {
    await page.goto(`${server.url}/partner/`);
    const signIn = page.locator('cec-partner-sign-in');
    await signIn.getByRole('heading', { name: 'ログイン', exact: true }).waitFor();
    await pin('cec-partner-sign-in', 'partner-sign-in');
    await signIn.getByLabel('利用者ID').fill(admin.userId);
    await signIn.getByLabel(/^パスワード\s*※必須$/).fill(admin.password);
    await signIn.getByRole('button', { name: 'ログイン' }).click();
    await signIn.getByRole('heading', { name: '「初回ログインパスワード」を変更する' }).waitFor();
    await pin('cec-partner-sign-in', 'partner-password-change');
    await signIn.getByLabel(/^新しいパスワード\s*※必須$/).fill('kensetsu2027');
    await signIn.getByLabel('新しいパスワード（確認）').fill('kensetsu2027');
    await signIn.getByRole('button', { name: 'パスワードを変更する' }).click();
    await page.getByRole('heading', { name: '事前準備の操作', exact: true }).waitFor();

    await page.locator('cec-company-users tbody tr').first().waitFor();
    await pin('cec-company-users', 'partner-users');
    await page.locator('cec-certificate-activation').getByRole('textbox', { name: /^PIN/ }).waitFor();
    await pin('cec-certificate-activation', 'partner-activation');

    const form = page.locator('cec-company-user-form');
    await form.getByLabel(/^利用者名\s*※必須$/).fill('佐藤 次郎');
    await form.getByLabel('利用者名カナ').fill('サトウ ジロウ');
    await form.getByLabel('所属').fill('工事部');
    await form.getByLabel('役職').fill('部長');
    await form.getByLabel('TEL番号').fill('03-3595-4610');
    await form.getByLabel('メールアドレス').fill('jiro@example.co.jp');
    await pin('cec-company-user-form', 'partner-user-form');
    await form.getByRole('button', { name: '確認' }).click();
    await form.getByRole('heading', { name: '自社利用者情報登録確認' }).waitFor();
    await pin('cec-company-user-form', 'partner-user-confirmation');
    await form.getByRole('button', { name: '確定' }).click();
    await form.getByRole('heading', { name: '利用者を登録しました' }).waitFor();

    // The page hands the new user to the certificate form; method ① is its first choice.
    const signer = page.locator('cec-signer-certificate-form');
    await signer.getByRole('combobox', { name: /^署名用IDにする利用者/ }).filter({ hasText: '佐藤 次郎' }).waitFor();
    await signer.getByRole('radio', { name: /^①新たに電子証明書を発行/ }).check();
    for (const [label, value] of [
      ['部署名(日本語)', '工事部'],
      ['部署名(アルファベット)', 'KOJIBU'],
      ['役職名(日本語)', '部長'],
      ['役職名(アルファベット)', 'BUCHO'],
    ] as const) {
      await signer.getByRole('textbox', { name: label, exact: true }).fill(value);
    }
    await pin('cec-signer-certificate-form', 'partner-certificate-form');
  }

  /** The renewal page as the RA contact fills it: prefilled, two rows refused, then confirmed. */
  async function walkRenewalPage(page: Page, pin: Pin): Promise<void> {
    await page.goto(`${server.url}/renewal/#key=${RA_KEY}`);
    const form = page.locator('cec-certificate-renewal-form');
    const row = (number: number) => form.locator('fieldset.row').nth(number - 1);
    await row(4).waitFor();
    await pin('cec-certificate-renewal-form', 'renewal-prefilled');

    await form.getByRole('textbox', { name: /^事業者コード/ }).fill('A1234');
    await form.getByRole('checkbox', { name: '事業者コードが、割り当てられたコードと一字一句同じであることを確認しました。' }).check();
    // Row 2 by download without the address it needs; row 3 starting after the latest allowed day (2027-05-28).
    await row(2).getByRole('combobox', { name: /^格納媒体/ }).selectOption('download');
    await row(3).getByRole('textbox', { name: /^有効期間開始日/ }).fill('2027/12/1');
    await row(3).getByRole('textbox', { name: /^有効期間開始日/ }).blur();
    await form.getByRole('combobox', { name: '空欄の行の格納媒体' }).selectOption('cdr');
    await form.getByRole('button', { name: '空欄の行に設定する' }).click();
    await form.getByRole('button', { name: '入力内容を確認する' }).click();
    await form.locator('.error-summary').waitFor();
    await pin('cec-certificate-renewal-form', 'renewal-errors');

    await row(2).getByRole('textbox', { name: /^ID通知メールの送付先/ }).fill('ra@gas.example.co.jp');
    await row(3).getByRole('textbox', { name: /^有効期間開始日/ }).fill('2027/1/15');
    await row(3).getByRole('textbox', { name: /^有効期間開始日/ }).blur();
    await form.getByRole('button', { name: '入力内容を確認する' }).click();
    await form.getByRole('heading', { name: '申込内容の確認' }).waitFor();
    await pin('cec-certificate-renewal-form', 'renewal-confirmation');
  }
});

/**
 * The paper application's printed forms, as the printer gets them: `<cec-paper-application>` bundled
 * with esbuild and served by a small page of this test, filled as a host restoring a kept application
 * would (the `value` property), walked with 次へ to 出力 as a person would, stored through
 * `POST /api/paper-applications` (answered here after checking the body with the domain's own
 * `validatePaperApplication`), printed with Chromium's `page.pdf()` and read back with `pdftotext`
 * (poppler-utils): A4 pages, one form per page, every value on its form, the reference number on every page.
 *
 * Node-driven (node:test + playwright-core): printing to PDF is a browser-level call the test runner's
 * page does not offer.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/find-chromium.mjs';
import { validatePaperApplication, type PaperApplication } from '../../src/domain/paper-application.js';
import type { PaperDraft } from '../../src/components/paper-application/paper-draft.js';

const root = new URL('../../', import.meta.url).pathname;
/** 10:00 on 1 June 2027 in Tokyo. */
const NOW = '2027-06-01T01:00:00Z';
const REFERENCE = 'P2706010042';

const person = { department: '', title: '', address: '', residentAddress: '' };
/** A full application for CECTRUST 電子契約 + CECSIGN: two certificate applicants, a separate 請求担当者. */
const DRAFT: PaperDraft = {
  services: ['cectrustContract', 'cecsign'],
  company: { corporateNumber: '7000012050002', name: '株式会社印刷確認建設', nameKana: 'インサツカクニンケンセツ', address: '東京都港区芝浦三丁目4番5号', representative: '代表取締役 印刷花子' },
  contact: { ...person, name: '連絡太郎', nameKana: 'レンラクタロウ', department: '総務部', address: '東京都港区芝浦三丁目4番5号', phone: '0311112222', email: 'renraku@print.example.jp' },
  billingSameAsContact: false,
  billing: { ...person, name: '請求次郎', nameKana: 'セイキュウジロウ', title: '経理課長', address: '大阪府大阪市北区梅田一丁目1番', phone: '0666667777', email: 'seikyu@print.example.jp' },
  userIdApplicants: [{ ...person, name: '契約三郎', nameKana: 'ケイヤクサブロウ', department: '工事契約部', phone: '0322223333', email: 'keiyaku@print.example.jp' }],
  certificateApplicants: [
    { ...person, name: '署名四郎', nameKana: 'ショメイシロウ', title: '工事部長', residentAddress: '神奈川県横浜市中区山下町9番', phone: '09011112222', email: 'shomei4@print.example.jp' },
    { ...person, name: '署名五郎', nameKana: 'ショメイゴロウ', residentAddress: '埼玉県さいたま市浦和区高砂7番', phone: '09033334444', email: 'shomei5@print.example.jp' },
  ],
  eTokenCount: '3',
  postingDate: '2027-06-03',
  issueDates: { commercialRegistration: '2027-05-10', corporateSealCertificate: '令和9年4月1日', 'residentRecord-0': '2027-05-20' },
};

/** What each printed page must show: its title and the values that belong on it. */
const EXPECTED_PAGES: Array<{ title: string; values: string[] }> = [
  { title: '様式１ 法人利用契約書・変更申請書', values: ['7000012050002', '株式会社印刷確認建設', 'インサツカクニンケンセツ', '東京都港区芝浦三丁目4番5号', '代表取締役 印刷花子', 'CECTRUST 電子契約サービス', '代表者印'] },
  { title: '様式２ 届出印申請書', values: ['株式会社印刷確認建設', '代表取締役 印刷花子', '代表者印', '届出印'] },
  { title: '様式３ 電子証明書発行者申請者リスト', values: ['署名四郎', 'ショメイシロウ', '工事部長', '署名五郎', 'ショメイゴロウ', '3個', '届出印'] },
  { title: '様式４ 担当者申請書', values: ['連絡太郎', 'レンラクタロウ', '総務部', '0311112222', 'renraku@print.example.jp', '請求次郎', 'セイキュウジロウ', '経理課長', '大阪府大阪市北区梅田一丁目1番', '0666667777', 'seikyu@print.example.jp'] },
  { title: '様式５ 電子証明書発行申請書', values: ['署名四郎', '神奈川県横浜市中区山下町9番', '09011112222', 'shomei4@print.example.jp', '実印'] },
  { title: '様式５ 電子証明書発行申請書', values: ['署名五郎', '埼玉県さいたま市浦和区高砂7番', '09033334444', 'shomei5@print.example.jp', '実印'] },
  { title: '様式６ ユーザＩＤ申請書', values: ['契約三郎', 'ケイヤクサブロウ', '工事契約部', '0322223333', 'keiyaku@print.example.jp'] },
  { title: '提出書類チェックリスト', values: ['令和9年6月3日', '令和9年3月3日', '登記事項証明書', '令和9年5月10日', '令和9年4月1日', '令和9年5月20日', '申請者個人の印鑑登録証明書', '未入手'] },
  { title: '送付状（宛名）', values: ['〒105-0004', '東京都港区新橋２－６－２ 新橋アイマークビル７Ｆ', '電子契約事業部 宛', '簡易書留', 'help-sign-trust@construction-ec.com', 'TEL：03-3595-4605／FAX：03-3595-4612', '株式会社印刷確認建設'] },
];

/** Text without the spaces and line breaks pdftotext puts where the layout wrapped. */
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the paper application printed to PDF', () => {
  let server: Server;
  let browser: Browser;
  let baseUrl: string;
  let workDir: string;

  before(async () => {
    const bundle = await build({
      entryPoints: [join(root, 'src/components/paper-application/paper-application.ts')],
      bundle: true,
      format: 'esm',
      write: false,
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'error',
    });
    const script = bundle.outputFiles[0]!.text;
    const page = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>paper print</title></head>
<body><cec-paper-application endpoint="/api" no-history></cec-paper-application><script type="module" src="/paper.js"></script></body></html>`;
    server = createServer((request, response) => {
      if (request.url === '/paper.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
      else response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS });
    workDir = mkdtempSync(join(tmpdir(), 'cec-paper-print-'));
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Opens the page with the application filled in and walks it to 出力; resolves the body the backend received. */
  async function walkToOutput(page: Page): Promise<PaperApplication> {
    let received: PaperApplication | undefined;
    await page.route('**/api/paper-applications', async (route) => {
      const body = JSON.parse(route.request().postData() ?? 'null') as unknown;
      const result = validatePaperApplication(body, '2027-06-01');
      assert.ok(result.ok, `the element sent an application the domain refuses: ${JSON.stringify(result.ok ? [] : result.issues)}`);
      received = body as PaperApplication;
      await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ referenceNumber: REFERENCE, acceptedAt: NOW }) });
    });
    await page.goto(baseUrl);
    await page.waitForFunction(() => customElements.get('cec-paper-application') !== undefined);
    await page.evaluate(
      ([draft, now]) => {
        const element = document.querySelector('cec-paper-application') as HTMLElement & { value: unknown; now: () => Date };
        element.now = () => new Date(now);
        element.value = draft;
      },
      [DRAFT, NOW] as const,
    );
    for (const step of ['法人情報', '担当者', 'ユーザID申請者', '電子証明書申請者', '書類チェックリスト', '確認']) {
      await page.getByRole('button', { name: '次へ', exact: true }).click();
      await page.getByRole('heading', { name: new RegExp(`STEP \\d ${step}$`) }).waitFor();
    }
    await page.getByRole('button', { name: '申請書類を作成する' }).click();
    await page.getByRole('heading', { name: /STEP 8 出力/ }).waitFor();
    assert.ok(received, 'the application was stored');
    return received;
  }

  it('prints one A4 page per form with every value on its form and the reference number on every page', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    const stored = await walkToOutput(page);
    assert.equal(stored.billing?.phone, '0666667777');
    assert.equal(stored.issueDates.corporateSealCertificate, '2027-04-01');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = join(workDir, 'paper.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.equal(pages, EXPECTED_PAGES.length, `one page per form, the checklist and the label:\n${info}`);
    // A4 from the element's @page (page.pdf() alone would print Letter, 612 × 792 points).
    assert.match(info, /Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    EXPECTED_PAGES.forEach((expected, index) => {
      const text = compact(execFileSync('pdftotext', ['-layout', '-f', String(index + 1), '-l', String(index + 1), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      assert.ok(text.includes(compact(expected.title)), `page ${index + 1} is ${expected.title}:\n${text}`);
      assert.ok(text.includes(`受付番号：${REFERENCE}`), `page ${index + 1} carries the reference number:\n${text}`);
      assert.ok(text.includes(`${index + 1}／${EXPECTED_PAGES.length}`), `page ${index + 1} is numbered:\n${text}`);
      for (const value of expected.values) assert.ok(text.includes(compact(value)), `page ${index + 1} (${expected.title}) shows ${value}:\n${text}`);
    });
    await page.close();
  });

  it('prints nothing of the wizard around the forms (no step list, no buttons)', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await walkToOutput(page);
    const file = join(workDir, 'paper-only.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const word of ['サービス選択', '印刷する', '申請書類を印刷し']) assert.ok(!compact(text).includes(word), `the printout shows ${word}`);
    await page.close();
  });
});

/**
 * A person's walk through the demo portal's wizard in a playwright-core page (Node-driven tests): each
 * step filled by label and role in Japanese, as csp.spec.ts and screenshots.spec.ts use it.
 */
import type { Page } from 'playwright-core';
import { minimalPdf } from '../server/helpers.js';

/** The headings of STEP 1–6 in Japanese, in order. */
export const STEP_HEADINGS = [
  'STEP 1 利用規約確認',
  'STEP 2 企業情報入力',
  'STEP 3 利用者情報入力',
  'STEP 4 証明書情報入力',
  'STEP 5 申請内容確認',
  'STEP 6 申請完了',
] as const;

/** Waits for STEP `number`'s heading (1–6). */
export async function waitForStep(page: Page, number: number): Promise<void> {
  await page.getByRole('heading', { name: STEP_HEADINGS[number - 1] }).waitFor();
}

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    await page.getByRole('textbox', { name: label, exact: true }).fill(value);
  }
}

const next = (page: Page) => page.getByRole('button', { name: '次へ', exact: true }).click();

/**
 * Fills the step now shown (1–5) and moves on; STEP 5 submits with 確定.
 *
 * @example
 * await waitForStep(page, 1);
 * for (let step = 1; step <= 5; step++) await completeStep(page, step);
 */
export async function completeStep(page: Page, step: number): Promise<void> {
  switch (step) {
    case 1:
      await page.getByRole('checkbox', { name: 'CECTRUST-Light利用規約に同意します。' }).check();
      await page.getByRole('checkbox', { name: 'JCAN電子証明書利用規約に同意します。' }).check();
      await page.getByRole('button', { name: '利用規約に同意して次へ' }).click();
      break;
    case 2: {
      await fill(page, {
        法人番号: '7000012050002',
        企業名: '株式会社山田建設',
        企業名カナ: 'ヤマダケンセツ',
        企業住所: '東京都港区新橋2-4-1',
        代表者: '山田 太郎',
      });
      const pdf = minimalPdf();
      // A file input's role is button; its accessible name is the field's label.
      await page.getByRole('button', { name: '印鑑証明書', exact: true }).setInputFiles({
        name: pdf.name,
        mimeType: 'application/pdf',
        buffer: Buffer.from(await pdf.arrayBuffer()),
      });
      await page.getByText(`選択中のファイル：${pdf.name}`).waitFor();
      await next(page);
      break;
    }
    case 3:
      await fill(page, {
        氏名: '山田 花子',
        氏名カナ: 'ヤマダ ハナコ',
        所属: '総務部',
        住所: '東京都港区新橋2-4-1',
        TEL番号: '03-3595-4605',
        メールアドレス: 'hanako@example.co.jp',
      });
      await next(page);
      break;
    case 4:
      await fill(page, {
        '企業名(アルファベット)': 'YAMADA KENSETSU',
        '部署名(日本語)': '本社',
        '部署名(アルファベット)': 'HONSHA',
        '役職名(日本語)': '社長',
        '役職名(アルファベット)': 'SHACHO',
      });
      await next(page);
      break;
    case 5:
      await page.getByText('YAMADA KENSETSU').first().waitFor();
      await page.getByRole('button', { name: '確定' }).click();
      break;
    default:
      throw new Error(`no step ${step} to complete`);
  }
  await waitForStep(page, step + 1);
}

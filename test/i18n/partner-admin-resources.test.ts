/**
 * The words of the partner elements (`partnerAdmin`): the same keys and placeholders in both languages,
 * English written in English, the guide's sentences kept word for word in Japanese, and none of it in
 * `ja.ts`/`en.ts` (the wizard does not carry them).
 */
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { partnerAdminEn } from '../../src/components/partner-admin/partner-admin.en.js';
import { partnerAdminJa } from '../../src/components/partner-admin/partner-admin.ja.js';
import { assert, describe, it } from './harness.js';

/** Every leaf of a resource tree as `[dotted.key, text]`. */
const leaves = (tree: object, prefix = ''): Map<string, string> =>
  new Map(Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : [...leaves(value as object, `${prefix}${key}.`)])));

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('partner element resources', () => {
  const jaTexts = leaves(partnerAdminJa);
  const enTexts = leaves(partnerAdminEn);

  it('has exactly the same keys and placeholders in English and Japanese', () => {
    assert.deepEqual([...enTexts.keys()].sort(), [...jaTexts.keys()].sort());
    for (const [key, text] of jaTexts) assert.deepEqual(placeholders(enTexts.get(key) ?? ''), placeholders(text), key);
  });

  it('has no empty text and writes English in English', () => {
    for (const [key, text] of [...jaTexts, ...enTexts]) assert.notEqual(text.trim(), '', key);
    for (const [key, text] of enTexts) assert.doesNotMatch(text, /[\u3040-\u30ff\u4e00-\u9fff]/u, `${key}: ${text}`);
  });

  it('keeps the guide\'s sentences word for word', () => {
    const quoted: Array<[string, string]> = [
      ['userForm.intro', '登録する利用者の情報を入力し、確認ボタンを押してください。'],
      ['userForm.confirmIntro', '登録する利用者の情報を確認し、確定ボタンを押してください。'],
      ['signer.userHint', '登録済の利用者IDを署名用IDにする場合、追加の操作は不要です'],
      ['signer.newCertificate', '①新たに電子証明書を発行し利用者IDと紐付けて署名用IDにする'],
      ['signer.issuedCertificate', '②発行済の電子証明書を利用者IDに紐づけて署名用IDにする'],
      ['signer.linkedNext', '「証明書有効性確認」の操作を実行後より紐付けを申請した電子証明書で署名操作を実行できます'],
    ];
    for (const [key, sentence] of quoted) assert.equal(jaTexts.get(key), sentence, key);
    assert.match(jaTexts.get('signer.requested') ?? '', /申請完了から2～3日後、「【CECTRUST-Lightサービス】PINのお知らせ」メール/);
  });

  it('stays out of the wizard\'s resources', () => {
    assert.equal('partnerAdmin' in ja, false);
    assert.equal('partnerAdmin' in en, false);
  });
});

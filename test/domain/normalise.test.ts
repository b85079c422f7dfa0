import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  companyName,
  corporateNumberDigits,
  digitsOnly,
  emailAddress,
  FIELD_NORMALISERS,
  phoneDigits,
  toFullWidthKatakana,
  toHalfWidthAlphabet,
  trimmed,
} from '../../src/domain/index.js';

describe('digitsOnly', () => {
  const examples: Array<[input: string, output: string]> = [
    ['03-3595-4610', '0335954610'],
    ['０３－３５９５－４６１０', '0335954610'],
    ['０３３５９５４６１０', '0335954610'],
    ['090 1234 5678', '09012345678'],
    ['090\u30001234\u30005678', '09012345678'],
    ['(03)3595-4610', '0335954610'],
    ['（０３）３５９５ー４６１０', '0335954610'],
    ['03−3595—4610', '0335954610'],
    ['７０００-０１２０-５０００２', '7000012050002'],
    ['03-3595-461a', '033595461a'], // letters stay, for the rule to refuse
  ];
  for (const [input, output] of examples) {
    it(`turns ${JSON.stringify(input)} into ${JSON.stringify(output)}`, () => assert.equal(digitsOnly(input), output));
  }
});

describe('toFullWidthKatakana (application guide, STEP 2/3 カナ fields)', () => {
  const examples: Array<[input: string, output: string]> = [
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['やまだ', 'ヤマダ'],
    ['ヤマダ', 'ヤマダ'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬ', 'カブシキガイシャ'],
    ['ﾊﾟﾋﾟﾌﾟ', 'パピプ'],
    ['ゔぁいおりん', 'ヴァイオリン'],
    ['やまぐち ｼﾝｺﾞ', 'ヤマグチ　シンゴ'],
    ['ヤマダ　タロウ', 'ヤマダ　タロウ'],
    ['  ヤマダ   タロウ  ', 'ヤマダ　タロウ'],
    ['ヤマダ\tタロウ', 'ヤマダ　タロウ'],
    ['ｰ', 'ー'],
    ['ｺｰﾋｰ･ｼｮｯﾌﾟ', 'コーヒー・ショップ'],
    // A dash typed after kana is the long vowel mark, whichever key made it.
    ['コンピュ-タ', 'コンピュータ'],
    ['コンピュ－タ', 'コンピュータ'],
    ['コンピュ‐タ', 'コンピュータ'],
    ['コンピュ−タ', 'コンピュータ'],
    ['コンピュ―タ', 'コンピュータ'],
    ['こんぴゅ-た-', 'コンピューター'],
    ['-ヤマダ', '-ヤマダ'], // nothing before it to lengthen: left for the rule to refuse
    // Iteration marks are written out, as registries spell names.
    ['いすゞ', 'イスズ'],
    ['みすゞ', 'ミスズ'],
    ['ささゝ', 'サササ'],
    ['スヽヽ', 'ススス'],
    ['ハヾ', 'ハバ'],
    ['ガヽ', 'ガカ'],
    ['アヾ', 'アア'], // ア has no voiced form
    ['ヽヤマダ', 'ヽヤマダ'], // nothing to repeat: left for the rule to refuse
    ['yamada', 'yamada'], // left for the rule to refuse
    ['(カ)', '(カ)'], // left for the rule to refuse, naming 「(」
  ];
  for (const [input, output] of examples) {
    it(`turns ${JSON.stringify(input)} into ${JSON.stringify(output)}`, () => assert.equal(toFullWidthKatakana(input), output));
  }
});

describe('toHalfWidthAlphabet (application guide, STEP 4)', () => {
  const examples: Array<[input: string, output: string]> = [
    ['ＹＡＭＡＤＡ', 'YAMADA'],
    ['ＳＨＡＣＨＯ', 'SHACHO'],
    ['ｙａｍａｄａ　ｋｅｎｓｅｔｓｕ', 'yamada kensetsu'],
    ['  HONSHA   EIGYOBU ', 'HONSHA EIGYOBU'],
    ['ＣＯＮＳＴＲＵＣＴＩＯＮ－ＥＣ．ＣＯＭ', 'CONSTRUCTION-EC.COM'],
    ['１２３', '123'],
    ['山田', '山田'], // left for the rule to refuse
    // Every dash typed or pasted for a hyphen, an IME's ー included.
    ...[...'ー‐‑−–—－'].map((dash): [string, string] => [`EIGYO${dash}BU`, 'EIGYO-BU']),
    // Marks fold: Hepburn macrons and accents.
    ['KŌGYŌ', 'KOGYO'],
    ['Ōsaka Shōji', 'Osaka Shoji'],
    ['ÉCOLE', 'ECOLE'],
    ['Ｏ\u0304SAKA', 'OSAKA'],
  ];
  for (const [input, output] of examples) {
    it(`turns ${JSON.stringify(input)} into ${JSON.stringify(output)}`, () => assert.equal(toHalfWidthAlphabet(input), output));
  }
});

describe('trimmed', () => {
  it('removes surrounding spaces, full-width ones included', () => assert.equal(trimmed('\u3000 東京都港区 \n'), '東京都港区'));
  it('keeps inner spaces and full-width characters as typed', () => assert.equal(trimmed('山田　太郎  ＡＢＣ'), '山田　太郎  ＡＢＣ'));
});

describe('idempotence of the normalisers (normalise.ts promises f(f(x)) === f(x))', () => {
  // Found by the property tests in properties.test.ts; the normalisers are not fixed here.
  it(
    'digitsOnly is idempotent when a removed hyphen separates a letter from a combining mark',
    () => {
      const once = digitsOnly('e-\u0301');
      assert.equal(digitsOnly(once), once);
    },
  );

  it(
    'digitsOnly is idempotent on a spacing voiced sound mark (゛)',
    () => {
      const once = digitsOnly('か゛');
      assert.equal(digitsOnly(once), once);
    },
  );

  it(
    'toFullWidthKatakana is idempotent on hiragana わ followed by a combining voiced mark',
    () => {
      const once = toFullWidthKatakana('わ\u3099');
      assert.equal(toFullWidthKatakana(once), once);
    },
  );
});

/** A table of conversions: each input turned into its output by `normalise`. */
function describeConversions(title: string, normalise: (input: string) => string, examples: Array<[input: string, output: string]>): void {
  describe(title, () => {
    for (const [input, output] of examples) {
      it(`turns ${JSON.stringify(input)} into ${JSON.stringify(output)}`, () => assert.equal(normalise(input), output));
    }
  });
}

describeConversions('emailAddress', emailAddress, [
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'taro@example.co.jp'],
    ['taro＠example.jp', 'taro@example.jp'],
    ['\u3000taro@example.jp ', 'taro@example.jp'],
    ['Taro.Yamada+cec@Example.co.jp', 'Taro.Yamada+cec@Example.co.jp'], // case kept: the local part is the owner's
]);

describeConversions('corporateNumberDigits', corporateNumberDigits, [
    ['7000012050002', '7000012050002'],
    ['T7000012050002', '7000012050002'], // the invoice registration number
    ['t7000-0120-50002', '7000012050002'],
    ['Ｔ７００００１２０５０００２', '7000012050002'],
    ['T700001205000', 'T700001205000'], // not T + 13 digits: left for the rule to refuse
    ['X7000012050002', 'X7000012050002'],
]);

describeConversions('phoneDigits', phoneDigits, [
    ['03-3595-4605', '0335954605'],
    ['+81 3-3595-4605', '0335954605'],
    ['+81-3-3595-4605', '0335954605'],
    ['+81 (0)3-3595-4605', '0335954605'],
    ['＋８１　９０－１２３４－５６７８', '09012345678'],
    ['+1 212 555 0100', '+12125550100'], // not Japanese: left for the rule to refuse
    ['03-3595-4605 内線 12', '03-3595-4605 内線 12'], // an extension: left as typed, for its own message
    [' 03-3595-4605 ext. 12 ', '03-3595-4605 ext. 12'],
]);

describeConversions('companyName (企業名: the certificate takes it)', companyName, [
    ['㈱山田建設', '株式会社山田建設'],
    ['山田建設㈱', '山田建設株式会社'],
    ['(株)山田建設', '株式会社山田建設'],
    ['（株）山田建設', '株式会社山田建設'],
    ['山田建設（ 株 ）', '山田建設株式会社'],
    ['㈲山田工務店', '有限会社山田工務店'],
    ['(有)山田工務店', '有限会社山田工務店'],
    ['(同)山田', '合同会社山田'],
    ['㍿山田', '株式会社山田'],
    ['  株式会社山田建設 ', '株式会社山田建設'],
    ['山田(株式会社)', '山田(株式会社)'], // written out already
    ['ＡＢＣ建設', 'ＡＢＣ建設'], // full-width letters of a registered name stay as registered
]);

describe('FIELD_NORMALISERS (what the forms show once a field is left)', () => {
  it('names a normaliser for every text field of STEP 2–4', () => {
    assert.deepEqual(Object.keys(FIELD_NORMALISERS.company), ['corporateNumber', 'name', 'nameKana', 'address', 'representative']);
    assert.deepEqual(Object.keys(FIELD_NORMALISERS.adminUser), ['name', 'nameKana', 'department', 'title', 'address', 'phone', 'email']);
    assert.deepEqual(Object.keys(FIELD_NORMALISERS.certificate), ['companyNameAlpha', 'departmentJa', 'departmentAlpha', 'titleJa', 'titleAlpha']);
  });
});

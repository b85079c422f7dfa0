import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digitsOnly, toFullWidthKatakana, toHalfWidthAlphabet, trimmed } from '../../src/domain/index.js';

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
    ['yamada', 'yamada'], // left for the rule to refuse
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

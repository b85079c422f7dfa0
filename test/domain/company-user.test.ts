import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  certificatePinSchema,
  companyUserSchema,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordChangeSchema,
  signerCertificateRequestSchema,
  signInRequestSchema,
} from '../../src/domain/company-user.js';
import { validateSection } from '../../src/domain/validation.js';
import { acceptedValue, certificateDraft, refusals } from './helpers.js';

/** The appendix's example user (付録 ⑧), optional fields empty. */
const userDraft = { role: 'general', name: '佐藤 次郎', nameKana: 'サトウ ジロウ', email: 'mmtstuser2@gmail.com' } as const;
const user = (fields: Record<string, unknown>) => validateSection(companyUserSchema, { ...userDraft, ...fields });

describe('companyUserSchema (付録 自社利用者情報登録)', () => {
  const accepted: Array<[behaviour: string, fields: Record<string, unknown>, expected: Record<string, unknown>]> = [
    ['takes 一般 when no 権限 is given', { role: undefined }, { role: 'general', nameKana: 'サトウ　ジロウ' }],
    ['takes 管理者', { role: 'admin' }, { role: 'admin' }],
    ['converts hiragana and half-width kana in 利用者名カナ, as STEP 3 does', { nameKana: 'さとう ｼﾞﾛｳ' }, { nameKana: 'サトウ　ジロウ' }],
    ['leaves TEL番号 out when blank', { phone: '  ' }, { phone: undefined }],
    ['normalises a TEL番号 given', { phone: '０３-３５９５-４６１０' }, { phone: '0335954610' }],
    ['keeps 所属 and 役職 trimmed', { department: ' 工事部 ', title: '課長 ' }, { department: '工事部', title: '課長' }],
    ['converts a full-width address', { email: 'ｊｉｒｏ＠ｅｘａｍｐｌｅ．ｊｐ' }, { email: 'jiro@example.jp' }],
  ];
  for (const [behaviour, fields, expected] of accepted) {
    it(behaviour, () => {
      const value = acceptedValue(user(fields)) as Record<string, unknown>;
      for (const [key, wanted] of Object.entries(expected)) assert.equal(value[key], wanted, key);
    });
  }

  it('has no 住所: an address is not part of the value', () => {
    const value = acceptedValue(user({ address: '東京都港区' })) as Record<string, unknown>;
    assert.equal('address' in value, false);
  });

  const refused: Array<[behaviour: string, fields: Record<string, unknown>, issues: string[]]> = [
    ['refuses a missing 利用者名', { name: '' }, ['name:required']],
    ['refuses a missing 利用者名カナ', { nameKana: undefined }, ['nameKana:required']],
    ['refuses kanji in 利用者名カナ, naming the character', { nameKana: '佐藤ジロウ' }, ['nameKana:katakana']],
    ['refuses a missing メールアドレス', { email: '' }, ['email:required']],
    ['refuses a malformed メールアドレス', { email: 'jiro@' }, ['email:email']],
    ['refuses a TEL番号 that is not a Japanese number', { phone: '12345' }, ['phone:phone']],
    ['refuses an extension in TEL番号', { phone: '03-3595-4610 内線12' }, ['phone:phoneExtension']],
    ['refuses an unknown 権限', { role: 'owner' }, ['role:required']],
  ];
  for (const [behaviour, fields, issues] of refused) {
    it(behaviour, () => assert.deepEqual(refusals(user(fields)), issues));
  }
});

describe('signInRequestSchema (4② 利用者ID and password)', () => {
  it('converts a full-width 利用者ID and keeps the password exactly as typed', () => {
    const value = acceptedValue(validateSection(signInRequestSchema, { userId: ' Ｌ０００ ０００１ ', password: ' pass word ' }));
    assert.deepEqual(value, { userId: 'L0000001', password: ' pass word ' });
  });

  const refused: Array<[behaviour: string, draft: Record<string, unknown>, issues: string[]]> = [
    ['refuses a missing 利用者ID', { userId: '', password: 'x' }, ['userId:required']],
    ['refuses a missing password', { userId: 'L0000001', password: '' }, ['password:required']],
    ['refuses an overlong password', { userId: 'L0000001', password: 'x'.repeat(MAX_PASSWORD_LENGTH + 1) }, ['password:tooLong']],
  ];
  for (const [behaviour, draft, issues] of refused) {
    it(behaviour, () => assert.deepEqual(refusals(validateSection(signInRequestSchema, draft)), issues));
  }
});

describe('passwordChangeSchema (the password policy)', () => {
  const change = (fields: Record<string, unknown>) =>
    validateSection(passwordChangeSchema, {
      userId: 'L0000001',
      currentPassword: 'Initial-0001',
      newPassword: 'kensetsu2027',
      confirmation: 'kensetsu2027',
      ...fields,
    });

  it(`accepts ${MIN_PASSWORD_LENGTH} characters with a letter and a digit`, () => {
    acceptedValue(change({ newPassword: 'abcdefghi1', confirmation: 'abcdefghi1' }));
  });

  it('accepts Japanese letters and full-width digits as letters and digits', () => {
    acceptedValue(change({ newPassword: 'やまだけんせつ２０２７', confirmation: 'やまだけんせつ２０２７' }));
  });

  const refused: Array<[behaviour: string, fields: Record<string, unknown>, issues: string[]]> = [
    ['refuses an empty new password', { newPassword: '', confirmation: '' }, ['newPassword:required', 'confirmation:required']],
    ['refuses a password shorter than the minimum', { newPassword: 'abc12345', confirmation: 'abc12345' }, ['newPassword:passwordTooShort']],
    ['refuses a password of letters only', { newPassword: 'kensetsukaisha', confirmation: 'kensetsukaisha' }, ['newPassword:passwordLetterAndDigit']],
    ['refuses a password of digits only', { newPassword: '12345678901', confirmation: '12345678901' }, ['newPassword:passwordLetterAndDigit']],
    ['refuses a password containing the 利用者ID, whatever the case', { newPassword: 'xx-l0000001-xx', confirmation: 'xx-l0000001-xx' }, ['newPassword:passwordContainsUserId']],
    ['refuses the current password again', { currentPassword: 'kensetsu2027' }, ['newPassword:passwordUnchanged']],
    ['refuses a confirmation that differs', { confirmation: 'kensetsu2028' }, ['confirmation:passwordMismatch']],
    ['refuses a missing current password', { currentPassword: '' }, ['currentPassword:required']],
  ];
  for (const [behaviour, fields, issues] of refused) {
    it(behaviour, () => assert.deepEqual(refusals(change(fields)), issues));
  }
});

describe('certificatePinSchema (証明書の有効性確認)', () => {
  const pin = (value: unknown) => validateSection(certificatePinSchema, { pin: value });

  it('converts full-width digits and drops spaces and hyphens', () => {
    assert.deepEqual(acceptedValue(pin('１２３４-５６７８ ')), { pin: '12345678' });
  });

  const refused: Array<[typed: string, issues: string[]]> = [
    ['', ['pin:required']],
    ['123', ['pin:pinFormat']],
    ['12345678901234567', ['pin:pinFormat']],
    ['1234*5678', ['pin:pinFormat']],
  ];
  for (const [typed, issues] of refused) {
    it(`refuses ${JSON.stringify(typed)}`, () => assert.deepEqual(refusals(pin(typed)), issues));
  }
});

describe('signerCertificateRequestSchema (電子証明書追加発行申請: STEP 4 rules)', () => {
  const request = (fields: Record<string, unknown>) =>
    validateSection(signerCertificateRequestSchema, { userId: 'L0000002', certificate: { ...certificateDraft, ...fields } });

  it('normalises the alphabet fields as STEP 4 does', () => {
    const value = acceptedValue(request({ departmentAlpha: 'ＫＯＪＩ－ＢＵ', titleAlpha: ' bucho ' }));
    assert.equal(value.certificate.departmentAlpha, 'KOJI-BU');
    assert.equal(value.certificate.titleAlpha, 'bucho');
  });

  const refused: Array<[behaviour: string, fields: Record<string, unknown>, issues: string[]]> = [
    ['refuses a missing 部署名(日本語)', { departmentJa: '' }, ['certificate.departmentJa:required']],
    ['refuses kana in 役職名(アルファベット)', { titleAlpha: 'ブチョウ' }, ['certificate.titleAlpha:alphabet']],
    ['refuses 部署名 and 役職名 over 60 together', { departmentAlpha: 'D'.repeat(31), titleAlpha: 'T'.repeat(30) }, ['certificate.titleAlpha:departmentTitleTooLong']],
  ];
  for (const [behaviour, fields, issues] of refused) {
    it(behaviour, () => assert.deepEqual(refusals(request(fields)), issues));
  }

  it('refuses a request without the user', () => {
    assert.deepEqual(refusals(validateSection(signerCertificateRequestSchema, { certificate: certificateDraft })), ['userId:required']);
  });
});

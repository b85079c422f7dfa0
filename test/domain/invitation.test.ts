import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  API_ERROR_CODES,
  errorBodySchema,
  INVITATION_VALID_DAYS,
  invitationSchema,
  receiptSchema,
  validateSection,
} from '../../src/domain/index.js';
import { acceptedValue, refusals } from './helpers.js';

const invitation = {
  token: 'BX5SGFHbFjGgwclR6SGEGqBr8MwrTyaTCa50PkYkAY',
  inviter: { name: '山田建設株式会社' },
  expiresAt: '2024-02-29T23:59:59+09:00',
};

describe('invitationSchema (GET {endpoint}/invitations/{token})', () => {
  it('accepts the minimal invitation of the backend contract', () => {
    assert.deepEqual(acceptedValue(validateSection(invitationSchema, invitation)), invitation);
  });

  it('accepts a recipient, prefill, branding and allowed kinds', () => {
    const full = {
      ...invitation,
      recipient: { companyName: '株式会社サンプル', name: '山口 慎吾', email: 'yamaguchi@example.co.jp' },
      prefill: { company: { name: '株式会社サンプル' }, adminUser: { email: 'yamaguchi@example.co.jp' } },
      branding: { displayName: '山田建設 取引先ポータル', logoUrl: 'https://example.jp/logo.svg', primaryColor: '#0055aa' },
      allowedKinds: ['corporation', 'soleProprietor'],
    };
    assert.deepEqual(acceptedValue(validateSection(invitationSchema, full)), full);
  });

  const refused: Array<[behaviour: string, body: unknown, issue: string]> = [
    ['refuses an invitation without inviter', { ...invitation, inviter: undefined }, 'inviter:invalid'],
    ['refuses an inviter name longer than 200 characters', { ...invitation, inviter: { name: 'x'.repeat(201) } }, 'inviter.name:invalid'],
    ['refuses an unknown entity kind in allowedKinds', { ...invitation, allowedKinds: ['partnership'] }, 'allowedKinds.0:invalid'],
    ['refuses a prefill value that is not text', { ...invitation, prefill: { company: { name: 1 } } }, 'prefill.company.name:invalid'],
  ];
  for (const [behaviour, body, issue] of refused) {
    it(behaviour, () => assert.deepEqual(refusals(validateSection(invitationSchema, body)), [issue]));
  }

  it(`keeps an invitation valid for ${INVITATION_VALID_DAYS} days (application guide, お知らせ ④)`, () => {
    assert.equal(INVITATION_VALID_DAYS, 35);
  });
});

describe('receiptSchema (201 of POST {endpoint}/applications)', () => {
  it('accepts a 10-digit receipt number such as 2401260002', () => {
    assert.ok(acceptedValue(validateSection(receiptSchema, { receiptNumber: '2401260002', acceptedAt: '2024-01-26T10:00:00+09:00' })));
  });
  for (const receiptNumber of ['240126000', '24012600021', '240126000A', '２４０１２６０００２', '']) {
    it(`refuses the receipt number ${JSON.stringify(receiptNumber)}`, () => {
      assert.equal(validateSection(receiptSchema, { receiptNumber, acceptedAt: 'x' }).ok, false);
    });
  }
});

describe('errorBodySchema (every failure of the backend)', () => {
  it('accepts an error with field issues', () => {
    const body = { error: { code: 'validation_failed', message: '入力内容に誤りがあります', issues: [{ path: ['company', 'nameKana'], message: 'katakana' }] } };
    assert.deepEqual(acceptedValue(validateSection(errorBodySchema, body)), body);
  });
  it('refuses a body without code', () => {
    assert.equal(validateSection(errorBodySchema, { error: { message: 'x' } }).ok, false);
  });
  it('names every code the SPEC lists for the backend', () => {
    for (const code of ['invitation_not_found', 'invitation_expired', 'invitation_used', 'validation_failed', 'document_too_large', 'document_not_pdf']) {
      assert.ok((API_ERROR_CODES as readonly string[]).includes(code), code);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tokyoDateTime, tokyoDayStamp } from '../../demo/server/tokyo-time.js';
import { invitationState } from '../../demo/server/invitations.js';

describe('tokyoDayStamp (the YYMMDD of a receipt number)', () => {
  const examples: Array<[instant: string, stamp: string]> = [
    ['2024-01-25T14:59:59.999Z', '240125'],
    ['2024-01-25T15:00:00.000Z', '240126'], // midnight in Tokyo
    ['2024-02-28T15:00:00.000Z', '240229'], // leap day
    ['2099-12-31T15:00:00.000Z', '000101'],
  ];
  for (const [instant, stamp] of examples) {
    it(`gives ${stamp} for ${instant}`, () => assert.equal(tokyoDayStamp(new Date(instant)), stamp));
  }

  it('agrees with the Asia/Tokyo time zone of the ICU data for any instant', () => {
    const tokyo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: '2-digit', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), (instant) => {
        assert.equal(tokyoDayStamp(instant), tokyo.format(instant).replaceAll('-', ''));
      }),
    );
  });
});

describe('tokyoDateTime (dates in mails)', () => {
  it('writes YYYY/MM/DD HH:mm in Tokyo time', () => {
    assert.equal(tokyoDateTime(new Date('2024-01-25T15:30:00Z')), '2024/01/26 00:30');
  });
});

describe('invitationState', () => {
  const expiresAt = '2024-03-01T00:00:00.000Z';
  it('is open before the expiry instant', () => {
    assert.equal(invitationState({ usedAt: null, expiresAt }, new Date('2024-02-29T23:59:59.999Z')), 'open');
  });
  it('is expired from the expiry instant on', () => {
    assert.equal(invitationState({ usedAt: null, expiresAt }, new Date(expiresAt)), 'expired');
  });
  it('stays used after the expiry: the partner did apply', () => {
    assert.equal(invitationState({ usedAt: '2024-02-01T00:00:00.000Z', expiresAt }, new Date('2025-01-01T00:00:00Z')), 'used');
  });
});

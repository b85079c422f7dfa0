import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatTokyoDateTime } from '../../src/components/shared/format.js';

/** What Intl writes for the same instant: the Intl-free formatter must read exactly the same. */
function intl(instant: Date, locale: string, withTime: boolean): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' as const } : {}), timeZone: 'Asia/Tokyo' }).format(instant);
}

describe('formatTokyoDateTime (Japan time without Intl)', () => {
  it('writes what Intl writes, in ja-JP and en-GB, with and without the time, across days, months and years', () => {
    // Every 7 h 13 min over two years: each hour of the day, both sides of midnight in Tokyo and in UTC, leap day 2028-02-29.
    for (let time = Date.parse('2026-12-30T00:00:00Z'); time < Date.parse('2028-12-31T00:00:00Z'); time += (7 * 60 + 13) * 60_000) {
      const instant = new Date(time);
      for (const withTime of [true, false]) {
        assert.equal(formatTokyoDateTime(instant, 'ja', withTime), intl(instant, 'ja-JP', withTime), instant.toISOString());
        assert.equal(formatTokyoDateTime(instant.toISOString(), 'en', withTime), intl(instant, 'en-GB', withTime), instant.toISOString());
      }
    }
  });

  it('gives the deadline of the contract in Japan time whatever the zone of the reader', () => {
    assert.equal(formatTokyoDateTime('2027-01-03T14:59:59.999Z', 'ja'), '2027年1月3日 23:59');
    assert.equal(formatTokyoDateTime('2027-01-03T15:00:00.000Z', 'en', false), '4 January 2027');
  });

  it('shows an unreadable instant as given', () => {
    assert.equal(formatTokyoDateTime('soon', 'ja'), 'soon');
  });
});

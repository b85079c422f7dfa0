import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addBusinessDays,
  addDays,
  addMonths,
  daysBetween,
  isBusinessDay,
  isIsoDate,
  parseTypedDate,
  tokyoToday,
  toJapaneseEra,
} from '../../src/domain/dates.js';

const RUNS = { numRuns: 300 };

describe('parseTypedDate', () => {
  const accepted: Array<[typed: string, date: string]> = [
    ['2027-04-01', '2027-04-01'],
    ['2027/4/1', '2027-04-01'],
    ['2027/04/01', '2027-04-01'],
    ['2027.4.1', '2027-04-01'],
    ['2027年4月1日', '2027-04-01'],
    ['2027年4月1', '2027-04-01'],
    ['20270401', '2027-04-01'],
    ['  2027-4-1  ', '2027-04-01'],
    ['２０２７－０４－０１', '2027-04-01'],
    ['２０２７／４／１', '2027-04-01'],
    ['２０２７年４月１日', '2027-04-01'],
    ['令和9年4月1日', '2027-04-01'],
    ['令和９年４月１日', '2027-04-01'],
    ['令和 9年 4月 1日', '2027-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['R9.4.1', '2027-04-01'],
    ['r9/4/1', '2027-04-01'],
    ['Ｒ９．４．１', '2027-04-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['H30.2.28', '2018-02-28'],
    ['2028-02-29', '2028-02-29'],
    ['令和10年2月29日', '2028-02-29'],
  ];
  for (const [typed, date] of accepted) {
    it(`reads ${JSON.stringify(typed)} as ${date}`, () => assert.deepEqual(parseTypedDate(typed), { ok: true, date }));
  }

  const refused: Array<[typed: string, code: string]> = [
    ['', 'dateFormat'],
    ['明日', 'dateFormat'],
    ['4/1', 'dateFormat'],
    ['27/4/1', 'dateFormat'],
    ['2027-04', 'dateFormat'],
    ['2027-04-01T00:00', 'dateFormat'],
    ['昭和64年1月7日', 'dateFormat'],
    ['2027-02-29', 'dateInvalid'],
    ['2027/13/1', 'dateInvalid'],
    ['2027/4/31', 'dateInvalid'],
    ['2027/0/10', 'dateInvalid'],
    ['2027/4/0', 'dateInvalid'],
    ['令和9年2月29日', 'dateInvalid'],
    ['令和0年5月1日', 'dateInvalid'],
    ['平成31年5月1日', 'eraRange'],
    ['令和元年4月30日', 'eraRange'],
    ['平成元年1月7日', 'eraRange'],
  ];
  for (const [typed, code] of refused) {
    it(`refuses ${JSON.stringify(typed)} with ${code}`, () => assert.deepEqual(parseTypedDate(typed), { ok: false, code }));
  }

  it('reads every real day back from its ISO form, its slash form and its full-width form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const iso = instant.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-').map(Number);
        const slash = `${year}/${month}/${day}`;
        const fullWidth = slash.replace(/[0-9/]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
        for (const typed of [iso, slash, fullWidth]) assert.deepEqual(parseTypedDate(typed), { ok: true, date: iso });
      }),
      RUNS,
    );
  });

  it('reads the era form toJapaneseEra writes back to the same day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1989-01-08T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const iso = instant.toISOString().slice(0, 10);
        assert.deepEqual(parseTypedDate(toJapaneseEra(iso)!), { ok: true, date: iso });
      }),
      RUNS,
    );
  });

  it('never throws, and whatever it accepts is a real ISO day', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789０１２３４５６７８９/-.年月日令和平成元RH '), maxLength: 14 }), (typed) => {
        const result = parseTypedDate(typed);
        if (result.ok) assert.ok(isIsoDate(result.date), `${typed} → ${result.date}`);
      }),
      RUNS,
    );
  });
});

describe('tokyoToday (Japan time from an instant)', () => {
  const examples: Array<[behaviour: string, instant: string, today: string]> = [
    ['midnight in Tokyo is already the next day (15:00 UTC)', '2027-03-31T15:00:00.000Z', '2027-04-01'],
    ['one millisecond before midnight in Tokyo is still the day before', '2027-03-31T14:59:59.999Z', '2027-03-31'],
    ['09:00 in Tokyo is the same day as in UTC', '2027-04-01T00:00:00.000Z', '2027-04-01'],
    ['New Year in Tokyo while UTC is still in the old year', '2027-12-31T15:00:00.000Z', '2028-01-01'],
    ['the leap day begins in Tokyo at 15:00 UTC on 2/28', '2028-02-28T15:00:00.000Z', '2028-02-29'],
    ['an instant written with +09:00', '2027-04-01T00:00:00+09:00', '2027-04-01'],
  ];
  for (const [behaviour, instant, today] of examples) {
    it(behaviour, () => assert.equal(tokyoToday(new Date(instant)), today));
  }

  it('is the UTC day of the instant nine hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), (instant) => {
        const today = tokyoToday(instant);
        const tokyoWall = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
        assert.equal(today, tokyoWall);
      }),
      RUNS,
    );
  });
});

describe('addDays and daysBetween', () => {
  const examples: Array<[from: string, days: number, to: string]> = [
    ['2027-04-01', 0, '2027-04-01'],
    ['2027-04-01', 1, '2027-04-02'],
    ['2027-04-01', -1, '2027-03-31'],
    ['2026-11-29', 179, '2027-05-27'],
    ['2026-11-29', 180, '2027-05-28'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-03-01', -1, '2028-02-29'],
  ];
  for (const [from, days, to] of examples) {
    it(`${from} ${days >= 0 ? '+' : '−'} ${Math.abs(days)} days is ${to}`, () => {
      assert.equal(addDays(from, days), to);
      assert.equal(daysBetween(from, to), days);
    });
  }

  it('adding then measuring gives the days back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -4000, max: 4000 }), (instant, days) => {
        const from = instant.toISOString().slice(0, 10);
        const to = addDays(from, days);
        assert.ok(isIsoDate(to));
        assert.equal(daysBetween(from, to), days);
      }),
      RUNS,
    );
  });
});

describe('addMonths (month ends clamp to the shorter month)', () => {
  const examples: Array<[from: string, months: number, to: string]> = [
    ['2027-05-31', -3, '2027-02-28'],
    ['2028-05-31', -3, '2028-02-29'],
    ['2027-05-30', -3, '2027-02-28'],
    ['2027-05-28', -3, '2027-02-28'],
    ['2027-05-27', -3, '2027-02-27'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-02-28', 3, '2027-05-28'],
    ['2027-01-15', -3, '2026-10-15'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2027-07-31', -3, '2027-04-30'],
  ];
  for (const [from, months, to] of examples) {
    it(`${from} ${months >= 0 ? '+' : '−'} ${Math.abs(months)} months is ${to}`, () => assert.equal(addMonths(from, months), to));
  }

  it('keeps the day of month when the target month has it, else gives that month’s last day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -24, max: 24 }), (instant, months) => {
        const from = instant.toISOString().slice(0, 10);
        const to = addMonths(from, months);
        assert.ok(isIsoDate(to));
        const fromDay = Number(from.slice(8));
        const toDay = Number(to.slice(8));
        assert.ok(toDay === fromDay || (toDay < fromDay && addDays(to, 1).slice(8) === '01'));
        const monthDistance = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
        assert.equal(monthDistance, months);
      }),
      RUNS,
    );
  });
});

describe('business days', () => {
  const examples: Array<[behaviour: string, from: string, count: number, to: string]> = [
    ['Thursday + 5 is the next Thursday', '2027-04-01', 5, '2027-04-08'],
    ['Saturday + 1 is Monday', '2027-04-03', 1, '2027-04-05'],
    ['the year-end break 12/29–1/3 is skipped', '2027-12-27', 5, '2028-01-07'],
  ];
  for (const [behaviour, from, count, to] of examples) it(behaviour, () => assert.equal(addBusinessDays(from, count), to));

  it('knows weekends and the year-end break', () => {
    assert.equal(isBusinessDay('2027-04-02'), true);
    assert.equal(isBusinessDay('2027-04-04'), false);
    assert.equal(isBusinessDay('2027-12-29'), false);
    assert.equal(isBusinessDay('2028-01-03'), false);
    assert.equal(isBusinessDay('2028-01-04'), true);
  });
});

describe('toJapaneseEra', () => {
  const examples: Array<[date: string, era: string | undefined]> = [
    ['2027-04-01', '令和9年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', undefined],
  ];
  for (const [date, era] of examples) it(`writes ${date} as ${era}`, () => assert.equal(toJapaneseEra(date), era));
});

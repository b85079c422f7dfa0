/**
 * Calendar dates as people in Japan type them, and the date arithmetic the renewal request and the paper
 * application's ★ certificates need. A date here is a plain calendar day written `YYYY-MM-DD` (`IsoDate`):
 * no time, no zone. "Today" is the calendar day in Japan (Asia/Tokyo, UTC+9 all year: no daylight saving
 * time), read from an injectable clock so tests and servers decide what "now" is.
 */

/** A calendar day, `YYYY-MM-DD` (e.g. `2027-04-01`). */
export type IsoDate = string;

/** What "now" is: `() => new Date()` unless a test or a server says otherwise. */
export type Clock = () => Date;

/** Why a typed date was not read: not a date shape at all, a day that does not exist, or a year outside its era. */
export type DateParseCode = 'dateFormat' | 'dateInvalid' | 'eraRange';

/** A typed date read (`ok`) or the reason it could not be. */
export type DateParseResult = { ok: true; date: IsoDate } | { ok: false; code: DateParseCode };

const DAY_MS = 24 * 60 * 60 * 1000;
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `2027-04-01`, `2027/4/1`, `2027.4.1`, `2027年4月1日` (full-width forms arrive here already half-width). */
const WESTERN = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/u;
/** `20270401`, as spreadsheets and systems often write it. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `令和9年4月1日`, `令和元年5月1日`, `R9.4.1`, `H31/4/30`, `平成31年4月30日`. */
const ERA = /^(令和|平成|R|H)\s*(元|\d{1,2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/iu;

/** The Japanese eras a typed date may name: first day, and the last day for an era that has ended. */
const ERAS = {
  reiwa: { names: ['令和', 'r'], first: '2019-05-01', last: undefined, name: '令和' },
  heisei: { names: ['平成', 'h'], first: '1989-01-08', last: '2019-04-30', name: '平成' },
} as const;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The `IsoDate` of year, month (1–12), day, or `undefined` when that day does not exist (2027-02-30). */
function isoOf(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Days in a month of the Gregorian calendar.
 *
 * @example
 * daysInMonth(2028, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether `value` is a real calendar day written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate('2028-02-29') // true
 * isIsoDate('2027-02-29') // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && isoOf(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/**
 * Reads a date as people type it: `2027-04-01`, `2027/4/1`, `2027.4.1`, `2027年4月1日`, `20270401`,
 * full-width digits and separators (`２０２７／４／１`), and the eras 令和 and 平成 (`令和9年4月1日`,
 * `令和元年5月1日`, `R9.4.1`, `H31.4.30`). A day that does not exist is `dateInvalid`; an era year whose day
 * falls outside that era (平成31年5月1日) is `eraRange`.
 *
 * @example
 * parseTypedDate('令和９年４月１日') // { ok: true, date: '2027-04-01' }
 * parseTypedDate('2027/2/30')      // { ok: false, code: 'dateInvalid' }
 */
export function parseTypedDate(input: string): DateParseResult {
  const text = input.normalize('NFKC').trim();
  const western = WESTERN.exec(text) ?? COMPACT.exec(text);
  if (western) {
    const date = isoOf(Number(western[1]), Number(western[2]), Number(western[3]));
    return date ? { ok: true, date } : { ok: false, code: 'dateInvalid' };
  }
  const era = ERA.exec(text);
  if (!era) return { ok: false, code: 'dateFormat' };
  const name = era[1]!.toLowerCase();
  const chosen = Object.values(ERAS).find((each) => (each.names as readonly string[]).includes(name))!;
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) return { ok: false, code: 'dateInvalid' };
  const date = isoOf(Number(chosen.first.slice(0, 4)) + eraYear - 1, Number(era[3]), Number(era[4]));
  if (!date) return { ok: false, code: 'dateInvalid' };
  if (date < chosen.first || (chosen.last !== undefined && date > chosen.last)) return { ok: false, code: 'eraRange' };
  return { ok: true, date };
}

/**
 * The calendar day in Japan at the instant `now` (default: the clock's now).
 *
 * @example
 * tokyoToday(new Date('2027-03-31T15:00:00Z')) // '2027-04-01' (midnight in Tokyo)
 */
export function tokyoToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a calendar day. */
function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(days: number): IsoDate {
  const date = new Date(days * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * `days` calendar days after `date` (before it when negative).
 *
 * @example
 * addDays('2027-12-31', 1) // '2028-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Days from `from` to `to`: positive when `to` is later.
 *
 * @example
 * daysBetween('2027-04-01', '2027-04-30') // 29
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * `months` calendar months after `date` (before it when negative). A day the target month lacks becomes
 * that month's last day: 5/31 − 3 months is 2/28 (2/29 in a leap year), 1/31 + 1 month is 2/28.
 *
 * @example
 * addMonths('2027-05-31', -3) // '2027-02-28'
 * addMonths('2028-05-31', -3) // '2028-02-29'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return isoOf(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)))!;
}

/**
 * Whether the service works on `date`: not on Saturdays, Sundays or the year-end break 12/29–1/3.
 * Japanese public holidays are not known here, so day counts built on it are estimates ("about").
 *
 * @example
 * isBusinessDay('2027-04-03') // false (a Saturday)
 */
export function isBusinessDay(date: IsoDate): boolean {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  return !(monthDay >= '12-29' || monthDay <= '01-03');
}

/**
 * The `count`-th business day after `date` (see `isBusinessDay`).
 *
 * @example
 * addBusinessDays('2027-04-01', 5) // '2027-04-08' (Thursday → the next Thursday)
 */
export function addBusinessDays(date: IsoDate, count: number): IsoDate {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}

/**
 * The Japanese era form of a day from 平成 on: `令和9年4月1日`, `令和元年5月1日`; `undefined` before 平成.
 *
 * @example
 * toJapaneseEra('2019-05-01') // '令和元年5月1日'
 */
export function toJapaneseEra(date: IsoDate): string | undefined {
  const era = Object.values(ERAS).find((each) => date >= each.first && (each.last === undefined || date <= each.last));
  if (!era) return undefined;
  const eraYear = Number(date.slice(0, 4)) - Number(era.first.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/**
 * Dates as people in Japan read them. Japan has kept UTC+9 without daylight saving since 1951, so a
 * fixed offset is exact and needs no time-zone data.
 */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

function tokyoParts(instant: Date) {
  const shifted = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    year: String(shifted.getUTCFullYear()),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
  };
}

/**
 * The Asia/Tokyo calendar day as `YYMMDD`, the first half of a receipt number.
 *
 * @example
 * tokyoDayStamp(new Date('2024-01-25T15:30:00Z')) // '240126'
 */
export function tokyoDayStamp(instant: Date): string {
  const { year, month, day } = tokyoParts(instant);
  return `${year.slice(-2)}${month}${day}`;
}

/**
 * `YYYY/MM/DD HH:mm` in Asia/Tokyo, for mail bodies.
 *
 * @example
 * tokyoDateTime(new Date('2024-01-25T15:30:00Z')) // '2024/01/26 00:30'
 */
export function tokyoDateTime(instant: Date): string {
  const { year, month, day, hour, minute } = tokyoParts(instant);
  return `${year}/${month}/${day} ${hour}:${minute}`;
}

/**
 * The last millisecond of the Tokyo calendar day `days` days after the day of `instant`: an invitation
 * issued on 2026年11月29日 (any hour) with 35 days is valid until 2027年1月3日 23:59:59.999 JST.
 *
 * @example
 * endOfTokyoDayAfter(new Date('2026-11-29T01:00:00Z'), 35).toISOString() // '2027-01-03T14:59:59.999Z'
 */
export function endOfTokyoDayAfter(instant: Date, days: number): Date {
  const tokyoMidnight = Math.floor((instant.getTime() + TOKYO_OFFSET_MS) / 86_400_000) * 86_400_000 - TOKYO_OFFSET_MS;
  return new Date(tokyoMidnight + (days + 1) * 86_400_000 - 1);
}

/**
 * A deadline as the mail and the console write it: `2027年1月3日 23:59まで`.
 *
 * @example
 * tokyoDeadline(new Date('2027-01-03T14:59:59.999Z')) // '2027年1月3日 23:59まで'
 */
export function tokyoDeadline(instant: Date): string {
  const { year, month, day, hour, minute } = tokyoParts(instant);
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}まで`;
}

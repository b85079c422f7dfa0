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

import type { Language } from '../../i18n/i18n.js';

/**
 * A byte count as people read it: "10 MB", "512 KB" (1 KB = 1024 bytes).
 *
 * @example
 * formatBytes(10 * 1024 * 1024) // '10 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/**
 * An instant as a date (and time, unless `withTime` is false) in Asia/Tokyo, written as a Japanese
 * (ja-JP) or British (en-GB) reader expects: expiry dates are Japan time whatever the reader's zone.
 * No `Intl`: its first formatter costs more than the whole first render (issue 12), and Japan's
 * clock is UTC+9 all year (no summer time), so the wall clock is plain arithmetic.
 *
 * @example
 * formatTokyoDateTime('2025-01-31T14:59:00.000Z', 'ja') // '2025年1月31日 23:59'
 * formatTokyoDateTime('2025-01-31T14:59:00.000Z', 'en', false) // '31 January 2025'
 */
export function formatTokyoDateTime(instant: string | Date, language: Language, withTime = true): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const tokyo = new Date(date.getTime() + 9 * 3_600_000);
  const [year, month, day, hour] = [tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate(), tokyo.getUTCHours()];
  const minutes = String(tokyo.getUTCMinutes()).padStart(2, '0');
  if (language === 'en') return `${day} ${MONTHS[month]} ${year}${withTime ? ` at ${String(hour).padStart(2, '0')}:${minutes}` : ''}`;
  return `${year}年${month + 1}月${day}日${withTime ? ` ${hour}:${minutes}` : ''}`;
}

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

const tokyoFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a date (and time, unless `withTime` is false) in Asia/Tokyo, written as a Japanese
 * (ja-JP) or British (en-GB) reader expects: expiry dates are Japan time whatever the reader's zone.
 *
 * @example
 * formatTokyoDateTime('2025-01-31T14:59:00.000Z', 'ja') // '2025年1月31日 23:59'
 * formatTokyoDateTime('2025-01-31T14:59:00.000Z', 'en', false) // '31 January 2025'
 */
export function formatTokyoDateTime(instant: string | Date, language: Language, withTime = true): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const key = `${language}:${withTime}`;
  let formatter = tokyoFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
      timeZone: 'Asia/Tokyo',
    });
    tokyoFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

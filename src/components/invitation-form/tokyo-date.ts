import type { Language } from '../../i18n/i18n.js';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * An instant as a date and time in Asia/Tokyo, written as a Japanese (ja-JP) or British (en-GB) reader
 * expects: expiry dates are Japan time whatever the reader's own zone.
 *
 * @example
 * formatTokyoDateTime('2025-01-31T14:59:00.000Z', 'ja') // '2025年1月31日 23:59'
 * formatTokyoDateTime('2025-01-31T14:59:00.000Z', 'en') // '31 January 2025 at 23:59'
 */
export function formatTokyoDateTime(instant: string | Date, language: Language): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}

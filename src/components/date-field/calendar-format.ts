import type { IsoDate } from '../../domain/dates.js';
import type { Language } from '../../i18n/i18n.js';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * A calendar day as a reader of `language` expects it, with the weekday: the day itself, never shifted
 * by the reader's time zone (it is formatted as the UTC midnight it stands for).
 *
 * @example
 * formatCalendarDate('2027-04-01', 'ja') // '2027年4月1日(木)'
 * formatCalendarDate('2027-04-01', 'en') // 'Thu, 1 April 2027'
 */
export function formatCalendarDate(date: IsoDate, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      timeZone: 'UTC',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

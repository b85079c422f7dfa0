/**
 * Day-numbered records (receipts, paper references, renewal requests): a number is a prefix, the Japan
 * day (YYMMDD) and a 4-digit sequence of that day, drawn from the record's own counter table.
 */
import { ApiError } from './api-error.js';
import { endOfTokyoDayAfter, tokyoDayStamp } from './tokyo-time.js';

/** Longest sequence of one Japan day that fits the 4 digits. */
const NUMBERS_A_DAY = 9999;

/**
 * The number for a record made at `now`: `draw(day)` bumps the day's counter (inside the caller's
 * transaction) and gives its new value. Past the 9,999th of a day, `503` with `Retry-After` the seconds to
 * the next Tokyo day.
 *
 * @example
 * await dayNumber(now, 'P', (day) => bumpCounter(trx, day)) // 'P2704010001'
 */
export async function dayNumber(now: Date, prefix: string, draw: (day: string) => Promise<number>): Promise<string> {
  const day = tokyoDayStamp(now);
  const sequence = await draw(day);
  if (sequence > NUMBERS_A_DAY) {
    const secondsLeft = Math.ceil((endOfTokyoDayAfter(now, 0).getTime() + 1 - now.getTime()) / 1000);
    throw new ApiError(503, 'service_unavailable', undefined, { 'Retry-After': String(secondsLeft) });
  }
  return `${prefix}${day}${String(sequence).padStart(4, '0')}`;
}

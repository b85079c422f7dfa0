import { digitsOnly } from './normalise.js';

/**
 * The check digit of a 12-digit base corporate number (National Tax Agency rule):
 * with P(n) the n-th digit from the right and Q(n) = 1 for odd n, 2 for even n,
 * the check digit is 9 − (Σ P(n)·Q(n) mod 9).
 *
 * @example
 * corporateNumberCheckDigit('000012050002') // 7
 */
export function corporateNumberCheckDigit(base: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[base.length - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/**
 * Whether a (normalised) corporate number has 13 digits and a correct leading check digit.
 *
 * @example
 * isValidCorporateNumber('7000012050002') // true
 */
export function isValidCorporateNumber(value: string): boolean {
  const digits = digitsOnly(value);
  if (!/^\d{13}$/.test(digits)) return false;
  return Number(digits[0]) === corporateNumberCheckDigit(digits.slice(1));
}

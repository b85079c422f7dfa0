/**
 * Normalisers for what people type into Japanese forms. Each is idempotent:
 * `f(f(x)) === f(x)`, which the property tests pin.
 *
 * NFKC does most of the work: it turns full-width digits and letters into half-width ones and
 * half-width katakana (including a separate ﾞ/ﾟ mark) into composed full-width katakana.
 */

const HYPHENS_AND_SPACES = /[\s\-‐‑‒–—―−ー－()（）]/gu;
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/gu;
const WHITESPACE_RUN = /\s+/gu;

/**
 * Half-width digits only: full-width digits converted, hyphens, spaces and brackets removed.
 *
 * @example
 * digitsOnly('０３-３５９５-４６１０') // '0335954610'
 */
export function digitsOnly(input: string): string {
  // NFC again at the end: removing a separator can bring a letter and a combining mark together.
  return input.normalize('NFKC').replace(HYPHENS_AND_SPACES, '').normalize('NFC');
}

/**
 * Full-width katakana: hiragana and half-width katakana converted, not refused
 * (application guide, STEP 2/3 カナ fields). Spaces collapse to one full-width space.
 *
 * @example
 * toFullWidthKatakana('やまぐち ｼﾝｺﾞ') // 'ヤマグチ　シンゴ'
 */
export function toFullWidthKatakana(input: string): string {
  return input
    .normalize('NFKC')
    .replace(HIRAGANA, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60))
    // Composed again: わ + ゛ becomes ワ + ゛ only after the conversion, and NFC makes it ヷ.
    .normalize('NFC')
    .trim()
    .replace(WHITESPACE_RUN, '\u3000');
}

/**
 * Half-width alphabet text for the certificate: letters typed through an IME in full width are
 * converted to half width, spaces trimmed and collapsed.
 *
 * @example
 * toHalfWidthAlphabet('ＳＨＡＣＨＯ') // 'SHACHO'
 */
export function toHalfWidthAlphabet(input: string): string {
  return input.normalize('NFKC').trim().replace(WHITESPACE_RUN, ' ');
}

/**
 * Free text: trimmed, nothing else changed.
 *
 * @example
 * trimmed('  東京都港区 ') // '東京都港区'
 */
export function trimmed(input: string): string {
  return input.trim();
}

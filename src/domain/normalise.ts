/**
 * Normalisers for what people type into Japanese forms: convert what has one obvious meaning, never
 * refuse it. Each is idempotent: `f(f(x)) === f(x)`, which the property tests pin.
 *
 * NFKC does most of the work: it turns full-width digits and letters into half-width ones and
 * half-width katakana (including a separate ﾞ/ﾟ mark) into composed full-width katakana.
 */

const HYPHENS_AND_SPACES = /[\s\-‐‑‒–—―−ー－()（）]/gu;
const HIRAGANA = /[\u3041-\u3096\u309d\u309e]/gu;
const WHITESPACE_RUN = /\s+/gu;
/** Dashes people type or paste for a hyphen (an IME's ー included); NFKC already made － and ｰ of the full-width ones. */
const DASHES = /[ー‐‑‒–—―−－]/gu;
/** A dash after kana is the long vowel mark ー, whichever key produced it (ｰ, -, －, ‐, −, ―). */
const DASH_AFTER_KANA = /(?<=[\u30a1-\u30fa\u30fc])[-‐‑‒–—―−]+/gu;
/** Marks a character is built with (macrons, accents): folded away so Ō becomes O. */
const COMBINING_MARKS = /[\u0300-\u036f]/gu;
/** 株式会社 and the like as people abbreviate them: ㈱, (株), （株）, ㍿. */
const COMPANY_ABBREVIATIONS = /[㈱㈲㈾㈴㈳㍿]|[(（]\s*[株有資名同]\s*[)）]/gu;
/** The form an abbreviation stands for, by its character once NFKC has unpacked it (㈱ is (株), ㈳ is (社)). */
const COMPANY_FORMS: Record<string, string> = {
  株: '株式会社',
  有: '有限会社',
  資: '合資会社',
  名: '合名会社',
  同: '合同会社',
  社: '社団法人',
};

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
 * The corporate number as digits; a leading `T` is dropped, since the invoice registration number
 * (適格請求書発行事業者登録番号) is `T` followed by the corporate number and people paste it.
 *
 * @example
 * corporateNumberDigits('T7000-0120-50002') // '7000012050002'
 */
export function corporateNumberDigits(input: string): string {
  const digits = digitsOnly(input);
  return /^[Tt]\d{13}$/.test(digits) ? digits.slice(1) : digits;
}

/** An extension typed after the number: 内線 123, ext. 123, x123, #123. */
export const PHONE_EXTENSION = /内線|ext|[x#＃]\s*[\d０-９]/iu;

/**
 * A Japanese phone number as digits: `+81` (with or without the trunk `(0)`) becomes the leading 0.
 * A number with an extension is left as typed (trimmed), for the rule to name the extension.
 *
 * @example
 * phoneDigits('+81 3-3595-4605') // '0335954605'
 */
export function phoneDigits(input: string): string {
  if (PHONE_EXTENSION.test(input)) return input.trim();
  return digitsOnly(input).replace(/^\+810?(?=[1-9])/u, '0');
}

/**
 * Full-width katakana: hiragana and half-width katakana converted, not refused (application guide,
 * STEP 2/3 カナ fields). A dash typed after kana is ー; the iteration marks ゝゞヽヾ are written out
 * (いすゞ → イスズ), as registries spell names. Spaces collapse to one full-width space.
 *
 * @example
 * toFullWidthKatakana('やまぐち ｼﾝｺﾞ') // 'ヤマグチ　シンゴ'
 * toFullWidthKatakana('いすゞ') // 'イスズ'
 * toFullWidthKatakana('コンピュ-タ') // 'コンピュータ'
 */
export function toFullWidthKatakana(input: string): string {
  return (
    input
      .normalize('NFKC')
      .replace(HIRAGANA, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60))
      // Composed again: わ + ゛ becomes ワ + ゛ only after the conversion, and NFC makes it ヷ.
      .normalize('NFC')
      .replace(ITERATION_MARKS, writtenOut)
      .replace(DASH_AFTER_KANA, (dashes) => 'ー'.repeat(dashes.length))
      .trim()
      .replace(WHITESPACE_RUN, '\u3000')
  );
}

const ITERATION_MARKS = /[\u30a1-\u30fa][ヽヾ]+/gu;

/** A kana and the iteration marks after it, written out: each mark repeats it, voiced for ヾ when it can be. */
function writtenOut(run: string): string {
  const kana = run[0]!;
  const base = kana.normalize('NFD').replace(/[\u3099\u309a]/gu, '');
  const voiced = `${base}\u3099`.normalize('NFC');
  const repeats = [...run.slice(1)].map((mark) => (mark === 'ヾ' && voiced.length === 1 ? voiced : base));
  return kana + repeats.join('');
}

/**
 * Half-width alphabet text for the certificate (application guide, STEP 4): letters typed through an
 * IME in full width are converted to half width, every dash people type or paste (ー ‐ − – — －) is a
 * hyphen, marks are folded (Ō → O, é → e), spaces trimmed and collapsed.
 *
 * @example
 * toHalfWidthAlphabet('ＳＨＡＣＨＯ') // 'SHACHO'
 * toHalfWidthAlphabet('KŌGYŌ—BU') // 'KOGYO-BU'
 */
export function toHalfWidthAlphabet(input: string): string {
  return input
    .normalize('NFKC')
    .replace(DASHES, '-')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .trim()
    .replace(WHITESPACE_RUN, ' ');
}

/**
 * An e-mail address: full-width letters, digits and signs (ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ) converted,
 * spaces around it removed.
 *
 * @example
 * emailAddress(' ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ ') // 'taro@example.co.jp'
 */
export function emailAddress(input: string): string {
  return input.normalize('NFKC').trim();
}

/**
 * The company name the certificate takes (企業名): trimmed, and the abbreviated company forms written out
 * (㈱ / (株) → 株式会社, ㈲ / (有) → 有限会社), since the certificate carries the registered name.
 *
 * @example
 * companyName('㈱山田建設') // '株式会社山田建設'
 */
export function companyName(input: string): string {
  return input
    .trim()
    .replace(COMPANY_ABBREVIATIONS, (all) => {
      // ㍿ unpacks to 株式会社 itself.
      const form = all.normalize('NFKC').replace(/[\s()]/g, '');
      return COMPANY_FORMS[form] ?? form;
    });
}

/**
 * The normaliser of each field of STEP 2–4: the schemas apply them, the forms show their result once a
 * field is left, the confirmation shows what will be sent.
 *
 * @example
 * FIELD_NORMALISERS.adminUser.phone('+81 3-3595-4605') // '0335954605'
 */
export const FIELD_NORMALISERS = {
  company: {
    corporateNumber: corporateNumberDigits,
    name: companyName,
    nameKana: toFullWidthKatakana,
    address: trimmed,
    representative: trimmed,
  },
  adminUser: {
    name: trimmed,
    nameKana: toFullWidthKatakana,
    department: trimmed,
    title: trimmed,
    address: trimmed,
    phone: phoneDigits,
    email: emailAddress,
  },
  certificate: {
    companyNameAlpha: toHalfWidthAlphabet,
    departmentJa: trimmed,
    departmentAlpha: toHalfWidthAlphabet,
    titleJa: trimmed,
    titleAlpha: toHalfWidthAlphabet,
  },
} satisfies Record<string, Record<string, (input: string) => string>>;

/**
 * Free text: trimmed, nothing else changed.
 *
 * @example
 * trimmed('  東京都港区 ') // '東京都港区'
 */
export function trimmed(input: string): string {
  return input.trim();
}

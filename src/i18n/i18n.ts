/**
 * Translation for the elements: one i18next instance per translator, so a host's overridden words
 * (`messages`) never leak into another wizard on the same page. Japanese ships in the bundle;
 * English is loaded only when asked for.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { ja, type Messages } from './ja.js';

/** Languages the elements speak. */
export type Language = 'ja' | 'en';

/** Overrides of any string by key and language: `{ en: { buttons: { next: 'Continue' } } }`. */
export type MessageOverrides = Partial<Record<Language, DeepPartial<Messages>>>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Turns a key and placeholder values into text. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The language of a `lang` value: English for `en…`, Japanese for anything else. */
export function languageOf(lang: string | null | undefined): Language {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

async function loadResources(language: Language): Promise<Messages> {
  if (language === 'en') return (await import('./en.js')).en;
  return ja;
}

/**
 * A translator for one language, with optional overrides merged over the built-in resources.
 *
 * @example
 * const translator = await createTranslator('en');
 * translator.t('buttons.next') // 'Next'
 */
export class Translator {
  readonly language: Language;
  readonly #instance: I18n;

  private constructor(language: Language, instance: I18n) {
    this.language = language;
    this.#instance = instance;
  }

  /** Builds a translator; resolves at once for Japanese. */
  static async create(language: Language, overrides: MessageOverrides = {}): Promise<Translator> {
    return Translator.#build(language, await loadResources(language), overrides);
  }

  /** A Japanese translator, built synchronously: what elements use before anything else is known. */
  static japanese(overrides: MessageOverrides = {}): Translator {
    return Translator.#build('ja', ja, overrides);
  }

  static #build(language: Language, messages: Messages, overrides: MessageOverrides): Translator {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'ja',
      initAsync: false,
      returnNull: false,
      returnEmptyString: false,
      // Lit renders every value as text, never as HTML: escaping here would show "&amp;" to people.
      interpolation: { escapeValue: false },
      // Copies: overrides are merged into the bundles, and must not reach another wizard on the page.
      resources: { ja: { translation: structuredClone(ja) }, [language]: { translation: structuredClone(messages) } },
    });
    for (const [lng, bundle] of Object.entries(overrides)) {
      if (bundle) instance.addResourceBundle(lng, 'translation', bundle, true, true);
    }
    return new Translator(language, instance);
  }

  /** The text of `key`, with `{{placeholders}}` filled in from `values`. */
  t: Translate = (key, values) => String(this.#instance.t(key, values as Record<string, string>));

  /** Whether `key` has text in this language (or the Japanese fallback). */
  has(key: string): boolean {
    return this.#instance.exists(key);
  }
}

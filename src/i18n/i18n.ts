/**
 * Translation for the elements: a host's overridden words (`messages`) get a translator of their own,
 * so they never leak into another wizard on the same page; without overrides, one translator per
 * language serves every element. Japanese ships in the bundle; English is loaded only when asked for.
 *
 * What the elements need of a translation library is a key lookup with a Japanese fallback and
 * `{{placeholder}}` filling; i18next did that at 15 kB gzip, over a third of the wizard's budget, so the
 * lookup is written here (about 1 kB). Behaviour kept from the i18next set-up it replaces: a missing key
 * gives the key back, an empty text counts as missing, values are not HTML-escaped (Lit renders text),
 * a placeholder without a value stays as written.
 */
import { ja, type Messages } from './ja.js';

/** Languages the elements speak. */
export type Language = 'ja' | 'en';

/** Overrides of any string by key and language: `{ en: { buttons: { next: 'Continue' } } }`. */
export type MessageOverrides = Partial<Record<Language, DeepPartial<Messages>>>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** Turns a key and placeholder values into text. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Texts an element brings along under a top-level key of its own, so that elements which do not need
 * them (the wizard) never carry them: Japanese inline, English loaded only when asked for.
 *
 * @example
 * const resources: ResourceModule<{ heading: string }> = {
 *   key: 'myForm',
 *   ja: { heading: '見出し' },
 *   en: async () => (await import('./my-form.en.js')).myFormEn,
 * };
 */
export interface ResourceModule<Texts extends object = object> {
  /** The top-level key the texts live under: `t('<key>.heading')`. */
  key: string;
  ja: Texts;
  en: () => Promise<Texts>;
}

/** Translators without overrides, by language (see `Translator.#build`). */
const shared = new Map<Language, Translator>();

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
  /** Where a key is looked up, in order: this language's overrides and texts (resource modules included), then Japanese's. */
  readonly #sources: TextTree[];
  /** Resource modules included so far, by key: `true` once their text is in, else while it loads. */
  readonly #included = new Map<string, true | Promise<void>>();

  private constructor(language: Language, messages: Messages, overrides: MessageOverrides) {
    this.language = language;
    const japanese: TextTree[] = language === 'ja' ? [] : [overrides.ja ?? {}, ja];
    this.#sources = [overrides[language] ?? {}, messages, ...japanese];
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
    const overridden = Object.values(overrides).some(Boolean);
    // Without overrides a translator never changes but for included modules, so one per language serves every element.
    const known = overridden ? undefined : shared.get(language);
    if (known) return known;
    // The host's overrides are copied: changing its object later must not change the words shown.
    const translator = new Translator(language, messages, overridden ? structuredClone(overrides) : {});
    if (!overridden) shared.set(language, translator);
    return translator;
  }

  /**
   * Adds a resource module's texts under its key, once per translator: at once for Japanese (`true`),
   * else a promise that settles when this language's texts are in (Japanese stands in meanwhile).
   *
   * @example
   * const ready = translator.include(invitationFormResources);
   * if (ready !== true) void ready.then(() => host.requestUpdate());
   */
  include(resources: ResourceModule): true | Promise<void> {
    const known = this.#included.get(resources.key);
    if (known) return known;
    this.#add('ja', resources.key, resources.ja);
    if (this.language === 'ja') {
      this.#included.set(resources.key, true);
      return true;
    }
    const loading = resources
      .en()
      // Should the chunk fail to load, Japanese stays the text rather than a retry on every render.
      .then((texts) => this.#add(this.language, resources.key, texts), () => undefined)
      .then(() => void this.#included.set(resources.key, true));
    this.#included.set(resources.key, loading);
    return loading;
  }

  #add(language: Language, key: string, texts: object): void {
    // A new top-level tree beside the old one: neither the shared resources nor the module's texts are written to.
    const source = language === this.language ? 1 : this.#sources.length - 1;
    const added = { ...(this.#sources[source] as TextTree), [key]: texts as TextTree };
    this.#sources[source] = added;
  }

  /** The text of `key`, with `{{placeholders}}` filled in from `values`; the key itself when there is none. */
  t: Translate = (key, values) => {
    const text = this.#lookup(key);
    if (text === undefined) return key;
    return values
      ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => (values[name] === undefined ? placeholder : String(values[name])))
      : text;
  };

  /** Whether `key` has text in this language (or the Japanese fallback). */
  has(key: string): boolean {
    return this.#lookup(key) !== undefined;
  }

  #lookup(key: string): string | undefined {
    const path = key.split('.');
    for (const source of this.#sources) {
      let node: TextTree | string | undefined = source;
      for (const segment of path) node = typeof node === 'object' && Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (typeof node === 'string' && node !== '') return node;
    }
    return undefined;
  }
}

/** Texts by key, nested: what the locale resources and the overrides are made of. */
interface TextTree {
  [key: string]: TextTree | string | undefined;
}

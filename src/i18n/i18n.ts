/**
 * Translation for the elements: a host's overridden words (`messages`) get an i18next instance of their
 * own, so they never leak into another wizard on the same page; without overrides, one instance per
 * language serves every element. Japanese ships in the bundle; English is loaded only when asked for.
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

/**
 * What `includeResources` needs of a translator: its i18next instance, the host's overrides (laid over
 * a module's texts when it is included later) and the modules included so far, by key (`true` once
 * their text is in, else while it loads). Kept outside the class so that elements which include no
 * module (the wizard) do not carry the code that does.
 */
const inclusions = new WeakMap<Translator, { instance: I18n; overrides: MessageOverrides; included: Map<string, true | Promise<void>> }>();

/** The Japanese words of `problems.ja.ts`, once loaded. */
let problemTexts: object | undefined;
let loadingProblemTexts: Promise<void> | undefined;

/**
 * Loads the Japanese words of the pages and messages most applicants never meet (an unknown, expired or
 * used invitation link, a failed submit, a refused document), which the wizard's bundle leaves out: call
 * it before showing one. Every translator then has them, unless the host overrode them. Rejects when
 * the chunk cannot be loaded (offline); a later call tries again.
 *
 * @example
 * await loadProblemTexts();
 * translator.t('invitation.expiredTitle') // 'オンライン利用申請URLの有効期限が切れています'
 */
export function loadProblemTexts(): Promise<void> {
  loadingProblemTexts ??= import('./problems.ja.js').then(
    (module) => void (problemTexts = module.problemsJa),
    (error: unknown) => {
      loadingProblemTexts = undefined;
      throw error;
    },
  );
  return loadingProblemTexts;
}

/** The language of a `lang` value: English for `en…`, Japanese for anything else. */
export function languageOf(lang: string | null | undefined): Language {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** A language's texts: English whole, Japanese without its problem texts (`loadProblemTexts`). */
async function loadResources(language: Language): Promise<object> {
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
  /**
   * Texts given, by key and values: a step renders the same few hundred texts again on every update,
   * and i18next takes about as long as a small render to find each one (cold STEP 1: ~25 ms). Emptied
   * when texts are added (an included module, overrides); a key without text is never kept.
   */
  readonly #given = new Map<string, string>();

  private constructor(language: Language, instance: I18n, overrides: MessageOverrides) {
    this.language = language;
    this.#instance = instance;
    inclusions.set(this, { instance, overrides, included: new Map() });
    instance.store.on('added', () => this.#given.clear());
  }

  /** Builds a translator; resolves at once for Japanese. */
  static async create(language: Language, overrides: MessageOverrides = {}): Promise<Translator> {
    return Translator.#build(language, await loadResources(language), overrides);
  }

  /** A Japanese translator, built synchronously: what elements use before anything else is known. */
  static japanese(overrides: MessageOverrides = {}): Translator {
    return Translator.#build('ja', ja, overrides);
  }

  static #build(language: Language, messages: object, hostOverrides: MessageOverrides): Translator {
    // An empty text overrides nothing: the built-in word stays (merged in, it would hide it).
    const overrides = withoutEmptyTexts(hostOverrides) as MessageOverrides;
    const overridden = Object.values(overrides).some(Boolean);
    // Without overrides a translator never changes but for included modules, so one per language serves
    // every element: an i18next instance costs about a millisecond to set up, twice per wizard mounted.
    const known = overridden ? undefined : shared.get(language);
    if (known) return known;
    // Overrides are deep-merged into the bundles: they get copies, or they would reach every other wizard.
    const own = <T>(texts: T): T => (overridden ? structuredClone(texts) : texts);
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'ja',
      initAsync: false,
      returnNull: false,
      returnEmptyString: false,
      // A key naming a group of texts is no text: the key comes back, as for a missing one.
      returnedObjectHandler: (key: string) => key,
      // Lit renders every value as text, never as HTML: escaping here would show "&amp;" to people.
      interpolation: { escapeValue: false },
      resources: { ja: { translation: own(ja) }, ...(language === 'ja' ? {} : { [language]: { translation: own(messages) } }) },
    });
    for (const [lng, bundle] of Object.entries(overrides)) {
      if (bundle) instance.addResourceBundle(lng, 'translation', bundle, true, true);
    }
    const translator = new Translator(language, instance, overridden ? overrides : {});
    if (!overridden) shared.set(language, translator);
    return translator;
  }

  /**
   * The text of `key`, with `{{placeholders}}` filled in from `values`. A key this translator has no
   * text for falls back to the loaded problem texts (`loadProblemTexts`), else comes back as it is.
   */
  t: Translate = (key, values) => {
    const id = values ? key + JSON.stringify(values) : key;
    let text = this.#given.get(id);
    if (text === undefined) {
      const problemText =
        problemTexts && key.split('.').reduce<unknown>((texts, part) => (Object.hasOwn(texts ?? {}, part) ? (texts as Record<string, unknown>)[part] : undefined), problemTexts);
      text = String(this.#instance.t(key, (typeof problemText === 'string' ? { ...values, defaultValue: problemText } : values) as Record<string, string>));
      // The problem texts may load later and give it one; typed values make new ids without end.
      if (text !== key && this.#given.size < 1000) this.#given.set(id, text);
    }
    return text;
  };

  /** Whether `key` has text in this language (or the Japanese fallback); the problem texts are not counted. */
  has(key: string): boolean {
    return this.#instance.exists(key, { returnObjects: false });
  }
}

/**
 * Adds a resource module's texts under its key, once per translator: at once for Japanese (`true`),
 * else a promise that settles when the translator's language's texts are in (Japanese stands in meanwhile).
 *
 * @example
 * const ready = includeResources(translator, invitationFormResources);
 * if (ready !== true) void ready.then(() => host.requestUpdate());
 */
export function includeResources(translator: Translator, resources: ResourceModule): true | Promise<void> {
  const { instance, overrides, included } = inclusions.get(translator)!;
  const add = (language: Language, texts: object) => {
    // A shallow merge: a new top-level bundle, so the shared resources are never written to. The host's
    // words for this module win over its own; they are merged into a copy, never into the module's texts.
    const override = (overrides[language] as Record<string, object | undefined> | undefined)?.[resources.key];
    instance.addResourceBundle(language, 'translation', { [resources.key]: override ? structuredClone(texts) : texts }, false);
    if (override) instance.addResourceBundle(language, 'translation', { [resources.key]: override }, true, true);
  };
  const known = included.get(resources.key);
  if (known) return known;
  add('ja', resources.ja);
  if (translator.language === 'ja') {
    included.set(resources.key, true);
    return true;
  }
  const loading = resources
    .en()
    // Should the chunk fail to load, Japanese stays the text rather than a retry on every render.
    .then((texts) => add(translator.language, texts), () => undefined)
    .then(() => void included.set(resources.key, true));
  included.set(resources.key, loading);
  return loading;
}

/** A copy of a tree of texts without its empty texts. */
function withoutEmptyTexts(tree: object): object {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object') copy[key] = withoutEmptyTexts(value);
    else if (value !== '' && value !== undefined) copy[key] = value;
  }
  return copy;
}

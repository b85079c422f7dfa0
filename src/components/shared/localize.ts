import { ContextConsumer } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { languageOf, Translator, type Translate } from '../../i18n/i18n.js';
import { wizardContext, type WizardState } from './context.js';

const standaloneTranslators = new Map<string, Promise<Translator>>();
const japanese = Translator.japanese();

/**
 * Gives an element its words: the wizard's translator inside a wizard, else one for the element's own
 * `lang` (or the nearest ancestor's), Japanese by default. Also exposes the wizard's shared state.
 *
 * @example
 * private readonly localize = new LocalizeController(this);
 * render() { return html`<h3>${this.localize.t('company.heading')}</h3>`; }
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #wizard: ContextConsumer<typeof wizardContext, ReactiveControllerHost & HTMLElement>;
  #standalone: Translator = japanese;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#wizard = new ContextConsumer(host, { context: wizardContext, subscribe: true });
    host.addController(this);
  }

  /** The wizard's shared state, or `undefined` when the element stands alone. */
  get wizard(): WizardState | undefined {
    return this.#wizard.value;
  }

  get translator(): Translator {
    return this.wizard?.translator ?? this.#standalone;
  }

  t: Translate = (key, values) => this.translator.t(key, values);

  hostConnected(): void {
    // On the server (Japanese only) an element's connection is only how it finds the wizard it is in.
    if (!isServer) this.#loadStandalone();
  }

  /** Call when the host's `lang` changes. */
  hostUpdate(): void {
    if (!this.wizard && languageOf(this.#lang()) !== this.#standalone.language) this.#loadStandalone();
  }

  #lang(): string | null {
    return this.#host.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang ?? null;
  }

  #loadStandalone(): void {
    const language = languageOf(this.#lang());
    if (language === 'ja') {
      this.#standalone = japanese;
      return;
    }
    let pending = standaloneTranslators.get(language);
    if (!pending) {
      pending = Translator.create(language);
      standaloneTranslators.set(language, pending);
    }
    void pending.then((translator) => {
      this.#standalone = translator;
      this.#host.requestUpdate();
    });
  }
}

/**
 * A translated sentence with `markup` where the placeholder `name` stands. The sentence is translated
 * with a token no translation contains and split around it, so the words stay text and only `markup`
 * is an element: nothing is ever parsed as HTML.
 *
 * @example
 * sentenceWith(t, 'completion.support', 'email', html`<a href="mailto:${email}">${email}</a>`)
 */
export function sentenceWith(t: Translate, key: string, name: string, markup: TemplateResult): Array<string | TemplateResult> {
  const token = `\uE000${name}\uE000`;
  const parts = t(key, { [name]: token }).split(token);
  return parts.flatMap((part, index) => (index === 0 ? [part] : [markup, part]));
}

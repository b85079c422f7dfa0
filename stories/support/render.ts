/** Small pieces the stories share: the toolbar's language, and work to do once an element has rendered. */
import { ref } from 'lit/directives/ref.js';

/** The language chosen in the toolbar (`ja` unless `en`). */
export function localeOf(context: { globals: Record<string, unknown> }): 'ja' | 'en' {
  return context.globals.locale === 'en' ? 'en' : 'ja';
}

/**
 * Runs `callback` with the element once it has rendered, in the story and on its docs page alike
 * (a play function runs in the story only).
 *
 * @example
 * html`<cec-company-form ${afterRender<CecCompanyForm>((form) => form.validate())}></cec-company-form>`
 */
export function afterRender<T extends Element>(callback: (element: T) => unknown) {
  return ref((element) => {
    if (!element) return;
    const pending = (element as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? Promise.resolve();
    void pending.then(() => callback(element as T));
  });
}

/** Shows every error of a form step, as after a refused 次へ. */
export const showErrors = afterRender<Element & { validate(): unknown }>((element) => element.validate());

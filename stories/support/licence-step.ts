/**
 * A host's own step, as an ordering company would write one: 建設業許可 (construction licence number),
 * implementing the small `WizardStep` interface (value, validate(), stepTitle). Used by the wizard's
 * "host step" story; the wizard submits its value under `extensions.licence`.
 */
import { css, html, LitElement } from 'lit';
import { ChangeEvent } from '../../src/components/shared/events.js';
import type { WizardStep } from '../../src/components/shared/step.js';

interface LicenceValue {
  licenceNumber?: string;
}

const WORDS = {
  ja: {
    title: '建設業許可',
    label: '建設業許可番号',
    hint: '例：国土交通大臣許可（特-5）第12345号',
    required: '建設業許可番号を入力してください。',
  },
  en: {
    title: 'Construction licence',
    label: 'Construction licence number',
    hint: 'e.g. 国土交通大臣許可（特-5）第12345号',
    required: 'Enter the construction licence number.',
  },
};

export class StoryLicenceStep extends LitElement implements WizardStep<LicenceValue> {
  static override properties = { value: { attribute: false }, showError: { state: true } };

  static override styles = css`
    :host {
      display: block;
      color: var(--cec-color-text, #1f2328);
    }
    label {
      display: block;
      font-weight: 600;
    }
    input {
      font: inherit;
      width: 100%;
      max-width: 36em;
      padding: 0.5em 0.65em;
      color: inherit;
      background: var(--cec-color-surface, #ffffff);
      border: 1px solid var(--cec-color-border, #8c959f);
      border-radius: var(--cec-radius, 6px);
    }
    .hint {
      color: var(--cec-color-muted, #57606a);
      margin: 0 0 0.35em;
    }
    .error {
      color: var(--cec-color-error, #b3261e);
      font-weight: 600;
    }
  `;

  declare value: LicenceValue;
  declare private showError: boolean;

  constructor() {
    super();
    this.value = {};
    this.showError = false;
  }

  private get words() {
    return this.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? WORDS.en : WORDS.ja;
  }

  get stepTitle(): string {
    return this.words.title;
  }

  validate(): boolean {
    this.showError = true;
    return Boolean(this.value.licenceNumber?.trim());
  }

  private onInput(event: Event): void {
    this.value = { licenceNumber: (event.target as HTMLInputElement).value };
    this.dispatchEvent(new ChangeEvent(this.value));
  }

  override render() {
    const words = this.words;
    const invalid = this.showError && !this.value.licenceNumber?.trim();
    return html`<label for="licence">${words.label}</label>
      <p class="hint" id="licence-hint">${words.hint}</p>
      <input
        id="licence"
        .value=${this.value.licenceNumber ?? ''}
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="licence-hint licence-error"
        @input=${this.onInput}
      />
      <p class="error" id="licence-error" aria-live="polite">${invalid ? words.required : ''}</p>`;
  }
}

if (!customElements.get('story-licence-step')) customElements.define('story-licence-step', StoryLicenceStep);

declare global {
  interface HTMLElementTagNameMap {
    'story-licence-step': StoryLicenceStep;
  }
}

import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FieldIssue } from '../../domain/index.js';
import type { Translate } from '../../i18n/i18n.js';
import type { FieldOptions } from './form-state.js';

/** What a form gives every field it renders. */
export interface FieldContext {
  t: Translate;
  /** The issue to show next to a field now, if any. */
  issueOf(field: string): FieldIssue | undefined;
  /** Every issue to show next to a field now, when the form reports more than the first. */
  issuesOf?(field: string): FieldIssue[];
  /** The host's per-field options (readonly / hidden). */
  optionsOf(field: string): FieldOptions;
  onInput(field: string, value: string): void;
  onBlur(field: string): void;
}

/** A text field's description. */
export interface TextFieldSpec {
  name: string;
  label: string;
  value: string | undefined;
  required: boolean;
  hint?: string | TemplateResult | undefined;
  type?: 'text' | 'email' | 'tel' | 'password';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'latin';
  maxlength?: number;
}

/** The id of a field's control inside its element's shadow root. */
export const fieldId = (name: string) => `field-${name}`;

/**
 * The message of an issue on a field labelled `label`, in the user's language. An issue that names the
 * refused character (`params.character`) gets the message that quotes it (`errors.named.<code>`) when
 * there is one; a code without words (a newer server's, or one whose words could not be loaded
 * offline) gets `errors.invalid`, which still names the field.
 */
export function issueMessage(t: Translate, label: string, issue: FieldIssue): string {
  const values = { field: label, ...issue.params };
  const keys = issue.params?.character === undefined ? [`errors.${issue.code}`] : [`errors.named.${issue.code}`, `errors.${issue.code}`];
  for (const key of keys) {
    const text = t(key, values);
    if (text !== key) return text;
  }
  return t('errors.invalid', values);
}

/**
 * Every problem of a field in one message, so one round of corrections fixes them all
 * (「Co., Ltd.」: the comma and the company-form words at once).
 *
 * @example
 * issuesMessage(t, '企業名(アルファベット)', issues) // '…「,」が含まれています。… 「株式会社」にあたる語…'
 */
export function issuesMessage(t: Translate, label: string, issues: readonly FieldIssue[]): string | undefined {
  const messages = [...new Set(issues.map((issue) => issueMessage(t, label, issue)))];
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** 「※必須」 or 「※任意」 after a label; hidden from screen readers, which hear `required` instead. */
export function marker(t: Translate, required: boolean): TemplateResult {
  return html`<span class="marker ${required ? 'required' : 'optional'}" part="marker" aria-hidden="true"
    >${t(required ? 'markers.required' : 'markers.optional')}</span
  >`;
}

/** The error line under a field: polite live region, with a visually hidden "エラー：" prefix. */
export function errorLine(t: Translate, id: string, message: string | undefined): TemplateResult {
  return html`<p class="error" part="error" id=${id} aria-live="polite">${message
      ? html`<span class="visually-hidden">${t('errorSummary.prefix')}</span>${message}`
      : nothing}</p>`;
}

/**
 * A labelled text input with hint, marker and error tied to it by `aria-describedby`.
 *
 * @example
 * textField(context, { name: 'name', label: t('company.name'), value: this.value.name, required: true })
 */
export function textField(context: FieldContext, spec: TextFieldSpec): TemplateResult {
  const { t } = context;
  const id = fieldId(spec.name);
  const options = context.optionsOf(spec.name);
  // One validation per field and render: the list when the form gives it, else its first issue.
  const single = context.issuesOf ? undefined : context.issueOf(spec.name);
  const issues = context.issuesOf?.(spec.name) ?? (single ? [single] : []);
  const message = issuesMessage(t, spec.label, issues);
  const describedBy = [spec.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return html`<div class="field" part="field field-${spec.name}" ?hidden=${options.hidden}>
    <label class="label" part="label" for=${id}>${spec.label}${marker(t, spec.required)}</label>
    ${spec.hint ? html`<p class="hint" part="hint" id="${id}-hint">${spec.hint}</p>` : nothing}
    <input
      id=${id}
      name=${spec.name}
      part="input"
      type=${spec.type ?? 'text'}
      .value=${live(spec.value ?? '')}
      ?readonly=${options.readonly}
      ?required=${spec.required}
      aria-invalid=${issues.length > 0 ? 'true' : 'false'}
      aria-describedby=${describedBy}
      autocomplete=${ifDefined(spec.autocomplete)}
      inputmode=${ifDefined(spec.inputmode)}
      maxlength=${ifDefined(spec.maxlength)}
      @input=${(event: Event) => context.onInput(spec.name, (event.target as HTMLInputElement).value)}
      @blur=${() => context.onBlur(spec.name)}
    />
    ${errorLine(t, `${id}-error`, message)}
  </div>`;
}

/** One entry of an error summary: the field, its label, the message. */
export interface SummaryEntry {
  field: string;
  message: string;
}

/**
 * The GOV.UK-style error summary at the top of a step: a heading and a link to each field in error.
 * Links focus the field themselves, since fragment links do not reach into shadow roots.
 */
export function errorSummary(
  t: Translate,
  entries: readonly SummaryEntry[],
  focusField: (field: string) => void,
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">${t('errorSummary.title')}</h3>
    <p>${t('errorSummary.description')}</p>
    <ul>
      ${entries.map(
        (entry) =>
          html`<li>
            <a
              href="#${fieldId(entry.field)}"
              @click=${(event: Event) => {
                event.preventDefault();
                focusField(entry.field);
              }}
              >${entry.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * A configured link target, if it is a web address (http or https, absolute or relative to the page);
 * else `fallback`: a host's `javascript:` or `data:` URL never becomes a link.
 *
 * @example
 * webAddress('javascript:alert(1)', DEFAULT_MANUAL_URL) // DEFAULT_MANUAL_URL
 */
export function webAddress(url: string, fallback: string): string {
  try {
    // Server-side rendering has no document: a relative address is then read against a placeholder base.
    const { protocol } = new URL(url, globalThis.document?.baseURI ?? 'https://localhost/');
    return protocol === 'https:' || protocol === 'http:' ? url : fallback;
  } catch {
    return fallback;
  }
}

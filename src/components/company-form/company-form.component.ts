import { css, html, isServer, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  companySchema,
  DEFAULT_MAX_DOCUMENT_BYTES,
  documentProblem,
  ENTITY_KINDS,
  FIELD_NORMALISERS,
  KINDS_WITH_CORPORATE_NUMBER,
  validateSection,
  type DocumentProblem,
  type EntityKind,
  type FieldIssue,
} from '../../domain/index.js';
import type { CompanyDraft } from '../shared/draft.js';
import { errorLine, fieldId, issueMessage, marker } from '../shared/fields.js';
import { loadProblemTexts } from '../../i18n/i18n.js';
import { FormStepElement } from '../shared/form-step.js';
import { formatBytes } from '../shared/format.js';
import { baseStyles } from '../shared/styles.js';

const CORPORATE_NUMBER_SITE = 'https://www.houjin-bangou.nta.go.jp/';

/**
 * STEP 2 企業情報入力: the applicant company as registered (head office, as on the certificate of
 * seal), and the PDF that proves it. The corporate number is asked of 法人 and 自治体 only; the
 * document asked for, the intro and the hints follow the kind (application guide, STEP 2 ①種類), and
 * changing the kind after a file was chosen asks for the new kind's document instead of keeping it.
 *
 * @summary The company section and its supporting PDF.
 * @fires cec-change - The user edited a field or chose/cleared the document; `event.value` is the new `CompanyDraft`.
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」/「※任意」 marker after a label.
 * @csspart hint - The help text under a label.
 * @csspart input - Each text input.
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused "next".
 * @csspart file-button - The 「ファイル選択」 button.
 * @csspart clear-button - The 「クリア」 button.
 */
export class CecCompanyForm extends FormStepElement<CompanyDraft> {
  static override styles = [
    baseStyles,
    css`
      .kinds {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1.5em;
      }
      .file-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      .file-input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .file-input:focus-visible + .button {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      .file-status {
        margin: 0.35em 0 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** Upper bound of the document in bytes (default 10 MB). */
  @property({ type: Number, attribute: 'max-document-bytes' }) maxDocumentBytes: number = DEFAULT_MAX_DOCUMENT_BYTES;

  /** Kinds the applicant may choose (an ordering company may allow only 法人); all four by default. */
  @property({ attribute: false }) allowedKinds: readonly EntityKind[] = ENTITY_KINDS;

  protected override readonly normalisers = FIELD_NORMALISERS.company;

  /** Why the last chosen file was refused, if it was. */
  @state() private documentRefusal: DocumentProblem | undefined;
  @state() private checkingDocument = false;
  /** The file let go of because the kind changed, until another is chosen: the user is told why. */
  @state() private documentOfOtherKind: { name: string } | undefined;

  constructor() {
    super();
    this.value = { kind: 'corporation' };
  }

  get #kind(): EntityKind {
    return this.value.kind ?? 'corporation';
  }

  get #asksCorporateNumber(): boolean {
    return KINDS_WITH_CORPORATE_NUMBER.includes(this.#kind);
  }

  protected check() {
    const { document, ...fields } = this.value;
    const result = validateSection(companySchema, { ...fields, kind: this.#kind });
    const issues: FieldIssue[] = result.ok ? [] : [...result.issues];
    const problem = this.documentRefusal ?? (document ? undefined : 'documentRequired');
    if (problem) issues.push({ path: ['document'], code: problem, params: { maximum: formatBytes(this.maxDocumentBytes) } });
    return issues.length === 0 ? result : { ok: false as const, issues };
  }

  protected fieldOrder() {
    return ['kind', 'corporateNumber', 'name', 'nameKana', 'address', 'representative', 'document'];
  }

  protected labelOf(field: string): string {
    if (field === 'document') return this.localize.t(`company.document.${this.#kind}`);
    return this.localize.t(`company.${field}`);
  }

  /** Reads the chosen file and keeps it only if its content is an acceptable PDF. */
  async #chooseDocument(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.checkingDocument = true;
    let problem: DocumentProblem | undefined;
    try {
      problem =
        file.size > this.maxDocumentBytes
          ? 'documentTooLarge'
          : await documentProblem(new Uint8Array(await file.arrayBuffer()), this.maxDocumentBytes);
      // The words of a refusal are a chunk of their own; offline, the message says to check the field.
      if (problem) await loadProblemTexts().catch(() => undefined);
    } catch {
      // The file could not be read (moved or deleted since it was chosen): nothing is kept.
      problem = 'documentRequired';
    } finally {
      this.checkingDocument = false;
    }
    this.documentRefusal = problem;
    this.documentOfOtherKind = undefined;
    // A refused file is not kept: the input is emptied so the same file can be chosen again once fixed.
    input.value = '';
    this.form.markTouched('document');
    this.setField('document', problem ? undefined : file);
  }

  #clearDocument(): void {
    this.documentRefusal = undefined;
    this.documentOfOtherKind = undefined;
    this.setField('document', undefined);
    this.renderRoot.querySelector<HTMLInputElement>('.file-input')?.focus();
  }

  /** The 印鑑証明書 never silently becomes the 開業届: a file chosen for another kind is let go of, and the user told. */
  #selectKind(kind: EntityKind): void {
    const file = this.value.document;
    this.setField('kind', kind);
    if (!file) return;
    this.documentRefusal = undefined;
    this.documentOfOtherKind = { name: file.name };
    this.setField('document', undefined);
  }

  /** A text of the current kind (`company.byKind.<kind>.<name>`), else the one of 法人 and 自治体 (`company.<name>`). */
  #kindText(name: 'intro' | 'nameHint' | 'addressHint'): string {
    const key = `company.byKind.${this.#kind}.${name}`;
    const text = this.localize.t(key);
    return text === key ? this.localize.t(`company.${name}`) : text;
  }

  override render() {
    const { t } = this.localize;
    return html`
      ${this.renderErrorSummary()}
      <h3>${t('company.heading')}</h3>
      <p>${this.#kindText('intro')}</p>
      ${this.#renderKinds()}
      ${this.#asksCorporateNumber
        ? this.textField('corporateNumber', {
            inputmode: 'numeric',
            hint: html`${t('company.corporateNumberHint')}
              <a href=${CORPORATE_NUMBER_SITE} target="_blank" rel="noopener noreferrer"
                >${t('company.corporateNumberHelp')}<span class="visually-hidden">${t('terms.opensInNewWindow')}</span></a
              >`,
          })
        : nothing}
      ${this.textField('name', { hint: this.#kindText('nameHint'), autocomplete: 'organization' })}
      ${this.textField('nameKana', { hint: t('company.nameKanaHint') })}
      ${this.textField('address', { hint: this.#kindText('addressHint'), autocomplete: 'street-address' })}
      ${this.textField('representative')}
      ${this.#renderDocument()}
    `;
  }

  #renderKinds() {
    const { t } = this.localize;
    const options = this.fields.kind ?? {};
    return html`<fieldset class="field" part="field field-kind" ?hidden=${options.hidden}>
      <legend part="label">${t('company.kind')}${marker(t, true)}</legend>
      <div class="kinds" role="presentation">
        ${this.allowedKinds.map(
          (kind) => html`<div class="choice">
            <input
              type="radio"
              id="kind-${kind}"
              name="kind"
              ?checked=${this.#kind === kind}
              .checked=${isServer ? nothing : live(this.#kind === kind)}
              ?disabled=${options.readonly && this.#kind !== kind}
              @change=${() => this.#selectKind(kind)}
            />
            <label for="kind-${kind}">${t(`company.kinds.${kind}`)}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderDocument() {
    const { t } = this.localize;
    const id = fieldId('document');
    const label = this.labelOf('document');
    const issue = this.form.visibleIssue('document');
    const file = this.value.document;
    const maximum = formatBytes(this.maxDocumentBytes);
    return html`<div class="field" part="field field-document" ?hidden=${this.fields.document?.hidden}>
      <span class="label" id="${id}-label" part="label">${label}${marker(t, true)}</span>
      <p class="hint" id="${id}-hint">${t(`company.documentHint.${this.#kind}`)} ${t('company.documentFormat', { maximum })}</p>
      <div class="file-row">
        <input
          class="file-input"
          type="file"
          id=${id}
          accept="application/pdf,.pdf"
          aria-labelledby="${id}-label"
          aria-describedby="${id}-hint ${id}-status ${id}-error"
          aria-invalid=${issue ? 'true' : 'false'}
          aria-required="true"
          @change=${(event: Event) => this.#chooseDocument(event.target as HTMLInputElement)}
          @blur=${() => this.form.markTouched('document')}
        />
        <label for=${id} class="button" part="file-button" aria-hidden="true">${t('buttons.chooseFile')}</label>
        <button type="button" part="clear-button" ?hidden=${!file} @click=${this.#clearDocument}>
          ${t('buttons.clear')}<span class="visually-hidden">${label}</span>
        </button>
      </div>
      <p class="file-status" id="${id}-status" aria-live="polite">
        ${this.checkingDocument
          ? t('company.documentChecking')
          : file
            ? t('company.documentSelected', { name: file.name, size: formatBytes(file.size) })
            : this.documentOfOtherKind
              ? t('company.documentKindChanged', { kind: t(`company.kinds.${this.#kind}`), name: this.documentOfOtherKind.name, document: label })
              : t('company.documentNone')}
      </p>
      ${errorLine(t, `${id}-error`, issue ? issueMessage(t, label, issue) : undefined)}
    </div>`;
  }
}

import { html, isServer, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ApiError } from '../../api/errors.js';
import { ENTITY_KINDS, type EntityKind, type FieldIssue, type IssuedInvitation } from '../../domain/index.js';
import { errorLine, errorSummary, fieldId, marker, textField, type FieldContext } from '../shared/fields.js';
import { FormState } from '../shared/form-state.js';
import { LocalizeController } from '../shared/localize.js';
import { invitationFormResources } from '../../i18n/invitation-form.js';
import { IncludeResourcesController } from './include-resources.js';
import { baseStyles } from '../shared/styles.js';
import { AdminApi } from '../../api/admin.js';
import { InvitationCreatedEvent, InvitationResentEvent } from './invitation-events.js';
import { invitationFormStyles } from './invitation-form.styles.js';
import {
  BRANDING_FIELDS,
  emptyInvitationDraft,
  INVITATION_FIELDS,
  invitationRequestOf,
  prefillAsksCorporateNumber,
  PREFILL_FIELDS,
  toFieldIssues,
  type InvitationDraft,
  type InvitationField,
} from './invitation-request.js';
import { formatTokyoDateTime } from '../shared/format.js';

/** A failed call, as the form tells it: a message key, its values, and whether "retry" makes sense. */
interface Failure {
  key: string;
  values?: Record<string, unknown>;
  retry?: () => void;
}

const HEX_COLOUR_6 = /^#[0-9a-fA-F]{6}$/;
const HEX_COLOUR_3 = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/;

/** The label key of each field, under `invitationForm`. */
const LABEL_KEYS: Record<InvitationField, string> = {
  companyName: 'companyName',
  contactName: 'contactName',
  email: 'email',
  prefillKind: 'prefill.kind',
  prefillCorporateNumber: 'prefill.corporateNumber',
  prefillNameKana: 'prefill.nameKana',
  prefillAddress: 'prefill.address',
  prefillRepresentative: 'prefill.representative',
  displayName: 'branding.displayName',
  logoUrl: 'branding.logoUrl',
  primaryColor: 'branding.primaryColor',
  allowedKinds: 'allowedKinds.legend',
};

/**
 * The ordering company's side (発注者): invites a partner company to apply for CECTRUST-Light. Takes the
 * partner and the contact the mail goes to, optionally the partner's company details to prefill, the
 * branding of the application pages and the kinds the partner may choose; issues the invitation with
 * the company's API key and shows the link (to copy), its expiry (Japan time) and a 「再送」 button.
 *
 * The API key is a property only: it is never reflected to an attribute, where the DOM would show it.
 *
 * @summary Issues and resends invitations through the admin API.
 * @fires {IssuedInvitationDetail} cec-invitation-created - The backend issued an invitation; `event.detail` is `{ id, url, expiresAt }`.
 * @fires {IssuedInvitationDetail} cec-invitation-resent - The backend issued a new link (the old one no longer works); `event.detail` is `{ id, url, expiresAt }`.
 * @csspart field - Each field block. Also `field-<name>`.
 * @csspart label - Each field label.
 * @csspart marker - The 「※必須」/「※任意」 marker after a label.
 * @csspart hint - The help text under a label.
 * @csspart input - Each text input.
 * @csspart error - The message under a field.
 * @csspart error-summary - The list of problems shown after a refused submit.
 * @csspart prefill - The collapsible prefill section.
 * @csspart branding - The collapsible branding section.
 * @csspart submit-button - The 「招待リンクを発行する」 button.
 * @csspart result - The issued link, its expiry and the resend button.
 * @csspart link-input - The read-only input holding the link.
 * @csspart copy-button - The 「コピー」 button.
 * @csspart resend-button - The 「再送」 button.
 * @csspart failure - The message of a failed call, with its retry button.
 */
export class CecInvitationForm extends LitElement {
  static override styles = [baseStyles, invitationFormStyles];

  /** Base URL of the backend, e.g. `/api`; the form calls `{endpoint}/admin/invitations`. */
  @property() endpoint = '';

  /** The ordering company's API key, sent as `Authorization: Bearer <key>`. Never an attribute. */
  @property({ attribute: false }) apiKey = '';

  /** Language: `ja` (default) or `en`; inherited from the nearest ancestor's `lang` when not set. */
  @property({ reflect: true }) override lang!: string;

  @state() private draft: InvitationDraft = emptyInvitationDraft();
  /** The invitation issued last, while its link is shown. */
  @state() private issued?: IssuedInvitation;
  /** Whether the link shown came from 「再送」 (so the previous one is dead). */
  @state() private resent = false;
  @state() private busy: 'create' | 'resend' | undefined;
  @state() private failure?: Failure;
  @state() private copyStatus: 'copied' | 'failed' | undefined;
  @state() private prefillOpen = false;
  @state() private brandingOpen = false;

  private readonly localize = new LocalizeController(this);
  private form = this.newFormState();

  constructor() {
    super();
    // The form's own words, added to whichever translator it speaks with: ja.ts (the wizard's) lacks them.
    new IncludeResourcesController(this, this.localize, invitationFormResources);
  }

  private newFormState(): FormState {
    return new FormState(this, () => invitationRequestOf(this.draft));
  }

  private get admin(): AdminApi {
    return new AdminApi({ endpoint: this.endpoint, apiKey: this.apiKey });
  }

  // ── event handlers ────────────────────────────────────────────────────────

  private setField(field: InvitationField, value: unknown): void {
    this.draft = { ...this.draft, [field]: value };
    this.form.markDirty(field);
  }

  private toggleKind(kind: EntityKind, checked: boolean): void {
    const kinds = checked ? [...this.draft.allowedKinds, kind] : this.draft.allowedKinds.filter((each) => each !== kind);
    this.setField('allowedKinds', ENTITY_KINDS.filter((each) => kinds.includes(each)));
    this.form.markTouched('allowedKinds');
  }

  /** The swatch gives `#rrggbb`; the text field stays the one value sent. */
  private pickColour(value: string): void {
    this.setField('primaryColor', value);
    this.form.markTouched('primaryColor');
  }

  private async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy) return;
    this.failure = undefined;
    if (!this.form.validate()) {
      this.openSectionsWithIssues(Object.keys(this.form.issues()));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    if (!this.apiKey) {
      this.failure = { key: 'missingApiKey' };
      return;
    }
    const result = invitationRequestOf(this.draft);
    if (!result.ok) return;
    this.busy = 'create';
    try {
      const issued = await this.admin.createInvitation(result.value);
      void this.showIssued(issued, false);
      this.dispatchEvent(new InvitationCreatedEvent({ id: issued.id, url: issued.url, expiresAt: issued.expiresAt }));
    } catch (error) {
      this.failure = this.failureOf(error, () => void this.submit());
      if (error instanceof ApiError && error.code === 'validation_failed') await this.showServerIssues(error.issues);
    } finally {
      this.busy = undefined;
    }
  }

  private async resend(): Promise<void> {
    const issued = this.issued;
    if (!issued || this.busy) return;
    this.failure = undefined;
    this.busy = 'resend';
    try {
      const again = await this.admin.resendInvitation(issued.id);
      void this.showIssued(again, true);
      this.dispatchEvent(new InvitationResentEvent({ id: again.id, url: again.url, expiresAt: again.expiresAt }));
    } catch (error) {
      this.failure = this.failureOf(error, () => void this.resend());
    } finally {
      this.busy = undefined;
    }
  }

  private async showIssued(issued: IssuedInvitation, resent: boolean): Promise<void> {
    this.issued = issued;
    this.resent = resent;
    this.copyStatus = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  private async copyLink(): Promise<void> {
    const url = this.issued?.url;
    if (!url) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      this.copyStatus = 'copied';
    } catch {
      // Denied or unavailable (an http page, a locked-down browser): select the link for Ctrl+C.
      this.copyStatus = 'failed';
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#invitation-url');
      input?.focus();
      input?.select();
    }
  }

  /** Back to an empty form for the next partner; branding and kinds are kept, they rarely change. */
  private async inviteAnother(): Promise<void> {
    const { displayName, logoUrl, primaryColor, allowedKinds } = this.draft;
    this.draft = { ...emptyInvitationDraft(), displayName, logoUrl, primaryColor, allowedKinds };
    this.issued = undefined;
    this.resent = false;
    this.failure = undefined;
    this.prefillOpen = false;
    this.removeController(this.form);
    this.form = this.newFormState();
    await this.updateComplete;
    this.focusField('companyName');
  }

  private async showServerIssues(issues: readonly FieldIssue[]): Promise<void> {
    const fieldIssues = toFieldIssues(issues).filter((issue) => issue.path[0]);
    this.form.setServerIssues(fieldIssues);
    this.openSectionsWithIssues(fieldIssues.map((issue) => issue.path[0]!));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** A closed `<details>` would hide the very field an error points at. */
  private openSectionsWithIssues(fields: readonly string[]): void {
    if (fields.some((field) => PREFILL_FIELDS.includes(field as InvitationField))) this.prefillOpen = true;
    if (fields.some((field) => BRANDING_FIELDS.includes(field as InvitationField))) this.brandingOpen = true;
  }

  private async focusField(field: string): Promise<void> {
    this.openSectionsWithIssues([field]);
    await this.updateComplete;
    const target = field === 'allowedKinds' ? `#kind-${this.draft.allowedKinds[0] ?? ENTITY_KINDS[0]}` : `#${fieldId(field)}`;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private failureOf(error: unknown, retry: () => void): Failure {
    if (!(error instanceof ApiError)) return { key: 'unknown', values: { code: String(error) } };
    switch (error.code) {
      case 'unauthorized':
        return { key: 'unauthorized' };
      case 'validation_failed':
        return { key: 'validation' };
      case 'network':
        return { key: 'network', retry };
      case 'timeout':
        return { key: 'timeout', retry };
      case 'forbidden_origin':
        return { key: 'forbiddenOrigin' };
      case 'payload_too_large':
        return { key: 'payloadTooLarge' };
      case 'invitation_not_found':
        return { key: 'invitationNotFound' };
      case 'invitation_used':
        return { key: 'invitationUsed' };
      case 'invalid_response':
        return { key: 'invalidResponse', retry };
      default:
        return error.status >= 500 ? { key: 'server', retry } : { key: 'unknown', values: { code: error.code } };
    }
  }

  // ── render ────────────────────────────────────────────────────────────────

  override render() {
    const { t } = this.localize;
    return html`
      <h2>${t('invitationForm.heading')}</h2>
      ${this.issued ? this.renderResult(this.issued) : this.renderForm()}
    `;
  }

  private renderForm(): TemplateResult {
    const { t } = this.localize;
    const context = this.fieldContext();
    const d = this.draft;
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderErrorSummary()}
      <p>${t('invitationForm.intro')}</p>
      ${textField(context, { name: 'companyName', label: this.labelOf('companyName'), value: d.companyName, required: true, hint: t('invitationForm.companyNameHint'), autocomplete: 'off' })}
      ${textField(context, { name: 'contactName', label: this.labelOf('contactName'), value: d.contactName, required: true, autocomplete: 'off' })}
      ${textField(context, { name: 'email', label: this.labelOf('email'), value: d.email, required: true, type: 'email', hint: t('invitationForm.emailHint'), autocomplete: 'off', inputmode: 'email' })}
      ${this.renderPrefill(context)} ${this.renderBranding(context)} ${this.renderAllowedKinds()}
      ${this.renderFailure()}
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" ?disabled=${this.busy === 'create'} aria-busy=${this.busy === 'create' ? 'true' : 'false'}>
          ${this.busy === 'create' ? t('invitationForm.submitting') : t('invitationForm.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderPrefill(context: FieldContext): TemplateResult {
    const { t } = this.localize;
    const d = this.draft;
    const kindIssue = this.form.visibleIssue('prefillKind');
    const kindId = fieldId('prefillKind');
    return html`<details part="prefill" ?open=${this.prefillOpen} @toggle=${(event: Event) => (this.prefillOpen = (event.target as HTMLDetailsElement).open)}>
      <summary>${t('invitationForm.prefill.summary')}</summary>
      <p class="hint">${t('invitationForm.prefill.intro')}</p>
      <div class="field" part="field field-prefillKind">
        <label class="label" part="label" for=${kindId}>${this.labelOf('prefillKind')}${marker(t, false)}</label>
        <select
          id=${kindId}
          aria-invalid=${kindIssue ? 'true' : 'false'}
          aria-describedby="${kindId}-error"
          @change=${(event: Event) => {
            this.setField('prefillKind', (event.target as HTMLSelectElement).value);
            this.form.markTouched('prefillKind');
          }}
        >
          <option value="" ?selected=${!d.prefillKind}>${t('invitationForm.prefill.kindUnset')}</option>
          ${ENTITY_KINDS.map((kind) => html`<option value=${kind} ?selected=${d.prefillKind === kind}>${t(`company.kinds.${kind}`)}</option>`)}
        </select>
        ${errorLine(t, `${kindId}-error`, kindIssue ? this.messageOf('prefillKind', kindIssue) : undefined)}
      </div>
      ${prefillAsksCorporateNumber(d)
        ? textField(context, {
            name: 'prefillCorporateNumber',
            label: this.labelOf('prefillCorporateNumber'),
            value: d.prefillCorporateNumber,
            required: false,
            hint: t('invitationForm.prefill.corporateNumberHint'),
            inputmode: 'numeric',
            autocomplete: 'off',
          })
        : nothing}
      ${textField(context, { name: 'prefillNameKana', label: this.labelOf('prefillNameKana'), value: d.prefillNameKana, required: false, autocomplete: 'off' })}
      ${textField(context, { name: 'prefillAddress', label: this.labelOf('prefillAddress'), value: d.prefillAddress, required: false, autocomplete: 'off' })}
      ${textField(context, { name: 'prefillRepresentative', label: this.labelOf('prefillRepresentative'), value: d.prefillRepresentative, required: false, autocomplete: 'off' })}
    </details>`;
  }

  private renderBranding(context: FieldContext): TemplateResult {
    const { t } = this.localize;
    const d = this.draft;
    const typed = d.primaryColor?.trim() ?? '';
    const short = HEX_COLOUR_3.exec(typed);
    const swatch = HEX_COLOUR_6.test(typed) ? typed.toLowerCase() : short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : '#1d4f91';
    return html`<details part="branding" ?open=${this.brandingOpen} @toggle=${(event: Event) => (this.brandingOpen = (event.target as HTMLDetailsElement).open)}>
      <summary>${t('invitationForm.branding.summary')}</summary>
      <p class="hint">${t('invitationForm.branding.intro')}</p>
      ${textField(context, { name: 'displayName', label: this.labelOf('displayName'), value: d.displayName, required: false, hint: t('invitationForm.branding.displayNameHint'), autocomplete: 'off' })}
      ${textField(context, { name: 'logoUrl', label: this.labelOf('logoUrl'), value: d.logoUrl, required: false, hint: t('invitationForm.branding.logoUrlHint'), autocomplete: 'off', inputmode: 'latin' })}
      ${textField(context, { name: 'primaryColor', label: this.labelOf('primaryColor'), value: d.primaryColor, required: false, hint: t('invitationForm.branding.primaryColorHint'), autocomplete: 'off', inputmode: 'latin', maxlength: 7 })}
      <div class="swatch-row">
        <input type="color" id="primary-color-swatch" .value=${live(swatch)} @input=${(event: Event) => this.pickColour((event.target as HTMLInputElement).value)} />
        <label for="primary-color-swatch">${t('invitationForm.branding.pickColor')}</label>
      </div>
    </details>`;
  }

  private renderAllowedKinds(): TemplateResult {
    const { t } = this.localize;
    const issue = this.form.visibleIssue('allowedKinds');
    const id = fieldId('allowedKinds');
    return html`<fieldset class="field" part="field field-allowedKinds" aria-describedby="${id}-hint ${id}-error">
      <legend part="label">${this.labelOf('allowedKinds')}${marker(t, false)}</legend>
      <p class="hint" part="hint" id="${id}-hint">${t('invitationForm.allowedKinds.hint')}</p>
      <div class="kinds">
        ${ENTITY_KINDS.map(
          (kind) => html`<div class="choice">
            <input
              type="checkbox"
              id="kind-${kind}"
              ?checked=${this.draft.allowedKinds.includes(kind)}
              .checked=${isServer ? nothing : live(this.draft.allowedKinds.includes(kind))}
              aria-invalid=${issue ? 'true' : 'false'}
              aria-describedby="${id}-error"
              @change=${(event: Event) => this.toggleKind(kind, (event.target as HTMLInputElement).checked)}
            />
            <label for="kind-${kind}">${t(`company.kinds.${kind}`)}</label>
          </div>`,
        )}
      </div>
      ${errorLine(t, `${id}-error`, issue ? this.messageOf('allowedKinds', issue) : undefined)}
    </fieldset>`;
  }

  private renderResult(issued: IssuedInvitation): TemplateResult {
    const { t } = this.localize;
    const expiry = formatTokyoDateTime(issued.expiresAt, this.localize.translator.language);
    const resending = this.busy === 'resend';
    return html`<section class="result" part="result" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${t(this.resent ? 'invitationForm.result.resentHeading' : 'invitationForm.result.createdHeading')}</h3>
      <p>${t('invitationForm.result.recipient', { companyName: issued.partner.companyName, contactName: issued.partner.contactName, email: issued.partner.email })}</p>
      <p>${t('invitationForm.result.mailed')}</p>
      ${this.resent ? html`<p class="warning" role="status">${t('invitationForm.result.oldLinkInvalid')}</p>` : nothing}
      <div class="field">
        <label class="label" for="invitation-url">${t('invitationForm.result.link')}</label>
        <div class="copy-row">
          <input id="invitation-url" part="link-input" type="text" readonly .value=${live(issued.url)} aria-describedby="invitation-expiry copy-status" @focus=${(event: Event) => (event.target as HTMLInputElement).select()} />
          <button type="button" part="copy-button" @click=${this.copyLink}>${t('invitationForm.result.copy')}</button>
        </div>
        <p id="copy-status" class="status ${this.copyStatus ?? ''}" role="status">
          ${this.copyStatus ? t(this.copyStatus === 'copied' ? 'invitationForm.result.copied' : 'invitationForm.result.copyFailed') : nothing}
        </p>
      </div>
      <p id="invitation-expiry" class="expiry">${t('invitationForm.result.expiresAt', { date: expiry })}</p>
      <p class="hint" id="resend-hint">${t('invitationForm.result.resendHint')}</p>
      ${this.renderFailure()}
      <div class="actions">
        <button type="button" part="resend-button" aria-describedby="resend-hint" ?disabled=${resending} aria-busy=${resending ? 'true' : 'false'} @click=${this.resend}>
          ${resending ? t('invitationForm.result.resending') : t('invitationForm.result.resend')}
        </button>
        <button type="button" @click=${this.inviteAnother}>${t('invitationForm.result.another')}</button>
      </div>
    </section>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    const { t } = this.localize;
    return html`<div class="warning failure" part="failure" role="alert">
      <p>${t(`invitationForm.failures.${failure.key}`, failure.values)}</p>
      ${failure.retry ? html`<button type="button" @click=${failure.retry}>${t('invitationForm.retry')}</button>` : nothing}
    </div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.form.submitted) return nothing;
    const entries = this.form.visibleIssues(INVITATION_FIELDS).map(([field, issue]) => ({
      field,
      message: this.messageOf(field as InvitationField, issue),
    }));
    return errorSummary(this.localize.t, entries, (field) => void this.focusField(field));
  }

  // ── helpers ───────────────────────────────────────────────────────────────

  private fieldContext(): FieldContext {
    return {
      // The shared text field words an issue as `errors.<code>`; this form words some codes itself.
      t: (key, values) => this.localize.t(key.startsWith('errors.') ? this.codeKey(key.slice('errors.'.length)) : key, values),
      issueOf: (field) => this.form.visibleIssue(field),
      optionsOf: () => ({}),
      onInput: (field, value) => this.setField(field as InvitationField, value),
      // A field removed while focused (the form giving way to the issued link) blurs mid-render: ignore it.
      onBlur: (field) => {
        if (!this.issued) this.form.markTouched(field);
      },
    };
  }

  private labelOf(field: InvitationField): string {
    return this.localize.t(`invitationForm.${LABEL_KEYS[field]}`);
  }

  /** `invitationForm.errors.<code>` when this form words the code itself, else the shared `errors.<code>`. */
  private codeKey(code: string): string {
    const own = `invitationForm.errors.${code}`;
    return this.localize.translator.has(own) ? own : `errors.${code}`;
  }

  private messageOf(field: InvitationField, issue: FieldIssue): string {
    return this.localize.t(this.codeKey(issue.code), { field: this.labelOf(field), ...issue.params });
  }
}

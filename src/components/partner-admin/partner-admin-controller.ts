import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from '../../api/errors.js';
import { PartnerAdminApi, PartnerApiError, type SessionSource } from '../../api/partner-admin.js';
import type { FieldIssue } from '../../domain/validation.js';
import type { Translate } from '../../i18n/i18n.js';
import { IncludeResourcesController } from '../invitation-form/include-resources.js';
import { WizardErrorEvent } from '../shared/events.js';
import { errorSummary, fieldId, issuesMessage, type FieldContext } from '../shared/fields.js';
import type { FormState } from '../shared/form-state.js';
import type { LocalizeController } from '../shared/localize.js';
import { partnerAdminResources } from './partner-admin.resources.js';

/** The support address shown when nothing else helps (SPEC, STEP 6). */
export const DEFAULT_SUPPORT_EMAIL = 'help-light@construction-ec.com';

/** What every partner element exposes to its host: where the backend is and whose session to use. */
export interface PartnerHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  endpoint: string;
  session?: string | undefined;
  sessionProvider?: Exclude<SessionSource, string | undefined>;
  supportEmail: string;
}

/** A failed call, as an element tells it: a message key under `partnerAdmin`, its values, and a retry when one may help. */
export interface Failure {
  key: string;
  values?: Record<string, unknown>;
  retry?: () => void;
}

/** How `run` words a failure: the element's own wording first, then a retry for transient failures. */
export interface RunOptions {
  retry?: () => void;
  failure?: (error: unknown) => Failure | undefined;
}

/** What `run` gives back: the task's value, or the error it failed with (already shown). */
export type RunResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Backend codes with words of their own (`partnerAdmin.failures.<key>`). */
const FAILURE_KEYS: Record<string, string> = {
  session_invalid: 'sessionInvalid',
  not_admin: 'notAdmin',
  password_change_required: 'passwordChangeRequired',
  validation_failed: 'validation',
  email_taken: 'emailTaken',
  user_not_found: 'userNotFound',
  user_has_certificate: 'userHasCertificate',
  certificate_not_found: 'certificateNotFound',
  certificate_not_issued: 'certificateNotIssued',
  idempotency_conflict: 'idempotencyConflict',
};

/** Codes where sending the same request again may succeed. */
const RETRYABLE_KEYS: Record<string, string> = { network: 'network', timeout: 'timeout', invalid_response: 'invalidResponse' };

/**
 * What the partner elements share: their words (`partnerAdmin`, added to whichever translator they speak
 * with), the client built from the host's `endpoint` and session, one call at a time with its failure
 * worded, and the field context that words this module's own validation codes.
 *
 * @example
 * private readonly partner = new PartnerAdminController(this, this.localize);
 * const result = await this.partner.run('load', (api) => api.listUsers(), { retry: () => void this.load() });
 */
export class PartnerAdminController implements ReactiveController {
  readonly #host: PartnerHost;
  readonly #localize: LocalizeController;
  /** The call in flight, by the name the element gave it. */
  busy: string | undefined;
  failure: Failure | undefined;

  constructor(host: PartnerHost, localize: LocalizeController) {
    this.#host = host;
    this.#localize = localize;
    new IncludeResourcesController(host, localize, partnerAdminResources);
    host.addController(this);
  }

  hostConnected(): void {}

  /** The client, with the host's current endpoint and session. */
  get api(): PartnerAdminApi {
    return new PartnerAdminApi({ endpoint: this.#host.endpoint, session: this.#host.sessionProvider ?? this.#host.session });
  }

  /**
   * Runs `task` unless a call is in flight (then `undefined`): `busy` is `name` meanwhile. A failure is
   * kept as `failure` — worded by `options.failure` when it knows the code, else here, with
   * `options.retry` when sending again may help — and told to the host as `cec-error`.
   */
  async run<T>(name: string, task: (api: PartnerAdminApi) => Promise<T>, options: RunOptions = {}): Promise<RunResult<T> | undefined> {
    if (this.busy) return undefined;
    this.busy = name;
    this.failure = undefined;
    this.#host.requestUpdate();
    try {
      return { ok: true, value: await task(this.api) };
    } catch (error) {
      this.failure = options.failure?.(error) ?? this.failureOf(error, options.retry);
      const apiError = error instanceof ApiError ? error : new ApiError('unknown', String(error));
      this.#host.dispatchEvent(new WizardErrorEvent(apiError.code, apiError.message));
      return { ok: false, error };
    } finally {
      this.busy = undefined;
      this.#host.requestUpdate();
    }
  }

  /** How a failure is told; codes an element words itself are left to it (`unknown` here). */
  failureOf(error: unknown, retry?: () => void): Failure {
    const supportEmail = this.#host.supportEmail;
    if (!(error instanceof ApiError)) return { key: 'unknown', values: { code: String(error), supportEmail } };
    const own = FAILURE_KEYS[error.code];
    if (own) return { key: own };
    const retryable = RETRYABLE_KEYS[error.code];
    if (retryable) return { key: retryable, retry };
    if (error.status === 503 && error.retryAfterSeconds !== undefined) {
      return { key: 'serviceUnavailable', values: { seconds: error.retryAfterSeconds }, retry };
    }
    if (error.status >= 500) return { key: 'server', retry };
    return { key: 'unknown', values: { code: error.code, supportEmail } };
  }

  /** The remaining attempts a `PartnerApiError` carries, if any. */
  attemptsOf(error: unknown): number | undefined {
    return error instanceof PartnerApiError ? error.attemptsRemaining : undefined;
  }

  /** The failure's message with its retry button, announced as an alert. */
  renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    const { t } = this.#localize;
    const key = failure.key.includes('.') ? `partnerAdmin.${failure.key}` : `partnerAdmin.failures.${failure.key}`;
    return html`<div class="warning failure" part="failure" role="alert">
      <p>${t(key, { supportEmail: this.#host.supportEmail, ...failure.values })}</p>
      ${failure.retry ? html`<button type="button" @click=${failure.retry}>${t('partnerAdmin.retry')}</button>` : nothing}
    </div>`;
  }

  /**
   * The context the shared text fields need, for a form kept by `form`: messages of this module's codes
   * (`partnerAdmin.errors.<code>`) before the shared ones (`errors.<code>`).
   */
  fieldContext(form: FormState, onInput: (field: string, value: string) => void): FieldContext {
    return {
      t: this.t,
      issueOf: (field) => form.visibleIssue(field),
      issuesOf: (field) => form.visibleIssueList(field),
      optionsOf: () => ({}),
      onInput: (field, value) => {
        onInput(field, value);
        form.markDirty(field);
      },
      onBlur: (field) => form.markTouched(field),
    };
  }

  /** The element's translate, with this module's validation codes worded first (`partnerAdmin.errors.<code>`). */
  t: Translate = (key, values) => this.#localize.t(key.startsWith('errors.') ? this.codeKey(key.slice('errors.'.length)) : key, values);

  /**
   * The error summary of `form` (once submitted), listing `fields` in order, each named by `labelOf`;
   * its links focus the field.
   */
  renderSummary(form: FormState, fields: readonly string[], labelOf: (field: string) => string): TemplateResult | typeof nothing {
    if (!form.submitted) return nothing;
    const entries = form.visibleIssues(fields).map(([field]) => ({
      field,
      message: issuesMessage(this.t, labelOf(field), form.visibleIssueList(field)) ?? '',
    }));
    return errorSummary(this.t, entries, (field) => this.#host.renderRoot.querySelector<HTMLElement>(`#${fieldId(field)}`)?.focus());
  }

  /** Moves focus to the error summary once it is rendered. */
  focusSummary(): Promise<void> {
    return this.focusAfterUpdate('.error-summary');
  }

  /** Moves focus, once rendered, to the first `selector` (a view's heading after the view changed). */
  async focusAfterUpdate(selector = 'h3'): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** `partnerAdmin.errors.<code>` when this module words the code, else the shared `errors.<code>`. */
  codeKey(code: string): string {
    const own = `partnerAdmin.errors.${code}`;
    return this.#localize.translator.has(own) ? own : `errors.${code}`;
  }

  /** The message of `issue` on the field labelled `label`. */
  messageOf(label: string, issue: FieldIssue): string {
    return this.#localize.t(this.codeKey(issue.code), { field: label, ...issue.params });
  }
}

import { ContextProvider } from '@lit/context';
import { adoptStyles, html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../../api/errors.js';
import { ApplyApi, DEFAULT_TIMEOUT_MS, newIdempotencyKey } from '../../api/client.js';
import {
  applicationSchema,
  DEFAULT_MAX_DOCUMENT_BYTES,
  ENTITY_KINDS,
  validateSection,
  type Application,
  type EntityKind,
  type FieldIssue,
  type Invitation,
  type Prefill,
} from '../../domain/index.js';
import { languageOf, loadProblemTexts, Translator, type MessageOverrides } from '../../i18n/i18n.js';
import { wizardContext, type WizardState } from '../shared/context.js';
import { emptyDraft, type ApplicationDraft, type SectionName } from '../shared/draft.js';
import { SubmittedEvent, WizardErrorEvent, type ChangeEvent, type EditSectionEvent } from '../shared/events.js';
import type { FieldOptions } from '../shared/form-state.js';
import type { WizardStep } from '../shared/step.js';
import { formatTokyoDateTime } from '../shared/format.js';
import { baseStyles } from '../shared/styles.js';
import { WizardController } from '../shared/wizard-controller.js';
import { enterGoesOn, renderFlowActions, renderFlowProgress, wizardFrameStyles } from '../shared/wizard-frame.js';
import { applyBranding, safeImageUrl } from './branding.js';
import { DraftStore, type KeptReceipt, type StoredDraft } from './draft-store.js';
import { takeInvitationToken } from './invitation-token.js';
import { defaultSteps, stepListProblem, stepsWithChildren, type StepDefinition } from './steps.js';
import { wizardStyles } from './apply-wizard.styles.js';

type Phase = 'loading' | 'ready' | 'invitation-error' | 'unreachable';

/** Failures of the invitation that get their own page: ask the ordering company to resend. */
const INVITATION_PAGES: Record<string, string> = {
  invitation_not_found: 'notFound',
  invitation_expired: 'expired',
  invitation_used: 'used',
};

/** The host's options of a section that has none: one object, so that a step is not rendered again for a new `{}`. */
const NO_OPTIONS = {};

/** Submit failures and the message key that explains them; any other 503 is `submit.unavailable`, the rest `submit.server`. */
const SUBMIT_MESSAGES: Record<string, string> = {
  network: 'submit.network',
  timeout: 'submit.timeout',
  service_unavailable: 'submit.unavailable',
  http_429: 'submit.unavailable',
  idempotency_conflict: 'submit.conflict',
};

/**
 * The CECTRUST-Light online application (STEP 1–6), embedded in an ordering company's portal.
 * Reads the invitation (the `token` attribute or `?token=` of the page), walks the applicant through
 * the steps, and submits to the backend at `endpoint`.
 *
 * @summary The whole application wizard.
 * @fires {StepChangeDetail} cec-step-change - Moved to another step: `{ step, previousStep }` (step ids).
 * @fires {ValidationFailedDetail} cec-validation-failed - A step refused to go on: `{ step, fields }` (field names, never values).
 * @fires {SubmittedDetail} cec-submitted - The backend accepted the application: `{ receiptNumber }`.
 * @fires {WizardErrorDetail} cec-error - A backend or network failure: `{ code, message }`.
 * @fires cec-exit - The user left the wizard with 戻る on the first step (not a completion).
 * @slot - A host's own step elements (give each a `data-step-id`, `data-step-title`, and `data-after` naming the step it follows).
 * @csspart base - The wizard's frame.
 * @csspart header - The inviter banner with the ordering company's branding.
 * @csspart step-indicator - The list of steps.
 * @csspart step-heading - The current step's heading (focused on every step change).
 * @csspart actions - The back / next buttons.
 * @csspart back-button - 戻る.
 * @csspart next-button - 次へ / 利用規約に同意して次へ / 確定.
 * @csspart alert - A submit failure or invitation problem.
 * @cssprop --cec-color-primary - Brand colour of buttons, links and the current step.
 * @cssprop --cec-color-on-primary - Text on the brand colour.
 * @cssprop --cec-color-text - Body text.
 * @cssprop --cec-color-muted - Hints and secondary text.
 * @cssprop --cec-color-surface - Background of fields and the frame.
 * @cssprop --cec-color-subtle - Background of notices and read-only fields.
 * @cssprop --cec-color-border - Field borders.
 * @cssprop --cec-color-error - Errors.
 * @cssprop --cec-font-family - Typeface.
 * @cssprop --cec-font-size - Base text size.
 * @cssprop --cec-space - Base spacing unit.
 * @cssprop --cec-radius - Corner radius of fields, buttons and panels.
 * @cssprop --cec-focus-ring - Outline of the focused control.
 */
export class CecApplyWizard extends LitElement {
  static override styles = [baseStyles, wizardFrameStyles, wizardStyles];

  /** Base URL of the backend (required), e.g. `https://portal.example.com/api`. */
  @property() endpoint = '';

  /** The invitation token; when absent, `?token=` of the page's address is used (and then removed from it). */
  @property() token?: string;

  /** Language: `ja` (default) or `en`. */
  @property({ reflect: true }) override lang = 'ja';

  /** Overrides of any text by key and language, e.g. `{ ja: { buttons: { next: '進む' } } }`. */
  @property({ attribute: false }) messages: MessageOverrides = {};

  /** Upper bound of the uploaded document in bytes (default 10 MB). */
  @property({ type: Number, attribute: 'max-document-bytes' }) maxDocumentBytes: number = DEFAULT_MAX_DOCUMENT_BYTES;

  /** Time a backend request may take before it fails with a clear message and a retry (default 30 s). */
  @property({ type: Number, attribute: 'request-timeout-ms' }) requestTimeoutMs: number = DEFAULT_TIMEOUT_MS;

  /** Support address shown on completion. */
  @property({ attribute: 'support-email' }) supportEmail = 'help-light@construction-ec.com';

  /** URL of the CECTRUST-Light terms. */
  @property({ attribute: 'service-terms-url' }) serviceTermsUrl?: string;

  /** URL of the JCAN certificate terms. */
  @property({ attribute: 'certificate-terms-url' }) certificateTermsUrl?: string;

  /** Values the host already holds, merged over the invitation's prefill; validated like typed ones. */
  @property({ attribute: false }) prefill?: Prefill;

  /** Per-field options by section: `{ company: { corporateNumber: { readonly: true } } }`. */
  @property({ attribute: false }) fields: Partial<Record<SectionName, Record<string, FieldOptions>>> = {};

  /** Entity kinds offered; an invitation may restrict them further. */
  @property({ attribute: false }) allowedKinds: readonly EntityKind[] = ENTITY_KINDS;

  /** The steps in order. Reorder, or add a host's own; the six of the contract cannot be dropped. */
  @property({ attribute: false }) steps: StepDefinition[] = defaultSteps();

  /** Keep the draft in this browser (local storage; the document in IndexedDB) until completion. */
  @property({ type: Boolean, attribute: 'no-resume' }) noResume = false;

  /** Leave the browser's history alone: each step change otherwise adds an entry, so that Back returns to the previous step. */
  @property({ type: Boolean, attribute: 'no-history' }) noHistory = false;

  /**
   * Server rendering only (`@lit-labs/ssr`): the invitation of the page's `?token=`, as the backend gives
   * it. The page then holds STEP 1 before any script runs; in the browser the wizard reads the invitation
   * again and takes the place of what the server rendered, keeping any box already ticked.
   */
  declare serverInvitation?: Invitation;

  /** What the steps read through `wizardContext`: the translator, the draft, the document limit. */
  readonly #shared = new ContextProvider(this, {
    context: wizardContext,
    initialValue: { translator: Translator.japanese(), draft: emptyDraft(), maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES },
  });

  @state() private phase: Phase = 'loading';
  @state() private invitationProblem = 'notFound';
  @state() private invitation?: Invitation;
  @state() private submitting = false;
  @state() private submitFailure?: { key: string; seconds?: number };
  @state() private receiptNumber?: string;
  /** The receipt of the used invitation, when this tab kept its number (shown on the 'already used' page). */
  @state() private usedReceiptNumber?: string;
  /** The nodes the server rendered (STEP 1), shown until this wizard has something to show instead. */
  #serverRendered?: ChildNode[];

  #draft: ApplicationDraft = emptyDraft();
  readonly #stepElements = new Map<string, HTMLElement>();
  /**
   * The submission in progress, exactly as first sent: every retry resends this very body under this
   * key (a language switch in between must not change it), until the user edits something.
   */
  #pendingSubmission?: { key: string; application: Application; document: File };
  #resolvedToken?: string;
  #apiClient?: ApplyApi;
  #apiSettings?: string;
  /** Kept in this browser, and on the backend when it has the draft extension of the contract. */
  readonly #draftStore = new DraftStore({
    saveDraft: (token, draft) => this.#api.saveDraft(token, draft),
    loadDraft: (token) => this.#api.loadDraft(token),
  });
  /** The steps, where the user is, moving on and back, focus, history: the flow every wizard of the set shares. */
  readonly #flow = new WizardController<ApplicationDraft, StepDefinition>(this, {
    data: () => this.#draft,
    elementOf: (step) => this.#elementOf(step) as WizardStep,
    heading: () => this.renderRoot.querySelector<HTMLElement>('#step-heading'),
    useHistory: () => !this.noHistory,
    onStepChange: () => {
      this.submitFailure = undefined;
      this.#shareState();
      this.#saveDraft();
      this.#prepareNext();
    },
  });

  // ── lifecycle ──────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#flow.steps.length === 0) this.#useSteps(this.steps);
    if (!isServer) void this.#loadInvitation();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#draftStore.flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('steps')) this.#useSteps(this.steps);
    if (isServer) {
      const invitation = this.serverInvitation;
      if (invitation && this.#flow.current.id === 'terms') {
        this.invitation = invitation;
        this.#startDraft(invitation, undefined);
        this.phase = 'ready';
      }
      return;
    }
    if (changed.has('lang') || changed.has('messages')) void this.#loadTranslator();
    if (changed.has('maxDocumentBytes')) this.#shareState();
    // What the server rendered gives way once there is something to show here: boxes ticked on its STEP 1
    // before the scripts ran stay ticked, and focus stays on its field.
    if (this.#serverRendered && this.phase !== 'loading') {
      const step = this.renderRoot.querySelector('[defer-hydration]')?.shadowRoot;
      // (No step element has this draft's terms yet: they can be written in place.)
      for (const box of step?.querySelectorAll<HTMLInputElement>(':checked') ?? []) this.#draft.terms[box.name as 'service'] = true;
      const focused = step?.activeElement?.id;
      for (const node of this.#serverRendered) node.remove();
      this.#serverRendered = undefined;
      if (focused) void this.updateComplete.then(() => this.#stepElements.get('terms')?.shadowRoot?.getElementById(focused)?.focus());
    }
  }

  /**
   * What the server rendered into a declarative shadow root (`serverInvitation`) stays on screen, under
   * this element's own styles, until the invitation is read here: renders add nothing meanwhile (`render`),
   * then `willUpdate` replaces it in one go. Not Lit's hydration: the wizard renders its steps as elements,
   * which hydration cannot take over.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (!root?.firstChild) return super.createRenderRoot();
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    this.#serverRendered = [...root.childNodes];
    return root;
  }

  // ── invitation ─────────────────────────────────────────────────────────────

  /** The backend client, made once per endpoint and timeout. */
  get #api(): ApplyApi {
    const settings = `${this.endpoint} ${this.requestTimeoutMs}`;
    if (this.#apiSettings !== settings || !this.#apiClient) {
      this.#apiClient = new ApplyApi({ endpoint: this.endpoint, timeoutMs: this.requestTimeoutMs });
      this.#apiSettings = settings;
    }
    return this.#apiClient;
  }

  async #loadInvitation(): Promise<void> {
    this.#resolvedToken ??= takeInvitationToken(this.token);
    this.phase = 'loading';
    if (!this.#resolvedToken) {
      await this.#showInvitationProblem('notFound');
      return;
    }
    // The kept draft is looked up while the invitation is fetched, not after: first render waits for one, not both.
    const saved = this.noResume ? Promise.resolve(undefined) : this.#draftStore.load(this.#resolvedToken);
    const kept = this.#draftStore.receipt(this.#resolvedToken);
    try {
      this.invitation = await this.#api.getInvitation(this.#resolvedToken);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.dispatchEvent(new WizardErrorEvent(apiError.code, apiError.message));
      if (apiError.code === 'invitation_used' && (await this.#recoverReceipt(await saved))) return;
      if (apiError.code === 'invitation_used' && this.#showKeptCompletion(await kept)) return;
      const page = INVITATION_PAGES[apiError.code];
      if (page && apiError.code !== 'invitation_not_found') void this.#draftStore.clear(this.#resolvedToken);
      if (page) await this.#showInvitationProblem(page);
      else this.phase = 'unreachable';
      return;
    }
    applyBranding(this, this.invitation.branding);
    // Completed in this browser (a reload, Back/Forward, the mail link again): the receipt, never a second submit.
    if (this.#showKeptCompletion(await kept)) return;
    this.#startDraft(this.invitation, await saved);
    this.phase = 'ready';
    await this.updateComplete;
    this.#prepareNext();
  }

  /**
   * Shows the page of a bad invitation link once its words are loaded (`loadProblemTexts`); when they
   * cannot be (offline), the page of an unreachable server, whose 再試行 tries again.
   */
  async #showInvitationProblem(page: string): Promise<void> {
    try {
      await loadProblemTexts();
      this.invitationProblem = page;
      this.phase = 'invitation-error';
    } catch {
      this.phase = 'unreachable';
    }
  }

  /**
   * Renders the next step's element once, detached, when the browser is idle (after the first paint):
   * its first showing is then a move, not a first render (issue 12: the first step change ≤ 16 ms).
   */
  #prepareNext(): void {
    (window.requestIdleCallback ?? setTimeout)(() => {
      const step = this.#flow.inPlay[this.#flow.index + 1];
      if (!step || step.element || this.#stepElements.has(step.id)) return;
      const holder = document.createElement('div');
      holder.hidden = true;
      holder.append(this.#prepare(step));
      this.renderRoot.append(holder);
      void (holder.firstChild as LitElement).updateComplete.then(() => holder.remove());
    });
  }

  /**
   * Shows the completion page of an application this browser completed. A receipt kept only by number
   * (the host asked to keep nothing) is shown on the 'already used' page instead.
   */
  #showKeptCompletion(kept: KeptReceipt | undefined): boolean {
    this.usedReceiptNumber = kept?.receiptNumber;
    if (!kept?.email) return false;
    this.#draft = { ...emptyDraft(), adminUser: { email: kept.email } };
    this.#showCompletion(kept.receiptNumber);
    return true;
  }

  /** Opens on the completion page (the page just loaded): nothing before it is shown again. */
  #showCompletion(receiptNumber: string): void {
    this.#complete(receiptNumber);
    this.#flow.start('completion');
    this.phase = 'ready';
  }

  /** The backend accepted the application: remember the receipt, forget the draft. */
  #complete(receiptNumber: string): void {
    this.receiptNumber = receiptNumber;
    this.#pendingSubmission = undefined;
    const token = this.#resolvedToken!;
    const email = this.#draft.adminUser.email?.trim();
    void this.#draftStore.keepReceipt(token, { receiptNumber, ...(email ? { email } : {}) }, { tabOnly: this.noResume });
    void this.#draftStore.clear(token);
    this.#shareState();
  }

  /**
   * The invitation is used, but this browser kept a submission whose answer never arrived (a lost
   * response, then a reload): sending it again under its key makes the backend replay the receipt.
   */
  async #recoverReceipt(saved: StoredDraft | undefined): Promise<boolean> {
    const document = saved?.company.document;
    if (!saved?.submission || !document) return false;
    const { key, application } = saved.submission;
    try {
      const receipt = await this.#api.submitApplication(application, document, key, { documentName: document.name });
      const { stepId: _step, submission: _submission, ...sections } = saved;
      this.#draft = { ...emptyDraft(), ...sections };
      this.#showCompletion(receipt.receiptNumber);
      this.dispatchEvent(new SubmittedEvent(receipt.receiptNumber));
      return true;
    } catch {
      return false;
    }
  }

  /** Builds the draft: the invitation's prefill, the host's prefill, then what was kept (`saved`). */
  #startDraft(invitation: Invitation, saved: StoredDraft | undefined): void {
    const draft = emptyDraft();
    for (const prefill of [invitation.prefill, this.prefill]) {
      for (const section of ['company', 'adminUser', 'certificate'] as const) {
        Object.assign(draft[section], prefill?.[section] ?? {});
      }
    }
    const kinds = this.#offeredKinds();
    if (!draft.company.kind || !kinds.includes(draft.company.kind)) draft.company.kind = kinds[0];
    let savedStep: string | undefined;
    if (saved) {
      const { stepId, submission, ...sections } = saved;
      Object.assign(draft, sections);
      const document = draft.company.document;
      // A submission sent before the reload is retried with its own key and body, not a new one.
      if (submission && document) this.#pendingSubmission = { ...submission, document };
      if (stepId !== 'completion') savedStep = stepId;
    }
    this.#draft = draft;
    if (!isServer) this.#flow.start(savedStep);
    this.#shareState();
  }

  #offeredKinds(): EntityKind[] {
    const invited = this.invitation?.allowedKinds;
    const kinds = this.allowedKinds.filter((kind) => !invited || invited.includes(kind));
    return kinds.length > 0 ? kinds : ['corporation'];
  }

  // ── steps ──────────────────────────────────────────────────────────────────

  #useSteps(steps: readonly StepDefinition[]): void {
    const problem = stepListProblem(steps);
    if (problem) {
      console.error(`<cec-apply-wizard>: ignoring the step list: ${problem}.`);
      return;
    }
    // Once completed, the completion page is never left (Back must not lead to a second 確定).
    this.#flow.steps = steps.map((step) => (step.id === 'completion' ? { ...step, final: true } : step));
  }

  #elementOf(step: StepDefinition): HTMLElement {
    if (step.element) return step.element;
    let element = this.#stepElements.get(step.id);
    if (!element) {
      element = document.createElement(step.tag!);
      this.#stepElements.set(step.id, element);
    }
    return element;
  }

  /** Gives the step element what it shows: its section of the draft and the host's options. */
  #prepare(step: StepDefinition): HTMLElement {
    const element = this.#elementOf(step) as WizardStep & Record<string, unknown>;
    if (step.section) {
      element.value = this.#draft[step.section];
      element.fields = this.fields[step.section] ?? NO_OPTIONS;
    } else if (step.element) {
      if (step.id in this.#draft.extensions) element.value = this.#draft.extensions[step.id];
    }
    if (step.id === 'terms') {
      if (this.serviceTermsUrl) element.serviceTermsUrl = this.serviceTermsUrl;
      if (this.certificateTermsUrl) element.certificateTermsUrl = this.certificateTermsUrl;
    }
    if (step.id === 'company') {
      element.maxDocumentBytes = this.maxDocumentBytes;
      const kinds = this.#offeredKinds();
      // A new but equal list would render the form again on every step change.
      if (String(kinds) !== String(element.allowedKinds)) element.allowedKinds = kinds;
    }
    if (step.id === 'completion') {
      element.receiptNumber = this.receiptNumber;
      element.email = this.#draft.adminUser.email?.trim();
      element.supportEmail = this.supportEmail;
    }
    if (step.id === 'confirmation') {
      element.extraSections = this.#flow.steps
        .filter((candidate) => candidate.element && !candidate.section)
        .map((candidate) => ({
          step: candidate.id,
          title: this.#titleOf(candidate),
          rows: Object.entries((this.#draft.extensions[candidate.id] ?? {}) as Record<string, unknown>).map(([label, value]) => ({
            label,
            value: String(value ?? ''),
          })),
        }));
    }
    return element;
  }

  #titleOf(step: StepDefinition): string {
    if (step.title) return step.title;
    const own = (step.element as WizardStep | undefined)?.stepTitle;
    return own ?? this.#translator.t(`steps.${step.id}`);
  }

  #next(): Promise<unknown> {
    return this.#flow.current.id === 'confirmation' ? this.#submit() : this.#flow.next();
  }

  #onStepChange(event: ChangeEvent): void {
    const step = this.#flow.steps.find((candidate) => this.#elementOf(candidate) === event.target) ?? this.#flow.current;
    if (step.section) this.#draft[step.section] = event.value as never;
    else this.#draft.extensions[step.id] = event.value;
    // The application changed: a new submission needs a new key, or the server would refuse the new body.
    this.#pendingSubmission = undefined;
    this.#saveDraft();
  }

  #onEditSection(event: EditSectionEvent): void {
    void this.#flow.goTo(event.detail.step, { returnTo: 'confirmation' });
  }

  // ── submit ─────────────────────────────────────────────────────────────────

  async #submit(): Promise<void> {
    if (this.submitting || this.receiptNumber) return; // a double click or a late retry never submits twice
    // Synchronous up to `submitting = true`: a second click in the same task must find it set.
    const submission = this.#pendingSubmission ?? this.#newSubmission();
    if ('issues' in submission) {
      await this.#showIssues(submission.issues);
      return;
    }
    this.#pendingSubmission = submission;
    this.#saveDraft(); // kept before sending: a reload after a lost answer can still get the receipt
    this.submitting = true;
    this.submitFailure = undefined;
    try {
      const { key, application, document } = submission;
      const receipt = await this.#api.submitApplication(application, document, key, { documentName: document.name });
      this.#complete(receipt.receiptNumber);
      await this.#flow.goTo('completion');
      this.dispatchEvent(new SubmittedEvent(receipt.receiptNumber));
    } catch (error) {
      await this.#submitFailed(error instanceof ApiError ? error : new ApiError('network', String(error)));
    } finally {
      this.submitting = false;
    }
  }

  /** Validates the whole draft into the application JSON under a new key, or gives the issues found. */
  #newSubmission(): { key: string; application: Application; document: File } | { issues: FieldIssue[] } {
    const { document, ...company } = this.#draft.company;
    const result = validateSection(applicationSchema, {
      token: this.#resolvedToken,
      terms: this.#draft.terms,
      company,
      adminUser: this.#draft.adminUser,
      certificate: this.#draft.certificate,
      locale: this.#translator.language,
      ...(Object.keys(this.#draft.extensions).length > 0 ? { extensions: this.#draft.extensions } : {}),
    });
    if (!result.ok || !document) {
      const issues = result.ok ? [] : result.issues;
      return { issues: document ? issues : [...issues, { path: ['company', 'document'], code: 'documentRequired' }] };
    }
    return { key: newIdempotencyKey(), application: result.value, document };
  }

  async #submitFailed(error: ApiError): Promise<void> {
    this.dispatchEvent(new WizardErrorEvent(error.code, error.message));
    // The words of most failures are a chunk of their own; if it cannot be loaded either, the failure
    // reads as the network one it then most likely is (再試行 tries again).
    const worded = error.code === 'network' || (await loadProblemTexts().then(() => true, () => false));
    const page = INVITATION_PAGES[error.code];
    if (page && worded) {
      this.invitationProblem = page;
      this.phase = 'invitation-error';
      return;
    }
    const issues = error.code.startsWith('document_') ? [{ path: ['company', 'document'], code: camelCase(error.code) }] : error.issues;
    // Issues no step shows (a path outside the sections) get the server's message rather than nothing.
    if (await this.#showIssues(issues, true)) return;
    const seconds = error.retryAfterSeconds;
    const key = SUBMIT_MESSAGES[error.code] ?? (error.status === 503 ? 'submit.unavailable' : 'submit.server');
    this.submitFailure = { key: worded ? key : 'submit.network', seconds: seconds ?? 30 };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.submit-failure')?.focus();
  }

  /**
   * Goes to the first step with issues and shows them on their fields; "next" then returns to the
   * confirmation. False when no step has any of them.
   */
  async #showIssues(issues: readonly FieldIssue[], fromServer = false): Promise<boolean> {
    const step = this.#flow.steps.find((candidate) => candidate.section && issues.some((issue) => issue.path[0] === candidate.section));
    if (!step) return false;
    const sectionIssues = issues.filter((issue) => issue.path[0] === step.section).map((issue) => ({ ...issue, path: issue.path.slice(1) }));
    await this.#flow.refuseAt(step.id, 'confirmation', async (element) => {
      if (fromServer) element.showServerIssues?.(sectionIssues);
      if (!fromServer || sectionIssues.some((issue) => issue.path[0] === 'document')) await element.validate();
      if (fromServer) await (element as unknown as LitElement).updateComplete;
    });
    return true;
  }

  // ── shared state ───────────────────────────────────────────────────────────

  async #loadTranslator(): Promise<void> {
    const translator = await Translator.create(languageOf(this.lang), this.messages);
    this.#share({ translator });
  }

  #shareState(): void {
    this.#share({ draft: this.#draft, maxDocumentBytes: this.maxDocumentBytes });
  }

  #share(changes: Partial<WizardState>): void {
    this.#shared.setValue({ ...this.#shared.value, ...changes });
    this.requestUpdate();
  }

  get #translator(): Translator {
    return this.#shared.value.translator;
  }

  #saveDraft(): void {
    if (this.noResume || !this.#resolvedToken || this.receiptNumber) return;
    const submission = this.#pendingSubmission && { key: this.#pendingSubmission.key, application: this.#pendingSubmission.application };
    this.#draftStore.save(this.#resolvedToken, { ...this.#draft, stepId: this.#flow.current.id, ...(submission ? { submission } : {}) });
  }

  // ── render ─────────────────────────────────────────────────────────────────

  override render() {
    if (this.#serverRendered) return nothing; // what the server rendered is still shown (`createRenderRoot`)
    const { t } = this.#translator;
    return html`<div class="wizard" part="base">
      <h2 class="visually-hidden">${t('wizard.title')}</h2>
      ${this.phase === 'ready' ? this.#renderReady() : this.#renderPhase()}
      <slot hidden @slotchange=${this.#onSlotChange}></slot>
    </div>`;
  }

  #renderPhase() {
    const { t } = this.#translator;
    if (this.phase === 'loading') {
      return html`<p class="status" role="status">${t('invitation.loading')}</p>`;
    }
    if (this.phase === 'unreachable') {
      return html`<div class="alert" part="alert" role="alert">
        <h3 id="step-heading" tabindex="-1">${t('invitation.unreachableTitle')}</h3>
        <p>${t('invitation.unreachableBody')}</p>
        <button type="button" class="primary" @click=${() => this.#loadInvitation()}>${t('buttons.retry')}</button>
      </div>`;
    }
    const page = this.invitationProblem;
    const used = page === 'used';
    return html`<div class="alert invitation-problem" part="alert">
      <h3 id="step-heading" tabindex="-1">${t(`invitation.${page}Title`)}</h3>
      <p>${t(`invitation.${page}Body`)}</p>
      ${used && this.usedReceiptNumber ? html`<p>${t('invitation.usedReceipt', { receiptNumber: this.usedReceiptNumber })}</p>` : nothing}
      ${used ? html`<p>${t('invitation.usedContact', { email: this.supportEmail })}</p>` : nothing}
    </div>`;
  }

  #renderReady() {
    const { t } = this.#translator;
    const step = this.#flow.current;
    return html`
      ${this.#renderHeader()} ${renderFlowProgress(this.#flow, t, (candidate) => this.#titleOf(candidate))}
      <div class="step" @cec-change=${this.#onStepChange} @cec-edit-section=${this.#onEditSection} @keydown=${this.#onKeydown}>
        ${this.#renderStep(step)}
      </div>
      ${this.#renderSubmitFailure()}
      ${step.final ? nothing : renderFlowActions(this.#flow, t, { nextLabel: this.#nextLabel(step.id), busy: isServer || this.submitting, onNext: () => this.#next() })}
    `;
  }

  /** The current step: a built-in element in place, a host's child through its named slot. */
  #renderStep(step: StepDefinition) {
    if (isServer) {
      // The only step rendered on the server (`serverInvitation`), with the host's terms addresses; its
      // buttons stay disabled (busy) until this wizard takes its place in the browser.
      return html`<cec-terms-consent
        service-terms-url=${this.serviceTermsUrl ?? nothing}
        certificate-terms-url=${this.certificateTermsUrl ?? nothing}
      ></cec-terms-consent>`;
    }
    const element = this.#prepare(step);
    return element.parentElement === this ? html`<slot name="step-${step.id}"></slot>` : element;
  }

  readonly #onKeydown = (event: KeyboardEvent) => enterGoesOn(event, () => this.#next());

  /** The words of the next button; none while a failed submit offers 再試行 (one primary action, not two). */
  #nextLabel(stepId: string): string | undefined {
    const { t } = this.#translator;
    if (this.submitFailure) return undefined;
    if (stepId === 'confirmation') return this.submitting ? t('buttons.submitting') : t('buttons.submit');
    if (this.#flow.returnTo) return t('buttons.returnToConfirmation');
    if (stepId === 'terms') return t('buttons.agreeAndNext');
    return t('buttons.next');
  }

  #renderHeader() {
    const { t } = this.#translator;
    const invitation = this.invitation;
    if (!invitation) return nothing;
    const branding = invitation.branding;
    const logo = branding?.logoUrl && safeImageUrl(branding.logoUrl);
    const inviter = branding?.displayName ?? invitation.inviter.name;
    return html`<header class="header" part="header">
      ${logo ? html`<img class="logo" part="logo" src=${logo} alt=${inviter} />` : nothing}
      <p>${t('wizard.invitedBy', { inviter })}</p>
      <p class="expires">${t('wizard.expiresAt', { date: formatTokyoDateTime(invitation.expiresAt, this.#translator.language) })}</p>
    </header>`;
  }

  #renderSubmitFailure() {
    const failure = this.submitFailure;
    if (!failure) return nothing;
    const { t } = this.#translator;
    return html`<div class="alert submit-failure" part="alert" role="alert" tabindex="-1">
      <h3>${t('submit.failedTitle')}</h3>
      <p>${t(failure.key, { seconds: failure.seconds })}</p>
      <button type="button" class="primary" @click=${this.#submit} ?disabled=${this.submitting}>${t('buttons.retry')}</button>
    </div>`;
  }

  /**
   * A host's own steps, given as children: `<my-step data-step-id="licence" data-after="adminUser">`.
   * Each child gets a named slot, rendered only while its step is current, so it stays in the host's
   * light DOM (its styles and listeners keep working).
   */
  #onSlotChange(): void {
    const children = Array.from(this.children).filter((child): child is HTMLElement => child instanceof HTMLElement && !!child.dataset.stepId);
    const known = this.#flow.steps.filter((step) => step.element).map((step) => step.element);
    if (children.length === known.length && children.every((child) => known.includes(child))) return;
    this.steps = stepsWithChildren(children);
  }
}

function camelCase(code: string): string {
  return code.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

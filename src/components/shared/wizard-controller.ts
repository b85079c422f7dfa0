import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ExitEvent, StepChangeEvent, ValidationFailedEvent } from './events.js';
import type { WizardStep } from './step.js';

/** Where a step stands (Lion's `lion-steps`): never shown, shown now, left, or passed over while out of play. */
export type StepStatus = 'untouched' | 'entered' | 'left' | 'skipped';

/**
 * One step of a flow. A wizard's own step type extends it (tag, section, title…).
 *
 * @example
 * const steps: FlowStep<Draft>[] = [{ id: 'services' }, { id: 'signers', condition: (draft) => draft.cecsign }];
 */
export interface FlowStep<Data = unknown> {
  /** Unique id, used in events, in the draft and in history entries. */
  id: string;
  /** Puts the step in or out of the flow for the data typed so far; absent: always in. */
  condition?(data: Data): boolean;
  /** Once reached, never left by navigation (a completion page: Back must not lead to a second submit). */
  final?: boolean;
}

/** What a wizard tells its flow. */
export interface WizardControllerOptions<Data, Step extends FlowStep<Data>> {
  /** The data the steps' conditions read (the draft). */
  data(): Data;
  /** The element showing `step` (its `validate()` decides whether the user may go on). */
  elementOf(step: Step): WizardStep;
  /** The heading that takes focus on every step change. */
  heading(): HTMLElement | null | undefined;
  /** Whether moves become browser history entries (the host can turn it off: its own router may need the history). */
  useHistory(): boolean;
  /** Called after every move, before the focus moves: keep the draft there. */
  onStepChange?(step: Step): void;
}

/** This flow's part of a history entry: never anything typed, never a token. */
interface HistoryMark {
  step: string;
  /** Position among this flow's entries (0: where it started). */
  n: number;
  /** Set while a section is changed from the confirmation. */
  returnTo?: string;
}

/** History entries written by this document (any flow): a mark found at start that is not one of them came with a reload or Back/Forward. */
let wroteHistory = false;

/**
 * The flow of a multi-step form, shared by every wizard of the set: the ordered steps and which are in
 * play (`condition`), the current step and each step's status, moving on (after the step's own
 * validation) and back, focus on the step heading after every move, the step-change, refusal and exit
 * events, and the browser's history (Back returns to the previous step, Forward to the next, unless the
 * host turns it off). A wizard declares its steps and what happens on submit; the rest is here.
 *
 * @example
 * private readonly flow = new WizardController<Draft, MyStep>(this, {
 *   data: () => this.draft,
 *   elementOf: (step) => this.stepElement(step),
 *   heading: () => this.renderRoot.querySelector('#step-heading'),
 *   useHistory: () => !this.noHistory,
 *   onStepChange: () => this.saveDraft(),
 * });
 * this.flow.steps = [{ id: 'services' }, { id: 'company' }, { id: 'done', final: true }];
 */
export class WizardController<Data, Step extends FlowStep<Data> = FlowStep<Data>> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: WizardControllerOptions<Data, Step>;
  #steps: readonly Step[] = [];
  #currentId = '';
  #returnTo: string | undefined;
  readonly #statuses = new Map<string, StepStatus>();
  /** This flow's place in the browser history; `undefined` while it has none. */
  #mark: HistoryMark | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WizardControllerOptions<Data, Step>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (!isServer) window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** Every step, in order, in play or not. */
  get steps(): readonly Step[] {
    return this.#steps;
  }

  set steps(steps: readonly Step[]) {
    this.#steps = [...steps];
    if (!this.#currentId || !steps.some((step) => step.id === this.#currentId)) this.#currentId = steps[0]?.id ?? '';
    this.#host.requestUpdate();
  }

  /** The steps in play for the data typed so far, in order. */
  get inPlay(): Step[] {
    const data = this.#options.data();
    return this.#steps.filter((step) => step.id === this.#currentId || !step.condition || step.condition(data));
  }

  get current(): Step {
    const inPlay = this.inPlay;
    return inPlay.find((step) => step.id === this.#currentId) ?? inPlay[0]!;
  }

  /** Position of the current step among those in play (0-based). */
  get index(): number {
    return this.inPlay.indexOf(this.current);
  }

  /** The step the user is changing a section for (the confirmation): "next" goes straight back to it. */
  get returnTo(): string | undefined {
    return this.#returnTo;
  }

  status(stepId: string): StepStatus {
    return this.#statuses.get(stepId) ?? 'untouched';
  }

  /**
   * Puts the flow on the step a draft was kept on (or the one the browser's history entry names, after a
   * reload or Back/Forward, when it is not further on), without an event or focus: the page just loaded.
   */
  start(stepId?: string): void {
    const inPlay = this.inPlay;
    const position = (id: string | undefined) => inPlay.findIndex((step) => step.id === id);
    const mark = wroteHistory ? undefined : this.#readMark(history.state);
    let start = position(stepId) === -1 ? inPlay[0]?.id : stepId;
    const final = inPlay[position(start)]?.final;
    if (mark && !final && position(mark.step) !== -1 && position(mark.step) <= position(start)) start = mark.step;
    this.#currentId = start ?? '';
    this.#returnTo = mark && mark.step === start ? mark.returnTo : undefined;
    for (const step of inPlay.slice(0, position(start))) this.#statuses.set(step.id, 'left'); // done before the reload
    this.#statuses.set(this.#currentId, 'entered');
    if (mark) this.#mark = mark;
    this.#writeHistory('replace');
    this.#host.requestUpdate();
  }

  /**
   * Moves on when the current step's element accepts what was typed: to the step a change started from,
   * else the next step in play. Refused: the step's error summary takes focus. Resolves whether it moved.
   */
  async next(): Promise<boolean> {
    const step = this.current;
    if (!(await this.#accepts(step))) return false;
    const target = this.#returnTo ?? this.inPlay[this.index + 1]?.id;
    if (!target) return false;
    await this.goTo(target);
    return true;
  }

  /**
   * 戻る: the previous step in play, as a new history entry like a GOV.UK back link (the browser's Back
   * then returns where the user pressed it); on the first step the user leaves: `cec-exit`.
   */
  back(): void {
    const previous = this.inPlay[this.index - 1];
    if (previous) void this.goTo(previous.id);
    else this.#host.dispatchEvent(new ExitEvent());
  }

  /** Moves to `stepId`, remembering `returnTo` (a change from the confirmation), and tells the host. */
  async goTo(stepId: string, { returnTo, record = true }: { returnTo?: string; record?: boolean } = {}): Promise<void> {
    const previousStep = this.#currentId;
    for (const step of this.#between(previousStep, stepId)) this.#statuses.set(step.id, 'skipped');
    if (previousStep && previousStep !== stepId) this.#statuses.set(previousStep, 'left');
    this.#statuses.set(stepId, 'entered');
    this.#currentId = stepId;
    this.#returnTo = returnTo;
    if (record) this.#writeHistory(previousStep === stepId ? 'replace' : 'push');
    this.#options.onStepChange?.(this.current);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#options.heading()?.focus();
    this.#host.dispatchEvent(new StepChangeEvent(stepId, previousStep));
  }

  /** Tells why the user may not go on: `cec-validation-failed` with the fields, focus on the error summary. */
  refuse(stepId: string, element: WizardStep): void {
    const fields = (element as WizardStep & { invalidFields?(): string[] }).invalidFields?.() ?? [];
    this.#host.dispatchEvent(new ValidationFailedEvent(stepId, fields));
    if (element.focusErrorSummary) void element.focusErrorSummary();
    else element.focus();
  }

  /**
   * Problems found on submit: goes to `stepId`, lets `show` put them on its fields (the step's own
   * `validate()`, or the backend's issues), and refuses there; "next" then returns to `returnTo`.
   */
  async refuseAt(stepId: string, returnTo: string, show: (element: WizardStep) => unknown): Promise<void> {
    const step = this.#steps.find((candidate) => candidate.id === stepId);
    if (!step) return;
    const element = this.#options.elementOf(step);
    await this.goTo(stepId, { returnTo });
    await show(element);
    this.refuse(stepId, element);
  }

  async #accepts(step: Step): Promise<boolean> {
    const element = this.#options.elementOf(step);
    if (await element.validate()) return true;
    this.refuse(step.id, element);
    return false;
  }

  /** Steps out of play strictly between two steps (going forward): they are skipped. */
  #between(fromId: string, toId: string): Step[] {
    const from = this.#steps.findIndex((step) => step.id === fromId);
    const to = this.#steps.findIndex((step) => step.id === toId);
    if (from === -1 || to <= from + 1) return [];
    const inPlay = this.inPlay;
    return this.#steps.slice(from + 1, to).filter((step) => !inPlay.includes(step));
  }

  // ── browser history ────────────────────────────────────────────────────────

  /** The key of this flow's mark in `history.state`, beside whatever the host's router keeps there. */
  get #historyKey(): string {
    return `cec-flow:${this.#host.localName}`;
  }

  #readMark(state: unknown): HistoryMark | undefined {
    if (!state || typeof state !== 'object') return undefined;
    const mark = (state as Record<string, unknown>)[this.#historyKey] as HistoryMark | undefined;
    return typeof mark?.step === 'string' && typeof mark.n === 'number' ? mark : undefined;
  }

  #writeHistory(how: 'push' | 'replace'): void {
    if (!this.#options.useHistory()) return;
    const state: unknown = history.state;
    // A router's state that is not a plain object cannot take our mark beside it: leave the history alone.
    if (state !== null && state !== undefined && Object.getPrototypeOf(state) !== Object.prototype) return;
    const n = (this.#mark?.n ?? -1) + (how === 'push' || !this.#mark ? 1 : 0);
    this.#mark = { step: this.#currentId, n, ...(this.#returnTo ? { returnTo: this.#returnTo } : {}) };
    const next = { ...(state as Record<string, unknown> | null), [this.#historyKey]: this.#mark };
    wroteHistory = true;
    try {
      if (how === 'push') history.pushState(next, '');
      else history.replaceState(next, '');
    } catch {
      // too many history calls in a short time (Firefox throws): the flow goes on without this entry
    }
  }

  /**
   * The browser moved between this flow's entries: follow it, past the current step only when it accepts
   * its values. Else, and on a completion, the browser is sent back to this step's entry; Back from a
   * completion leaves the flow altogether (before its first entry): nothing before it is shown again.
   */
  readonly #onPopState = async (event: PopStateEvent): Promise<void> => {
    const mark = this.#readMark(event.state);
    const here = this.#mark;
    if (!mark || !here || !this.#options.useHistory()) return;
    const delta = mark.n - here.n;
    const target = this.inPlay.findIndex((step) => step.id === mark.step);
    this.#mark = mark;
    if (this.current.final) {
      if (delta < 0) {
        this.#mark = { ...mark, n: -1 }; // out of the flow: Forward back into it stays on the completion
        history.go(-mark.n - 1);
      }
      return;
    }
    if (mark.step === this.#currentId) return;
    if (target === -1 || (target > this.index && !(await this.#accepts(this.current)))) {
      this.#mark = here;
      history.go(-delta);
      return;
    }
    await this.goTo(mark.step, { returnTo: mark.returnTo, record: false });
  };
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { firstIssueByField, type FieldIssue, type SectionResult } from '../../domain/index.js';

/** Per-field display options a host sets: data it already holds can be shown read-only or hidden. */
export interface FieldOptions {
  readonly?: boolean;
  hidden?: boolean;
}

/**
 * Keeps "is invalid" apart from "show the error" (Lion's InteractionStateMixin): an error shows once
 * the field was edited and left, when it was prefilled, or after the user pressed next.
 *
 * @example
 * private readonly form = new FormState(this, () => validateSection(companySchema, this.value));
 * this.form.visibleIssue('name') // the issue to show next to 企業名, if any
 */
export class FormState implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #validate: () => SectionResult<unknown>;
  readonly #touched = new Set<string>();
  readonly #dirty = new Set<string>();
  readonly #prefilled = new Set<string>();
  #serverIssues: Record<string, FieldIssue> = {};
  /** True once the user asked to go on (or `validate()` was called). */
  submitted = false;

  constructor(host: ReactiveControllerHost, validate: () => SectionResult<unknown>) {
    this.#host = host;
    this.#validate = validate;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Every field's first issue, shown or not. */
  issues(): Record<string, FieldIssue> {
    const result = this.#validate();
    return { ...(result.ok ? {} : firstIssueByField(result.issues)), ...this.#serverIssues };
  }

  /** The issue to show next to `field` now, if any. */
  visibleIssue(field: string): FieldIssue | undefined {
    if (!this.#shown(field)) return undefined;
    return this.issues()[field];
  }

  /** Every issue to show next to `field` now: all of them at once, not one per round. */
  visibleIssueList(field: string): FieldIssue[] {
    if (!this.#shown(field)) return [];
    const server = this.#serverIssues[field];
    if (server) return [server];
    const result = this.#validate();
    return result.ok ? [] : result.issues.filter((issue) => (issue.path[0] ?? '') === field);
  }

  /** The issues to list in the error summary, in field order. */
  visibleIssues(fieldOrder: readonly string[]): Array<[string, FieldIssue]> {
    const issues = this.issues();
    return fieldOrder.filter((field) => issues[field] && this.#shown(field)).map((field) => [field, issues[field]!]);
  }

  #shown(field: string): boolean {
    return (
      this.submitted ||
      field in this.#serverIssues ||
      this.#prefilled.has(field) ||
      (this.#touched.has(field) && this.#dirty.has(field))
    );
  }

  /** The user typed in `field`: a server's verdict on it no longer holds. */
  markDirty(field: string): void {
    this.#dirty.add(field);
    delete this.#serverIssues[field];
    this.#host.requestUpdate();
  }

  /** The user left `field`. */
  markTouched(field: string): void {
    this.#touched.add(field);
    this.#host.requestUpdate();
  }

  /** Fields that arrived with a value from outside (an invitation's prefill) are checked at once. */
  markPrefilled(fields: Iterable<string>): void {
    for (const field of fields) this.#prefilled.add(field);
    this.#host.requestUpdate();
  }

  /** Issues the backend found (400 validation_failed), shown on their fields until edited. */
  setServerIssues(issues: readonly FieldIssue[]): void {
    this.#serverIssues = firstIssueByField(issues);
    this.#host.requestUpdate();
  }

  /** Shows every error and tells whether the section is valid. */
  validate(): boolean {
    this.submitted = true;
    this.#host.requestUpdate();
    return Object.keys(this.issues()).length === 0;
  }

  /** Back to a form nobody has touched (a form used again for the next entry). */
  reset(): void {
    for (const fields of [this.#touched, this.#dirty, this.#prefilled]) fields.clear();
    this.#serverIssues = {};
    this.submitted = false;
    this.#host.requestUpdate();
  }
}

import type { ValidationCode } from './schemas.js';

/** A field-level problem: where, which rule, and the numbers its message needs. */
export interface FieldIssue {
  /** Path inside the section (or the whole application), e.g. `['nameKana']`. */
  path: string[];
  code: ValidationCode | string;
  /** Values for the message's placeholders, e.g. `{ maximum: 40 }`. */
  params?: Record<string, unknown>;
}

/** What a parse with a zod (mini) schema gives back, reduced to what we read. */
interface SafeParseResult<T> {
  success: boolean;
  data?: T;
  error?: {
    issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string; maximum?: unknown; minimum?: unknown; params?: Record<string, unknown> }>;
  };
}

/** The result of validating one section: the normalised value, or the issues found. */
export type SectionResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Drops the keys whose value is a blank string, recursively through plain objects: an empty optional
 * field is absent (SPEC, application JSON), and an empty required field is reported as `required`.
 *
 * @example
 * withoutBlankFields({ name: 'a', title: '  ' }) // { name: 'a' }
 */
export function withoutBlankFields<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && field.trim() === '') continue;
    result[key] = withoutBlankFields(field);
  }
  return result as T;
}

/**
 * Validates a section (blank fields dropped first) with its schema and turns zod issues into field issues carrying message codes.
 * A schema message that is not one of our codes (zod's own defaults) becomes `invalid`.
 *
 * @example
 * const result = validateSection(adminUserSchema, draft);
 * if (!result.ok) result.issues // [{ path: ['email'], code: 'email' }]
 */
export function validateSection<T>(
  schema: { safeParse(input: unknown): SafeParseResult<T> },
  draft: unknown,
): SectionResult<T> {
  const result = schema.safeParse(withoutBlankFields(draft));
  if (result.success) return { ok: true, value: result.data as T };
  const issues = (result.error?.issues ?? []).map((issue): FieldIssue => {
    const params: Record<string, unknown> = {};
    if (issue.maximum !== undefined) params.maximum = issue.maximum;
    if (issue.minimum !== undefined) params.minimum = issue.minimum;
    Object.assign(params, issue.params);
    return {
      path: issue.path.map(String),
      code: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid',
      params,
    };
  });
  return { ok: false, issues };
}

/**
 * The first issue of each field, keyed by the field's top-level name: what a form shows next to it.
 *
 * @example
 * firstIssueByField([{ path: ['email'], code: 'required' }]) // { email: { … } }
 */
export function firstIssueByField(issues: readonly FieldIssue[]): Record<string, FieldIssue> {
  const byField: Record<string, FieldIssue> = {};
  for (const issue of issues) {
    const field = issue.path[0] ?? '';
    byField[field] ??= issue;
  }
  return byField;
}

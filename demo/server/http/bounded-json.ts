/**
 * JSON from a request, within bounds: nesting deeper than `MAX_JSON_DEPTH` is refused before it is
 * parsed (a body nested 10,000 deep would otherwise exhaust the stack of whatever walks it next), so
 * hostile JSON gets `400 validation_failed`, never a `500`.
 */
import { validationFailed } from '../api-error.js';

/** Deepest nesting of arrays and objects any request body may have; ours need 4. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of `[`/`{` in JSON text, strings skipped; stops counting past `limit`.
 *
 * @example
 * jsonDepth('{"a":[1,{"b":"[["}]}') // 3
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * Parses JSON text, or throws `400 validation_failed` with one issue at `path`: code `tooDeep` beyond
 * `MAX_JSON_DEPTH`, `invalid` when it is no JSON.
 *
 * @example
 * parseBoundedJson('{"draft":{}}', []) // { draft: {} }
 */
export function parseBoundedJson(text: string, path: string[]): unknown {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw validationFailed([{ path, code: 'tooDeep' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([{ path, code: 'invalid' }]);
  }
}

/** Reading request bodies within limits, refusing what is malformed with the contract's errors. */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validateSection } from '../../../src/domain/index.js';
import { ApiError, validationFailed } from '../api-error.js';
import { parseBoundedJson } from './bounded-json.js';

/** Largest JSON body of the admin routes: an invitation with prefill and branding is a few kilobytes. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Refuses a body over `maxBytes` with `413` and `code`, before reading it when `Content-Length` tells.
 *
 * @example
 * app.put('/draft', limitBody(64 * 1024, 'payload_too_large'), handler);
 */
export function limitBody(maxBytes: number, code: 'payload_too_large' | 'document_too_large'): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, code);
    },
  });
}

/**
 * The JSON body validated with a domain schema, or `400 validation_failed` with the issues (an
 * unreadable body is one issue at the root, code `invalid`).
 *
 * @example
 * const request = await readValidJson(c, createInvitationRequestSchema);
 */
export async function readValidJson<T>(
  c: Context,
  schema: Parameters<typeof validateSection<T>>[0],
): Promise<T> {
  const body = parseBoundedJson(await c.req.text(), []);
  const result = validateSection(schema, body);
  if (!result.ok) throw validationFailed(result.issues);
  return result.value;
}

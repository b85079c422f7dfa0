/**
 * One HTTP exchange as both backend clients make it: the body read within a timeout, the caller's abort
 * forwarded, and every way of failing turned into an `ApiError` (`timeout`, `aborted`, `network`).
 */
import { ApiError, parseJson } from './errors.js';

/** How to make one exchange. */
export interface ExchangeOptions {
  /** The fetch to use; the global one (looked up per call, so a stub installed later is used). */
  fetch?: typeof fetch | undefined;
  /** Time the request may take, body included. */
  timeoutMs: number;
  /** The caller's abort. */
  signal?: AbortSignal | undefined;
}

/**
 * Fetches `url` and reads the body with `read` before the timeout runs out.
 *
 * @example
 * const { response, body } = await exchange('/api/invitations/x', { method: 'GET' }, { timeoutMs: 30_000 }, (r) => r.text());
 */
export async function exchange<T>(
  url: string,
  init: RequestInit,
  options: ExchangeOptions,
  read: (response: Response) => Promise<T>,
): Promise<{ response: Response; body: T }> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) throw new ApiError('aborted', 'The request was aborted', { cause: signal.reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    // Called unbound, so `this` stays right for the global fetch.
    const doFetch = options.fetch ?? globalThis.fetch;
    const response = await doFetch(url, { ...init, signal: controller.signal });
    return { response, body: await read(response) };
  } catch (error) {
    if (timedOut) throw new ApiError('timeout', `No response within ${timeoutMs} ms`, { cause: error });
    if (signal?.aborted) throw new ApiError('aborted', 'The request was aborted', { cause: error });
    throw new ApiError('network', 'The backend could not be reached', { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/**
 * A JSON body checked against `schema`; anything else is `invalid_response`.
 *
 * @example
 * const receipt = parseBody(receiptSchema, bodyText, response.status);
 */
export function parseBody<T>(schema: { safeParse(input: unknown): { success: boolean; data?: T } }, bodyText: string, status?: number): T {
  const result = schema.safeParse(parseJson(bodyText));
  if (!result.success) throw new ApiError('invalid_response', 'The response is not in the expected shape', status === undefined ? {} : { status });
  return result.data as T;
}

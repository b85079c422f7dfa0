/**
 * Rate limits on what an attacker would repeat: looking up tokens that do not exist (guessing
 * invitation links) and presenting wrong API keys. Only failures count, per client address, so a
 * partner or a console working normally never meets them, however many requests they make at once;
 * past the limit every request of that address gets `429 too_many_requests` with `Retry-After` until
 * the window ends. The counts live in hono-rate-limiter's `MemoryStore` (one process; a shared store
 * such as its `RedisStore` would serve several).
 *
 * Not `rateLimiter({ skipSuccessfulRequests })` itself: it counts a request before knowing how it
 * ends and takes the count back afterwards, so 11 concurrent good requests would hit a limit of 10.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore } from 'hono-rate-limiter';
import { ApiError } from '../api-error.js';

export interface RateLimits {
  /** Failed token look-ups (404 invitation_not_found) per address and window. Default 30. */
  tokenFailures: number;
  /** Failed API keys (401) per address and window. Default 10. */
  apiKeyFailures: number;
  /** Window length. Default one minute. */
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { tokenFailures: 30, apiKeyFailures: 10, windowMs: 60_000 };

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/**
 * A limiter counting only the answers with `failedStatus`, and refusing an address once it has
 * `limit` of them in the current window.
 *
 * @example
 * api.use('/invitations/*', failureRateLimit(30, 60_000, 404));
 */
export function failureRateLimit(limit: number, windowMs: number, failedStatus: number): MiddlewareHandler {
  const store = new MemoryStore();
  store.init({ windowMs } as Parameters<MemoryStore['init']>[0]);
  return async (c, next) => {
    const address = clientAddress(c);
    const counted = store.get(address);
    const now = Date.now();
    if (counted?.resetTime && counted.resetTime.getTime() > now && counted.totalHits >= limit) {
      const seconds = Math.max(1, Math.ceil((counted.resetTime.getTime() - now) / 1000));
      return c.json(new ApiError(429, 'too_many_requests').toBody(), 429, { 'Retry-After': String(seconds) });
    }
    await next();
    if (c.res.status === failedStatus) store.increment(address);
  };
}

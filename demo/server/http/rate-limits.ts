/**
 * Rate limits on what an attacker would repeat: looking up tokens that do not exist (guessing
 * invitation links) and presenting wrong API keys. Only failures count, per client address, so a
 * partner or a console working normally never meets them; past the limit every request of that
 * address gets `429 too_many_requests` with `Retry-After` until the window ends.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
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
 * A limiter counting only the responses with `failedStatus`.
 *
 * @example
 * api.use('/invitations/*', failureRateLimit(30, 60_000, 404));
 */
export function failureRateLimit(limit: number, windowMs: number, failedStatus: number): MiddlewareHandler {
  return rateLimiter({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: clientAddress,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (c) => c.res.status !== failedStatus,
    handler: (c) => c.json(new ApiError(429, 'too_many_requests').toBody(), 429),
  });
}

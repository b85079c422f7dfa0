/**
 * The backend client of the application wizard (SPEC.md, backend contract).
 *
 * @example
 * import { ApplyApi, ApiError, newIdempotencyKey } from './api/index.js';
 */
export { ApplyApi, DEFAULT_TIMEOUT_MS, newIdempotencyKey } from './client.js';
export type { ApplyApiOptions } from './client.js';
export { ApiError, retryAfterSeconds } from './errors.js';
export type { ApiErrorCode, ApiErrorDetails } from './errors.js';
export { AdminApi, ADMIN_TIMEOUT_MS } from './admin.js';
export type { AdminApiOptions } from './admin.js';

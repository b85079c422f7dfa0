import { ApiError } from '../../src/api/errors.js';

/**
 * The ApiError a call fails with; any other outcome fails the test.
 *
 * @example
 * expect((await failure(api.submit(…))).code).to.equal('validation_failed');
 */
export async function failure(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

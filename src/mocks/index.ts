/**
 * The mock backend (MSW handlers for the SPEC contract) and its fixtures. The service-worker starter
 * lives in `./browser.js`, so Node code can import this entry.
 *
 * @example
 * import { MockBackend, MOCK_TOKENS, validApplication, minimalPdf } from './mocks/index.js';
 */
export * from './handlers.js';
export * from './admin-handlers.js';
export * from './fixtures.js';

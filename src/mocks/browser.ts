/**
 * Starts the mock backend in the browser through MSW's service worker (served at `/mockServiceWorker.js`).
 */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { MockBackend } from './handlers.js';

/** A running mock backend. */
export interface RunningMockBackend {
  backend: MockBackend;
  worker: SetupWorker;
  /** Stops intercepting requests. */
  stop(): void;
}

/**
 * Registers the service worker and starts answering the backend contract; other requests pass through.
 *
 * @example
 * const { backend, stop } = await startMockBackend(new MockBackend({ latencyMs: 300 }));
 * // … the wizard talks to /api …
 * stop();
 */
export async function startMockBackend(backend: MockBackend = new MockBackend()): Promise<RunningMockBackend> {
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return { backend, worker, stop: () => worker.stop() };
}

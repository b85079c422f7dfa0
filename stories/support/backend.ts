/**
 * The backend of the stories: the shared MSW handlers of src/mocks (the one mock of the contract),
 * one `MockBackend` per story that needs its own behaviour, reset before every render so a story looks
 * the same however often it is opened (a finished application marks its invitation as used).
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { Loader } from '@storybook/web-components';
import { MockBackend } from '../../src/mocks/index.js';
import type { MockBackendOptions } from '../../src/mocks/index.js';

/** A mock with state that a story may change (`MockBackend`, the stories' `MockAdminBackend`). */
export interface ResettableBackend {
  readonly handlers: HttpHandler[];
  reset(): void;
}

/** What a story says of its backend: the instance its handlers belong to, and faults to arm before each render. */
export interface MockBackendParameter<B extends ResettableBackend = ResettableBackend> {
  backend: B;
  /** Runs after `reset()`, before the story renders: e.g. `(backend) => backend.failNext({ status: 500 })`. */
  prepare?: (backend: B) => void;
}

/** The backend of every story that does not bring its own. */
export const defaultBackend = new MockBackend();

/** The logo of the `mock-branded` invitation (`https://example.com/logo.svg`): served here, there is no network. */
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40">
<rect width="160" height="40" rx="4" fill="#0b6e4f"/>
<text x="80" y="26" font-family="sans-serif" font-size="16" fill="#ffffff" text-anchor="middle">OTE GENECON</text>
</svg>`;

/** Assets the mock invitations point at. */
export const assetHandlers: HttpHandler[] = [
  http.get('https://example.com/logo.svg', () => new HttpResponse(LOGO_SVG, { headers: { 'Content-Type': 'image/svg+xml' } })),
];

/**
 * Parameters giving a story a backend of its own.
 *
 * @example
 * export const ServerError: Story = {
 *   parameters: withMockBackend({}, (backend) => backend.failNext({ status: 500 })),
 * };
 */
export function withMockBackend(options: MockBackendOptions = {}, prepare?: (backend: MockBackend) => void) {
  return withBackend(new MockBackend(options), prepare);
}

/**
 * Parameters giving a story `backend`'s handlers (under the `backend` key of `msw.handlers`, replacing
 * the default backend's) and resetting it before each render.
 *
 * @example
 * parameters: withBackend(new MockAdminBackend(), (admin) => admin.failNext({ status: 500 })),
 */
export function withBackend<B extends ResettableBackend>(backend: B, prepare?: (backend: B) => void) {
  const mockBackend = { backend, prepare } as MockBackendParameter;
  return { msw: { handlers: { backend: backend.handlers } }, mockBackend };
}

/** Loader (before `mswLoader`): back to the initial state, then the story's faults. */
export const resetMockBackend: Loader = ({ parameters }) => {
  const parameter = parameters.mockBackend as MockBackendParameter | undefined;
  parameter?.backend.reset();
  parameter?.prepare?.(parameter.backend);
  return {};
};

/**
 * Parameters telling `npm run storybook:check` which failed responses a story is about: the browser
 * logs every 4xx/5xx response (and a network error) as a console error, and the check fails on console
 * errors unless the story expects exactly that status. `'network'` stands for a request with no response.
 *
 * @example
 * export const InvitationExpired: Story = { parameters: expectHttpErrors(410) };
 */
export function expectHttpErrors(...expected: Array<number | 'network'>) {
  return { storybookCheck: { expectedHttpErrors: expected } };
}

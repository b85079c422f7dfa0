/**
 * The partner routes behind the stories of the elements after the application: one
 * `MockPartnerAdminBackend` per story that needs its own behaviour (reset before each render, as
 * stories/support/backend.ts does), and the session a story's element is given.
 */
import { MOCK_PARTNER, MockPartnerAdminBackend, type MockPartnerAdminOptions } from '../../src/mocks/partner-admin.js';
import { withBackend, type MockBackendParameter } from './backend.js';

/**
 * Parameters giving a story a partner backend of its own, faults armed by `prepare` before each render.
 *
 * @example
 * parameters: withPartnerBackend({}, (backend) => backend.failNext({ status: 500 })),
 */
export function withPartnerBackend(options: MockPartnerAdminOptions = {}, prepare?: (backend: MockPartnerAdminBackend) => void) {
  return withBackend(new MockPartnerAdminBackend(options), prepare);
}

/** A session of `userId` (the administrator by default) from the story's partner backend, made after its reset. */
export function storySession(context: { parameters: Record<string, unknown> }, userId: string = MOCK_PARTNER.adminUserId): string {
  const parameter = context.parameters.mockBackend as MockBackendParameter<MockPartnerAdminBackend>;
  return parameter.backend.sessionFor(userId);
}

/** A day: "never answers", for a story that shows a request in flight. */
export const FOREVER_MS = 24 * 60 * 60 * 1000;

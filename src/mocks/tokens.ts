/**
 * Invitation tokens the mock backend knows, one per state of an invitation. Kept apart from the
 * handlers so fixtures and stories can name a token without importing msw.
 *
 * @example
 * html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.expired}></cec-apply-wizard>`
 */
export const MOCK_TOKENS = {
  /** An open invitation from 発注建設株式会社. */
  valid: 'mock-valid',
  /** An open invitation whose company section is prefilled (株式会社山田建設). */
  prefilled: 'mock-prefilled',
  /** An open invitation with the ordering company's branding. */
  branded: 'mock-branded',
  /** An open invitation that allows the 法人 kind only. */
  corporationOnly: 'mock-corporation-only',
  /** Older than 35 days: `410 invitation_expired`. */
  expired: 'mock-expired',
  /** Already used for an application: `409 invitation_used`. */
  used: 'mock-used',
  /** Not issued: `404 invitation_not_found` (as is any token not listed here). */
  unknown: 'mock-unknown',
} as const;

/** One of the mock tokens. */
export type MockToken = (typeof MOCK_TOKENS)[keyof typeof MOCK_TOKENS];

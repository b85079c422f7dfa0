/**
 * One axe configuration for the a11y addon's panel (preview.ts) and the CI check
 * (scripts/storybook-check.mjs), so both find the same problems.
 *
 * A story is a fragment of a host's page, not a page: the rules about the page around it (content inside
 * landmarks, one `<main>`, one `<h1>`) are the host's business and stay off; the addon has `region` off
 * by default for the same reason. Everything else axe checks by default stays on.
 */

/** Rules that judge the whole page, not the element. */
export const PAGE_LEVEL_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];

/** `axe.configure` / addon `config`. */
export const AXE_CONFIG = { rules: PAGE_LEVEL_RULES.map((id) => ({ id, enabled: false })) };

/** `axe.run` options. */
export const AXE_RUN_OPTIONS = { resultTypes: ['violations'] };

/** Storybook's own chrome in the preview iframe, never part of a story (as the addon excludes it). */
export const STORYBOOK_CHROME = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

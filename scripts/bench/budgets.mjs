/**
 * The performance budgets of the issue "fast and small", in one place for `npm run size` (which gates the
 * size) and `npm run bench` (which prints every figure beside its budget).
 */

/** Whole wizard ≤ 52 kB gzip with the Japanese resources (English is loaded only when asked for); `npm test` gates it. */
export const WIZARD_BUDGET_BYTES = 52 * 1024;
/** First step rendered ≤ 2× the time the same DOM takes as static HTML. */
export const FIRST_RENDER_BUDGET_RATIO = 2;
/** Step change (次へ → next heading focused) within one frame. */
export const STEP_CHANGE_BUDGET_MS = 16;
/** A keystroke's validation of its field. */
export const KEYSTROKE_BUDGET_MS = 1;
/** Heap growth after 100 mount/unmount cycles of the wizard. */
export const HEAP_GROWTH_BUDGET_BYTES = 1024 * 1024;

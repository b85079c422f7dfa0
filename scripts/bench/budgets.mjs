/**
 * The performance budgets of the issue "fast and small", in one place for `npm run size` (which gates the
 * size) and `npm run bench` (which prints every figure beside its budget).
 */

/** Whole wizard ≤ 52 kB gzip with the Japanese resources (English is loaded only when asked for). */
export const WIZARD_BUDGET_BYTES = 52 * 1024;
/** First step rendered ≤ 2× the time the same DOM takes as static HTML. */
export const FIRST_RENDER_BUDGET_RATIO = 2;
/** Step change (次へ → next heading focused) within one frame. */
export const STEP_CHANGE_BUDGET_MS = 16;
/** A keystroke's validation of its field. */
export const KEYSTROKE_BUDGET_MS = 1;
/** Heap growth after 100 mount/unmount cycles of the wizard. */
export const HEAP_GROWTH_BUDGET_BYTES = 1024 * 1024;

/** Cold figures (scripts/bench/cold.mjs): a first visit, fresh cache, against a static floor of the same DOM. */
export const COLD_BUDGETS = {
  /** navigation → STEP 1's first checkbox in the DOM, ÷ the static floor, at 1× CPU */
  usableRatio1x: 2.5,
  /** navigation → STEP 1 painted, ÷ the static floor, at 4× CPU */
  paintedRatio4x: 1.3,
  /** first click 次へ → STEP 2's first field in the DOM, in a fresh page */
  firstStepChangeMs: 16,
  /** Lighthouse performance score, mobile and desktop presets */
  lighthouseScore: 98,
};

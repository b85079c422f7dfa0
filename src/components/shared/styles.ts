import { css } from 'lit';

/**
 * Design tokens and the form styles every element shares. Hosts theme through the `--cec-*` custom
 * properties (they inherit through shadow roots) and `::part()`; forced-colors mode keeps system colours.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--cec-color-primary, #1d4f91);
    --_on-primary: var(--cec-color-on-primary, #ffffff);
    --_text: var(--cec-color-text, #1f2328);
    --_muted: var(--cec-color-muted, #57606a);
    --_surface: var(--cec-color-surface, #ffffff);
    --_subtle: var(--cec-color-subtle, #f3f5f8);
    --_border: var(--cec-color-border, #8c959f);
    --_error: var(--cec-color-error, #b3261e);
    --_warning-bg: var(--cec-color-warning-surface, #fff8e1);
    --_focus: var(--cec-focus-ring, 3px solid #f5a623);
    --_radius: var(--cec-radius, 6px);
    --_space: var(--cec-space, 1rem);
    display: block;
    color: var(--_text);
    font-family: var(--cec-font-family, system-ui, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', sans-serif);
    font-size: var(--cec-font-size, 1rem);
    line-height: 1.6;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--cec-color-primary, #8ab4f8);
      --_on-primary: var(--cec-color-on-primary, #0b1b33);
      --_text: var(--cec-color-text, #e6edf3);
      --_muted: var(--cec-color-muted, #b1bac4);
      --_surface: var(--cec-color-surface, #161b22);
      --_subtle: var(--cec-color-subtle, #21262d);
      --_border: var(--cec-color-border, #8b949e);
      --_error: var(--cec-color-error, #ffb4ab);
      --_warning-bg: var(--cec-color-warning-surface, #3d2e00);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3 {
    line-height: 1.3;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  h3 {
    font-size: 1.15em;
    border-left: 4px solid var(--_primary);
    padding-left: 0.5em;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  a {
    color: var(--_primary);
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .field {
    margin: 0 0 calc(var(--_space) * 1.25);
    border: 0;
    padding: 0;
    min-width: 0;
  }
  .label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
    padding: 0;
  }
  .marker {
    font-weight: normal;
    font-size: 0.85em;
    margin-left: 0.5em;
    color: var(--_error);
  }
  .marker.optional {
    color: var(--_muted);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 0.35em;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='password'],
  input:not([type]),
  select {
    display: block;
    width: 100%;
    max-width: 36em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
  }
  input[readonly] {
    background: var(--_subtle);
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .error {
    color: var(--_error);
    font-weight: 600;
    margin: 0.35em 0 0;
  }
  .error:empty {
    display: none;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    margin: 0.25em 0;
  }
  .choice input {
    /* At least 24 × 24 CSS px at any font size (WCAG 2.2 2.5.8 Target Size), centred on the first line. */
    width: max(1.5em, 24px);
    height: max(1.5em, 24px);
    margin: calc((1.6em - max(1.5em, 24px)) / 2) 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  button,
  .button {
    font: inherit;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
    padding: 0.5em 1.1em;
    cursor: pointer;
    min-height: 2.75em;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .error-summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.25);
  }
  .error-summary h3 {
    border: 0;
    padding: 0;
    color: var(--_error);
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
    /* A closing 。 takes half a width, so the underline ends under the text, not half an em past it. */
    font-feature-settings: 'halt';
    text-underline-offset: 0.2em;
  }
  .notice {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
  }
  .warning {
    background: var(--_warning-bg);
    border-left: 4px solid var(--_error);
    padding: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    input[aria-invalid='true'],
    .error-summary {
      border-color: Mark;
    }
    .error,
    .error-summary a {
      color: LinkText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
    /* Their background is gone in forced colours: a line keeps the box (an outline: no layout change),
       dashed around a value that cannot be typed into, so that it does not look like a field. */
    .notice {
      outline: 1px solid;
    }
    .readonly-value {
      outline: 1px dashed;
    }
  }
`;

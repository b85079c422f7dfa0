import { css } from 'lit';

/** Styles of `cec-invitation-form` over the shared `baseStyles`. */
export const invitationFormStyles = css`
  h2 {
    font-size: 1.3em;
  }
  details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) * 0.75);
    margin: 0 0 calc(var(--_space) * 1.25);
  }
  details[open] {
    padding-bottom: calc(var(--_space) * 0.25);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    padding: calc(var(--_space) * 0.6) 0;
    min-height: 2.75em;
  }
  select {
    /* The field look comes from baseStyles; a select is only as wide as its longest option. */
    width: auto;
    min-width: 12em;
  }
  select[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .swatch-row {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: -0.75em 0 calc(var(--_space) * 1.25);
  }
  input[type='color'] {
    inline-size: 3em;
    block-size: 2.25em;
    padding: 0.1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .kinds {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-top: var(--_space);
  }
  .result {
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: stretch;
  }
  .copy-row input {
    flex: 1 1 20em;
    max-width: none;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .status {
    margin: 0.35em 0 0;
    min-height: 1.6em;
  }
  .status.failed {
    color: var(--_error);
    font-weight: 600;
  }
  .expiry {
    font-weight: 600;
  }
  .failure {
    margin-top: var(--_space);
  }
  .failure p {
    margin: 0 0 0.5em;
  }
`;

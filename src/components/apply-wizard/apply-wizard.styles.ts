import { css } from 'lit';

/** The wizard's frame: header, step indicator, actions. Reflows down to 320 CSS px. */
export const wizardStyles = css`
  .wizard {
    background: var(--_surface);
    max-width: 56rem;
    margin: 0 auto;
    padding: var(--_space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em var(--_space);
    border-bottom: 1px solid var(--_border);
    padding-bottom: calc(var(--_space) * 0.75);
    margin-bottom: var(--_space);
  }
  .header p {
    margin: 0;
  }
  .logo {
    max-height: 2.5rem;
    max-width: 10rem;
  }
  .expires {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .steps ol {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
    gap: 0.25rem;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    counter-reset: step;
  }
  .steps li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.35em 0.5em;
    font-size: 0.85em;
    background: var(--_subtle);
    color: var(--_muted);
  }
  .steps li.done {
    color: var(--_text);
  }
  .steps li.current {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .steps .number {
    display: block;
    font-size: 0.85em;
  }
  .step-heading {
    font-size: 1.4em;
    margin: var(--_space) 0;
  }
  .step-heading:focus {
    outline: none;
  }
  .step-heading:focus-visible {
    outline: var(--_focus);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.75em;
    margin-top: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }
  .alert {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: var(--_space) 0;
  }
  .invitation-problem {
    border-color: var(--_primary);
  }
  .status {
    padding: var(--_space);
  }
  @media (forced-colors: active) {
    .steps li.current {
      border: 3px solid Highlight;
    }
  }
  @media print {
    .actions,
    .steps {
      display: none;
    }
  }
`;

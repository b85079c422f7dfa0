import { css } from 'lit';

/** The application wizard's own frame: the inviter header and its alerts (the step indicator and actions: `wizardFrameStyles`). */
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
`;

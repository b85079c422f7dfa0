import { css } from 'lit';

/** The application wizard's own frame: the inviter header and its alerts (the step indicator and actions: `wizardFrameStyles`). */
export const wizardStyles = css`
  :host {
    background: var(--_surface);
  }
  .wizard {
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
  /* Holds the place of STEP 1 while the invitation loads: what follows the wizard does not jump (CLS). */
  .status {
    padding: var(--_space);
    min-height: min(100vh, 60rem);
    margin: 0;
  }
`;

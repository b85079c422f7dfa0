import { css } from 'lit';

/** Styles of `cec-date-field` over the shared `baseStyles`. */
export const dateFieldStyles = css`
  :host {
    display: block;
  }
  .field {
    margin: 0;
  }
  input {
    max-width: 16em;
  }
  .range,
  .normalised {
    margin: 0.35em 0 0;
    font-size: 0.9em;
  }
  .normalised {
    color: var(--_text);
  }
`;

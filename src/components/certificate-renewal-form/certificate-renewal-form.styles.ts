import { css } from 'lit';

/** Styles of `cec-certificate-renewal-form` over the shared `baseStyles`. */
export const renewalFormStyles = css`
  h2 {
    font-size: 1.3em;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  .cautions {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.25);
  }
  .cautions ul,
  .row-cautions {
    margin: 0;
    padding-left: 1.25em;
  }
  .import {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.25);
  }
  textarea {
    display: block;
    width: 100%;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
  }
  .row {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
    /* Rows far below the fold are not laid out until scrolled to: a 500-row list stays quick. */
    content-visibility: auto;
    contain-intrinsic-size: auto 32em;
  }
  .bulk {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .row > legend {
    padding: 0 0.35em;
  }
  .row-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15em, 1fr));
    gap: 0 var(--_space);
  }
  .row-fields .field,
  .row-fields cec-date-field {
    margin-bottom: calc(var(--_space) * 1.25);
  }
  select {
    width: auto;
    min-width: 12em;
  }
  select[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .row-cautions {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.5) calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    margin: 0 0 var(--_space);
  }
  .row-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .actions {
    margin-top: var(--_space);
  }
  .report {
    font-weight: 600;
    margin-top: var(--_space);
  }
  .table-scroll {
    overflow-x: auto;
    margin: 0 0 var(--_space);
  }
  /* The six columns scroll sideways in their region rather than break a CN or an address mid-word. */
  .table-scroll table {
    min-width: 52em;
  }
  .table-scroll td {
    overflow-wrap: break-word;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.35em 0.5em;
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  th {
    background: var(--_subtle);
  }
  caption {
    text-align: left;
    font-weight: 600;
    margin-bottom: 0.35em;
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0 0 var(--_space);
  }
  .request-number {
    font-size: 1.2em;
    font-weight: 700;
  }
`;

import { css } from 'lit';
import { invitationFormStyles } from '../invitation-form/invitation-form.styles.js';
import { baseStyles } from '../shared/styles.js';

/**
 * What the partner elements add to `baseStyles` and the invitation form's styles (heading, action row,
 * result, failure): focusable headings, tables and lists of choices.
 */
export const partnerAdminStyles = css`
  h2:focus,
  h3:focus {
    outline: none;
  }
  select {
    /* As wide as its longest option (a user and their signing state), but never wider than a phone. */
    max-width: min(36em, 100%);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    margin-bottom: 0.5em;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em 0.5em;
    border-top: 1px solid var(--_border);
    overflow-wrap: anywhere;
    vertical-align: top;
  }
  thead th {
    background: var(--_subtle);
  }
  .choices {
    display: grid;
    gap: 0.5em;
  }
  .choice-hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 0 1.9em;
  }
  @media (forced-colors: active) {
    /* Forced colours drop the background that sets a notice apart (the certificate to confirm): a border instead. */
    .notice {
      border: 1px solid CanvasText;
    }
  }
`;

/** The styles of every partner element, in order. */
export const partnerElementStyles = [baseStyles, invitationFormStyles, partnerAdminStyles];

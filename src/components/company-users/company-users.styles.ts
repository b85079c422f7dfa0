import { css } from 'lit';

/**
 * What 自社利用者照会 adds to the partner elements' styles: the table at any width. The element is its own size container (it is embedded in layouts it cannot
 * know): from 40rem on, a table of six columns; below, each user is a block of label/value lines: the
 * labels beside the values from 22rem, above them below (where an address beside a label would not fit in
 * one line: a 375 px phone's page less its margins). Only the CSS display changes, so the `<table>` keeps its
 * rows, column headers and row headers for screen readers; the visible labels are `aria-hidden` copies of
 * the column headers.
 */
export const companyUsersStyles = css`
  :host {
    container: cec-company-users / inline-size;
  }
  th,
  td {
    /* Break only where a line must break, never at every letter to squeeze a column (the shared anywhere). */
    overflow-wrap: break-word;
    /* Japanese breaks between phrases (「署名不可（証明書有効性確認待ち）」), not between any two characters. */
    word-break: auto-phrase;
  }
  thead th,
  .user-id {
    white-space: nowrap;
  }
  .email {
    /* An address has no phrase to break at: it may break anywhere, but only when it cannot fit. */
    overflow-wrap: anywhere;
  }
  .label {
    display: none;
  }
  @container cec-company-users (width < 40rem) {
    table,
    caption,
    tbody,
    tr,
    tbody th,
    tbody td {
      display: block;
    }
    /* Still read as the column headers; seen as the labels inside each block. */
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.25em 0.75em;
      margin-block-end: 0.75em;
    }
    tbody th,
    tbody td {
      display: grid;
      grid-template-columns: 7.5em minmax(0, 1fr);
      gap: 0 0.75em;
      padding: 0.35em 0;
      border-top: none;
    }
    tbody tr > * + * {
      border-top: 1px solid var(--_border);
    }
    .label {
      display: block;
      color: var(--_muted);
      font-weight: normal;
    }
  }
  @container cec-company-users (width < 22rem) {
    tbody th,
    tbody td {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;

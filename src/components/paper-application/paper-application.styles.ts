import { css } from 'lit';

/** The paper application's own styles: the steps' blocks, the checklist table and the A4 pages. */
export const paperApplicationStyles = css`
  .wizard {
    background: var(--_surface);
    max-width: 56rem;
    margin: 0 auto;
    padding: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .form-name {
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .plain {
    padding-left: 1.2em;
  }
  .output-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .add,
  .remove,
  .change,
  .print {
    margin: 0 0 var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0 0 var(--_space);
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.35em 0.5em;
    text-align: left;
    vertical-align: top;
  }
  .documents {
    font-size: 0.9em;
  }
  .reference {
    font-weight: 600;
  }
  .certificate {
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) * 0.5);
  }
  .verdict {
    font-weight: 600;
  }
  .verdict-ok {
    color: var(--_text);
  }
  .verdict-issueDateTooOld,
  .verdict-issueDateInFuture {
    color: var(--_error);
  }
  .summary dl {
    margin: 0 0 0.5em;
  }
  .summary .row {
    display: grid;
    grid-template-columns: minmax(8rem, 16rem) 1fr;
    gap: 0.5em;
    border-bottom: 1px solid var(--_subtle);
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .alert {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: var(--_space) 0;
  }
  .reference-number {
    font-size: 1.2em;
    font-weight: 700;
  }
  /* The A4 pages: on screen as sheets, on paper one per page. */
  .page {
    background: #ffffff;
    color: #000000;
    border: 1px solid var(--_border);
    width: 100%;
    max-width: 210mm;
    min-height: 240mm;
    margin: 0 auto var(--_space);
    padding: 12mm;
    position: relative;
    font-size: 10.5pt;
  }
  .page-header {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    font-size: 9pt;
  }
  .form-title {
    border: 0;
    padding: 0;
    text-align: center;
    font-size: 15pt;
    margin: 0.5em 0 1em;
  }
  .form-table th {
    width: 35%;
    background: #f3f3f3;
    font-weight: normal;
  }
  .form-table.list th {
    width: auto;
  }
  .seals {
    display: flex;
    justify-content: flex-end;
    gap: 8mm;
    margin-top: 8mm;
  }
  .seal {
    text-align: center;
    font-size: 9pt;
  }
  .seal-box {
    width: 25mm;
    height: 25mm;
    border: 1px solid #000000;
    margin-top: 2mm;
  }
  .mailing-label {
    border: 2px solid #000000;
    padding: 6mm;
    margin-bottom: 6mm;
  }
  .label-address {
    font-size: 14pt;
  }
  .page-footer {
    position: absolute;
    bottom: 6mm;
    left: 0;
    right: 0;
    text-align: center;
    font-size: 9pt;
  }
  @media print {
    .wizard {
      padding: 0;
      max-width: none;
    }
    .wizard > :not(.step),
    .step > :not(.print-pages) {
      display: none !important;
    }
    .page {
      border: 0;
      margin: 0;
      padding: 0;
      max-width: none;
      min-height: 270mm;
      break-after: page;
    }
    .page:last-child {
      break-after: auto;
    }
  }
`;

let pageSizeAdopted = false;

/**
 * Adds `@page { size: A4 }` to the document once: `@page` has no effect inside a shadow root, and the
 * printed forms are A4 (one form per page).
 *
 * @example
 * connectedCallback() { super.connectedCallback(); usePrintPageSize(); }
 */
export function usePrintPageSize(): void {
  if (pageSizeAdopted || typeof document === 'undefined' || typeof CSSStyleSheet === 'undefined') return;
  pageSizeAdopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('@page { size: A4; margin: 12mm; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

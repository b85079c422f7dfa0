import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { FIELD_NORMALISERS, KINDS_WITH_CORPORATE_NUMBER, trimmed } from '../../domain/index.js';
import { emptyDraft, type ApplicationDraft } from '../shared/draft.js';
import { EditSectionEvent } from '../shared/events.js';
import { LocalizeController } from '../shared/localize.js';
import type { WizardStep } from '../shared/step.js';
import { baseStyles } from '../shared/styles.js';

/** One line of the confirmation: a field's label and its value as it will be sent. */
export interface ConfirmationRow {
  label: string;
  value: string;
}

/** A section of the confirmation, and the step that edits it. */
export interface ConfirmationSection {
  /** The step id the section's change link asks the wizard to open. */
  step: string;
  title: string;
  rows: ConfirmationRow[];
}

/** `normalise(value)` of a typed value, or '' when nothing was typed. */
const shown = (value: string | undefined, normalise: (input: string) => string = trimmed): string =>
  value ? normalise(value) : '';

/**
 * STEP 5 申請内容確認: every answer, normalised as it will be sent, in three sections (企業情報 ·
 * 管理用ID情報 · 電子証明書情報) plus any a host added, each with a link to go back and change it. The label
 * column is one width for all sections, so the values line up.
 * No copy of the application is issued, so the page offers to print itself (application guide, STEP 5).
 *
 * @summary Check your answers before submitting.
 * @fires {EditSectionDetail} cec-edit-section - The user asked to change a section; `event.detail.step` is the step id to open.
 * @csspart section - Each section (its heading, values and change link).
 * @csspart change-link - The 「変更」 link of each section (its accessible name says which: 「変更（企業情報）」).
 * @csspart keep-copy - 「本内容は必ずお控えください。」, the no-copy notice and the print button.
 * @csspart print-button - The 「印刷する」 button.
 *
 * @example
 * <cec-confirmation .value=${draft} @cec-edit-section=${(e) => openStep(e.detail.step)}></cec-confirmation>
 */
export class CecConfirmation extends LitElement implements WizardStep<ApplicationDraft> {
  static override styles = [
    baseStyles,
    css`
      /* One label column for all sections: each section and its list take the columns of .sections (subgrid). */
      .sections {
        display: grid;
        grid-template-columns: fit-content(40%) minmax(0, 1fr);
      }
      section,
      dl {
        grid-column: 1 / -1;
        display: grid;
        grid-template-columns: subgrid;
      }
      section {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin: 0 0 var(--_space);
      }
      .section-head {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5em;
        margin: 0 0 calc(var(--_space) * 0.5);
      }
      h4 {
        font-size: 1.05em;
        line-height: 1.3;
        margin: 0;
      }
      .change {
        font-weight: 600;
        text-underline-offset: 0.2em;
        /* Its line's height (1.6em), not the glyphs': a target at least 24 px high (WCAG 2.2 2.5.8). */
        display: inline-block;
      }
      dl {
        margin: 0;
      }
      dt,
      dd {
        margin: 0;
        padding: 0.4em 0.5em;
        border-top: 1px solid var(--_subtle);
        overflow-wrap: anywhere;
      }
      dt {
        font-weight: 600;
        background: var(--_subtle);
      }
      .not-entered {
        color: var(--_muted);
      }
      /* At 375 px each label goes above its value. */
      @media (max-width: 30em) {
        .sections {
          grid-template-columns: minmax(0, 1fr);
        }
        dd {
          border-top: 0;
        }
      }
      @media print {
        button,
        .change {
          display: none !important;
        }
        section {
          break-inside: avoid;
        }
      }
    `,
  ];

  /** The application to show when the element stands alone; inside the wizard its draft is shown instead. */
  @property({ attribute: false }) value: ApplicationDraft = emptyDraft();

  /** Sections for steps a host added, shown after the built-in three; each gets its own change link. */
  @property({ attribute: false }) extraSections: ConfirmationSection[] = [];

  /** Sections shown instead of the application's (the host gives heading and buttons): how other forms reuse this view. */
  @property({ attribute: false }) sections: ConfirmationSection[] | undefined;

  private readonly localize = new LocalizeController(this);

  /** Nothing to check here: the steps before have validated their sections. */
  validate(): boolean {
    return true;
  }

  get #draft(): ApplicationDraft {
    return this.localize.wizard?.draft ?? this.value ?? emptyDraft();
  }

  /** The three built-in sections, values normalised as the backend receives them (SPEC: Application JSON). */
  #builtInSections(): ConfirmationSection[] {
    const { t } = this.localize;
    const { company = {}, adminUser = {}, certificate = {} } = this.#draft;
    const kind = company.kind ?? 'corporation';
    /** Rows of `fields` of a section: each label and its value as the domain normalises it. */
    const rows = <S extends keyof typeof FIELD_NORMALISERS>(section: S, draft: object, fields: ReadonlyArray<keyof (typeof FIELD_NORMALISERS)[S] & string>) =>
      fields.map((field) => ({
        label: t(`${section}.${field}`),
        value: shown((draft as Record<string, string | undefined>)[field], FIELD_NORMALISERS[section][field] as (input: string) => string),
      }));
    return [
      {
        step: 'company',
        title: t('confirmation.company'),
        rows: [
          { label: t('company.kind'), value: t(`company.kinds.${kind}`) },
          ...rows('company', company, KINDS_WITH_CORPORATE_NUMBER.includes(kind) ? ['corporateNumber'] : []),
          ...rows('company', company, ['name', 'nameKana', 'address', 'representative']),
          // The PDF itself cannot be shown back; its name tells the applicant which file goes (guide, STEP 5).
          { label: t(`company.document.${kind}`), value: company.document?.name ?? '' },
        ],
      },
      {
        step: 'adminUser',
        title: t('confirmation.adminUser'),
        rows: rows('adminUser', adminUser, ['name', 'nameKana', 'department', 'title', 'address', 'phone', 'email']),
      },
      {
        step: 'certificate',
        title: t('confirmation.certificate'),
        rows: [
          // The certificate carries STEP 2's company name; it is not entered in STEP 4.
          { label: t('certificate.companyNameJa'), value: shown(company.name, FIELD_NORMALISERS.company.name) },
          ...rows('certificate', certificate, ['companyNameAlpha', 'departmentJa', 'departmentAlpha', 'titleJa', 'titleAlpha']),
        ],
      },
    ];
  }

  #editSection(event: Event, step: string): void {
    // The link opens a step of this page, not an address.
    event.preventDefault();
    this.dispatchEvent(new EditSectionEvent(step));
  }

  #print(): void {
    window.print();
  }

  override render() {
    const { t } = this.localize;
    if (this.sections) return this.#renderSections(this.sections);
    return html`
      <h3 class=${this.localize.wizard ? 'visually-hidden' : ''}>${t('confirmation.heading')}</h3>
      <p>${t('confirmation.intro')}</p>
      ${this.#renderSections([...this.#builtInSections(), ...this.extraSections])}
      <div class="notice" part="keep-copy">
        <p><strong>${t('confirmation.keepCopy')}</strong></p>
        <p>${t('confirmation.noCopy')}</p>
        <button type="button" part="print-button" @click=${this.#print}>${t('buttons.print')}</button>
      </div>
    `;
  }

  #renderSections(sections: ConfirmationSection[]) {
    return html`<div class="sections">${sections.map((section) => this.#renderSection(section))}</div>`;
  }

  #renderSection(section: ConfirmationSection) {
    const { t } = this.localize;
    return html`<section part="section">
      <div class="section-head">
        <h4>${section.title}</h4>
        <a class="change" part="change-link" href="#${section.step}" @click=${(event: Event) => this.#editSection(event, section.step)}
          >${t('buttons.change')}<span class="visually-hidden">${t('confirmation.changeWhich', { section: section.title })}</span></a
        >
      </div>
      <dl>
        ${section.rows.map(
          (row) =>
            html`<dt>${row.label}</dt>
              ${row.value.trim()
                ? html`<dd>${row.value}</dd>`
                : html`<dd class="not-entered">${t('confirmation.notEntered')}</dd>`}`,
        )}
      </dl>
    </section>`;
  }
}

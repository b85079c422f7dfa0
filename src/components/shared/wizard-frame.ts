import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/i18n.js';
import type { FlowStep, WizardController } from './wizard-controller.js';

/**
 * What every wizard of the set shows around its current step: the step indicator, the step heading
 * (focused on every change) and the 戻る / 次へ buttons. The words are the `wizard.*` and `buttons.back`
 * keys of the wizard's translator.
 *
 * @example
 * render() {
 *   return html`${renderFlowProgress(this.flow, t, (step) => t(`steps.${step.id}`))}
 *     ${this.renderStep()}
 *     ${renderFlowActions(this.flow, t, { nextLabel: t('buttons.next'), busy: false, onNext: () => this.flow.next() })}`;
 * }
 */
export function renderFlowProgress<Data, Step extends FlowStep<Data>>(
  flow: WizardController<Data, Step>,
  t: Translate,
  titleOf: (step: Step) => string,
): TemplateResult {
  const index = flow.index;
  return html`<nav class="steps" part="step-indicator" aria-label=${t('wizard.progress')}>
      <ol>
        ${flow.inPlay.map(
          (step, position) => html`<li
            class=${position === index ? 'current' : position < index ? 'done' : ''}
            aria-current=${position === index ? 'step' : 'false'}
          >
            <span class="number">${t('wizard.stepOf', { number: position + 1 })}</span>
            <span class="title">${titleOf(step)}</span>
            ${position < index ? html`<span class="visually-hidden">${t('wizard.completedStep')}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </nav>
    <h2 id="step-heading" class="step-heading" part="step-heading" tabindex="-1">
      <span data-of=${`/ ${flow.inPlay.length}`}>${t('wizard.stepOf', { number: index + 1 })}</span> ${titleOf(flow.current)}
    </h2>`;
}

/**
 * 戻る and the next button (its words and action are the wizard's: 次へ, 確定…; none without words, when
 * another primary action stands in for it); both refuse while `busy`.
 */
export function renderFlowActions<Data, Step extends FlowStep<Data>>(
  flow: WizardController<Data, Step>,
  t: Translate,
  { nextLabel, busy, onNext }: { nextLabel?: string; busy: boolean; onNext: () => unknown },
): TemplateResult {
  return html`<div class="actions" part="actions">
    <button type="button" part="back-button" @click=${() => flow.back()} ?disabled=${busy}>${t('buttons.back')}</button>
    ${nextLabel
      ? html`<button type="button" class="primary" part="next-button" @click=${onNext} ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
          ${nextLabel}
        </button>`
      : nothing}
  </div>`;
}

/**
 * Enter in a one-line field goes on like the next button (not in a textarea, not on a button or link,
 * not while an IME is composing: that Enter confirms the conversion).
 */
export function enterGoesOn(event: KeyboardEvent, onNext: () => unknown): void {
  const field = event.composedPath()[0];
  if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229 || event.defaultPrevented) return;
  if (!(field instanceof HTMLInputElement) || /^(button|checkbox|radio|file|submit|reset|image)$/.test(field.type)) return;
  event.preventDefault();
  onNext();
}

/**
 * Styles of the step indicator, the step heading and the actions; reflow down to 320 CSS px. Below
 * 40rem the indicator is a bar of one segment per step (done and current filled) under which the
 * heading reads 「STEP 2 / 6 企業情報入力」; above, a row of the steps, done ones ticked, the current
 * one's title only in the heading below it.
 */
export const wizardFrameStyles = css`
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
  .steps .done .number::before {
    content: '✓ ' / '';
    font-weight: 700;
  }
  .steps .current .title {
    display: none;
  }
  .step-heading {
    font-size: 1.4em;
    margin: var(--_space) 0;
  }
  @media (max-width: 40rem) {
    .steps ol {
      display: flex;
      gap: 2px;
      margin: calc(var(--_space) * 0.5) 0 0;
    }
    .steps li {
      flex: 1;
      height: 0.375rem;
      padding: 0;
      border: 0;
      border-radius: 0;
      background: var(--_border);
    }
    .steps li span {
      position: absolute;
      clip-path: inset(50%);
      width: 1px;
      height: 1px;
      overflow: hidden;
      white-space: nowrap;
    }
    .steps li.done {
      background: var(--_primary);
    }
    .step-heading {
      font-size: 1.15em;
      margin: calc(var(--_space) * 0.5) 0 var(--_space);
    }
    .step-heading span::after {
      content: ' ' attr(data-of) / '';
    }
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
  @media (forced-colors: active) {
    .steps li.current {
      border: 3px solid Highlight;
    }
  }
  @media (max-width: 40rem) and (forced-colors: active) {
    .steps li.done,
    .steps li.current {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
  @media print {
    .actions,
    .steps {
      display: none;
    }
    .step-heading {
      outline: none !important;
    }
  }
`;

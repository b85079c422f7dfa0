/**
 * The flow every wizard of the set shares (`WizardController`), on a small wizard of its own: three
 * steps, the second in play only when the data asks for it, the last a completion. Steps in and out of
 * play, statuses, refusal, focus, cec-exit, and the browser's history (on, and turned off by the host).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml, LitElement } from 'lit';
import type { StepChangeEvent, ValidationFailedEvent } from '../../src/components/shared/events.js';
import { WizardController, type FlowStep } from '../../src/components/shared/wizard-controller.js';
import { deepActiveElement, getByRole, waitUntil } from '../helpers.js';

interface Data {
  wantsSigners: boolean;
}

/** A step that accepts its values when `accepts` is true. */
class TestStep extends HTMLElement {
  value = undefined;
  accepts = true;
  validate(): boolean {
    return this.accepts;
  }
}
customElements.define('test-flow-step', TestStep);

class TestWizard extends LitElement {
  static override properties = { history: { type: Boolean } };
  history = true;
  data: Data = { wantsSigners: true };
  readonly elements = new Map<string, TestStep>();
  readonly flow = new WizardController<Data, FlowStep<Data>>(this, {
    data: () => this.data,
    elementOf: (step) => this.elementOf(step),
    heading: () => this.renderRoot.querySelector('h2'),
    useHistory: () => this.history,
  });

  constructor() {
    super();
    this.flow.steps = [
      { id: 'services' },
      { id: 'signers', condition: (data) => data.wantsSigners },
      { id: 'done', final: true },
    ];
  }

  elementOf(step: FlowStep<Data>): TestStep {
    let element = this.elements.get(step.id);
    if (!element) {
      element = document.createElement('test-flow-step') as TestStep;
      element.tabIndex = -1;
      this.elements.set(step.id, element);
    }
    return element;
  }

  override render() {
    const step = this.flow.current;
    return litHtml`<h2 tabindex="-1">${step.id}</h2>${this.elementOf(step)}
      <button @click=${() => this.flow.back()}>戻る</button><button @click=${() => this.flow.next()}>次へ</button>`;
  }
}
customElements.define('test-flow-wizard', TestWizard);

async function openWizard(history = true): Promise<{ wizard: TestWizard; moves: string[]; refused: string[] }> {
  const wizard = await fixture<TestWizard>(html`<test-flow-wizard .history=${history}></test-flow-wizard>`);
  wizard.flow.start();
  await wizard.updateComplete;
  const moves: string[] = [];
  const refused: string[] = [];
  wizard.addEventListener('cec-step-change', (event: StepChangeEvent) => moves.push(`${event.detail.previousStep}→${event.detail.step}`));
  wizard.addEventListener('cec-validation-failed', (event: ValidationFailedEvent) => refused.push(event.detail.step));
  return { wizard, moves, refused };
}

const headingOf = (wizard: TestWizard) => wizard.shadowRoot!.querySelector('h2')!;

async function expectAt(wizard: TestWizard, stepId: string): Promise<void> {
  await waitUntil(() => headingOf(wizard).textContent === stepId && deepActiveElement() === headingOf(wizard), `${stepId} shown and focused`);
}

describe('WizardController', () => {
  it('passes over a step out of play, marking it skipped, and tells each move with its heading focused', async () => {
    const { wizard, moves } = await openWizard(false);
    wizard.data = { wantsSigners: false };
    expect(wizard.flow.inPlay.map((step) => step.id)).to.deep.equal(['services', 'done']);
    expect(wizard.flow.status('services')).to.equal('entered');
    getByRole('button', '次へ', wizard.shadowRoot!).click();
    await expectAt(wizard, 'done');
    expect(moves).to.deep.equal(['services→done']);
    expect([wizard.flow.status('services'), wizard.flow.status('signers'), wizard.flow.status('done')]).to.deep.equal(['left', 'skipped', 'entered']);
  });

  it('starts on the step a draft was kept on, the steps before it left', async () => {
    const wizard = await fixture<TestWizard>(html`<test-flow-wizard .history=${false}></test-flow-wizard>`);
    wizard.flow.start('signers');
    await wizard.updateComplete;
    expect(headingOf(wizard).textContent).to.equal('signers');
    expect([wizard.flow.status('services'), wizard.flow.status('signers'), wizard.flow.status('done')]).to.deep.equal(['left', 'entered', 'untouched']);
  });

  it('refuses to move on when the step does not accept its values, and focuses the step', async () => {
    const { wizard, moves, refused } = await openWizard(false);
    wizard.elements.get('services')!.accepts = false;
    getByRole('button', '次へ', wizard.shadowRoot!).click();
    await waitUntil(() => refused.length === 1, 'refused');
    expect(refused).to.deep.equal(['services']);
    expect(moves).to.deep.equal([]);
    expect(deepActiveElement()).to.equal(wizard.elements.get('services'));
  });

  it('fires cec-exit on 戻る from the first step, and goes back a step otherwise', async () => {
    const { wizard, moves } = await openWizard(false);
    let exits = 0;
    wizard.addEventListener('cec-exit', () => exits++);
    getByRole('button', '戻る', wizard.shadowRoot!).click();
    expect(exits).to.equal(1);
    getByRole('button', '次へ', wizard.shadowRoot!).click();
    await expectAt(wizard, 'signers');
    getByRole('button', '戻る', wizard.shadowRoot!).click();
    await expectAt(wizard, 'services');
    expect(moves).to.deep.equal(['services→signers', 'signers→services']);
    expect(exits).to.equal(1);
  });

  it('makes each move a history entry, follows Back and Forward, and keeps the host\'s own state beside its mark', async () => {
    history.replaceState({ route: '/apply' }, '');
    const { wizard } = await openWizard(true);
    const entries = history.length;
    getByRole('button', '次へ', wizard.shadowRoot!).click();
    await expectAt(wizard, 'signers');
    expect(history.length).to.equal(entries + 1);
    expect((history.state as { route?: string }).route).to.equal('/apply');
    history.back();
    await expectAt(wizard, 'services');
    history.forward();
    await expectAt(wizard, 'signers');
  });

  it('refuses Forward past a step that no longer accepts its values, and the browser returns to its entry', async () => {
    const { wizard, refused } = await openWizard(true);
    getByRole('button', '次へ', wizard.shadowRoot!).click();
    await expectAt(wizard, 'signers');
    history.back();
    await expectAt(wizard, 'services');
    wizard.elements.get('services')!.accepts = false;
    history.forward();
    await waitUntil(() => refused.length === 1, 'refused');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the browser's return to the entry
    expect(headingOf(wizard).textContent).to.equal('services');
    expect((history.state as Record<string, { step: string }>)['cec-flow:test-flow-wizard']!.step).to.equal('services');
  });

  it('leaves the history alone when the host turns it off', async () => {
    const { wizard } = await openWizard(false);
    const entries = history.length;
    const state = JSON.stringify(history.state);
    getByRole('button', '次へ', wizard.shadowRoot!).click();
    await expectAt(wizard, 'signers');
    expect(history.length).to.equal(entries);
    expect(JSON.stringify(history.state)).to.equal(state);
  });
});

/**
 * Hosts shape the flow: a step of their own between STEP 3 and 4 (declared as a child), and a step
 * list that drops a required step is refused.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml, LitElement } from 'lit';
import '../../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { defaultSteps } from '../../src/components/apply-wizard/steps.js';
import { ChangeEvent } from '../../src/components/shared/events.js';
import { startMockBackend, type RunningMockBackend } from '../../src/mocks/browser.js';
import { MOCK_TOKENS } from '../../src/mocks/tokens.js';
import { getByLabel, typeInto, visibleText, waitUntil } from '../helpers.js';
import { acceptTerms, clickNext, expectStep, fillAdminUser, fillCertificate, fillCompany } from './wizard-helpers.js';

/** A host's step: the construction licence number, six digits. */
class LicenceStep extends LitElement {
  value: { licenceNumber?: string } = {};
  stepTitle = '建設業許可';
  invalid = false;

  validate(): boolean {
    this.invalid = !/^\d{6}$/.test(this.value.licenceNumber ?? '');
    this.requestUpdate();
    return !this.invalid;
  }

  override render() {
    return litHtml`<label for="licence">建設業許可番号</label>
      <input id="licence" aria-invalid=${String(this.invalid)} aria-describedby="licence-error"
        .value=${this.value.licenceNumber ?? ''}
        @input=${(event: Event) => {
          this.value = { licenceNumber: (event.target as HTMLInputElement).value };
          this.dispatchEvent(new ChangeEvent(this.value));
        }} />
      <p id="licence-error">${this.invalid ? '6桁の許可番号を入力してください。' : ''}</p>`;
  }
}
customElements.define('test-licence-step', LicenceStep);

let mock: RunningMockBackend;

describe('cec-apply-wizard with a host\'s steps', () => {
  before(async () => {
    mock = await startMockBackend();
  });
  after(() => mock.stop());
  beforeEach(() => mock.backend.reset());

  it('visits, validates and submits a step the host added between STEP 3 and 4', async () => {
    const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid} no-resume>
      <test-licence-step data-step-id="licence" data-after="adminUser"></test-licence-step>
    </cec-apply-wizard>`);
    await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
    const refused: string[] = [];
    wizard.addEventListener('cec-validation-failed', (event) => refused.push(event.detail.step));
    expect(visibleText(wizard)).to.contain('STEP 4 建設業許可').and.contain('STEP 7 申請完了');

    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await expectStep('建設業許可');
    await clickNext();
    await waitUntil(() => refused.length === 1, 'refused');
    expect(refused).to.deep.equal(['licence']);
    expect(getByLabel('建設業許可番号').getAttribute('aria-invalid')).to.equal('true');
    await typeInto(getByLabel('建設業許可番号'), '123456');
    await clickNext();
    await fillCertificate();
    await expectStep('申請内容確認');
    expect(visibleText(wizard)).to.contain('123456');
    await clickNext('確定');
    await expectStep('申請完了');
    const application = mock.backend.received[0]!.application as { extensions?: Record<string, unknown> };
    expect(application.extensions).to.deep.equal({ licence: { licenceNumber: '123456' } });
  });

  it('refuses a step list without a required step, with a clear console error, and keeps its steps', async () => {
    const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint="/api" token=${MOCK_TOKENS.valid} no-resume></cec-apply-wizard>`);
    await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      wizard.steps = defaultSteps().filter((step) => step.id !== 'certificate');
      await wizard.updateComplete;
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('required step(s) cannot be dropped: certificate');
    expect(visibleText(wizard)).to.contain('STEP 4 証明書情報入力');
  });
});

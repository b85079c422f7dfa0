/**
 * What an ordering company can change without forking: theme, words, prefilled and hidden fields,
 * and the events a host listens to.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { startMockBackend, type RunningMockBackend } from '../../src/mocks/browser.js';
import { MOCK_TOKENS } from '../../src/mocks/tokens.js';
import { getByLabel, getByRole, isVisible, queryAllByLabel, queryAllByRole, typeInto, visibleText, waitUntil } from '../helpers.js';
import { acceptTerms, clickNext, expectStep, fillAdminUser, fillCertificate, fillCompany, samplePdf } from './wizard-helpers.js';

let mock: RunningMockBackend;

async function openWizard(configure: (wizard: CecApplyWizard) => void = () => {}): Promise<CecApplyWizard> {
  const wizard = document.createElement('cec-apply-wizard');
  wizard.endpoint = '/api';
  wizard.token = MOCK_TOKENS.valid;
  wizard.noResume = true;
  configure(wizard);
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  parent.append(wizard);
  await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
  return wizard;
}

describe('customising cec-apply-wizard', () => {
  before(async () => {
    mock = await startMockBackend();
  });
  after(() => mock.stop());
  beforeEach(() => mock.backend.reset());

  it('lets theme custom properties reach the buttons inside the shadow DOM', async () => {
    const wizard = await openWizard((element) => element.style.setProperty('--cec-color-primary', 'rgb(11, 110, 79)'));
    const next = getByRole('button', '利用規約に同意して次へ');
    expect(getComputedStyle(next).backgroundColor).to.equal('rgb(11, 110, 79)');
    const part = wizard.shadowRoot!.querySelector('[part~="next-button"]');
    expect(part).to.equal(next);
  });

  it('shows an overridden string, with its placeholder filled', async () => {
    await openWizard((element) => {
      element.messages = { ja: { buttons: { agreeAndNext: '同意して進む' }, wizard: { stepOf: '手順{{number}}' } } };
    });
    await waitUntil(() => visibleText(document.body).includes('同意して進む'), 'override shown');
    expect(visibleText(document.body)).to.contain('手順1');
  });

  it('submits a prefilled field the host hid, and keeps a read-only one unchangeable', async () => {
    await openWizard((element) => {
      element.prefill = { company: { representative: '山田 太郎', corporateNumber: '7000012050002' } };
      element.fields = { company: { representative: { hidden: true }, corporateNumber: { readonly: true } } };
    });
    await acceptTerms();
    await expectStep('企業情報入力');
    expect(queryAllByLabel('代表者').filter(isVisible)).to.have.length(0);
    const corporateNumber = getByLabel('法人番号');
    expect(corporateNumber.readOnly).to.equal(true);
    await fillCompany('法人', samplePdf(), { skip: ['corporateNumber', 'representative'] });
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    await clickNext('確定');
    await expectStep('申請完了');
    const company = (mock.backend.received[0]!.application as { company: Record<string, string> }).company;
    expect(company.representative).to.equal('山田 太郎');
    expect(company.corporateNumber).to.equal('7000012050002');
  });

  it('fires each event once, with the documented detail and no typed values', async () => {
    const events: Array<[string, unknown]> = [];
    const wizard = await openWizard();
    for (const type of ['cec-step-change', 'cec-validation-failed', 'cec-submitted', 'cec-error', 'cec-exit'] as const) {
      document.addEventListener(type, (event) => events.push([type, (event as CustomEvent).detail]));
    }
    getByRole('button', '戻る').click();
    await waitUntil(() => events.length === 1, 'exit');
    expect(events[0]).to.deep.equal(['cec-exit', undefined]);

    getByRole('button', '利用規約に同意して次へ').click();
    await waitUntil(() => events.length === 2, 'validation failed');
    expect(events[1]).to.deep.equal(['cec-validation-failed', { step: 'terms', fields: ['service', 'certificate'] }]);

    await acceptTerms();
    await expectStep('企業情報入力');
    expect(events[2]).to.deep.equal(['cec-step-change', { step: 'company', previousStep: 'terms' }]);
    await typeInto(getByLabel('企業名'), '株式会社秘密');
    await clickNext();
    await waitUntil(() => events.length === 4, 'company refused');
    const [type, detail] = events[3]!;
    expect(type).to.equal('cec-validation-failed');
    expect(JSON.stringify(detail)).not.to.contain('秘密');
    expect((detail as { fields: string[] }).fields).to.include('nameKana').and.not.include('name');

    events.length = 0;
    mock.backend.failNext({ status: 500 });
    await fillCompany('法人', samplePdf(), { skip: ['name'], focused: false });
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    await clickNext('確定');
    await waitUntil(() => events.some(([name]) => name === 'cec-error'), 'error event');
    await waitUntil(() => queryAllByRole('button', '再試行').length === 1, 'the failure shown');
    getByRole('button', '再試行').click();
    await expectStep('申請完了');
    const names = events.map(([name]) => name);
    expect(names.filter((name) => name === 'cec-error')).to.have.length(1);
    expect(names.filter((name) => name === 'cec-submitted')).to.have.length(1);
    expect(events.find(([name]) => name === 'cec-error')![1]).to.include({ code: 'internal_error' });
    expect(events.find(([name]) => name === 'cec-submitted')![1]).to.have.property('receiptNumber').that.matches(/^\d{10}$/);
    expect(names.filter((name) => name === 'cec-step-change')).to.have.length(4);
    void wizard;
  });
});

// Ordinary use of every entry point, as an integrator writes it; compiled with `tsc --init`'s settings.
import '@cectrust/light-apply/apply-wizard';
import '@cectrust/light-apply/invitation-form';
import { CecCompanyForm } from '@cectrust/light-apply/company-form/component';
import { defaultSteps, type MessageOverrides } from '@cectrust/light-apply';
import * as domain from '@cectrust/light-apply/domain';
import * as api from '@cectrust/light-apply/api';
import { MOCK_TOKENS, MockBackend } from '@cectrust/light-apply/mocks';
import { startMockBackend } from '@cectrust/light-apply/mocks/browser';
import * as bundle from '@cectrust/light-apply/bundle';
import manifest from '@cectrust/light-apply/package.json' with { type: 'json' };

const wizard = document.createElement('cec-apply-wizard');
wizard.endpoint = '/api';
wizard.lang = 'en';
const messages: MessageOverrides = { ja: { buttons: { next: '進む' } } };
wizard.messages = messages;
wizard.prefill = { company: { name: '山口建設株式会社' } };
wizard.steps = defaultSteps();
wizard.addEventListener('cec-submitted', (event) => console.log(event.detail.receiptNumber.toUpperCase()));
wizard.addEventListener('cec-step-change', (event) => console.log(event.detail.step, event.detail.previousStep ?? 'first'));
wizard.addEventListener('cec-error', (event) => console.log(event.detail.code, event.detail.message));
wizard.addEventListener('cec-validation-failed', (event) => console.log(event.detail.fields.join(', ')));
document.body.append(wizard);

const invitations = document.querySelector('cec-invitation-form');
invitations?.addEventListener('cec-invitation-created', (event) => console.log(event.detail.url, event.detail.expiresAt));

customElements.define('my-company-form', class extends CecCompanyForm {});
const { stop } = await startMockBackend(new MockBackend({ latencyMs: 300 }));
wizard.token = MOCK_TOKENS.valid;
stop();
console.log(domain, api, bundle.CecApplyWizard.name, manifest.version);

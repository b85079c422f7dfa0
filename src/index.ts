/**
 * Everything at once: registers all the `cec-*` tags. For a plain `<script type="module">` use the
 * one-file bundle (`dist/bundle/cectrust-apply.js`); for a bundler, import single elements from their
 * own entry points to keep the others out.
 *
 * @example
 * import '@cectrust/light-apply';
 * document.body.innerHTML = '<cec-apply-wizard endpoint="/api"></cec-apply-wizard>';
 */
export { CecApplyWizard } from './components/apply-wizard/apply-wizard.js';
export { CecTermsConsent } from './components/terms-consent/terms-consent.js';
export { CecCompanyForm } from './components/company-form/company-form.js';
export { CecAdminUserForm } from './components/admin-user-form/admin-user-form.js';
export { CecCertInfoForm } from './components/cert-info-form/cert-info-form.js';
export { CecConfirmation } from './components/confirmation/confirmation.js';
export { CecCompletion } from './components/completion/completion.js';
export { defaultSteps, type StepDefinition } from './components/apply-wizard/steps.js';
export type { WizardStep } from './components/shared/step.js';
export type { FieldOptions } from './components/shared/form-state.js';
export type { ApplicationDraft } from './components/shared/draft.js';
export type { MessageOverrides } from './i18n/i18n.js';
export * from './components/shared/events.js';

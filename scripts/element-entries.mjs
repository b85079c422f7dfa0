/** Each element's own entry point, as package.json exports it: built by vite.config.ts, measured by the bench. */
export const ELEMENT_ENTRIES = {
  'apply-wizard': 'src/components/apply-wizard/apply-wizard.ts',
  'terms-consent': 'src/components/terms-consent/terms-consent.ts',
  'company-form': 'src/components/company-form/company-form.ts',
  'admin-user-form': 'src/components/admin-user-form/admin-user-form.ts',
  'cert-info-form': 'src/components/cert-info-form/cert-info-form.ts',
  confirmation: 'src/components/confirmation/confirmation.ts',
  completion: 'src/components/completion/completion.ts',
  'invitation-form': 'src/components/invitation-form/invitation-form.ts',
};

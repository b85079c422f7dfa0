// Only the wizard's entry is imported: its tag and its events are typed by that import alone.
import '@cectrust/light-apply/apply-wizard';
import type { SubmittedDetail } from '@cectrust/light-apply/apply-wizard';

const wizard = document.createElement('cec-apply-wizard');
wizard.endpoint = '/api';
wizard.addEventListener('cec-submitted', (event) => {
  const detail: SubmittedDetail = event.detail;
  console.log(detail.receiptNumber.toUpperCase());
});
wizard.addEventListener('cec-step-change', (event) => console.log(event.detail.step));
// The invitation form's events come with its own entry, which is not imported here.
// @ts-expect-error a plain Event has no detail
wizard.addEventListener('cec-invitation-created', (event) => console.log(event.detail));

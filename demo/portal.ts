import '../src/components/apply-wizard/apply-wizard.js';

// The portal listens to the wizard's events as a host page would (analytics, navigation).
const wizard = document.querySelector('cec-apply-wizard');
wizard?.addEventListener('cec-submitted', (event) => {
  document.title = `受付番号 ${event.detail.receiptNumber} | 取引先ポータル`;
});
wizard?.addEventListener('cec-exit', () => {
  window.location.assign('/');
});

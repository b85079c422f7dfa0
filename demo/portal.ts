import '../src/components/apply-wizard/apply-wizard.js';

// The portal listens to the wizard's events as a host page would (analytics, navigation).
const wizard = document.querySelector('cec-apply-wizard');
const exitPage = document.querySelector<HTMLElement>('#portal-exit');

wizard?.addEventListener('cec-submitted', (event) => {
  document.title = `受付番号 ${event.detail.receiptNumber} | 取引先ポータル`;
});

/**
 * 戻る on STEP 1 leaves the application for a page of the portal's own, as a history entry of its own:
 * the browser's Back (or 申請を再開する) returns to the application where it was.
 */
function showExitPage(shown: boolean): void {
  if (!wizard || !exitPage) return;
  wizard.hidden = shown;
  exitPage.hidden = !shown;
  if (shown) exitPage.querySelector<HTMLElement>('h2')?.focus();
}

const isExitEntry = (state: unknown) => (state as { portalPage?: string } | null)?.portalPage === 'exit';

wizard?.addEventListener('cec-exit', () => {
  history.pushState({ portalPage: 'exit' }, '');
  showExitPage(true);
});
window.addEventListener('popstate', (event) => showExitPage(isExitEntry(event.state)));
document.querySelector('#portal-resume')?.addEventListener('click', () => history.back());
showExitPage(isExitEntry(history.state)); // a reload of the exit page stays on it

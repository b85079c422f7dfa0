import '../src/components/apply-wizard/apply-wizard.js';

// The portal listens to the wizard's events as a host page would (analytics, navigation).
const wizard = document.querySelector('cec-apply-wizard');
const exitPage = document.querySelector<HTMLElement>('#portal-exit');

type Language = 'ja' | 'en';
const LANGUAGE_KEY = 'portal-language';
const languageButton = document.querySelector<HTMLButtonElement>('#portal-language');

/**
 * The portal in Japanese or English: its own texts (each element's `data-en` holds the English, its
 * Japanese is kept in `data-ja`), the page's `lang`, and the wizard's `lang`. Kept for this tab's session.
 */
function useLanguage(language: Language): void {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-en]')) {
    element.dataset.ja ??= element.textContent!.trim();
    element.textContent = language === 'en' ? element.dataset.en! : element.dataset.ja;
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-en-label]')) {
    element.dataset.jaLabel ??= element.getAttribute('aria-label')!;
    element.setAttribute('aria-label', language === 'en' ? element.dataset.enLabel! : element.dataset.jaLabel);
  }
  if (languageButton) languageButton.lang = language === 'en' ? 'ja' : 'en';
  wizard?.setAttribute('lang', language);
  sessionStorage.setItem(LANGUAGE_KEY, language);
}

languageButton?.addEventListener('click', () => useLanguage(document.documentElement.lang === 'en' ? 'ja' : 'en'));
if (sessionStorage.getItem(LANGUAGE_KEY) === 'en') useLanguage('en');

wizard?.addEventListener('cec-submitted', (event) => {
  const { receiptNumber } = event.detail;
  document.title = document.documentElement.lang === 'en' ? `Receipt ${receiptNumber} | Partner portal` : `受付番号 ${receiptNumber} | 取引先ポータル`;
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

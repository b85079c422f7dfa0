/**
 * The partner company's page of the demo (application guide 4② and 巻末資料「付録」): the host of the
 * five partner elements. It keeps the session `cec-signed-in` gives it (for this tab) and hands it to
 * the other elements through `sessionProvider`, the callback the elements call before every request;
 * a session the backend no longer knows signs the page out.
 */
import '../../src/components/certificate-activation/certificate-activation.js';
import '../../src/components/company-user-form/company-user-form.js';
import '../../src/components/company-users/company-users.js';
import '../../src/components/partner-sign-in/partner-sign-in.js';
import '../../src/components/signer-certificate-form/signer-certificate-form.js';
import type { SignedInDetail } from '../../src/components/partner-sign-in/sign-in-events.js';

type Language = 'ja' | 'en';
const SESSION_STORAGE = 'cec-partner-session';
const LANGUAGE_STORAGE = 'cec-partner-language';

const TEXT = {
  ja: {
    user: (detail: SignedInDetail) => `${detail.user.name}（${detail.user.userId}）`,
    expired: 'ログインの有効期限が切れました。もう一度ログインしてください。',
    signedOut: 'ログアウトしました。',
    menu: 'メニュー',
    otherLanguage: 'English',
  },
  en: {
    user: (detail: SignedInDetail) => `${detail.user.name} (${detail.user.userId})`,
    expired: 'Your session has ended. Please sign in again.',
    signedOut: 'You are signed out.',
    menu: 'Menu',
    otherLanguage: '日本語',
  },
} satisfies Record<Language, unknown>;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const signInSection = byId('partner-sign-in');
const work = byId('partner-work');
const adminWork = byId('partner-admin');
const userLabel = byId('partner-user');
const signOutButton = byId<HTMLButtonElement>('partner-sign-out');
const languageButton = byId<HTMLButtonElement>('partner-language');
const notice = byId('partner-notice');
/** The page's elements as they are now (each session gets fresh ones: nothing of the last user stays). */
const activation = () => document.querySelector('cec-certificate-activation')!;
const users = () => document.querySelector('cec-company-users')!;
const userForm = () => document.querySelector('cec-company-user-form')!;
const signerForm = () => document.querySelector('cec-signer-certificate-form')!;
const connected = () => [activation(), users(), userForm(), signerForm()];

let signedIn: SignedInDetail | undefined = storedSession();
const language = (): Language => (document.documentElement.lang === 'en' ? 'en' : 'ja');

/** The session kept for this tab, if it has not expired. */
function storedSession(): SignedInDetail | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_STORAGE) ?? 'null') as SignedInDetail | null;
    return saved && Date.parse(saved.expiresAt) > Date.now() ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** The callback every element calls before a request: the current session, or none once signed out. */
const currentSession = () => signedIn?.session;

/** Shows the sign-in, or the work of the signed-in user (the administrator's too for a 管理者). */
function show(): void {
  const isSignedIn = signedIn !== undefined;
  signInSection.hidden = isSignedIn;
  work.hidden = !isSignedIn;
  adminWork.hidden = signedIn?.user.role !== 'admin';
  userLabel.hidden = !isSignedIn;
  signOutButton.hidden = !isSignedIn;
  userLabel.textContent = signedIn ? TEXT[language()].user(signedIn) : '';
  // Admin elements are connected only for administrators: the others would ask for what they may not see.
  for (const element of connected()) {
    const allowed = isSignedIn && (element === activation() || signedIn?.user.role === 'admin');
    element.sessionProvider = allowed ? currentSession : undefined;
  }
  if (!isSignedIn && !signInSection.querySelector('cec-partner-sign-in')) {
    // A fresh element each time: nothing of the last user's form is left in it.
    const form = document.createElement('cec-partner-sign-in');
    form.endpoint = '/api';
    form.lang = language();
    signInSection.append(form);
  }
}

/** Moves focus to the sign-in form's heading once it is drawn. */
async function focusSignIn(): Promise<void> {
  const form = signInSection.querySelector('cec-partner-sign-in');
  await form?.updateComplete;
  form?.shadowRoot?.querySelector<HTMLElement>('h3')?.focus();
}

function signOut(message: string): void {
  signedIn = undefined;
  sessionStorage.removeItem(SESSION_STORAGE);
  signInSection.querySelector('cec-partner-sign-in')?.remove();
  // Fresh elements (attributes only): the last user's lists and drafts leave the page with them.
  for (const element of connected()) element.replaceWith(element.cloneNode(false));
  notice.textContent = message;
  show();
  void focusSignIn();
}

function useLanguage(next: Language): void {
  document.documentElement.lang = next;
  languageButton.textContent = TEXT[next].otherLanguage;
  languageButton.lang = next === 'en' ? 'ja' : 'en';
  byId('partner-nav').setAttribute('aria-label', TEXT[next].menu);
  for (const element of [...connected(), signInSection.querySelector('cec-partner-sign-in')]) element?.setAttribute('lang', next);
  sessionStorage.setItem(LANGUAGE_STORAGE, next);
  show();
}

document.addEventListener('cec-signed-in', (event) => {
  signedIn = event.detail;
  sessionStorage.setItem(SESSION_STORAGE, JSON.stringify(event.detail));
  notice.textContent = '';
  show();
  signInSection.querySelector('cec-partner-sign-in')?.remove();
  byId('activation-heading').setAttribute('tabindex', '-1');
  byId('activation-heading').focus();
});

// A session the backend no longer knows (expired, or ended by a password change elsewhere) — told by an
// element that was given it; the administrator's elements a general user never gets complain of none.
document.addEventListener('cec-error', (event) => {
  const source = event.target as Partial<Record<'sessionProvider', unknown>> | null;
  if (event.detail.code === 'session_invalid' && signedIn && source?.sessionProvider) signOut(TEXT[language()].expired);
});

// What one element changed, the others show (listened to on the page: the elements are replaced).
work.addEventListener('cec-user-registered', (event) => {
  void users().reload();
  signerForm().userId = event.detail.user.userId;
  void signerForm().reload();
});
for (const type of ['cec-certificate-requested', 'cec-certificate-linked'] as const) {
  work.addEventListener(type, () => {
    void users().reload();
    void activation().reload();
  });
}
work.addEventListener('cec-certificate-activated', () => {
  if (signedIn?.user.role === 'admin') void users().reload();
});

signOutButton.addEventListener('click', () => signOut(TEXT[language()].signedOut));
languageButton.addEventListener('click', () => useLanguage(language() === 'en' ? 'ja' : 'en'));
useLanguage(sessionStorage.getItem(LANGUAGE_STORAGE) === 'en' ? 'en' : 'ja');

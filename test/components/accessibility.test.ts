/**
 * Accessibility of the whole wizard, as the applicant meets it: axe at every step and in the error
 * state of every form step, in Japanese and English, and on the invitation's own pages; a keyboard-only
 * walk of STEP 1–6 (focus on the heading at every change, on the error summary when a step is refused,
 * the summary's links to the fields); reflow at 320 CSS px; forced-colors mode keeping focus and errors
 * visible.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { startMockBackend, type RunningMockBackend } from '../../src/mocks/browser.js';
import { MOCK_TOKENS } from '../../src/mocks/tokens.js';
import { accessibleName, chooseFile, deepActiveElement, descriptionOf, getByLabel, getByRole, queryAllByRole, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';
import { acceptTerms, fillAdminUser, fillCertificate, fillCompany, samplePdf } from './wizard-helpers.js';

type Language = 'ja' | 'en';

/** What a person reads and types in each language: step titles, buttons, and each form step's fields. */
const WORDS = {
  ja: {
    steps: ['利用規約確認', '企業情報入力', '利用者情報入力', '証明書情報入力', '申請内容確認', '申請完了'],
    consents: ['CECTRUST-Light利用規約に同意します。', 'JCAN電子証明書利用規約に同意します。'],
    agreeAndNext: '利用規約に同意して次へ',
    next: '次へ',
    back: '戻る',
    submit: '確定',
    retry: '再試行',
    document: '印鑑証明書',
    selected: '選択中のファイル',
    company: [['法人番号', '7000012050002'], ['企業名', '株式会社山田建設'], ['企業名カナ', 'ヤマダケンセツ'], ['企業住所', '東京都港区新橋2-4-1'], ['代表者', '山田 太郎']],
    adminUser: [['氏名', '山田 花子'], ['氏名カナ', 'ヤマダ ハナコ'], ['住所', '東京都港区新橋2-4-1'], ['TEL番号', '0335954610'], ['メールアドレス', 'hanako@example.co.jp']],
    certificate: [['企業名(アルファベット)', 'YAMADA KENSETSU'], ['部署名(日本語)', '本社'], ['部署名(アルファベット)', 'HONSHA'], ['役職名(日本語)', '社長'], ['役職名(アルファベット)', 'SHACHO']],
  },
  en: {
    steps: ['Terms of use', 'Company information', 'User information', 'Certificate information', 'Check your application', 'Application complete'],
    consents: ['I agree to the CECTRUST-Light Terms of Use.', 'I agree to the JCAN Electronic Certificate Terms of Use.'],
    agreeAndNext: 'Agree to the terms and continue',
    next: 'Next',
    back: 'Back',
    submit: 'Submit',
    retry: 'Try again',
    document: 'Certificate of seal impression',
    selected: 'Selected file',
    company: [['Corporate number', '7000012050002'], ['Company name', '株式会社山田建設'], ['Company name (katakana)', 'ヤマダケンセツ'], ['Company address', '東京都港区新橋2-4-1'], ['Representative', '山田 太郎']],
    adminUser: [['Name', '山田 花子'], ['Name (katakana)', 'ヤマダ ハナコ'], ['Address', '東京都港区新橋2-4-1'], ['Phone number', '0335954610'], ['Email address', 'hanako@example.co.jp']],
    certificate: [['Company name (alphabet)', 'YAMADA KENSETSU'], ['Department (Japanese)', '本社'], ['Department (alphabet)', 'HONSHA'], ['Job title (Japanese)', '社長'], ['Job title (alphabet)', 'SHACHO']],
  },
} as const;

let mock: RunningMockBackend;

async function openWizard(language: Language, token: string = MOCK_TOKENS.valid, endpoint = '/api'): Promise<CecApplyWizard> {
  const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint=${endpoint} token=${token} lang=${language} no-resume></cec-apply-wizard>`);
  await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
  return wizard;
}

function heading(): HTMLElement | undefined {
  return queryAllByRole('heading', /^STEP \d+ /)[0];
}

/** Waits for STEP `number` (1-based) and, after a change, for focus on its heading. */
async function expectStep(language: Language, number: number, focused = number > 1): Promise<void> {
  const title = `STEP ${number} ${WORDS[language].steps[number - 1]}`;
  await waitUntil(() => heading()?.textContent?.replace(/\s+/g, ' ').trim() === title, title);
  if (focused) await waitUntil(() => deepActiveElement() === heading(), `${title} focused`);
}

function errorSummaryFocused(): boolean {
  return deepActiveElement()?.classList.contains('error-summary') ?? false;
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(target: () => Element | undefined, description: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await sendKeys({ press: 'Tab' });
    if (target() && deepActiveElement() === target()) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

/**
 * Walks STEP 1–6 by label in `language`, calling `check` on every step and, for each form step, once
 * more in its error state (next pressed with the step empty), and on STEP 5 once more with a submit
 * failure (503) shown.
 */
async function walk(language: Language, check: (state: string) => Promise<void>): Promise<void> {
  const words = WORDS[language];
  const refuse = async (number: number, nextLabel: string) => {
    getByRole('button', nextLabel).click();
    await waitUntil(errorSummaryFocused, `STEP ${number} refused`);
    await check(`STEP ${number} with errors`);
  };
  const fill = async (fields: ReadonlyArray<readonly [string, string]>) => {
    for (const [label, value] of fields) await typeInto(getByLabel(label), value);
  };

  await expectStep(language, 1);
  await check('STEP 1');
  await refuse(1, words.agreeAndNext);
  for (const consent of words.consents) getByLabel(consent).click();
  getByRole('button', words.agreeAndNext).click();

  await expectStep(language, 2);
  await check('STEP 2');
  await refuse(2, words.next);
  await fill(words.company);
  const pdf = samplePdf();
  chooseFile(getByLabel(words.document), pdf);
  await waitUntil(() => descriptionOf(getByLabel(words.document)).includes(pdf.name), 'document accepted');
  getByRole('button', words.next).click();

  await expectStep(language, 3);
  await check('STEP 3');
  await refuse(3, words.next);
  await fill(words.adminUser);
  getByRole('button', words.next).click();

  await expectStep(language, 4);
  await check('STEP 4');
  await refuse(4, words.next);
  await fill(words.certificate);
  getByRole('button', words.next).click();

  await expectStep(language, 5);
  await check('STEP 5');
  mock.backend.failNext({ status: 503, retryAfterSeconds: 120 });
  getByRole('button', words.submit).click();
  await waitUntil(() => deepActiveElement()?.classList.contains('submit-failure'), 'submit failure shown');
  await check('STEP 5 with a submit failure');
  getByRole('button', words.retry).click();
  await expectStep(language, 6);
  await check('STEP 6');
}

describe('cec-apply-wizard: accessibility', () => {
  before(async () => {
    mock = await startMockBackend();
  });
  after(() => mock.stop());
  beforeEach(() => mock.backend.reset());

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation at any step, in any step's error state or with a submit failure (${language})`, async () => {
      const wizard = await openWizard(language);
      const checked: string[] = [];
      await walk(language, async (state) => {
        checked.push(state);
        await expect(wizard, state).to.be.accessible();
      });
      expect(checked).to.have.length(11);
      expect(mock.backend.received).to.have.length(1);
    });

    it(`has no axe violation on the invitation's own pages: not found, expired, used, unreachable (${language})`, async () => {
      const pages: Array<[string, string]> = [
        [MOCK_TOKENS.unknown, '/api'],
        [MOCK_TOKENS.expired, '/api'],
        [MOCK_TOKENS.used, '/api'],
        // Nothing listens there: the invitation cannot be read at all.
        [MOCK_TOKENS.valid, 'http://127.0.0.1:9/api'],
      ];
      for (const [token, endpoint] of pages) {
        const wizard = await openWizard(language, token, endpoint);
        await waitUntil(() => wizard.shadowRoot!.querySelector('.alert'), `${token} page`);
        expect(queryAllByRole('heading', /\S/, wizard.shadowRoot!).length, `${token} page has a heading`).to.be.greaterThan(0);
        await expect(wizard, `${token} at ${endpoint}`).to.be.accessible();
        wizard.remove();
      }
    });

    it(`reflows at 320 CSS px: nothing scrolls sideways at any step, error state or submit failure (${language})`, async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        await openWizard(language);
        const widths: Record<string, number> = {};
        await walk(language, async (state) => {
          widths[state] = document.documentElement.scrollWidth;
        });
        const tooWide = Object.entries(widths).filter(([, width]) => width > 320);
        expect(tooWide, 'steps wider than 320 px').to.deep.equal([]);
        expect(Object.keys(widths)).to.have.length(11);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  /** A valid address with no place to break a line (44 characters, no hyphen). */
  const LONG_EMAIL = 'kanri.tantousha.soumubu@yamadakensetsu.co.jp';

  /** At 320 px, walks to the confirmation with LONG_EMAIL as the administrator's address. */
  async function toConfirmationWithLongEmail(): Promise<void> {
    await openWizard('ja');
    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await expectStep('ja', 4);
    getByRole('button', WORDS.ja.back).click();
    await expectStep('ja', 3);
    await replaceText(getByLabel('メールアドレス'), LONG_EMAIL);
    getByRole('button', WORDS.ja.next).click();
    await fillCertificate();
    await expectStep('ja', 5);
  }

  it('reflows at 320 CSS px on the confirmation with a long email address', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await toConfirmationWithLongEmail();
      expect(visibleText(document.body)).to.contain(LONG_EMAIL);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  // Known bug, skipped until fixed: STEP 6 repeats the administrator's address in running text
  // (completion.mailSent) with nothing that lets it wrap, so a valid 44-character address makes the
  // page 456 px wide at 320 px (WCAG 1.4.10 Reflow). Fix: `overflow-wrap: anywhere` on the completion
  // text (e.g. `:host { overflow-wrap: anywhere; }` in completion.component.ts, as confirmation does for
  // its values).
  it('reflows at 320 CSS px on the completion with a long email address', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await toConfirmationWithLongEmail();
      getByRole('button', WORDS.ja.submit).click();
      await expectStep('ja', 6);
      expect(visibleText(document.body)).to.contain(LONG_EMAIL);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('completes STEP 1–6 with the keyboard alone: focus on every new heading, on the error summary when refused, and from its links to the fields', async function () {
    this.timeout(30_000);
    const words = WORDS.ja;
    const wizard = await openWizard('ja');
    const button = (name: string) => () => queryAllByRole('button', name)[0];
    const field = (label: string) => () => getByLabel(label);

    /** Presses next empty: the summary takes focus; its first link (Tab, Enter) focuses `firstField`. */
    const refuseAndFollowSummary = async (nextLabel: string, firstField: string) => {
      await tabTo(button(nextLabel), nextLabel);
      await sendKeys({ press: 'Enter' });
      await waitUntil(errorSummaryFocused, 'error summary focused');
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.tagName, 'first link of the summary').to.equal('A');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActiveElement() === getByLabel(firstField), `summary link to ${firstField}`);
    };
    const typeFields = async (fields: ReadonlyArray<readonly [string, string]>) => {
      for (const [index, [label, value]] of fields.entries()) {
        // The first field has focus already (from the summary's link); Tab reaches each following one.
        if (index > 0) await tabTo(field(label), label);
        await sendKeys({ type: value });
      }
    };

    // STEP 1: the first step does not take focus on page load (the wizard lives in someone else's page).
    await expectStep('ja', 1, false);
    await refuseAndFollowSummary(words.agreeAndNext, words.consents[0]);
    await sendKeys({ press: 'Space' });
    await tabTo(field(words.consents[1]), words.consents[1]);
    await sendKeys({ press: 'Space' });
    await tabTo(button(words.agreeAndNext), words.agreeAndNext);
    await sendKeys({ press: 'Enter' });

    // STEP 2
    await expectStep('ja', 2);
    await refuseAndFollowSummary(words.next, '法人番号');
    await typeFields(words.company);
    await tabTo(field(words.document), words.document);
    // The file picker is the operating system's: choose the file for the focused input.
    chooseFile(deepActiveElement() as HTMLInputElement, samplePdf());
    await waitUntil(() => descriptionOf(getByLabel(words.document)).includes(words.selected), 'document accepted');
    await tabTo(button(words.next), words.next);
    await sendKeys({ press: 'Enter' });

    // STEP 3, then back to STEP 2 and forward again, with the keyboard
    await expectStep('ja', 3);
    await tabTo(button(words.back), words.back);
    await sendKeys({ press: 'Enter' });
    await expectStep('ja', 2);
    expect(getByLabel('企業名').value).to.equal('株式会社山田建設');
    await tabTo(button(words.next), words.next);
    await sendKeys({ press: 'Enter' });
    await expectStep('ja', 3);
    await refuseAndFollowSummary(words.next, '氏名');
    await typeFields(words.adminUser);
    await tabTo(button(words.next), words.next);
    await sendKeys({ press: 'Enter' });

    // STEP 4
    await expectStep('ja', 4);
    await refuseAndFollowSummary(words.next, '企業名(アルファベット)');
    await typeFields(words.certificate);
    await tabTo(button(words.next), words.next);
    await sendKeys({ press: 'Enter' });

    // STEP 5 and 6
    await expectStep('ja', 5);
    await tabTo(button(words.submit), words.submit);
    await sendKeys({ press: 'Enter' });
    await expectStep('ja', 6);
    expect(visibleText(wizard)).to.match(/受付番号\s*\d{10}/);
    expect(mock.backend.received).to.have.length(1);
    expect((mock.backend.received[0]!.application as { certificate: { titleAlpha: string } }).certificate.titleAlpha).to.equal('SHACHO');
  });

  it('keeps focus and errors visible in forced-colors mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colors emulated').to.equal(true);
      await openWizard('ja');
      await expectStep('ja', 1, false);
      getByLabel(WORDS.ja.consents[0]).click();
      getByLabel(WORDS.ja.consents[1]).click();
      getByRole('button', WORDS.ja.agreeAndNext).click();
      await expectStep('ja', 2);

      // Focus, reached with the keyboard: an outline of real width in a colour that is not the background.
      await tabTo(() => getByLabel('法人番号'), '法人番号');
      const focused = getComputedStyle(getByLabel('法人番号'));
      expect(focused.outlineStyle, 'outline style').not.to.equal('none');
      expect(parseFloat(focused.outlineWidth), 'outline width').to.be.at.least(2);
      expect(focused.outlineColor).not.to.match(/transparent|rgba\(0, 0, 0, 0\)/);

      // The file input itself is invisible: its visible button carries the focus outline.
      await tabTo(() => getByLabel(WORDS.ja.document), WORDS.ja.document);
      const fileButton = getComputedStyle(getByLabel(WORDS.ja.document).nextElementSibling!);
      expect(fileButton.outlineStyle, 'file button outline').not.to.equal('none');
      expect(parseFloat(fileButton.outlineWidth), 'file button outline width').to.be.at.least(2);
      expect(fileButton.outlineColor).not.to.equal(fileButton.backgroundColor);

      // An invalid field: a visible border, thicker than a valid field's.
      getByRole('button', WORDS.ja.next).click();
      await waitUntil(errorSummaryFocused, 'refused');
      const invalid = getByLabel('企業名');
      expect(invalid.getAttribute('aria-invalid')).to.equal('true');
      const border = getComputedStyle(invalid);
      expect(border.borderTopStyle, 'border style').not.to.equal('none');
      expect(parseFloat(border.borderTopWidth), 'border width').to.be.at.least(2);
      expect(border.borderTopColor).not.to.match(/transparent|rgba\(0, 0, 0, 0\)/);
      const summary = deepActiveElement() as HTMLElement;
      expect(parseFloat(getComputedStyle(summary).borderTopWidth), 'error summary border').to.be.at.least(2);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('gives every checkbox and radio a target of at least 24 × 24 CSS px, and underlines summary links only under their text', async () => {
    await openWizard('ja');
    await expectStep('ja', 1, false);
    /** Each control of `role`, at least 24 px wide and high; how many there are. */
    const targetsAtLeast24 = (role: string) => {
      const controls = queryAllByRole(role);
      for (const control of controls) {
        const { width, height } = control.getBoundingClientRect();
        expect(Math.min(width, height), `${role} ${accessibleName(control)}`).to.be.at.least(24);
      }
      return controls.length;
    };
    expect(targetsAtLeast24('checkbox')).to.equal(2);

    getByRole('button', WORDS.ja.agreeAndNext).click();
    await waitUntil(errorSummaryFocused, 'refused');
    const links = queryAllByRole('link').filter((link) => link.closest('.error-summary'));
    expect(links).to.have.length(2);
    for (const link of links) {
      // The underline runs as far as the link's box: its closing 。 must not add the blank half of a full width.
      const text = Array.from(link.childNodes).findLast((node): node is Text => node instanceof Text && node.data.trim() !== '')!;
      expect(text.data.endsWith('。'), text.data).to.equal(true);
      const last = document.createRange();
      last.setStart(text, text.length - 1);
      last.setEnd(text, text.length);
      expect(last.getBoundingClientRect().width).to.be.at.most(parseFloat(getComputedStyle(link).fontSize) * 0.6);
    }

    for (const consent of WORDS.ja.consents) getByLabel(consent).click();
    getByRole('button', WORDS.ja.agreeAndNext).click();
    await expectStep('ja', 2);
    expect(targetsAtLeast24('radio')).to.be.at.least(2);
  });
});

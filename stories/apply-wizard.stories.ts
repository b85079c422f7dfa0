import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import '../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../src/components/apply-wizard/apply-wizard.component.js';
import type { MessageOverrides } from '../src/i18n/i18n.js';
import type { Prefill } from '../src/domain/index.js';
import type { FieldOptions } from '../src/components/shared/form-state.js';
import { MOCK_TOKENS } from '../src/mocks/tokens.js';
import { validApplication } from '../src/mocks/fixtures.js';
import { expectHttpErrors, withMockBackend } from './support/backend.js';
import './support/licence-step.js';
import { localeOf } from './support/render.js';
import { expectStep, inShadow, pressNext, rendered, shadowOf, walkToConfirmation } from './support/walk.js';

interface Args {
  token: string;
  supportEmail: string;
  maxDocumentBytes: number;
}

type HostOptions = {
  messages?: MessageOverrides;
  prefill?: Prefill;
  fields?: Partial<Record<'terms' | 'company' | 'adminUser' | 'certificate', Record<string, FieldOptions>>>;
};

/** A day: "never answers" for a story that shows a request in flight. */
const FOREVER_MS = 24 * 60 * 60 * 1000;

/**
 * The wizard as a host embeds it, talking to `/api` — answered in the browser by MSW with the shared
 * mock backend (src/mocks). `no-resume`: a story starts afresh every time instead of resuming the draft
 * it left in this browser.
 */
function wizard(args: Args, lang: string, host: HostOptions = {}, children: unknown = '') {
  return html`<cec-apply-wizard
    endpoint="/api"
    token=${args.token}
    lang=${lang}
    support-email=${args.supportEmail}
    max-document-bytes=${args.maxDocumentBytes}
    no-resume
    .messages=${host.messages ?? {}}
    .prefill=${host.prefill}
    .fields=${host.fields ?? {}}
    >${children}</cec-apply-wizard
  >`;
}

// The whole application against the mock backend; `storiesNote` says how to click through (docs page).
const meta: Meta<Args> = {
  title: 'Wizard/cec-apply-wizard',
  component: 'cec-apply-wizard',
  decorators: [withActions],
  parameters: {
    storiesNote: `The stories are clickable end to end: tick both terms, fill in each step (STEP 2 asks for a PDF:
any valid one, e.g. [sample-certificate.pdf](./sample-certificate.pdf)), check and press 確定. MSW answers \`/api\` in the browser with the shared mock
backend (\`src/mocks\`), as the real backend would; the tokens of \`MOCK_TOKENS\` give each invitation state.
The stories of a failing backend (500, 503, 400 on 確定) walk to STEP 5 and submit on their own; press 再試行
there to see the retry accepted.`,
    usage: `<script type="module" src="/node_modules/@cectrust/light-apply/dist/bundle/cectrust-apply.js"></script>
<cec-apply-wizard endpoint="https://portal.example.com/api" lang="ja"></cec-apply-wizard>
<script type="module">
  const wizard = document.querySelector('cec-apply-wizard');
  wizard.addEventListener('cec-step-change', (event) => analytics.track('step', event.detail.step));
  wizard.addEventListener('cec-submitted', (event) => console.log(event.detail.receiptNumber));
  wizard.addEventListener('cec-exit', () => history.back());
</script>`,
    actions: { handles: ['cec-step-change', 'cec-validation-failed', 'cec-submitted', 'cec-error', 'cec-exit', 'cec-change'] },
  },
  args: { token: MOCK_TOKENS.valid, supportEmail: 'help-light@construction-ec.com', maxDocumentBytes: 10 * 1024 * 1024 },
  argTypes: {
    token: { control: 'select', options: Object.values(MOCK_TOKENS) },
  },
  render: (args, context) => wizard(args, localeOf(context)),
};
export default meta;

type Story = StoryObj<Args>;

const wizardIn = (canvasElement: HTMLElement) => rendered<CecApplyWizard>(canvasElement, 'cec-apply-wizard');

/** Ticks both terms and goes on to STEP 2. */
async function acceptTerms(element: CecApplyWizard): Promise<HTMLElement> {
  const terms = await expectStep(element, 'cec-terms-consent');
  inShadow(terms, '#field-service').click();
  inShadow(terms, '#field-certificate').click();
  await pressNext(element);
  return expectStep(element, 'cec-company-form');
}

// ── an open invitation ─────────────────────────────────────────────────────

/** An open invitation from 発注建設株式会社: STEP 1, nothing ticked. Click through to the end from here. */
export const Start: Story = {};

/** The invitation carries the company's details: STEP 2 opens filled in (and checked at once), still editable. */
export const PrefilledFromInvitation: Story = {
  args: { token: MOCK_TOKENS.prefilled },
  play: async ({ canvasElement }) => {
    await acceptTerms(await wizardIn(canvasElement));
  },
};

/** The ordering company's branding from the invitation: display name, logo and primary colour. */
export const BrandedInvitation: Story = { args: { token: MOCK_TOKENS.branded } };

/** The invitation allows 法人 only: STEP 2 offers no other kind. */
export const CorporationOnly: Story = {
  args: { token: MOCK_TOKENS.corporationOnly },
  play: async ({ canvasElement }) => {
    await acceptTerms(await wizardIn(canvasElement));
  },
};

/** 次へ without ticking: STEP 1 says what is missing, focus on the error summary. */
export const TermsRefused: Story = {
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    const terms = await expectStep(element, 'cec-terms-consent');
    await pressNext(element);
    await waitFor(() => expect(shadowOf(terms).querySelector('.error-summary')).not.toBeNull());
  },
};

/** 次へ on an empty STEP 2: every error of the company section visible. */
export const CompanyRefused: Story = {
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    const company = await acceptTerms(element);
    await pressNext(element);
    await waitFor(() => expect(shadowOf(company).querySelector('.error-summary')).not.toBeNull());
  },
};

/** STEP 1–4 filled in: STEP 5 shows every answer as it will be sent, 確定 submits. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => walkToConfirmation(await wizardIn(canvasElement)),
};

/** 確定 pressed, the upload in flight (this backend never answers): buttons disabled, 「送信中…」. */
export const Submitting: Story = {
  tags: ['!autodocs'],
  parameters: withMockBackend({}, (backend) => backend.failNext({ delayMs: FOREVER_MS })),
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    await walkToConfirmation(element);
    await pressNext(element);
    await waitFor(() => expect(inShadow(element, '[part~="next-button"]').getAttribute('aria-busy')).toBe('true'));
  },
};

/**
 * 確定 answered `500 internal_error`: the alert explains and offers 再試行. Press it: the fault was used
 * up, so the retry (same Idempotency-Key) is accepted and STEP 6 follows.
 */
export const ServerError: Story = {
  tags: ['!autodocs'],
  parameters: { ...withMockBackend({}, (backend) => backend.failNext({ status: 500 })), ...expectHttpErrors(500) },
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    await walkToConfirmation(element);
    await pressNext(element);
    await waitFor(() => expect(shadowOf(element).querySelector('.submit-failure')).not.toBeNull());
  },
};

/** 確定 answered `503` with `Retry-After: 30`: the alert says when to try again. */
export const ServiceUnavailable: Story = {
  tags: ['!autodocs'],
  parameters: { ...withMockBackend({}, (backend) => backend.failNext({ status: 503, retryAfterSeconds: 30 })), ...expectHttpErrors(503) },
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    await walkToConfirmation(element);
    await pressNext(element);
    await waitFor(() => expect(shadowOf(element).querySelector('.submit-failure')).not.toBeNull());
  },
};

/** The backend refused a field the browser accepted (`400 validation_failed`): back to STEP 3, the field marked. */
export const ServerRefusesAField: Story = {
  tags: ['!autodocs'],
  parameters: {
    ...withMockBackend({}, (backend) =>
      backend.failNext({ status: 400, issues: [{ path: ['adminUser', 'email'], message: 'email', code: 'email' }] }),
    ),
    ...expectHttpErrors(400),
  },
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    await walkToConfirmation(element);
    await pressNext(element);
    const adminUser = await expectStep(element, 'cec-admin-user-form');
    await waitFor(() => expect(inShadow(adminUser, '#field-email').getAttribute('aria-invalid')).toBe('true'));
  },
};

/** Submitted: STEP 6 with the receipt number. */
export const Completed: Story = {
  tags: ['!autodocs'],
  parameters: withMockBackend(),
  play: async ({ canvasElement }) => {
    const element = await wizardIn(canvasElement);
    await walkToConfirmation(element);
    await pressNext(element);
    await expectStep(element, 'cec-completion');
  },
};

// ── the invitation cannot be used ──────────────────────────────────────────

/** Waiting for the invitation (this backend never answers). */
export const LoadingInvitation: Story = {
  tags: ['!autodocs'],
  parameters: withMockBackend({ latencyMs: FOREVER_MS }),
};

/** Older than 35 days (`410 invitation_expired`): ask the ordering company for a new link. */
export const InvitationExpired: Story = { args: { token: MOCK_TOKENS.expired }, parameters: expectHttpErrors(410) };

/** Already answered (`409 invitation_used`). */
export const InvitationUsed: Story = { args: { token: MOCK_TOKENS.used }, parameters: expectHttpErrors(409) };

/** Never issued (`404 invitation_not_found`), as is a mistyped link. */
export const InvitationUnknown: Story = { args: { token: MOCK_TOKENS.unknown }, parameters: expectHttpErrors(404) };

/** The backend cannot be reached (a network error): the wizard offers to try again. */
export const BackendUnreachable: Story = {
  tags: ['!autodocs'],
  parameters: {
    msw: { handlers: { backend: [http.get('/api/invitations/:token', () => HttpResponse.error())] } },
    ...expectHttpErrors('network'),
  },
};

// ── languages and themes (the toolbar switches these for every story) ──────

/** In English (`lang="en"`), STEP 2 refused: English messages. */
export const InEnglish: Story = {
  globals: { locale: 'en' },
  play: CompanyRefused.play,
};

/** An ordering company's light green brand, STEP 2 refused: errors and focus in the brand's colours. */
export const ThemeGreen: Story = {
  name: 'Theme: deep green brand',
  globals: { theme: 'green' },
  play: CompanyRefused.play,
};

/** A dark navy brand with large type, STEP 2 refused. */
export const ThemeNavy: Story = {
  name: 'Theme: dark navy brand',
  globals: { theme: 'navy' },
  play: CompanyRefused.play,
};

// ── what a host can change ─────────────────────────────────────────────────

/** Words overridden by key and language (`.messages`): the buttons and a step title. */
export const CustomWords: Story = {
  render: (args, context) =>
    wizard(args, localeOf(context), {
      messages: {
        ja: { buttons: { agreeAndNext: '同意して申込みへ進む' }, steps: { terms: 'ご利用規約' } },
        en: { buttons: { agreeAndNext: 'Agree and start' }, steps: { terms: 'Our terms' } },
      },
    }),
};

/**
 * Data the host holds (`.prefill`), shown read-only or hidden (`.fields`): the corporate number and name
 * are fixed, 所属 and 役職 are not asked. Hidden prefilled values are still submitted.
 */
export const HostPrefillReadonlyAndHidden: Story = {
  render: (args, context) => {
    const { company, adminUser } = validApplication();
    const corporateNumber = 'corporateNumber' in company ? company.corporateNumber : '';
    return wizard(args, localeOf(context), {
      prefill: { company: { corporateNumber, name: company.name }, adminUser: { email: adminUser.email } },
      fields: {
        company: { corporateNumber: { readonly: true }, name: { readonly: true } },
        adminUser: { email: { readonly: true }, department: { hidden: true }, title: { hidden: true } },
      },
    });
  },
  play: PrefilledFromInvitation.play,
};

/**
 * A host's own step (建設業許可) between STEP 3 and STEP 4, given as a child element
 * (`data-step-id="licence" data-after="adminUser"`); its value is submitted as `extensions.licence`.
 */
export const HostStep: Story = {
  render: (args, context) =>
    wizard(args, localeOf(context), {}, html`<story-licence-step data-step-id="licence" data-after="adminUser"></story-licence-step>`),
};

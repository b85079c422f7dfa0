import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/invitation-form/invitation-form.js';
import type { CecInvitationForm } from '../src/components/invitation-form/invitation-form.component.js';
import { MockAdminBackend, STORY_API_KEY } from './support/admin-backend.js';
import { expectHttpErrors, withBackend } from './support/backend.js';
import { fillFields, inShadow, rendered, shadowOf } from './support/walk.js';

interface Args {
  endpoint: string;
  apiKey: string;
}

/** A day: "never answers" for a story that shows a request in flight. */
const FOREVER_MS = 24 * 60 * 60 * 1000;

const PARTNER = { companyName: '株式会社山田建設', contactName: '山田 花子', email: 'hanako@example.co.jp' };

// The ordering company's side (発注者), against a mock of the admin API.
const meta: Meta<Args> = {
  title: 'Ordering company/cec-invitation-form',
  component: 'cec-invitation-form',
  decorators: [withActions],
  parameters: {
    storiesNote: `MSW answers the admin API in the browser. The stories' API key is \`storybook-demo-key\`;
any other key is refused with \`401 unauthorized\`.`,
    usage: `<cec-invitation-form endpoint="https://portal.example.com/api"></cec-invitation-form>
<script type="module">
  const form = document.querySelector('cec-invitation-form');
  form.apiKey = keyFromYourSession; // a property only: never an attribute, where the DOM would show it
  form.addEventListener('cec-invitation-created', (event) => refreshList(event.detail.id));
</script>`,
    actions: { handles: ['cec-invitation-created', 'cec-invitation-resent'] },
    ...withBackend(new MockAdminBackend()),
  },
  args: { endpoint: '/api', apiKey: STORY_API_KEY },
  render: (args) => html`<cec-invitation-form endpoint=${args.endpoint} .apiKey=${args.apiKey}></cec-invitation-form>`,
};
export default meta;

type Story = StoryObj<Args>;

const formIn = (canvasElement: HTMLElement) => rendered<CecInvitationForm>(canvasElement, 'cec-invitation-form');

/** Types the partner, leaving prefill and branding as they are. */
async function fillPartner(form: CecInvitationForm): Promise<void> {
  await fillFields(form, PARTNER);
}

async function submit(form: CecInvitationForm): Promise<void> {
  await userEvent.click(inShadow(form, '[part~="submit-button"]'));
}

async function submitAndWaitForLink(form: CecInvitationForm): Promise<void> {
  await fillPartner(form);
  await submit(form);
  await waitFor(() => expect(shadowOf(form).querySelector('#invitation-url')).not.toBeNull());
}

/** Nothing typed. */
export const Empty: Story = {};

/** 招待リンクを発行する on an empty form: the summary links to each missing field. */
export const ErrorsVisible: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await submit(form);
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** The partner typed, both optional sections opened: prefill (法人, its corporate number) and branding. */
export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillPartner(form);
    for (const summary of shadowOf(form).querySelectorAll('summary')) await userEvent.click(summary);
    await userEvent.selectOptions(inShadow<HTMLSelectElement>(form, '#field-prefillKind'), 'corporation');
    await fillFields(form, {
      prefillCorporateNumber: '7000012050002',
      prefillNameKana: 'ヤマダケンセツ',
      displayName: '大手ゼネコン株式会社',
      logoUrl: 'https://example.com/logo.svg',
      primaryColor: '#0b6e4f',
    });
  },
};

/** Branding that breaks the rules: a logo over http, a colour that is not `#rrggbb`. */
export const InvalidBranding: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillPartner(form);
    await userEvent.click(shadowOf(form).querySelectorAll('summary')[1]!);
    await fillFields(form, { logoUrl: 'http://example.com/logo.png', primaryColor: 'green' });
    await submit(form);
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** Issuing, the admin API slow to answer (this one never does): the button says so and waits. */
export const Submitting: Story = {
  tags: ['!autodocs'],
  parameters: withBackend(new MockAdminBackend(), (admin) => admin.failNext({ delayMs: FOREVER_MS })),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillPartner(form);
    await submit(form);
    await waitFor(() => expect(inShadow(form, '[part~="submit-button"]').getAttribute('aria-busy')).toBe('true'));
  },
};

/** Issued: the link to copy, its expiry (Japan time) and 「再送」. */
export const Issued: Story = {
  play: async ({ canvasElement }) => submitAndWaitForLink(await formIn(canvasElement)),
};

/** 「再送」 pressed: a new link, and a warning that the old one no longer works. */
export const Resent: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await submitAndWaitForLink(form);
    await userEvent.click(inShadow(form, '[part~="resend-button"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('.result .warning')).not.toBeNull());
  },
};

/** A key the admin API does not know (`401 unauthorized`). */
export const Unauthorized: Story = {
  args: { apiKey: 'revoked-key' },
  parameters: expectHttpErrors(401),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillPartner(form);
    await submit(form);
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="failure"]')).not.toBeNull());
  },
};

/** No key given to the form at all: said before anything is sent. */
export const MissingApiKey: Story = {
  args: { apiKey: '' },
  play: Unauthorized.play,
};

/** The admin API failed (`500`): the message offers 再試行, which then succeeds. */
export const ServerError: Story = {
  tags: ['!autodocs'],
  parameters: { ...withBackend(new MockAdminBackend(), (admin) => admin.failNext({ status: 500 })), ...expectHttpErrors(500) },
  play: Unauthorized.play,
};

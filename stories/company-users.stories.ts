import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import '../src/components/company-users/company-users.js';
import { MOCK_PARTNER } from '../src/mocks/partner-admin.js';
import { expectHttpErrors } from './support/backend.js';
import { FOREVER_MS, storySession, withPartnerBackend } from './support/partner-backend.js';

interface Args {
  userId: string;
}

// 付録 管理者業務 自社利用者照会: the company's users, their 権限 and whether each can sign.
const meta: Meta<Args> = {
  title: 'After the application/4 cec-company-users',
  component: 'cec-company-users',
  decorators: [withActions],
  parameters: {
    storiesNote: 'MSW answers the partner routes in the browser, signed in as the administrator unless the story says otherwise.',
    usage: `<cec-company-users endpoint="/api"></cec-company-users>
<script type="module">
  const users = document.querySelector('cec-company-users');
  users.session = sessionFromSignIn;
  document.addEventListener('cec-user-registered', () => users.reload());
</script>`,
    actions: { handles: ['cec-error'] },
    ...withPartnerBackend(),
  },
  args: { userId: MOCK_PARTNER.adminUserId },
  render: (args, context) => html`<cec-company-users endpoint="/api" .session=${storySession(context, args.userId)}></cec-company-users>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The administrator (awaiting 有効性確認) and a general user without a certificate. */
export const List: Story = {};

/** One of them can sign: the administrator confirmed the certificate. */
export const CanSign: Story = {
  parameters: withPartnerBackend({ adminCertificateActive: true }),
};

/** Loading (the answer never comes). */
export const Loading: Story = {
  tags: ['!autodocs'],
  parameters: withPartnerBackend({}, (backend) => backend.failNext({ delayMs: FOREVER_MS })),
};

/** A general user may not look (`403 not_admin`). */
export const NotAdministrator: Story = {
  args: { userId: 'L0000002' },
  parameters: expectHttpErrors(403),
};

/** The backend failed (`500`): 再試行 loads the list. */
export const ServerError: Story = {
  parameters: { ...withPartnerBackend({}, (backend) => backend.failNext({ status: 500 })), ...expectHttpErrors(500) },
};

/**
 * 375 px wide (the element answers to its own width, not the window's): each user is one block, its labels
 * beside the values (above them below 22rem, as on a 375 px phone's page with margins; a table from 40rem).
 */
export const Narrow: Story = {
  render: (args, context) => html`<div style="inline-size: 375px; max-inline-size: 100%">${meta.render!(args, context)}</div>`,
};

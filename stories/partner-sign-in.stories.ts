import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/partner-sign-in/partner-sign-in.js';
import type { CecPartnerSignIn } from '../src/components/partner-sign-in/partner-sign-in.component.js';
import { MOCK_PARTNER } from '../src/mocks/partner-admin.js';
import { expectHttpErrors } from './support/backend.js';
import { FOREVER_MS, withPartnerBackend } from './support/partner-backend.js';
import { fillFields, inShadow, rendered, shadowOf } from './support/walk.js';

// 4② 事前準備の操作 1: the administrator signs in with mails ① and ② and changes the first password.
const meta: Meta = {
  title: 'After the application/1 cec-partner-sign-in',
  component: 'cec-partner-sign-in',
  decorators: [withActions],
  parameters: {
    storiesNote: `MSW answers the partner routes in the browser. The 管理用ID is \`${MOCK_PARTNER.adminUserId}\`, the first password \`${MOCK_PARTNER.initialPassword}\`.`,
    usage: `<cec-partner-sign-in endpoint="/api"></cec-partner-sign-in>
<script type="module">
  document.querySelector('cec-partner-sign-in').addEventListener('cec-signed-in', (event) => {
    for (const element of document.querySelectorAll('cec-company-users, cec-company-user-form')) element.session = event.detail.session;
  });
</script>`,
    actions: { handles: ['cec-signed-in', 'cec-error'] },
    ...withPartnerBackend(),
  },
  render: () => html`<cec-partner-sign-in endpoint="/api"></cec-partner-sign-in>`,
};
export default meta;

type Story = StoryObj;

const signInIn = (canvasElement: HTMLElement) => rendered<CecPartnerSignIn>(canvasElement, 'cec-partner-sign-in');

async function signIn(element: CecPartnerSignIn, password: string): Promise<void> {
  await fillFields(element, { userId: MOCK_PARTNER.adminUserId, password });
  await userEvent.click(inShadow(element, '[part~="submit-button"]'));
}

async function failureShown(element: CecPartnerSignIn): Promise<void> {
  await waitFor(() => expect(shadowOf(element).querySelector('[part~="failure"]')).not.toBeNull());
}

async function toPasswordChange(element: CecPartnerSignIn): Promise<void> {
  await signIn(element, MOCK_PARTNER.initialPassword);
  await waitFor(() => expect(shadowOf(element).querySelector('#field-newPassword')).not.toBeNull());
}

/** Nothing typed. */
export const Empty: Story = {};

/** ログイン with nothing typed: each field named in the summary. */
export const ErrorsVisible: Story = {
  play: async ({ canvasElement }) => {
    const element = await signInIn(canvasElement);
    await userEvent.click(inShadow(element, '[part~="submit-button"]'));
    await waitFor(() => expect(shadowOf(element).querySelector('.error-summary')).not.toBeNull());
  },
};

/** A wrong password: the message warns of the lock after repeated failures. */
export const WrongPassword: Story = {
  parameters: expectHttpErrors(401),
  play: async ({ canvasElement }) => {
    const element = await signInIn(canvasElement);
    await signIn(element, 'wrong-password');
    await failureShown(element);
  },
};

/** The 利用者ID is locked after repeated failures (`423 account_locked`). */
export const Locked: Story = {
  parameters: { ...withPartnerBackend({}, (backend) => backend.failNext({ status: 423, code: 'account_locked', retryAfterSeconds: 1800 })), ...expectHttpErrors(423) },
  play: WrongPassword.play,
};

/** Waiting for the answer (this one never comes). */
export const SigningIn: Story = {
  tags: ['!autodocs'],
  parameters: withPartnerBackend({}, (backend) => backend.failNext({ delayMs: FOREVER_MS })),
  play: async ({ canvasElement }) => {
    const element = await signInIn(canvasElement);
    await signIn(element, MOCK_PARTNER.initialPassword);
    await waitFor(() => expect(inShadow(element, '[part~="submit-button"]').getAttribute('aria-busy')).toBe('true'));
  },
};

/** The first sign-in: the password must be changed before anything else. */
export const PasswordChange: Story = {
  play: async ({ canvasElement }) => toPasswordChange(await signInIn(canvasElement)),
};

/** A new password that breaks the policy, and a confirmation that differs. */
export const PasswordPolicyErrors: Story = {
  play: async ({ canvasElement }) => {
    const element = await signInIn(canvasElement);
    await toPasswordChange(element);
    await fillFields(element, { newPassword: 'short1', confirmation: 'short2' });
    await userEvent.click(inShadow(element, '[part~="submit-button"]'));
    await waitFor(() => expect(shadowOf(element).querySelector('.error-summary')).not.toBeNull());
  },
};

/** Changed: signed in with a password of one's own. */
export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    const element = await signInIn(canvasElement);
    await toPasswordChange(element);
    await fillFields(element, { newPassword: 'kensetsu2027', confirmation: 'kensetsu2027' });
    await userEvent.click(inShadow(element, '[part~="submit-button"]'));
    await waitFor(() => expect(shadowOf(element).querySelector('[part~="result"]')).not.toBeNull());
  },
};

/** The backend cannot be reached: the message offers 再試行. */
export const NetworkFailure: Story = {
  tags: ['!autodocs'],
  parameters: { ...withPartnerBackend({}, (backend) => backend.failNext({ network: true })), ...expectHttpErrors('network') },
  play: WrongPassword.play,
};

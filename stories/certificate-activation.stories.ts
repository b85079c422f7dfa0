import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/certificate-activation/certificate-activation.js';
import type { CecCertificateActivation } from '../src/components/certificate-activation/certificate-activation.component.js';
import { MOCK_PARTNER } from '../src/mocks/partner-admin.js';
import { expectHttpErrors } from './support/backend.js';
import { storySession, withPartnerBackend } from './support/partner-backend.js';
import { fillFields, inShadow, rendered, shadowOf } from './support/walk.js';

interface Args {
  userId: string;
}

// 4② 事前準備の操作 2: 証明書の有効性確認 with the PIN of mail ⑤.
const meta: Meta<Args> = {
  title: 'After the application/2 cec-certificate-activation',
  component: 'cec-certificate-activation',
  decorators: [withActions],
  parameters: {
    storiesNote: `MSW answers the partner routes in the browser. The PIN of every mock certificate is \`${MOCK_PARTNER.pin}\`.`,
    usage: `<cec-certificate-activation endpoint="/api"></cec-certificate-activation>
<script type="module">
  document.querySelector('cec-certificate-activation').sessionProvider = () => mySession.token;
</script>`,
    actions: { handles: ['cec-certificate-activated', 'cec-error'] },
    ...withPartnerBackend(),
  },
  args: { userId: MOCK_PARTNER.adminUserId },
  render: (args, context) => html`<cec-certificate-activation endpoint="/api" .session=${storySession(context, args.userId)}></cec-certificate-activation>`,
};
export default meta;

type Story = StoryObj<Args>;

/** No fault for the call that loads the user (`GET /me`): the one after it fails. */
const LOADED = { delayMs: 0 };

const activationIn = (canvasElement: HTMLElement) => rendered<CecCertificateActivation>(canvasElement, 'cec-certificate-activation');

async function submitPin(element: CecCertificateActivation, pin: string): Promise<void> {
  await waitFor(() => expect(shadowOf(element).querySelector('#field-pin')).not.toBeNull());
  await fillFields(element, { pin });
  await userEvent.click(inShadow(element, '[part~="submit-button"]'));
}

/** The administrator's certificate, waiting for its PIN. */
export const AskingForPin: Story = {};

/** A wrong PIN: how many tries are left, at the field. */
export const WrongPin: Story = {
  parameters: expectHttpErrors(400),
  play: async ({ canvasElement }) => {
    const element = await activationIn(canvasElement);
    await submitPin(element, '00000000');
    await waitFor(() => expect(shadowOf(element).querySelector('.error-summary')).not.toBeNull());
  },
};

/** Too many wrong PINs (`423 pin_locked` on the PIN sent): whom to write to. */
export const Locked: Story = {
  parameters: { ...withPartnerBackend({}, (backend) => backend.failNext(LOADED, { status: 423, code: 'pin_locked' })), ...expectHttpErrors(423) },
  play: async ({ canvasElement }) => {
    const element = await activationIn(canvasElement);
    await submitPin(element, '00000000');
    await waitFor(() => expect(shadowOf(element).querySelector('[part~="failure"]')).not.toBeNull());
  },
};

/** The right PIN: the user can sign. */
export const Activated: Story = {
  play: async ({ canvasElement }) => {
    const element = await activationIn(canvasElement);
    await submitPin(element, MOCK_PARTNER.pin);
    await waitFor(() => expect(shadowOf(element).querySelector('[part~="result"]')).not.toBeNull());
  },
};

/** A user without a certificate: nothing to confirm. */
export const NoCertificate: Story = {
  args: { userId: 'L0000002' },
};

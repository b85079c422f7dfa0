import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/signer-certificate-form/signer-certificate-form.js';
import type { CecSignerCertificateForm, SignerMethod } from '../src/components/signer-certificate-form/signer-certificate-form.component.js';
import { expectHttpErrors } from './support/backend.js';
import { storySession, withPartnerBackend } from './support/partner-backend.js';
import { fillFields, inShadow, rendered, shadowOf } from './support/walk.js';

interface Args {
  userId: string;
  method: SignerMethod;
}

// 付録 ②電子証明書を紐付ける操作: a new certificate for a user, or an issued one linked.
const meta: Meta<Args> = {
  title: 'After the application/5 cec-signer-certificate-form',
  component: 'cec-signer-certificate-form',
  decorators: [withActions],
  parameters: {
    storiesNote: 'MSW answers the partner routes in the browser, signed in as the administrator. `L0000002` has no certificate; `C0000002` is issued and linked to nobody.',
    usage: `<cec-signer-certificate-form endpoint="/api" user-id="L0000002"></cec-signer-certificate-form>
<script type="module">
  const form = document.querySelector('cec-signer-certificate-form');
  form.session = sessionFromSignIn;
  form.addEventListener('cec-certificate-requested', (event) => console.log(event.detail.requestNumber));
</script>`,
    actions: { handles: ['cec-certificate-requested', 'cec-certificate-linked', 'cec-error'] },
    ...withPartnerBackend(),
  },
  args: { userId: '', method: 'newCertificate' },
  argTypes: { method: { control: 'inline-radio', options: ['newCertificate', 'issuedCertificate'] } },
  render: (args, context) =>
    html`<cec-signer-certificate-form endpoint="/api" user-id=${args.userId} method=${args.method} .session=${storySession(context)}></cec-signer-certificate-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** No fault for the three calls that load the company, its users and its certificates. */
const LOADED = [{ delayMs: 0 }, { delayMs: 0 }, { delayMs: 0 }];

const formIn = async (canvasElement: HTMLElement) => {
  const form = await rendered<CecSignerCertificateForm>(canvasElement, 'cec-signer-certificate-form');
  await waitFor(() => expect(shadowOf(form).querySelector('select')).not.toBeNull());
  return form;
};

/** Types the role of a new certificate into STEP 4's element inside the form. */
async function fillCertificate(form: CecSignerCertificateForm): Promise<void> {
  const certificateForm = inShadow(form, 'cec-cert-info-form');
  await fillFields(certificateForm, { departmentJa: '工事部', departmentAlpha: 'KOJIBU', titleJa: '課長', titleAlpha: 'KACHO' });
}

async function toConfirmation(form: CecSignerCertificateForm): Promise<void> {
  await fillCertificate(form);
  await userEvent.click(inShadow(form, '[part~="confirm-button"]'));
  await waitFor(() => expect(shadowOf(form).querySelector('cec-confirmation')).not.toBeNull());
}

/** ①: choose a user, the certificate's role to type, the company name fixed. */
export const NewCertificate: Story = {};

/** 確認 with nothing chosen or typed. */
export const ErrorsVisible: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await userEvent.click(inShadow(form, '[part~="confirm-button"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** ① checked before it is sent: it cannot be changed after issuance. */
export const Confirmation: Story = {
  args: { userId: 'L0000002' },
  play: async ({ canvasElement }) => toConfirmation(await formIn(canvasElement)),
};

/** ① requested: the PIN mail arrives in 2–3 days. */
export const Requested: Story = {
  args: { userId: 'L0000002' },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await toConfirmation(form);
    await userEvent.click(inShadow(form, '[part~="submit-button"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="result"]')).not.toBeNull());
  },
};

/** ②: the company's issued certificates to choose from. */
export const IssuedCertificate: Story = {
  args: { userId: 'L0000002', method: 'issuedCertificate' },
};

/** ② linked: the user signs after 証明書有効性確認. */
export const Linked: Story = {
  args: { userId: 'L0000002', method: 'issuedCertificate' },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await userEvent.click(inShadow(form, '#field-certificate'));
    await userEvent.click(inShadow(form, '[part~="submit-button"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="result"]')).not.toBeNull());
  },
};

/** The backend failed (`500`) on 確定: 再試行 sends the same request under the same key. */
export const ServerError: Story = {
  args: { userId: 'L0000002' },
  parameters: { ...withPartnerBackend({}, (backend) => backend.failNext(...LOADED, { status: 500 })), ...expectHttpErrors(500) },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await toConfirmation(form);
    await userEvent.click(inShadow(form, '[part~="submit-button"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="failure"]')).not.toBeNull());
  },
};

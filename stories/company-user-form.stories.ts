import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/company-user-form/company-user-form.js';
import type { CecCompanyUserForm } from '../src/components/company-user-form/company-user-form.component.js';
import { expectHttpErrors } from './support/backend.js';
import { FOREVER_MS, storySession, withPartnerBackend } from './support/partner-backend.js';
import { fillFields, inShadow, rendered, shadowOf } from './support/walk.js';

// 付録 ①IDの追加: 自社利用者情報登録 → 確認 → 確定.
const meta: Meta = {
  title: 'After the application/3 cec-company-user-form',
  component: 'cec-company-user-form',
  decorators: [withActions],
  parameters: {
    storiesNote: 'MSW answers the partner routes in the browser, signed in as the administrator. `jiro@example.co.jp` is taken.',
    usage: `<cec-company-user-form endpoint="/api"></cec-company-user-form>
<script type="module">
  const form = document.querySelector('cec-company-user-form');
  form.session = sessionFromSignIn; // or form.sessionProvider = () => …
  form.addEventListener('cec-user-registered', (event) => console.log(event.detail.user.userId));
</script>`,
    actions: { handles: ['cec-user-registered', 'cec-change', 'cec-error'] },
    ...withPartnerBackend(),
  },
  render: (_args, context) => html`<cec-company-user-form endpoint="/api" .session=${storySession(context)}></cec-company-user-form>`,
};
export default meta;

type Story = StoryObj;

const formIn = (canvasElement: HTMLElement) => rendered<CecCompanyUserForm>(canvasElement, 'cec-company-user-form');

/** The appendix's example user (付録 ⑧), the kana typed in hiragana. */
async function fillUser(form: CecCompanyUserForm, email = 'mmtstuser2@example.jp'): Promise<void> {
  await fillFields(form, { name: '佐藤 次郎', nameKana: 'さとう じろう', email });
}

async function toConfirmation(form: CecCompanyUserForm, email?: string): Promise<void> {
  await fillUser(form, email);
  await userEvent.click(inShadow(form, '[part~="confirm-button"]'));
  await waitFor(() => expect(shadowOf(form).querySelector('cec-confirmation')).not.toBeNull());
}

async function register(form: CecCompanyUserForm, email?: string): Promise<void> {
  await toConfirmation(form, email);
  await userEvent.click(inShadow(form, '[part~="submit-button"]'));
}

/** Nothing typed; 権限 一般. */
export const Empty: Story = {};

/** 確認 with nothing typed, and bad input: kanji in the kana, a phone that is not Japanese. */
export const ErrorsVisible: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillFields(form, { nameKana: '佐藤ジロウ', phone: '12345' });
    await userEvent.click(inShadow(form, '[part~="confirm-button"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** 自社利用者情報登録確認: every value as it will be sent, 確定 / 戻る. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => toConfirmation(await formIn(canvasElement)),
};

/** 確定 waiting for the answer (this one never comes). */
export const Registering: Story = {
  tags: ['!autodocs'],
  parameters: withPartnerBackend({}, (backend) => backend.failNext({ delayMs: FOREVER_MS })),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await register(form);
    await waitFor(() => expect(inShadow(form, '[part~="submit-button"]').getAttribute('aria-busy')).toBe('true'));
  },
};

/** Registered: the 利用者ID, and the mail of ID and first password sent to the user. */
export const Registered: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await register(form);
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="result"]')).not.toBeNull());
  },
};

/** The address belongs to a user already (`409 email_taken`): back at the field. */
export const EmailTaken: Story = {
  parameters: expectHttpErrors(409),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await register(form, 'jiro@example.co.jp');
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** The backend failed (`500`): 再試行 sends the same request under the same key. */
export const ServerError: Story = {
  parameters: { ...withPartnerBackend({}, (backend) => backend.failNext({ status: 500 })), ...expectHttpErrors(500) },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await register(form);
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="failure"]')).not.toBeNull());
  },
};

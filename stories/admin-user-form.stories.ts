import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/components/admin-user-form/admin-user-form.js';
import type { AdminUserDraft } from '../src/components/shared/draft.js';
import type { FieldOptions } from '../src/components/shared/form-state.js';
import { validApplication } from '../src/mocks/fixtures.js';
import { showErrors } from './support/render.js';

interface Args {
  value: AdminUserDraft;
  fields: Record<string, FieldOptions>;
}

/** As the applicant types them: hyphens in the phone number, hiragana in the kana (both normalised). */
const TYPED: AdminUserDraft = { ...validApplication().adminUser, nameKana: 'やまだ はなこ', phone: '03-3595-4610' };

// STEP 3 利用者情報入力, standing alone: the person who gets the 管理用ID. (A line comment: a JSDoc block here
// would replace the docs page's description, which preview.ts builds from custom-elements.json.)
const meta: Meta<Args> = {
  title: 'Steps/STEP 3 cec-admin-user-form',
  component: 'cec-admin-user-form',
  parameters: {
    usage: `<cec-admin-user-form></cec-admin-user-form>
<script type="module">
  const form = document.querySelector('cec-admin-user-form');
  form.value = { email: 'hanako@example.co.jp' };   // prefilled values are checked at once
  form.fields = { email: { readonly: true } };        // or { hidden: true }
  form.addEventListener('cec-change', (event) => console.log(event.value));
</script>`,
  },
  args: { value: {}, fields: {} },
  render: (args) => html`<cec-admin-user-form .value=${args.value} .fields=${args.fields}></cec-admin-user-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed: no error before 次へ. */
export const Empty: Story = {};

/** Filled in as a person types (hyphens, hiragana): valid, normalised when sent. */
export const Filled: Story = { args: { value: TYPED } };

/** After 次へ on an empty form: the required fields reported, the optional ones (所属, 役職) not. */
export const ErrorsVisible: Story = {
  render: () => html`<cec-admin-user-form .value=${{}} ${showErrors}></cec-admin-user-form>`,
};

/** Values that break the rules: the alphabet in the kana, a short phone number, an address without a domain. */
export const InvalidValues: Story = {
  render: () =>
    html`<cec-admin-user-form
      .value=${{ ...TYPED, nameKana: 'Hanako Yamada', phone: '03-3595', email: 'hanako@' }}
      ${showErrors}
    ></cec-admin-user-form>`,
};

/** The ordering company already holds the address (read-only) and has no use for 所属 and 役職 (hidden). */
export const ReadonlyAndHiddenFields: Story = {
  args: {
    value: { email: 'hanako@example.co.jp' },
    fields: { email: { readonly: true }, department: { hidden: true }, title: { hidden: true } },
  },
};

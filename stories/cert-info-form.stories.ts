import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/components/cert-info-form/cert-info-form.js';
import type { CertificateDraft } from '../src/components/shared/draft.js';
import { validApplication } from '../src/mocks/fixtures.js';
import { showErrors } from './support/render.js';

interface Args {
  value: CertificateDraft;
  companyNameJa: string;
}

const APPLICATION = validApplication();

// STEP 4 証明書情報入力, standing alone: what the electronic certificate will carry.
const meta: Meta<Args> = {
  title: 'Steps/STEP 4 cec-cert-info-form',
  component: 'cec-cert-info-form',
  parameters: {
    usage: `<cec-cert-info-form company-name-ja="株式会社山田建設"></cec-cert-info-form>
<script type="module">
  const form = document.querySelector('cec-cert-info-form');
  form.addEventListener('cec-change', (event) => console.log(event.value));
</script>`,
  },
  args: { value: {}, companyNameJa: APPLICATION.company.name },
  render: (args) => html`<cec-cert-info-form .value=${args.value} company-name-ja=${args.companyNameJa}></cec-cert-info-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing typed; the Japanese company name comes from STEP 2. */
export const Empty: Story = {};

/** Standing alone without STEP 2's name: the read-only value says so. */
export const WithoutCompanyName: Story = { args: { companyNameJa: '' } };

/** Filled in: the role seal of the company's president. */
export const Filled: Story = { args: { value: { ...APPLICATION.certificate } } };

/** After 次へ on an empty form: every field reported. */
export const ErrorsVisible: Story = {
  render: (args) => html`<cec-cert-info-form .value=${{}} company-name-ja=${args.companyNameJa} ${showErrors}></cec-cert-info-form>`,
};

/**
 * Values that break the rules: a company form word in the alphabet name (CO., LTD.), Japanese in an
 * alphabet field, and 部署名 + 役職名 (アルファベット) over 60 characters together (the counter turns red).
 */
export const InvalidValues: Story = {
  render: (args) =>
    html`<cec-cert-info-form
      .value=${{
        companyNameAlpha: 'YAMADA KENSETSU CO., LTD.',
        departmentJa: '本社',
        departmentAlpha: 'HEAD OFFICE GENERAL AFFAIRS AND ACCOUNTING DEPARTMENT',
        titleJa: '社長',
        titleAlpha: 'REPRESENTATIVE DIRECTOR',
      }}
      company-name-ja=${args.companyNameJa}
      ${showErrors}
    ></cec-cert-info-form>`,
};

/** Japanese typed where the alphabet is asked for. */
export const JapaneseInAlphabetFields: Story = {
  args: { value: { ...APPLICATION.certificate, departmentAlpha: '本社', titleAlpha: 'しゃちょう' } },
};

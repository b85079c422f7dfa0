import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/components/terms-consent/terms-consent.js';
import type { TermsDraft } from '../src/components/shared/draft.js';
import { showErrors } from './support/render.js';

interface Args {
  value: TermsDraft;
  serviceTermsUrl: string;
  certificateTermsUrl: string;
}

// STEP 1 利用規約確認, standing alone.
const meta: Meta<Args> = {
  title: 'Steps/STEP 1 cec-terms-consent',
  component: 'cec-terms-consent',
  parameters: {
    usage: `<cec-terms-consent
  service-terms-url="https://www.construction-ec.com/cectrust-light/member/download.html"
  certificate-terms-url="https://www.construction-ec.com/cectrust-light/member/download.html"
></cec-terms-consent>
<script type="module">
  const terms = document.querySelector('cec-terms-consent');
  terms.addEventListener('cec-change', (event) => console.log(event.value)); // { service: true, certificate: false }
  // terms.validate() shows the errors and tells whether both boxes are ticked
</script>`,
  },
  args: {
    value: {},
    serviceTermsUrl: 'https://www.construction-ec.com/cectrust-light/member/download.html',
    certificateTermsUrl: 'https://www.construction-ec.com/cectrust-light/member/download.html',
  },
  render: (args) =>
    html`<cec-terms-consent
      .value=${args.value}
      service-terms-url=${args.serviceTermsUrl}
      certificate-terms-url=${args.certificateTermsUrl}
    ></cec-terms-consent>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing ticked yet: no error is shown before the user has pressed 次へ. */
export const Empty: Story = {};

/** Both terms accepted. */
export const Agreed: Story = { args: { value: { service: true, certificate: true } } };

/** After a refused 次へ with one box left: the error summary links to the box, the box says what is missing. */
export const ErrorsVisible: Story = {
  args: { value: { service: true } },
  render: (args) => html`<cec-terms-consent .value=${args.value} ${showErrors}></cec-terms-consent>`,
};

/** Nothing ticked, then 次へ: both consents reported. */
export const AllErrorsVisible: Story = {
  render: () => html`<cec-terms-consent .value=${{}} ${showErrors}></cec-terms-consent>`,
};

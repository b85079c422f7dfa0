import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/components/completion/completion.js';

interface Args {
  receiptNumber: string;
  email: string;
  supportEmail: string;
}

// STEP 6 申請完了, standing alone.
const meta: Meta<Args> = {
  title: 'Steps/STEP 6 cec-completion',
  component: 'cec-completion',
  parameters: {
    usage: `<cec-completion receipt-number="2611250001" email="hanako@example.co.jp"></cec-completion>`,
  },
  args: { receiptNumber: '2611250001', email: 'hanako@example.co.jp', supportEmail: 'help-light@construction-ec.com' },
  render: (args) =>
    html`<cec-completion
      receipt-number=${args.receiptNumber}
      email=${args.email}
      support-email=${args.supportEmail}
    ></cec-completion>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The receipt number, where the six mails go, and whom to write to when they do not arrive. */
export const Completed: Story = {};

/** An ordering company that answers its partners' questions itself (`support-email`). */
export const OwnSupportAddress: Story = { args: { supportEmail: 'partners@ote-genecon.example.jp' } };

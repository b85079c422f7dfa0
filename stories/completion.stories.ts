import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/completion/completion.js';
import type { CecCompletion } from '../src/components/completion/completion.component.js';
import { inShadow, rendered } from './support/walk.js';

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

/**
 * A clipboard that takes (`accepts`) or refuses the number, for the story only: Storybook's clicks are
 * not a person's gesture, so the browser's own clipboard would always refuse.
 */
function withClipboard(accepts: boolean): () => () => void {
  return () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => (accepts ? Promise.resolve() : Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))) },
    });
    return () => delete (navigator as { clipboard?: unknown }).clipboard;
  };
}

/** Presses 「コピー」 and waits for the announcement. */
async function pressCopy(canvasElement: HTMLElement): Promise<void> {
  const element = await rendered<CecCompletion>(canvasElement, 'cec-completion');
  await userEvent.click(inShadow(element, '[part~="copy-button"]'));
  await waitFor(() => expect(inShadow(element, '[role="status"]').textContent).not.toBe(''));
}

/** 「コピー」 pressed: the receipt number is on the clipboard, and 「コピーしました」 is announced. */
export const Copied: Story = { beforeEach: withClipboard(true), play: ({ canvasElement }) => pressCopy(canvasElement) };

/** 「コピー」 pressed where the clipboard refuses (a page over http, a denied permission): the number is selected for the user to copy. */
export const ClipboardRefused: Story = { beforeEach: withClipboard(false), play: ({ canvasElement }) => pressCopy(canvasElement) };

import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/certificate-renewal-form/certificate-renewal-form.js';
import type { CecCertificateRenewalForm } from '../src/components/certificate-renewal-form/certificate-renewal-form.component.js';
import { MockRenewalBackend } from '../src/mocks/renewal.js';
import { expectHttpErrors, withBackend } from './support/backend.js';
import { fillFields, inShadow, rendered, shadowOf } from './support/walk.js';

interface Args {
  endpoint: string;
  operatorCodePattern: string;
}

/** 00:30 on 1 April 2027 in Tokyo (still 31 March in UTC): every story shows the same dates. */
const STORY_NOW = new Date('2027-03-31T15:30:00Z');
const storyClock = () => STORY_NOW;
/** A day: "never answers" for a story that shows a request in flight. */
const FOREVER_MS = 24 * 60 * 60 * 1000;

const backend = () => new MockRenewalBackend({ now: storyClock });

// The in-house RA's bulk renewal of client certificates, against the MSW renewal backend.
const meta: Meta<Args> = {
  title: 'Certificate renewal/cec-certificate-renewal-form',
  component: 'cec-certificate-renewal-form',
  decorators: [withActions],
  parameters: {
    storiesNote: `MSW answers \`GET /expiring-certificates\` and \`POST /renewal-requests\` in the browser. The stories'
clock is fixed at 2027-04-01 00:30 Japan time, so the 179-day limit is 2027-09-27.`,
    usage: `<cec-certificate-renewal-form endpoint="https://ra.example.co.jp/api" autoload></cec-certificate-renewal-form>
<script type="module">
  const form = document.querySelector('cec-certificate-renewal-form');
  form.apiKey = raContactKey; // a property only; sent as Authorization: Bearer
  form.addEventListener('cec-renewal-submitted', (event) => console.log(event.detail.requestNumber));
</script>`,
    actions: { handles: ['cec-renewal-submitted', 'cec-renewal-error', 'cec-renewal-imported'] },
    ...withBackend(backend()),
  },
  args: { endpoint: '/api', operatorCodePattern: '' },
  render: (args) =>
    html`<cec-certificate-renewal-form
      endpoint=${args.endpoint}
      operator-code-pattern=${args.operatorCodePattern}
      no-resume
      .now=${storyClock}
    ></cec-certificate-renewal-form>`,
};
export default meta;

type Story = StoryObj<Args>;

const formIn = (canvasElement: HTMLElement) => rendered<CecCertificateRenewalForm>(canvasElement, 'cec-certificate-renewal-form');

/** Types into a row's date field (a `cec-date-field`, whose input is in its own shadow root). */
async function typeDate(form: CecCertificateRenewalForm, id: string, text: string): Promise<void> {
  const field = inShadow(form, `#field-${id}`);
  await userEvent.type(inShadow<HTMLInputElement>(field, 'input'), text, { delay: null });
}

async function chooseMedium(form: CecCertificateRenewalForm, rowId: number, medium: string): Promise<void> {
  await userEvent.selectOptions(inShadow<HTMLSelectElement>(form, `#field-row-${rowId}-medium`), medium);
}

/** The first row filled in for a download with a future start, the code typed and confirmed. */
async function fillRequest(form: CecCertificateRenewalForm): Promise<void> {
  await fillFields(form, { operatorCode: 'A1234', 'row-1-commonName': 'gw01.gas.example.co.jp', 'row-1-certificateId': '100001' });
  await userEvent.click(inShadow(form, '#field-operatorCodeConfirmed'));
  await typeDate(form, 'row-1-currentExpiry', '2027/5/31');
  await typeDate(form, 'row-1-validityStart', '2027/5/1');
  await chooseMedium(form, 1, 'download');
  await fillFields(form, { 'row-1-notificationEmail': 'ra@example.co.jp' });
}

async function toConfirmation(form: CecCertificateRenewalForm): Promise<void> {
  await userEvent.click(inShadow(form, 'button[type="submit"]'));
  await waitFor(() => expect(shadowOf(form).querySelector('#confirm-heading')).not.toBeNull());
}

async function send(form: CecCertificateRenewalForm): Promise<void> {
  await userEvent.click(inShadow(form, '.confirmation button.primary'));
}

/** One empty row; the seed's cautions at the top with today's limits. */
export const Empty: Story = {};

/** 入力内容を確認する on an empty form: the summary links to each missing field. */
export const ErrorsVisible: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await userEvent.click(inShadow(form, 'button[type="submit"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** A row filled in: the overlap with the current certificate in days, the ID通知メール address asked for ダウンロード. */
export const Filled: Story = {
  play: async ({ canvasElement }) => fillRequest(await formIn(canvasElement)),
};

/** USBトークン chosen: new or reuse, with the ePass2003 runtime note. */
export const UsbToken: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await chooseMedium(form, 1, 'usbToken');
  },
};

/** A start date in the past: the confirmation box appears, and refusing without it. */
export const PastStartDate: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await typeDate(form, 'row-1-validityStart', '2027/3/20');
    await userEvent.click(inShadow(form, 'button[type="submit"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('#field-row-1-pastStartConfirmed')).not.toBeNull());
  },
};

/** +180 days: refused with the seed's sentence. */
export const StartTooLate: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await typeDate(form, 'row-1-validityStart', '2027/9/28');
    await userEvent.click(inShadow(form, 'button[type="submit"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

/** An Excel paste with full-width digits and bad rows: the import report and each row's errors. */
export const PastedWithBadRows: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    const textarea = inShadow<HTMLTextAreaElement>(form, '#field-pasteText');
    textarea.value = [
      'gw01.gas.example.co.jp\t１００００１\t２０２７／５／３１\t\tＣＤ－Ｒ',
      'gw02.gas.example.co.jp\t100002\t2027/2/30\t\tCD-R',
      '\t100003\t2027/6/30\t\tフロッピー',
    ].join('\n');
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await userEvent.click(inShadow(form, '.import .actions button'));
    await waitFor(() => expect(shadowOf(form).querySelectorAll('fieldset.row')).toHaveLength(3));
  },
};

/** The certificates expiring within 60 days, loaded from the backend. */
export const ExpiringLoaded: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await userEvent.click(shadowOf(form).querySelectorAll<HTMLElement>('.import .actions button')[1]!);
    await waitFor(() => expect(shadowOf(form).querySelectorAll('fieldset.row')).toHaveLength(4));
  },
};

/** The expiring list loaded, then ダウンロード and one address filled into every row that had no medium. */
export const BulkFilled: Story = {
  play: async (context) => {
    await ExpiringLoaded.play!(context);
    const form = await formIn(context.canvasElement);
    await userEvent.selectOptions(inShadow<HTMLSelectElement>(form, '#field-bulkMedium'), 'download');
    await fillFields(form, { bulkEmail: 'ra@example.co.jp' });
    await userEvent.click(inShadow(form, '.bulk button'));
    await waitFor(() => expect(inShadow<HTMLSelectElement>(form, 'fieldset.row select').value).toBe('download'));
  },
};

/** The confirmation view before sending. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillRequest(form);
    await toConfirmation(form);
  },
};

/** Sending, the backend slow to answer (this one never does). */
export const Submitting: Story = {
  tags: ['!autodocs'],
  parameters: withBackend(backend(), (renewal) => renewal.failNext({ delayMs: FOREVER_MS })),
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillRequest(form);
    await toConfirmation(form);
    await send(form);
    await waitFor(() => expect(inShadow(form, '.confirmation button.primary').getAttribute('aria-busy')).toBe('true'));
  },
};

/** Accepted: the request number and what happens next. */
export const Done: Story = {
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillRequest(form);
    await toConfirmation(form);
    await send(form);
    await waitFor(() => expect(shadowOf(form).querySelector('#done-heading')).not.toBeNull());
  },
};

/** Someone other than the registered RA contact (`403 not_ra_contact`). */
export const NotRaContact: Story = {
  parameters: { ...withBackend(backend(), (renewal) => renewal.failNext({ status: 403, code: 'not_ra_contact' })), ...expectHttpErrors(403) },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillRequest(form);
    await toConfirmation(form);
    await send(form);
    await waitFor(() => expect(shadowOf(form).querySelector('[part~="failure"]')).not.toBeNull());
  },
};

/** The backend failed (`500`): 再試行 is offered. */
export const ServerError: Story = {
  tags: ['!autodocs'],
  parameters: { ...withBackend(backend(), (renewal) => renewal.failNext({ status: 500, code: 'internal_error' })), ...expectHttpErrors(500) },
  play: NotRaContact.play,
};

/** A host that knows the 事業者コード format (here four digits) refuses anything else. */
export const OperatorCodeFormat: Story = {
  args: { operatorCodePattern: '\\d{4}' },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await fillFields(form, { operatorCode: 'A1234' });
    await userEvent.click(inShadow(form, 'button[type="submit"]'));
    await waitFor(() => expect(shadowOf(form).querySelector('.error-summary')).not.toBeNull());
  },
};

import type { Meta, StoryObj } from '@storybook/web-components';
import { html, nothing } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import '../src/components/paper-application/paper-application.js';
import type { CecPaperApplication } from '../src/components/paper-application/paper-application.component.js';
import { emptyPaperDraft, type PaperDraft, type PaperStepId } from '../src/components/paper-application/paper-draft.js';
import { MockPaperBackend } from '../src/mocks/paper.js';
import { expectHttpErrors, withBackend } from './support/backend.js';
import { afterRender, localeOf } from './support/render.js';
import { rendered, shadowOf } from './support/walk.js';

interface Args {
  endpoint: string;
  lang: '' | 'ja' | 'en';
}

/** 10:00 on 1 June 2027 in Tokyo: every story measures the 3-month rule from the same day. */
const STORY_NOW = new Date('2027-06-01T01:00:00Z');
const storyClock = () => STORY_NOW;

const backend = () => new MockPaperBackend({ now: storyClock });

const person = { department: '', title: '', address: '', residentAddress: '' };

/** An application filled in for CECTRUST 電子契約 + CECSIGN, as a host restoring a kept one would set it. */
const FILLED: PaperDraft = {
  ...emptyPaperDraft(),
  services: ['cectrustContract', 'cecsign'],
  company: { corporateNumber: '7000012050002', name: '株式会社サンプル建設', nameKana: 'サンプルケンセツ', address: '東京都港区芝浦1-2-3', representative: '代表取締役 見本花子' },
  contact: { ...person, name: '連絡太郎', nameKana: 'レンラク タロウ', department: '総務部', address: '東京都港区芝浦1-2-3', phone: '0311112222', email: 'renraku@example.co.jp' },
  userIdApplicants: [{ ...person, name: '契約次郎', nameKana: 'ケイヤク ジロウ', department: '工事契約部', phone: '0322223333', email: 'keiyaku@example.co.jp' }],
  certificateApplicants: [
    { ...person, name: '署名三郎', nameKana: 'ショメイ サブロウ', title: '工事部長', residentAddress: '神奈川県横浜市中区山下町9', phone: '09011112222', email: 'shomei3@example.co.jp' },
    { ...person, name: '署名四郎', nameKana: 'ショメイ シロウ', residentAddress: '埼玉県さいたま市浦和区高砂7', phone: '09033334444', email: 'shomei4@example.co.jp' },
  ],
  eTokenCount: '2',
  issueDates: { commercialRegistration: '2027-05-10', corporateSealCertificate: '2027-02-28', 'residentRecord-0': '2027-06-05' },
};

/** The same application with every ★ issue date within three months. */
const READY: PaperDraft = {
  ...FILLED,
  issueDates: {
    commercialRegistration: '2027-05-10',
    corporateSealCertificate: '2027-05-10',
    'residentRecord-0': '2027-05-20',
    'personalSealCertificate-0': '2027-05-20',
    'residentRecord-1': '2027-04-01',
    'personalSealCertificate-1': '2027-04-01',
  },
};

function paper(args: Args, lang: 'ja' | 'en', options: { value?: PaperDraft; step?: PaperStepId; showErrors?: boolean } = {}) {
  return html`<cec-paper-application
    endpoint=${args.endpoint}
    lang=${args.lang || lang}
    no-history
    no-resume
    start-step=${options.step ?? ''}
    .value=${options.value ?? emptyPaperDraft()}
    .now=${storyClock}
    ${options.showErrors ? afterRender<CecPaperApplication>((element) => element.validate()) : nothing}
  ></cec-paper-application>`;
}

// The 申請書作成支援ツール of the CECTRUST + CECSIGN paper application, against the MSW paper backend.
const meta: Meta<Args> = {
  title: 'Paper application/cec-paper-application',
  component: 'cec-paper-application',
  decorators: [withActions],
  parameters: {
    storiesNote: `MSW answers \`POST /paper-applications\` in the browser. The stories' clock is fixed at 2027-06-01
(Japan time), so a ★ certificate must be issued on or after 2027-03-01 unless a posting date is given.`,
    usage: `<cec-paper-application endpoint="https://service.example.co.jp/api"></cec-paper-application>
<script type="module">
  const tool = document.querySelector('cec-paper-application');
  tool.addEventListener('cec-paper-stored', (event) => console.log(event.detail.referenceNumber));
  tool.addEventListener('cec-paper-ready', () => console.log('ready to print'));
</script>`,
    actions: { handles: ['cec-step-change', 'cec-validation-failed', 'cec-paper-stored', 'cec-paper-ready', 'cec-paper-error', 'cec-exit'] },
    ...withBackend(backend()),
  },
  args: { endpoint: '/api', lang: '' },
  argTypes: { lang: { control: 'select', options: ['', 'ja', 'en'] } },
  render: (args, context) => paper(args, localeOf(context)),
};
export default meta;

type Story = StoryObj<Args>;

const toolIn = (canvasElement: HTMLElement) => rendered<CecPaperApplication>(canvasElement, 'cec-paper-application');
const headingOf = (tool: CecPaperApplication) => shadowOf(tool).querySelector('#step-heading')?.textContent?.replace(/\s+/g, ' ').trim();

/** STEP 1 サービス選択, nothing chosen. */
export const Services: Story = {};

/** STEP 1 in English (the printed forms stay Japanese). */
export const ServicesEnglish: Story = { args: { lang: 'en' } };

/** STEP 1 after 次へ with nothing chosen: the error summary. */
export const ServicesRefused: Story = {
  render: (args, context) => paper(args, localeOf(context), { showErrors: true }),
};

/** CECSIGN and a 提携電子証明書 together: refused at once. */
export const ServicesConflict: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: { ...emptyPaperDraft(), services: ['cectrustContract', 'cecsign', 'partnerCertificate'] }, showErrors: true }),
};

/** 原本保管 only: no 電子証明書申請者 step. */
export const ArchiveOnly: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: { ...emptyPaperDraft(), services: ['cectrustArchive'] } }),
};

/** STEP 2 法人情報 (様式1), empty, after 次へ. */
export const CompanyRefused: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: { ...emptyPaperDraft(), services: ['cectrustContract'] }, step: 'company', showErrors: true }),
};

/** STEP 3 担当者 (様式4), filled, the 請求担当者 the same as the 連絡担当者. */
export const Contacts: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: FILLED, step: 'contacts' }),
};

/** STEP 3 with a 請求担当者 of their own, not yet filled, after 次へ. */
export const ContactsSeparateBilling: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: { ...FILLED, billingSameAsContact: false }, step: 'contacts', showErrors: true }),
};

/** STEP 4 ユーザID申請者 (様式6). */
export const UserIdApplicants: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: FILLED, step: 'userIds' }),
};

/** STEP 5 電子証明書申請者 (様式5/様式3): two applicants, the 本人限定受取郵便 explanation, the eToken count. */
export const CertificateApplicants: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: FILLED, step: 'certificates' }),
};

/** STEP 6 書類チェックリスト: one date within three months, one too old (2/28), one after today, the rest to order. */
export const ChecklistVerdicts: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: FILLED, step: 'checklist' }),
  play: async ({ canvasElement }) => {
    const tool = await toolIn(canvasElement);
    await waitFor(() => expect(shadowOf(tool).querySelectorAll('.verdict-issueDateTooOld')).toHaveLength(1));
  },
};

/** STEP 6 after 次へ with dates that fail the rule: the error summary. */
export const ChecklistRefused: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: FILLED, step: 'checklist', showErrors: true }),
};

/** STEP 6 with a posting date: the reference date moves with it. */
export const ChecklistPostingDate: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: { ...READY, postingDate: '2027-06-10' }, step: 'checklist' }),
};

/** STEP 7 確認. */
export const Confirmation: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: READY, step: 'confirmation' }),
};

/** STEP 8 出力: stored, the reference number on every page (walked from 確認 with 申請書類を作成する). */
export const Output: Story = {
  render: (args, context) => paper(args, localeOf(context), { value: READY, step: 'confirmation' }),
  play: async ({ canvasElement }) => {
    const tool = await toolIn(canvasElement);
    shadowOf(tool).querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    await waitFor(() => expect(shadowOf(tool).querySelectorAll('.page').length).toBe(9));
    await expect(headingOf(tool)).toMatch(/出力|Print/);
  },
};

/** STEP 8 without an endpoint: the same pages, no reference number. */
export const OutputWithoutBackend: Story = {
  args: { endpoint: '' },
  render: (args, context) => paper(args, localeOf(context), { value: READY, step: 'confirmation' }),
  play: async ({ canvasElement }) => {
    const tool = await toolIn(canvasElement);
    shadowOf(tool).querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    await waitFor(() => expect(shadowOf(tool).querySelectorAll('.page').length).toBe(9));
  },
};

/** Storing failed (503): retry, or make the forms without a reference number. */
export const StoreFailed: Story = {
  parameters: { ...withBackend(backend(), (mock) => mock.failNext({ status: 503, code: 'service_unavailable' })), ...expectHttpErrors(503) },
  render: (args, context) => paper(args, localeOf(context), { value: READY, step: 'confirmation' }),
  play: async ({ canvasElement }) => {
    const tool = await toolIn(canvasElement);
    shadowOf(tool).querySelector<HTMLButtonElement>('[part="next-button"]')!.click();
    await waitFor(() => expect(shadowOf(tool).querySelector('.save-failure')).not.toBeNull());
  },
};

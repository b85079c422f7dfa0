import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/components/confirmation/confirmation.js';
import type { ConfirmationSection } from '../src/components/confirmation/confirmation.component.js';
import { emptyDraft, type ApplicationDraft } from '../src/components/shared/draft.js';
import { minimalPdf, validApplication } from '../src/mocks/fixtures.js';
import { inShadow, rendered } from './support/walk.js';

interface Args {
  value: ApplicationDraft;
  extraSections: ConfirmationSection[];
}

/** A 法人's application as typed (full-width digits, hiragana, hyphens): shown normalised, as it will be sent. */
function corporationDraft(): ApplicationDraft {
  const { terms, company, adminUser, certificate } = validApplication();
  return {
    terms,
    company: { ...company, corporateNumber: '７０００-０１２０-５０００２', nameKana: 'やまだけんせつ', document: minimalPdf() },
    adminUser: { ...adminUser, phone: '03-3595-4610', title: undefined },
    certificate: { ...certificate, companyNameAlpha: 'ｙａｍａｄａ ｋｅｎｓｅｔｓｕ' },
    extensions: {},
  };
}

// STEP 5 申請内容確認, standing alone: every answer, each section with its 変更 link.
const meta: Meta<Args> = {
  title: 'Steps/STEP 5 cec-confirmation',
  component: 'cec-confirmation',
  parameters: {
    usage: `<cec-confirmation></cec-confirmation>
<script type="module">
  const confirmation = document.querySelector('cec-confirmation');
  confirmation.value = draft; // ApplicationDraft: { terms, company, adminUser, certificate, extensions }
  confirmation.addEventListener('cec-edit-section', (event) => openStep(event.detail.step));
</script>`,
    actions: { handles: ['cec-edit-section'] },
  },
  args: { value: corporationDraft(), extraSections: [] },
  render: (args) => html`<cec-confirmation .value=${args.value} .extraSections=${args.extraSections}></cec-confirmation>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A 法人's answers, normalised as the backend receives them; 役職 left blank reads 「未入力」. */
export const Corporation: Story = {};

/** A 個人事業主: no corporate number row, the 開業届 as document. */
export const SoleProprietor: Story = {
  args: {
    value: {
      ...corporationDraft(),
      company: { kind: 'soleProprietor', name: '山田工務店', nameKana: 'ヤマダコウムテン', address: '東京都港区新橋2-4-1', representative: '山田 太郎', document: new File([minimalPdf()], '開業届.pdf', { type: 'application/pdf' }) },
    },
  },
};

/** Nothing entered yet (standing alone, before any step). */
export const NothingEntered: Story = { args: { value: emptyDraft() } };

/** A host's own step (建設業許可) added between STEP 3 and 4 gets a section of its own. */
export const WithHostStep: Story = {
  args: {
    extraSections: [
      { step: 'licence', title: '建設業許可', rows: [{ label: '許可番号', value: '国土交通大臣許可（特-5）第12345号' }] },
    ],
  },
};

/** The keyboard on 企業情報's 「変更」 link: its focus ring (its name, 「変更（企業情報）」, is what a screen reader says). */
export const ChangeLinkFocused: Story = {
  play: async ({ canvasElement }) => {
    const element = await rendered<HTMLElement>(canvasElement, 'cec-confirmation');
    const link = inShadow(element, '[part~="change-link"]');
    link.focus({ focusVisible: true } as FocusOptions);
    await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(link));
  },
};

import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/components/company-form/company-form.js';
import type { CompanyDraft } from '../src/components/shared/draft.js';
import type { FieldOptions } from '../src/components/shared/form-state.js';
import { ENTITY_KINDS, type EntityKind } from '../src/domain/index.js';
import { encryptedPdf, minimalPdf, notPdf, oversizePdf, validApplication } from '../src/mocks/fixtures.js';
import { showErrors } from './support/render.js';
import { chooseRefusedDocument, rendered } from './support/walk.js';

interface Args {
  value: CompanyDraft;
  fields: Record<string, FieldOptions>;
  allowedKinds: readonly EntityKind[];
  maxDocumentBytes: number;
}

const COMPANY = validApplication().company;

// STEP 2 企業情報入力, standing alone: the applicant company and the PDF that proves it.
const meta: Meta<Args> = {
  title: 'Steps/STEP 2 cec-company-form',
  component: 'cec-company-form',
  parameters: {
    usage: `<cec-company-form max-document-bytes="10485760"></cec-company-form>
<script type="module">
  const form = document.querySelector('cec-company-form');
  form.allowedKinds = ['corporation', 'soleProprietor'];   // kinds offered (all four by default)
  form.value = { kind: 'corporation', name: '株式会社山田建設' }; // prefilled values are checked at once
  form.fields = { corporateNumber: { readonly: true } };      // or { hidden: true }
  form.addEventListener('cec-change', (event) => console.log(event.value)); // CompanyDraft, document: File
  // await form.validate() shows every error and tells whether the step may be left
</script>`,
  },
  args: { value: { kind: 'corporation' }, fields: {}, allowedKinds: ENTITY_KINDS, maxDocumentBytes: 10 * 1024 * 1024 },
  render: (args) =>
    html`<cec-company-form
      .value=${args.value}
      .fields=${args.fields}
      .allowedKinds=${args.allowedKinds}
      max-document-bytes=${args.maxDocumentBytes}
    ></cec-company-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** 法人 chosen (the initial kind), nothing typed, no document: no error before 次へ. */
export const Empty: Story = {};

/** A 法人 filled in, with its 印鑑証明書 chosen. */
export const Filled: Story = { args: { value: { ...COMPANY, document: minimalPdf() } } };

/** 自治体: asks for the corporate number too, and a document with the seal affixed. */
export const KindMunicipality: Story = {
  name: 'Kind: 自治体 (municipality)',
  args: { value: { kind: 'municipality' } },
};

/** 個人事業主: no corporate number; the document is the 開業届. */
export const KindSoleProprietor: Story = {
  name: 'Kind: 個人事業主 (sole proprietor)',
  args: { value: { kind: 'soleProprietor', name: '山田工務店', nameKana: 'ヤマダコウムテン', address: '東京都港区新橋2-4-1', representative: '山田 太郎', document: minimalPdf() } },
};

/** マンション等管理組合（未登記）: no corporate number; the minutes and the contract as one PDF. */
export const KindCondoAssociation: Story = {
  name: 'Kind: マンション等管理組合 (condominium association)',
  args: { value: { kind: 'condoAssociation' } },
};

/** After 次へ on an empty form: the summary links to every field, each field says what is missing. */
export const ErrorsVisible: Story = {
  render: () => html`<cec-company-form .value=${{ kind: 'corporation' }} ${showErrors}></cec-company-form>`,
};

/** Values that break the rules: a corporate number whose check digit is wrong, kana in the alphabet, no document. */
export const InvalidValues: Story = {
  render: () =>
    html`<cec-company-form
      .value=${{ ...COMPANY, corporateNumber: '7000012050003', nameKana: 'YAMADA KENSETSU', representative: '' }}
      ${showErrors}
    ></cec-company-form>`,
};

/** Prefilled from the invitation, the corporate number and name read-only (data the ordering company holds). */
export const PrefilledFromInvitation: Story = {
  args: { value: { ...COMPANY }, fields: { corporateNumber: { readonly: true }, name: { readonly: true }, kind: { readonly: true } } },
};

/** The invitation allows 法人 only. */
export const CorporationOnly: Story = { args: { allowedKinds: ['corporation'] } };

/** A password-protected PDF was chosen: refused on the spot, by its content. */
export const DocumentEncrypted: Story = {
  play: async ({ canvasElement }) => chooseRefusedDocument(await rendered(canvasElement, 'cec-company-form'), encryptedPdf()),
};

/** A file named .pdf that is not one (an HTML page): refused by its content, whatever its name. */
export const DocumentNotPdf: Story = {
  play: async ({ canvasElement }) => chooseRefusedDocument(await rendered(canvasElement, 'cec-company-form'), notPdf()),
};

/** A PDF over the limit (here 1 KB, `max-document-bytes="1024"`). */
export const DocumentTooLarge: Story = {
  args: { maxDocumentBytes: 1024 },
  play: async ({ canvasElement }) => chooseRefusedDocument(await rendered(canvasElement, 'cec-company-form'), oversizePdf(2048)),
};

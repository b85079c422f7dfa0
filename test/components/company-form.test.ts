import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/company-form/company-form.js';
import type { CecCompanyForm } from '../../src/components/company-form/company-form.component.js';
import { chooseFile, descriptionOf, getByLabel, queryAllByText, queryByLabel, typeInto, waitUntil } from '../helpers.js';

const pdf = (name = '証明書.pdf') => new File(['%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF'], name, { type: 'application/pdf' });

describe('cec-company-form', () => {
  it('refuses a corporate number whose check digit is wrong, tied to its field', async () => {
    await fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);
    const input = getByLabel(/法人番号/);
    await typeInto(input, '7000012050003');
    input.blur();
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    expect(descriptionOf(input)).to.contain('チェックデジット');
  });

  it('does not ask a sole proprietor for a corporate number and asks for the 開業届', async () => {
    await fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);
    getByLabel('個人事業主').click();
    await waitUntil(() => !queryByLabel(/法人番号/), 'corporate number gone');
    expect(queryAllByText(/^開業届（屋号の記載があること）/)).to.have.length(1);
  });

  it('refuses a renamed non-PDF with a specific message', async () => {
    const form = await fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);
    const input = getByLabel(/印鑑証明書/);
    chooseFile(input, new File(['<html><script>alert(1)</script></html>'], 'seal.pdf', { type: 'application/pdf' }));
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'document refused');
    expect(descriptionOf(input)).to.contain('PDFではありません');
    expect(form.value.document).to.equal(undefined);
  });

  it('keeps a real PDF and shows its name and size', async () => {
    const form = await fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);
    const input = getByLabel(/印鑑証明書/);
    chooseFile(input, pdf());
    await waitUntil(() => form.value.document, 'document kept');
    expect(descriptionOf(input)).to.contain('証明書.pdf');
  });

  it('is accessible', async () => {
    const form = await fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);
    form.validate();
    await form.updateComplete;
    await expect(form).to.be.accessible();
  });
});

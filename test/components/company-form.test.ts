import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/company-form/company-form.js';
import type { CecCompanyForm } from '../../src/components/company-form/company-form.component.js';
import { minimalPdf, ownerPasswordPdf } from '../../src/mocks/fixtures.js';
import { chooseFile, descriptionOf, getByLabel, press, queryByLabel, typeInto, visibleText, waitUntil } from '../helpers.js';
import { itShowsConverted } from './typed-input.js';

/** A PDF made by qpdf (test/fixtures/pdf/make-fixtures.sh), as the applicant's file picker gives it. */
async function fixturePdf(name: string): Promise<File> {
  const response = await fetch(new URL(`../fixtures/pdf/${name}`, import.meta.url));
  return new File([await response.arrayBuffer()], name, { type: 'application/pdf' });
}

const render = () => fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);

async function choose(label: string | RegExp, file: File): Promise<HTMLInputElement> {
  const input = getByLabel(label) as HTMLInputElement;
  chooseFile(input, file);
  return input;
}

describe('cec-company-form', () => {
  it('refuses a corporate number whose check digit is wrong, tied to its field', async () => {
    await render();
    const input = getByLabel(/法人番号/);
    await typeInto(input, '7000012050003');
    input.blur();
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'aria-invalid');
    expect(descriptionOf(input)).to.contain('チェックデジット');
  });

  it('does not ask a sole proprietor for a corporate number and asks for the 開業届', async () => {
    await render();
    getByLabel('個人事業主').click();
    await waitUntil(() => !queryByLabel(/法人番号/), 'corporate number gone');
    expect(descriptionOf(getByLabel('開業届'))).to.contain('開業届（屋号の記載があること）。※屋号の記載がない開業届の場合は受付できません。');
  });

  it('refuses a renamed non-PDF with a specific message', async () => {
    const form = await render();
    const input = await choose(/印鑑証明書/, new File(['<html><script>alert(1)</script></html>'], 'seal.pdf', { type: 'application/pdf' }));
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'document refused');
    expect(descriptionOf(input)).to.contain('PDFではありません');
    expect(form.value.document).to.equal(undefined);
  });

  it('keeps a real PDF and shows its name and size', async () => {
    const form = await render();
    const input = await choose(/印鑑証明書/, minimalPdf());
    await waitUntil(() => form.value.document, 'document kept');
    expect(descriptionOf(input)).to.contain('テスト証明書.pdf');
  });

  describe('documents as issued and scanned (one check with the server: src/domain/document.ts)', () => {
    const accepted = ['owner-rc4-40.pdf', 'owner-rc4-128.pdf', 'owner-aes-128.pdf', 'owner-aes-256.pdf', 'owner-aes-256-r5.pdf'];
    for (const name of accepted) {
      it(`keeps ${name}: restricted by an owner password only, it opens without one`, async () => {
        const form = await render();
        const input = await choose(/印鑑証明書/, await fixturePdf(name));
        await waitUntil(() => form.value.document, 'document kept');
        expect(input.getAttribute('aria-invalid')).to.equal('false');
        expect(descriptionOf(input)).to.contain(name);
      });
    }

    for (const name of ['user-rc4-128.pdf', 'user-aes-256.pdf']) {
      it(`refuses ${name}, which needs a password to open, and keeps nothing`, async () => {
        const form = await render();
        const input = await choose(/印鑑証明書/, await fixturePdf(name));
        await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'document refused');
        expect(descriptionOf(input)).to.contain('開くときにパスワードが必要なPDFは受け付けられません。');
        expect(form.value.document).to.equal(undefined);
      });
    }

    it('keeps a PDF with a byte-order mark and a newline before its header', async () => {
      const form = await render();
      const plain = new Uint8Array(await (await fixturePdf('plain.pdf')).arrayBuffer());
      await choose(/印鑑証明書/, new File([new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), plain], 'bom.pdf', { type: 'application/pdf' }));
      await waitUntil(() => form.value.document, 'document kept');
    });

    it('refuses a download cut short with its own message: save it again', async () => {
      const form = await render();
      const whole = new Uint8Array(await (await fixturePdf('owner-aes-256.pdf')).arrayBuffer());
      const input = await choose(/印鑑証明書/, new File([whole.subarray(0, 600)], 'cut.pdf', { type: 'application/pdf' }));
      await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'document refused');
      expect(descriptionOf(input)).to.contain('ファイルが途中で切れているようです');
      expect(descriptionOf(input)).to.contain('もう一度保存してから選択してください');
      expect(form.value.document).to.equal(undefined);
    });

    it('keeps the owner-password fixture the stories and demo use', async () => {
      const form = await render();
      await choose(/印鑑証明書/, ownerPasswordPdf());
      await waitUntil(() => form.value.document, 'document kept');
    });
  });

  describe('the kind decides the document, the intro and the hints (application guide, STEP 2 ①)', () => {
    it('lets go of the 印鑑証明書 when the kind becomes 個人事業主, says why, and asks for the 開業届', async () => {
      const form = await render();
      await choose('印鑑証明書', minimalPdf());
      await waitUntil(() => form.value.document, 'document kept');
      getByLabel('個人事業主').click();
      await waitUntil(() => queryByLabel('開業届'), 'the 開業届 asked for');
      expect(form.value.document).to.equal(undefined);
      const status = descriptionOf(getByLabel('開業届'));
      expect(status).to.contain('種類を「個人事業主」に変更したため、選択していたファイル（テスト証明書.pdf）の選択を解除しました。開業届のPDFファイルを選択してください。');
      expect(form.validate()).to.equal(false);
      await form.updateComplete;
      expect(descriptionOf(getByLabel('開業届'))).to.contain('開業届のPDFファイルを選択してください。');
    });

    it('announces the change in a live region, and forgets the notice once a new file is chosen', async () => {
      const form = await render();
      await choose('印鑑証明書', minimalPdf());
      await waitUntil(() => form.value.document, 'document kept');
      getByLabel('マンション等管理組合（未登記）').click();
      const input = await waitUntilLabel('総会議事録と締結契約書写し');
      const status = form.shadowRoot!.getElementById('field-document-status')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(status.textContent).to.contain('選択を解除しました');
      chooseFile(input, new File([await minimalPdf().arrayBuffer()], '議事録.pdf', { type: 'application/pdf' }));
      await waitUntil(() => form.value.document?.name === '議事録.pdf', 'new document kept');
      expect(status.textContent).not.to.contain('選択を解除しました');
    });

    it('changes nothing when the kind changes before any file was chosen', async () => {
      const form = await render();
      getByLabel('自治体').click();
      await form.updateComplete;
      expect(visibleText(form)).not.to.contain('選択を解除しました');
    });

    const intros: Array<[kind: string, document: string, intro: string, hint: string]> = [
      ['法人', '印鑑証明書', '申込拠点に関わらず「印鑑証明書」に記載されている法務局へ登録済の登記情報（本店の情報）を入力してください。', '会社代表者登録印に係る印鑑証明書（3か月以内発行、コピー可）'],
      ['自治体', '押印済みの書類', '申込拠点に関わらず「印鑑証明書」に記載されている法務局へ登録済の登記情報（本店の情報）を入力してください。', '事前に弊社が押印し送付した書類'],
      ['個人事業主', '開業届', '開業届（屋号の記載があること）に記載されている内容を入力してください。', '開業届（屋号の記載があること）'],
      ['マンション等管理組合（未登記）', '総会議事録と締結契約書写し', '総会議事録と締結契約書写しに記載されている管理組合の情報を入力してください。', '総会議事録と締結契約書写し'],
    ];
    for (const [kind, document, intro, hint] of intros) {
      it(`${kind}: the intro, the name hint and the document follow the kind`, async () => {
        const form = await render();
        getByLabel(kind).click();
        await form.updateComplete;
        expect(visibleText(form)).to.contain(intro);
        expect(descriptionOf(getByLabel(document))).to.contain(hint);
      });
    }

    it('個人事業主: the company name is the trade name on the 開業届', async () => {
      const form = await render();
      getByLabel('個人事業主').click();
      await form.updateComplete;
      expect(descriptionOf(getByLabel('企業名'))).to.contain('開業届に記載されている屋号を入力してください。');
    });
  });

  describe('what people type is shown converted once they leave the field', () => {
    itShowsConverted(render, [
      [/^企業名カナ/, 'やまだけんせつ', 'ヤマダケンセツ'],
      [/^企業名カナ/, 'コンピュ-タ', 'コンピュータ'],
      ['企業名', '㈱山田建設', '株式会社山田建設'],
      [/^法人番号/, 'T7000-0120-50002', '7000012050002'],
    ]);

    it('names the bracket a katakana field cannot take', async () => {
      const form = await render();
      const input = getByLabel(/^企業名カナ/);
      await typeInto(input, 'ヤマダ(カ)');
      await press('Tab');
      await form.updateComplete;
      expect(descriptionOf(input)).to.contain('企業名カナに使用できない文字「(」が含まれています。');
    });
  });

  it('is accessible', async () => {
    const form = await render();
    form.validate();
    await form.updateComplete;
    await expect(form).to.be.accessible();
  });
});

async function waitUntilLabel(label: string): Promise<HTMLInputElement> {
  await waitUntil(() => queryByLabel(label), label);
  return getByLabel(label) as HTMLInputElement;
}

/**
 * Nothing typed, configured or sent by a backend runs: payloads show as text, hostile uploads are
 * refused with a specific message, and an invitation can change a colour and a logo within limits only.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/components/apply-wizard/apply-wizard.js';
import '../../src/components/company-form/company-form.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import type { CecCompanyForm } from '../../src/components/company-form/company-form.component.js';
import { startMockBackend, type RunningMockBackend } from '../../src/mocks/browser.js';
import { emptyPdf, encryptedPdf, notPdf, truncatedPdf } from '../../src/mocks/fixtures.js';
import { allElements, chooseFile, descriptionOf, getByLabel, visibleText, waitUntil } from '../helpers.js';

const PAYLOAD = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>';

/** Whether any element a payload would create exists anywhere, shadow roots included. */
function injectedElements(): Element[] {
  return allElements(document).filter((element) => (element.tagName === 'IMG' && element.getAttribute('src') === 'x') || (element.tagName === 'SCRIPT' && element.textContent?.includes('__pwned')));
}

describe('hostile input', () => {
  describe('uploads', () => {
    const cases: Array<[string, () => File, string]> = [
      ['a renamed HTML file', notPdf, 'PDFではありません'],
      ['an empty file', emptyPdf, '空です'],
      ['a PDF that needs a password to open', encryptedPdf, 'パスワードが必要なPDF'],
      ['a PDF cut short', truncatedPdf, '途中で切れている'],
      ['an oversize file', () => new File([new Uint8Array(2048).fill(0x25)], 'big.pdf', { type: 'application/pdf' }), '大きすぎます'],
    ];
    for (const [what, file, message] of cases) {
      it(`refuses ${what} with its own message and keeps nothing`, async () => {
        const form = await fixture<CecCompanyForm>(html`<cec-company-form max-document-bytes="1024"></cec-company-form>`);
        const input = getByLabel('印鑑証明書');
        chooseFile(input, file());
        await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'refused');
        expect(descriptionOf(input)).to.contain(message);
        expect(form.value.document).to.equal(undefined);
      });
    }

    it('shows a hostile file name as text', async () => {
      const form = await fixture<CecCompanyForm>(html`<cec-company-form></cec-company-form>`);
      chooseFile(getByLabel('印鑑証明書'), new File(['%PDF-1.4\nstartxref\n0\n%%EOF'], `${PAYLOAD}.pdf`, { type: 'application/pdf' }));
      await waitUntil(() => form.value.document, 'kept');
      expect(visibleText(form)).to.contain(`${PAYLOAD}.pdf`);
      expect(injectedElements()).to.have.length(0);
    });
  });

  describe('in the wizard', () => {
    let mock: RunningMockBackend;
    before(async () => {
      mock = await startMockBackend();
    });
    after(() => mock.stop());
    afterEach(() => mock.worker.resetHandlers());

    async function openWithInvitation(invitation: Record<string, unknown>, configure: (wizard: CecApplyWizard) => void = () => {}) {
      mock.worker.use(
        http.get('/api/invitations/:token', () =>
          HttpResponse.json({ token: 'hostile', expiresAt: new Date(Date.now() + 86_400_000).toISOString(), ...invitation }),
        ),
      );
      const wizard = document.createElement('cec-apply-wizard');
      Object.assign(wizard, { endpoint: '/api', token: 'hostile', noResume: true });
      configure(wizard);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(wizard);
      await waitUntil(() => wizard.shadowRoot?.querySelector('#step-heading'), 'wizard ready');
      return wizard;
    }

    it('shows an invitation\'s hostile names as text', async () => {
      const wizard = await openWithInvitation({ inviter: { name: PAYLOAD }, branding: { displayName: PAYLOAD } });
      expect(visibleText(wizard)).to.contain(PAYLOAD);
      expect(injectedElements()).to.have.length(0);
      expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    });

    it('shows hostile overridden words as text', async () => {
      const wizard = await openWithInvitation({ inviter: { name: '発注建設株式会社' } }, (element) => {
        element.messages = { ja: { terms: { heading: PAYLOAD } } };
      });
      await waitUntil(() => visibleText(wizard).includes(PAYLOAD), 'override shown');
      expect(injectedElements()).to.have.length(0);
    });

    for (const logoUrl of ['javascript:alert(1)', 'http://evil.example/logo.png', 'data:image/svg+xml,<svg onload=alert(1)>']) {
      it(`shows no logo from ${logoUrl.split(':')[0]}: URLs`, async () => {
        const wizard = await openWithInvitation({ inviter: { name: '発注建設株式会社' }, branding: { logoUrl } });
        expect(wizard.shadowRoot!.querySelector('img')).to.equal(null);
      });
    }

    it('shows an https logo', async () => {
      const wizard = await openWithInvitation({ inviter: { name: '発注建設株式会社' }, branding: { logoUrl: 'https://example.com/logo.svg', displayName: '大手ゼネコン' } });
      expect(wizard.shadowRoot!.querySelector('img')?.getAttribute('src')).to.equal('https://example.com/logo.svg');
    });

    for (const primaryColor of ['red; background: url(https://evil.example/x)', 'var(--secret)', 'url(https://evil.example/x)', 'expression(alert(1))']) {
      it(`ignores the colour ${JSON.stringify(primaryColor)}`, async () => {
        const wizard = await openWithInvitation({ inviter: { name: '発注建設株式会社' }, branding: { primaryColor } });
        expect(wizard.style.getPropertyValue('--cec-color-primary')).to.equal('');
      });
    }
  });
});

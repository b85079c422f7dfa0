/**
 * End to end against the real reference backend (Hono + SQLite), no mocks: an ordering company invites
 * a partner, the partner walks STEP 1–6 with a PDF, and what the server stored — after a restart —
 * is what was typed, byte for byte for the document.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/apply-wizard/apply-wizard.js';
import '../../src/components/invitation-form/invitation-form.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { getByLabel, getByRole, queryByLabel, typeInto, visibleText, waitUntil } from '../helpers.js';
import { applyAsCorporation, expectedCorporationApplication, expectStep, samplePdf } from '../components/wizard-helpers.js';

interface Backend {
  endpoint: string;
  apiKey: string;
}

const server = (action: string) => executeServerCommand<Backend, { action: string; origin: string }>('reference-server', { action, origin: location.origin });

async function admin<T>(backend: Backend, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${backend.endpoint}/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${backend.apiKey}`, 'Content-Type': 'application/json', ...init.headers },
  });
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : await response.arrayBuffer();
  return { status: response.status, body: body as T };
}

describe('end to end with the reference server', () => {
  let backend: Backend;

  before(async () => {
    backend = (await server('start'))!;
  });
  after(() => server('stop'));

  it('stores exactly what a partner typed, and the PDF unchanged, across a server restart', async () => {
    // The ordering company invites the partner through its console element.
    const form = await fixture<HTMLElement & { apiKey: string }>(html`<cec-invitation-form endpoint=${backend.endpoint}></cec-invitation-form>`);
    form.apiKey = backend.apiKey;
    await typeInto(getByLabel('取引先企業名'), '株式会社山田建設');
    await typeInto(getByLabel('担当者名'), '山田 太郎');
    await typeInto(getByLabel('メールアドレス'), 'taro@example.co.jp');
    getByRole('button', '招待リンクを発行する').click();
    await waitUntil(() => queryByLabel('招待リンク')?.value, 'invitation link shown');
    const token = new URL(getByLabel('招待リンク').value).searchParams.get('token')!;
    form.remove();

    const started = performance.now();
    const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint=${backend.endpoint} token=${token} no-resume></cec-apply-wizard>`);
    await waitUntil(() => visibleText(wizard).includes('発注建設株式会社'), 'invitation shown');
    const pdf = samplePdf();
    const receiptNumber = await applyAsCorporation(wizard, pdf);
    await expectStep('申請完了');
    console.log(`end-to-end walk STEP 1 → 6 took ${Math.round(performance.now() - started)} ms`);
    expect(receiptNumber).to.match(/^\d{10}$/);

    backend = (await server('restart'))!;

    const stored = await admin<{ application: Record<string, unknown> }>(backend, `/applications/${receiptNumber}`);
    expect(stored.status).to.equal(200);
    const { token: storedToken, ...application } = stored.body.application as Record<string, unknown>;
    const { token: expectedToken, ...expected } = expectedCorporationApplication(token);
    expect(storedToken ?? expectedToken).to.equal(expectedToken);
    for (const [section, fields] of Object.entries(expected)) {
      expect(application[section], section).to.deep.equal(fields);
    }

    const document = await admin<ArrayBuffer>(backend, `/applications/${receiptNumber}/document`);
    expect(document.status).to.equal(200);
    expect(new Uint8Array(document.body)).to.deep.equal(new Uint8Array(await pdf.arrayBuffer()));

    const again = await fetch(`${backend.endpoint}/invitations/${encodeURIComponent(token)}`);
    expect(again.status).to.equal(409);
  });

  it('shows the resend page for an invitation whose link was replaced', async () => {
    const created = await admin<{ id: number; url: string }>(backend, '/invitations', {
      method: 'POST',
      body: JSON.stringify({ partner: { companyName: '株式会社川田工務店', contactName: '川田 次郎', email: 'jiro@example.co.jp' } }),
    });
    const oldToken = new URL(created.body.url).searchParams.get('token')!;
    const resent = await admin<{ url: string }>(backend, `/invitations/${created.body.id}/resend`, { method: 'POST' });
    expect(resent.status).to.be.oneOf([200, 201]);
    const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint=${backend.endpoint} token=${oldToken} no-resume></cec-apply-wizard>`);
    await waitUntil(() => visibleText(wizard).includes('再送をご依頼ください'), 'resend page');
  });
});

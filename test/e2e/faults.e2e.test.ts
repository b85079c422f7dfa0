/**
 * Faults against the real reference backend (Hono + SQLite), no mocks: the server stopped before 確定,
 * killed as the request arrives, killed after it stored the application but before it answered, and
 * Chromium offline. Each time the applicant reads the network message with every value still shown,
 * the retry (same Idempotency-Key) succeeds once the server is back, and the server holds exactly one
 * application for the invitation — read back through the ordering company's admin API.
 *
 * The server sits behind the plugin's fault proxy (`start` with `faults: true`), which keeps the
 * endpoint's port across stops and starts and can cut a request (reference-server-plugin.mjs).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/apply-wizard/apply-wizard.js';
import type { CecApplyWizard } from '../../src/components/apply-wizard/apply-wizard.component.js';
import { deepActiveElement, getByRole, queryAllByRole, visibleText, waitUntil } from '../helpers.js';
import {
  acceptTerms,
  clickNext,
  expectedCorporationApplication,
  expectStep,
  fillAdminUser,
  fillCertificate,
  fillCompany,
} from '../components/wizard-helpers.js';

interface Backend {
  endpoint: string;
  apiKey: string;
}

interface InvitationRow {
  id: number;
  state: string;
  application?: { receiptNumber: string };
}

function command<T>(action: string, extra: Record<string, unknown> = {}): Promise<T> {
  return executeServerCommand<T, Record<string, unknown>>('reference-server', { action, origin: location.origin, ...extra }) as Promise<T>;
}

async function admin<T>(backend: Backend, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${backend.endpoint}/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${backend.apiKey}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** What the confirmation must still show after a fault. */
const SHOWN_VALUES = ['7000012050002', '株式会社山田建設', 'ヤマダケンセツ', '山田 花子', 'hanako@example.co.jp', 'YAMADA KENSETSU', 'SHACHO', 'テスト証明書.pdf'];
const NETWORK_MESSAGE = 'ネットワークに接続できません。入力内容はそのまま保持されています。';

for (const database of ['sqlite', 'postgres'] as const) describe(`faults end to end with the reference server on ${database}`, () => {
  let backend: Backend;

  before(async function () {
    this.timeout(60_000); // a PostgreSQL cluster starts in a few seconds, more on a busy machine
    backend = await command<Backend>('start', { faults: true, database });
  });
  after(() => command('stop'));
  afterEach(async () => {
    await command('browser-offline', { offline: false });
    backend = await command<Backend>('start-again'); // whatever a test left stopped runs again
  });

  /** An invitation from the ordering company; its id and token. */
  async function invite(companyName: string): Promise<{ id: number; token: string }> {
    const created = await admin<{ id: number; url: string }>(backend, '/invitations', {
      method: 'POST',
      body: JSON.stringify({ partner: { companyName, contactName: '山田 太郎', email: 'taro@example.co.jp' } }),
    });
    expect(created.status).to.equal(201);
    return { id: created.body.id, token: new URL(created.body.url).searchParams.get('token')! };
  }

  async function walkToConfirmation(token: string): Promise<{ wizard: CecApplyWizard; receipt: Promise<string> }> {
    const wizard = await fixture<CecApplyWizard>(html`<cec-apply-wizard endpoint=${backend.endpoint} token=${token} no-resume></cec-apply-wizard>`);
    const receipt = new Promise<string>((resolve) => wizard.addEventListener('cec-submitted', (event) => resolve(event.detail.receiptNumber)));
    await waitUntil(() => visibleText(wizard).includes('発注建設株式会社'), 'invitation shown');
    await acceptTerms();
    await fillCompany('法人');
    await fillAdminUser();
    await fillCertificate();
    await expectStep('申請内容確認');
    return { wizard, receipt };
  }

  async function expectNetworkFailure(wizard: CecApplyWizard, failures: number, errors: string[]): Promise<void> {
    await waitUntil(() => errors.length === failures, `failure ${failures} reported`, 8000);
    expect(errors.at(-1)).to.equal('network');
    await waitUntil(() => visibleText(wizard).includes(NETWORK_MESSAGE), 'network message');
    await waitUntil(() => deepActiveElement()?.classList.contains('submit-failure'), 'failure alert focused');
    const shown = visibleText(wizard);
    for (const value of SHOWN_VALUES) expect(shown, `still shows ${value}`).to.contain(value);
  }

  async function retry(): Promise<void> {
    await waitUntil(() => queryAllByRole('button', '再試行').some((button) => !button.hasAttribute('disabled')), 'retry enabled');
    getByRole('button', '再試行').click();
  }

  /** The invitation has exactly one application, the one shown as received, holding what was typed. */
  async function expectExactlyOne(invitation: { id: number; token: string }, receiptNumber: string, storedBefore: number): Promise<void> {
    const { body } = await admin<{ invitations: InvitationRow[] }>(backend, '/invitations');
    const rows = body.invitations.filter((row) => row.id === invitation.id);
    expect(rows, 'one row for the invitation').to.have.length(1);
    expect(rows[0]!.state).to.equal('used');
    expect(rows[0]!.application?.receiptNumber).to.equal(receiptNumber);
    const stored = await admin<{ application: Record<string, unknown> }>(backend, `/applications/${receiptNumber}`);
    expect(stored.status).to.equal(200);
    const { token: _token, ...expected } = expectedCorporationApplication(invitation.token);
    for (const [section, fields] of Object.entries(expected)) expect(stored.body.application[section], section).to.deep.equal(fields);
    expect(await command<number>('count-applications')).to.equal(storedBefore + 1);
  }

  it('says the network failed when the server is stopped before 確定, keeps every value, and the retry succeeds once it runs again', async () => {
    const invitation = await invite('株式会社山田建設');
    const storedBefore = await command<number>('count-applications');
    const { wizard, receipt } = await walkToConfirmation(invitation.token);
    const errors: string[] = [];
    wizard.addEventListener('cec-error', (event) => errors.push(event.detail.code));

    await command('stop-listening');
    await clickNext('確定');
    await expectNetworkFailure(wizard, 1, errors);
    await retry(); // still stopped: the same message again, nothing lost
    await expectNetworkFailure(wizard, 2, errors);

    backend = await command<Backend>('start-again');
    await retry();
    await expectStep('申請完了');
    await expectExactlyOne(invitation, await receipt, storedBefore);
  });

  it('stores one application when the server is killed as the request arrives and the applicant retries after the restart', async () => {
    const invitation = await invite('株式会社川田工務店');
    const storedBefore = await command<number>('count-applications');
    const { wizard, receipt } = await walkToConfirmation(invitation.token);
    const errors: string[] = [];
    wizard.addEventListener('cec-error', (event) => errors.push(event.detail.code));

    await command('kill-mid-request', { when: 'received' });
    await clickNext('確定');
    await expectNetworkFailure(wizard, 1, errors);

    backend = await command<Backend>('start-again');
    expect(await command<number>('count-applications'), 'nothing stored by the killed request').to.equal(storedBefore);
    await retry();
    await expectStep('申請完了');
    await expectExactlyOne(invitation, await receipt, storedBefore);
  });

  it('gets the same receipt, not a second application, when the server stored it and died before answering', async () => {
    const invitation = await invite('株式会社海田建築');
    const storedBefore = await command<number>('count-applications');
    const { wizard, receipt } = await walkToConfirmation(invitation.token);
    const errors: string[] = [];
    wizard.addEventListener('cec-error', (event) => errors.push(event.detail.code));

    await command('kill-mid-request', { when: 'answered' });
    await clickNext('確定');
    await expectNetworkFailure(wizard, 1, errors);

    backend = await command<Backend>('start-again');
    expect(await command<number>('count-applications'), 'the killed request was stored').to.equal(storedBefore + 1);
    await retry(); // the same key: the server replays the receipt it stored
    await expectStep('申請完了');
    await expectExactlyOne(invitation, await receipt, storedBefore);
  });

  it('says the network failed while Chromium is offline, and the retry succeeds back online', async function () {
    this.timeout(20_000);
    const invitation = await invite('株式会社森田設備');
    const storedBefore = await command<number>('count-applications');
    const { wizard, receipt } = await walkToConfirmation(invitation.token);
    const errors: string[] = [];
    wizard.addEventListener('cec-error', (event) => errors.push(event.detail.code));

    // Offline mode also cuts the test runner's channel to the page, so the plugin brings the page back
    // online by itself after 1.5 s; the page sees both through navigator.onLine.
    const onlineAtFailure: boolean[] = [];
    wizard.addEventListener('cec-error', () => onlineAtFailure.push(navigator.onLine));
    await command('browser-offline', { forMs: 1500 });
    await waitUntil(() => !navigator.onLine, 'offline');
    await clickNext('確定');
    await expectNetworkFailure(wizard, 1, errors);
    expect(onlineAtFailure, 'the failure came while offline').to.deep.equal([false]);
    await waitUntil(() => navigator.onLine, 'back online', 4000);
    await retry();
    await expectStep('申請完了');
    await expectExactlyOne(invitation, await receipt, storedBefore);
  });
});

/**
 * The admin lists for ordering companies with thousands of partners (keyset pagination, search,
 * filter), and the retention policy driven by the server clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { invitationListSchema, outboxSchema, receiptSchema, type InvitationSummary } from '../../src/domain/index.js';
import type { PaperTables } from '../../demo/server/paper-applications.js';
import { admin, countRows, errorCode, inviteDirectly, OPERATOR_KEY, renewalCall, paperApplicationBody, seedRenewalOrganisation, startTestServer, submit, type TestServer } from './helpers.js';

const DAY_MS = 86_400_000;

async function page(server: TestServer, query: string) {
  const response = await admin(server, 'GET', `/invitations${query}`);
  assert.equal(response.status, 200);
  return invitationListSchema.parse(await response.json());
}

describe('GET /api/admin/invitations: keyset pagination, search and filter', () => {
  let server: TestServer;
  const start = new Date('2026-10-01T00:00:00Z');
  before(async () => {
    server = await startTestServer({ now: { value: start } });
    // 120 invitations, several sharing an instant (the tie is broken by id, never lost).
    for (let index = 0; index < 120; index++) {
      server.now.value = new Date(start.getTime() + Math.floor(index / 3) * 1000);
      await inviteDirectly(server, {
        partner: { companyName: `株式会社パートナー${String(index).padStart(3, '0')}`, contactName: '担当 者', email: `p${index}@example.co.jp` },
      });
    }
  });
  after(() => server.dispose());

  it('gives 50 by default, newest first, with nextCursor, and none twice or lost across pages', async () => {
    const seen: InvitationSummary[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = await page(server, cursor ? `?cursor=${encodeURIComponent(cursor)}` : '');
      pages += 1;
      assert.ok(result.invitations.length <= 50);
      seen.push(...result.invitations);
      cursor = result.nextCursor;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 120);
    assert.equal(new Set(seen.map((row) => row.id)).size, 120);
    const times = seen.map((row) => Date.parse(row.createdAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
  });

  it('neither repeats nor loses a row when new invitations arrive between pages', async () => {
    const first = await page(server, '?limit=40');
    server.now.value = new Date(start.getTime() + 3_600_000);
    await inviteDirectly(server);
    await inviteDirectly(server);
    const rest: InvitationSummary[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page(server, `?limit=40&cursor=${encodeURIComponent(cursor)}`);
      rest.push(...next.invitations);
      cursor = next.nextCursor;
    }
    const ids = [...first.invitations, ...rest].map((row) => row.id);
    assert.equal(ids.length, 120);
    assert.equal(new Set(ids).size, 120);
  });

  it('takes limit up to 100 and refuses 0, 101, words and a forged cursor with 400', async () => {
    assert.equal((await page(server, '?limit=100')).invitations.length, 100);
    for (const query of ['?limit=0', '?limit=101', '?limit=many', '?cursor=not-ours', '?state=lost']) {
      const response = await admin(server, 'GET', `/invitations${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(await errorCode(response), 'validation_failed');
    }
  });

  it('searches the partner company name, contact name and e-mail, case-insensitive, % and _ taken literally', async () => {
    const byName = await page(server, `?q=${encodeURIComponent('パートナー007')}`);
    assert.deepEqual(byName.invitations.map((row) => row.partner.companyName), ['株式会社パートナー007']);
    const byEmail = await page(server, '?q=P11@EXAMPLE');
    assert.deepEqual(byEmail.invitations.map((row) => row.partner.email), ['p11@example.co.jp']);
    assert.equal((await page(server, '?q=%25')).invitations.length, 0);
    assert.equal((await page(server, '?q=p_1')).invitations.length, 0);
  });

  it('filters by state: open, used, expired', async () => {
    const fresh = await startTestServer();
    try {
      await inviteDirectly(fresh);
      await inviteDirectly(fresh, { expiresAt: new Date(fresh.now.value.getTime() - 1) });
      const used = await inviteDirectly(fresh);
      assert.equal((await submit(fresh, { token: used.token })).status, 201);
      for (const state of ['open', 'used', 'expired'] as const) {
        const result = await page(fresh, `?state=${state}`);
        assert.deepEqual(result.invitations.map((row) => row.state), [state]);
      }
      const [answered] = (await page(fresh, '?state=used')).invitations;
      assert.ok(answered?.application?.receiptNumber, 'a used one carries its application');
    } finally {
      await fresh.dispose();
    }
  });

  it('pages the outbox the same way, without bodies', async () => {
    const first = outboxSchema.parse(await (await admin(server, 'GET', '/outbox?limit=100')).json());
    assert.equal(first.mails.length, 100);
    assert.ok(first.mails.every((mail) => !('body' in mail)));
    assert.ok(first.nextCursor);
    const second = outboxSchema.parse(await (await admin(server, 'GET', `/outbox?limit=100&cursor=${encodeURIComponent(first.nextCursor)}`)).json());
    assert.equal(second.mails.length, 22);
    assert.equal(second.nextCursor, undefined);
    const ids = [...first.mails, ...second.mails].map((mail) => mail.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  });
});

describe('retention purge', () => {
  let server: TestServer;
  const start = new Date('2026-06-01T00:00:00Z');
  before(async () => {
    server = await startTestServer({ now: { value: start } });
  });
  after(() => server.dispose());

  it('deletes applications and documents after 90 days, keeping younger ones', async () => {
    const old = await inviteDirectly(server);
    assert.equal((await submit(server, { token: old.token })).status, 201);
    server.now.value = new Date(start.getTime() + 10 * DAY_MS);
    const young = await inviteDirectly(server);
    const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token: young.token })).json());

    server.now.value = new Date(start.getTime() + 90 * DAY_MS - 1);
    assert.equal((await server.purge()).applications, 0, 'not a millisecond early');
    server.now.value = new Date(start.getTime() + 91 * DAY_MS);
    const report = await server.purge();
    assert.equal(report.applications, 1);
    assert.equal(await countRows(server, 'applications'), 1);
    assert.equal(await countRows(server, 'documents'), 1);
    assert.equal((await admin(server, 'GET', `/applications/${receiptNumber}`)).status, 200);
  });

  it('deletes an application as soon as the ordering company marks it exported', async () => {
    const invitation = await inviteDirectly(server);
    const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token: invitation.token })).json());
    const marked = await admin(server, 'POST', `/applications/${receiptNumber}/exported`);
    assert.equal(marked.status, 200);
    assert.equal(((await marked.json()) as { exportedAt: string }).exportedAt, server.now.value.toISOString());
    await server.purge();
    assert.equal((await admin(server, 'GET', `/applications/${receiptNumber}`)).status, 404);
    assert.equal((await admin(server, 'POST', '/applications/0000000000/exported')).status, 404);
  });

  it('deletes the draft of an invitation once it has expired', async () => {
    const invitation = await inviteDirectly(server);
    const put = await fetch(`${server.url}/api/invitations/${invitation.token}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ draft: { company: { name: '山田建設' } } }),
    });
    assert.equal(put.status, 204);
    assert.equal((await server.purge()).drafts, 0);
    server.now.value = new Date(Date.parse(invitation.expiresAt));
    assert.equal((await server.purge()).drafts, 1);
    assert.equal(await countRows(server, 'drafts'), 0);
  });

  it('forgets idempotency keys after 35 days', async () => {
    const invitation = await inviteDirectly(server);
    assert.equal((await submit(server, { token: invitation.token })).status, 201);
    assert.equal(await countRows(server, 'idempotency_keys'), 1);
    server.now.value = new Date(server.now.value.getTime() + 35 * DAY_MS - 1);
    assert.equal((await server.purge()).idempotencyKeys, 0);
    server.now.value = new Date(server.now.value.getTime() + 200 * DAY_MS);
    assert.equal((await server.purge()).idempotencyKeys, 1);
    assert.equal(await countRows(server, 'idempotency_keys'), 0);
  });

  it('empties the bodies of old mails even without SMTP, keeping who, what and when', async () => {
    const rows = await server.database.db.selectFrom('outbox').select(['body', 'sealed_link', 'subject']).execute();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((row) => row.body === '' && row.sealed_link === null && row.subject !== ''));
  });
});

describe('retention purge of the sibling systems: paper applications and certificate renewals', () => {
  let server: TestServer;
  /** 2027-04-01 10:00 in Tokyo, a Thursday (renewal dates are checked against it). */
  const start = new Date('2027-04-01T01:00:00Z');
  before(async () => {
    server = await startTestServer({ now: { value: start } });
    await seedRenewalOrganisation(server, [20, 35, 52]);
  });
  after(() => server.dispose());

  async function storePaperApplication(): Promise<void> {
    const response = await fetch(`${server.url}/api/paper-applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(paperApplicationBody()),
    });
    assert.equal(response.status, 201, await response.clone().text());
  }

  async function requestRenewal(certificateId: string): Promise<string> {
    const response = await renewalCall(server, 'POST', '/renewal-requests', {
      body: { operatorCode: 'A1234', operatorCodeConfirmed: true, rows: [{ commonName: `gw-${certificateId}.gas.example.co.jp`, certificateId, medium: 'cdr' }], locale: 'ja' },
    });
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { requestNumber: string }).requestNumber;
  }

  it('deletes a paper application 90 days after it was stored, keeping younger ones', async () => {
    await storePaperApplication();
    server.now.value = new Date(start.getTime() + 10 * DAY_MS);
    await storePaperApplication();
    server.now.value = new Date(start.getTime() + 90 * DAY_MS - 1);
    assert.equal((await server.purge()).paperApplications, 0, 'not a millisecond early');
    server.now.value = new Date(start.getTime() + 90 * DAY_MS + 1);
    assert.equal((await server.purge()).paperApplications, 1);
    const left = await server.database.db.withTables<PaperTables>().selectFrom('paper_applications').select('accepted_at').execute();
    assert.deepEqual(left.map((row) => row.accepted_at), [new Date(start.getTime() + 10 * DAY_MS).toISOString()]);
    server.now.value = start;
  });

  it('deletes a renewal request and its rows 90 days after its last row was issued, keeping an open one however old', async () => {
    const finished = await requestRenewal('100001');
    const open = await requestRenewal('100002');
    const issued = await renewalCall(server, 'POST', `/operator/renewal-requests/${finished}/rows/1/issue`, {
      key: OPERATOR_KEY,
      body: { certificateId: '200001', serial: '7f:3a:00:01' },
    });
    assert.equal(issued.status, 200);
    assert.ok(((await (await renewalCall(server, 'GET', `/renewal-requests/${finished}`)).json()) as { completedAt?: string }).completedAt, 'the request is complete');

    server.now.value = new Date(start.getTime() + 90 * DAY_MS - 1);
    assert.equal((await server.purge()).renewalRequests, 0, 'not a millisecond early');
    server.now.value = new Date(start.getTime() + 400 * DAY_MS);
    assert.equal((await server.purge()).renewalRequests, 1);
    assert.equal((await renewalCall(server, 'GET', `/renewal-requests/${finished}`)).status, 404);
    assert.equal((await renewalCall(server, 'GET', `/renewal-requests/${open}`)).status, 200, 'the open request stays');
    assert.equal(await countRows(server, 'renewal_request_rows'), 1, 'the finished request\'s row went with it');
  });
});

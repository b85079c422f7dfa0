import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorBodySchema, invitationSchema } from '../../src/domain/index.js';
import { endOfTokyoDayAfter } from '../../demo/server/tokyo-time.js';
import { errorCode, inviteDirectly, partner, startTestServer, submit, type TestServer } from './helpers.js';

describe('GET /api/invitations/:token', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('answers an open invitation with the inviter, the recipient and the expiry (invitationSchema)', async () => {
    const { token, expiresAt } = await inviteDirectly(server);
    const response = await fetch(`${server.url}/api/invitations/${token}`);
    assert.equal(response.status, 200);
    const body = invitationSchema.parse(await response.json());
    assert.deepEqual(body, {
      token,
      inviter: { name: '発注建設株式会社' },
      recipient: { companyName: partner.companyName, name: partner.contactName, email: partner.email },
      expiresAt,
    });
  });

  it('makes an invitation valid until the end of its 35th day in Japan time (application guide, 利用申請サイトのお知らせ ④)', async () => {
    const { expiresAt } = await inviteDirectly(server);
    assert.equal(expiresAt, endOfTokyoDayAfter(server.now.value, 35).toISOString());
    assert.match(expiresAt, /T14:59:59\.999Z$/, '23:59:59.999 in Tokyo');
  });

  it('answers 404 invitation_not_found for an unknown token', async () => {
    const response = await fetch(`${server.url}/api/invitations/no-such-token`);
    assert.equal(response.status, 404);
    assert.equal(await errorCode(response), 'invitation_not_found');
  });

  it('answers 410 invitation_expired once the expiry has passed', async () => {
    const { token } = await inviteDirectly(server, { expiresAt: new Date(server.now.value.getTime() - 1) });
    const response = await fetch(`${server.url}/api/invitations/${token}`);
    assert.equal(response.status, 410);
    assert.equal(await errorCode(response), 'invitation_expired');
  });

  it('counts an invitation as expired once its 35th day has ended in Japan time, by the server clock', async () => {
    const start = server.now.value;
    try {
      server.now.value = new Date('2026-11-29T01:00:00Z'); // 10:00 on 11月29日 in Tokyo
      const { token } = await inviteDirectly(server);
      server.now.value = new Date('2027-01-03T14:59:59.998Z'); // 2027年1月3日 23:59:59 in Tokyo
      assert.equal((await fetch(`${server.url}/api/invitations/${token}`)).status, 200);
      server.now.value = new Date('2027-01-03T15:00:00.000Z'); // midnight: 1月4日
      assert.equal((await fetch(`${server.url}/api/invitations/${token}`)).status, 410);
    } finally {
      server.now.value = start;
    }
  });

  it('answers 409 invitation_used once an application came in', async () => {
    const { token } = await inviteDirectly(server);
    assert.equal((await submit(server, { token })).status, 201);
    const response = await fetch(`${server.url}/api/invitations/${token}`);
    assert.equal(response.status, 409);
    assert.equal(await errorCode(response), 'invitation_used');
  });

  it('sends error bodies the domain errorBodySchema reads', async () => {
    const response = await fetch(`${server.url}/api/invitations/unknown`);
    assert.equal(errorBodySchema.safeParse(await response.json()).success, true);
  });

  it('passes the prefill, branding and allowed kinds the ordering company attached', async () => {
    const { createInvitation } = await import('../../demo/server/invitations.js');
    const { token } = await createInvitation(server.database, {
      orderingCompanyId: server.company.id,
      partner,
      prefill: { company: { name: '株式会社山田建設' } },
      branding: { displayName: '発注建設 取引先ポータル', primaryColor: '#0055aa' },
      allowedKinds: ['corporation', 'soleProprietor'],
      publicBaseUrl: server.url,
      now: server.now.value,
    });
    const body = invitationSchema.parse(await (await fetch(`${server.url}/api/invitations/${token}`)).json());
    assert.deepEqual(body.prefill, { company: { name: '株式会社山田建設' } });
    assert.deepEqual(body.branding, { displayName: '発注建設 取引先ポータル', primaryColor: '#0055aa' });
    assert.deepEqual(body.allowedKinds, ['corporation', 'soleProprietor']);
  });
});

describe('draft sync: PUT and GET /api/invitations/:token/draft', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  const put = (token: string, body: unknown) =>
    fetch(`${server.url}/api/invitations/${token}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (token: string) => fetch(`${server.url}/api/invitations/${token}/draft`);

  it('answers 404 draft_not_found before anything was saved', async () => {
    const { token } = await inviteDirectly(server);
    const response = await get(token);
    assert.equal(response.status, 404);
    assert.equal(await errorCode(response), 'draft_not_found');
  });

  it('saves a draft (204) and gives it back with the time it was saved', async () => {
    const { token } = await inviteDirectly(server);
    const draft = { step: 2, company: { name: '山田建設', nameKana: 'やまだ' } };
    const saved = await put(token, { draft });
    assert.equal(saved.status, 204);
    const response = await get(token);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { draft, savedAt: server.now.value.toISOString() });
  });

  it('replaces the previous draft', async () => {
    const { token } = await inviteDirectly(server);
    await put(token, { draft: { step: 1 } });
    await put(token, { draft: { step: 3 } });
    assert.deepEqual(((await (await get(token)).json()) as { draft: unknown }).draft, { step: 3 });
  });

  it('refuses a body that is not { draft: object } with 400 validation_failed', async () => {
    const { token } = await inviteDirectly(server);
    for (const body of [{ draft: 'text' }, {}, 'not json']) {
      const response = await put(token, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(await errorCode(response), 'validation_failed');
    }
  });

  it('refuses a draft over 64 kB with 413 payload_too_large', async () => {
    const { token } = await inviteDirectly(server);
    const response = await put(token, { draft: { notes: 'あ'.repeat(30_000) } });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'payload_too_large');
  });

  it('keeps drafts for open invitations only', async () => {
    const expired = await inviteDirectly(server, { expiresAt: new Date(server.now.value.getTime() - 1) });
    assert.equal((await put(expired.token, { draft: {} })).status, 410);
    assert.equal((await get(expired.token)).status, 410);
    assert.equal((await put('unknown-token', { draft: {} })).status, 404);
  });

  it('forgets the draft once the application is accepted', async () => {
    const { id, token } = await inviteDirectly(server);
    await put(token, { draft: { step: 5 } });
    assert.equal((await submit(server, { token })).status, 201);
    assert.equal((await get(token)).status, 409);
    assert.equal((await server.database.db.selectFrom('drafts').selectAll().where('invitation_id', '=', id).execute()).length, 0);
  });
});

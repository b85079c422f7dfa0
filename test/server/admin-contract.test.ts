/**
 * One contract, two backends: the admin client (`AdminApi`) against the reference server and against
 * the MSW admin mock (src/mocks/admin-handlers.ts) gets the same answers — pagination, search, 再送,
 * the outbox without bodies, one mail with its link, the key refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { AdminApi } from '../../src/api/admin.js';
import { ApiError } from '../../src/api/errors.js';
import { AdminMockBackend } from '../../src/mocks/admin-handlers.js';
import { API_KEY, startTestServer, type TestServer } from './helpers.js';

interface Backend {
  endpoint: string;
  apiKey: string;
  dispose(): Promise<void> | void;
}

function contract(name: string, start: () => Promise<Backend>) {
  describe(`admin contract: ${name}`, () => {
    let backend: Backend;
    let admin: AdminApi;
    before(async () => {
      backend = await start();
      admin = new AdminApi({ endpoint: backend.endpoint, apiKey: backend.apiKey });
      for (let index = 0; index < 60; index++) {
        await admin.createInvitation({
          partner: { companyName: `株式会社取引先${String(index).padStart(2, '0')}`, contactName: '担当 者', email: `t${index}@example.co.jp` },
        });
      }
    });
    after(() => backend.dispose());

    it('pages invitations 50 + 10, newest first, nextCursor absent on the last page', async () => {
      const first = await admin.listInvitations();
      assert.equal(first.invitations.length, 50);
      assert.equal(first.invitations[0]?.partner.companyName, '株式会社取引先59');
      assert.ok(first.nextCursor);
      const second = await admin.listInvitations({ cursor: first.nextCursor });
      assert.equal(second.invitations.length, 10);
      assert.equal(second.nextCursor, undefined);
      assert.equal(new Set([...first.invitations, ...second.invitations].map((row) => row.id)).size, 60);
    });

    it('searches by e-mail and filters by state', async () => {
      const found = await admin.listInvitations({ q: 'T7@EXAMPLE' });
      assert.deepEqual(found.invitations.map((row) => row.partner.email), ['t7@example.co.jp']);
      assert.equal((await admin.listInvitations({ state: 'used' })).invitations.length, 0);
      assert.equal((await admin.listInvitations({ state: 'open', limit: 100 })).invitations.length, 60);
    });

    it('resends with a new link valid until 23:59:59.999 of the 35th day in Japan time', async () => {
      const [row] = (await admin.listInvitations({ limit: 1 })).invitations;
      const again = await admin.resendInvitation(row?.id ?? '');
      assert.match(again.expiresAt, /T14:59:59\.999Z$/);
      assert.match(again.url, /\?token=[\w-]{43}$/);
    });

    it('lists the outbox without bodies and reads one mail with its link', async () => {
      const { mails, nextCursor } = await admin.listOutbox({ limit: 10 });
      assert.equal(mails.length, 10);
      assert.ok(nextCursor);
      assert.ok(mails.every((mail) => !('body' in mail)));
      const mail = await admin.readMail(mails[0]?.id ?? 0);
      assert.match(mail.body, /\?token=/);
    });

    it('refuses a wrong key with unauthorized', async () => {
      const wrong = new AdminApi({ endpoint: backend.endpoint, apiKey: 'wrong' });
      await assert.rejects(wrong.listInvitations(), (error: unknown) => error instanceof ApiError && error.code === 'unauthorized');
    });
  });
}

contract('the reference server', async () => {
  let tick = Date.parse('2026-11-29T03:00:00Z');
  const server: TestServer = await startTestServer({ clock: () => new Date((tick += 1000)) });
  return { endpoint: `${server.url}/api`, apiKey: API_KEY, dispose: () => server.dispose() };
});

contract('the MSW admin mock', async () => {
  // Distinct instants, as a real clock gives them (ties would be broken by id, as on the server).
  let tick = Date.parse('2026-11-29T03:00:00Z');
  const mock = new AdminMockBackend({ endpoint: 'http://admin-mock.test/api', apiKey: 'mock-key', now: () => new Date((tick += 1000)) });
  const worker = setupServer(...mock.handlers);
  worker.listen({ onUnhandledRequest: 'error' });
  return { endpoint: 'http://admin-mock.test/api', apiKey: 'mock-key', dispose: () => worker.close() };
});

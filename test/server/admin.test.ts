import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  applicationRecordSchema,
  invitationListSchema,
  issuedInvitationSchema,
  outboxMailSchema,
  outboxSchema,
  receiptSchema,
} from '../../src/domain/index.js';
import { seedOrderingCompany } from '../../demo/server/ordering-companies.js';
import { endOfTokyoDayAfter } from '../../demo/server/tokyo-time.js';
import {
  admin,
  API_KEY,
  errorCode,
  inviteDirectly,
  minimalPdf,
  partner,
  startTestServer,
  submit,
  type TestServer,
} from './helpers.js';

const OTHER_KEY = 'test-key-other';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('admin API: API-key protection', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await seedOrderingCompany(server.database, { name: '別発注株式会社', apiKey: OTHER_KEY });
  });
  after(() => server.dispose());

  const routes: Array<[method: string, path: string]> = [
    ['GET', '/invitations'],
    ['POST', '/invitations'],
    ['POST', '/invitations/some-id/resend'],
    ['GET', '/applications/2401260001'],
    ['GET', '/applications/2401260001/document'],
    ['GET', '/outbox'],
  ];
  for (const [method, path] of routes) {
    it(`answers ${method} /api/admin${path} without a key, or with a wrong one, with 401 unauthorized`, async () => {
      for (const apiKey of [null, 'wrong-key']) {
        const response = await admin(server, method, path, method === 'POST' ? { partner } : undefined, apiKey);
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
        assert.equal(await errorCode(response), 'unauthorized');
      }
    });
  }

  it('refuses a key sent any other way than Bearer', async () => {
    const response = await fetch(`${server.url}/api/admin/invitations`, { headers: { Authorization: `Basic ${API_KEY}` } });
    assert.equal(response.status, 401);
  });

  it('seeds one company from many seedings at once (servers starting together on one database)', async () => {
    // The race is narrow (both inserts past ON CONFLICT's look before either commits): 30 rounds of 10.
    for (let round = 0; round < 30; round++) {
      const input = { name: `同時起動株式会社${round}`, apiKey: `test-key-together-${round}` };
      const seeded = await Promise.all(Array.from({ length: 10 }, () => seedOrderingCompany(server.database, input)));
      assert.equal(new Set(seeded.map((company) => company.id)).size, 1);
      const rows = await server.database.db.selectFrom('ordering_companies').select('id').where('name', '=', input.name).execute();
      assert.equal(rows.length, 1);
    }
  });

  it('stores API keys hashed, never as given', async () => {
    const rows = await server.database.db.selectFrom('ordering_companies').select('api_key_sha256').execute();
    const stored = rows.map((row) => row.api_key_sha256);
    assert.ok(stored.every((value) => /^[0-9a-f]{64}$/.test(value)));
    assert.ok(!stored.includes(API_KEY));
  });

  it("shows one company nothing of another's: invitations, resend, applications, documents, outbox", async () => {
    const mine = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token: mine.token })).json());

    const theirList = invitationListSchema.parse(await (await admin(server, 'GET', '/invitations', undefined, OTHER_KEY)).json());
    assert.deepEqual(theirList.invitations, []);
    assert.equal((await admin(server, 'POST', `/invitations/${mine.id}/resend`, undefined, OTHER_KEY)).status, 404);
    assert.equal((await admin(server, 'GET', `/applications/${receiptNumber}`, undefined, OTHER_KEY)).status, 404);
    assert.equal((await admin(server, 'GET', `/applications/${receiptNumber}/document`, undefined, OTHER_KEY)).status, 404);
    const theirOutbox = outboxSchema.parse(await (await admin(server, 'GET', '/outbox', undefined, OTHER_KEY)).json());
    assert.deepEqual(theirOutbox.mails, []);

    const myList = invitationListSchema.parse(await (await admin(server, 'GET', '/invitations')).json());
    assert.ok(myList.invitations.some((invitation) => invitation.id === mine.id));
  });
});

describe('admin API: invitations', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ publicBaseUrl: 'https://portal.example.jp/apply' });
  });
  after(() => server.dispose());

  it('issues an invitation: 201 with id, a 32-byte base64url token, its link and a 35-day expiry', async () => {
    const response = await admin(server, 'POST', '/invitations', { partner });
    assert.equal(response.status, 201);
    const issued = issuedInvitationSchema.parse(await response.json());
    assert.match(issued.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(issued.token, 'base64url').length, 32);
    assert.equal(issued.url, `https://portal.example.jp/apply/?token=${issued.token}`);
    assert.equal(issued.expiresAt, endOfTokyoDayAfter(server.now.value, 35).toISOString());
    assert.equal(issued.state, 'open');
    assert.deepEqual(issued.partner, partner);
    assert.equal((await fetch(`${server.url}/api/invitations/${issued.token}`)).status, 200);
  });

  it('stores only the hash of the token', async () => {
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    const row: Record<string, unknown> = await server.database.db.selectFrom('invitations').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow();
    assert.ok(!Object.values(row).some((value) => typeof value === 'string' && value.includes(issued.token)));
  });

  it('mails 利用申請サイトのお知らせ to the partner with the link (outbox)', async () => {
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    const { mails } = outboxSchema.parse(await (await admin(server, 'GET', '/outbox')).json());
    assert.ok(mails[0]);
    assert.equal('body' in mails[0], false, 'the list carries no bodies');
    const mail = outboxMailSchema.parse(await (await admin(server, 'GET', `/outbox/${mails[0].id}`)).json());
    assert.equal(mail.to, partner.email);
    assert.equal(mail.subject, '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ');
    assert.ok(mail.body.includes(issued.url));
    assert.ok(mail.body.includes('発注建設株式会社 様の依頼に基づき'));
    assert.ok(mail.body.includes(`${partner.contactName} 様`));
    assert.ok(mail.body.includes('35 日以内'));
    assert.equal(mail.createdAt, server.now.value.toISOString());
  });

  it('keeps the prefill, branding and allowed kinds for the wizard', async () => {
    const request = {
      partner,
      prefill: { company: { name: '株式会社山田建設' } },
      branding: { displayName: '発注建設', logoUrl: 'https://cdn.example.jp/logo.svg', primaryColor: '#05a' },
      allowedKinds: ['corporation'],
    };
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', request)).json());
    const invitation = (await (await fetch(`${server.url}/api/invitations/${issued.token}`)).json()) as Record<string, unknown>;
    assert.deepEqual(invitation.prefill, request.prefill);
    assert.deepEqual(invitation.branding, request.branding);
    assert.deepEqual(invitation.allowedKinds, ['corporation']);
  });

  it('refuses an invalid request with 400 validation_failed and codes per field', async () => {
    const response = await admin(server, 'POST', '/invitations', {
      partner: { companyName: '', contactName: '山田 太郎', email: 'not-an-address' },
      branding: { logoUrl: 'http://cdn.example.jp/logo.svg', primaryColor: 'red' },
      allowedKinds: ['corporation', 'company'],
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; issues: Array<{ path: string[]; code: string; message: string }> } };
    assert.equal(body.error.code, 'validation_failed');
    const found = body.error.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`).sort();
    assert.deepEqual(found, [
      'allowedKinds.1:invalid',
      'branding.logoUrl:httpsUrl',
      'branding.primaryColor:hexColor',
      'partner.companyName:required',
      'partner.email:email',
    ]);
    assert.ok(body.error.issues.every((issue) => issue.message === issue.code));
  });

  it('refuses a logo that is not https (javascript:, data:) and accepts #rgb and #rrggbb colours', async () => {
    for (const logoUrl of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '//cdn.example.jp/logo.png']) {
      const response = await admin(server, 'POST', '/invitations', { partner, branding: { logoUrl } });
      assert.equal(response.status, 400, logoUrl);
    }
    for (const primaryColor of ['#abc', '#A0B1C2']) {
      assert.equal((await admin(server, 'POST', '/invitations', { partner, branding: { primaryColor } })).status, 201);
    }
    for (const primaryColor of ['#abcd', 'rgb(0,0,0)', '#12345g', 'var(--x)']) {
      assert.equal((await admin(server, 'POST', '/invitations', { partner, branding: { primaryColor } })).status, 400);
    }
  });

  it('refuses a body that is not JSON, and one over 64 kB', async () => {
    const broken = await fetch(`${server.url}/api/admin/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: '{',
    });
    assert.equal(broken.status, 400);
    assert.equal(await errorCode(broken), 'validation_failed');
    const huge = await admin(server, 'POST', '/invitations', { partner, prefill: { company: { name: 'x'.repeat(70_000) } } });
    assert.equal(huge.status, 413);
    assert.equal(await errorCode(huge), 'payload_too_large');
  });

  it('resends: new token and 35-day window, the old token dead (404), a new mail', async () => {
    const first = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    const mailsBefore = outboxSchema.parse(await (await admin(server, 'GET', '/outbox')).json()).mails.length;
    const start = server.now.value;
    server.now.value = new Date(start.getTime() + 40 * DAY_MS); // the first link has expired by now
    try {
      assert.equal((await fetch(`${server.url}/api/invitations/${first.token}`)).status, 410);
      const response = await admin(server, 'POST', `/invitations/${first.id}/resend`);
      assert.equal(response.status, 200);
      const again = issuedInvitationSchema.parse(await response.json());
      assert.equal(again.id, first.id);
      assert.notEqual(again.token, first.token);
      assert.equal(again.expiresAt, endOfTokyoDayAfter(server.now.value, 35).toISOString());
      assert.equal((await fetch(`${server.url}/api/invitations/${first.token}`)).status, 404);
      assert.equal((await fetch(`${server.url}/api/invitations/${again.token}`)).status, 200);
      const { mails } = outboxSchema.parse(await (await admin(server, 'GET', '/outbox')).json());
      assert.equal(mails.length, mailsBefore + 1);
      const latest = outboxMailSchema.parse(await (await admin(server, 'GET', `/outbox/${mails[0]?.id}`)).json());
      assert.ok(latest.body.includes(again.url));
    } finally {
      server.now.value = start;
    }
  });

  it('refuses to resend an unknown invitation (404) or one already answered (409)', async () => {
    assert.equal((await admin(server, 'POST', '/invitations/no-such-id/resend')).status, 404);
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    assert.equal((await submit(server, { token: issued.token })).status, 201);
    const response = await admin(server, 'POST', `/invitations/${issued.id}/resend`);
    assert.equal(response.status, 409);
    assert.equal(await errorCode(response), 'invitation_used');
  });

  it('lists invitations newest first with their state and, once answered, the application', async () => {
    const fresh = await startTestServer();
    try {
      const open = await inviteDirectly(fresh);
      fresh.now.value = new Date(fresh.now.value.getTime() + 1000);
      const expired = await inviteDirectly(fresh, { expiresAt: new Date(fresh.now.value.getTime() - 1) });
      fresh.now.value = new Date(fresh.now.value.getTime() + 1000);
      const used = await inviteDirectly(fresh);
      const receipt = receiptSchema.parse(await (await submit(fresh, { token: used.token })).json());

      const { invitations } = invitationListSchema.parse(await (await admin(fresh, 'GET', '/invitations')).json());
      assert.deepEqual(
        invitations.map(({ id, state }) => [id, state]),
        [
          [used.id, 'used'],
          [expired.id, 'expired'],
          [open.id, 'open'],
        ],
      );
      assert.deepEqual(invitations[0]?.application, { ...receipt, companyName: '株式会社山田建設', stage: 'accepted' });
      assert.equal(invitations[1]?.application, undefined);
      assert.deepEqual(invitations[2]?.partner, partner);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('admin API: applications and documents', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('gives the stored application with the document metadata', async () => {
    const issued = await inviteDirectly(server);
    const receipt = receiptSchema.parse(await (await submit(server, { token: issued.token })).json());
    const response = await admin(server, 'GET', `/applications/${receipt.receiptNumber}`);
    assert.equal(response.status, 200);
    const record = applicationRecordSchema.parse(await response.json());
    const pdf = new Uint8Array(await minimalPdf().arrayBuffer());
    assert.equal(record.receiptNumber, receipt.receiptNumber);
    assert.equal(record.acceptedAt, receipt.acceptedAt);
    assert.equal(record.invitationId, issued.id);
    assert.equal(record.application.company.name, '株式会社山田建設');
    assert.equal(record.application.adminUser.email, 'hanako@example.co.jp');
    assert.deepEqual(record.document, {
      fileName: `${receipt.receiptNumber}.pdf`,
      originalName: 'テスト証明書.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('gives the document back byte for byte, as an attachment named after the receipt number', async () => {
    const { token } = await inviteDirectly(server);
    // Every byte value, so nothing is lost to a text encoding on the way.
    const bytes = new Uint8Array(4096 + 256);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    for (let i = 9; i < bytes.length; i++) bytes[i] = i % 256;
    const trailer = new TextEncoder().encode('\nstartxref\n9\n%%EOF\n'); // a complete file ends so
    bytes.set(trailer, bytes.length - trailer.length);
    const { receiptNumber } = receiptSchema.parse(
      await (await submit(server, { token, document: new File([bytes], '../../etc/印鑑証明書.pdf') })).json(),
    );
    const response = await admin(server, 'GET', `/applications/${receiptNumber}/document`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/pdf');
    assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="${receiptNumber}.pdf"`);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
    const record = applicationRecordSchema.parse(await (await admin(server, 'GET', `/applications/${receiptNumber}`)).json());
    assert.equal(record.document.originalName, '印鑑証明書.pdf', 'shown without the directories it claimed');
  });

  it('answers an unknown receipt number with 404 application_not_found', async () => {
    for (const path of ['/applications/9999999999', '/applications/9999999999/document']) {
      const response = await admin(server, 'GET', path);
      assert.equal(response.status, 404);
      assert.equal(await errorCode(response), 'application_not_found');
    }
  });

  it("lists the outbox newest first: the partner's invitation mail, then the administrator's receipt mail", async () => {
    const fresh = await startTestServer();
    try {
      const { token } = await inviteDirectly(fresh);
      await submit(fresh, { token });
      const { mails } = outboxSchema.parse(await (await admin(fresh, 'GET', '/outbox')).json());
      assert.deepEqual(
        mails.map(({ to, subject }) => [to, subject]),
        [
          ['hanako@example.co.jp', '【CECTRUST-Lightサービス】利用申請受付のお知らせ'],
          [partner.email, '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ'],
        ],
      );
    } finally {
      await fresh.dispose();
    }
  });
});

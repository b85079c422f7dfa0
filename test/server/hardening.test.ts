/**
 * The reference server against abuse (issue 10, "Hardened"): hostile JSON, rate limits, the Host
 * allow-list, no-store, uploads screened before their document is kept, upload caps, tokens never at
 * rest in clear, file modes and SQLite pragmas, receipt numbers per ordering company.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { outboxMailSchema, outboxSchema, receiptSchema } from '../../src/domain/index.js';
import { sql } from 'kysely';
import { seedOrderingCompany } from '../../demo/server/ordering-companies.js';
import {
  admin,
  countRows,
  errorCode,
  inviteDirectly,
  minimalPdf,
  oversizePdf,
  startTestServer,
  submit,
  TEST_ENGINE,
  validApplication,
  type TestServer,
} from './helpers.js';

const deeplyNested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('hostile JSON', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('answers JSON nested 10,000 deep with 400 validation_failed, never 500, on every JSON body', async () => {
    const hostile = `{"partner":${deeplyNested(10_000)}}`;
    const invitation = await fetch(`${server.url}/api/admin/invitations`, {
      method: 'POST',
      headers: { Authorization: 'Bearer test-key-hacchu', 'Content-Type': 'application/json' },
      body: hostile,
    });
    assert.equal(invitation.status, 400);
    assert.equal(await errorCode(invitation), 'validation_failed');

    const { token } = await inviteDirectly(server);
    const draft = await fetch(`${server.url}/api/invitations/${token}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: `{"draft":{"a":${deeplyNested(10_000)}}}`,
    });
    assert.equal(draft.status, 400);

    const form = new FormData();
    form.append('application', `{"token":"${token}","extensions":${deeplyNested(10_000)}}`);
    form.append('document', minimalPdf());
    const application = await fetch(`${server.url}/api/applications`, { method: 'POST', headers: { 'Idempotency-Key': 'deep' }, body: form });
    assert.equal(application.status, 400);
    assert.equal(await errorCode(application), 'validation_failed');
  });

  it('refuses oversized, too deep or too many-keyed extensions with 400 on extensions, storing nothing', async () => {
    const oversized = { big: 'x'.repeat(20_000) };
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    const manyKeys = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`k${index}`, index]));
    for (const extensions of [oversized, deep, manyKeys]) {
      const { token } = await inviteDirectly(server);
      const response = await submit(server, { token, application: { ...validApplication(token), extensions } });
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { issues: Array<{ path: string[]; code: string }> } };
      assert.deepEqual(body.error.issues, [{ path: ['extensions'], message: 'tooLarge', code: 'tooLarge' }]);
    }
    assert.equal(await countRows(server, 'applications'), 0);
  });

  it('accepts small extensions', async () => {
    const { token } = await inviteDirectly(server);
    const response = await submit(server, { token, application: { ...validApplication(token), extensions: { partnerCode: { value: 'P-0042' } } } });
    assert.equal(response.status, 201);
  });
});

describe('rate limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ rateLimits: { tokenFailures: 5, apiKeyFailures: 3, windowMs: 60_000 } });
  });
  after(() => server.dispose());

  it('answers the 6th unknown token of a minute with 429 and Retry-After, and then every look-up from that address', async () => {
    const { token } = await inviteDirectly(server);
    for (let attempt = 0; attempt < 5; attempt++) assert.equal((await fetch(`${server.url}/api/invitations/guess-${attempt}`)).status, 404);
    const limited = await fetch(`${server.url}/api/invitations/guess-6`);
    assert.equal(limited.status, 429);
    assert.equal(await errorCode(limited), 'too_many_requests');
    const retryAfter = Number(limited.headers.get('Retry-After'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await fetch(`${server.url}/api/invitations/${token}`)).status, 429, 'guessing costs the guesser the real look-ups too');
  });

  it('answers the 4th wrong API key of a minute with 429 and Retry-After', async () => {
    for (let attempt = 0; attempt < 3; attempt++) assert.equal((await admin(server, 'GET', '/invitations', undefined, `wrong-${attempt}`)).status, 401);
    const limited = await admin(server, 'GET', '/invitations', undefined, 'wrong-again');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
  });

  it('never counts successful look-ups, even twenty at once: a partner reloading the form is not limited', async () => {
    const fresh = await startTestServer({ rateLimits: { tokenFailures: 2, apiKeyFailures: 2, windowMs: 60_000 } });
    try {
      const { token } = await inviteDirectly(fresh);
      // Twenty at once, as a busy console or many partners behind one proxy would send them.
      const lookUps = await Promise.all(Array.from({ length: 20 }, () => fetch(`${fresh.url}/api/invitations/${token}`)));
      assert.deepEqual([...new Set(lookUps.map((response) => response.status))], [200]);
      const lists = await Promise.all(Array.from({ length: 20 }, () => admin(fresh, 'GET', '/outbox')));
      assert.deepEqual([...new Set(lists.map((response) => response.status))], [200]);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('HTTP hygiene for personal data', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('sends Cache-Control: no-store on the invitation, the draft, the receipt and every admin answer', async () => {
    const { token } = await inviteDirectly(server);
    await fetch(`${server.url}/api/invitations/${token}/draft`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"draft":{"step":2}}' });
    const answers = [
      await fetch(`${server.url}/api/invitations/${token}`),
      await fetch(`${server.url}/api/invitations/${token}/draft`),
      await submit(server, { token }),
      await admin(server, 'GET', '/invitations'),
      await admin(server, 'GET', '/outbox'),
      await fetch(`${server.url}/api/invitations/unknown`),
    ];
    for (const response of answers) assert.match(response.headers.get('Cache-Control') ?? '', /no-store/, response.url);
  });

  it('answers a request for a foreign host name (DNS rebinding) with 403 forbidden_host', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const call = request(`${server.url}/api/openapi.json`, { headers: { Host: host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        call.on('error', reject);
        call.end();
      });
    assert.equal(await status('evil.example:8787'), 403);
    assert.equal(await status(`localhost:${server.port}`), 200);
    assert.equal(await status('portal.example.jp'), 200, 'the embedding portal’s host is allowed');
  });
});

describe('uploads are screened before their document is kept', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  /** A request whose body sends the application part, then holds the document back until `release`. */
  function heldUpload(token: string, target: TestServer = server) {
    const boundary = 'heldboundary0123456789';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="application"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(validApplication(token))}\r\n--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        await released;
        controller.enqueue(new TextEncoder().encode(`startxref\n0\n%%EOF\r\n--${boundary}--\r\n`));
        controller.close();
      },
    });
    const response = fetch(`${target.url}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Idempotency-Key': crypto.randomUUID() },
      body,
      duplex: 'half',
    } as RequestInit);
    return { response, release };
  }

  it('refuses an unknown token from the application part alone, while the document is still on its way', async () => {
    const upload = heldUpload('no-such-token');
    const response = await upload.response; // answered although the document has not been sent
    assert.equal(response.status, 404);
    assert.equal(await errorCode(response), 'invitation_not_found');
    upload.release();
  });

  it('refuses an expired invitation the same way (410), and a used one (409)', async () => {
    const expired = await inviteDirectly(server, { expiresAt: new Date(server.now.value.getTime() - 1) });
    const upload = heldUpload(expired.token);
    assert.equal((await upload.response).status, 410);
    upload.release();
  });

  it('refuses a document sent before the application part with 400, keeping nothing', async () => {
    const { token } = await inviteDirectly(server);
    const form = new FormData();
    form.append('document', minimalPdf());
    form.append('application', JSON.stringify(validApplication(token)));
    const response = await fetch(`${server.url}/api/applications`, { method: 'POST', headers: { 'Idempotency-Key': 'order' }, body: form });
    assert.equal(response.status, 400);
    assert.equal(await countRows(server, 'documents'), 0);
  });

  it('answers an upload beyond the concurrency cap with 503 and Retry-After, and takes it once a place is free', async () => {
    const capped = await startTestServer({ uploadLimits: { maxConcurrent: 2 } });
    try {
      const [first, second, third] = await Promise.all([1, 2, 3].map(() => inviteDirectly(capped)));
      const uploads = [heldUpload(first?.token ?? '', capped), heldUpload(second?.token ?? '', capped)];
      await new Promise((resolve) => setTimeout(resolve, 200)); // both are in, holding their places
      const refused = await submit(capped, { token: third?.token ?? '' });
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('Retry-After'), '2');
      for (const upload of uploads) upload.release();
      assert.deepEqual(await Promise.all(uploads.map(async (upload) => (await upload.response).status)), [201, 201]);
      assert.equal((await submit(capped, { token: third?.token ?? '' })).status, 201);
    } finally {
      await capped.dispose();
    }
  });

  it('refuses a body over the limit by its Content-Length before reading it', async () => {
    const { token } = await inviteDirectly(server);
    const response = await submit(server, { token, document: oversizePdf(12 * 1024 * 1024) });
    assert.equal(response.status, 413);
  });
});

describe('receipt numbers per ordering company', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: new Date('2026-11-25T03:00:00Z') } });
  });
  after(() => server.dispose());

  it("keeps accepting another company's applications when one company's day has run out of numbers", async () => {
    const other = await seedOrderingCompany(server.database, { name: '別発注株式会社', apiKey: 'other-key' });
    await server.database.db.insertInto('receipt_sequences').values({ ordering_company_id: server.company.id, day: '261125', last_value: 9999 }).execute();
    const ours = await inviteDirectly(server);
    assert.equal((await submit(server, { token: ours.token })).status, 503);
    const theirs = await inviteDirectly(server, { orderingCompanyId: other.id });
    const receipt = receiptSchema.parse(await (await submit(server, { token: theirs.token })).json());
    assert.equal(receipt.receiptNumber, '2611250001', 'their own sequence, 10 digits as the contract says');
  });
});

describe('secrets and files at rest', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('keeps no invitation token in clear anywhere in the database: the outbox link is sealed', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => inviteDirectly(server)));
    const rows = await server.database.db.selectFrom('outbox').selectAll().execute();
    const stored = JSON.stringify(rows);
    for (const { token } of issued) assert.ok(!stored.includes(token), 'a token in the outbox');
    if (TEST_ENGINE === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(server.database.db);
      const files = readdirSync(server.dataDir).map((name) => readFileSync(join(server.dataDir, name)).toString('latin1'));
      for (const { token } of issued) assert.ok(!files.some((file) => file.includes(token)), 'a token in the data directory');
    }
  });

  it('shows the ordering company the link of an undelivered mail (unsealed on reading)', async () => {
    const issued = await inviteDirectly(server);
    const { mails } = outboxSchema.parse(await (await admin(server, 'GET', '/outbox?limit=1')).json());
    const mail = outboxMailSchema.parse(await (await admin(server, 'GET', `/outbox/${mails[0]?.id}`)).json());
    assert.ok(mail.body.includes(issued.url));
  });

  it('keeps the data directory 0700 and its files 0600', { skip: TEST_ENGINE !== 'sqlite' && 'SQLite only' }, async () => {
    assert.equal(statSync(server.dataDir).mode & 0o777, 0o700);
    for (const name of readdirSync(server.dataDir)) assert.equal(statSync(join(server.dataDir, name)).mode & 0o777, 0o600, name);
  });

  it('runs SQLite with synchronous=FULL and secure_delete, also after a restart', { skip: TEST_ENGINE !== 'sqlite' && 'SQLite only' }, async () => {
    const restarted = await server.restart();
    server = restarted;
    const pragma = async (name: string) => Object.values((await sql.raw(`PRAGMA ${name}`).execute(restarted.database.db)).rows[0] as object)[0];
    assert.equal(await pragma('synchronous'), 2);
    assert.equal(await pragma('secure_delete'), 1);
    assert.equal(await pragma('journal_mode'), 'wal');
  });
});

describe('static files', () => {
  let server: TestServer;
  let staticDir: string;
  const script = `export const words = ${JSON.stringify('利用申請 '.repeat(2000))};\n`;
  before(async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    staticDir = mkdtempSync(join(tmpdir(), 'cec-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'index-B2x9_kQz.js'), script);
    writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>portal</title>${'<p>利用申請</p>'.repeat(200)}`);
    server = await startTestServer({ staticDir });
  });
  after(async () => {
    await server.dispose();
    (await import('node:fs')).rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves hashed assets brotli-compressed and cached for a year, immutable', async () => {
    const { brotliDecompressSync } = await import('node:zlib');
    const { request } = await import('node:http');
    const { headers, body } = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const call = request(`${server.url}/assets/index-B2x9_kQz.js`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      });
      call.on('error', reject);
      call.end();
    });
    assert.equal(headers['content-encoding'], 'br');
    assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.ok(body.length < Buffer.byteLength(script) / 5, `${body.length} bytes compressed`);
    assert.equal(brotliDecompressSync(body).toString('utf8'), script);
  });

  it('answers a hashed asset asked for again from memory, in the encoding each client accepts, with the same headers', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const { request } = await import('node:http');
    const ask = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const call = request(`${server.url}/assets/index-B2x9_kQz.js`, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        });
        call.on('error', reject);
        call.end();
      });
    const decode = { br: brotliDecompressSync, gzip: gunzipSync, identity: (body: Buffer) => body };
    for (const round of [1, 2, 3]) {
      for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['identity', 'identity']] as const) {
        const { headers, body } = await ask(accept);
        assert.equal(headers['content-encoding'] ?? 'identity', encoding, `round ${round}, ${accept}`);
        assert.equal(decode[encoding](body).toString('utf8'), script, `round ${round}, ${accept}`);
        assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.equal(headers['x-content-type-options'], 'nosniff', 'the security headers come with a remembered answer too');
      }
    }
  });

  it("never answers with an asset another server of the same process remembers from its own folder", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const otherDir = mkdtempSync(join(tmpdir(), 'cec-static-other-'));
    writeFileSync(join(otherDir, 'index.html'), '<!doctype html><title>other</title>');
    const other = await startTestServer({ staticDir: otherDir });
    try {
      assert.equal((await fetch(`${server.url}/assets/index-B2x9_kQz.js`)).status, 200, 'remembered by the first server');
      assert.equal((await fetch(`${other.url}/assets/index-B2x9_kQz.js`)).status, 404);
    } finally {
      await other.dispose();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('serves pages gzip-compressed to a gzip-only client, revalidated every time, with the CSP', async () => {
    const response = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.equal(response.headers.get('Cache-Control'), 'no-cache');
    assert.ok(response.headers.get('Content-Security-Policy'));
    assert.match(await response.text(), /<title>portal<\/title>/);
  });
});

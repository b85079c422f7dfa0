import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { errorBodySchema, issuedInvitationSchema, receiptSchema } from '../../src/domain/index.js';
import { CONTENT_SECURITY_POLICY } from '../../demo/server/http/middleware.js';
import { buildOpenApiDocument } from '../../demo/server/openapi.js';
import { SCHEMA_VERSION } from '../../demo/server/migrations.js';
import {
  admin,
  errorCode,
  inviteDirectly,
  partner,
  PORTAL_ORIGIN,
  startTestServer,
  submit,
  validApplication,
  type TestServer,
} from './helpers.js';

describe('CORS: only allowed origins may call the API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('answers an allowed portal with its origin in Access-Control-Allow-Origin', async () => {
    const { token } = await inviteDirectly(server);
    const response = await fetch(`${server.url}/api/invitations/${token}`, { headers: { Origin: PORTAL_ORIGIN } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), PORTAL_ORIGIN);
    assert.match(response.headers.get('Vary') ?? '', /Origin/);
  });

  it("carries the allow header on error answers too, so the portal can read the error's code", async () => {
    const response = await fetch(`${server.url}/api/invitations/unknown`, { headers: { Origin: PORTAL_ORIGIN } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), PORTAL_ORIGIN);
    assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/);
  });

  it('answers a preflight from an allowed portal with the methods and headers the contract uses', async () => {
    const response = await fetch(`${server.url}/api/applications`, {
      method: 'OPTIONS',
      headers: {
        Origin: PORTAL_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), PORTAL_ORIGIN);
    assert.match(response.headers.get('Access-Control-Allow-Methods') ?? '', /POST/);
    const allowedHeaders = (response.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
    for (const header of ['idempotency-key', 'content-type', 'authorization']) assert.ok(allowedHeaders.includes(header), header);
  });

  it('refuses an unknown origin with 403 forbidden_origin, preflight and request alike, and stores nothing', async () => {
    const evil = 'https://evil.example';
    const preflight = await fetch(`${server.url}/api/applications`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), null);
    const { token } = await inviteDirectly(server);
    const post = await submit(server, { token, headers: { Origin: evil } });
    assert.equal(post.status, 403);
    assert.equal(await errorCode(post), 'forbidden_origin');
    assert.equal((await fetch(`${server.url}/api/invitations/${token}`)).status, 200, 'the invitation is untouched');
    const nullOrigin = await fetch(`${server.url}/api/invitations/${token}`, { headers: { Origin: 'null' } });
    assert.equal(nullOrigin.status, 403);
  });

  it("accepts the server's own origin (the demo pages) and requests without Origin", async () => {
    const { token } = await inviteDirectly(server);
    assert.equal((await fetch(`${server.url}/api/invitations/${token}`, { headers: { Origin: server.url } })).status, 200);
    assert.equal((await fetch(`${server.url}/api/invitations/${token}`)).status, 200);
  });
});

describe('responses', () => {
  let server: TestServer;
  let staticDir: string;
  before(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'cec-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>portal</title>');
    mkdirSync(join(staticDir, 'console'));
    writeFileSync(join(staticDir, 'console', 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(staticDir, 'app.js'), 'export {};');
    server = await startTestServer({ staticDir });
  });
  after(async () => {
    await server.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('answers unknown routes with 404 not_found as JSON', async () => {
    for (const path of ['/api/nothing-here', '/api/invitations', '/nothing-here.html']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get('Content-Type') ?? '', /application\/json/);
      assert.equal(await errorCode(response), 'not_found');
    }
  });

  it('serves / and /console/ from the static directory with the strict CSP', async () => {
    for (const [path, title] of [
      ['/', 'portal'],
      ['/console/', 'console'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), new RegExp(`<title>${title}</title>`));
      assert.equal(response.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
    }
  });

  it('sends the CSP the brief spells out, Trusted Types for Lit included', () => {
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'; " +
        "require-trusted-types-for 'script'; trusted-types lit-html",
    );
  });

  it('serves scripts with their type and nosniff, and nothing outside the directory', async () => {
    const script = await fetch(`${server.url}/app.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('Content-Type') ?? '', /javascript/);
    assert.equal(script.headers.get('X-Content-Type-Options'), 'nosniff');
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
    }
  });

  it('sends nosniff and no-referrer on API answers', async () => {
    const response = await fetch(`${server.url}/api/invitations/unknown`);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
  });

  it('answers an unexpected failure with 500 internal_error, no stack, no internals', async () => {
    const broken = await startTestServer();
    try {
      await sql`DROP TABLE outbox`.execute(broken.database.db); // the next invitation cannot queue its mail
      const response = await admin(broken, 'POST', '/invitations', { partner });
      assert.equal(response.status, 500);
      const text = await response.text();
      assert.deepEqual(JSON.parse(text), { error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
      assert.doesNotMatch(text, /outbox|SQLITE|at \w+ \(|\.ts:\d+/i);
      const errorLine = broken.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.level === 'error');
      assert.equal(errorLine?.route, '/api/admin/invitations', 'the log keeps what the response hides');
    } finally {
      await broken.dispose();
    }
  });

  it('sends error bodies the domain errorBodySchema (the client) reads', async () => {
    const { token } = await inviteDirectly(server);
    const application = validApplication(token);
    application.adminUser.email = 'x';
    const response = await submit(server, { token, application });
    assert.equal(errorBodySchema.safeParse(await response.json()).success, true);
  });
});

describe('logs', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('write one JSON line per request with method, route pattern, status and duration', async () => {
    server.logs.length = 0;
    const { token } = await inviteDirectly(server);
    await fetch(`${server.url}/api/invitations/${token}?utm=x`);
    await fetch(`${server.url}/api/invitations/${token}/draft`);
    const entries = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(entries.length, 2);
    assert.deepEqual(
      entries.map(({ method, route, status }) => ({ method, route, status })),
      [
        { method: 'GET', route: '/api/invitations/:token', status: 200 },
        { method: 'GET', route: '/api/invitations/:token/draft', status: 404 },
      ],
    );
    assert.ok(entries.every((entry) => typeof entry.ms === 'number' && typeof entry.time === 'string'));
  });

  it('never contain a token, a name, an address or a receipt number', async () => {
    server.logs.length = 0;
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    await fetch(`${server.url}/api/invitations/${issued.token}`);
    await fetch(`${server.url}/api/invitations/${issued.token}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ draft: { company: { name: '株式会社山田建設' } } }),
    });
    const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token: issued.token })).json());
    await admin(server, 'GET', `/applications/${receiptNumber}`);
    await fetch(`${server.url}/api/invitations/${issued.token}`, { headers: { Origin: 'https://evil.example' } });
    await admin(server, 'GET', '/outbox', undefined, 'wrong-key');

    const text = server.logs.join('\n');
    assert.ok(server.logs.length >= 6);
    for (const secret of [issued.token, receiptNumber, partner.email, partner.companyName, 'hanako@example.co.jp', '山田', 'wrong-key']) {
      assert.ok(!text.includes(secret), `log contains ${secret}`);
    }
    const routes = server.logs.map((line) => (JSON.parse(line) as { route: string }).route);
    assert.ok(routes.includes('/api/admin/applications/:receiptNumber'));
    assert.ok(routes.includes('/api/admin/outbox'), 'a refused key is logged under the route it was for');
  });
});

describe('restart', () => {
  it('loses nothing: invitations, applications, documents, drafts, outbox, receipt sequence', async () => {
    const now = { value: new Date('2024-01-25T15:30:00Z') };
    let server = await startTestServer({ now });
    try {
      const answered = await inviteDirectly(server);
      const waiting = await inviteDirectly(server);
      const first = receiptSchema.parse(await (await submit(server, { token: answered.token })).json());
      await fetch(`${server.url}/api/invitations/${waiting.token}/draft`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ draft: { step: 3 } }),
      });
      const documentBefore = new Uint8Array(await (await admin(server, 'GET', `/applications/${first.receiptNumber}/document`)).arrayBuffer());
      const outboxBefore = await (await admin(server, 'GET', '/outbox')).json();
      const listBefore = await (await admin(server, 'GET', '/invitations')).json();

      server = await server.restart();

      assert.deepEqual(await (await admin(server, 'GET', '/invitations')).json(), listBefore);
      assert.deepEqual(await (await admin(server, 'GET', '/outbox')).json(), outboxBefore);
      assert.equal((await admin(server, 'GET', `/applications/${first.receiptNumber}`)).status, 200);
      const documentAfter = new Uint8Array(await (await admin(server, 'GET', `/applications/${first.receiptNumber}/document`)).arrayBuffer());
      assert.deepEqual(documentAfter, documentBefore);
      assert.equal((await fetch(`${server.url}/api/invitations/${answered.token}`)).status, 409);
      assert.deepEqual(((await (await fetch(`${server.url}/api/invitations/${waiting.token}/draft`)).json()) as { draft: unknown }).draft, {
        step: 3,
      });
      const second = receiptSchema.parse(await (await submit(server, { token: waiting.token })).json());
      assert.equal(second.receiptNumber, '2401260002', 'the daily sequence continues');
      const migrations = await server.database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
      assert.deepEqual(migrations.map((row) => Number(row.version)), Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1), 'each migration is applied once');
    } finally {
      await server.dispose();
    }
  });
});

describe('OpenAPI', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  it('is served at /api/openapi.json, and the committed openapi.json is up to date', async () => {
    const served = await (await fetch(`${server.url}/api/openapi.json`)).json();
    assert.deepEqual(served, buildOpenApiDocument());
    const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as unknown;
    assert.deepEqual(committed, served, 'run: node --import tsx scripts/openapi.ts');
  });

  it('describes every route with its error answers, and every $ref resolves', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const expected: Record<string, Record<string, string[]>> = {
      '/invitations/{token}': { get: ['200', '404', '409', '410'] },
      '/invitations/{token}/draft': { put: ['204', '400', '404', '409', '410', '413'], get: ['200', '404', '409', '410'] },
      '/applications': { post: ['201', '400', '404', '409', '410', '413', '415', '500'] },
      '/paper-applications': { post: ['201', '400', '409', '413', '429', '500'] },
      '/admin/invitations': { post: ['201', '400', '401'], get: ['200', '401'] },
      '/admin/invitations/{id}/resend': { post: ['200', '401', '404', '409'] },
      '/admin/applications/{receiptNumber}': { get: ['200', '401', '404'] },
      '/admin/applications/{receiptNumber}/document': { get: ['200', '401', '404'] },
      '/admin/outbox': { get: ['200', '401'] },
      '/expiring-certificates': { get: ['200', '400', '401', '403'] },
      '/renewal-requests': { post: ['201', '400', '401', '403', '409', '413'] },
      '/renewal-requests/{requestNumber}': { get: ['200', '401', '403', '404'] },
      '/operator/renewal-requests/{requestNumber}/rows/{row}/issue': { post: ['200', '400', '401', '404', '409'] },
    };
    for (const [path, operations] of Object.entries(expected)) {
      for (const [method, statuses] of Object.entries(operations)) {
        const responses = document.paths[path]?.[method]?.responses ?? {};
        for (const status of statuses) assert.ok(status in responses, `${method} ${path} ${status}`);
      }
    }
    const refs = JSON.stringify(document).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.slice('"#/components/schemas/'.length, -1);
      assert.ok(name in document.components.schemas, ref);
    }
  });
});

/**
 * `POST /api/paper-applications` (issue 14) over real HTTP: stored with a reference number of the Japan
 * day, replayed under the same Idempotency-Key, refused with the domain's issues on their fields.
 * postgres.test.ts runs this file again on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { paperReceiptSchema, type PaperApplication } from '../../src/domain/paper-application.js';
import { findPaperApplication, PAPER_APPLICATIONS_PER_WINDOW, type PaperTables } from '../../demo/server/paper-applications.js';
import { errorCode, paperApplicationBody, PORTAL_ORIGIN, startTestServer, type TestServer } from './helpers.js';

/** 2027-04-01 00:30 in Tokyo, still 31 March in UTC: the reference number must carry Tokyo's day. */
const ACCEPTED_AT = new Date('2027-03-31T15:30:00Z');

function post(server: TestServer, body: unknown, options: { key?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  const key = options.key === undefined ? crypto.randomUUID() : options.key;
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(`${server.url}/api/paper-applications`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

function postOnOwnConnection(server: TestServer, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${server.url}/api/paper-applications`,
      { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function storedCount(server: TestServer): Promise<number> {
  const row = await server.database.db
    .withTables<PaperTables>()
    .selectFrom('paper_applications')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function issuesOf(response: Response): Promise<string[]> {
  assert.equal(response.status, 400);
  const body = (await response.json()) as { error: { code: string; issues: Array<{ path: string[]; code: string; message: string }> } };
  assert.equal(body.error.code, 'validation_failed');
  return body.error.issues.map((issue) => `${issue.path.join('.')}:${issue.code}`);
}

describe('POST /api/paper-applications', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: ACCEPTED_AT } });
  });
  after(() => server.dispose());

  it('answers 201 with P + the Tokyo day + a 4-digit sequence and stores the normalised application', async () => {
    const response = await post(server, paperApplicationBody({ issueDates: { commercialRegistration: '令和９年３月１日' } }), { headers: { Origin: PORTAL_ORIGIN } });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), PORTAL_ORIGIN);
    const receipt = paperReceiptSchema.parse(await response.json());
    assert.equal(receipt.referenceNumber, 'P2704010001');
    assert.equal(receipt.acceptedAt, ACCEPTED_AT.toISOString());
    const stored = await findPaperApplication(server.database, 'P2704010001');
    assert.equal(stored?.companyName, '株式会社山田建設');
    assert.deepEqual((stored?.application as PaperApplication).issueDates, { commercialRegistration: '2027-03-01' }, 'stored as validated');
  });

  it('replays the same answer to the same body under the same key, storing nothing twice', async () => {
    const before = await storedCount(server);
    const body = JSON.stringify(paperApplicationBody());
    const first = paperReceiptSchema.parse(await (await post(server, body, { key: 'paper-replay' })).json());
    const again = await post(server, body, { key: 'paper-replay' });
    assert.equal(again.status, 201);
    assert.deepEqual(paperReceiptSchema.parse(await again.json()), first);
    assert.equal(await storedCount(server), before + 1);
    const next = paperReceiptSchema.parse(await (await post(server, body)).json());
    assert.equal(Number(next.referenceNumber.slice(-4)), Number(first.referenceNumber.slice(-4)) + 1, 'a new key draws the next number');
  });

  it('answers 409 idempotency_conflict to another body under a used key', async () => {
    assert.equal((await post(server, paperApplicationBody(), { key: 'paper-conflict' })).status, 201);
    const before = await storedCount(server);
    const other = await post(server, paperApplicationBody({ eTokenCount: 2 }), { key: 'paper-conflict' });
    assert.equal(other.status, 409);
    assert.equal(await errorCode(other), 'idempotency_conflict');
    assert.equal(await storedCount(server), before);
  });

  it('answers 400 with the domain issues on their fields, stores nothing and leaves the key usable', async () => {
    const before = await storedCount(server);
    const [applicant] = paperApplicationBody().certificateApplicants as Array<Record<string, unknown>>;
    const broken = paperApplicationBody({ certificateApplicants: [{ ...applicant, email: 'shomei@' }] });
    assert.deepEqual(await issuesOf(await post(server, broken, { key: 'paper-fixed' })), ['certificateApplicants.0.email:email']);
    // Reference 2027-04-01 (today in Tokyo): earliest 2027-01-01.
    const tooOld = paperApplicationBody({ issueDates: { commercialRegistration: '2027-01-01', 'residentRecord-0': '2026-12-31' } });
    assert.deepEqual(await issuesOf(await post(server, tooOld, { key: 'paper-fixed' })), ['issueDates.residentRecord-0:issueDateTooOld']);
    const noService = paperApplicationBody({ services: [], userIdApplicants: [], certificateApplicants: [], issueDates: {} });
    assert.deepEqual(await issuesOf(await post(server, noService)), ['services:servicesRequired']);
    assert.deepEqual(await issuesOf(await post(server, '{"services":')), [':invalid']);
    assert.equal(await storedCount(server), before);
    assert.equal((await post(server, paperApplicationBody(), { key: 'paper-fixed' })).status, 201, 'a refused body does not use up its key');
  });

  it('asks for the Idempotency-Key and refuses an oversize body or a foreign origin', async () => {
    assert.deepEqual(await issuesOf(await post(server, paperApplicationBody(), { key: null })), ['Idempotency-Key:required']);
    const foreign = await post(server, paperApplicationBody(), { headers: { Origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    assert.equal(await errorCode(foreign), 'forbidden_origin');
    // On a connection of its own: the 413 comes before the body is read, and that socket is not reused.
    const huge = await postOnOwnConnection(server, JSON.stringify({ ...paperApplicationBody(), padding: 'x'.repeat(300 * 1024) }));
    assert.equal(huge.status, 413);
    assert.equal((JSON.parse(huge.body) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  it('starts the sequence again on the next Tokyo day', async () => {
    server.now.value = new Date('2027-04-01T15:00:00Z'); // 2027-04-02 00:00 in Tokyo
    try {
      const receipt = paperReceiptSchema.parse(await (await post(server, paperApplicationBody())).json());
      assert.equal(receipt.referenceNumber, 'P2704020001');
    } finally {
      server.now.value = ACCEPTED_AT;
    }
  });

  it("answers 503 with Retry-After until Tokyo's next day once the day's 9,999 numbers are used, storing nothing", async () => {
    server.now.value = new Date('2027-04-03T14:00:00Z'); // 2027-04-03 23:00 in Tokyo: one hour to the next day
    try {
      await server.database.db.withTables<PaperTables>().insertInto('paper_reference_sequences').values({ day: '270403', last_value: 9999 }).execute();
      const before = await storedCount(server);
      const refused = await post(server, paperApplicationBody());
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get('Retry-After'), '3600');
      assert.equal(await storedCount(server), before);
    } finally {
      server.now.value = ACCEPTED_AT;
    }
  });
});

describe('POST /api/paper-applications: the per-address limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: ACCEPTED_AT }, rateLimits: { tokenFailures: 10_000, apiKeyFailures: 10_000, windowMs: 60_000 } });
  });
  after(() => server.dispose());

  it(`stores ${PAPER_APPLICATIONS_PER_WINDOW} per window from one address, then answers 429 with Retry-After`, async () => {
    for (let index = 0; index < PAPER_APPLICATIONS_PER_WINDOW; index += 1) {
      assert.equal((await post(server, paperApplicationBody())).status, 201);
    }
    const refused = await post(server, paperApplicationBody());
    assert.equal(refused.status, 429);
    assert.equal(await errorCode(refused), 'too_many_requests');
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    assert.equal(await storedCount(server), PAPER_APPLICATIONS_PER_WINDOW);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { receiptSchema } from '../../src/domain/index.js';
import {
  applicationForm,
  countRows,
  emptyPdf,
  encryptedPdf,
  errorCode,
  inviteDirectly,
  minimalPdf,
  notPdf,
  oversizePdf,
  startTestServer,
  submit,
  validApplication,
  type TestServer,
} from './helpers.js';

/** 2024-01-26 00:30 in Tokyo, still the 25th in UTC: the receipt date must be Tokyo's. */
const ACCEPTED_AT = new Date('2024-01-25T15:30:00Z');

async function issues(response: Response): Promise<Array<{ path: string[]; message: string; code: string }>> {
  const body = (await response.json()) as { error: { code: string; issues: Array<{ path: string[]; message: string; code: string }> } };
  assert.equal(body.error.code, 'validation_failed');
  return body.error.issues;
}

describe('POST /api/applications', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: ACCEPTED_AT } });
  });
  after(() => server.dispose());

  describe('accepting', () => {
    it('answers 201 with a receipt number of the Tokyo date and a 4-digit daily sequence', async () => {
      const { token } = await inviteDirectly(server);
      const response = await submit(server, { token });
      assert.equal(response.status, 201);
      const receipt = receiptSchema.parse(await response.json());
      assert.match(receipt.receiptNumber, /^240126\d{4}$/);
      assert.equal(receipt.acceptedAt, ACCEPTED_AT.toISOString());
    });

    it('stores the application, its document and the receipt mail, and marks the invitation used, together', async () => {
      const { id, token } = await inviteDirectly(server);
      const response = await submit(server, { token });
      const { receiptNumber } = receiptSchema.parse(await response.json());
      const { db } = server.database;
      const row = await db
        .selectFrom('applications')
        .select(['invitation_id', 'company_name', 'application_json'])
        .where('receipt_number', '=', receiptNumber)
        .executeTakeFirstOrThrow();
      assert.equal(row.invitation_id, id);
      assert.equal(row.company_name, '株式会社山田建設');
      const { token: _token, ...expected } = validApplication(token);
      assert.deepEqual(JSON.parse(row.application_json), expected, 'stored as validated, without the spent token');
      assert.equal((await db.selectFrom('documents').selectAll().where('invitation_id', '=', id).execute()).length, 1);
      const { used_at: usedAt } = await db.selectFrom('invitations').select('used_at').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(usedAt, ACCEPTED_AT.toISOString());
      const mail = await db
        .selectFrom('outbox')
        .select(['recipient', 'subject', 'body'])
        .where('subject', 'like', '%利用申請受付のお知らせ')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(mail.recipient, 'hanako@example.co.jp', "to the administrator's address (STEP 3)");
      assert.equal(mail.subject, '【CECTRUST-Lightサービス】利用申請受付のお知らせ');
      assert.ok(mail.body.includes(`受付番号${receiptNumber}で利用申請を受け付けました。`));
      assert.ok(mail.body.includes("①【CECTRUST-Lightサービス】利用者ID発行のお知らせ"));
    });

    it('writes the receipt mail in English for an application made in English', async () => {
      const { token } = await inviteDirectly(server);
      const application = { ...validApplication(token), locale: 'en' };
      const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token, application })).json());
      const { subject } = await server.database.db
        .selectFrom('outbox')
        .select('subject')
        .where('body', 'like', `%${receiptNumber}%`)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(subject, '[CECTRUST-Light Service] Your application has been received');
    });

    it('normalises values with the domain schemas before storing them', async () => {
      const { token } = await inviteDirectly(server);
      const application = validApplication(token);
      application.company.nameKana = 'やまだけんせつ';
      application.adminUser.phone = '03-3595-4610';
      const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token, application })).json());
      const row = await server.database.db
        .selectFrom('applications')
        .select('application_json')
        .where('receipt_number', '=', receiptNumber)
        .executeTakeFirstOrThrow();
      const stored = JSON.parse(row.application_json) as typeof application;
      assert.equal(stored.company.nameKana, 'ヤマダケンセツ');
      assert.equal(stored.adminUser.phone, '0335954610');
    });

    it('accepts the application JSON as a plain form field too', async () => {
      const { token } = await inviteDirectly(server);
      const form = new FormData();
      form.set('application', JSON.stringify(validApplication(token)));
      form.set('document', minimalPdf());
      const response = await fetch(`${server.url}/api/applications`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: form,
      });
      assert.equal(response.status, 201);
    });
  });

  describe('idempotency', () => {
    it('answers a retry with the same key and body with the same receipt, storing nothing new', async () => {
      const { token } = await inviteDirectly(server);
      const key = crypto.randomUUID();
      const first = await submit(server, { token, idempotencyKey: key });
      const counts = await Promise.all((['applications', 'documents', 'outbox', 'idempotency_keys'] as const).map((table) => countRows(server, table)));
      const retry = await submit(server, { token, idempotencyKey: key });
      assert.equal(first.status, 201);
      assert.equal(retry.status, 201);
      assert.deepEqual(await retry.json(), await first.json());
      assert.deepEqual(
        await Promise.all((['applications', 'documents', 'outbox', 'idempotency_keys'] as const).map((table) => countRows(server, table))),
        counts,
      );
    });

    it('answers the same key with a different application with 409 idempotency_conflict', async () => {
      const { token } = await inviteDirectly(server);
      const key = crypto.randomUUID();
      assert.equal((await submit(server, { token, idempotencyKey: key })).status, 201);
      const changed = validApplication(token);
      changed.company.representative = '山田 次郎';
      const response = await submit(server, { token, application: changed, idempotencyKey: key });
      assert.equal(response.status, 409);
      assert.equal(await errorCode(response), 'idempotency_conflict');
    });

    it('answers the same key with a different document with 409 idempotency_conflict', async () => {
      const { token } = await inviteDirectly(server);
      const key = crypto.randomUUID();
      assert.equal((await submit(server, { token, idempotencyKey: key })).status, 201);
      const otherPdf = new File(['%PDF-1.7\nanother\n%%EOF'], 'other.pdf', { type: 'application/pdf' });
      const response = await submit(server, { token, document: otherPdf, idempotencyKey: key });
      assert.equal(response.status, 409);
      assert.equal(await errorCode(response), 'idempotency_conflict');
    });

    it('refuses a missing or over-long Idempotency-Key with 400', async () => {
      const { token } = await inviteDirectly(server);
      const missing = await submit(server, { token, idempotencyKey: null });
      assert.equal(missing.status, 400);
      assert.deepEqual(await issues(missing), [{ path: ['Idempotency-Key'], message: 'required', code: 'required' }]);
      const long = await submit(server, { token, idempotencyKey: 'k'.repeat(201) });
      assert.equal(long.status, 400);
      assert.deepEqual(await issues(long), [{ path: ['Idempotency-Key'], message: 'tooLong', code: 'tooLong' }]);
      assert.equal((await submit(server, { token, idempotencyKey: 'k'.repeat(200) })).status, 201);
    });

    it('lets only one of two different requests for the same invitation through', async () => {
      const { token } = await inviteDirectly(server);
      const responses = await Promise.all([submit(server, { token }), submit(server, { token })]);
      assert.deepEqual(responses.map((response) => response.status).sort(), [201, 409]);
    });
  });

  describe('refusing', () => {
    it('answers 400 validation_failed with each field, its rule as message and code', async () => {
      const { token } = await inviteDirectly(server);
      const application = validApplication(token);
      application.company.nameKana = 'Yamada';
      application.adminUser.email = 'not-an-address';
      (application.company as { corporateNumber: string }).corporateNumber = '1000012050002';
      const response = await submit(server, { token, application });
      assert.equal(response.status, 400);
      assert.deepEqual(
        (await issues(response)).sort((a, b) => a.path.join('.').localeCompare(b.path.join('.'))),
        [
          { path: ['adminUser', 'email'], message: 'email', code: 'email' },
          { path: ['company', 'corporateNumber'], message: 'corporateNumberCheckDigit', code: 'corporateNumberCheckDigit' },
          { path: ['company', 'nameKana'], message: 'katakana', code: 'katakana' },
        ],
      );
    });

    it('refuses unchecked terms, and a certificate name with a company-form word', async () => {
      const { token } = await inviteDirectly(server);
      const application = validApplication(token);
      (application.terms as { service: boolean }).service = false;
      application.certificate.companyNameAlpha = 'YAMADA KENSETSU CO LTD';
      const found = (await issues(await submit(server, { token, application }))).map((issue) => `${issue.path.join('.')}:${issue.code}`);
      assert.deepEqual(found.sort(), ['certificate.companyNameAlpha:companyFormWord', 'terms.service:consentRequired']);
    });

    it('refuses an application part that is missing or not JSON', async () => {
      const noApplication = new FormData();
      noApplication.set('document', minimalPdf());
      const missing = await fetch(`${server.url}/api/applications`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: noApplication,
      });
      assert.deepEqual(await issues(missing), [{ path: ['application'], message: 'required', code: 'required' }]);

      const broken = new FormData();
      broken.set('application', '{"token": ');
      broken.set('document', minimalPdf());
      const invalid = await fetch(`${server.url}/api/applications`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: broken,
      });
      assert.deepEqual(await issues(invalid), [{ path: ['application'], message: 'invalid', code: 'invalid' }]);
    });

    it('refuses a body that is not multipart/form-data', async () => {
      const response = await fetch(`${server.url}/api/applications`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID(), 'Content-Type': 'application/json' },
        body: JSON.stringify(validApplication('x')),
      });
      assert.equal(response.status, 400);
      assert.equal((await issues(response))[0]?.path[0], 'Content-Type');
    });

    it('refuses a missing document as a field problem of `document`', async () => {
      const { token } = await inviteDirectly(server);
      const response = await fetch(`${server.url}/api/applications`, {
        method: 'POST',
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: applicationForm(validApplication(token)),
      });
      assert.deepEqual(await issues(response), [{ path: ['document'], message: 'documentRequired', code: 'documentRequired' }]);
    });

    it('refuses an empty file with 400 (documentEmpty)', async () => {
      const { token } = await inviteDirectly(server);
      const response = await submit(server, { token, document: emptyPdf() });
      assert.equal(response.status, 400);
      assert.deepEqual(await issues(response), [{ path: ['document'], message: 'documentEmpty', code: 'documentEmpty' }]);
    });

    it('refuses an HTML page named .pdf with 415 document_not_pdf (checked by content)', async () => {
      const { token } = await inviteDirectly(server);
      const response = await submit(server, { token, document: notPdf() });
      assert.equal(response.status, 415);
      assert.equal(await errorCode(response), 'document_not_pdf');
    });

    it('refuses a password-protected PDF with 415 document_encrypted', async () => {
      const { token } = await inviteDirectly(server);
      const response = await submit(server, { token, document: encryptedPdf() });
      assert.equal(response.status, 415);
      assert.equal(await errorCode(response), 'document_encrypted');
    });

    it('refuses an unknown, an expired and a used invitation (404, 410, 409) before looking at the fields', async () => {
      const unknown = await submit(server, { application: { token: 'no-such-token' } });
      assert.equal(unknown.status, 404);
      assert.equal(await errorCode(unknown), 'invitation_not_found');

      const expired = await inviteDirectly(server, { expiresAt: new Date(ACCEPTED_AT.getTime() - 1) });
      const late = await submit(server, { token: expired.token });
      assert.equal(late.status, 410);
      assert.equal(await errorCode(late), 'invitation_expired');

      const used = await inviteDirectly(server);
      assert.equal((await submit(server, { token: used.token })).status, 201);
      const again = await submit(server, { token: used.token });
      assert.equal(again.status, 409);
      assert.equal(await errorCode(again), 'invitation_used');
    });

    it('stores nothing for a refused request', async () => {
      const before = await Promise.all((['applications', 'documents', 'idempotency_keys'] as const).map((table) => countRows(server, table)));
      const { token } = await inviteDirectly(server);
      await submit(server, { token, document: notPdf() });
      await submit(server, { token, document: emptyPdf() });
      assert.deepEqual(await Promise.all((['applications', 'documents', 'idempotency_keys'] as const).map((table) => countRows(server, table))), before);
      assert.equal((await fetch(`${server.url}/api/invitations/${token}`)).status, 200, 'the invitation is still open');
    });
  });
});

describe('POST /api/applications: size limits', () => {
  const MAX_DOCUMENT_BYTES = 4096;
  const ONE_MB = 1024 * 1024;
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ maxDocumentBytes: MAX_DOCUMENT_BYTES });
  });
  after(() => server.dispose());

  it('accepts a document of exactly the limit', async () => {
    const { token } = await inviteDirectly(server);
    assert.equal((await submit(server, { token, document: oversizePdf(MAX_DOCUMENT_BYTES) })).status, 201);
  });

  it('refuses a document one byte over the limit with 413 document_too_large', async () => {
    const { token } = await inviteDirectly(server);
    const response = await submit(server, { token, document: oversizePdf(MAX_DOCUMENT_BYTES + 1) });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'document_too_large');
  });

  it('refuses a body over the document limit + 1 MB with 413 document_too_large, unread', async () => {
    const { token } = await inviteDirectly(server);
    const response = await submit(server, { token, document: oversizePdf(MAX_DOCUMENT_BYTES + ONE_MB + 1) });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'document_too_large');
  });

  it('refuses an oversize body sent without Content-Length (chunked) as well', async () => {
    const { token } = await inviteDirectly(server);
    const form = applicationForm(validApplication(token), oversizePdf(MAX_DOCUMENT_BYTES + ONE_MB + 1));
    const encoded = new Response(form);
    const response = await fetch(`${server.url}/api/applications`, {
      method: 'POST',
      headers: {
        'Idempotency-Key': crypto.randomUUID(),
        'Content-Type': encoded.headers.get('Content-Type') ?? '',
      },
      body: encoded.body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'document_too_large');
  });
});

describe('POST /api/applications: concurrent submissions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: ACCEPTED_AT } });
  });
  after(() => server.dispose());

  it('gives 10 parallel applications distinct receipt numbers of the same day, in sequence', async () => {
    const invitations = await Promise.all(Array.from({ length: 10 }, () => inviteDirectly(server)));
    const responses = await Promise.all(invitations.map(({ token }) => submit(server, { token })));
    assert.deepEqual(
      responses.map((response) => response.status),
      Array(10).fill(201),
    );
    const numbers = await Promise.all(responses.map(async (response) => receiptSchema.parse(await response.json()).receiptNumber));
    assert.equal(new Set(numbers).size, 10);
    assert.deepEqual(
      numbers.sort(),
      Array.from({ length: 10 }, (_, index) => `240126${String(index + 1).padStart(4, '0')}`),
    );
  });

  it('starts the sequence again on the next Tokyo day', async () => {
    server.now.value = new Date('2024-01-26T15:00:00Z'); // 2024-01-27 00:00 in Tokyo
    const { token } = await inviteDirectly(server);
    const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token })).json());
    assert.equal(receiptNumber, '2401270001');
  });
});

describe('POST /api/applications when a day has no receipt number left', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: new Date('2026-11-25T14:00:00Z') } }); // 23:00 in Tokyo
  });
  after(() => server.dispose());

  it('answers 503 service_unavailable with Retry-After until the next Tokyo day, storing nothing', async () => {
    await server.database.db.insertInto('receipt_sequences').values({ ordering_company_id: server.company.id, day: '261125', last_value: 9999 }).execute();
    const { token } = await inviteDirectly(server);
    const response = await submit(server, { token });
    assert.equal(response.status, 503);
    assert.equal((await response.json()).error.code, 'service_unavailable');
    assert.equal(response.headers.get('Retry-After'), String(3600));
    assert.equal(await countRows(server, 'applications'), 0);
  });
});

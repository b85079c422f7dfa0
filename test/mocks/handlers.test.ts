import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { DEFAULT_MAX_DOCUMENT_BYTES, documentProblem } from '../../src/domain/document.js';
import { invitationSchema } from '../../src/domain/invitation.js';
import { applicationSchema } from '../../src/domain/schemas.js';
import { validateSection } from '../../src/domain/validation.js';
import {
  emptyPdf,
  encryptedPdf,
  minimalPdf,
  notPdf,
  oversizePdf,
  ownerPasswordPdf,
  truncatedPdf,
  validApplication,
} from '../../src/mocks/fixtures.js';
import { MOCK_TOKENS, MockBackend } from '../../src/mocks/handlers.js';

// The handlers are driven directly with msw's getResponse: no service worker, no client in between.

const ENDPOINT = 'https://backend.example.com/v1';

interface SubmitOptions {
  application?: unknown;
  applicationText?: string;
  document?: Blob | null;
  key?: string | null;
}

function submitRequest({ application = validApplication(), applicationText, document = minimalPdf(), key = 'key-1' }: SubmitOptions = {}) {
  const form = new FormData();
  form.append('application', new Blob([applicationText ?? JSON.stringify(application)], { type: 'application/json' }));
  if (document) form.append('document', document, document instanceof File ? document.name : 'document.pdf');
  const headers: Record<string, string> = key === null ? {} : { 'Idempotency-Key': key };
  return new Request(`${ENDPOINT}/applications`, { method: 'POST', body: form, headers });
}

async function answer(backend: MockBackend, request: Request): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await getResponse(backend.handlers, request);
  if (!response) throw new Error(`no handler for ${request.method} ${request.url}`);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const invitationRequest = (token: string) => new Request(`${ENDPOINT}/invitations/${encodeURIComponent(token)}`);

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('MockBackend', () => {
  // 01:00 on 25 November in Japan, still the 24th in UTC.
  const now = () => new Date('2026-11-24T16:00:00Z');
  let backend: MockBackend;

  beforeEach(() => {
    backend = new MockBackend({ endpoint: `${ENDPOINT}/`, now });
  });

  describe('invitations', () => {
    for (const token of [MOCK_TOKENS.valid, MOCK_TOKENS.prefilled, MOCK_TOKENS.branded, MOCK_TOKENS.corporationOnly]) {
      it(`answers ${token} with an invitation the schema accepts, expiring within 35 days`, async () => {
        const { status, body } = await answer(backend, invitationRequest(token));
        expect(status).to.equal(200);
        expect(invitationSchema.safeParse(body).success).to.equal(true);
        expect(body.expiresAt).to.equal('2026-12-28T16:00:00.000Z');
      });
    }

    it('prefills the company of mock-prefilled with a section the schema accepts', async () => {
      const { body } = await answer(backend, invitationRequest(MOCK_TOKENS.prefilled));
      expect(body.prefill.company).to.deep.equal(validApplication().company);
    });

    for (const [token, status, code] of [
      [MOCK_TOKENS.expired, 410, 'invitation_expired'],
      [MOCK_TOKENS.used, 409, 'invitation_used'],
      [MOCK_TOKENS.unknown, 404, 'invitation_not_found'],
      ['anything-else', 404, 'invitation_not_found'],
    ] as const) {
      it(`answers ${token} with ${status} ${code} in the contract's error shape`, async () => {
        const response = await answer(backend, invitationRequest(token));
        expect(response.status).to.equal(status);
        expect(response.body.error.code).to.equal(code);
        expect(response.body.error.message).to.be.a('string');
      });
    }
  });

  describe('POST /applications', () => {
    it('numbers receipts YYMMDD in Japan time plus a four-digit sequence', async () => {
      const first = await answer(backend, submitRequest({ key: 'a' }));
      const second = await answer(backend, submitRequest({ application: validApplication(MOCK_TOKENS.branded), key: 'b' }));
      expect(first).to.deep.include({ status: 201, body: { receiptNumber: '2611250001', acceptedAt: '2026-11-24T16:00:00.000Z' } });
      expect(second.body.receiptNumber).to.equal('2611250002');
    });

    it('records the application as sent, the document and its bytes', async () => {
      const document = minimalPdf();
      await answer(backend, submitRequest({ document, key: 'k' }));
      expect(backend.received).to.have.length(1);
      expect(backend.received[0]?.application).to.deep.equal(validApplication());
      expect(backend.received[0]?.document.name).to.equal('テスト証明書.pdf');
      expect(backend.received[0]?.documentBytes).to.deep.equal(await bytesOf(document));
      expect(backend.received[0]?.idempotencyKey).to.equal('k');
    });

    it('accepts a submission without Idempotency-Key', async () => {
      const { status } = await answer(backend, submitRequest({ key: null }));
      expect(status).to.equal(201);
      expect(backend.received[0]?.idempotencyKey).to.equal(null);
    });

    it('replays the same key with the same body, even after the invitation is used', async () => {
      const first = await answer(backend, submitRequest({ key: 'same' }));
      const replay = await answer(backend, submitRequest({ key: 'same' }));
      expect(replay).to.deep.include({ status: 201, body: first.body });
      expect(backend.received).to.have.length(1);
      expect(backend.attempts).to.equal(2);
    });

    it('refuses a key reused for a different application with 409 idempotency_conflict', async () => {
      await answer(backend, submitRequest({ key: 'same' }));
      const changed = validApplication();
      changed.adminUser.email = 'other@example.co.jp';
      const { status, body } = await answer(backend, submitRequest({ application: changed, key: 'same' }));
      expect(status).to.equal(409);
      expect(body.error.code).to.equal('idempotency_conflict');
    });

    it('answers 409 invitation_used to a new key once the invitation has an application', async () => {
      await answer(backend, submitRequest({ key: 'a' }));
      const { status, body } = await answer(backend, submitRequest({ key: 'b' }));
      expect(status).to.equal(409);
      expect(body.error.code).to.equal('invitation_used');
    });

    it('refuses applications on expired and unknown invitations', async () => {
      expect((await answer(backend, submitRequest({ application: validApplication(MOCK_TOKENS.expired) }))).status).to.equal(410);
      expect((await answer(backend, submitRequest({ application: validApplication('nope') }))).status).to.equal(404);
    });

    it('reports every schema issue with path, message and code', async () => {
      const application = validApplication();
      application.company.nameKana = '';
      application.adminUser.phone = '12345';
      const { status, body } = await answer(backend, submitRequest({ application }));
      expect(status).to.equal(400);
      expect(body.error.code).to.equal('validation_failed');
      expect(body.error.issues).to.deep.include({ path: ['company', 'nameKana'], message: 'required', code: 'required' });
      expect(body.error.issues).to.deep.include({ path: ['adminUser', 'phone'], message: 'phone', code: 'phone' });
      expect(backend.received).to.have.length(0);
    });

    it('refuses an application part that is not JSON', async () => {
      const { status, body } = await answer(backend, submitRequest({ applicationText: '{not json' }));
      expect(status).to.equal(400);
      expect(body.error.issues).to.deep.equal([{ path: ['application'], message: 'invalid', code: 'invalid' }]);
    });

    const documentRefusals = [
      { name: 'not a PDF', document: notPdf(), status: 415, code: 'document_not_pdf' },
      { name: 'password-protected', document: encryptedPdf(), status: 415, code: 'document_encrypted' },
      { name: 'cut short', document: truncatedPdf(), status: 415, code: 'document_incomplete' },
      { name: 'over 10 MB', document: oversizePdf(), status: 413, code: 'document_too_large' },
      { name: 'empty', document: emptyPdf(), status: 400, code: 'validation_failed', issue: 'documentEmpty' },
      { name: 'missing', document: null, status: 400, code: 'validation_failed', issue: 'documentRequired' },
    ];
    for (const { name, document, status, code, issue } of documentRefusals) {
      it(`refuses a document that is ${name} with ${status} ${code}`, async () => {
        const response = await answer(backend, submitRequest({ document }));
        expect(response.status).to.equal(status);
        expect(response.body.error.code).to.equal(code);
        if (issue) expect(response.body.error.issues).to.deep.equal([{ path: ['document'], message: issue, code: issue }]);
        expect(backend.received).to.have.length(0);
      });
    }

    it('accepts a PDF restricted by an owner password only (201)', async () => {
      const response = await answer(backend, submitRequest({ document: ownerPasswordPdf() }));
      expect(response.status).to.equal(201);
      expect(backend.received).to.have.length(1);
    });

    // The mock backend checks with the browser's own function, so both give the same verdict on real files.
    const qpdfFiles: Array<[file: string, status: number]> = [
      ['owner-rc4-40.pdf', 201],
      ['owner-rc4-128.pdf', 201],
      ['owner-aes-128.pdf', 201],
      ['owner-aes-256.pdf', 201],
      ['user-rc4-128.pdf', 415],
      ['user-aes-256.pdf', 415],
    ];
    for (const [file, status] of qpdfFiles) {
      it(`answers ${file} (qpdf) with ${status}, as the browser's check decides`, async () => {
        const bytes = await (await fetch(new URL(`../fixtures/pdf/${file}`, import.meta.url))).arrayBuffer();
        const response = await answer(backend, submitRequest({ document: new File([bytes], file, { type: 'application/pdf' }) }));
        expect(response.status).to.equal(status);
        expect(await documentProblem(new Uint8Array(bytes))).to.equal(status === 201 ? undefined : 'documentEncrypted');
        if (status !== 201) expect(response.body.error.code).to.equal('document_encrypted');
      });
    }

    it('applies a smaller document limit when given one', async () => {
      const small = new MockBackend({ endpoint: ENDPOINT, maxDocumentBytes: 2048 });
      expect((await answer(small, submitRequest({ document: oversizePdf(2048) }))).status).to.equal(201);
      expect((await answer(small, submitRequest({ application: validApplication(MOCK_TOKENS.branded), document: oversizePdf(2049), key: 'other' }))).status).to.equal(413);
    });

    it('consumes one injected fault per attempt, in order', async () => {
      backend.failNext({ status: 503, retryAfterSeconds: 7 }, { status: 418, code: 'teapot' }, { delayMs: 30 });
      const unavailable = await answer(backend, submitRequest());
      expect(unavailable.status).to.equal(503);
      expect(unavailable.body.error.code).to.equal('service_unavailable');
      expect(unavailable.headers.get('Retry-After')).to.equal('7');
      expect((await answer(backend, submitRequest())).body.error.code).to.equal('teapot');
      const started = performance.now();
      expect((await answer(backend, submitRequest())).status).to.equal(201);
      expect(performance.now() - started).to.be.at.least(25);
      expect(backend.attempts).to.equal(3);
      expect(backend.received).to.have.length(1);
    });

    it('answers an injected network fault with a network error', async () => {
      backend.failNext({ network: true });
      const response = await getResponse(backend.handlers, submitRequest());
      expect(response?.type).to.equal('error');
    });
  });

  describe('drafts', () => {
    const draftUrl = (token: string) => `${ENDPOINT}/invitations/${token}/draft`;

    it('keeps a draft per token until it is replaced or reset', async () => {
      expect((await answer(backend, new Request(draftUrl(MOCK_TOKENS.valid)))).status).to.equal(404);
      const put = await answer(
        backend,
        new Request(draftUrl(MOCK_TOKENS.valid), { method: 'PUT', body: JSON.stringify({ draft: { step: 3 } }) }),
      );
      expect(put).to.deep.include({ status: 200, body: { savedAt: '2026-11-24T16:00:00.000Z' } });
      const get = await answer(backend, new Request(draftUrl(MOCK_TOKENS.valid)));
      expect(get.body).to.deep.equal({ draft: { step: 3 }, savedAt: '2026-11-24T16:00:00.000Z' });
      backend.reset();
      expect((await answer(backend, new Request(draftUrl(MOCK_TOKENS.valid)))).status).to.equal(404);
    });

    it('refuses a body without a draft', async () => {
      const { status } = await answer(backend, new Request(draftUrl(MOCK_TOKENS.valid), { method: 'PUT', body: '{}' }));
      expect(status).to.equal(400);
    });
  });

  it('reset forgets applications, faults and used invitations', async () => {
    await answer(backend, submitRequest());
    backend.failNext({ status: 500 });
    backend.reset();
    expect(backend.received).to.have.length(0);
    expect(backend.attempts).to.equal(0);
    expect((await answer(backend, invitationRequest(MOCK_TOKENS.valid))).status).to.equal(200);
    expect((await answer(backend, submitRequest())).body.receiptNumber).to.equal('2611250001');
    expect((await answer(backend, invitationRequest(MOCK_TOKENS.used))).status).to.equal(409);
  });

  it('delays every answer by latencyMs', async () => {
    const slow = new MockBackend({ endpoint: ENDPOINT, latencyMs: 50 });
    const started = performance.now();
    await answer(slow, invitationRequest(MOCK_TOKENS.valid));
    expect(performance.now() - started).to.be.at.least(45);
  });
});

describe('fixtures', () => {
  it('validApplication passes the application schema unchanged', () => {
    const result = validateSection(applicationSchema, validApplication());
    expect(result).to.deep.equal({ ok: true, value: validApplication() });
  });

  it("minimalPdf is a small PDF named テスト証明書.pdf from '%PDF-1.4' to '%%EOF'", async () => {
    const document = minimalPdf();
    const text = new TextDecoder().decode(await bytesOf(document));
    expect(document.name).to.equal('テスト証明書.pdf');
    expect(text.startsWith('%PDF-1.4')).to.equal(true);
    expect(text.endsWith('%%EOF')).to.equal(true);
    expect(await documentProblem(await bytesOf(document))).to.equal(undefined);
  });

  it('each broken document fails the document check in its own way', async () => {
    expect(notPdf().name).to.equal('seal.pdf');
    expect(await documentProblem(await bytesOf(notPdf()))).to.equal('documentNotPdf');
    expect(await documentProblem(await bytesOf(encryptedPdf()))).to.equal('documentEncrypted');
    expect(await documentProblem(await bytesOf(truncatedPdf()))).to.equal('documentIncomplete');
    expect(await documentProblem(await bytesOf(emptyPdf()))).to.equal('documentEmpty');
    expect(oversizePdf().size).to.equal(DEFAULT_MAX_DOCUMENT_BYTES + 1);
    expect(await documentProblem(await bytesOf(oversizePdf()))).to.equal('documentTooLarge');
    expect(await documentProblem(await bytesOf(oversizePdf(4096)))).to.equal(undefined);
  });

  it('ownerPasswordPdf is encrypted, opens without a password, and is accepted (in the browser, with Web Crypto)', async () => {
    const text = new TextDecoder('latin1').decode(await bytesOf(ownerPasswordPdf()));
    expect(text).to.match(/\/Encrypt \d+ 0 R/);
    expect(await documentProblem(await bytesOf(ownerPasswordPdf()))).to.equal(undefined);
  });
});

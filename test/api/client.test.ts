import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ApplyApi, newIdempotencyKey, retryAfterSeconds } from '../../src/api/index.js';
import { startMockBackend } from '../../src/mocks/browser.js';
import type { RunningMockBackend } from '../../src/mocks/browser.js';
import { encryptedPdf, minimalPdf, notPdf, validApplication } from '../../src/mocks/fixtures.js';
import { MOCK_TOKENS, MockBackend } from '../../src/mocks/handlers.js';
import { failure } from './failure.js';


async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** A fetch that answers every request with `response` and records the requests. */
function stubFetch(response: () => Response): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(new URL(String(input), location.href), init));
    return response();
  };
  return { fetch: fetchStub, requests };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ApplyApi', () => {
  let mock: RunningMockBackend;
  let backend: MockBackend;
  let api: ApplyApi;

  before(async () => {
    mock = await startMockBackend(new MockBackend({ endpoint: '/api' }));
    backend = mock.backend;
  });
  after(() => mock.stop());
  beforeEach(() => {
    backend.reset();
    api = new ApplyApi({ endpoint: '/api' });
  });
  afterEach(() => mock.worker.resetHandlers());

  describe('getInvitation', () => {
    it('returns the invitation with its inviter and expiry', async () => {
      const invitation = await api.getInvitation(MOCK_TOKENS.valid);
      expect(invitation.token).to.equal(MOCK_TOKENS.valid);
      expect(invitation.inviter.name).to.equal('発注建設株式会社');
      expect(invitation.recipient?.companyName).to.equal('株式会社山田建設');
      expect(Date.parse(invitation.expiresAt)).to.be.greaterThan(Date.now());
    });

    it('returns the prefill, branding and allowed kinds an ordering company attached', async () => {
      const prefilled = await api.getInvitation(MOCK_TOKENS.prefilled);
      expect(prefilled.prefill?.company).to.include({ corporateNumber: '7000012050002', name: '株式会社山田建設' });
      const branded = await api.getInvitation(MOCK_TOKENS.branded);
      expect(branded.branding).to.deep.equal({
        displayName: '大手ゼネコン株式会社',
        logoUrl: 'https://example.com/logo.svg',
        primaryColor: '#0b6e4f',
      });
      const corporationOnly = await api.getInvitation(MOCK_TOKENS.corporationOnly);
      expect(corporationOnly.allowedKinds).to.deep.equal(['corporation']);
    });

    const refusals = [
      { token: MOCK_TOKENS.expired, status: 410, code: 'invitation_expired' },
      { token: MOCK_TOKENS.used, status: 409, code: 'invitation_used' },
      { token: MOCK_TOKENS.unknown, status: 404, code: 'invitation_not_found' },
      { token: 'never-issued-token', status: 404, code: 'invitation_not_found' },
      { token: 'a/b?c#d', status: 404, code: 'invitation_not_found' },
    ];
    for (const { token, status, code } of refusals) {
      it(`fails with ${code} (${status}) for ${token}, without the token in the message`, async () => {
        const error = await failure(api.getInvitation(token));
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.retryable).to.equal(false);
        expect(error.message).not.to.include(token);
      });
    }

    it('puts the token into the path encoded', async () => {
      const { fetch, requests } = stubFetch(() => HttpResponse.json({}, { status: 404 }));
      await failure(new ApplyApi({ endpoint: 'https://backend.example.com/v1//', fetch }).getInvitation('a/b?c'));
      expect(requests[0]?.url).to.equal('https://backend.example.com/v1/invitations/a%2Fb%3Fc');
    });

    it('accepts an endpoint with trailing slashes or an absolute one', async () => {
      for (const endpoint of ['/api/', `${location.origin}/api`]) {
        const invitation = await new ApplyApi({ endpoint }).getInvitation(MOCK_TOKENS.valid);
        expect(invitation.token).to.equal(MOCK_TOKENS.valid);
      }
    });

    it('fails with invalid_response when the body is not an invitation', async () => {
      const { fetch } = stubFetch(() => HttpResponse.json({ token: 'x' }));
      const error = await failure(new ApplyApi({ endpoint: '/api', fetch }).getInvitation('x'));
      expect(error.code).to.equal('invalid_response');
      expect(error.status).to.equal(200);
    });

    it('names a non-JSON error by its status and status text', async () => {
      const { fetch } = stubFetch(
        () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      );
      const error = await failure(new ApplyApi({ endpoint: '/api', fetch }).getInvitation('x'));
      expect(error.code).to.equal('http_502');
      expect(error.message).to.equal('Bad Gateway');
      expect(error.retryable).to.equal(true);
    });

    it('fails with aborted when the caller aborts, before or during the request', async () => {
      const already = new AbortController();
      already.abort();
      expect((await failure(api.getInvitation(MOCK_TOKENS.valid, { signal: already.signal }))).code).to.equal('aborted');

      mock.worker.use(http.get('/api/invitations/:token', () => new Promise<Response>(() => {})));
      const controller = new AbortController();
      const call = api.getInvitation(MOCK_TOKENS.valid, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await failure(call);
      expect(error.code).to.equal('aborted');
      expect(error.status).to.equal(0);
      expect(error.retryable).to.equal(false);
    });
  });

  describe('submitApplication', () => {
    it('sends the application JSON, the PDF bytes and the Idempotency-Key, and returns the receipt', async () => {
      const application = validApplication();
      const document = minimalPdf();
      const key = newIdempotencyKey();
      const receipt = await api.submitApplication(application, document, key, { documentName: document.name });

      expect(receipt.receiptNumber).to.match(/^\d{6}0001$/);
      expect(backend.received).to.have.length(1);
      const [stored] = backend.received;
      expect(stored?.application).to.deep.equal(application);
      expect(stored?.documentBytes).to.deep.equal(await bytesOf(document));
      expect(stored?.document.name).to.equal('テスト証明書.pdf');
      expect(stored?.document.type).to.equal('application/pdf');
      expect(stored?.idempotencyKey).to.equal(key);
    });

    it("names the document after the File, or 'document.pdf' for a bare Blob", async () => {
      await api.submitApplication(validApplication(MOCK_TOKENS.valid), minimalPdf(), newIdempotencyKey());
      const bare = new Blob([await minimalPdf().arrayBuffer()]);
      await api.submitApplication(validApplication(MOCK_TOKENS.branded), bare, newIdempotencyKey());
      expect(backend.received.map((stored) => stored.document.name)).to.deep.equal(['テスト証明書.pdf', 'document.pdf']);
    });

    it('maps 400 issues to field issues', async () => {
      const application = validApplication();
      application.adminUser.email = 'not-an-address';
      application.certificate.companyNameAlpha = 'YAMADA KENSETSU CO LTD';
      const error = await failure(api.submitApplication(application, minimalPdf(), newIdempotencyKey()));
      expect(error.code).to.equal('validation_failed');
      expect(error.status).to.equal(400);
      expect(error.retryable).to.equal(false);
      expect(error.issues).to.deep.include({ path: ['adminUser', 'email'], code: 'email' });
      expect(error.issues).to.deep.include({ path: ['certificate', 'companyNameAlpha'], code: 'companyFormWord' });
      expect(backend.received).to.have.length(0);
    });

    it('takes an issue code from its message when the backend sends no code', async () => {
      backend.failNext({ status: 400, issues: [{ path: ['company', 'nameKana'], message: 'katakana' }] });
      const error = await failure(api.submitApplication(validApplication(), minimalPdf(), newIdempotencyKey()));
      expect(error.issues).to.deep.equal([{ path: ['company', 'nameKana'], code: 'katakana' }]);
    });

    it('stores exactly one application when a 500 is retried with the same key', async () => {
      backend.failNext({ status: 500 });
      const key = newIdempotencyKey();
      const error = await failure(api.submitApplication(validApplication(), minimalPdf(), key));
      expect(error.code).to.equal('internal_error');
      expect(error.status).to.equal(500);
      expect(error.retryable).to.equal(true);

      const receipt = await api.submitApplication(validApplication(), minimalPdf(), key);
      expect(receipt.receiptNumber).to.match(/^\d{10}$/);
      expect(backend.attempts).to.equal(2);
      expect(backend.received).to.have.length(1);
    });

    it('reads Retry-After from a 503, in seconds or as a date', async () => {
      backend.failNext({ status: 503, retryAfterSeconds: 30 });
      const error = await failure(api.submitApplication(validApplication(), minimalPdf(), newIdempotencyKey()));
      expect(error.code).to.equal('service_unavailable');
      expect(error.status).to.equal(503);
      expect(error.retryAfterSeconds).to.equal(30);
      expect(error.retryable).to.equal(true);

      const now = Date.parse('2026-11-25T01:00:00Z');
      expect(retryAfterSeconds('Wed, 25 Nov 2026 01:02:00 GMT', now)).to.equal(120);
      expect(retryAfterSeconds('Wed, 25 Nov 2026 00:00:00 GMT', now)).to.equal(0);
      expect(retryAfterSeconds('soon', now)).to.equal(undefined);
      expect(retryAfterSeconds(null, now)).to.equal(undefined);
    });

    it('calls a 429 retryable', async () => {
      backend.failNext({ status: 429, code: 'too_many_requests', retryAfterSeconds: 5 });
      const error = await failure(api.submitApplication(validApplication(), minimalPdf(), newIdempotencyKey()));
      expect(error).to.include({ code: 'too_many_requests', status: 429, retryAfterSeconds: 5, retryable: true });
    });

    it('fails with network, retryable, when no response arrives', async () => {
      backend.failNext({ network: true });
      const error = await failure(api.submitApplication(validApplication(), minimalPdf(), newIdempotencyKey()));
      expect(error.code).to.equal('network');
      expect(error.status).to.equal(0);
      expect(error.retryable).to.equal(true);
      expect(backend.received).to.have.length(0);
    });

    it('fails with timeout when the backend is slower than timeoutMs, and a retry stores nothing twice', async () => {
      const impatient = new ApplyApi({ endpoint: '/api', timeoutMs: 100 });
      backend.failNext({ delayMs: 600 });
      const key = newIdempotencyKey();
      const error = await failure(impatient.submitApplication(validApplication(), minimalPdf(), key));
      expect(error.code).to.equal('timeout');
      expect(error.status).to.equal(0);
      expect(error.retryable).to.equal(true);

      const receipt = await impatient.submitApplication(validApplication(), minimalPdf(), key);
      await wait(800); // the timed-out request still reaches the backend afterwards, as a replay
      expect(backend.attempts).to.equal(2);
      expect(backend.received).to.have.length(1);
      expect(backend.received[0]?.idempotencyKey).to.equal(key);
      expect(receipt.receiptNumber).to.match(/^\d{6}0001$/);
    });

    it('returns the same receipt for a replay with the same key and stores nothing new', async () => {
      const key = newIdempotencyKey();
      const first = await api.submitApplication(validApplication(), minimalPdf(), key);
      const replay = await api.submitApplication(validApplication(), minimalPdf(), key);
      expect(replay).to.deep.equal(first);
      expect(backend.received).to.have.length(1);
    });

    it('refuses a second application on a used invitation', async () => {
      await api.submitApplication(validApplication(), minimalPdf(), newIdempotencyKey());
      const error = await failure(api.submitApplication(validApplication(), minimalPdf(), newIdempotencyKey()));
      expect(error).to.include({ code: 'invitation_used', status: 409 });
      expect((await failure(api.getInvitation(MOCK_TOKENS.valid))).code).to.equal('invitation_used');
    });

    it('refuses a document that is not a PDF or is password-protected', async () => {
      const notPdfError = await failure(api.submitApplication(validApplication(), notPdf(), newIdempotencyKey()));
      expect(notPdfError).to.include({ code: 'document_not_pdf', status: 415 });
      const encrypted = await failure(api.submitApplication(validApplication(), encryptedPdf(), newIdempotencyKey()));
      expect(encrypted).to.include({ code: 'document_encrypted', status: 415 });
    });

    it('fails with invalid_response when a 201 body is not a receipt', async () => {
      const { fetch } = stubFetch(() => HttpResponse.json({ receiptNumber: 'R-1' }, { status: 201 }));
      const error = await failure(
        new ApplyApi({ endpoint: '/api', fetch }).submitApplication(validApplication(), minimalPdf(), 'k'),
      );
      expect(error.code).to.equal('invalid_response');
    });
  });

  describe('drafts', () => {
    it('saves a draft and loads it back', async () => {
      expect(await api.loadDraft(MOCK_TOKENS.valid)).to.equal(undefined);
      const draft = { company: { name: '株式会社山田建設' }, step: 2 };
      expect(await api.saveDraft(MOCK_TOKENS.valid, draft)).to.equal(true);
      const saved = await api.loadDraft(MOCK_TOKENS.valid);
      expect(saved?.draft).to.deep.equal(draft);
      expect(Date.parse(saved?.savedAt ?? '')).not.to.be.NaN;
    });

    it('throws for a draft of an expired invitation', async () => {
      const error = await failure(api.saveDraft(MOCK_TOKENS.expired, {}));
      expect(error).to.include({ code: 'invitation_expired', status: 410 });
    });

    for (const status of [404, 405, 501]) {
      it(`treats ${status} as an endpoint without draft support`, async () => {
        mock.worker.use(
          http.put('/no-drafts/invitations/:token/draft', () => new HttpResponse(null, { status })),
          http.get('/no-drafts/invitations/:token/draft', () => new HttpResponse(null, { status })),
        );
        const plain = new ApplyApi({ endpoint: '/no-drafts' });
        expect(await plain.saveDraft(MOCK_TOKENS.valid, { step: 1 })).to.equal(false);
        expect(await plain.loadDraft(MOCK_TOKENS.valid)).to.equal(undefined);
      });
    }

    it('throws on other draft failures', async () => {
      mock.worker.use(http.put('/api/invitations/:token/draft', () => new HttpResponse('oops', { status: 500 })));
      const error = await failure(api.saveDraft(MOCK_TOKENS.valid, {}));
      expect(error).to.include({ code: 'http_500', status: 500, retryable: true });
    });
  });

  describe('newIdempotencyKey', () => {
    it('gives a fresh version-4 UUID each call', () => {
      const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()));
      expect(keys.size).to.equal(20);
      for (const key of keys) expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
  });
});

/**
 * RenewalApi against the MSW renewal backend and a stubbed fetch: the paths and headers it sends, the
 * bodies it accepts, and every failure as the same ApiError as the rest of the contract.
 */
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { RenewalApi } from '../../src/api/renewal.js';
import { MockRenewalBackend } from '../../src/mocks/renewal.js';
import { failure } from './failure.js';

const NOW = new Date('2027-04-01T01:00:00Z');
const backend = new MockRenewalBackend({ endpoint: '/renewal-api', now: () => NOW, raContactKey: 'ra-key' });
const worker = setupWorker(...backend.handlers);

const REQUEST = {
  operatorCode: 'A1234',
  operatorCodeConfirmed: true as const,
  rows: [{ commonName: 'gw01.gas.example.co.jp', certificateId: '100001', medium: 'cdr' as const }],
};


describe('RenewalApi', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } }));
  after(() => worker.stop());
  beforeEach(() => backend.reset());

  const api = new RenewalApi({ endpoint: '/renewal-api/', apiKey: 'ra-key' });

  it('lists the certificates expiring within 60 days (the notice’s list), not those later', async () => {
    const certificates = await api.listExpiringCertificates();
    expect(certificates.map((each) => each.expiresOn)).to.deep.equal(['2027-04-21', '2027-05-06', '2027-05-23', '2027-05-31']);
    expect(certificates[0]).to.deep.equal({ commonName: 'gw01.gas.example.co.jp', certificateId: '100001', expiresOn: '2027-04-21' });
  });

  it('submits a request and gets its number and rows (201)', async () => {
    const receipt = await api.submitRenewalRequest(REQUEST);
    expect(receipt).to.deep.equal({ requestNumber: 'R2704010001', rows: [{ commonName: 'gw01.gas.example.co.jp', certificateId: '100001', state: 'requested' }] });
    expect(backend.received).to.deep.equal([REQUEST]);
  });

  it('fails with not_ra_contact (403) for anyone but the registered RA contact', async () => {
    const error = await failure(new RenewalApi({ endpoint: '/renewal-api', apiKey: 'someone-else' }).submitRenewalRequest(REQUEST));
    expect([error.code, error.status]).to.deep.equal(['not_ra_contact', 403]);
    expect(backend.received).to.have.length(0);
  });

  it('fails with validation_failed and the row issues, paths relative to the request', async () => {
    const error = await failure(api.submitRenewalRequest({ ...REQUEST, rows: [{ ...REQUEST.rows[0]!, validityStart: '2027-09-28' }] }));
    expect(error.code).to.equal('validation_failed');
    expect(error.issues).to.deep.equal([{ path: ['rows', '0', 'validityStart'], code: 'startTooLate' }]);
  });

  it('sends Authorization only when a key is given, and fails a shapeless answer as invalid_response', async () => {
    const requests: Request[] = [];
    const stub = async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(new URL(String(input), location.href), init));
      return new Response('{"certificates":"nope"}', { status: 200 });
    };
    const error = await failure(new RenewalApi({ endpoint: '/x', fetch: stub }).listExpiringCertificates(30));
    expect(error.code).to.equal('invalid_response');
    expect(new URL(requests[0]!.url).pathname + new URL(requests[0]!.url).search).to.equal('/x/expiring-certificates?withinDays=30');
    expect(requests[0]!.headers.get('Authorization')).to.equal(null);
  });

  it('sends the Idempotency-Key it is given, and none when not', async () => {
    const keys: Array<string | null> = [];
    const stub = async (_input: RequestInfo | URL, init?: RequestInit) => {
      keys.push(new Headers(init?.headers).get('Idempotency-Key'));
      return Response.json({ requestNumber: 'R2704010001', rows: [] }, { status: 201 });
    };
    const stubbed = new RenewalApi({ endpoint: '/x', fetch: stub });
    await stubbed.submitRenewalRequest(REQUEST, 'key-1');
    await stubbed.submitRenewalRequest(REQUEST);
    expect(keys).to.deep.equal(['key-1', null]);
  });

  it('fails with network when no answer comes', async () => {
    backend.failNext({ network: true });
    expect((await failure(api.listExpiringCertificates())).code).to.equal('network');
  });
});

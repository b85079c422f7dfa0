/**
 * PartnerAdminApi against a stubbed fetch: the paths, methods, headers (session, Idempotency-Key) and
 * bodies it sends, the session taken from a property or from the host's function before every call, and
 * every failure as the same ApiError as the rest of the contract (with the PIN tries left).
 */
import { expect } from '@open-wc/testing';
import { ApiError } from '../../src/api/errors.js';
import { PartnerAdminApi, PartnerApiError } from '../../src/api/partner-admin.js';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that records what it is sent and answers `answer`. */
function stubFetch(answer: () => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body ? JSON.parse(String(init.body)) : undefined });
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The ApiError a call fails with (the test fails if it succeeds). */
const failure = (call: Promise<unknown>): Promise<ApiError> =>
  call.then(
    () => Promise.reject(new Error('expected the call to fail')),
    (error: unknown) => (error instanceof ApiError ? error : Promise.reject(error)),
  );

const USER = { userId: 'L0000003', role: 'general', name: '佐藤 次郎', nameKana: 'サトウ　ジロウ', email: 'jiro@example.jp', signing: 'none', createdAt: '2026-11-29T00:00:00Z' };

describe('PartnerAdminApi', () => {
  it('signs in without a session and reads the session back', async () => {
    const session = { session: 's-1', expiresAt: '2026-11-29T08:00:00Z', mustChangePassword: true, user: { userId: 'L0000001', name: '山田 花子', role: 'admin' } };
    const { fetch, sent } = stubFetch(() => json(session, 201));
    const api = new PartnerAdminApi({ endpoint: '/api/', fetch });
    expect(await api.signIn({ userId: 'L0000001', password: 'p' })).to.deep.equal(session);
    expect(sent[0]).to.include({ url: '/api/partner/sessions', method: 'POST' });
    expect(sent[0]!.headers.has('Authorization')).to.equal(false);
    expect(sent[0]!.body).to.deep.equal({ userId: 'L0000001', password: 'p' });
  });

  it('sends the session and the Idempotency-Key when adding a user', async () => {
    const { fetch, sent } = stubFetch(() => json({ user: USER }, 201));
    const api = new PartnerAdminApi({ endpoint: '/api', session: 's-1', fetch });
    const body = { role: 'general' as const, name: '佐藤 次郎', nameKana: 'サトウ　ジロウ', email: 'jiro@example.jp' };
    expect(await api.addUser(body, 'key-1')).to.deep.equal(USER);
    expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer s-1');
    expect(sent[0]!.headers.get('Idempotency-Key')).to.equal('key-1');
    expect(sent[0]!.body).to.deep.equal(body);
  });

  it('asks the host for the session before every call', async () => {
    const { fetch, sent } = stubFetch(() => json({ users: [USER] }));
    let current = 'first';
    const api = new PartnerAdminApi({ endpoint: '/api', session: async () => current, fetch });
    await api.listUsers();
    current = 'refreshed';
    await api.listUsers();
    expect(sent.map((each) => each.headers.get('Authorization'))).to.deep.equal(['Bearer first', 'Bearer refreshed']);
  });

  it('refuses to call without a session, sending nothing', async () => {
    const { fetch, sent } = stubFetch(() => json({}));
    const error = await failure(new PartnerAdminApi({ endpoint: '/api', fetch }).listCertificates());
    expect(error.code).to.equal('session_invalid');
    expect(sent).to.deep.equal([]);
  });

  it('links and activates under encoded paths', async () => {
    const certificate = { certificateId: 'C 1', state: 'issued', companyName: 'x', companyNameAlpha: 'X', departmentJa: 'a', departmentAlpha: 'A', titleJa: 'b', titleAlpha: 'B', userIds: ['L0000003'] };
    const { fetch, sent } = stubFetch(() => json({ certificate }));
    const api = new PartnerAdminApi({ endpoint: '/api', session: 's', fetch });
    await api.linkCertificate('C 1', 'L0000003', 'key-2');
    await api.activateCertificate('C 1', '12345678');
    expect(sent.map((each) => each.url)).to.deep.equal(['/api/partner/certificates/C%201/links', '/api/partner/certificates/C%201/activation']);
    expect(sent[1]!.body).to.deep.equal({ pin: '12345678' });
    expect(sent[1]!.headers.has('Idempotency-Key')).to.equal(false);
  });

  it('gives the PIN tries left and the lock-out wait with the error', async () => {
    const pin = stubFetch(() => json({ error: { code: 'pin_incorrect', message: 'wrong' } }, 400, { 'X-Attempts-Remaining': '3' }));
    const pinError = await failure(new PartnerAdminApi({ endpoint: '/api', session: 's', fetch: pin.fetch }).activateCertificate('C1', '0000'));
    expect(pinError).to.be.instanceOf(PartnerApiError);
    expect(pinError).to.include({ code: 'pin_incorrect', status: 400 });
    expect((pinError as PartnerApiError).attemptsRemaining).to.equal(3);
    const locked = stubFetch(() => json({ error: { code: 'account_locked', message: 'locked' } }, 423, { 'Retry-After': '1800' }));
    const lockError = await failure(new PartnerAdminApi({ endpoint: '/api', fetch: locked.fetch }).signIn({ userId: 'L0000001', password: 'x' }));
    expect(lockError).to.include({ code: 'account_locked', retryAfterSeconds: 1800 });
  });

  it('refuses an answer not in the contract\'s shape', async () => {
    const { fetch } = stubFetch(() => json({ users: 'none' }));
    const error = await failure(new PartnerAdminApi({ endpoint: '/api', session: 's', fetch }).listUsers());
    expect(error.code).to.equal('invalid_response');
  });
});

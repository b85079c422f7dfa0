/**
 * After the application, on the reference server: the operator's two waves and their mails (STEP 6
 * ①–⑥, the guide's subjects), the administrator's sign-in with lock-out and forced password change,
 * company users, certificate requests, links and the PIN check, idempotent retries, and that no
 * password or PIN is stored in clear.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { receiptSchema } from '../../src/domain/index.js';
import { MAX_PIN_FAILURES, MAX_SIGN_IN_FAILURES, sessionSchema } from '../../src/domain/company-user.js';
import { REDACTED_SECRET, SECRET_PLACEHOLDER, sealText, WITHHELD_SECRET } from '../../demo/server/mail-secrets.js';
import { mailText } from '../../demo/server/mails.js';
import { seedOperatorKey } from '../../demo/server/operator.js';
import { PARTNER_MAIL_SUBJECTS } from '../../demo/server/partner-mails.js';
import { admin, countRows, errorCode, inviteDirectly, startTestServer, submit, validApplication, type TestServer } from './helpers.js';

const OPERATOR_KEY = 'op_test-operator-key';
const ADMIN_EMAIL = 'hanako@example.co.jp';

interface DemoMail {
  id: number;
  to: string;
  subject: string;
  body: string;
}

interface ErrorBody {
  error: { code: string; issues?: Array<{ path: string[]; code: string }> };
}

describe('the partner company after its application', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: new Date('2026-04-01T01:00:00Z') } });
    await seedOperatorKey(server.database, OPERATOR_KEY);
  });
  after(() => server.dispose());

  function call(method: string, path: string, options: { body?: unknown; session?: string; key?: string; bearer?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    const bearer = options.bearer ?? options.session;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (options.key) headers['Idempotency-Key'] = options.key;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(`${server.url}/api${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  }
  const operator = (method: string, path: string, body?: unknown) => call(method, `/operator${path}`, { bearer: OPERATOR_KEY, ...(body !== undefined ? { body } : {}) });

  /** Every mail of the outbox since `afterId`, read as its recipient would (the operator's demo mailbox). */
  async function mailsSince(afterId: number, to?: string): Promise<DemoMail[]> {
    const list = (await (await operator('GET', `/outbox${to ? `?to=${encodeURIComponent(to)}` : ''}`)).json()) as { mails: Array<{ id: number }> };
    const fresh = list.mails.filter((mail) => mail.id > afterId).reverse();
    return Promise.all(fresh.map(async (mail) => (await (await operator('GET', `/outbox/${mail.id}`)).json()) as DemoMail));
  }
  async function lastMailId(): Promise<number> {
    const list = (await (await operator('GET', '/outbox')).json()) as { mails: Array<{ id: number }> };
    return list.mails[0]?.id ?? 0;
  }
  function secretIn(mail: DemoMail | undefined, label: string): string {
    const value = new RegExp(`${label}：(\\S+)`).exec(mail?.body ?? '')?.[1];
    assert.ok(value, `${label} in ${mail?.subject}`);
    return value;
  }

  /** Invites, applies (as `email`) and returns the application's id in the operator's list. */
  async function apply(email = ADMIN_EMAIL): Promise<string> {
    const { id, token } = await inviteDirectly(server);
    const application = validApplication(token);
    application.adminUser.email = email;
    receiptSchema.parse(await (await submit(server, { token, application })).json());
    return id;
  }

  /** Wave 1 for a fresh application: the 管理用ID and its first password, from the mails. */
  async function administrator(email = ADMIN_EMAIL): Promise<{ id: string; userId: string; password: string }> {
    const id = await apply(email);
    const since = await lastMailId();
    assert.equal((await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' })).status, 200);
    const mails = await mailsSince(since);
    return { id, userId: secretIn(mails[0], '利用者ID'), password: secretIn(mails[1], '初回ログインパスワード') };
  }

  async function signIn(userId: string, password: string): Promise<Response> {
    return call('POST', '/partner/sessions', { body: { userId, password } });
  }
  async function sessionOf(userId: string, password: string): Promise<string> {
    const response = await signIn(userId, password);
    assert.equal(response.status, 201);
    return sessionSchema.parse(await response.json()).session;
  }
  /** Signs in with the first password and changes it to `kensetsu2027`; the session afterwards. */
  async function readySession(userId: string, password: string): Promise<string> {
    const session = await sessionOf(userId, password);
    const changed = await call('PUT', '/partner/password', { session, body: { currentPassword: password, newPassword: 'kensetsu2027' } });
    assert.equal(changed.status, 204);
    return session;
  }

  it('documents the partner and operator routes in the served OpenAPI document, with their failures', async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const expected: Record<string, Record<string, string[]>> = {
      '/partner/sessions': { post: ['201', '400', '401', '423'] },
      '/partner/users': { get: ['200', '401', '403'], post: ['201', '400', '401', '403', '409'] },
      '/partner/certificates/{certificateId}/activation': { post: ['200', '400', '404', '409', '423'] },
      '/operator/applications': { get: ['200', '400', '401'] },
      '/operator/applications/{id}/stage': { post: ['200', '400', '401', '404', '409'] },
      '/operator/certificate-requests/{certificateId}/issue': { post: ['200', '401', '404'] },
    };
    for (const [path, operations] of Object.entries(expected)) {
      for (const [method, statuses] of Object.entries(operations)) {
        assert.deepEqual(statuses.filter((status) => !(status in (document.paths[path]?.[method]?.responses ?? {}))), [], `${method} ${path}`);
      }
    }
  });

  it('puts a sealed password or PIN into the text for its recipient only, and drops it once delivered', () => {
    const key = server.database.mailKey;
    const body = `PIN：${SECRET_PLACEHOLDER}`;
    const sealed = { body, sealed_link: sealText(key, '12345678') };
    assert.equal(mailText(sealed, key, { revealSecret: true }), 'PIN：12345678', 'SMTP and the demo mailbox');
    assert.equal(mailText(sealed, key), `PIN：${WITHHELD_SECRET}`, "the ordering company's console");
    assert.equal(mailText({ body, sealed_link: null }, key, { revealSecret: true }), `PIN：${REDACTED_SECRET}`, 'after delivery');
  });

  it('lets a portal on another origin read X-Attempts-Remaining and Retry-After (CORS)', async () => {
    const response = await fetch(`${server.url}/api/partner/me`, { headers: { Origin: 'https://portal.example.jp' } });
    assert.deepEqual(response.headers.get('Access-Control-Expose-Headers')?.split(/,\s*/).sort(), ['Retry-After', 'X-Attempts-Remaining']);
  });

  describe('the operator', () => {
    it('needs the operator key (401) and lists every application with its stage', async () => {
      assert.equal((await call('GET', '/operator/applications')).status, 401);
      assert.equal((await call('GET', '/operator/applications', { bearer: 'test-key-hacchu' })).status, 401, 'an ordering company is not the operator');
      const id = await apply();
      const list = (await (await operator('GET', '/applications')).json()) as { applications: Array<{ id: string; stage: string; adminEmail: string }> };
      const row = list.applications.find((each) => each.id === id);
      assert.equal(row?.stage, 'accepted');
      assert.equal(row?.adminEmail, ADMIN_EMAIL);
    });

    it('pages the applications newest first: none twice, none lost (ties at one instant included), nextCursor until the last page', async () => {
      for (let count = 0; count < 5; count++) await apply(`page${count}@example.co.jp`); // one clock: the same accepted_at
      const all = (await (await operator('GET', '/applications?limit=100')).json()) as { applications: Array<{ id: string; acceptedAt: string }>; nextCursor?: string };
      assert.equal(all.nextCursor, undefined, 'everything fits one page of 100');
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const response = await operator('GET', `/applications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(response.status, 200);
        const page = (await response.json()) as { applications: Array<{ id: string }>; nextCursor?: string };
        assert.ok(page.applications.length <= 2);
        seen.push(...page.applications.map((application) => application.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.applications.map((application) => application.id));
      assert.ok(seen.length >= 5);
      for (const query of ['?limit=0', '?limit=101', '?limit=ten', '?cursor=forged']) {
        const refused = await operator('GET', `/applications${query}`);
        assert.equal(refused.status, 400, query);
      }
    });

    it('wave 1 sends ① 利用者ID発行 ② 初回ログインパスワード ③ サービス利用企業登録完了 to the administrator, once', async () => {
      const id = await apply();
      const since = await lastMailId();
      const response = await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { stage: string }).stage, 'usersIssued');
      const mails = await mailsSince(since);
      assert.deepEqual(
        mails.map((mail) => [mail.to, mail.subject]),
        [
          [ADMIN_EMAIL, '【CECTRUST-Lightサービス】利用者ID発行のお知らせ'],
          [ADMIN_EMAIL, '【CECTRUST-Lightサービス】初回ログインパスワードのお知らせ'],
          [ADMIN_EMAIL, '【CECTRUST-Lightサービス】サービス利用企業登録完了のお知らせ'],
        ],
      );
      assert.match(secretIn(mails[0], '利用者ID'), /^L\d{7}$/);
      assert.equal((await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' })).status, 200);
      assert.equal((await mailsSince(since)).length, 3, 'asked again: nothing sent twice');
    });

    it('wave 2 needs wave 1 (409 stage_conflict), then sends ④ 電子証明書発行 ⑤ PIN ⑥ 利用登録完了, once', async () => {
      const id = await apply();
      const early = await operator('POST', `/applications/${id}/stage`, { stage: 'registered' });
      assert.equal(early.status, 409);
      assert.equal(await errorCode(early), 'stage_conflict');
      await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' });
      const since = await lastMailId();
      const response = await operator('POST', `/applications/${id}/stage`, { stage: 'registered' });
      assert.equal(((await response.json()) as { stage: string }).stage, 'registered');
      const mails = await mailsSince(since);
      assert.deepEqual(
        mails.map((mail) => [mail.to, mail.subject]),
        [
          [ADMIN_EMAIL, PARTNER_MAIL_SUBJECTS.certificateIssued],
          [ADMIN_EMAIL, '【CECTRUST-Lightサービス】PINのお知らせ'],
          [ADMIN_EMAIL, '【CECTRUST-Lightサービス】利用登録完了のお知らせ'],
        ],
      );
      assert.match(secretIn(mails[1], 'PIN'), /^\d{8}$/);
      await operator('POST', `/applications/${id}/stage`, { stage: 'registered' });
      assert.equal((await mailsSince(since)).length, 3);
      const back = await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' });
      assert.equal(await errorCode(back), 'stage_conflict');
    });

    it('refuses an unknown application (404) and an unknown stage (400)', async () => {
      assert.equal(await errorCode(await operator('POST', '/applications/nope/stage', { stage: 'usersIssued' })), 'application_not_found');
      const bad = await operator('POST', `/applications/${await apply()}/stage`, { stage: 'done' });
      assert.equal(bad.status, 400);
      assert.deepEqual(((await bad.json()) as ErrorBody).error.issues?.map((issue) => issue.path.join('.')), ['stage']);
    });

    it("shows the stage in the ordering company's console (受付済 → 利用者ID発行済 → 利用登録完了)", async () => {
      const id = await apply();
      const stageOf = async () => {
        const body = (await (await admin(server, 'GET', '/invitations?limit=100')).json()) as { invitations: Array<{ id: string; application?: { stage?: string } }> };
        return body.invitations.find((each) => each.id === id)?.application?.stage;
      };
      assert.equal(await stageOf(), 'accepted');
      await operator('POST', `/applications/${id}/stage`, { stage: 'usersIssued' });
      assert.equal(await stageOf(), 'usersIssued');
      await operator('POST', `/applications/${id}/stage`, { stage: 'registered' });
      assert.equal(await stageOf(), 'registered');
    });
  });

  describe('signing in and the first password', () => {
    it('signs in with the 管理用ID (typed in lower case too) and asks for the password change first', async () => {
      const { userId, password } = await administrator();
      const response = await signIn(userId.toLowerCase(), password);
      assert.equal(response.status, 201);
      const session = sessionSchema.parse(await response.json());
      assert.equal(session.mustChangePassword, true);
      assert.equal(session.user.role, 'admin');
      assert.equal(session.user.name, '山田 花子');
      const blocked = await call('GET', '/partner/me', { session: session.session });
      assert.equal(blocked.status, 403);
      assert.equal(await errorCode(blocked), 'password_change_required');
    });

    it('answers an unknown ID and a wrong password alike (401 sign_in_failed), an empty form with 400', async () => {
      const { userId } = await administrator();
      assert.equal(await errorCode(await signIn('L9999999', 'whatever-1')), 'sign_in_failed');
      assert.equal(await errorCode(await signIn(userId, 'wrong-password-1')), 'sign_in_failed');
      const empty = await call('POST', '/partner/sessions', { body: { userId: '', password: '' } });
      assert.equal(empty.status, 400);
      assert.deepEqual(((await empty.json()) as ErrorBody).error.issues?.map((issue) => `${issue.path.join('.')}:${issue.code}`), ['userId:required', 'password:required']);
    });

    it(`locks the ID after ${MAX_SIGN_IN_FAILURES} wrong passwords (423 account_locked, Retry-After), even for the right one, until the lock ends`, async () => {
      const { userId, password } = await administrator();
      for (let attempt = 1; attempt < MAX_SIGN_IN_FAILURES; attempt += 1) assert.equal((await signIn(userId, `wrong-${attempt}-x`)).status, 401);
      const locked = await signIn(userId, 'wrong-last-x');
      assert.equal(locked.status, 423);
      assert.equal(await errorCode(locked), 'account_locked');
      assert.equal(locked.headers.get('Retry-After'), '1800');
      const stillLocked = await signIn(userId, password);
      assert.equal(stillLocked.status, 423);
      assert.ok(Number(stillLocked.headers.get('Retry-After')) > 0);
      const before = server.now.value;
      server.now.value = new Date(before.getTime() + 31 * 60_000);
      try {
        assert.equal((await signIn(userId, password)).status, 201);
      } finally {
        server.now.value = before;
      }
    });

    it('checks the new password with the same policy as the form, and the current one', async () => {
      const { userId, password } = await administrator();
      const session = await sessionOf(userId, password);
      const change = async (currentPassword: string, newPassword: string) => {
        const response = await call('PUT', '/partner/password', { session, body: { currentPassword, newPassword } });
        assert.equal(response.status, 400);
        return ((await response.json()) as ErrorBody).error.issues?.map((issue) => `${issue.path.join('.')}:${issue.code}`);
      };
      assert.deepEqual(await change('not-the-password-1', 'kensetsu2027'), ['currentPassword:passwordIncorrect']);
      assert.deepEqual(await change(password, 'short1'), ['newPassword:passwordTooShort']);
      assert.deepEqual(await change(password, 'onlyletters-here'), ['newPassword:passwordLetterAndDigit']);
      assert.deepEqual(await change(password, `x${userId}x`), ['newPassword:passwordContainsUserId']);
      assert.deepEqual(await change(password, password), ['newPassword:passwordUnchanged']);
    });

    it('changes the password (204): the old one no longer signs in, the new one does without the forced change', async () => {
      const { userId, password } = await administrator();
      const session = await readySession(userId, password);
      assert.equal((await call('GET', '/partner/me', { session })).status, 200);
      assert.equal((await signIn(userId, password)).status, 401);
      const again = sessionSchema.parse(await (await signIn(userId, 'kensetsu2027')).json());
      assert.equal(again.mustChangePassword, false);
    });

    it('refuses a missing, unknown or expired session (401 session_invalid)', async () => {
      const { userId, password } = await administrator();
      const session = await readySession(userId, password);
      assert.equal(await errorCode(await call('GET', '/partner/me')), 'session_invalid');
      assert.equal(await errorCode(await call('GET', '/partner/me', { session: 'made-up' })), 'session_invalid');
      const before = server.now.value;
      server.now.value = new Date(before.getTime() + 9 * 3_600_000);
      try {
        assert.equal(await errorCode(await call('GET', '/partner/me', { session })), 'session_invalid');
      } finally {
        server.now.value = before;
      }
    });
  });

  describe('company users, certificates and the PIN', () => {
    let company: { id: string; userId: string; password: string };
    let session: string;
    const jiro = { role: 'general', name: '佐藤 次郎', nameKana: 'さとう じろう', email: 'jiro@example.co.jp' };

    before(async () => {
      company = await administrator('kanri@yamada.example.jp');
      session = await readySession(company.userId, company.password);
    });

    it('registers a user (201) and mails their 利用者ID and 初回パスワード to their own address', async () => {
      const since = await lastMailId();
      const response = await call('POST', '/partner/users', { session, key: 'add-jiro', body: jiro });
      assert.equal(response.status, 201);
      const { user } = (await response.json()) as { user: { userId: string; nameKana: string; role: string; signing: string } };
      assert.equal(user.nameKana, 'サトウ　ジロウ', 'the kana rules of STEP 3');
      assert.equal(user.signing, 'none');
      const mails = await mailsSince(since);
      assert.deepEqual(mails.map((mail) => [mail.to, mail.subject]), [
        ['jiro@example.co.jp', PARTNER_MAIL_SUBJECTS.userId],
        ['jiro@example.co.jp', PARTNER_MAIL_SUBJECTS.initialPassword],
      ]);
      assert.equal(secretIn(mails[0], '利用者ID'), user.userId);
    });

    it('replays a retry with the same key and body (nothing stored or mailed twice); another body under the key is 409', async () => {
      const users = await countRows(server, 'partner_users');
      const mails = await countRows(server, 'outbox');
      const retry = await call('POST', '/partner/users', { session, key: 'add-jiro', body: jiro });
      assert.equal(retry.status, 201);
      assert.equal(await countRows(server, 'partner_users'), users);
      assert.equal(await countRows(server, 'outbox'), mails);
      const conflict = await call('POST', '/partner/users', { session, key: 'add-jiro', body: { ...jiro, email: 'other@example.co.jp' } });
      assert.equal(conflict.status, 409);
      assert.equal(await errorCode(conflict), 'idempotency_conflict');
    });

    it('refuses a taken address (409 email_taken), a missing Idempotency-Key and invalid fields (400) with their codes', async () => {
      const taken = await call('POST', '/partner/users', { session, key: 'add-jiro-again', body: { ...jiro, email: 'JIRO@example.co.jp' } });
      assert.equal(await errorCode(taken), 'email_taken');
      const keyless = await call('POST', '/partner/users', { session, body: jiro });
      assert.deepEqual(((await keyless.json()) as ErrorBody).error.issues?.map((issue) => issue.path[0]), ['Idempotency-Key']);
      const invalid = await call('POST', '/partner/users', { session, key: 'bad', body: { role: 'boss', name: '', nameKana: 'Sato', phone: '123', email: 'no-at' } });
      assert.equal(invalid.status, 400);
      const paths = ((await invalid.json()) as ErrorBody).error.issues?.map((issue) => issue.path[0]);
      assert.deepEqual(new Set(paths), new Set(['role', 'name', 'nameKana', 'phone', 'email']));
    });

    it("lists the company's users (自社利用者照会) to administrators only (403 not_admin)", async () => {
      const { users } = (await (await call('GET', '/partner/users', { session })).json()) as { users: Array<{ userId: string; role: string }> };
      assert.deepEqual(users.map((user) => user.role), ['admin', 'general']);
      const general = users[1]!.userId;
      const since = await mailsSince(0, 'jiro@example.co.jp');
      const generalSession = await readySession(general, secretIn(since.at(-1), '初回ログインパスワード'));
      const refused = await call('GET', '/partner/users', { session: generalSession });
      assert.equal(refused.status, 403);
      assert.equal(await errorCode(refused), 'not_admin');
      assert.equal((await call('GET', '/partner/me', { session: generalSession })).status, 200, 'a general user sees themselves');
    });

    it('confirms the administrator\'s certificate with the PIN of mail ⑤: wrong ones counted (X-Attempts-Remaining), then it signs', async () => {
      const before = (await (await call('GET', '/partner/me', { session })).json()) as { user: { signing: string; certificateId: string } };
      assert.equal(before.user.signing, 'requested', 'wave 2 has not issued it yet');
      const early = await call('POST', `/partner/certificates/${before.user.certificateId}/activation`, { session, body: { pin: '12345678' } });
      assert.equal(await errorCode(early), 'certificate_not_issued');
      const since = await lastMailId();
      await operator('POST', `/applications/${company.id}/stage`, { stage: 'registered' });
      const pin = secretIn((await mailsSince(since)).find((mail) => mail.subject === PARTNER_MAIL_SUBJECTS.pin), 'PIN');
      const path = `/partner/certificates/${before.user.certificateId}/activation`;
      const malformed = await call('POST', path, { session, body: { pin: '12' } });
      assert.deepEqual(((await malformed.json()) as ErrorBody).error.issues?.map((issue) => issue.code), ['pinFormat']);
      const wrong = await call('POST', path, { session, body: { pin: pin === '00000000' ? '11111111' : '00000000' } });
      assert.equal(wrong.status, 400);
      assert.equal(await errorCode(wrong), 'pin_incorrect');
      assert.equal(wrong.headers.get('X-Attempts-Remaining'), String(MAX_PIN_FAILURES - 1));
      const right = await call('POST', path, { session, body: { pin: pin.replace(/^(\d{4})/, '$1-') } });
      assert.equal(right.status, 200, 'typed with a hyphen, normalised as the form does');
      const me = (await (await call('GET', '/partner/me', { session })).json()) as { user: { signing: string } };
      assert.equal(me.user.signing, 'active');
      assert.equal((await call('POST', path, { session, body: { pin: 'anything' } })).status, 200, 'confirmed already: the same answer');
    });

    it('asks for a certificate for a user (method ①), once per key; the operator issues it and the PIN goes to the user', async () => {
      const { users } = (await (await call('GET', '/partner/users', { session })).json()) as { users: Array<{ userId: string }> };
      const jiroId = users[1]!.userId;
      const request = { userId: jiroId, certificate: { companyNameAlpha: 'YAMADA KENSETSU', departmentJa: '工事部', departmentAlpha: 'KOJIBU', titleJa: '部長', titleAlpha: 'BUCHO' } };
      const fixed = await call('POST', '/partner/certificate-requests', { session, key: 'cr-fixed', body: { ...request, certificate: { ...request.certificate, companyNameAlpha: 'OTHER' } } });
      assert.deepEqual(((await fixed.json()) as ErrorBody).error.issues?.map((issue) => `${issue.path.join('.')}:${issue.code}`), ['certificate.companyNameAlpha:companyNameFixed']);
      assert.equal(await errorCode(await call('POST', '/partner/certificate-requests', { session, key: 'cr-nobody', body: { ...request, userId: 'L9999999' } })), 'user_not_found');
      assert.equal(await errorCode(await call('POST', '/partner/certificate-requests', { session, key: 'cr-admin', body: { ...request, userId: company.userId } })), 'user_has_certificate');
      const tooLong = await call('POST', '/partner/certificate-requests', { session, key: 'cr-long', body: { ...request, certificate: { ...request.certificate, departmentAlpha: 'K'.repeat(40), titleAlpha: 'B'.repeat(30) } } });
      assert.deepEqual(((await tooLong.json()) as ErrorBody).error.issues?.map((issue) => issue.code), ['departmentTitleTooLong']);

      const certificates = await countRows(server, 'partner_certificates');
      const first = await call('POST', '/partner/certificate-requests', { session, key: 'cr-jiro', body: request });
      assert.equal(first.status, 201);
      const receipt = (await first.json()) as { requestNumber: string; certificateId: string };
      const retry = await call('POST', '/partner/certificate-requests', { session, key: 'cr-jiro', body: request });
      assert.deepEqual(await retry.json(), receipt);
      assert.equal(await countRows(server, 'partner_certificates'), certificates + 1, 'stored once');

      const pending = (await (await operator('GET', '/certificate-requests?state=requested')).json()) as { certificateRequests: Array<{ certificateId: string; userIds: string[] }> };
      assert.deepEqual(pending.certificateRequests.find((each) => each.certificateId === receipt.certificateId)?.userIds, [jiroId]);
      const since = await lastMailId();
      assert.equal((await operator('POST', `/certificate-requests/${receipt.certificateId}/issue`)).status, 200);
      assert.equal((await operator('POST', `/certificate-requests/${receipt.certificateId}/issue`)).status, 200);
      const mails = await mailsSince(since);
      assert.deepEqual(mails.map((mail) => [mail.to, mail.subject]), [['jiro@example.co.jp', PARTNER_MAIL_SUBJECTS.pin]], 'once, to the user');
      assert.equal(await errorCode(await operator('POST', '/certificate-requests/C9999999/issue')), 'certificate_not_found');
    });

    it('links an issued certificate to a user (method ②) and mails them its PIN; refuses what cannot be linked', async () => {
      const added = await call('POST', '/partner/users', { session, key: 'add-saburo', body: { name: '鈴木 三郎', nameKana: 'スズキ　サブロウ', email: 'saburo@example.co.jp' } });
      const { user } = (await added.json()) as { user: { userId: string } };
      const { certificates } = (await (await call('GET', '/partner/certificates', { session })).json()) as { certificates: Array<{ certificateId: string; state: string; userIds: string[] }> };
      const issued = certificates.find((each) => each.userIds.includes(company.userId))!;
      assert.equal(await errorCode(await call('POST', '/partner/certificates/C9999999/links', { session, key: 'l0', body: { userId: user.userId } })), 'certificate_not_found');
      assert.equal(await errorCode(await call('POST', `/partner/certificates/${issued.certificateId}/links`, { session, key: 'l1', body: { userId: 'L9999999' } })), 'user_not_found');
      const since = await lastMailId();
      const linked = await call('POST', `/partner/certificates/${issued.certificateId}/links`, { session, key: 'l2', body: { userId: user.userId } });
      assert.equal(linked.status, 200);
      assert.deepEqual(((await linked.json()) as { certificate: { userIds: string[] } }).certificate.userIds, [company.userId, user.userId]);
      assert.deepEqual((await mailsSince(since)).map((mail) => [mail.to, mail.subject]), [['saburo@example.co.jp', PARTNER_MAIL_SUBJECTS.pin]]);
      assert.equal(await errorCode(await call('POST', `/partner/certificates/${issued.certificateId}/links`, { session, key: 'l3', body: { userId: user.userId } })), 'user_has_certificate');
    });

    it(`locks the PIN check after ${MAX_PIN_FAILURES} wrong PINs (423 pin_locked), the right PIN included`, async () => {
      const { users } = (await (await call('GET', '/partner/users', { session })).json()) as { users: Array<{ userId: string; email: string; certificateId?: string }> };
      const saburo = users.find((user) => user.email === 'saburo@example.co.jp')!;
      const mails = await mailsSince(0, saburo.email);
      const saburoSession = await readySession(saburo.userId, secretIn(mails.find((mail) => mail.subject === PARTNER_MAIL_SUBJECTS.initialPassword), '初回ログインパスワード'));
      const pin = secretIn(mails.find((mail) => mail.subject === PARTNER_MAIL_SUBJECTS.pin), 'PIN');
      const wrongPin = pin === '00000000' ? '11111111' : '00000000';
      const path = `/partner/certificates/${saburo.certificateId}/activation`;
      for (let attempt = 1; attempt < MAX_PIN_FAILURES; attempt += 1) {
        const response = await call('POST', path, { session: saburoSession, body: { pin: wrongPin } });
        assert.equal(response.headers.get('X-Attempts-Remaining'), String(MAX_PIN_FAILURES - attempt));
      }
      const locked = await call('POST', path, { session: saburoSession, body: { pin: wrongPin } });
      assert.equal(locked.status, 423);
      assert.equal(await errorCode(locked), 'pin_locked');
      assert.equal(await errorCode(await call('POST', path, { session: saburoSession, body: { pin } })), 'pin_locked');
      const me = (await (await call('GET', '/partner/me', { session })).json()) as { user: { signing: string } };
      assert.equal(me.user.signing, 'active', "the lock is his link's: the administrator still signs with the certificate");
    });

    it('keeps no password or PIN in clear: scrypt hashes, sealed mail secrets, and the console sees neither', async () => {
      const mails = [...(await mailsSince(0, 'kanri@yamada.example.jp')), ...(await mailsSince(0, 'jiro@example.co.jp')), ...(await mailsSince(0, 'saburo@example.co.jp'))];
      const secrets = mails.flatMap((mail) => [/初回ログインパスワード：(\S+)/.exec(mail.body)?.[1], /PIN：(\S+)/.exec(mail.body)?.[1]]).filter((value): value is string => !!value);
      assert.ok(secrets.length >= 6);
      const { db } = server.database;
      const everything = JSON.stringify(
        await Promise.all(
          (['partner_users', 'partner_sessions', 'partner_certificate_links', 'partner_idempotency_keys', 'outbox'] as const).map((table) => db.selectFrom(table).selectAll().execute()),
        ),
      );
      for (const secret of [...secrets, 'kensetsu2027']) assert.ok(!everything.includes(secret), `${secret} is not stored in clear`);
      const hashes = await db.selectFrom('partner_users').select('password_hash').execute();
      assert.ok(hashes.every((row) => /^scrypt\$16384\$8\$1\$/.test(row.password_hash)));
      const passwordMail = mails.find((mail) => mail.subject === PARTNER_MAIL_SUBJECTS.initialPassword)!;
      const consoleView = (await (await admin(server, 'GET', `/outbox/${passwordMail.id}`)).json()) as { body: string };
      assert.ok(!consoleView.body.includes(secretIn(passwordMail, '初回ログインパスワード')));
      assert.match(consoleView.body, /ご本人宛のメールにのみ記載されます/);
    });

    it("keeps companies apart: another company's administrator sees, links and confirms none of this company's", async () => {
      const other = await administrator('other@example.jp');
      const otherSession = await readySession(other.userId, other.password);
      const { users } = (await (await call('GET', '/partner/users', { session: otherSession })).json()) as { users: Array<{ userId: string }> };
      assert.deepEqual(users.map((user) => user.userId), [other.userId]);
      const mine = (await (await call('GET', '/partner/users', { session })).json()) as { users: Array<{ userId: string; certificateId?: string }> };
      const [administratorOfThis, jiroOfThis] = mine.users;
      const request = { userId: jiroOfThis!.userId, certificate: { companyNameAlpha: 'YAMADA KENSETSU', departmentJa: '本社', departmentAlpha: 'HONSHA', titleJa: '社長', titleAlpha: 'SHACHO' } };
      assert.equal(await errorCode(await call('POST', '/partner/certificate-requests', { session: otherSession, key: 'x1', body: request })), 'user_not_found');
      assert.equal(await errorCode(await call('POST', `/partner/certificates/${administratorOfThis!.certificateId}/links`, { session: otherSession, key: 'x2', body: { userId: other.userId } })), 'certificate_not_found');
      assert.equal(await errorCode(await call('POST', `/partner/certificates/${administratorOfThis!.certificateId}/activation`, { session: otherSession, body: { pin: '12345678' } })), 'certificate_not_found');
      const sameKey = await call('POST', '/partner/users', { session: otherSession, key: 'add-jiro', body: { ...jiro, email: 'jiro@other.example.jp' } });
      assert.equal(sameKey.status, 201, "an Idempotency-Key is the company's own: another company's use of it is no conflict");
    });

    it('forgets idempotency records after 35 days and expired sessions at the purge, keeping the users', async () => {
      assert.ok((await countRows(server, 'partner_idempotency_keys')) > 0);
      const users = await countRows(server, 'partner_users');
      const before = server.now.value;
      server.now.value = new Date(before.getTime() + 36 * 86_400_000);
      try {
        await server.purge();
      } finally {
        server.now.value = before;
      }
      assert.equal(await countRows(server, 'partner_idempotency_keys'), 0);
      assert.equal(await countRows(server, 'partner_sessions'), 0);
      assert.equal(await countRows(server, 'partner_users'), users);
      assert.equal(await errorCode(await call('GET', '/partner/me', { session })), 'session_invalid');
    });
  });
});

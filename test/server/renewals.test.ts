/**
 * The certificate-renewal routes over real HTTP (issue 15): only the registered RA contact may ask; the
 * seed's date rules hold at the server in Japan time; the ID通知メール address is required for downloads
 * only; a retry with the same Idempotency-Key stores once; the operator issues rows, which the request
 * then shows with 証明書ID and serial; the mails reach the outbox; the 発行依頼書 exports as XLSX and CSV.
 * postgres.test.ts runs this file again on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parseExpiringList, renewalReceiptSchema } from '../../src/domain/renewal.js';
import { API_KEY, countRows, errorCode, OPERATOR_KEY, RA_CONTACT_EMAIL, RA_KEY, renewalCall, seedRenewalOrganisation, startTestServer, type TestServer } from './helpers.js';

/** 2027-04-01 10:00 in Tokyo (a Thursday). */
const THURSDAY_MORNING = new Date('2027-04-01T01:00:00Z');

const row = (overrides: Record<string, unknown> = {}) => ({ commonName: 'gw01.gas.example.co.jp', certificateId: '100001', medium: 'cdr', ...overrides });
const request = (rows: unknown[] = [row()], overrides: Record<string, unknown> = {}) => ({ operatorCode: 'A1234', operatorCodeConfirmed: true, rows, locale: 'ja', ...overrides });

async function issues(response: Response): Promise<Array<{ path: string[]; code: string }>> {
  const body = (await response.json()) as { error: { code: string; issues?: Array<{ path: string[]; code: string }> } };
  assert.equal(body.error.code, 'validation_failed');
  return body.error.issues ?? [];
}

async function outbox(server: TestServer) {
  return server.database.db.selectFrom('outbox').select(['recipient', 'subject', 'body', 'ordering_company_id']).orderBy('id').execute();
}

const operator = (server: TestServer, method: string, path: string, body?: unknown) => renewalCall(server, method, `/operator${path}`, { key: OPERATOR_KEY, body });

describe('certificate renewal on the reference server', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: { value: THURSDAY_MORNING } });
    await seedRenewalOrganisation(server, [20, 35, 52, 60, 61, -1]);
  });
  afterEach(() => server.dispose());

  describe('only the registered RA contact', () => {
    it('answers 401 without a key, and 403 not_ra_contact to any key but the RA contact’s (the console key included)', async () => {
      for (const [path, method] of [
        ['/expiring-certificates', 'GET'],
        ['/renewal-requests', 'POST'],
      ] as const) {
        const body = method === 'POST' ? request() : undefined;
        assert.equal((await renewalCall(server, method, path, { key: null, body })).status, 401);
        for (const key of [API_KEY, 'someone-else']) {
          const response = await renewalCall(server, method, path, { key, body });
          assert.equal(response.status, 403);
          assert.equal(await errorCode(response), 'not_ra_contact');
        }
      }
      assert.equal(await countRows(server, 'renewal_requests'), 0);
    });

    it('shows a request to its own organisation only', async () => {
      const created = await renewalCall(server, 'POST', '/renewal-requests', { body: request() });
      const { requestNumber } = (await created.json()) as { requestNumber: string };
      assert.equal((await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}`, { key: 'someone-else' })).status, 403);
      const other = await renewalCall(server, 'GET', '/renewal-requests/R0000000000');
      assert.equal(other.status, 404);
      assert.equal(await errorCode(other), 'renewal_request_not_found');
    });
  });

  describe('registration of the RA contact by the operator', () => {
    it('gives a new key once, which works while the old one is refused from then on (企業内RA変更)', async () => {
      const response = await operator(server, 'PUT', `/renewal-organisations/${server.company.id}/ra-contact`, { email: ' new-ra@gas.example.co.jp ', locale: 'en' });
      assert.equal(response.status, 200);
      const { raContactKey, email } = (await response.json()) as { raContactKey: string; email: string };
      assert.equal(email, 'new-ra@gas.example.co.jp');
      assert.equal((await renewalCall(server, 'GET', '/expiring-certificates')).status, 403, 'the old key');
      assert.equal((await renewalCall(server, 'GET', '/expiring-certificates', { key: raContactKey })).status, 200);
      await operator(server, 'POST', '/expiry-notices');
      const [notice] = await outbox(server);
      assert.equal(notice!.recipient, 'new-ra@gas.example.co.jp');
      assert.equal(notice!.subject, '[EPPCERT] Client certificates expiring soon');
    });

    it('refuses an unknown organisation and an address that is not one', async () => {
      assert.equal(await errorCode(await operator(server, 'PUT', '/renewal-organisations/999/ra-contact', { email: 'a@example.jp' })), 'organisation_not_found');
      const bad = await operator(server, 'PUT', `/renewal-organisations/${server.company.id}/ra-contact`, { email: 'not an address' });
      assert.deepEqual((await issues(bad)).map((issue) => [issue.path.join('.'), issue.code]), [['email', 'email']]);
      assert.equal((await renewalCall(server, 'PUT', `/operator/renewal-organisations/${server.company.id}/ra-contact`, { key: RA_KEY, body: { email: 'a@example.jp' } })).status, 401);
    });
  });

  describe('the expiring list', () => {
    it('lists CN, 証明書ID and expiry of the certificates expiring within 60 days of the Japan day, soonest first', async () => {
      const response = await renewalCall(server, 'GET', '/expiring-certificates?withinDays=60');
      assert.equal(response.status, 200);
      const { certificates } = (await response.json()) as { certificates: Array<{ commonName: string; certificateId: string; expiresOn: string }> };
      assert.deepEqual(
        certificates.map((each) => [each.certificateId, each.expiresOn]),
        [
          ['100001', '2027-04-21'],
          ['100002', '2027-05-06'],
          ['100003', '2027-05-23'],
          ['100004', '2027-05-31'],
        ],
      );
      assert.equal(certificates[0]!.commonName, 'gw01.gas.example.co.jp');
      const wider = (await (await renewalCall(server, 'GET', '/expiring-certificates?withinDays=61')).json()) as { certificates: unknown[] };
      assert.equal(wider.certificates.length, 5, 'day 61 comes in; the one expired yesterday never does');
    });

    it('refuses a withinDays that is not a whole number of days up to 366', async () => {
      for (const value of ['-1', '367', 'abc', '1.5']) {
        const response = await renewalCall(server, 'GET', `/expiring-certificates?withinDays=${value}`);
        assert.equal(response.status, 400, value);
        assert.deepEqual((await issues(response)).map((issue) => issue.path), [['withinDays']]);
      }
    });

    it('leaves out a certificate whose renewal is already requested', async () => {
      assert.equal((await renewalCall(server, 'POST', '/renewal-requests', { body: request() })).status, 201);
      const { certificates } = (await (await renewalCall(server, 'GET', '/expiring-certificates')).json()) as { certificates: Array<{ certificateId: string }> };
      assert.deepEqual(certificates.map((each) => each.certificateId), ['100002', '100003', '100004']);
    });
  });

  describe('the date rules at the server, in Japan time', () => {
    const cases: Array<{ name: string; now: string; start: string; confirmed?: boolean; refused?: string }> = [
      { name: 'today', now: '2027-04-01T01:00:00Z', start: '2027-04-01' },
      { name: 'yesterday without confirmation', now: '2027-04-01T01:00:00Z', start: '2027-03-31', refused: 'pastStartUnconfirmed' },
      { name: 'yesterday, confirmed', now: '2027-04-01T01:00:00Z', start: '2027-03-31', confirmed: true },
      { name: 'today + 179 days', now: '2027-04-01T01:00:00Z', start: '2027-09-27' },
      { name: 'today + 180 days', now: '2027-04-01T01:00:00Z', start: '2027-09-28', refused: 'startTooLate' },
      { name: 'midnight JST (15:00 UTC the day before) is already the next day: +179', now: '2027-03-31T15:00:00Z', start: '2027-09-27' },
      { name: 'one second before midnight JST it is still the day before: +180', now: '2027-03-31T14:59:59Z', start: '2027-09-27', refused: 'startTooLate' },
      { name: 'on a leap day, + 179', now: '2028-02-28T15:00:00Z', start: '2028-08-26' },
      { name: 'on a leap day, + 180', now: '2028-02-28T15:00:00Z', start: '2028-08-27', refused: 'startTooLate' },
      { name: 'on New Year’s Eve, + 179 across a leap February', now: '2027-12-31T03:00:00Z', start: '2028-06-27' },
      { name: 'on New Year’s Eve, + 180', now: '2027-12-31T03:00:00Z', start: '2028-06-28', refused: 'startTooLate' },
      { name: 'a day that does not exist', now: '2027-04-01T01:00:00Z', start: '2027-02-29', refused: 'dateInvalid' },
    ];
    for (const each of cases) {
      it(`${each.refused ? 'refuses' : 'accepts'} a validity start ${each.name}`, async () => {
        server.now.value = new Date(each.now);
        const response = await renewalCall(server, 'POST', '/renewal-requests', {
          body: request([row({ validityStart: each.start, ...(each.confirmed ? { pastStartConfirmed: true } : {}) })]),
        });
        if (!each.refused) {
          assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
          return;
        }
        assert.equal(response.status, 400);
        const found = await issues(response);
        assert.equal(found.length, 1, JSON.stringify(found));
        assert.equal(found[0]!.code, each.refused);
        assert.equal(found[0]!.path[1], '0');
      });
    }

    it('reads the typed forms the form accepts (full-width digits, 令和) and stores them as YYYY-MM-DD', async () => {
      const response = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([row({ validityStart: '令和９年５月１日', currentExpiry: '２０２７/５/６' })]),
      });
      assert.equal(response.status, 201);
      const { requestNumber } = renewalReceiptSchema.parse(await response.json());
      const stored = (await (await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}`)).json()) as { rows: Array<Record<string, unknown>> };
      assert.equal(stored.rows[0]!.validityStart, '2027-05-01');
      assert.equal(stored.rows[0]!.currentExpiry, '2027-05-06');
    });
  });

  describe('the rest of the request', () => {
    it('requires the ID通知メール address for ダウンロード only, tied to its row', async () => {
      const response = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([row({ medium: 'download' }), row({ certificateId: '100002', medium: 'cdr' }), row({ certificateId: '100003', medium: 'usbToken' })]),
      });
      assert.equal(response.status, 400);
      assert.deepEqual(
        (await issues(response)).map((issue) => [issue.path.join('.'), issue.code]),
        [
          ['rows.0.notificationEmail', 'emailRequiredForDownload'],
          ['rows.2.tokenChoice', 'tokenChoiceRequired'],
        ],
      );
      const fixed = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([row({ medium: 'download', notificationEmail: 'ops@gas.example.co.jp' }), row({ certificateId: '100002', medium: 'usbToken', tokenChoice: 'reuse' })]),
      });
      assert.equal(fixed.status, 201);
    });

    it('refuses an unconfirmed 事業者コード and the same 証明書ID twice', async () => {
      const response = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([row(), row({ commonName: 'gw09.gas.example.co.jp' })], { operatorCodeConfirmed: false }),
      });
      assert.deepEqual(
        (await issues(response)).map((issue) => [issue.path.join('.'), issue.code]),
        [
          ['operatorCodeConfirmed', 'operatorCodeUnconfirmed'],
          ['rows.1.certificateId', 'duplicateCertificateId'],
        ],
      );
    });

    it('answers a body of the wrong shape with 400 on the field, never 500', async () => {
      for (const body of ['[]', '{"rows":{}}', '{"rows":[null]}', '{"operatorCode":5,"rows":[{"commonName":1,"medium":"cdr"}]}', '{"rows":[],"locale":"fr"}', 'not json']) {
        const response = await renewalCall(server, 'POST', '/renewal-requests', { body });
        assert.equal(response.status, 400, body);
        assert.equal(await errorCode(response), 'validation_failed');
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('gives a retry with the same key and body the first answer and stores the request once', async () => {
      const first = await renewalCall(server, 'POST', '/renewal-requests', { body: request(), idempotencyKey: 'retry-1' });
      assert.equal(first.status, 201);
      const firstBody = await first.json();
      const again = await renewalCall(server, 'POST', '/renewal-requests', { body: request(), idempotencyKey: 'retry-1' });
      assert.equal(again.status, 201);
      assert.deepEqual(await again.json(), firstBody);
      assert.equal(await countRows(server, 'renewal_requests'), 1);
      assert.equal(await countRows(server, 'renewal_request_rows'), 1);
    });

    it('refuses the same key with another body with 409, and without a key stores each request', async () => {
      await renewalCall(server, 'POST', '/renewal-requests', { body: request(), idempotencyKey: 'k' });
      const conflict = await renewalCall(server, 'POST', '/renewal-requests', { body: request([row({ medium: 'usbMemory' })]), idempotencyKey: 'k' });
      assert.equal(conflict.status, 409);
      assert.equal(await errorCode(conflict), 'idempotency_conflict');
      const numbers = new Set<string>();
      for (let index = 0; index < 2; index += 1) {
        const response = await renewalCall(server, 'POST', '/renewal-requests', { body: request() });
        numbers.add(((await response.json()) as { requestNumber: string }).requestNumber);
      }
      assert.deepEqual([...numbers], ['R2704010002', 'R2704010003']);
    });
  });

  describe('request numbers', () => {
    it("answers 503 with Retry-After until Tokyo's next day once the day's 9,999 numbers are used, storing nothing", async () => {
      await server.database.db.insertInto('renewal_request_sequences').values({ day: '270401', last_value: 9999 }).execute();
      const refused = await renewalCall(server, 'POST', '/renewal-requests', { body: request() });
      assert.equal(refused.status, 503);
      assert.equal(await errorCode(refused), 'service_unavailable');
      assert.equal(refused.headers.get('Retry-After'), String(14 * 3600), '10:00 in Tokyo: 14 hours to the next day');
      assert.equal(await countRows(server, 'renewal_requests'), 0);
    });
  });

  describe('issuance by the operator', () => {
    let requestNumber: string;
    beforeEach(async () => {
      const response = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([
          row({ medium: 'download', notificationEmail: 'ops@gas.example.co.jp', validityStart: '2027-04-15' }),
          row({ commonName: 'gw02.gas.example.co.jp', certificateId: '100002', medium: 'usbToken', tokenChoice: 'new' }),
        ]),
      });
      assert.equal(response.status, 201);
      const receipt = renewalReceiptSchema.parse(await response.json());
      requestNumber = receipt.requestNumber;
      assert.equal(requestNumber, 'R2704010001');
      assert.deepEqual(receipt.rows.map((each) => each.state), ['requested', 'requested']);
    });

    it('needs the operator key', async () => {
      for (const key of [null, API_KEY, 'test-ra-contact-key']) {
        const response = await renewalCall(server, 'POST', `/operator/renewal-requests/${requestNumber}/rows/1/issue`, { key, body: {} });
        assert.equal(response.status, 401);
      }
    });

    it('shows each row’s state, and 証明書ID and serial once issued; an issued row cannot be issued again', async () => {
      const issued = await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/1/issue`, { certificateId: '２００００１', serial: '7f:3a:00:01' });
      assert.equal(issued.status, 200);
      const response = await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}`);
      const stored = (await response.json()) as { rows: Array<Record<string, unknown>> };
      assert.deepEqual(
        stored.rows.map((each) => [each.row, each.state, each.issuedCertificateId, each.issuedSerial]),
        [
          [1, 'issued', '200001', '7F3A0001'],
          [2, 'requested', undefined, undefined],
        ],
      );
      assert.equal(stored.rows[0]!.validityStart, '2027-04-15');
      const twice = await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/1/issue`, {});
      assert.equal(twice.status, 409);
      assert.equal(await errorCode(twice), 'row_already_issued');
      const taken = await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/2/issue`, { certificateId: '200001' });
      assert.equal(await errorCode(taken), 'certificate_id_taken');
      assert.equal((await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/3/issue`, {})).status, 404);
      const bad = await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/2/issue`, { serial: 'xyz' });
      assert.deepEqual((await issues(bad)).map((issue) => [issue.path.join('.'), issue.code]), [['serial', 'serialFormat']]);
    });

    it('mails the ID通知メール to the download address, and once all rows are issued the invoice notice payable by the end of the following month', async () => {
      await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/1/issue`, { certificateId: '200001', serial: '7F3A0001' });
      let mails = await outbox(server);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.recipient, 'ops@gas.example.co.jp');
      assert.match(mails[0]!.subject, /ID通知メール/);
      for (const text of ['gw01.gas.example.co.jp', '証明書ID：200001', '証明書シリアル：7F3A0001', 'R2704010001']) assert.ok(mails[0]!.body.includes(text), text);
      assert.equal(Number(mails[0]!.ordering_company_id), server.company.id);

      // The last row is issued at 00:30 on 1 May in Tokyo (still 30 April in UTC): payment is due by 30 June.
      server.now.value = new Date('2027-04-30T15:30:00Z');
      await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/2/issue`, { certificateId: '200002', serial: '7F3A0002' });
      mails = await outbox(server);
      assert.equal(mails.length, 2, 'a USB token gets no ID通知メール');
      const invoice = mails[1]!;
      assert.equal(invoice.recipient, RA_CONTACT_EMAIL);
      assert.match(invoice.subject, /請求書/);
      assert.ok(invoice.body.includes('2027年6月30日（翌月末）までに'), invoice.body);
      for (const text of ['証明書ID：200001', '証明書シリアル：7F3A0002', 'USBトークン (新規)']) assert.ok(invoice.body.includes(text), text);
      const stored = (await (await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}`)).json()) as { completedAt?: string };
      assert.equal(stored.completedAt, '2027-04-30T15:30:00.000Z');
    });

    it('writes the mails in English for a request sent in English', async () => {
      const response = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([row({ commonName: 'gw03.gas.example.co.jp', certificateId: '100003', medium: 'download', notificationEmail: 'en@gas.example.co.jp' })], { locale: 'en' }),
      });
      const { requestNumber: english } = (await response.json()) as { requestNumber: string };
      await operator(server, 'POST', `/renewal-requests/${english}/rows/1/issue`, {});
      const mails = await outbox(server);
      assert.deepEqual(
        mails.map((mail) => mail.subject),
        ['[EPPCERT] ID notification (client certificate download)', '[EPPCERT] Client certificates issued; invoice to follow'],
      );
      assert.match(mails[1]!.body, /by 2027-05-31 \(the end of the following month\)/);
    });

    it('lists the requests to the operator', async () => {
      const response = await operator(server, 'GET', '/renewal-requests');
      const { requests } = (await response.json()) as { requests: Array<{ requestNumber: string; organisationName: string; rows: unknown[] }> };
      assert.deepEqual(requests.map((each) => [each.requestNumber, each.organisationName, each.rows.length]), [['R2704010001', '発注建設株式会社', 2]]);
    });
  });

  describe('the 60-day notice', () => {
    it('mails the RA contact the CN and 証明書ID of each certificate expiring within 60 days, once', async () => {
      const first = await operator(server, 'POST', '/expiry-notices');
      assert.deepEqual(await first.json(), { mails: 1, certificates: 4 });
      const [notice] = await outbox(server);
      assert.equal(notice!.recipient, RA_CONTACT_EMAIL);
      assert.match(notice!.subject, /有効期限切れのお知らせ/);
      assert.ok(notice!.body.includes('CN：gw04.gas.example.co.jp　証明書ID：100004　有効期限日：2027年5月31日'), notice!.body);
      assert.ok(!notice!.body.includes('100005'), 'day 61 is not due yet');
      assert.deepEqual(await (await operator(server, 'POST', '/expiry-notices')).json(), { mails: 0, certificates: 0 });

      // A day later (Japan time) the certificate 61 days out comes due, and only it is sent.
      server.now.value = new Date('2027-04-01T15:00:00Z');
      assert.deepEqual(await (await operator(server, 'POST', '/expiry-notices')).json(), { mails: 1, certificates: 1 });
      assert.ok((await outbox(server))[1]!.body.includes('証明書ID：100005'));
    });
  });

  describe('the 発行依頼書 export', () => {
    let requestNumber: string;
    beforeEach(async () => {
      const response = await renewalCall(server, 'POST', '/renewal-requests', {
        body: request([
          row({ medium: 'download', notificationEmail: 'ops@gas.example.co.jp', validityStart: '2027-04-15', currentExpiry: '2027-04-21' }),
          row({ commonName: '=HYPERLINK("http://evil.example","x")', certificateId: '100002', medium: 'usbToken', tokenChoice: 'reuse' }),
        ]),
      });
      requestNumber = ((await response.json()) as { requestNumber: string }).requestNumber;
      await operator(server, 'POST', `/renewal-requests/${requestNumber}/rows/1/issue`, { certificateId: '200001', serial: '7F3A0001' });
    });

    it('exports an XLSX that reads back with the request, its rows and the issued certificate', async () => {
      const response = await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}/export.xlsx`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(response.headers.get('Content-Disposition') ?? '', /filename="R2704010001\.xlsx"; filename\*=UTF-8''/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.getWorksheet('クライアント証明書発行依頼書');
      assert.ok(sheet);
      const values = (rowNumber: number) => Array.from(sheet.getRow(rowNumber).values as unknown[]).slice(1);
      assert.deepEqual(values(2), ['依頼番号', 'R2704010001']);
      assert.deepEqual(values(4), ['事業者コード', 'A1234']);
      assert.deepEqual(values(7).slice(0, 3), ['No.', 'CN', '証明書ID']);
      assert.deepEqual(values(8), [1, 'gw01.gas.example.co.jp', '100001', '2027-04-21', '2027-04-15', 'ダウンロード', undefined, 'ops@gas.example.co.jp', '発行済み', '200001', '7F3A0001']);
      const hostile = sheet.getRow(9).getCell(2);
      assert.equal(hostile.type, ExcelJS.ValueType.String, 'a CN that looks like a formula stays text');
      assert.equal(hostile.value, '=HYPERLINK("http://evil.example","x")');
      assert.equal(sheet.getRow(9).getCell(9).value, '発行待ち');
    });

    it('exports a CSV in UTF-8 with a BOM, every field quoted, a formula neutralised, readable by the form again', async () => {
      const response = await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}/export.csv`);
      assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const lines = text.split('\r\n');
      assert.equal(lines[0], '\uFEFF"No.","CN","証明書ID","有効期限日","有効期間開始日","格納媒体","USBトークン","ID通知メールの送付先","状態","発行証明書ID","証明書シリアル"');
      assert.equal(lines[1], '"1","gw01.gas.example.co.jp","100001","2027-04-21","2027-04-15","ダウンロード","","ops@gas.example.co.jp","発行済み","200001","7F3A0001"');
      assert.ok(lines[2]!.startsWith(`"2","'=HYPERLINK(""http://evil.example"",""x"")","100002"`), lines[2]);
      const reread = parseExpiringList(text);
      assert.deepEqual(reread.problems, []);
      assert.deepEqual(reread.rows[0]!.row, {
        commonName: 'gw01.gas.example.co.jp',
        certificateId: '100001',
        currentExpiry: '2027-04-21',
        validityStart: '2027-04-15',
        medium: 'download',
        notificationEmail: 'ops@gas.example.co.jp',
      });
      assert.deepEqual(reread.rows[1]!.row.tokenChoice, 'reuse');
    });

    it('exports only to the organisation’s RA contact', async () => {
      assert.equal((await renewalCall(server, 'GET', `/renewal-requests/${requestNumber}/export.csv`, { key: API_KEY })).status, 403);
    });
  });
});

describe('the renewal tables survive a restart', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: THURSDAY_MORNING } });
    await seedRenewalOrganisation(server);
  });
  after(() => server.dispose());

  it('answers a retry after a restart with the same request number', async () => {
    const first = (await (await renewalCall(server, 'POST', '/renewal-requests', { body: request(), idempotencyKey: 'restart' })).json()) as { requestNumber: string };
    server = await server.restart();
    const again = (await (await renewalCall(server, 'POST', '/renewal-requests', { body: request(), idempotencyKey: 'restart' })).json()) as { requestNumber: string };
    assert.equal(again.requestNumber, first.requestNumber);
    assert.equal(await countRows(server, 'renewal_requests'), 1);
  });
});

describe('a host’s own 事業者コード format', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: { value: THURSDAY_MORNING }, renewalOperatorCodePattern: /^\d{4}$/ });
    await seedRenewalOrganisation(server);
  });
  after(() => server.dispose());

  it('is enforced at the server as the form does', async () => {
    const refused = await renewalCall(server, 'POST', '/renewal-requests', { body: request() });
    assert.deepEqual((await issues(refused)).map((issue) => [issue.path.join('.'), issue.code]), [['operatorCode', 'operatorCodeFormat']]);
    assert.equal((await renewalCall(server, 'POST', '/renewal-requests', { body: request([row()], { operatorCode: '１２３４' }) })).status, 201);
  });
});

describe('guessing an RA contact key', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ rateLimits: { apiKeyFailures: 3 } });
    await seedRenewalOrganisation(server);
  });
  after(() => server.dispose());

  it('is bounded like guessing an API key: after 3 refusals 429 with Retry-After, even for the right key', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) assert.equal((await renewalCall(server, 'GET', '/expiring-certificates', { key: `guess-${attempt}` })).status, 403);
    const limited = await renewalCall(server, 'GET', '/expiring-certificates');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
  });
});

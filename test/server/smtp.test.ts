/**
 * Mail over SMTP: a real SMTP server in-process (smtp-server) receives what the reference server
 * delivers from its outbox; the tests read the delivered messages (subject, recipient, the link and
 * the deadline of 利用申請サイトのお知らせ, the receipt mail), retries with backoff, delivery once.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { issuedInvitationSchema, outboxMailSchema, outboxSchema, receiptSchema } from '../../src/domain/index.js';
import { MailDelivery } from '../../demo/server/mail-delivery.js';
import { admin, partner, startTestServer, submit, type TestServer } from './helpers.js';

interface DeliveredMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`), joining adjacent ones as mail readers do. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_word, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_hex, byte: string) => String.fromCharCode(Number.parseInt(byte, 16))), 'latin1').toString('utf8'),
    );
}

/** The subject and the text of a single-part message as nodemailer writes it. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_hex, byte: string) => String.fromCharCode(Number.parseInt(byte, 16))), 'latin1').toString('utf8')
        : body;
  return { subject: decodeHeader(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

describe('mail over SMTP', () => {
  const received: DeliveredMessage[] = [];
  let refuseNext = 0;
  let smtp: SMTPServer;
  let smtpPort: number;
  let server: TestServer;

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refuseNext > 0) {
            refuseNext -= 1;
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            ...parseMessage(Buffer.concat(chunks).toString('latin1')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer({
      now: { value: new Date('2026-11-29T03:00:00Z') }, // 12:00 on 2026年11月29日 in Tokyo
      smtpUrl: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
      mailFrom: 'CECTRUST-Light <no-reply@construction-ec.example>',
      // Retries every second or two; the tests call deliverDue() instead of waiting for the timer.
      mailRetry: { baseMs: 1000, pollMs: 3_600_000 },
    });
  });
  after(async () => {
    await server.dispose();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const delivery = () => {
    assert.ok(server.mailDelivery, 'SMTP delivery is on');
    return server.mailDelivery;
  };

  it('delivers 利用申請サイトのお知らせ to the partner with the link and the deadline 「2027年1月3日 23:59まで」', async () => {
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    assert.equal(await delivery().deliverDue(), 1);
    assert.equal(received.length, 1);
    const [message] = received;
    assert.deepEqual(message?.to, [partner.email]);
    assert.equal(message?.from, 'no-reply@construction-ec.example');
    assert.equal(message?.subject, '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ');
    assert.ok(message?.text.includes(`\n${issued.url}\n`), 'the invitation link on its own line');
    assert.ok(message?.text.includes('（有効期限：2027年1月3日 23:59まで）'), message?.text);
    assert.equal(issued.expiresAt, '2027-01-03T14:59:59.999Z', 'the same instant as the API says');
    assert.ok(message?.text.includes(`${partner.contactName} 様`));
  });

  it('drops the link from the server once delivered: the outbox shows the redaction note, the token is gone', async () => {
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    await delivery().deliverDue();
    const { mails } = outboxSchema.parse(await (await admin(server, 'GET', '/outbox?limit=1')).json());
    assert.ok(mails[0]?.deliveredAt);
    const mail = outboxMailSchema.parse(await (await admin(server, 'GET', `/outbox/${mails[0]?.id}`)).json());
    assert.ok(!mail.body.includes(issued.token));
    assert.match(mail.body, /link removed after delivery/);
    const rows = await server.database.db.selectFrom('outbox').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(issued.token));
  });

  it('delivers the receipt mail to the administrator with the receipt number', async () => {
    const issued = issuedInvitationSchema.parse(await (await admin(server, 'POST', '/invitations', { partner })).json());
    await delivery().deliverDue();
    received.length = 0;
    const { receiptNumber } = receiptSchema.parse(await (await submit(server, { token: issued.token })).json());
    assert.equal(await delivery().deliverDue(), 1);
    const [message] = received;
    assert.deepEqual(message?.to, ['hanako@example.co.jp']);
    assert.equal(message?.subject, '【CECTRUST-Lightサービス】利用申請受付のお知らせ');
    assert.ok(message?.text.includes(`受付番号${receiptNumber}で利用申請を受け付けました。`));
  });

  it('retries a refused mail after a backoff and then delivers it exactly once', async () => {
    refuseNext = 1;
    await admin(server, 'POST', '/invitations', { partner });
    assert.equal(await delivery().deliverDue(), 0);
    assert.equal(received.length, 0);
    const [row] = await server.database.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(row?.attempts, 1);
    assert.match(row?.last_error ?? '', /try again later/);
    assert.equal(await delivery().deliverDue(), 0, 'not before the backoff has passed');
    const start = server.now.value;
    server.now.value = new Date(start.getTime() + 1000);
    try {
      assert.equal(await delivery().deliverDue(), 1);
      assert.equal(await delivery().deliverDue(), 0);
      assert.equal(received.length, 1);
    } finally {
      server.now.value = start;
    }
  });

  it('sends a mail once even when two postmen (two server processes) look at the queue together', async () => {
    await admin(server, 'POST', '/invitations', { partner });
    await admin(server, 'POST', '/invitations', { partner });
    const second = new MailDelivery(server.database, { smtpUrl: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`, clock: () => server.now.value, log: () => {} });
    try {
      const counts = await Promise.all([delivery().deliverDue(), second.deliverDue()]);
      assert.equal(counts[0] + counts[1], 2);
      assert.equal(received.length, 2);
    } finally {
      await second.stop();
    }
  });
});

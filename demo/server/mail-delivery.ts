/**
 * Delivery of the outbox over SMTP (nodemailer), when `SMTP_URL` is set. A mail is claimed before it is
 * sent (so two server processes never send it twice), retried with exponential backoff when the SMTP
 * server refuses or is away, and marked delivered once; its invitation link is then dropped from the
 * database (`sealed_link` NULL), leaving the redaction note in its text.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Database } from './database.js';
import { mailText } from './mails.js';
import type { LogSink } from './http/middleware.js';

export interface MailDeliveryOptions {
  /** `smtp://user:pass@host:port` (or `smtps://…`), as nodemailer reads it. */
  smtpUrl: string;
  /** The sender; `CECTRUST-Light <no-reply@construction-ec.com>` by default. */
  from?: string;
  clock: () => Date;
  log: LogSink;
  /** First retry after this long; each next one waits twice as long. Default 30 s. */
  retryBaseMs?: number;
  /** Attempts before a mail is left for a person to look at. Default 8 (about two hours of retries). */
  maxAttempts?: number;
  /** How often the queue is looked at. Default 5 s. */
  pollMs?: number;
}

const DEFAULT_FROM = 'CECTRUST-Light <no-reply@construction-ec.com>';
/** A claimed mail is the claimer's for this long; a process that died while sending it frees it then. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

/**
 * The outbox's postman.
 *
 * @example
 * const delivery = new MailDelivery(database, { smtpUrl: 'smtp://127.0.0.1:2525', clock: () => new Date(), log });
 * delivery.start();
 * await delivery.deliverDue(); // or wait for the timer
 * await delivery.stop();
 */
export class MailDelivery {
  readonly #database: Database;
  readonly #transport: Transporter;
  readonly #options: Required<Omit<MailDeliveryOptions, 'smtpUrl'>>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(database: Database, options: MailDeliveryOptions) {
    this.#database = database;
    this.#transport = nodemailer.createTransport(options.smtpUrl);
    this.#options = {
      from: options.from ?? DEFAULT_FROM,
      clock: options.clock,
      log: options.log,
      retryBaseMs: options.retryBaseMs ?? 30_000,
      maxAttempts: options.maxAttempts ?? 8,
      pollMs: options.pollMs ?? 5_000,
    };
  }

  /** Looks at the queue every `pollMs` (the timer does not keep the process alive). */
  start(): void {
    this.#timer ??= setInterval(() => void this.deliverDue(), this.#options.pollMs);
    this.#timer.unref();
  }

  /** Stops the timer, waits for a round in progress and closes the SMTP connections. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
    this.#transport.close();
  }

  /** Sends every mail that is due now; resolves to how many were delivered. One round at a time. */
  deliverDue(): Promise<number> {
    this.#running ??= this.#round().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #round(): Promise<number> {
    const { db } = this.#database;
    const now = this.#options.clock();
    const due = await db
      .selectFrom('outbox')
      .select(['id', 'attempts', 'next_attempt_at'])
      .where('delivered_at', 'is', null)
      .where('attempts', '<', this.#options.maxAttempts)
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('id')
      .limit(BATCH)
      .execute();
    let delivered = 0;
    for (const candidate of due) {
      // The claim: only one process moves next_attempt_at from the value it read.
      const claimed = await db
        .updateTable('outbox')
        .set({ next_attempt_at: new Date(now.getTime() + CLAIM_MS).toISOString() })
        .where('id', '=', candidate.id)
        .where('delivered_at', 'is', null)
        .where('next_attempt_at', '=', candidate.next_attempt_at)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      if (await this.#send(Number(candidate.id), Number(candidate.attempts))) delivered += 1;
    }
    return delivered;
  }

  async #send(id: number, attempts: number): Promise<boolean> {
    const { db, mailKey } = this.#database;
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    try {
      await this.#transport.sendMail({ from: this.#options.from, to: row.recipient, subject: row.subject, text: mailText(row, mailKey, { revealSecret: true }) });
    } catch (error) {
      const wait = this.#options.retryBaseMs * 2 ** attempts;
      await db
        .updateTable('outbox')
        .set({
          attempts: attempts + 1,
          next_attempt_at: new Date(this.#options.clock().getTime() + wait).toISOString(),
          last_error: error instanceof Error ? error.message.slice(0, 300) : 'send failed',
        })
        .where('id', '=', id)
        .execute();
      this.#options.log(JSON.stringify({ time: new Date().toISOString(), level: 'warn', event: 'mail_retry', mail: id, attempt: attempts + 1, retryInMs: wait }));
      return false;
    }
    await db
      .updateTable('outbox')
      .set({ delivered_at: this.#options.clock().toISOString(), attempts: attempts + 1, sealed_link: null, last_error: null })
      .where('id', '=', id)
      .execute();
    return true;
  }
}

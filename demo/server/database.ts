/**
 * The database behind the reference server, through one typed query builder (Kysely) for both engines:
 * embedded SQLite in the data directory by default (`npm start`), PostgreSQL when a
 * `postgres://…` URL is given (`DATABASE_URL`), for more than one server process on one database.
 */
import { Kysely, PostgresDialect, sql, type Generated, type Transaction } from 'kysely';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { mailEncryptionKey } from './mail-secrets.js';
import { runMigrations } from './migrations.js';
import { SqliteWorkerDialect } from './sqlite-worker-dialect.js';

/** The tables, as the migrations leave them. Instants are ISO-8601 UTC text in both engines. */
export interface Tables {
  ordering_companies: { id: Generated<number>; name: string; api_key_sha256: string; created_at: string };
  invitations: {
    id: string;
    ordering_company_id: number;
    token_sha256: string;
    partner_json: string;
    /** Copies of the partner's fields, searched by the console (`?q=`). */
    partner_company_name: Generated<string>;
    partner_contact_name: Generated<string>;
    partner_email: Generated<string>;
    prefill_json: string | null;
    branding_json: string | null;
    allowed_kinds_json: string | null;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  applications: {
    invitation_id: string;
    ordering_company_id: number;
    receipt_number: string;
    accepted_at: string;
    company_name: string;
    application_json: string;
    exported_at: string | null;
  };
  documents: {
    invitation_id: string;
    content: Uint8Array;
    size_bytes: number;
    sha256: string;
    original_name: string | null;
  };
  receipt_sequences: { ordering_company_id: number; day: string; last_value: number };
  idempotency_keys: { key: string; request_sha256: string; receipt_number: string; accepted_at: string; created_at: string };
  outbox: {
    id: Generated<number>;
    ordering_company_id: number;
    recipient: string;
    subject: string;
    /** The text; an invitation link in it is the placeholder `LINK_PLACEHOLDER` until delivery. */
    body: string;
    /** The link, AES-256-GCM sealed (see mail-secrets.ts); NULL once delivered or when the mail has none. */
    sealed_link: string | null;
    created_at: string;
    attempts: Generated<number>;
    next_attempt_at: string | null;
    delivered_at: string | null;
    last_error: string | null;
  };
  drafts: { invitation_id: string; draft_json: string; saved_at: string };
  /** Certificate renewal (migration 5): an account's in-house RA (企業内RA) and its registered contact. */
  renewal_organisations: { ordering_company_id: number; ra_contact_email: string; ra_key_sha256: string; locale: string; registered_at: string };
  /** Client certificates of an account, as the expiry notice lists them; `expires_on` is `YYYY-MM-DD` (Japan). */
  renewal_certificates: {
    ordering_company_id: number;
    certificate_id: string;
    common_name: string;
    serial: string;
    expires_on: string;
    expiry_notice_sent_at: string | null;
  };
  renewal_requests: {
    request_number: string;
    ordering_company_id: number;
    accepted_at: string;
    operator_code: string;
    locale: string;
    idempotency_key: string | null;
    request_sha256: string;
    /** The `201` body, given again to a retry with the same Idempotency-Key. */
    receipt_json: string;
    completed_at: string | null;
  };
  renewal_request_rows: {
    request_number: string;
    /** 1-based, as the 発行依頼書 numbers its rows. */
    row_number: number;
    common_name: string;
    /** 証明書ID of the certificate this row renews, when given. */
    current_certificate_id: string | null;
    /** The row as validated (`RenewalRow`). */
    row_json: string;
    state: string;
    issued_certificate_id: string | null;
    issued_serial: string | null;
    issued_at: string | null;
  };
  renewal_request_sequences: { day: string; last_value: number };
  schema_migrations: { version: number; name: string; applied_at: string };
  partner_companies: {
    id: Generated<number>;
    ordering_company_id: number;
    invitation_id: string;
    receipt_number: string;
    name: string;
    name_alpha: string;
    /** Wave 1 (mails ①–③); the company exists from then on. */
    users_issued_at: string;
    /** Wave 2 (mails ④–⑥). */
    registered_at: string | null;
  };
  partner_users: {
    user_id: string;
    company_id: number;
    role: string;
    name: string;
    name_kana: string;
    department: string | null;
    title: string | null;
    phone: string | null;
    email: string;
    email_lower: string;
    /** `scrypt$…` (partner-admin.ts), never the password. */
    password_hash: string;
    /** 1 until the first password was changed. */
    must_change_password: number;
    failed_sign_ins: Generated<number>;
    locked_until: string | null;
    created_at: string;
  };
  partner_sessions: { token_sha256: string; user_id: string; created_at: string; expires_at: string };
  partner_certificates: {
    certificate_id: string;
    company_id: number;
    state: string;
    request_number: string | null;
    department_ja: string;
    department_alpha: string;
    title_ja: string;
    title_alpha: string;
    requested_at: string;
    issued_at: string | null;
    expires_at: string | null;
  };
  partner_certificate_links: {
    user_id: string;
    certificate_id: string;
    linked_at: string;
    /** scrypt hash of the PIN mailed for this link; NULL until the certificate is issued. */
    pin_hash: string | null;
    pin_failures: Generated<number>;
    activated_at: string | null;
  };
  partner_idempotency_keys: { company_id: number; key: string; request_sha256: string; status: number; answer_json: string; created_at: string };
  partner_sequences: { name: string; last_value: number };
  operator_keys: { key_sha256: string; created_at: string };
}

/** Which engine a `Database` runs on: the few statements that differ ask this. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** The open database every store function takes. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<Tables>;
  /** The AES-256 key that seals invitation links in the outbox (mail-secrets.ts). */
  mailKey: Buffer;
  /** Closes the connection (SQLite) or the pool (PostgreSQL). */
  close(): Promise<void>;
}

/** A query runner: the database itself or a transaction on it. */
export type Queries = Kysely<Tables> | Transaction<Tables>;

/** File name of the SQLite database inside the data directory. */
export const DATABASE_FILE_NAME = 'cectrust-light.sqlite3';

export interface OpenDatabaseOptions {
  /** Directory of the SQLite file (and of key files); created 0700 when missing. */
  dataDir: string;
  /** `postgres://…` for PostgreSQL; SQLite in `dataDir` when absent. */
  databaseUrl?: string | undefined;
  /** The outbox's link key; `MAIL_ENCRYPTION_KEY` or the data directory's key file when absent. */
  mailKey?: Buffer | undefined;
}

function openSqlite(dataDir: string): Kysely<Tables> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, DATABASE_FILE_NAME);
  // Created 0600 before SQLite opens it: its -wal and -shm files take the same mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  // The connection and its pragmas (WAL, synchronous=FULL, secure_delete…) live in sqlite-worker.mjs.
  return new Kysely<Tables>({ dialect: new SqliteWorkerDialect(file) });
}

function openPostgres(databaseUrl: string): Kysely<Tables> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection the server dropped (a restart, a failover) is replaced on next use; without a
  // listener its error would end the process.
  pool.on('error', () => {});
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database (SQLite in `dataDir`, or PostgreSQL at `databaseUrl`) and brings its schema up
 * to date.
 *
 * @example
 * const database = await openDatabase({ dataDir: '.data' });
 * await database.close();
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const kind: DatabaseKind = options.databaseUrl ? 'postgres' : 'sqlite';
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.dataDir);
  const mailKey = options.mailKey ?? mailEncryptionKey(options.dataDir, process.env.MAIL_ENCRYPTION_KEY);
  const database: Database = { kind, db, mailKey, close: () => db.destroy() };
  try {
    await runMigrations(database);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return database;
}

/**
 * Runs `work` in one transaction. On PostgreSQL, `lockKeys` are taken as transaction-scoped advisory
 * locks first, so that two server processes handling the same key wait for each other; SQLite has one
 * writer at a time anyway.
 *
 * @example
 * await inTransaction(database, (trx) => trx.deleteFrom('drafts').execute());
 */
export function inTransaction<T>(database: Database, work: (trx: Transaction<Tables>) => Promise<T>, lockKeys: readonly string[] = []): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    if (database.kind === 'postgres') {
      for (const key of [...lockKeys].sort()) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    }
    return work(trx);
  });
}

/**
 * Number of rows in a table (tests and the purge command's report).
 *
 * @example
 * await countRows(database, 'applications') // 3
 */
export async function countRows(database: Database, table: keyof Tables): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * The schema, as numbered migrations applied in order at start-up. A migration, once committed, is never
 * edited: a change to the schema is a new entry at the end.
 */
import type { Database } from './database.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE ordering_companies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        api_key_sha256 TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );

      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        ordering_company_id INTEGER NOT NULL REFERENCES ordering_companies (id),
        -- only the hash: a leaked database must not open anyone's application form
        token_sha256 TEXT NOT NULL UNIQUE,
        partner_json TEXT NOT NULL,
        prefill_json TEXT,
        branding_json TEXT,
        allowed_kinds_json TEXT,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE INDEX invitations_by_company ON invitations (ordering_company_id, created_at);

      CREATE TABLE applications (
        receipt_number TEXT PRIMARY KEY,
        invitation_id TEXT NOT NULL UNIQUE REFERENCES invitations (id),
        accepted_at TEXT NOT NULL,
        company_name TEXT NOT NULL,
        application_json TEXT NOT NULL
      );

      -- a BLOB, so the document commits or rolls back with its application
      CREATE TABLE documents (
        receipt_number TEXT PRIMARY KEY REFERENCES applications (receipt_number),
        content BLOB NOT NULL,
        size_bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        original_name TEXT
      );

      -- last receipt sequence handed out per Asia/Tokyo day (YYMMDD)
      CREATE TABLE receipt_sequences (
        day TEXT PRIMARY KEY,
        last_value INTEGER NOT NULL
      );

      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        request_sha256 TEXT NOT NULL,
        receipt_number TEXT NOT NULL REFERENCES applications (receipt_number),
        created_at TEXT NOT NULL
      );

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        ordering_company_id INTEGER NOT NULL REFERENCES ordering_companies (id),
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX outbox_by_company ON outbox (ordering_company_id, id);

      CREATE TABLE drafts (
        invitation_id TEXT PRIMARY KEY REFERENCES invitations (id),
        draft_json TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
    `,
  },
];

/**
 * Applies the migrations the database has not seen yet, each in its own transaction, and records them
 * in `schema_migrations`.
 *
 * @example
 * runMigrations(database); // on every start; a no-op when up to date
 */
export function runMigrations(database: Database): void {
  database.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )
  `);
  const applied = new Set(
    database
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  const record = database.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

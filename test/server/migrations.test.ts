/**
 * Migrations on a database made by an older version: data written under schema 1 (one shared receipt
 * counter, documents keyed by receipt number) is carried into schema 2 and keeps working.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { receiptSchema } from '../../src/domain/index.js';
import { DATABASE_FILE_NAME, type Database, type Tables } from '../../demo/server/database.js';
import { runMigrations } from '../../demo/server/migrations.js';
import { findApplicationRecord } from '../../demo/server/applications.js';
import { API_KEY, startTestServer, submit, TEST_ENGINE, testPostgresDatabase, inviteDirectly, type TestServer } from './helpers.js';
import { sha256Hex } from '../../demo/server/secrets.js';

describe('migrating a schema-1 database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cec-migration-'));
  let postgres: Awaited<ReturnType<typeof testPostgresDatabase>> | undefined;
  let server: TestServer;

  before(async () => {
    postgres = TEST_ENGINE === 'postgres' ? await testPostgresDatabase() : undefined;
    const db = postgres
      ? new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: postgres.url }) }) })
      : new Kysely<Tables>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME)) }) });
    const old: Database = { kind: postgres ? 'postgres' : 'sqlite', db, mailKey: Buffer.alloc(32), close: () => db.destroy() };
    await runMigrations(old, 1);
    const partner = JSON.stringify({ companyName: '株式会社旧データ', contactName: '旧 太郎', email: 'old@example.co.jp' });
    await sql`INSERT INTO ordering_companies (name, api_key_sha256, created_at) VALUES ('発注建設株式会社', ${sha256Hex(API_KEY)}, '2026-11-25T00:00:00.000Z')`.execute(db);
    await sql`INSERT INTO invitations (id, ordering_company_id, token_sha256, partner_json, created_at, expires_at, used_at)
      VALUES ('inv-1', 1, 'hash-1', ${partner}, '2026-11-25T00:00:00.000Z', '2026-12-30T00:00:00.000Z', '2026-11-25T01:00:00.000Z')`.execute(db);
    await sql`INSERT INTO applications (receipt_number, invitation_id, accepted_at, company_name, application_json)
      VALUES ('2611250007', 'inv-1', '2026-11-25T01:00:00.000Z', '株式会社旧データ', '{"company":{"name":"株式会社旧データ"}}')`.execute(db);
    await sql`INSERT INTO documents (receipt_number, content, size_bytes, sha256, original_name)
      VALUES ('2611250007', ${new Uint8Array([0x25, 0x50, 0x44, 0x46])}, 4, 'abc', 'old.pdf')`.execute(db);
    await sql`INSERT INTO receipt_sequences (day, last_value) VALUES ('261125', 7)`.execute(db);
    await sql`INSERT INTO idempotency_keys (key, request_sha256, receipt_number, created_at)
      VALUES ('old-key', 'fingerprint', '2611250007', '2026-11-25T01:00:00.000Z')`.execute(db);
    await old.close();
    server = await startTestServer({ dataDir, now: { value: new Date('2026-11-25T05:00:00Z') }, ...(postgres ? { postgres } : {}) });
  });
  after(async () => {
    await server.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the old application and its document, now under its ordering company', async () => {
    const record = await findApplicationRecord(server.database, server.company.id, '2611250007');
    assert.equal(record?.invitationId, 'inv-1');
    assert.equal(record?.document.originalName, 'old.pdf');
  });

  it('fills the partner columns the console searches', async () => {
    const row = await server.database.db.selectFrom('invitations').selectAll().where('id', '=', 'inv-1').executeTakeFirstOrThrow();
    assert.equal(row.partner_company_name, '株式会社旧データ');
    assert.equal(row.partner_email, 'old@example.co.jp');
  });

  it('continues the day after the old shared counter, never giving a number twice', async () => {
    const { token } = await inviteDirectly(server);
    const receipt = receiptSchema.parse(await (await submit(server, { token })).json());
    assert.equal(receipt.receiptNumber, '2611250008');
  });

  it('keeps the old idempotency key with its receipt', async () => {
    const row = await server.database.db.selectFrom('idempotency_keys').selectAll().where('key', '=', 'old-key').executeTakeFirstOrThrow();
    assert.equal(row.receipt_number, '2611250007');
    assert.equal(row.accepted_at, '2026-11-25T01:00:00.000Z');
  });
});

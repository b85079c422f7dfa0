import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from './migrations.js';

/** The SQLite connection every store function takes. */
export type Database = BetterSqlite3.Database;

/** File name of the database inside the data directory. */
const DATABASE_FILE_NAME = 'cectrust-light.sqlite3';

/**
 * Opens (creating when needed) the database in `dataDir` and brings its schema up to date.
 *
 * @example
 * const database = openDatabase('.data');
 * database.close();
 */
export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const database = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
  // WAL lets a reader (the admin console) work while an application is being written.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // Another process (a seeding script) holding the write lock briefly must not fail a request.
  database.pragma('busy_timeout = 5000');
  runMigrations(database);
  return database;
}

/** Ordering companies (発注者): who may use the admin API, recognised by the hash of their API key. */
import type { Database } from './database.js';
import { sha256Hex } from './secrets.js';

export interface OrderingCompany {
  id: number;
  name: string;
}

/**
 * Creates the ordering company `name` with `apiKey`, or gives the existing one that key: seeding is
 * repeatable, so the demo can start again on the same data directory. Only the key's hash is stored.
 *
 * @example
 * const company = seedOrderingCompany(database, { name: '発注建設株式会社', apiKey: 'cec_demo' });
 */
export function seedOrderingCompany(database: Database, input: { name: string; apiKey: string }): OrderingCompany {
  return database
    .prepare(
      `INSERT INTO ordering_companies (name, api_key_sha256, created_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET api_key_sha256 = excluded.api_key_sha256
       RETURNING id, name`,
    )
    .get(input.name, sha256Hex(input.apiKey), new Date().toISOString()) as OrderingCompany;
}

/**
 * The ordering company whose API key this is, if any.
 *
 * @example
 * findOrderingCompanyByApiKey(database, 'cec_demo')?.name // '発注建設株式会社'
 */
export function findOrderingCompanyByApiKey(database: Database, apiKey: string): OrderingCompany | undefined {
  return database
    .prepare('SELECT id, name FROM ordering_companies WHERE api_key_sha256 = ?')
    .get(sha256Hex(apiKey)) as OrderingCompany | undefined;
}

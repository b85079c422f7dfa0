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
 * const company = await seedOrderingCompany(database, { name: '発注建設株式会社', apiKey: 'cec_demo' });
 */
export async function seedOrderingCompany(database: Database, input: { name: string; apiKey: string }): Promise<OrderingCompany> {
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await database.db
        .insertInto('ordering_companies')
        .values({ name: input.name, api_key_sha256: sha256Hex(input.apiKey), created_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ api_key_sha256: sha256Hex(input.apiKey) }))
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), name: row.name };
    } catch (error) {
      // Two servers seeding at once on PostgreSQL: the later insert can meet the earlier one in the key's
      // unique index before `ON CONFLICT (name)` sees its row (only the named index is an arbiter). Once
      // the earlier one has committed, trying again takes the update path.
      if (attempt < 3 && (error as { code?: unknown }).code === '23505') continue;
      throw error;
    }
  }
}

/**
 * The ordering company whose API key this is, if any.
 *
 * @example
 * (await findOrderingCompanyByApiKey(database, 'cec_demo'))?.name // '発注建設株式会社'
 */
export async function findOrderingCompanyByApiKey(database: Database, apiKey: string): Promise<OrderingCompany | undefined> {
  const row = await database.db
    .selectFrom('ordering_companies')
    .select(['id', 'name'])
    .where('api_key_sha256', '=', sha256Hex(apiKey))
    .executeTakeFirst();
  return row && { id: Number(row.id), name: row.name };
}

/**
 * `npm run purge`: the retention purge (retention.ts) once, now, on the database the server uses —
 * `DATABASE_URL` when set, else SQLite in `DATA_DIR` (default `.data/`). `RETENTION_DAYS` as for the
 * server. Prints what it removed as one JSON line.
 */
import { join } from 'node:path';
import { openDatabase } from './database.js';
import { DEFAULT_RETENTION, purgeExpiredData } from './retention.js';

const dataDir = process.env.DATA_DIR ?? join(process.cwd(), '.data');
const applicationDays = process.env.RETENTION_DAYS ? Number(process.env.RETENTION_DAYS) : DEFAULT_RETENTION.applicationDays;
const database = await openDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL });
try {
  const report = await purgeExpiredData(database, new Date(), { ...DEFAULT_RETENTION, applicationDays });
  console.log(JSON.stringify({ event: 'purge', ...report }));
} finally {
  await database.close();
}

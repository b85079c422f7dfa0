/**
 * A throwaway PostgreSQL cluster for tests: Debian's server binaries (postgresql 15), a temporary data
 * directory, a free loopback port, trust authentication, fsync off; stopped and removed afterwards. As
 * root the binaries run as the `postgres` user (initdb refuses root).
 *
 * @example
 * const cluster = await startPostgresCluster();
 * const url = await cluster.createDatabase(); // postgres://postgres@127.0.0.1:…/test_…
 * await cluster.stop();
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** URL of the `postgres` database, for administration. */
  adminUrl: string;
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>;
  /** Drops a database made by `createDatabase` (connections are closed by force). */
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

/** The directory of `initdb` and `pg_ctl`: `PG_BIN`, else the newest Debian server package. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the cluster (about a second).
 *
 * @example
 * const cluster = await startPostgresCluster();
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)');
  const directory = mkdtempSync(join(tmpdir(), 'cec-postgres-'));
  const dataDir = join(directory, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    execFileSync(command[0] as string, command[1] as string[], { stdio: ['ignore', 'ignore', 'pipe'] });
  };
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    const [uid, gid] = [id('-u'), id('-g')];
    chownSync(directory, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', ['-D', dataDir, '-w', '-s', '-l', join(directory, 'log'), '-o', `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`, 'start']);
  // Never left running by a test process that ends without stopping it (a failure, a timeout).
  const stopAtExit = () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-s', '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(directory, { recursive: true, force: true });
  };
  process.once('exit', stopAtExit);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  let stopped = false;
  return {
    adminUrl,
    async createDatabase() {
      const name = `test_${crypto.randomUUID().replaceAll('-', '')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      if (/^test_[0-9a-f]{32}$/.test(name)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopAtExit);
      await admin.end();
      try {
        run('pg_ctl', ['-D', dataDir, '-w', '-s', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
  };
}

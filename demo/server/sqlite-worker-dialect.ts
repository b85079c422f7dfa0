/**
 * A Kysely dialect for SQLite whose one connection lives in a worker thread (sqlite-worker.mjs): the
 * same SQL as Kysely's own SQLite dialect (its adapter, compiler and introspector), but no statement
 * — and no commit waiting for the disk — ever blocks the event loop. One query at a time, transactions
 * holding the connection until they end, as SQLite has one writer anyway.
 */
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { Worker } from 'node:worker_threads';

interface WorkerAnswer {
  id: number;
  rows?: unknown[];
  numAffectedRows?: bigint;
  insertId?: bigint;
  error?: { message: string; code?: string; name?: string };
}

/** Parameters bigger than this are moved to the worker rather than copied (a document's bytes). */
const TRANSFER_BYTES = 64 * 1024;

/**
 * The buffers of large byte parameters that own their memory alone: moved to the worker, they are
 * not copied (the caller must not read them afterwards; the server inserts a document once).
 */
function largeBuffers(parameters: readonly unknown[]): ArrayBuffer[] {
  return parameters.flatMap((value) =>
    value instanceof Uint8Array &&
    value.byteLength > TRANSFER_BYTES &&
    value.buffer instanceof ArrayBuffer &&
    value.byteOffset === 0 &&
    value.buffer.byteLength === value.byteLength
      ? [value.buffer]
      : [],
  );
}

class WorkerConnection implements DatabaseConnection {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (answer: WorkerAnswer) => void }>();
  #nextId = 1;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (answer: WorkerAnswer) => {
      this.#waiting.get(answer.id)?.resolve(answer);
      this.#waiting.delete(answer.id);
    });
  }

  send(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<WorkerAnswer> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, { resolve });
      this.#worker.postMessage({ id, ...message }, transfer);
    });
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const answer = await this.send({ sql: compiledQuery.sql, parameters: compiledQuery.parameters }, largeBuffers(compiledQuery.parameters));
    if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code, name: answer.error.name ?? 'SqliteError' });
    if (answer.rows) return { rows: answer.rows as R[] };
    return { rows: [], numAffectedRows: answer.numAffectedRows, insertId: answer.insertId };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the SQLite worker');
  }
}

class WorkerDriver implements Driver {
  readonly #file: string;
  #worker: Worker | undefined;
  #connection: WorkerConnection | undefined;
  /** The tail of the queue of queries and transactions waiting for the one connection. */
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(file: string) {
    this.#file = file;
  }

  async init(): Promise<void> {
    const worker = new Worker(new URL('./sqlite-worker.mjs', import.meta.url), { workerData: { file: this.#file } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    this.#worker = worker;
    this.#connection = new WorkerConnection(worker);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release: () => void = () => {};
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    return this.#connection as WorkerConnection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.#queue;
    await this.#connection?.send({ close: true });
    await this.#worker?.terminate();
  }
}

/**
 * SQLite at `file`, served by a worker thread.
 *
 * @example
 * const db = new Kysely<Tables>({ dialect: new SqliteWorkerDialect('.data/cectrust-light.sqlite3') });
 */
export class SqliteWorkerDialect implements Dialect {
  constructor(readonly file: string) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new WorkerDriver(this.file);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

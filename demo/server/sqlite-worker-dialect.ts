/**
 * A Kysely dialect for SQLite whose connections live in worker threads (sqlite-worker.mjs): the same
 * SQL as Kysely's own SQLite dialect (its adapter, compiler and introspector), but no commit waiting
 * for the disk, no read and no write outside a transaction ever blocks the event loop. Two
 * connections: the writer runs every transaction and every write, one at a time, as SQLite has one
 * writer anyway; a `SELECT` outside a transaction goes to a read-only connection, which WAL lets read
 * the last commit while the writer works, so an invitation look-up never queues behind a burst of
 * uploads being committed. Inside a transaction the loop waits briefly (`BRIEF_WAIT_MS`) for each
 * statement's answer, so that the writer is not held while the loop serves other requests.
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
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

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

/**
 * Longest the event loop waits, blocked, for the answer to a statement inside a transaction before it
 * lets the answer come as a message instead: a statement takes well under a millisecond, while a turn
 * of a loop busy with a thousand GETs a second takes 2 ms, and every turn between a transaction's
 * statements is time every other upload waits for the writer.
 */
const BRIEF_WAIT_MS = 2;

/** One worker thread's SQLite connection, spoken to by messages. */
class WorkerConnection {
  readonly #worker: Worker;
  readonly #answers: MessagePort;
  readonly #answered: Int32Array;
  readonly #waiting = new Map<number, (answer: WorkerAnswer) => void>();
  #nextId = 1;

  constructor(started: StartedWorker) {
    this.#worker = started.worker;
    this.#answers = started.answers;
    this.#answered = started.answered;
    this.#answers.on('message', (answer: WorkerAnswer) => this.#deliver(answer));
  }

  #deliver(answer: WorkerAnswer): void {
    this.#waiting.get(answer.id)?.(answer);
    this.#waiting.delete(answer.id);
  }

  /** Posts a message; `waitMs` > 0 waits up to that long, blocking, for its answer. */
  send(message: Record<string, unknown>, transfer: ArrayBuffer[] = [], waitMs = 0): Promise<WorkerAnswer> {
    const id = this.#nextId++;
    let seen = Atomics.load(this.#answered, 0);
    const answer = new Promise<WorkerAnswer>((resolve) => {
      this.#waiting.set(id, resolve);
      this.#worker.postMessage({ id, ...message }, transfer);
    });
    const deadline = performance.now() + waitMs;
    while (this.#waiting.has(id) && performance.now() < deadline) {
      Atomics.wait(this.#answered, 0, seen, deadline - performance.now());
      seen = Atomics.load(this.#answered, 0);
      for (let received = receiveMessageOnPort(this.#answers); received; received = receiveMessageOnPort(this.#answers)) {
        this.#deliver(received.message as WorkerAnswer);
      }
    }
    return answer;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery, waitMs = 0): Promise<QueryResult<R>> {
    const answer = await this.send({ sql: compiledQuery.sql, parameters: compiledQuery.parameters }, largeBuffers(compiledQuery.parameters), waitMs);
    if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code, name: answer.error.name ?? 'SqliteError' });
    if (answer.rows) return { rows: answer.rows as R[] };
    return { rows: [], numAffectedRows: answer.numAffectedRows, insertId: answer.insertId };
  }

  close(): void {
    this.#answers.close();
  }
}

/** First come, first served: the writer connection, held by one transaction or statement at a time. */
class WriterLock {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves once the caller holds the lock, with the function that gives it back. */
  async acquire(): Promise<() => void> {
    const previous = this.#tail;
    let release: () => void = () => {};
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    return release;
  }

  /** Settles once everyone queued so far has given the lock back. */
  async idle(): Promise<void> {
    await this.#tail;
  }
}

/**
 * What Kysely holds as "a connection": it sends each query where it belongs. Inside a transaction
 * (which holds the writer lock from `begin` to its end) everything goes to the writer; outside, a
 * `SELECT` goes to the reader and any other statement waits for the writer lock for itself alone.
 */
class RoutedConnection implements DatabaseConnection {
  /** Set while this connection's transaction holds the writer. */
  releaseWriter: (() => void) | undefined;

  constructor(
    readonly writer: WorkerConnection,
    readonly reader: WorkerConnection,
    readonly lock: WriterLock,
    readonly briefWaitMs: number,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.releaseWriter) return this.writer.executeQuery(compiledQuery, this.briefWaitMs);
    if (compiledQuery.query.kind === 'SelectQueryNode') return this.reader.executeQuery(compiledQuery);
    const release = await this.lock.acquire();
    try {
      return await this.writer.executeQuery(compiledQuery);
    } finally {
      release();
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the SQLite worker');
  }
}

interface StartedWorker {
  worker: Worker;
  /** The port its answers arrive on. */
  answers: MessagePort;
  /** How many answers it has sent (shared memory), to wait on. */
  answered: Int32Array;
}

/** Starts a worker on the database file and resolves once its connection is open. */
async function startWorker(file: string, readOnly: boolean): Promise<StartedWorker> {
  const { port1, port2 } = new MessageChannel();
  const answered = new SharedArrayBuffer(4);
  const worker = new Worker(new URL('./sqlite-worker.mjs', import.meta.url), {
    workerData: { file, readOnly, answers: port2, answered },
    transferList: [port2],
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { worker, answers: port1, answered: new Int32Array(answered) };
}

class WorkerDriver implements Driver {
  readonly #file: string;
  readonly #briefWaitMs: number;
  readonly #lock = new WriterLock();
  #workers: Worker[] = [];
  #writer: WorkerConnection | undefined;
  #reader: WorkerConnection | undefined;

  constructor(file: string, briefWaitMs: number) {
    this.#file = file;
    this.#briefWaitMs = briefWaitMs;
  }

  async init(): Promise<void> {
    // The writer first: it creates the file and switches it to WAL before the reader opens it.
    const writer = await startWorker(this.#file, false);
    const reader = await startWorker(this.#file, true);
    this.#workers = [writer.worker, reader.worker];
    this.#writer = new WorkerConnection(writer);
    this.#reader = new WorkerConnection(reader);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.#writer as WorkerConnection, this.#reader as WorkerConnection, this.#lock, this.#briefWaitMs);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    routed.releaseWriter = await this.#lock.acquire();
    try {
      await routed.writer.executeQuery(CompiledQuery.raw('begin'), this.#briefWaitMs);
    } catch (error) {
      this.#giveBack(routed);
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // Not waited for blocking: the commit waits for the disk (fsync).
    await (connection as RoutedConnection).writer.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#giveBack(connection as RoutedConnection);
  }

  #giveBack(connection: RoutedConnection): void {
    const release = connection.releaseWriter;
    connection.releaseWriter = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.#lock.idle();
    await Promise.all([this.#writer, this.#reader].map((connection) => connection?.send({ close: true })));
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    this.#writer?.close();
    this.#reader?.close();
  }
}

/**
 * SQLite at `file`, served by a worker thread.
 *
 * @example
 * const db = new Kysely<Tables>({ dialect: new SqliteWorkerDialect('.data/cectrust-light.sqlite3') });
 */
export class SqliteWorkerDialect implements Dialect {
  /**
   * @param options.briefWaitMs how long the loop may wait, blocked, for each answer inside a
   *   transaction (`BRIEF_WAIT_MS` unless given; 0 lets every answer come as a message)
   */
  constructor(
    readonly file: string,
    readonly options: { briefWaitMs?: number } = {},
  ) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new WorkerDriver(this.file, this.options.briefWaitMs ?? BRIEF_WAIT_MS);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

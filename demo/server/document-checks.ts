/**
 * An uploaded document's SHA-256 and the domain's PDF check (`documentProblem`, the very function the
 * browser runs) in worker threads (document-check-worker.mjs): for 1 MiB they take 3–5 ms of one
 * unbroken stretch of CPU (decoding, searching, hashing), which a burst of uploads would otherwise
 * put between every invitation look-up and its answer. The bytes are moved to the worker and back,
 * never copied.
 *
 * A running server holds the pool (`openDocumentChecks`, given back by its `close()`); its first worker
 * starts when the first upload begins (`warmDocumentChecks`: loading the domain takes it about half a
 * second, while the document is still arriving), and the workers end with the last holder. Without a holder (a script, a unit
 * test) the check runs in the calling thread, with the same result.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { documentProblem, type DocumentProblem } from '../../src/domain/index.js';

/** A document's bytes with what the server needs to know of them. */
export interface CheckedDocument {
  bytes: Uint8Array;
  sha256: string;
  /** The domain's verdict; `undefined` when the document is acceptable. */
  problem: DocumentProblem | undefined;
}

interface WorkerAnswer {
  id: number;
  bytes?: Uint8Array;
  sha256?: string;
  problem?: DocumentProblem | null;
  error?: string;
}

/** Workers beside the event loop and SQLite's: one per spare core, at most four. */
const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));

interface PoolWorker {
  worker: Worker;
  waiting: Map<number, { resolve: (document: CheckedDocument) => void; reject: (error: Error) => void }>;
}

let holders = 0;
let workers: PoolWorker[] = [];
let nextId = 1;

function startWorker(): PoolWorker {
  const worker = new Worker(new URL('./document-check-worker.mjs', import.meta.url));
  const entry: PoolWorker = { worker, waiting: new Map() };
  // A worker that dies fails what it was checking; the next document starts a new one.
  const lost = (reason: string) => {
    workers = workers.filter((candidate) => candidate !== entry);
    for (const { reject } of entry.waiting.values()) reject(new Error(`document check worker: ${reason}`));
    entry.waiting.clear();
  };
  worker.on('message', (answer: WorkerAnswer) => {
    const waiting = entry.waiting.get(answer.id);
    entry.waiting.delete(answer.id);
    if (!waiting) return;
    if (answer.error !== undefined || !answer.bytes || answer.sha256 === undefined) waiting.reject(new Error(`document check worker: ${answer.error}`));
    else waiting.resolve({ bytes: answer.bytes, sha256: answer.sha256, problem: answer.problem ?? undefined });
  });
  worker.on('error', (error) => lost(error.message));
  worker.on('exit', (code) => lost(`exited with code ${code}`));
  return entry;
}

/** The least busy worker, starting one while the pool is not full. */
function idlestWorker(): PoolWorker {
  const idlest = workers.reduce<PoolWorker | undefined>((best, entry) => (!best || entry.waiting.size < best.waiting.size ? entry : best), undefined);
  if (idlest && (idlest.waiting.size === 0 || workers.length >= POOL_SIZE)) return idlest;
  const started = startWorker();
  workers.push(started);
  return started;
}

/**
 * Starts the first worker, if a server holds the pool and none runs yet, so that it is ready by the
 * time the document has arrived.
 *
 * @example
 * warmDocumentChecks(); // as an upload begins
 */
export function warmDocumentChecks(): void {
  if (holders > 0 && workers.length === 0) workers.push(startWorker());
}

/** `bytes` as an array that alone owns its memory, so that its buffer can be moved to another thread. */
function movable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
}

/**
 * Hashes and checks a document, in a worker while a server holds the pool. `bytes` is moved there:
 * read the returned `bytes`, not the array passed in (it is left empty).
 *
 * @example
 * const { sha256, problem, bytes } = await checkDocument(Buffer.concat(chunks), 10 * 1024 * 1024);
 */
export async function checkDocument(bytes: Uint8Array, maxBytes: number): Promise<CheckedDocument> {
  if (holders === 0) {
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), problem: await documentProblem(bytes, maxBytes) };
  }
  const own = movable(bytes);
  const entry = idlestWorker();
  const id = nextId++;
  return new Promise<CheckedDocument>((resolve, reject) => {
    entry.waiting.set(id, { resolve, reject });
    entry.worker.postMessage({ id, bytes: own, maxBytes }, [own.buffer as ArrayBuffer]);
  });
}

/**
 * Holds the pool for a server; the returned function gives it back, and the last one given back ends
 * the workers (what they were checking fails).
 *
 * @example
 * const closeDocumentChecks = openDocumentChecks();
 * // … on close():
 * await closeDocumentChecks();
 */
export function openDocumentChecks(): () => Promise<void> {
  holders += 1;
  let open = true;
  return async () => {
    if (!open) return;
    open = false;
    holders -= 1;
    if (holders > 0) return;
    const ending = workers;
    workers = [];
    await Promise.all(ending.map(({ worker }) => worker.terminate()));
  };
}

/**
 * A SQLite connection of the reference server, in a worker thread: every statement (and the fsync
 * of each commit, which `synchronous=FULL` makes wait for the disk) runs here, so the event loop that
 * answers HTTP never waits for the disk. Started twice: the writer, and a reader (`readOnly`). Plain JavaScript: a worker does not go through tsx.
 * Messages: `{ id, sql, parameters }` → `{ id, rows }` | `{ id, numAffectedRows, insertId }` | `{ id, error }`,
 * answered on the port `workerData.answers`.
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const connection = new BetterSqlite3(workerData.file);
if (workerData.readOnly) {
  // The reader connection: SELECTs outside transactions, never a write.
  connection.pragma('query_only = ON');
} else {
  // WAL lets the reader connection read while an application is being written.
  connection.pragma('journal_mode = WAL');
  // FULL: a committed application survives a power cut, not only a crash of the process.
  connection.pragma('synchronous = FULL');
  // Deleted rows (drafts, purged applications) are overwritten, not left readable in free pages.
  connection.pragma('secure_delete = ON');
  connection.pragma('foreign_keys = ON');
}
// Another process (the purge command) holding the write lock briefly must not fail a request.
connection.pragma('busy_timeout = 5000');

/** Each distinct statement prepared once; the server's queries are a few dozen. */
const statements = new Map();
function prepared(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= 200) statements.clear();
    statement = connection.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

// Answers go out on their own port, each counted in `answered` (shared memory), so that the server can
// also wait for one without a turn of its event loop (sqlite-worker-dialect.ts, inside transactions).
const answered = new Int32Array(workerData.answered);
function answer(message) {
  workerData.answers.postMessage(message);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
}

parentPort.on('message', ({ id, sql, parameters, close }) => {
  if (close) {
    connection.close();
    answer({ id, closed: true });
    return;
  }
  try {
    const statement = prepared(sql);
    if (statement.reader) {
      answer({ id, rows: statement.all(parameters) });
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      answer({ id, numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) });
    }
  } catch (error) {
    answer({ id, error: { message: error.message, code: error.code, name: error.name } });
  }
});
parentPort.postMessage({ ready: true });

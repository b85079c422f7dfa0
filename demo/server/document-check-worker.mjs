/**
 * A worker of the document-check pool (document-checks.ts): hashes an uploaded document and runs the
 * domain's PDF check on it, off the server's event loop. Plain JavaScript that loads the TypeScript
 * domain through tsx, as the server itself does (a worker does not inherit the parent's loader).
 * Messages: `{ id, bytes, maxBytes }` → `{ id, bytes, sha256, problem }` (the bytes moved back) | `{ id, error }`.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { documentProblem } = await import('../../src/domain/document.ts');

parentPort.on('message', async ({ id, bytes, maxBytes }) => {
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const problem = (await documentProblem(bytes, maxBytes)) ?? null;
    parentPort.postMessage({ id, bytes, sha256, problem }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});

/**
 * A @web/test-runner plugin that runs the real reference backend for end-to-end tests. The browser
 * drives it with `executeServerCommand('reference-server', { action })`:
 * - `start` { origin, faults?, database? } → { endpoint, apiKey }: a fresh server on a temporary data
 *   directory, allowing the test page's origin; `database: 'postgres'` (or `E2E_DATABASE=postgres`)
 *   stores in a fresh database of a throwaway PostgreSQL cluster (test/server/postgres.ts) instead of SQLite. With `faults: true` the endpoint is a TCP proxy in front of the
 *   server, which the fault actions below need (its port stays the same across stops and starts);
 * - `restart` → the same: stop, then start again on the same data directory (nothing may be lost);
 * - `stop`: stop and remove the data directory.
 * Fault actions (need `faults: true`):
 * - `stop-listening`: the server stops and nothing listens on the endpoint's port (connection refused);
 *   the data directory stays;
 * - `start-again` → { endpoint, apiKey }: a server on the same data directory, at the same endpoint;
 * - `kill-mid-request` { when }: the next `POST /api/applications` kills the server. `when: 'received'`
 *   kills it as the request arrives (nothing stored); `when: 'answered'` lets the server store the
 *   application and kills it before its answer leaves (stored, but the browser sees the connection
 *   drop). Either way the server is then stopped, as after `stop-listening`;
 * - `count-applications` → the number of applications stored (straight from the database).
 * Certificate renewal (issue 15):
 * - `seed-renewal` { expiresInDays? } → { raKey, operatorKey }: the seeded company registers its in-house RA
 *   with certificates expiring that many days from the server's Japan-time today (20, 35, 52, 60, 100 by default);
 * - `renewal-outbox` → [{ to, subject, body }]: every mail queued, oldest first (straight from the database).
 * For the partner company after its application (partner-admin.e2e.test.ts):
 * - `operator-key` → a key of the operator (the service side), seeded now, for `/api/operator/…`;
 * - `count-rows` { table } → the rows of any table (e.g. `partner_users`), straight from the database;
 * - `kill-mid-request` takes `path` (default `/api/applications`): the POST to cut.
 * And one for the browser itself:
 * - `browser-offline` { offline }: Chromium's offline mode for the test page (Playwright's `setOffline`).
 * The server is TypeScript; tsx compiles it on import.
 */
import net from 'node:net';
import { rmSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();

/**
 * A TCP proxy that forwards to the server's current port and can cut one `POST /api/applications`
 * either as it arrives or just after the server answered it.
 */
function faultProxy() {
  /** @type {net.Server | undefined} */
  let listener;
  let port = 0;
  let upstreamPort = 0;
  /** @type {'received' | 'answered' | undefined} */
  let armed;
  /** The request line's start that the armed kill waits for. */
  let armedRequest = 'POST /api/applications';
  /** @type {() => void} */
  let onKill = () => {};
  const sockets = new Set();

  function connect(client) {
    sockets.add(client);
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    sockets.add(upstream);
    let answerDoomed = false;
    const cut = () => {
      client.resetAndDestroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => {
      if (armed && chunk.toString('latin1', 0, 80).startsWith(`${armedRequest} `)) {
        const when = armed;
        armed = undefined;
        if (when === 'received') {
          upstream.write(chunk); // the request head reached the server: it dies reading the body
          cut();
          onKill();
          return;
        }
        answerDoomed = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (answerDoomed) {
        cut(); // the server has stored the application: its answer never leaves
        onKill();
        return;
      }
      client.write(chunk);
    });
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ]) {
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        sockets.delete(socket);
        other.destroy();
      });
    }
  }

  return {
    get port() {
      return port;
    },
    /** Listens (again) on the same port, forwarding to `toPort`. */
    async listen(toPort) {
      upstreamPort = toPort;
      if (listener) return;
      listener = net.createServer(connect);
      await new Promise((resolve, reject) => {
        listener.once('error', reject);
        listener.listen(port, '127.0.0.1', () => resolve(undefined));
      });
      port = listener.address().port;
    },
    /** Stops listening and drops every open connection. */
    async close() {
      const closing = listener;
      listener = undefined;
      armed = undefined;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (closing) await new Promise((resolve) => closing.close(() => resolve(undefined)));
    },
    arm(when, kill, path = '/api/applications') {
      armed = when;
      onKill = kill;
      armedRequest = `POST ${path}`;
    },
  };
}

export function referenceServerPlugin() {
  /** @type {import('../server/helpers.ts').TestServer | undefined} */
  let server;
  let running = false;
  let origin = '';
  /** @type {ReturnType<typeof faultProxy> | undefined} */
  let proxy;
  /** A stop in progress (a kill stops the server from inside a socket event). */
  let stopping = Promise.resolve();
  /** The PostgreSQL database of the current server, when it runs on one. */
  let postgres;

  const describe = () => ({
    endpoint: proxy ? `http://127.0.0.1:${proxy.port}/api` : `${server.url}/api`,
    apiKey: 'test-key-hacchu',
  });

  async function stopListening() {
    await proxy?.close();
    if (running) {
      running = false;
      await server.close();
    }
  }

  async function startAgain() {
    const { startTestServer } = await import('../server/helpers.ts');
    await stopping;
    if (running) await stopListening();
    server = await startTestServer({ allowedOrigins: [origin], dataDir: server.dataDir, ...(postgres ? { postgres } : {}) });
    running = true;
    await proxy?.listen(server.port);
  }

  async function stopAndRemove() {
    const dataDir = server?.dataDir;
    await stopping;
    await stopListening();
    proxy = undefined;
    server = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    const database = postgres;
    postgres = undefined;
    await database?.drop();
  }

  return {
    name: 'reference-server',
    async executeCommand({ command, payload, session }) {
      if (command !== 'reference-server') return undefined;
      const { startTestServer, countRows, testPostgresDatabase } = await import('../server/helpers.ts');
      switch (payload.action) {
        case 'start':
          await stopAndRemove();
          origin = payload.origin;
          if ((payload.database ?? process.env.E2E_DATABASE) === 'postgres') postgres = await testPostgresDatabase();
          server = await startTestServer({ allowedOrigins: [origin], ...(postgres ? { postgres } : {}) });
          running = true;
          if (payload.faults) {
            proxy = faultProxy();
            await proxy.listen(server.port);
          }
          return describe();
        case 'restart':
          if (proxy) await startAgain();
          else server = await server.restart();
          return describe();
        case 'stop':
          await stopAndRemove();
          return true;
        case 'stop-listening':
          await stopListening();
          return true;
        case 'start-again':
          await startAgain();
          return describe();
        case 'kill-mid-request':
          if (!proxy) throw new Error('kill-mid-request needs a server started with { faults: true }');
          proxy.arm(
            payload.when ?? 'answered',
            () => {
              stopping = stopListening();
            },
            payload.path,
          );
          return true;
        case 'count-applications':
          return countRows(server, 'applications');
        case 'seed-renewal': {
          const { seedRenewalOrganisation, RA_KEY, OPERATOR_KEY } = await import('../server/helpers.ts');
          await seedRenewalOrganisation(server, payload.expiresInDays);
          return { raKey: RA_KEY, operatorKey: OPERATOR_KEY };
        }
        case 'renewal-outbox': {
          const mails = await server.database.db.selectFrom('outbox').select(['recipient', 'subject', 'body']).orderBy('id').execute();
          return mails.map((mail) => ({ to: mail.recipient, subject: mail.subject, body: mail.body }));
        }
        case 'operator-key': {
          const { seedOperatorKey } = await import('../../demo/server/operator.ts');
          await seedOperatorKey(server.database, 'op_e2e-operator-key');
          return 'op_e2e-operator-key';
        }
        case 'count-rows':
          return countRows(server, payload.table);
        case 'browser-offline': {
          const context = session.browser.getPage(session.id).context();
          if (!payload.forMs) {
            await context.setOffline(Boolean(payload.offline));
            return true;
          }
          // Offline mode also cuts the test runner's own channel, so no command could bring the page
          // back: answer first, go offline just after, and come back online on our own after `forMs`.
          setTimeout(() => {
            void context.setOffline(true).then(() => new Promise((resolve) => setTimeout(resolve, payload.forMs))).then(() => context.setOffline(false));
          }, 50);
          return true;
        }
        default:
          throw new Error(`unknown reference-server action ${payload.action}`);
      }
    },
    async serverStart() {
      if (process.env.E2E_DATABASE === 'postgres') await (await import('../server/helpers.ts')).warmTestPostgres();
    },
    async serverStop() {
      await stopAndRemove();
      await (await import('../server/helpers.ts')).stopTestPostgres();
    },
  };
}

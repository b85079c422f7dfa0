/**
 * A @web/test-runner plugin that runs the real reference backend for end-to-end tests. The browser
 * drives it with `executeServerCommand('reference-server', { action })`:
 * - `start` { origin } → { endpoint, apiKey }: a fresh server on a temporary data directory, allowing
 *   the test page's origin;
 * - `restart` → the same: stop, then start again on the same data directory (nothing may be lost);
 * - `stop`.
 * The server is TypeScript; tsx compiles it on import.
 */
import { register } from 'tsx/esm/api';

register();

export function referenceServerPlugin() {
  /** @type {import('../server/helpers.ts').TestServer | undefined} */
  let server;
  let origin = '';

  const describe = () => ({ endpoint: `${server.url}/api`, apiKey: 'test-key-hacchu' });

  return {
    name: 'reference-server',
    async executeCommand({ command, payload }) {
      if (command !== 'reference-server') return undefined;
      const { startTestServer } = await import('../server/helpers.ts');
      switch (payload.action) {
        case 'start':
          await server?.dispose();
          origin = payload.origin;
          server = await startTestServer({ allowedOrigins: [origin] });
          return describe();
        case 'restart':
          server = await server.restart();
          return describe();
        case 'stop':
          await server?.dispose();
          server = undefined;
          return true;
        default:
          throw new Error(`unknown reference-server action ${payload.action}`);
      }
    },
    async serverStop() {
      await server?.dispose();
    },
  };
}

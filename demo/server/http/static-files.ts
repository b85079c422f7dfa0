import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/**
 * Files of the built demo under `/` (`/` → index.html, `/console/` → console/index.html). Paths with
 * `..` or encoded separators are refused by `serveStatic` itself; `/api/…` never reaches the disk.
 *
 * @example
 * app.get('/*', staticFiles('dist/demo'));
 */
export function staticFiles(root: string): MiddlewareHandler {
  const serve = serveStatic({ root });
  return (c, next) => (c.req.path.startsWith('/api/') ? next() : serve(c, next));
}

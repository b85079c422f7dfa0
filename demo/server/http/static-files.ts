import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Vite's hashed file names (`index-B2x9_kQz.js`): their content never changes under that name. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|svg|png|webp)$/;
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml)|image\/svg\+xml)/;
/** Smaller than this, compression saves less than its headers cost. */
const MIN_COMPRESSIBLE_BYTES = 1024;

/** Compressed copies by content hash and encoding: each file is compressed once per process. */
const compressedCache = new Map<string, Buffer>();

function compressed(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding}:${createHash('sha1').update(body).digest('hex')}`;
  let result = compressedCache.get(key);
  if (!result) {
    result =
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 9 });
    compressedCache.set(key, result);
  }
  return result;
}

function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
}

/**
 * Files of the built demo under `/` (`/` → index.html, `/console/` → console/index.html), brotli- or
 * gzip-compressed as the browser accepts, hashed assets cached for a year (`immutable`), pages
 * revalidated every time. Paths with `..` or encoded separators are refused by `serveStatic` itself;
 * `/api/…` never reaches the disk.
 *
 * @example
 * app.get('/*', staticFiles('dist/demo'));
 */
export function staticFiles(root: string): MiddlewareHandler {
  const serve = serveStatic({ root });
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    let found = true;
    const result = await serve(c, async () => {
      found = false;
    });
    if (!found) return next();
    const response = result ?? c.res;
    if (response.status !== 200) return response;
    const headers = new Headers(response.headers);
    headers.set('Cache-Control', HASHED_ASSET.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    headers.append('Vary', 'Accept-Encoding');
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    const body = Buffer.from(await response.arrayBuffer());
    if (!encoding || !COMPRESSIBLE.test(headers.get('Content-Type') ?? '') || body.length < MIN_COMPRESSIBLE_BYTES) {
      return new Response(new Uint8Array(body), { status: 200, headers });
    }
    const encoded = compressed(body, encoding);
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(encoded.length));
    return new Response(new Uint8Array(encoded), { status: 200, headers });
  };
}

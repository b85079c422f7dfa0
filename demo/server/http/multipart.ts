/**
 * `POST {endpoint}/applications` read as a stream (busboy): the `application` part must come first,
 * and the document's bytes are kept only once that part has been screened (Idempotency-Key, token,
 * the invitation's state). A request refused early is answered at once; the rest of its body is read
 * and dropped, never held. A kept document is hashed and checked off the event loop
 * (document-checks.ts). An `UploadGate` caps concurrent uploads and the bytes they may bring.
 */
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ApiError, validationFailed } from '../api-error.js';
import type { UploadedDocument } from '../applications.js';
import { checkDocument, warmDocumentChecks } from '../document-checks.js';

/** Seconds a client is asked to wait when the server is at its upload limits. */
const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * Admission of uploads: at most `maxConcurrent` at once, and at most `maxBytesInFlight` declared bytes
 * (`Content-Length`, or the largest body allowed when undeclared) between them. Over either, the
 * request is refused with `503 service_unavailable` and `Retry-After` before its body is read.
 *
 * @example
 * const gate = new UploadGate({ maxConcurrent: 16, maxBytesInFlight: 128 * 1024 * 1024 });
 * const release = gate.enter(contentLength, maxBody);
 * try { … } finally { release(); }
 */
export class UploadGate {
  #active = 0;
  #bytes = 0;

  constructor(readonly limits: { maxConcurrent: number; maxBytesInFlight: number }) {}

  /** Takes a place for one upload, or throws `503`; call the returned function when done. */
  enter(declaredBytes: number | undefined, maxBodyBytes: number): () => void {
    const bytes = Math.min(declaredBytes ?? maxBodyBytes, maxBodyBytes);
    if (this.#active >= this.limits.maxConcurrent || this.#bytes + bytes > this.limits.maxBytesInFlight) {
      throw new ApiError(503, 'service_unavailable', undefined, { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });
    }
    this.#active += 1;
    this.#bytes += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      this.#bytes -= bytes;
    };
  }
}

export interface StreamedApplication {
  applicationText: string | undefined;
  document: UploadedDocument | undefined;
}

export interface ReadApplicationOptions {
  maxApplicationBytes: number;
  maxDocumentBytes: number;
  /** The whole body's limit (document, application and framing): `413 document_too_large` beyond. */
  maxBodyBytes: number;
  /** Decides from the application part whether the document is kept or only hashed; throws to refuse. */
  screen: (applicationText: string) => Promise<'keep' | 'hash-only'>;
  /** Settles when the whole body has been read (a refused request's rest included). */
  onDrained?: () => void;
}

/**
 * The applicant's file name, kept for display only: no directories, no control characters, bounded.
 * Files are never stored or served under it.
 */
function displayFileName(name: string): string {
  const baseName = name.split(/[\\/]/).pop() ?? '';
  return baseName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}

/**
 * Reads the multipart body of an application as it arrives.
 *
 * @example
 * const { applicationText, document } = await readApplicationUpload(c.req.raw, { maxApplicationBytes, maxDocumentBytes, screen });
 */
export function readApplicationUpload(
  request: Request,
  options: ReadApplicationOptions,
  /** The Node request itself when there is one: read directly, without a detour through a web stream. */
  incoming?: Readable,
): Promise<StreamedApplication> {
  const contentType = request.headers.get('Content-Type') ?? '';
  const refuse = () => {
    options.onDrained?.();
    return Promise.reject(validationFailed([{ path: ['Content-Type'], code: 'invalid' }]));
  };
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !(incoming ?? request.body)) return refuse();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Browsers send file names as UTF-8 bytes in the quoted parameter.
      defParamCharset: 'utf8',
      // One byte over each limit, so that a part of exactly the limit is not cut.
      limits: { parts: 4, files: 2, fields: 2, fieldSize: options.maxApplicationBytes + 1, fileSize: options.maxDocumentBytes + 1 },
    });
  } catch {
    return refuse();
  }
  warmDocumentChecks();

  return new Promise<StreamedApplication>((resolve, reject) => {
    let settled = false;
    let applicationText: string | undefined;
    let screening: Promise<'keep' | 'hash-only'> | undefined;
    let document: UploadedDocument | undefined;
    let documentDone: Promise<void> = Promise.resolve();

    const rejectWith = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    // The parser's own errors are the client's malformed body.
    const fail = (error: unknown) => rejectWith(error instanceof ApiError ? error : validationFailed([{ path: [], code: 'invalid' }]));
    // Set as soon as the part begins (its text may still be arriving), so a document part that
    // follows knows it waits for the screening.
    const applicationBegan = (text: Promise<string>) => {
      screening = text.then((value) => {
        applicationText = value;
        return options.screen(value);
      });
      screening.catch(fail);
    };

    parser.on('field', (name, value, info) => {
      if (settled || name !== 'application' || screening) return;
      if (info.valueTruncated) fail(new ApiError(413, 'payload_too_large'));
      else applicationBegan(Promise.resolve(value));
    });

    parser.on('file', (name, stream, info) => {
      // A part cut short (the parser stopped for a refused request) is no error of anyone listening.
      stream.on('error', () => {});
      if (settled || (name !== 'application' && name !== 'document') || (name === 'document' && document) || (name === 'application' && screening)) {
        stream.resume();
        return;
      }
      if (name === 'application') {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        applicationBegan(
          new Promise<string>((resolveText, refuse) => {
            stream.on('limit', () => refuse(new ApiError(413, 'payload_too_large')));
            stream.on('end', () => {
              const text = Buffer.concat(chunks);
              if (text.length > options.maxApplicationBytes) refuse(new ApiError(413, 'payload_too_large'));
              else resolveText(text.toString('utf8'));
            });
          }),
        );
        return;
      }
      if (!screening) {
        // The document before the application: nothing can be decided about it, so nothing is kept.
        fail(validationFailed([{ path: ['application'], code: 'required' }]));
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      let keep = false;
      stream.pause();
      documentDone = new Promise<void>((documentRead) => {
        stream.on('end', () => {
          if (size > options.maxDocumentBytes) fail(new ApiError(413, 'document_too_large'));
          const originalName = displayFileName(info.filename ?? '');
          if (settled) documentRead();
          else if (!keep) {
            document = { sha256: hash.digest('hex'), sizeBytes: size, originalName };
            documentRead();
          } else {
            checkDocument(Buffer.concat(chunks, size), options.maxDocumentBytes).then(({ bytes, sha256, problem }) => {
              document = { sha256, sizeBytes: size, originalName, kept: { bytes, problem } };
              documentRead();
            }, rejectWith);
          }
        });
      });
      stream.on('limit', () => fail(new ApiError(413, 'document_too_large')));
      // Only a replay's document is hashed here, as it streams by; a kept one is hashed with its check.
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (keep) chunks.push(chunk);
        else hash.update(chunk);
      });
      screening.then(
        (decision) => {
          keep = decision === 'keep';
          stream.resume();
        },
        () => stream.resume(),
      );
    });

    parser.on('error', fail);
    parser.on('close', () => {
      options.onDrained?.();
      if (settled) return;
      void Promise.all([screening, documentDone]).then(() => {
        if (settled) return;
        settled = true;
        resolve({ applicationText, document });
      }, fail);
    });

    // A refused request's body is still read to its end (up to twice the limit) and dropped: a client
    // still sending would otherwise see the connection reset instead of the answer.
    const body = incoming ?? Readable.fromWeb(request.body as unknown as NodeReadableStream);
    let total = 0;
    let discarding = false;
    body.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > options.maxBodyBytes) fail(new ApiError(413, 'document_too_large'));
      if (settled && !discarding) {
        discarding = true;
        body.unpipe(parser);
        parser.destroy();
        body.resume();
      }
      if (discarding && total > 2 * options.maxBodyBytes) body.destroy();
    });
    body.on('error', (error) => {
      fail(error);
      parser.destroy();
      options.onDrained?.();
    });
    body.pipe(parser);
  });
}

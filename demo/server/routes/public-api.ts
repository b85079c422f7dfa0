/**
 * The backend contract the wizard speaks (SPEC.md, backend contract): invitations, draft sync and the
 * application itself. Mounted under `/api`.
 */
import { Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import { ApiError, validationFailed } from '../api-error.js';
import { MAX_APPLICATION_BYTES, screenSubmission, submitApplication } from '../applications.js';
import { loadDraft, saveDraft } from '../drafts.js';
import { readApplicationUpload } from '../http/multipart.js';
import { limitBody, readValidJson } from '../http/request.js';
import { requireOpenInvitation, toPublicInvitation } from '../invitations.js';
import { MAX_PAPER_APPLICATION_BYTES, storePaperApplication } from '../paper-applications.js';
import { draftRequestSchema, MAX_DRAFT_BYTES } from '../schemas.js';
import type { ApiDependencies } from './dependencies.js';

/** Room for the `application` JSON and the multipart framing next to the document. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
/** Longest `Idempotency-Key` accepted; a UUID needs 36. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function idempotencyKeyOf(header: string | undefined): string {
  if (!header) throw validationFailed([{ path: ['Idempotency-Key'], code: 'required' }]);
  if (header.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw validationFailed([{ path: ['Idempotency-Key'], code: 'tooLong' }]);
  return header;
}

/**
 * The routes the wizard calls.
 *
 * @example
 * app.route('/api', publicApi({ database, clock: () => new Date(), maxDocumentBytes, publicBaseUrl: undefined }));
 */
export function publicApi(dependencies: ApiDependencies): Hono {
  const { database, clock, maxDocumentBytes, uploadGate } = dependencies;
  const api = new Hono();

  api.get('/invitations/:token', async (c) => {
    const token = c.req.param('token');
    return c.json(toPublicInvitation(await requireOpenInvitation(database.db, token, clock()), token));
  });

  api.put('/invitations/:token/draft', limitBody(MAX_DRAFT_BYTES, 'payload_too_large'), async (c) => {
    const invitation = await requireOpenInvitation(database.db, c.req.param('token'), clock());
    const { draft } = await readValidJson(c, draftRequestSchema);
    await saveDraft(database, invitation.id, draft, clock());
    return c.body(null, 204);
  });

  api.get('/invitations/:token/draft', async (c) => {
    const invitation = await requireOpenInvitation(database.db, c.req.param('token'), clock());
    const saved = await loadDraft(database, invitation.id);
    if (!saved) throw new ApiError(404, 'draft_not_found');
    return c.json(saved);
  });

  api.post(
    '/applications',
    async (c) => {
      const maxBodyBytes = maxDocumentBytes + MULTIPART_OVERHEAD_BYTES;
      // An oversize body is refused by its Content-Length before a byte is read; a chunked one as it grows.
      const declared = Number(c.req.header('Content-Length') ?? Number.NaN);
      if (declared > maxBodyBytes) throw new ApiError(413, 'document_too_large');
      const idempotencyKey = idempotencyKeyOf(c.req.header('Idempotency-Key'));
      const release = uploadGate.enter(Number.isFinite(declared) ? declared : undefined, maxBodyBytes);
      // The place is given back once the body is read to its end and the answer is decided.
      let waitingFor = 2;
      const done = () => {
        waitingFor -= 1;
        if (waitingFor === 0) release();
      };
      let drained = false;
      const markDrained = () => {
        if (drained) return;
        drained = true;
        done();
      };
      // A client that goes away mid-upload ends the body neither with an end nor an error.
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      incoming?.once('close', markDrained);
      try {
        const { applicationText, document } = await readApplicationUpload(c.req.raw, {
          maxApplicationBytes: MAX_APPLICATION_BYTES,
          maxDocumentBytes,
          maxBodyBytes,
          screen: (text) => screenSubmission(database, { idempotencyKey, applicationText: text, now: clock() }),
          onDrained: markDrained,
        }, incoming);
        const receipt = await submitApplication(database, { idempotencyKey, applicationText, document, maxDocumentBytes, now: clock() });
        return c.json(receipt, 201);
      } finally {
        done();
      }
    },
  );

  // Anyone the portal's origin lets through may store one (the origin check and the per-address limit are in app.ts).
  api.post('/paper-applications', limitBody(MAX_PAPER_APPLICATION_BYTES, 'payload_too_large'), async (c) => {
    const idempotencyKey = idempotencyKeyOf(c.req.header('Idempotency-Key'));
    const receipt = await storePaperApplication(database, { idempotencyKey, bodyText: await c.req.text(), now: clock() });
    return c.json(receipt, 201);
  });

  return api;
}

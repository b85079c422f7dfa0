/**
 * The backend contract the wizard speaks (SPEC.md, backend contract): invitations, draft sync and the
 * application itself. Mounted under `/api`.
 */
import { Hono } from 'hono';
import { ApiError, validationFailed } from '../api-error.js';
import { submitApplication, type UploadedDocument } from '../applications.js';
import { loadDraft, saveDraft } from '../drafts.js';
import { limitBody, readValidJson } from '../http/request.js';
import { requireOpenInvitation, toPublicInvitation } from '../invitations.js';
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
 * The applicant's file name, kept for display only: no directories, no control characters, bounded.
 * Files are never stored or served under it.
 */
function displayFileName(name: string): string {
  const baseName = name.split(/[\\/]/).pop() ?? '';
  return baseName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}

async function readApplicationForm(
  request: Request,
): Promise<{ applicationText: string | undefined; document: UploadedDocument | undefined }> {
  if (!request.headers.get('Content-Type')?.toLowerCase().startsWith('multipart/form-data')) {
    throw validationFailed([{ path: ['Content-Type'], code: 'invalid' }]);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw validationFailed([{ path: [], code: 'invalid' }]);
  }
  const applicationPart = form.get('application');
  const documentPart = form.get('document');
  return {
    // A client may send the JSON as a plain field or as a Blob of type application/json.
    applicationText:
      applicationPart === null ? undefined : typeof applicationPart === 'string' ? applicationPart : await applicationPart.text(),
    // Only a file part is a document; a text field of that name is no upload.
    document:
      documentPart === null || typeof documentPart === 'string'
        ? undefined
        : { bytes: new Uint8Array(await documentPart.arrayBuffer()), originalName: displayFileName(documentPart.name) },
  };
}

/**
 * The routes the wizard calls.
 *
 * @example
 * app.route('/api', publicApi({ database, clock: () => new Date(), maxDocumentBytes, publicBaseUrl: undefined }));
 */
export function publicApi(dependencies: ApiDependencies): Hono {
  const { database, clock, maxDocumentBytes } = dependencies;
  const api = new Hono();

  api.get('/invitations/:token', (c) => {
    const token = c.req.param('token');
    return c.json(toPublicInvitation(requireOpenInvitation(database, token, clock()), token));
  });

  api.put('/invitations/:token/draft', limitBody(MAX_DRAFT_BYTES, 'payload_too_large'), async (c) => {
    const invitation = requireOpenInvitation(database, c.req.param('token'), clock());
    const { draft } = await readValidJson(c, draftRequestSchema);
    saveDraft(database, invitation.id, draft, clock());
    return c.body(null, 204);
  });

  api.get('/invitations/:token/draft', (c) => {
    const invitation = requireOpenInvitation(database, c.req.param('token'), clock());
    const saved = loadDraft(database, invitation.id);
    if (!saved) throw new ApiError(404, 'draft_not_found');
    return c.json(saved);
  });

  api.post(
    '/applications',
    // The overall limit: an oversize document is refused before it is read into memory.
    limitBody(maxDocumentBytes + MULTIPART_OVERHEAD_BYTES, 'document_too_large'),
    async (c) => {
      const idempotencyKey = idempotencyKeyOf(c.req.header('Idempotency-Key'));
      const { applicationText, document } = await readApplicationForm(c.req.raw);
      const receipt = submitApplication(database, { idempotencyKey, applicationText, document, maxDocumentBytes, now: clock() });
      return c.json(receipt, 201);
    },
  );

  return api;
}

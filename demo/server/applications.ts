/**
 * Accepting an application (`POST {endpoint}/applications`) and reading it back for the ordering company.
 *
 * In two steps, so that nothing of a document is kept for a request that will be refused anyway:
 * `screenSubmission` runs as soon as the `application` part has arrived (the Idempotency-Key, the
 * token and the invitation's state), then `submitApplication` once the document is in. Acceptance is
 * one transaction: the application row, its document, the receipt mail, the invitation marked used,
 * the draft dropped and the idempotency key recorded all commit together or not at all.
 */
import {
  applicationSchema,
  documentProblem,
  validateSection,
  type DocumentProblem,
  type Application,
  type ApplicationRecord,
  type FieldIssue,
  type Receipt,
  type StoredApplication,
} from '../../src/domain/index.js';
import { ApiError, validationFailed } from './api-error.js';
import { dayNumber } from './day-numbers.js';
import { inTransaction, type Database, type Queries } from './database.js';
import { deleteDraft } from './drafts.js';
import { parseBoundedJson } from './http/bounded-json.js';
import { requireOpenInvitation } from './invitations.js';
import { enqueueMail, receiptMail } from './mails.js';
import { sha256Hex } from './secrets.js';

/** Largest `application` part: the fields are a few kilobytes; `extensions` may add a little. */
export const MAX_APPLICATION_BYTES = 64 * 1024;
/** Bounds of `extensions` (the values of host-added steps): serialised size, nesting, keys in all. */
export const EXTENSIONS_LIMITS = { maxBytes: 16 * 1024, maxDepth: 6, maxKeys: 200 } as const;

/** The uploaded document: its SHA-256 always, its bytes only when they were kept. */
export interface UploadedDocument {
  sha256: string;
  sizeBytes: number;
  /**
   * The bytes and the domain's verdict on them (`documentProblem`; `undefined` when acceptable), found
   * off the event loop with the hash. Absent when the request could only be a replay (its key was
   * used before): only the hash counted.
   */
  kept?: { bytes: Uint8Array; problem: DocumentProblem | undefined };
  originalName: string;
}

export interface ApplicationSubmission {
  /** The `Idempotency-Key` header, already checked for presence and length. */
  idempotencyKey: string;
  /** The `application` part as text; `undefined` when the part is missing. */
  applicationText: string | undefined;
  document: UploadedDocument | undefined;
  maxDocumentBytes: number;
  now: Date;
}

const EMPTY_SHA256 = sha256Hex(new Uint8Array());

/** Fingerprint of a request for idempotency: the application text and the document bytes. */
function requestFingerprint(applicationText: string | undefined, documentSha256: string | undefined): string {
  return sha256Hex(sha256Hex(applicationText ?? ''), documentSha256 ?? EMPTY_SHA256);
}

async function storedKey(queries: Queries, idempotencyKey: string) {
  return queries
    .selectFrom('idempotency_keys')
    .select(['request_sha256', 'receipt_number', 'accepted_at'])
    .where('key', '=', idempotencyKey)
    .executeTakeFirst();
}

/**
 * The receipt stored under an idempotency key when the request is the same one again; a different
 * request under a used key is `409 idempotency_conflict`.
 */
async function replayedReceipt(queries: Queries, idempotencyKey: string, fingerprint: string): Promise<Receipt | undefined> {
  const row = await storedKey(queries, idempotencyKey);
  if (!row) return undefined;
  if (row.request_sha256 !== fingerprint) throw new ApiError(409, 'idempotency_conflict');
  return { receiptNumber: row.receipt_number, acceptedAt: row.accepted_at };
}

function parseApplicationJson(text: string | undefined): unknown {
  if (text === undefined) throw validationFailed([{ path: ['application'], code: 'required' }]);
  return parseBoundedJson(text, ['application']);
}

function tokenOf(parsed: unknown): string | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const token = (parsed as { token?: unknown }).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Depth and key count of a JSON value. */
function shapeOf(value: unknown, depth = 1): { depth: number; keys: number } {
  if (typeof value !== 'object' || value === null) return { depth: depth - 1, keys: 0 };
  let deepest = depth;
  let keys = Array.isArray(value) ? 0 : Object.keys(value).length;
  for (const child of Object.values(value)) {
    const shape = shapeOf(child, depth + 1);
    deepest = Math.max(deepest, shape.depth);
    keys += shape.keys;
  }
  return { depth: deepest, keys };
}

/** `extensions` within `EXTENSIONS_LIMITS`, or its issue. */
function extensionsIssue(parsed: unknown): FieldIssue | undefined {
  const extensions = (parsed as { extensions?: unknown } | null)?.extensions;
  if (extensions === undefined) return undefined;
  const { depth, keys } = shapeOf(extensions);
  const bytes = Buffer.byteLength(JSON.stringify(extensions));
  if (bytes > EXTENSIONS_LIMITS.maxBytes || depth > EXTENSIONS_LIMITS.maxDepth || keys > EXTENSIONS_LIMITS.maxKeys) {
    return { path: ['extensions'], code: 'tooLarge' };
  }
  return undefined;
}

/**
 * Decides, from the `application` part alone, whether the document that follows is worth keeping:
 * `'keep'` for a new application to an open invitation, `'hash-only'` when the key was used before
 * (only the document's hash matters then, to tell a replay from a conflict). Throws the contract's
 * refusal for a dead invitation or an application that can never pass, before any document byte is kept.
 *
 * @example
 * const decision = await screenSubmission(database, { idempotencyKey, applicationText, now: new Date() });
 */
export async function screenSubmission(
  database: Database,
  input: { idempotencyKey: string; applicationText: string | undefined; now: Date },
): Promise<'keep' | 'hash-only'> {
  if (await storedKey(database.db, input.idempotencyKey)) return 'hash-only';
  const parsed = parseApplicationJson(input.applicationText);
  const token = tokenOf(parsed);
  // A dead invitation is the one thing the applicant must hear first: no field fix will help.
  if (!token) {
    const result = validateSection(applicationSchema, parsed);
    throw validationFailed(result.ok ? [{ path: ['token'], code: 'required' }] : result.issues);
  }
  try {
    await requireOpenInvitation(database.db, token, input.now);
  } catch (error) {
    // The same request may have been accepted (by another server) since the key was looked up.
    if (await storedKey(database.db, input.idempotencyKey)) return 'hash-only';
    throw error;
  }
  const extensions = extensionsIssue(parsed);
  if (extensions) throw validationFailed([extensions]);
  return 'keep';
}

/**
 * Validates the application with the domain schema and the document with the domain's content check.
 * Field problems (the schema's, a missing or empty document) come back together as `400`; a document
 * that is there but refused gets its own status, as the contract says.
 */
async function validatedSubmission(
  parsed: unknown,
  document: UploadedDocument | undefined,
  maxDocumentBytes: number,
): Promise<{ application: Application; document: UploadedDocument & { bytes: Uint8Array } }> {
  const result = validateSection(applicationSchema, parsed);
  const bytes = document?.kept?.bytes;
  const problem = document?.kept ? document.kept.problem : await documentProblem(document && new Uint8Array(), maxDocumentBytes);
  const issues: FieldIssue[] = result.ok ? [] : [...result.issues];
  const extensions = extensionsIssue(parsed);
  if (extensions) issues.push(extensions);
  if (problem === 'documentRequired' || problem === 'documentEmpty') issues.push({ path: ['document'], code: problem });
  if (!result.ok || !document || !bytes || issues.length > 0) throw validationFailed(issues);
  if (problem === 'documentTooLarge') throw new ApiError(413, 'document_too_large');
  if (problem === 'documentNotPdf') throw new ApiError(415, 'document_not_pdf');
  if (problem === 'documentIncomplete') throw new ApiError(415, 'document_incomplete');
  if (problem === 'documentEncrypted') throw new ApiError(415, 'document_encrypted');
  return { application: result.value, document: { ...document, bytes } };
}

/**
 * The next receipt number of this ordering company's Asia/Tokyo day: `YYMMDD` + a 4-digit sequence
 * (`2401260002`, application guide STEP 6), counted per ordering company so that one company's busy
 * day never stops another's. The sequence row is bumped inside the caller's transaction (a row lock on
 * PostgreSQL), so two submissions can never draw the same number.
 */
async function nextReceiptNumber(queries: Queries, orderingCompanyId: number, now: Date): Promise<string> {
  // The 10,000th application of one company's day waits for the next Tokyo day, and says how long.
  return dayNumber(now, '', async (day) => {
    const row = await queries
      .insertInto('receipt_sequences')
      .values({ ordering_company_id: orderingCompanyId, day, last_value: 1 })
      .onConflict((conflict) =>
        conflict.columns(['ordering_company_id', 'day']).doUpdateSet((eb) => ({ last_value: eb('receipt_sequences.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(row.last_value);
  });
}

/**
 * Accepts an application, or replays the receipt of the same request sent before under the same
 * `Idempotency-Key`. Throws `ApiError` for every refusal of the contract.
 *
 * @example
 * const receipt = await submitApplication(database, { idempotencyKey, applicationText, document, maxDocumentBytes, now: new Date() });
 * receipt.receiptNumber // '2401260001'
 */
export async function submitApplication(database: Database, submission: ApplicationSubmission): Promise<Receipt> {
  const fingerprint = requestFingerprint(submission.applicationText, submission.document?.sha256);
  const replay = await replayedReceipt(database.db, submission.idempotencyKey, fingerprint);
  if (replay) return replay;

  const parsed = parseApplicationJson(submission.applicationText);
  const token = tokenOf(parsed);
  if (token) {
    try {
      await requireOpenInvitation(database.db, token, submission.now);
    } catch (error) {
      // Accepted meanwhile under this very key (another request, another server): the same answer.
      const replayed = await replayedReceipt(database.db, submission.idempotencyKey, fingerprint);
      if (replayed) return replayed;
      throw error;
    }
  }
  const { application, document } = await validatedSubmission(parsed, submission.document, submission.maxDocumentBytes);

  return inTransaction(
    database,
    async (trx): Promise<Receipt> => {
      // Checked again under the locks: another request (or server) may have got here meanwhile.
      const concurrentReplay = await replayedReceipt(trx, submission.idempotencyKey, fingerprint);
      if (concurrentReplay) return concurrentReplay;
      const invitation = await requireOpenInvitation(trx, application.token, submission.now);
      const receiptNumber = await nextReceiptNumber(trx, invitation.orderingCompanyId, submission.now);
      const acceptedAt = submission.now.toISOString();
      const { token: _spentToken, ...stored } = application;

      await trx
        .insertInto('applications')
        .values({
          invitation_id: invitation.id,
          ordering_company_id: invitation.orderingCompanyId,
          receipt_number: receiptNumber,
          accepted_at: acceptedAt,
          company_name: application.company.name,
          application_json: JSON.stringify(stored),
          exported_at: null,
        })
        .execute();
      await trx
        .insertInto('documents')
        .values({
          invitation_id: invitation.id,
          content: document.bytes,
          size_bytes: document.bytes.length,
          sha256: document.sha256,
          original_name: document.originalName,
        })
        .execute();
      await enqueueMail(trx, {
        orderingCompanyId: invitation.orderingCompanyId,
        mail: receiptMail({ application, receiptNumber, acceptedAt: submission.now }),
        now: submission.now,
        mailKey: database.mailKey,
      });
      await trx.updateTable('invitations').set({ used_at: acceptedAt }).where('id', '=', invitation.id).execute();
      await deleteDraft(trx, invitation.id);
      await trx
        .insertInto('idempotency_keys')
        .values({ key: submission.idempotencyKey, request_sha256: fingerprint, receipt_number: receiptNumber, accepted_at: acceptedAt, created_at: acceptedAt })
        .execute();
      return { receiptNumber, acceptedAt };
    },
    [`idempotency:${submission.idempotencyKey}`, `token:${sha256Hex(application.token)}`],
  );
}

/** An application of one ordering company by its receipt number, joined to its document. */
function selectOwnApplication(database: Database, orderingCompanyId: number, receiptNumber: string) {
  return database.db
    .selectFrom('applications')
    .innerJoin('documents', 'documents.invitation_id', 'applications.invitation_id')
    .where('applications.ordering_company_id', '=', orderingCompanyId)
    .where('applications.receipt_number', '=', receiptNumber);
}

/**
 * The stored application with its document's metadata, if it answers one of this company's invitations.
 *
 * @example
 * (await findApplicationRecord(database, company.id, '2401260001'))?.application.company.name
 */
export async function findApplicationRecord(
  database: Database,
  orderingCompanyId: number,
  receiptNumber: string,
): Promise<ApplicationRecord | undefined> {
  const row = await selectOwnApplication(database, orderingCompanyId, receiptNumber)
    .select([
      'applications.receipt_number',
      'applications.accepted_at',
      'applications.invitation_id',
      'applications.application_json',
      'applications.exported_at',
      'documents.size_bytes',
      'documents.sha256',
      'documents.original_name',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    receiptNumber: row.receipt_number,
    acceptedAt: row.accepted_at,
    invitationId: row.invitation_id,
    ...(row.exported_at ? { exportedAt: row.exported_at } : {}),
    application: JSON.parse(row.application_json) as StoredApplication,
    document: {
      fileName: `${row.receipt_number}.pdf`,
      ...(row.original_name ? { originalName: row.original_name } : {}),
      contentType: 'application/pdf',
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
    },
  };
}

/**
 * The document's bytes exactly as uploaded, if the application answers one of this company's invitations.
 *
 * @example
 * await readApplicationDocument(database, company.id, '2401260001') // Uint8Array [0x25, 0x50, 0x44, 0x46, …]
 */
export async function readApplicationDocument(
  database: Database,
  orderingCompanyId: number,
  receiptNumber: string,
): Promise<Uint8Array | undefined> {
  const row = await selectOwnApplication(database, orderingCompanyId, receiptNumber).select('documents.content').executeTakeFirst();
  return row?.content;
}

/**
 * Marks an application exported by its ordering company: the retention purge deletes it (and its
 * document) on its next run. Idempotent; `undefined` when the company has no such application.
 *
 * @example
 * await markApplicationExported(database, company.id, '2401260001', new Date())
 */
export async function markApplicationExported(
  database: Database,
  orderingCompanyId: number,
  receiptNumber: string,
  now: Date,
): Promise<{ receiptNumber: string; exportedAt: string } | undefined> {
  await database.db
    .updateTable('applications')
    .set({ exported_at: now.toISOString() })
    .where('ordering_company_id', '=', orderingCompanyId)
    .where('receipt_number', '=', receiptNumber)
    .where('exported_at', 'is', null)
    .execute();
  const row = await database.db
    .selectFrom('applications')
    .select(['receipt_number', 'exported_at'])
    .where('ordering_company_id', '=', orderingCompanyId)
    .where('receipt_number', '=', receiptNumber)
    .executeTakeFirst();
  return row?.exported_at ? { receiptNumber: row.receipt_number, exportedAt: row.exported_at } : undefined;
}

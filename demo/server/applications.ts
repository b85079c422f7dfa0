/**
 * Accepting an application (`POST {endpoint}/applications`) and reading it back for the ordering company.
 *
 * Acceptance is one transaction: the application row, its document, the receipt mail, the invitation
 * marked used, the draft dropped and the idempotency key recorded all commit together or not at all.
 */
import {
  applicationSchema,
  documentProblem,
  validateSection,
  type Application,
  type ApplicationRecord,
  type FieldIssue,
  type Receipt,
  type StoredApplication,
} from '../../src/domain/index.js';
import { ApiError, validationFailed } from './api-error.js';
import type { Database } from './database.js';
import { deleteDraft } from './drafts.js';
import { requireOpenInvitation } from './invitations.js';
import { enqueueMail, receiptMail } from './mails.js';
import { sha256Hex } from './secrets.js';
import { tokyoDayStamp } from './tokyo-time.js';

/** The uploaded document as it arrived: its bytes, and the applicant's file name for display only. */
export interface UploadedDocument {
  bytes: Uint8Array;
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

/** Fingerprint of a request for idempotency: the application text and the document bytes. */
function requestFingerprint(submission: ApplicationSubmission): string {
  return sha256Hex(sha256Hex(submission.applicationText ?? ''), sha256Hex(submission.document?.bytes ?? new Uint8Array()));
}

/**
 * The receipt stored under an idempotency key when the request is the same one again; a different
 * request under a used key is `409 idempotency_conflict`.
 */
function replayedReceipt(database: Database, idempotencyKey: string, fingerprint: string): Receipt | undefined {
  const row = database
    .prepare(
      `SELECT idempotency_keys.request_sha256, applications.receipt_number, applications.accepted_at
       FROM idempotency_keys JOIN applications ON applications.receipt_number = idempotency_keys.receipt_number
       WHERE idempotency_keys.key = ?`,
    )
    .get(idempotencyKey) as { request_sha256: string; receipt_number: string; accepted_at: string } | undefined;
  if (!row) return undefined;
  if (row.request_sha256 !== fingerprint) throw new ApiError(409, 'idempotency_conflict');
  return { receiptNumber: row.receipt_number, acceptedAt: row.accepted_at };
}

function parseApplicationJson(text: string | undefined): unknown {
  if (text === undefined) throw validationFailed([{ path: ['application'], code: 'required' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationFailed([{ path: ['application'], code: 'invalid' }]);
  }
}

function tokenOf(parsed: unknown): string | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const token = (parsed as { token?: unknown }).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * Validates the application with the domain schema and the document with the domain's content check.
 * Field problems (the schema's, a missing or empty document) come back together as `400`; a document
 * that is there but refused gets its own status, as the contract says.
 */
function validatedSubmission(
  parsed: unknown,
  document: UploadedDocument | undefined,
  maxDocumentBytes: number,
): { application: Application; document: UploadedDocument } {
  const result = validateSection(applicationSchema, parsed);
  const problem = documentProblem(document?.bytes, maxDocumentBytes);
  const issues: FieldIssue[] = result.ok ? [] : [...result.issues];
  if (problem === 'documentRequired' || problem === 'documentEmpty') issues.push({ path: ['document'], code: problem });
  if (!result.ok || !document || issues.length > 0) throw validationFailed(issues);
  if (problem === 'documentTooLarge') throw new ApiError(413, 'document_too_large');
  if (problem === 'documentNotPdf') throw new ApiError(415, 'document_not_pdf');
  if (problem === 'documentEncrypted') throw new ApiError(415, 'document_encrypted');
  return { application: result.value, document };
}

/**
 * The next receipt number of the Asia/Tokyo day: `YYMMDD` + a 4-digit daily sequence (`2401260002`,
 * application guide STEP 6). The sequence row is bumped inside the caller's write transaction, so two
 * submissions can never draw the same number.
 */
function nextReceiptNumber(database: Database, now: Date): string {
  const day = tokyoDayStamp(now);
  const sequence = database
    .prepare(
      `INSERT INTO receipt_sequences (day, last_value) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
    )
    .pluck()
    .get(day) as number;
  // Four digits is what the receipt number has room for; the 10,000th application of a day waits for
  // the next Tokyo day, and says how long (+09:00 all year: Japan has no daylight saving time).
  if (sequence > 9999) {
    const secondsIntoTokyoDay = Math.floor((now.getTime() / 1000 + 9 * 3600) % 86_400);
    throw new ApiError(503, 'service_unavailable', undefined, { 'Retry-After': String(86_400 - secondsIntoTokyoDay) });
  }
  return `${day}${String(sequence).padStart(4, '0')}`;
}

/**
 * Accepts an application, or replays the receipt of the same request sent before under the same
 * `Idempotency-Key`. Throws `ApiError` for every refusal of the contract.
 *
 * @example
 * const receipt = submitApplication(database, { idempotencyKey, applicationText, document, maxDocumentBytes, now: new Date() });
 * receipt.receiptNumber // '2401260001'
 */
export function submitApplication(database: Database, submission: ApplicationSubmission): Receipt {
  const fingerprint = requestFingerprint(submission);
  const replay = replayedReceipt(database, submission.idempotencyKey, fingerprint);
  if (replay) return replay;

  const parsed = parseApplicationJson(submission.applicationText);
  // A dead invitation is the one thing the applicant must hear first: no field fix will help.
  const token = tokenOf(parsed);
  if (token) requireOpenInvitation(database, token, submission.now);
  const { application, document } = validatedSubmission(parsed, submission.document, submission.maxDocumentBytes);

  return database.transaction((): Receipt => {
    // Checked again under the write lock: another request may have got here between the awaits.
    const concurrentReplay = replayedReceipt(database, submission.idempotencyKey, fingerprint);
    if (concurrentReplay) return concurrentReplay;
    const invitation = requireOpenInvitation(database, application.token, submission.now);
    const receiptNumber = nextReceiptNumber(database, submission.now);
    const acceptedAt = submission.now.toISOString();
    const { token: _spentToken, ...stored } = application;

    database
      .prepare(
        `INSERT INTO applications (receipt_number, invitation_id, accepted_at, company_name, application_json)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(receiptNumber, invitation.id, acceptedAt, application.company.name, JSON.stringify(stored));
    database
      .prepare('INSERT INTO documents (receipt_number, content, size_bytes, sha256, original_name) VALUES (?, ?, ?, ?, ?)')
      .run(receiptNumber, document.bytes, document.bytes.length, sha256Hex(document.bytes), document.originalName);
    enqueueMail(database, {
      orderingCompanyId: invitation.orderingCompanyId,
      mail: receiptMail({ application, receiptNumber, acceptedAt: submission.now }),
      now: submission.now,
    });
    database.prepare('UPDATE invitations SET used_at = ? WHERE id = ?').run(acceptedAt, invitation.id);
    deleteDraft(database, invitation.id);
    database
      .prepare('INSERT INTO idempotency_keys (key, request_sha256, receipt_number, created_at) VALUES (?, ?, ?, ?)')
      .run(submission.idempotencyKey, fingerprint, receiptNumber, acceptedAt);
    return { receiptNumber, acceptedAt };
  }).immediate();
}

/** Rows of an application joined to its document, limited to one ordering company's invitations. */
const SELECT_OWN_APPLICATION = `
  FROM applications
  JOIN invitations ON invitations.id = applications.invitation_id
  JOIN documents ON documents.receipt_number = applications.receipt_number
  WHERE applications.receipt_number = ? AND invitations.ordering_company_id = ?`;

/**
 * The stored application with its document's metadata, if it answers one of this company's invitations.
 *
 * @example
 * findApplicationRecord(database, company.id, '2401260001')?.application.company.name
 */
export function findApplicationRecord(
  database: Database,
  orderingCompanyId: number,
  receiptNumber: string,
): ApplicationRecord | undefined {
  const row = database
    .prepare(
      `SELECT applications.receipt_number, applications.accepted_at, applications.invitation_id,
         applications.application_json, documents.size_bytes, documents.sha256, documents.original_name
       ${SELECT_OWN_APPLICATION}`,
    )
    .get(receiptNumber, orderingCompanyId) as
    | {
        receipt_number: string;
        accepted_at: string;
        invitation_id: string;
        application_json: string;
        size_bytes: number;
        sha256: string;
        original_name: string | null;
      }
    | undefined;
  if (!row) return undefined;
  return {
    receiptNumber: row.receipt_number,
    acceptedAt: row.accepted_at,
    invitationId: row.invitation_id,
    application: JSON.parse(row.application_json) as StoredApplication,
    document: {
      fileName: `${row.receipt_number}.pdf`,
      ...(row.original_name ? { originalName: row.original_name } : {}),
      contentType: 'application/pdf',
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
    },
  };
}

/**
 * The document's bytes exactly as uploaded, if the application answers one of this company's invitations.
 *
 * @example
 * readApplicationDocument(database, company.id, '2401260001') // Uint8Array [0x25, 0x50, 0x44, 0x46, …]
 */
export function readApplicationDocument(
  database: Database,
  orderingCompanyId: number,
  receiptNumber: string,
): Uint8Array | undefined {
  return database.prepare(`SELECT documents.content ${SELECT_OWN_APPLICATION}`).pluck().get(receiptNumber, orderingCompanyId) as
    | Uint8Array
    | undefined;
}

/**
 * The OpenAPI 3.1 document of this server, generated from the same zod/mini schemas the server
 * validates with, so the description cannot drift from the behaviour. Served at `/api/openapi.json`
 * and written to `openapi.json` by `scripts/openapi.ts`.
 */
import * as z from 'zod/mini';
import {
  applicationRecordSchema,
  applicationSchema,
  createInvitationRequestSchema,
  exportedApplicationSchema,
  INVITATION_STATES,
  invitationListSchema,
  invitationSchema,
  issuedInvitationSchema,
  outboxMailSchema,
  outboxSchema,
  receiptSchema,
} from '../../src/domain/index.js';
import { paperApplicationSchema, paperReceiptSchema } from '../../src/domain/paper-application.js';
import { EXTENSIONS_LIMITS, MAX_APPLICATION_BYTES } from './applications.js';
import { MAX_JSON_DEPTH } from './http/bounded-json.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';
import { MAX_PAPER_APPLICATION_BYTES, PAPER_APPLICATIONS_PER_WINDOW } from './paper-applications.js';
import { ApiError, type ErrorStatus } from './api-error.js';
import { expiringCertificatesSchema, MAX_RENEWAL_ROWS, renewalReceiptSchema, renewalRequestSchema } from '../../src/domain/renewal.js';
import { MAX_RENEWAL_REQUEST_BYTES, storedRenewalRequestSchema } from './renewals.js';
import { issueRowSchema, raContactRegistrationSchema } from './routes/renewal-operator-api.js';
import { apiErrorBodySchema, draftRequestSchema, MAX_DRAFT_BYTES, savedDraftSchema } from './schemas.js';
import { partnerAdminOpenApi } from '../../src/api/partner-admin.openapi.js';
import { operatorOpenApi } from './operator.openapi.js';

type JsonObject = Record<string, unknown>;

/** A component schema: requests as clients may send them (`input`), responses as we send them (`output`). */
export function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as JsonObject;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schemaName: string) => ({ 'application/json': { schema: ref(schemaName) } });

/** An error response listing the codes it may carry, each with its example body. */
export function errorResponse(status: ErrorStatus, codes: readonly string[], description: string) {
  return {
    description: `${description} (${codes.map((code) => `\`${code}\``).join(', ')})`,
    content: {
      'application/json': {
        schema: ref('ErrorBody'),
        examples: Object.fromEntries(codes.map((code) => [code, { value: new ApiError(status, code).toBody() }])),
      },
    },
  };
}

/** Answers any API route can give. */
const COMMON_ERRORS = {
  403: errorResponse(403, ['forbidden_origin', 'forbidden_host'], 'The Origin is neither this server nor an allowed portal, or the Host is not this server'),
  500: errorResponse(500, ['internal_error'], 'Unexpected failure; no details are disclosed'),
};
const TOO_MANY = errorResponse(429, ['too_many_requests'], 'Too many failed attempts from this address; wait for `Retry-After` seconds');
export const BAD_PAGE = errorResponse(400, ['validation_failed'], 'A `limit` out of range, a `cursor` not from this server, or an unknown `state`');

/** `?limit=` and `?cursor=` of every admin list (keyset pagination, newest first). */
export const pageParameters = [
  {
    name: 'limit',
    in: 'query',
    description: `Rows per page, ${DEFAULT_PAGE_SIZE} by default.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  },
  {
    name: 'cursor',
    in: 'query',
    description: "`nextCursor` of the page before. Rows that arrive meanwhile are newer, so none is shown twice or skipped.",
    schema: { type: 'string' },
  },
];
const INVITATION_ERRORS = {
  404: errorResponse(404, ['invitation_not_found'], 'No invitation has this token'),
  409: errorResponse(409, ['invitation_used'], 'The invitation has been answered'),
  410: errorResponse(410, ['invitation_expired'], 'The invitation is past the end of its 35th day (Japan time)'),
};
const VALIDATION_ERROR = errorResponse(400, ['validation_failed'], 'Invalid request; `issues` names each field and rule');
const UNAUTHORIZED = errorResponse(401, ['unauthorized'], 'Missing or unknown API key');
const JSON_TOO_LARGE = errorResponse(413, ['payload_too_large'], 'The body is over the limit');

const tokenParameter = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The invitation token from the link (`?token=`).',
  schema: { type: 'string' },
};
const receiptNumberParameter = {
  name: 'receiptNumber',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d{10}$' },
};
const adminSecurity = [{ apiKey: [] }];
const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'Chosen by the client per application (a UUID); reused on retries.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

const raContactSecurity = [{ raContactKey: [] }];
const operatorSecurity = [{ operatorKey: [] }];
const RA_CONTACT_ERRORS = {
  401: UNAUTHORIZED,
  403: errorResponse(403, ['not_ra_contact', 'forbidden_origin', 'forbidden_host'], 'The key is not the registered RA contact\'s, or the Origin/Host is refused'),
  429: TOO_MANY,
};
const RENEWAL_NOT_FOUND = errorResponse(404, ['renewal_request_not_found'], "No such request among this organisation's");
const requestNumberParameter = { name: 'requestNumber', in: 'path', required: true, schema: { type: 'string', pattern: '^R\\d{10}$' } };

/**
 * Builds the OpenAPI document. Pure: the same schemas give the same document.
 *
 * @example
 * JSON.stringify(buildOpenApiDocument(), null, 2)
 */
export function buildOpenApiDocument(): JsonObject {
  const partner = partnerAdminOpenApi();
  const operator = operatorOpenApi();
  return {
    openapi: '3.1.0',
    info: {
      title: 'CECTRUST-Light online application — reference backend',
      version: '1.0.0',
      description:
        'The backend contract of the application wizard (SPEC.md), the admin API of ordering companies, ' +
        "the partner company's routes after the application (`/partner`) and the operator's (`/operator`). " +
        'Every error has the body `{ error: { code, message, issues? } }`.',
    },
    servers: [{ url: '/api' }],
    paths: {
      '/invitations/{token}': {
        get: {
          summary: 'The invitation a link opens',
          parameters: [tokenParameter],
          responses: {
            200: { description: 'An open invitation', content: json('Invitation') },
            ...INVITATION_ERRORS,
            429: TOO_MANY,
            ...COMMON_ERRORS,
          },
        },
      },
      '/invitations/{token}/draft': {
        put: {
          summary: 'Save the draft of an open invitation',
          parameters: [tokenParameter],
          requestBody: { required: true, description: `At most ${MAX_DRAFT_BYTES} bytes.`, content: json('DraftRequest') },
          responses: {
            204: { description: 'Saved' },
            400: VALIDATION_ERROR,
            ...INVITATION_ERRORS,
            413: JSON_TOO_LARGE,
            ...COMMON_ERRORS,
          },
        },
        get: {
          summary: 'The saved draft of an open invitation',
          parameters: [tokenParameter],
          responses: {
            200: { description: 'The draft', content: json('SavedDraft') },
            ...INVITATION_ERRORS,
            404: errorResponse(404, ['invitation_not_found', 'draft_not_found'], 'No such invitation, or nothing saved'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/applications': {
        post: {
          summary: 'Send an application',
          description:
            'One transaction stores the application and its document, queues the receipt mail and marks the ' +
            'invitation used. The same `Idempotency-Key` with the same body returns the same receipt and stores nothing new. ' +
            'The `application` part must come before `document`: the key, the token and the invitation are checked from it ' +
            'and a refused request is answered before its document is read. ' +
            `The application part is at most ${MAX_APPLICATION_BYTES} bytes and ${MAX_JSON_DEPTH} levels deep; \`extensions\` at most ` +
            `${EXTENSIONS_LIMITS.maxBytes} bytes, ${EXTENSIONS_LIMITS.maxDepth} levels and ${EXTENSIONS_LIMITS.maxKeys} keys. ` +
            'Receipt numbers are YYMMDD (Japan) + a 4-digit sequence per ordering company and day.',
          parameters: [idempotencyKeyParameter],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['application', 'document'],
                  properties: {
                    application: ref('Application'),
                    document: {
                      type: 'string',
                      contentMediaType: 'application/pdf',
                      description: 'The PDF, checked by content (`%PDF-`, not empty, not encrypted, within the size limit).',
                    },
                  },
                },
                encoding: { application: { contentType: 'application/json' }, document: { contentType: 'application/pdf' } },
              },
            },
          },
          responses: {
            201: { description: 'Accepted (or the same request replayed)', content: json('Receipt') },
            400: VALIDATION_ERROR,
            404: INVITATION_ERRORS[404],
            409: errorResponse(409, ['invitation_used', 'idempotency_conflict'], 'Answered already, or the key was used for another request'),
            410: INVITATION_ERRORS[410],
            413: errorResponse(413, ['document_too_large'], 'The document or the whole body is over the limit'),
            415: errorResponse(
              415,
              ['document_not_pdf', 'document_encrypted', 'document_incomplete'],
              'The document is not a PDF, needs a password to open, or is cut short',
            ),
            429: TOO_MANY,
            ...COMMON_ERRORS,
            503: errorResponse(
              503,
              ['service_unavailable'],
              "At the upload limits, or the ordering company's receipt numbers of the day are used up; retry after `Retry-After` with the same key",
            ),
          },
        },
      },
      '/paper-applications': {
        post: {
          summary: 'Store a paper application (申請書作成支援ツール, issue 14) and get the reference number printed on its pages',
          description:
            'Validated with `validatePaperApplication` (the element\'s own function; "today" is the Japan day of the server\'s clock, ' +
            'the reference date of the 3-month rule of the ★ certificates). Needs no invitation: any caller the Origin check lets ' +
            `through, at most ${PAPER_APPLICATIONS_PER_WINDOW} stored per address and rate-limit window. ` +
            'The same `Idempotency-Key` with the same body returns the same answer and stores nothing new. ' +
            `The body is at most ${MAX_PAPER_APPLICATION_BYTES} bytes and ${MAX_JSON_DEPTH} levels deep. ` +
            'Reference numbers are `P` + YYMMDD (Japan) + a 4-digit sequence of that day.',
          parameters: [idempotencyKeyParameter],
          requestBody: { required: true, content: json('PaperApplication') },
          responses: {
            201: { description: 'Stored (or the same request replayed)', content: json('PaperReceipt') },
            400: VALIDATION_ERROR,
            409: errorResponse(409, ['idempotency_conflict'], 'The key was used for another body'),
            413: JSON_TOO_LARGE,
            429: errorResponse(429, ['too_many_requests'], 'Too many paper applications from this address; wait for `Retry-After` seconds'),
            ...COMMON_ERRORS,
            503: errorResponse(503, ['service_unavailable'], "The day's reference numbers are used up; retry after `Retry-After` with the same key"),
          },
        },
      },
      '/admin/invitations': {
        post: {
          summary: 'Invite a partner (mails 利用申請サイトのお知らせ)',
          security: adminSecurity,
          requestBody: { required: true, content: json('CreateInvitationRequest') },
          responses: {
            201: { description: 'Issued; the only time the token is shown', content: json('IssuedInvitation') },
            400: VALIDATION_ERROR,
            401: UNAUTHORIZED,
            413: JSON_TOO_LARGE,
            ...COMMON_ERRORS,
          },
        },
        get: {
          summary: "One page of the company's invitations, newest first, with state and application",
          security: adminSecurity,
          parameters: [
            ...pageParameters,
            { name: 'q', in: 'query', description: "Part of the partner's company name, contact name or e-mail (case-insensitive).", schema: { type: 'string', maxLength: 200 } },
            { name: 'state', in: 'query', schema: { type: 'string', enum: [...INVITATION_STATES] } },
          ],
          responses: { 200: { description: 'The page', content: json('InvitationList') }, 400: BAD_PAGE, 401: UNAUTHORIZED, 429: TOO_MANY, ...COMMON_ERRORS },
        },
      },
      '/admin/invitations/{id}/resend': {
        post: {
          summary: 'New token, valid until the end of its 35th day in Japan time; the old link stops working',
          security: adminSecurity,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'Reissued', content: json('IssuedInvitation') },
            401: UNAUTHORIZED,
            404: INVITATION_ERRORS[404],
            409: INVITATION_ERRORS[409],
            ...COMMON_ERRORS,
          },
        },
      },
      '/admin/applications/{receiptNumber}': {
        get: {
          summary: 'A stored application with its document metadata',
          security: adminSecurity,
          parameters: [receiptNumberParameter],
          responses: {
            200: { description: 'The application', content: json('ApplicationRecord') },
            401: UNAUTHORIZED,
            404: errorResponse(404, ['application_not_found'], "No such application among this company's"),
            ...COMMON_ERRORS,
          },
        },
      },
      '/admin/applications/{receiptNumber}/document': {
        get: {
          summary: 'The uploaded PDF, byte for byte, as an attachment named <receiptNumber>.pdf',
          security: adminSecurity,
          parameters: [receiptNumberParameter],
          responses: {
            200: { description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } } },
            401: UNAUTHORIZED,
            404: errorResponse(404, ['application_not_found'], "No such application among this company's"),
            ...COMMON_ERRORS,
          },
        },
      },
      '/admin/applications/{receiptNumber}/exported': {
        post: {
          summary: 'Mark the application exported: the retention purge deletes it and its document at its next run',
          security: adminSecurity,
          parameters: [receiptNumberParameter],
          responses: {
            200: { description: 'Marked (idempotent)', content: json('ExportedApplication') },
            401: UNAUTHORIZED,
            404: errorResponse(404, ['application_not_found'], "No such application among this company's"),
            ...COMMON_ERRORS,
          },
        },
      },
      '/admin/outbox': {
        get: {
          summary: 'One page of the mails queued for this company, newest first, without their text',
          security: adminSecurity,
          parameters: pageParameters,
          responses: { 200: { description: 'The page', content: json('Outbox') }, 400: BAD_PAGE, 401: UNAUTHORIZED, 429: TOO_MANY, ...COMMON_ERRORS },
        },
      },
      '/admin/outbox/{id}': {
        get: {
          summary: 'One mail with its text (the invitation link is in it until the mail is delivered)',
          security: adminSecurity,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            200: { description: 'The mail', content: json('OutboxMail') },
            401: UNAUTHORIZED,
            404: errorResponse(404, ['not_found'], "No such mail among this company's"),
            ...COMMON_ERRORS,
          },
        },
      },
      '/expiring-certificates': {
        get: {
          summary: "The RA contact's certificates that expire within `withinDays` days of today (Japan), soonest first, those already requested left out",
          security: raContactSecurity,
          parameters: [{ name: 'withinDays', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 366, default: 60 } }],
          responses: { 200: { description: 'The list', content: json('ExpiringCertificates') }, 400: VALIDATION_ERROR, ...COMMON_ERRORS, ...RA_CONTACT_ERRORS },
        },
      },
      '/renewal-requests': {
        post: {
          summary: 'Request the renewal of client certificates (クライアント証明書発行依頼書), one row per certificate',
          description:
            'Only the registered RA contact (its key). Validated with `validateRenewalRequest`, the form\'s own function, at the Japan day ' +
            'of the server\'s clock: the latest 有効期間開始日 is that day + 179, a past one needs `pastStartConfirmed`. ' +
            `At most ${MAX_RENEWAL_ROWS} rows and ${MAX_RENEWAL_REQUEST_BYTES} bytes. With an \`Idempotency-Key\` the same body gets the ` +
            'first answer again and stores nothing new. Request numbers are `R` + YYMMDD (Japan) + a 4-digit sequence of that day.',
          security: raContactSecurity,
          parameters: [{ ...idempotencyKeyParameter, required: false, description: 'Optional; reuse it on retries of the same request.' }],
          requestBody: { required: true, content: json('RenewalRequest') },
          responses: {
            201: { description: 'Accepted (or the same request replayed)', content: json('RenewalReceipt') },
            400: VALIDATION_ERROR,
            409: errorResponse(409, ['idempotency_conflict'], 'The key was used for another body'),
            413: JSON_TOO_LARGE,
            ...COMMON_ERRORS,
            ...RA_CONTACT_ERRORS,
          },
        },
      },
      '/renewal-requests/{requestNumber}': {
        get: {
          summary: 'A request of this organisation with each row\'s state, and 証明書ID and serial once issued',
          security: raContactSecurity,
          parameters: [requestNumberParameter],
          responses: { 200: { description: 'The request', content: json('StoredRenewalRequest') }, 404: RENEWAL_NOT_FOUND, ...COMMON_ERRORS, ...RA_CONTACT_ERRORS },
        },
      },
      '/renewal-requests/{requestNumber}/export.xlsx': {
        get: {
          summary: 'The request as the クライアント証明書発行依頼書 spreadsheet (XLSX)',
          security: raContactSecurity,
          parameters: [requestNumberParameter],
          responses: {
            200: { description: 'The workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } },
            404: RENEWAL_NOT_FOUND,
            ...COMMON_ERRORS,
            ...RA_CONTACT_ERRORS,
          },
        },
      },
      '/renewal-requests/{requestNumber}/export.csv': {
        get: {
          summary: 'The request\'s rows as CSV: UTF-8 with a BOM, every field quoted, = + - @ at the start of a field prefixed with \'',
          security: raContactSecurity,
          parameters: [requestNumberParameter],
          responses: { 200: { description: 'The CSV', content: { 'text/csv': {} } }, 404: RENEWAL_NOT_FOUND, ...COMMON_ERRORS, ...RA_CONTACT_ERRORS },
        },
      },
      '/operator/renewal-requests': {
        get: {
          summary: 'The 50 newest renewal requests of every organisation (the operator)',
          security: operatorSecurity,
          responses: { 200: { description: 'The requests', content: json('OperatorRenewalRequests') }, 401: UNAUTHORIZED, ...COMMON_ERRORS },
        },
      },
      '/operator/renewal-requests/{requestNumber}': {
        get: {
          summary: 'One renewal request (the operator)',
          security: operatorSecurity,
          parameters: [requestNumberParameter],
          responses: { 200: { description: 'The request', content: json('StoredRenewalRequest') }, 401: UNAUTHORIZED, 404: RENEWAL_NOT_FOUND, ...COMMON_ERRORS },
        },
      },
      '/operator/renewal-requests/{requestNumber}/rows/{row}/issue': {
        post: {
          summary: 'Mark a row issued with its new 証明書ID and serial (assigned when left out)',
          description:
            'Mails the ID通知メール to the row\'s address when its medium is ダウンロード; once every row is issued, the invoice notice ' +
            '(every row\'s 証明書ID and serial, payable by the end of the following month, Japan time) to the RA contact.',
          security: operatorSecurity,
          parameters: [requestNumberParameter, { name: 'row', in: 'path', required: true, description: '1-based row number', schema: { type: 'integer', minimum: 1 } }],
          requestBody: { required: false, content: json('IssueRenewalRow') },
          responses: {
            200: { description: 'The request after the change', content: json('StoredRenewalRequest') },
            400: VALIDATION_ERROR,
            401: UNAUTHORIZED,
            404: errorResponse(404, ['renewal_request_not_found', 'row_not_found'], 'No such request or row'),
            409: errorResponse(409, ['row_already_issued', 'certificate_id_taken'], 'Issued already, or the 証明書ID belongs to another certificate'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/operator/renewal-organisations/{organisationId}/ra-contact': {
        put: {
          summary: "Register (or replace: 企業内RA変更) an organisation's RA contact; the new key is in this answer only and the old one stops working",
          security: operatorSecurity,
          parameters: [{ name: 'organisationId', in: 'path', required: true, description: 'The account (ordering company) id', schema: { type: 'integer' } }],
          requestBody: { required: true, content: json('RaContactRegistration') },
          responses: {
            200: {
              description: 'Registered',
              content: { 'application/json': { schema: { type: 'object', properties: { organisationId: { type: 'integer' }, email: { type: 'string' }, raContactKey: { type: 'string' } } } } },
            },
            400: VALIDATION_ERROR,
            401: UNAUTHORIZED,
            404: errorResponse(404, ['organisation_not_found'], 'No such organisation'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/operator/expiry-notices': {
        post: {
          summary: 'Send the 60-day notices now: one mail per organisation listing CN and 証明書ID of certificates newly within 60 days',
          security: operatorSecurity,
          responses: {
            200: { description: 'Mails queued and certificates listed', content: { 'application/json': { schema: { type: 'object', properties: { mails: { type: 'integer' }, certificates: { type: 'integer' } } } } } },
            401: UNAUTHORIZED,
            ...COMMON_ERRORS,
          },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } },
      },
      ...partner.paths,
      ...operator.paths,
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: "The ordering company's API key" },
        raContactKey: { type: 'http', scheme: 'bearer', description: "The key of an organisation's registered RA contact (企業内RA)" },
        ...partner.securitySchemes,
        ...operator.securitySchemes,
      },
      schemas: {
        Invitation: jsonSchema(invitationSchema, 'output'),
        Application: jsonSchema(applicationSchema, 'input'),
        Receipt: jsonSchema(receiptSchema, 'output'),
        DraftRequest: jsonSchema(draftRequestSchema, 'input'),
        SavedDraft: jsonSchema(savedDraftSchema, 'output'),
        CreateInvitationRequest: jsonSchema(createInvitationRequestSchema, 'input'),
        IssuedInvitation: jsonSchema(issuedInvitationSchema, 'output'),
        InvitationList: jsonSchema(invitationListSchema, 'output'),
        ApplicationRecord: jsonSchema(applicationRecordSchema, 'output'),
        Outbox: jsonSchema(outboxSchema, 'output'),
        OutboxMail: jsonSchema(outboxMailSchema, 'output'),
        ExportedApplication: jsonSchema(exportedApplicationSchema, 'output'),
        PaperApplication: jsonSchema(paperApplicationSchema, 'input'),
        PaperReceipt: jsonSchema(paperReceiptSchema, 'output'),
        ErrorBody: jsonSchema(apiErrorBodySchema, 'output'),
        ExpiringCertificates: jsonSchema(expiringCertificatesSchema, 'output'),
        RenewalRequest: jsonSchema(renewalRequestSchema, 'input'),
        RenewalReceipt: jsonSchema(renewalReceiptSchema, 'output'),
        StoredRenewalRequest: jsonSchema(storedRenewalRequestSchema, 'output'),
        OperatorRenewalRequests: { type: 'object', required: ['requests'], properties: { requests: { type: 'array', items: ref('StoredRenewalRequest') } } },
        IssueRenewalRow: jsonSchema(issueRowSchema, 'input'),
        RaContactRegistration: jsonSchema(raContactRegistrationSchema, 'input'),
        ...partner.schemas,
        ...operator.schemas,
      },
    },
  };
}

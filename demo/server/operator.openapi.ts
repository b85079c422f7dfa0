/**
 * The OpenAPI description of the operator's routes (`/operator/…`, routes/partner-api.ts), generated
 * from operator-schemas.ts with openapi.ts's helpers, for the served document to take in beside the
 * partner routes (the helpers are only called when the document is built, so the mutual import is safe).
 *
 * @example
 * Object.keys(operatorOpenApi().paths) // ['/operator/applications', …]
 */
import { BAD_PAGE, errorResponse, json, jsonSchema, pageParameters } from './openapi.js';
import {
  operatorApplicationListSchema,
  operatorApplicationSchema,
  operatorCertificateRequestListSchema,
  operatorCertificateRequestSchema,
  operatorMailListSchema,
  operatorMailSchema,
  operatorStageRequestSchema,
} from './operator-schemas.js';

type JsonObject = Record<string, unknown>;

const answer = (description: string, name: string) => ({ description, content: json(name) });
const SECURITY = [{ operatorKey: [] }];
const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** The operator routes' `paths`, component `schemas` and the `operatorKey` security scheme. */
export function operatorOpenApi(): { paths: JsonObject; schemas: JsonObject; securitySchemes: JsonObject } {
  const UNAUTHORIZED = { 401: errorResponse(401, ['unauthorized'], 'Missing or unknown operator key') };
  const schemas = {
    OperatorStageRequest: jsonSchema(operatorStageRequestSchema, 'input'),
    OperatorApplication: jsonSchema(operatorApplicationSchema, 'output'),
    OperatorApplicationList: jsonSchema(operatorApplicationListSchema, 'output'),
    OperatorCertificateRequest: jsonSchema(operatorCertificateRequestSchema, 'output'),
    OperatorCertificateRequestList: jsonSchema(operatorCertificateRequestListSchema, 'output'),
    OperatorMailList: jsonSchema(operatorMailListSchema, 'output'),
    OperatorMail: jsonSchema(operatorMailSchema, 'output'),
  };
  const paths = {
    '/operator/applications': {
      get: {
        summary: 'Every application of every ordering company, newest first, with its stage (受付済 / 利用者ID発行済 / 利用登録完了), a page at a time',
        security: SECURITY,
        parameters: pageParameters,
        responses: { 200: answer('A page of the applications, with `nextCursor` unless it is the last', 'OperatorApplicationList'), 400: BAD_PAGE, ...UNAUTHORIZED },
      },
    },
    '/operator/applications/{id}/stage': {
      post: {
        summary:
          'Move an application on: `usersIssued` (wave 1) creates the company and its administrator (管理者, the 管理用ID) and mails ① 利用者ID発行 ② 初回ログインパスワード ③ サービス利用企業登録完了; ' +
          '`registered` (wave 2) issues the certificate of STEP 4 and mails ④ 電子証明書発行 ⑤ PIN ⑥ 利用登録完了, to the administrator. Asking again for the stage it is at sends nothing.',
        security: SECURITY,
        parameters: [pathId('id')],
        requestBody: { required: true, content: json('OperatorStageRequest') },
        responses: {
          200: answer('The application at its new stage', 'OperatorApplication'),
          400: errorResponse(400, ['validation_failed'], 'Unknown stage'),
          ...UNAUTHORIZED,
          404: errorResponse(404, ['application_not_found'], 'No such application (or it was purged)'),
          409: errorResponse(409, ['stage_conflict'], 'Wave 2 before wave 1, or back from 利用登録完了'),
        },
      },
    },
    '/operator/certificate-requests': {
      get: {
        summary: 'Certificates partners asked for (電子証明書追加発行申請), newest first',
        security: SECURITY,
        parameters: [{ name: 'state', in: 'query', description: '`requested`: only those still to issue.', schema: { type: 'string', enum: ['requested'] } }],
        responses: { 200: answer('The requests', 'OperatorCertificateRequestList'), ...UNAUTHORIZED },
      },
    },
    '/operator/certificate-requests/{certificateId}/issue': {
      post: {
        summary: 'Issue a requested certificate: its PIN (⑤) is mailed to the user it is for; issuing again sends nothing',
        security: SECURITY,
        parameters: [pathId('certificateId')],
        responses: { 200: answer('Issued', 'OperatorCertificateRequest'), ...UNAUTHORIZED, 404: errorResponse(404, ['certificate_not_found'], 'No such request') },
      },
    },
    '/operator/outbox': {
      get: {
        summary: "The demo's mailbox: the newest 100 mails of the outbox (of one address with `?to=`)",
        security: SECURITY,
        parameters: [{ name: 'to', in: 'query', schema: { type: 'string' } }],
        responses: { 200: answer('The mails', 'OperatorMailList'), ...UNAUTHORIZED },
      },
    },
    '/operator/outbox/{id}': {
      get: {
        summary: 'One mail as its recipient reads it: the password or PIN is in it until the mail is delivered over SMTP',
        security: SECURITY,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: answer('The mail', 'OperatorMail'), ...UNAUTHORIZED, 404: errorResponse(404, ['not_found'], 'No such mail') },
      },
    },
  };
  const securitySchemes = { operatorKey: { type: 'http', scheme: 'bearer', description: "The operator's key (the service side; `.data/demo-operator-key` in the demo)" } };
  return { paths, schemas, securitySchemes };
}

/** The partner routes' OpenAPI fragment (src/api/partner-admin.openapi.ts), checked in Node beside the schemas it is built from. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partnerAdminOpenApi } from '../../src/api/partner-admin.openapi.js';

describe('partnerAdminOpenApi (the partner routes for the reference server\'s OpenAPI document)', () => {
  const { paths, schemas } = partnerAdminOpenApi();

  it('describes every route of the client', () => {
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`));
    assert.deepEqual(operations.sort(), [
      'GET /partner/certificates',
      'GET /partner/company',
      'GET /partner/me',
      'GET /partner/users',
      'POST /partner/certificate-requests',
      'POST /partner/certificates/{certificateId}/activation',
      'POST /partner/certificates/{certificateId}/links',
      'POST /partner/sessions',
      'POST /partner/users',
      'PUT /partner/password',
    ]);
  });

  it('refers only to schemas it defines, or the server\'s ErrorBody', () => {
    const refs = [...JSON.stringify(paths).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    for (const name of new Set(refs)) assert.ok(name === 'ErrorBody' || name in schemas, name);
  });

  it('takes the rules from the domain schemas: no 住所 for a company user, 権限 一般 by default, STEP 4\'s 40 characters', () => {
    const user = schemas.CompanyUser as { properties: Record<string, { default?: unknown }>; required: string[] };
    assert.equal('address' in user.properties, false);
    assert.equal(user.properties.role?.default, 'general');
    assert.deepEqual([...user.required].sort(), ['email', 'name', 'nameKana']);
    assert.match(JSON.stringify(schemas.SignerCertificateRequest), /"maxLength":40/);
  });
});

/**
 * `GET /?token=…` with STEP 1 rendered on the server (`demo/server/http/server-rendered-wizard.ts`): the
 * wizard's declarative shadow DOM in the page, its `<style>` elements allowed by hash and nothing else
 * inline, the ordering company's words as text; and the page as built whenever the token opens nothing,
 * or the applicant has a draft (the browser then decides where the wizard opens).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../demo/server/http/middleware.js';
import { pageWithStep1 } from '../../demo/server/http/server-rendered-wizard.js';
import { createInvitation, findInvitationByToken, toPublicInvitation } from '../../demo/server/invitations.js';
import { inviteDirectly, partner, startTestServer, type TestServer } from './helpers.js';

const PAGE = '<!doctype html><html lang="ja"><head><title>portal</title></head><body><main><cec-apply-wizard endpoint="/api"></cec-apply-wizard></main></body></html>';

function styleSources(policy: string): string[] {
  const styleSrc = policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('style-src '));
  return styleSrc?.split(/\s+/).slice(1) ?? [];
}

describe('STEP 1 rendered on the server into the portal page', () => {
  let server: TestServer;
  let staticDir: string;
  before(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'cec-ssr-page-'));
    writeFileSync(join(staticDir, 'index.html'), PAGE);
    server = await startTestServer({ staticDir });
  });
  after(async () => {
    await server.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('puts STEP 1 in the page, its buttons disabled until the scripts take over, and allows exactly its styles', async () => {
    const { token } = await inviteDirectly(server);
    const response = await fetch(`${server.url}/?token=${token}`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Encoding'), 'gzip');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const html = await response.text();
    assert.match(html, /<cec-apply-wizard\s+endpoint="\/api" data-server-rendered[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.match(html, /STEP 1<\/span> 利用規約確認/);
    assert.match(html, /発注建設株式会社様からのご依頼により/);
    assert.equal(html.match(/type="checkbox"/g)?.length, 2, 'both boxes of STEP 1');
    // The step inside is an inert copy: no script defines its name, so nothing renders into it twice.
    assert.match(html, /<cec-rendered-step\s+defer-hydration><template shadowroot="open"/);
    assert.doesNotMatch(html, /<cec-terms-consent/);
    assert.equal(html.match(/<button[^>]*\bdisabled\b/g)?.length, 2, '戻る and 次へ disabled');
    assert.doesNotMatch(html, /<script(?![^>]*type="module" src=)/, 'no inline script');

    const policy = response.headers.get('Content-Security-Policy') ?? '';
    assert.equal(policy.replace(/ 'sha256-[^']+'/g, ''), CONTENT_SECURITY_POLICY, 'the strict policy, plus hashes');
    const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => `'sha256-${createHash('sha256').update(css!).digest('base64')}'`);
    assert.ok(hashes.length >= 2);
    assert.deepEqual(styleSources(policy).sort(), ["'self'", ...new Set(hashes)].sort());
    assert.doesNotMatch(policy, /unsafe-inline/);
  });

  it('gives the page the ordering company’s colour as a rule (allowed by hash), and only a plain hex colour', async () => {
    const branded = async (primaryColor: string) => {
      const { token } = await inviteDirectly(server);
      const invitation = { ...toPublicInvitation((await findInvitationByToken(server.database.db, token))!, token), branding: { primaryColor } };
      return (await pageWithStep1(PAGE, invitation))!;
    };
    const { html, csp } = await branded('#0b6e4f');
    const rule = 'cec-apply-wizard{--cec-color-primary:#0b6e4f!important}';
    assert.ok(html.includes(`<style>${rule}</style></head>`));
    assert.ok(styleSources(csp).includes(`'sha256-${createHash('sha256').update(rule).digest('base64')}'`));
    for (const hostile of ['red;}body{display:none', '#0b6e4f</style><script>', 'url(https://x.example/)']) {
      const page = await branded(hostile);
      assert.ok(!page.html.includes('cec-apply-wizard{--cec-color-primary:'), hostile);
      assert.equal(styleSources(page.csp).length, 3, `'self' and the two shadow roots' styles: ${hostile}`);
    }
  });

  it('writes the ordering company’s display name as text, never as markup', async () => {
    const { token } = await createInvitation(server.database, {
      orderingCompanyId: server.company.id,
      partner,
      branding: { displayName: '<img src=x onerror=alert(1)>発注' },
      publicBaseUrl: server.url,
      now: server.now.value,
    });
    const html = await (await fetch(`${server.url}/?token=${token}`)).text();
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;発注様からのご依頼により/);
    assert.doesNotMatch(html, /<img src=x/);
  });

  it('serves the page as built without a token, for a token that opens nothing, and once a draft is kept', async () => {
    const expired = await inviteDirectly(server, { expiresAt: new Date(server.now.value.getTime() - 1000) });
    const drafted = await inviteDirectly(server);
    const saved = await fetch(`${server.url}/api/invitations/${drafted.token}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ draft: { stepId: 'company', company: { name: '山田建設株式会社' } } }),
    });
    assert.ok(saved.ok, `draft kept: ${saved.status}`);
    for (const query of ['', '?token=not-an-invitation', `?token=${expired.token}`, `?token=${drafted.token}`]) {
      const response = await fetch(`${server.url}/${query}`);
      assert.equal(response.status, 200, query);
      assert.equal(await response.text(), PAGE, query);
      assert.equal(response.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY, query);
    }
  });
});

/**
 * The portal page asked with `?token=` of an open invitation, with STEP 1 of the wizard already in it:
 * `<cec-apply-wizard>` rendered by `@lit-labs/ssr` as declarative shadow DOM. The applicant reads the
 * terms and ticks the boxes while the scripts still load; the wizard then reads the invitation itself and
 * takes the place of what was rendered here, keeping the ticks (`apply-wizard.component.ts`). Issue 12:
 * STEP 1 usable as soon as the page is parsed, not after the scripts and a round trip.
 *
 * The page is the built `index.html` of the demo; only its `<cec-apply-wizard …></cec-apply-wizard>` is
 * filled. Without a token, with one that opens nothing, or with a draft kept for it, the page is
 * served as built and the wizard renders in the browser as before. Rendered in Japanese: a portal that
 * shows English switches it in the browser, as it does its own texts.
 *
 * The rendered shadow roots carry `<style>` elements. The strict CSP allows exactly those, by hash
 * (`style-src 'self' 'sha256-…'`), on this one answer.
 */
import { LitElementRenderer, render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import type { MiddlewareHandler } from 'hono';
import { html, unsafeStatic } from 'lit/static-html.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import '../../../src/components/apply-wizard/apply-wizard.js';
import type { Invitation } from '../../../src/domain/index.js';
import { ApiError } from '../api-error.js';
import type { Database } from '../database.js';
import { loadDraft } from '../drafts.js';
import { requireOpenInvitation, toPublicInvitation } from '../invitations.js';
import { contentSecurityPolicy } from './middleware.js';

/** The wizard and its first step are connected on the server: that is how the step finds the wizard's words (context). */
LitElementRenderer.renderOptions.push((element) =>
  element.localName === 'cec-apply-wizard' || element.localName === 'cec-terms-consent' ? { connectedCallback: true } : undefined,
);

const WIZARD = /<cec-apply-wizard\b([^>]*)><\/cec-apply-wizard>/;
const STYLE = /<style>([\s\S]*?)<\/style>/g;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * The page with STEP 1 rendered for `invitation`: its HTML and the CSP that allows its styles. `page`
 * is the built page holding an empty `<cec-apply-wizard>`; `undefined` when it holds none.
 *
 * @example
 * const rendered = await pageWithStep1(indexHtml, invitation);
 * rendered?.html.includes('shadowrootmode="open"') // true
 */
export async function pageWithStep1(page: string, invitation: Invitation): Promise<{ html: string; csp: string } | undefined> {
  const found = WIZARD.exec(page);
  if (!found) return undefined;
  // The attributes are the built page's own (never request data) and `data-server-rendered`, which a
  // portal's styles can read (the demo's holds no room for a loading state then); the invitation goes in
  // as a property.
  const attributes = unsafeStatic(`${found[1]!} data-server-rendered`);
  const wizard = await collectResult(render(html`<cec-apply-wizard ${attributes} .serverInvitation=${invitation}></cec-apply-wizard>`));
  // The step inside the wizard goes out as an inert copy, under a name no script defines: nothing upgrades
  // it (Lit would render a second copy into its shadow root), and the wizard replaces it once it can.
  // Lit's part markers serve hydration only, which this page never does. (Text from data cannot hold
  // either pattern: the renderer escapes every "<" in it.)
  const rendered = wizard.replace(/<(\/?)cec-terms-consent\b/g, '<$1cec-rendered-step').replace(/<!--(?:\/?lit-part[^>]*|lit-node \d+)-->/g, '');
  let served = page.slice(0, found.index) + rendered + page.slice(found.index + found[0].length);
  // The ordering company's colour, which the wizard sets on itself in the browser (`applyBranding`), as a
  // rule of the page meanwhile: a style attribute would need 'unsafe-inline'. Only a plain hex colour.
  const colour = invitation.branding?.primaryColor?.trim();
  if (colour && HEX_COLOUR.test(colour) && served.includes('</head>')) {
    served = served.replace('</head>', `<style>cec-apply-wizard{--cec-color-primary:${colour}!important}</style></head>`);
  }
  const styleHashes = new Set<string>();
  for (const [, css] of served.matchAll(STYLE)) styleHashes.add(`'sha256-${createHash('sha256').update(css!).digest('base64')}'`);
  return { html: served, csp: contentSecurityPolicy({ styleSources: [...styleHashes] }) };
}

/**
 * `GET /?token=…`: the built `index.html` of `root` with STEP 1 in it, when the token opens an invitation
 * and no draft is kept for it; otherwise the next handler (the page as built).
 *
 * @example
 * app.get('/', serverRenderedWizard({ root: 'dist/demo', database, clock: () => new Date() }));
 */
export function serverRenderedWizard({ root, database, clock }: { root: string; database: Database; clock: () => Date }): MiddlewareHandler {
  let page: Promise<string> | undefined;
  return async (c, next) => {
    const token = c.req.query('token');
    if (!token) return next();
    // Tokens are 32 random bytes: a page that tells an open one from others gives a guesser nothing.
    const invitation = await requireOpenInvitation(database.db, token, clock()).catch((error: unknown) => {
      if (error instanceof ApiError) return undefined; // not found, used or expired: the page as built says so
      throw error;
    });
    if (!invitation) return next();
    // A returning applicant's draft decides where the wizard opens: the browser renders that.
    if (await loadDraft(database, invitation.id)) return next();
    page ??= readFile(join(root, 'index.html'), 'utf8');
    const rendered = await pageWithStep1(await page, toPublicInvitation(invitation, token));
    if (!rendered) return next();
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': rendered.csp,
      Vary: 'Accept-Encoding',
    };
    if (/\bgzip\b/i.test(c.req.header('Accept-Encoding') ?? '')) {
      headers['Content-Encoding'] = 'gzip';
      return c.body(gzipSync(rendered.html, { level: 6 }), 200, headers);
    }
    return c.body(rendered.html, 200, headers);
  };
}

/**
 * Type-only pins of what end-to-end tests and the admin console rely on; `tsc` checks this file, no
 * test runner runs it (not a `.test.ts`).
 */
import type { CreateInvitationRequest, InvitationState, IssuedInvitation } from '../../src/domain/index.js';
import { createServer, type RunningServer, type ServerOptions } from '../../demo/server/app.js';
import { createInvitation } from '../../demo/server/invitations.js';
import { seedOrderingCompany } from '../../demo/server/ordering-companies.js';

export async function pinnedServerTypes(): Promise<void> {
  const minimal: ServerOptions = { dataDir: '.data', port: 0, allowedOrigins: [] };
  const full: ServerOptions = {
    ...minimal,
    host: '127.0.0.1',
    staticDir: 'dist/demo',
    maxDocumentBytes: 10 * 1024 * 1024,
    clock: () => new Date(),
    publicBaseUrl: 'http://localhost:8787',
    log: (line: string) => void line,
  };
  const server: RunningServer = await createServer(full);
  const endpoint: string = `${server.url}/api`;
  const port: number = server.port;
  const company: { id: number; name: string } = await seedOrderingCompany(server.database, { name: 'X', apiKey: 'k' });
  const issued: IssuedInvitation = await createInvitation(server.database, {
    orderingCompanyId: company.id,
    partner: { companyName: 'A', contactName: 'B', email: 'c@example.jp' },
    publicBaseUrl: endpoint,
    now: new Date(),
    expiresAt: new Date(0),
  });
  const state: InvitationState = issued.state;
  const request: CreateInvitationRequest = { partner: issued.partner, allowedKinds: ['corporation'] };
  void [port, state, request];
  // @ts-expect-error the allow-list of embedding origins is required
  await createServer({ dataDir: '.data', port: 0 });
  await server.close();
}

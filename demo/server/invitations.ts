/**
 * Invitations: an ordering company invites a partner, the partner opens the link until the end of its
 * 35th day in Japan time and applies once. Only the hash of a token is stored; the token itself exists
 * in the response that issued it and, sealed until delivery, in the outbox.
 */
import {
  INVITATION_VALID_DAYS,
  type BrandingRequest,
  type EntityKind,
  type Invitation,
  type InvitationQuery,
  type InvitationState,
  type InvitationSummary,
  type IssuedInvitation,
  type Partner,
  type Prefill,
} from '../../src/domain/index.js';
import { sql } from 'kysely';
import { ApiError } from './api-error.js';
import { inTransaction, type Database, type Queries, type Tables } from './database.js';
import { enqueueMail, invitationMail } from './mails.js';
import { pageOf, rowsAfter, type Page } from './pagination.js';
import { stageOf } from './operator.js';
import { newInvitationToken, sha256Hex } from './secrets.js';
import { endOfTokyoDayAfter } from './tokyo-time.js';

/** An invitation as stored, with the name of the ordering company that issued it. */
export interface InvitationRecord {
  id: string;
  orderingCompanyId: number;
  orderingCompanyName: string;
  partner: Partner;
  prefill?: Prefill;
  branding?: BrandingRequest;
  allowedKinds?: EntityKind[];
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

type InvitationRow = Omit<Tables['invitations'], 'partner_company_name' | 'partner_contact_name' | 'partner_email'> & {
  ordering_company_name: string;
};

const INVITATION_COLUMNS = [
  'invitations.id',
  'invitations.ordering_company_id',
  'invitations.token_sha256',
  'invitations.partner_json',
  'invitations.prefill_json',
  'invitations.branding_json',
  'invitations.allowed_kinds_json',
  'invitations.created_at',
  'invitations.expires_at',
  'invitations.used_at',
  'ordering_companies.name as ordering_company_name',
] as const;

function selectInvitations(queries: Queries) {
  return queries
    .selectFrom('invitations')
    .innerJoin('ordering_companies', 'ordering_companies.id', 'invitations.ordering_company_id')
    .select(INVITATION_COLUMNS);
}

function fromRow(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    orderingCompanyId: Number(row.ordering_company_id),
    orderingCompanyName: row.ordering_company_name,
    partner: JSON.parse(row.partner_json) as Partner,
    ...(row.prefill_json ? { prefill: JSON.parse(row.prefill_json) as Prefill } : {}),
    ...(row.branding_json ? { branding: JSON.parse(row.branding_json) as BrandingRequest } : {}),
    ...(row.allowed_kinds_json ? { allowedKinds: JSON.parse(row.allowed_kinds_json) as EntityKind[] } : {}),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

/** What the ordering company attached to the invitation for the wizard, present keys only. */
function wizardOptions(invitation: InvitationRecord): Pick<InvitationRecord, 'prefill' | 'branding' | 'allowedKinds'> {
  const { prefill, branding, allowedKinds } = invitation;
  return { ...(prefill && { prefill }), ...(branding && { branding }), ...(allowedKinds && { allowedKinds }) };
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * `used` once an application came in (even if the link has expired since), else `expired` from the
 * expiry instant on, else `open`.
 *
 * @example
 * invitationState(record, new Date()) // 'open'
 */
export function invitationState(invitation: Pick<InvitationRecord, 'usedAt' | 'expiresAt'>, now: Date): InvitationState {
  if (invitation.usedAt !== null) return 'used';
  return now.getTime() >= Date.parse(invitation.expiresAt) ? 'expired' : 'open';
}

/**
 * When a link issued (or resent) at `now` dies: the end of its 35th day in Japan time (application
 * guide, 利用申請サイトのお知らせ ④), the same instant in the mail, the console and `expiresAt`.
 *
 * @example
 * invitationExpiry(new Date('2026-11-29T03:00:00Z')).toISOString() // '2027-01-03T14:59:59.999Z'
 */
export function invitationExpiry(now: Date): Date {
  return endOfTokyoDayAfter(now, INVITATION_VALID_DAYS);
}

/** The link a partner opens: the portal page with the token in its query. */
function invitationUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/?token=${token}`;
}

export interface CreateInvitationInput {
  orderingCompanyId: number;
  partner: Partner;
  prefill?: Prefill;
  branding?: BrandingRequest;
  allowedKinds?: EntityKind[];
  /** Origin (and path) of the portal page the link points at. */
  publicBaseUrl: string;
  now: Date;
  /** When the link dies; the end of the 35th day unless a test needs an expired one. */
  expiresAt?: Date;
}

/**
 * Issues an invitation and queues its mail (利用申請サイトのお知らせ) in one transaction. Used by the admin
 * route, and by tests that need an invitation with a given expiry.
 *
 * @example
 * const issued = await createInvitation(database, {
 *   orderingCompanyId: company.id,
 *   partner: { companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp' },
 *   publicBaseUrl: 'http://localhost:8787',
 *   now: new Date(),
 * });
 * issued.url // 'http://localhost:8787/?token=…'
 */
export async function createInvitation(database: Database, input: CreateInvitationInput): Promise<IssuedInvitation> {
  const expiresAt = input.expiresAt ?? invitationExpiry(input.now);
  const id = crypto.randomUUID();
  const token = newInvitationToken();
  const url = invitationUrl(input.publicBaseUrl, token);
  return inTransaction(database, async (trx) => {
    await trx
      .insertInto('invitations')
      .values({
        id,
        ordering_company_id: input.orderingCompanyId,
        token_sha256: sha256Hex(token),
        partner_json: JSON.stringify(input.partner),
        partner_company_name: input.partner.companyName,
        partner_contact_name: input.partner.contactName,
        partner_email: input.partner.email,
        prefill_json: jsonOrNull(input.prefill),
        branding_json: jsonOrNull(input.branding),
        allowed_kinds_json: jsonOrNull(input.allowedKinds),
        created_at: input.now.toISOString(),
        expires_at: expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
    const issued = await findInvitationById(trx, input.orderingCompanyId, id);
    if (!issued) throw new Error('invitation vanished inside its own transaction');
    await enqueueMail(trx, {
      orderingCompanyId: input.orderingCompanyId,
      mail: invitationMail({ partner: input.partner, orderingCompanyName: issued.orderingCompanyName, url, expiresAt }),
      now: input.now,
      mailKey: database.mailKey,
    });
    return { id, token, url, expiresAt: expiresAt.toISOString(), state: invitationState(issued, input.now), partner: input.partner };
  });
}

/**
 * Gives an unanswered invitation a new token and a new window, and mails it again. The old token stops
 * working at once (its hash is gone). A used invitation cannot be resent.
 *
 * @example
 * const again = await resendInvitation(database, { orderingCompanyId: 1, invitationId: issued.id, publicBaseUrl, now: new Date() });
 */
export async function resendInvitation(
  database: Database,
  input: { orderingCompanyId: number; invitationId: string; publicBaseUrl: string; now: Date },
): Promise<IssuedInvitation> {
  const expiresAt = invitationExpiry(input.now);
  const token = newInvitationToken();
  const url = invitationUrl(input.publicBaseUrl, token);
  return inTransaction(
    database,
    async (trx) => {
      const invitation = await findInvitationById(trx, input.orderingCompanyId, input.invitationId);
      if (!invitation) throw new ApiError(404, 'invitation_not_found');
      if (invitation.usedAt !== null) throw new ApiError(409, 'invitation_used');
      await trx
        .updateTable('invitations')
        .set({ token_sha256: sha256Hex(token), expires_at: expiresAt.toISOString() })
        .where('id', '=', invitation.id)
        .execute();
      await enqueueMail(trx, {
        orderingCompanyId: input.orderingCompanyId,
        mail: invitationMail({ partner: invitation.partner, orderingCompanyName: invitation.orderingCompanyName, url, expiresAt }),
        now: input.now,
        mailKey: database.mailKey,
      });
      return { id: invitation.id, token, url, expiresAt: expiresAt.toISOString(), state: 'open' as const, partner: invitation.partner };
    },
    [`invitation:${input.invitationId}`],
  );
}

/**
 * One invitation of one ordering company; another company's id finds nothing.
 *
 * @example
 * (await findInvitationById(database.db, company.id, issued.id))?.partner.email
 */
export async function findInvitationById(
  queries: Queries,
  orderingCompanyId: number,
  invitationId: string,
): Promise<InvitationRecord | undefined> {
  const row = await selectInvitations(queries)
    .where('invitations.id', '=', invitationId)
    .where('invitations.ordering_company_id', '=', orderingCompanyId)
    .executeTakeFirst();
  return row && fromRow(row);
}

/**
 * The invitation a token opens, whatever its state.
 *
 * @example
 * (await findInvitationByToken(database.db, token))?.partner.companyName
 */
export async function findInvitationByToken(queries: Queries, token: string): Promise<InvitationRecord | undefined> {
  const row = await selectInvitations(queries).where('invitations.token_sha256', '=', sha256Hex(token)).executeTakeFirst();
  return row && fromRow(row);
}

/**
 * The invitation a token opens if it can still be answered; otherwise the contract's error:
 * `404 invitation_not_found`, `409 invitation_used` or `410 invitation_expired`.
 *
 * @example
 * const invitation = await requireOpenInvitation(database.db, token, new Date());
 */
export async function requireOpenInvitation(queries: Queries, token: string, now: Date): Promise<InvitationRecord> {
  const invitation = await findInvitationByToken(queries, token);
  if (!invitation) throw new ApiError(404, 'invitation_not_found');
  const state = invitationState(invitation, now);
  if (state === 'used') throw new ApiError(409, 'invitation_used');
  if (state === 'expired') throw new ApiError(410, 'invitation_expired');
  return invitation;
}

/**
 * The `200` body of `GET {endpoint}/invitations/{token}` (`invitationSchema`).
 *
 * @example
 * toPublicInvitation(invitation, token).inviter.name // '発注建設株式会社'
 */
export function toPublicInvitation(invitation: InvitationRecord, token: string): Invitation {
  return {
    token,
    inviter: { name: invitation.orderingCompanyName },
    recipient: {
      companyName: invitation.partner.companyName,
      name: invitation.partner.contactName,
      email: invitation.partner.email,
    },
    expiresAt: invitation.expiresAt,
    ...wizardOptions(invitation),
  };
}

/** `LIKE` pattern matching `text` anywhere, with `%`, `_` and `\` taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * One page of the invitations of one ordering company, newest first, with state and application;
 * searched by partner name or e-mail (`q`) and filtered by state.
 *
 * @example
 * const page = await listInvitations(database, company.id, new Date(), { limit: 50, state: 'open' });
 */
export async function listInvitations(
  database: Database,
  orderingCompanyId: number,
  now: Date,
  query: InvitationQuery & { limit: number },
): Promise<Page<InvitationSummary>> {
  const after = rowsAfter(query.cursor, 'invitations.created_at', 'invitations.id');
  const nowText = now.toISOString();
  const pattern = query.q?.trim() ? containsPattern(query.q.trim()) : undefined;
  const rows = await selectInvitations(database.db)
    .leftJoin('applications', 'applications.invitation_id', 'invitations.id')
    .leftJoin('partner_companies', 'partner_companies.invitation_id', 'invitations.id')
    .select(['applications.receipt_number', 'applications.accepted_at', 'applications.company_name'])
    .select(['partner_companies.users_issued_at', 'partner_companies.registered_at'])
    .where('invitations.ordering_company_id', '=', orderingCompanyId)
    .$if(pattern !== undefined, (select) =>
      select.where(({ eb }) =>
        eb.or(
          (['partner_company_name', 'partner_contact_name', 'partner_email'] as const).map(
            (column) => sql<boolean>`lower(${sql.ref(`invitations.${column}`)}) LIKE ${pattern} ESCAPE '\\'`,
          ),
        ),
      ),
    )
    .$if(query.state === 'used', (select) => select.where('invitations.used_at', 'is not', null))
    .$if(query.state === 'open', (select) => select.where('invitations.used_at', 'is', null).where('invitations.expires_at', '>', nowText))
    .$if(query.state === 'expired', (select) => select.where('invitations.used_at', 'is', null).where('invitations.expires_at', '<=', nowText))
    .$if(after !== undefined, (select) => select.where(after!))
    .orderBy('invitations.created_at', 'desc')
    .orderBy('invitations.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const summary = (row: (typeof rows)[number]): InvitationSummary => {
    const invitation = fromRow(row);
    return {
      id: invitation.id,
      state: invitationState(invitation, now),
      partner: invitation.partner,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      ...wizardOptions(invitation),
      ...(row.receipt_number && row.accepted_at && row.company_name
        ? { application: { receiptNumber: row.receipt_number, acceptedAt: row.accepted_at, companyName: row.company_name, stage: stageOf(row) } }
        : {}),
    };
  };
  return pageOf(rows, query.limit, summary, (item) => [item.createdAt, item.id]);
}

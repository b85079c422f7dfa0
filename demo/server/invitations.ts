/**
 * Invitations: an ordering company invites a partner, the partner opens the link within 35 days and
 * applies once. Only the hash of a token is stored; the token itself exists in the mail and in the
 * response that issued it.
 */
import {
  INVITATION_VALID_DAYS,
  type BrandingRequest,
  type EntityKind,
  type Invitation,
  type InvitationState,
  type InvitationSummary,
  type IssuedInvitation,
  type Partner,
  type Prefill,
} from '../../src/domain/index.js';
import { ApiError } from './api-error.js';
import type { Database } from './database.js';
import { enqueueMail, invitationMail } from './mails.js';
import { newInvitationToken, sha256Hex } from './secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;

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

interface InvitationRow {
  id: string;
  ordering_company_id: number;
  ordering_company_name: string;
  partner_json: string;
  prefill_json: string | null;
  branding_json: string | null;
  allowed_kinds_json: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

const INVITATION_COLUMNS = 'invitations.*, ordering_companies.name AS ordering_company_name';
const INVITATION_SOURCE = 'invitations JOIN ordering_companies ON ordering_companies.id = invitations.ordering_company_id';

function fromRow(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    orderingCompanyId: row.ordering_company_id,
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
  /** When the link dies; 35 days from `now` unless a test needs an expired one. */
  expiresAt?: Date;
}

/**
 * Issues an invitation and queues its mail (利用申請サイトのお知らせ) in one transaction. Used by the admin
 * route, and by tests that need an invitation with a given expiry.
 *
 * @example
 * const issued = createInvitation(database, {
 *   orderingCompanyId: company.id,
 *   partner: { companyName: '山田建設株式会社', contactName: '山田 太郎', email: 'yamada@example.jp' },
 *   publicBaseUrl: 'http://localhost:8787',
 *   now: new Date(),
 * });
 * issued.url // 'http://localhost:8787/?token=…'
 */
export function createInvitation(database: Database, input: CreateInvitationInput): IssuedInvitation {
  // Application guide, 利用申請サイトのお知らせ ④: the link is valid for 35 days.
  const expiresAt = input.expiresAt ?? new Date(input.now.getTime() + INVITATION_VALID_DAYS * DAY_MS);
  const id = crypto.randomUUID();
  const token = newInvitationToken();
  const url = invitationUrl(input.publicBaseUrl, token);
  return database.transaction(() => {
    database
      .prepare(
        `INSERT INTO invitations (id, ordering_company_id, token_sha256, partner_json, prefill_json, branding_json,
           allowed_kinds_json, created_at, expires_at, used_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      )
      .run(
        id,
        input.orderingCompanyId,
        sha256Hex(token),
        JSON.stringify(input.partner),
        jsonOrNull(input.prefill),
        jsonOrNull(input.branding),
        jsonOrNull(input.allowedKinds),
        input.now.toISOString(),
        expiresAt.toISOString(),
      );
    const issued = findInvitationById(database, input.orderingCompanyId, id);
    if (!issued) throw new Error('invitation vanished inside its own transaction');
    enqueueMail(database, {
      orderingCompanyId: input.orderingCompanyId,
      mail: invitationMail({ partner: input.partner, orderingCompanyName: issued.orderingCompanyName, url, expiresAt }),
      now: input.now,
    });
    return { id, token, url, expiresAt: expiresAt.toISOString(), state: invitationState(issued, input.now), partner: input.partner };
  }).immediate();
}

/**
 * Gives an unanswered invitation a new token and a new 35-day window, and mails it again. The old
 * token stops working at once (its hash is gone). A used invitation cannot be resent.
 *
 * @example
 * const again = resendInvitation(database, { orderingCompanyId: 1, invitationId: issued.id, publicBaseUrl, now: new Date() });
 */
export function resendInvitation(
  database: Database,
  input: { orderingCompanyId: number; invitationId: string; publicBaseUrl: string; now: Date },
): IssuedInvitation {
  const expiresAt = new Date(input.now.getTime() + INVITATION_VALID_DAYS * DAY_MS);
  const token = newInvitationToken();
  const url = invitationUrl(input.publicBaseUrl, token);
  return database.transaction(() => {
    const invitation = findInvitationById(database, input.orderingCompanyId, input.invitationId);
    if (!invitation) throw new ApiError(404, 'invitation_not_found');
    if (invitation.usedAt !== null) throw new ApiError(409, 'invitation_used');
    database
      .prepare('UPDATE invitations SET token_sha256 = ?, expires_at = ? WHERE id = ?')
      .run(sha256Hex(token), expiresAt.toISOString(), invitation.id);
    enqueueMail(database, {
      orderingCompanyId: input.orderingCompanyId,
      mail: invitationMail({ partner: invitation.partner, orderingCompanyName: invitation.orderingCompanyName, url, expiresAt }),
      now: input.now,
    });
    return { id: invitation.id, token, url, expiresAt: expiresAt.toISOString(), state: 'open' as const, partner: invitation.partner };
  }).immediate();
}

/**
 * One invitation of one ordering company; another company's id finds nothing.
 *
 * @example
 * findInvitationById(database, company.id, issued.id)?.partner.email
 */
export function findInvitationById(
  database: Database,
  orderingCompanyId: number,
  invitationId: string,
): InvitationRecord | undefined {
  const row = database
    .prepare(`SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_SOURCE} WHERE invitations.id = ? AND invitations.ordering_company_id = ?`)
    .get(invitationId, orderingCompanyId) as InvitationRow | undefined;
  return row && fromRow(row);
}

/**
 * The invitation a token opens, whatever its state.
 *
 * @example
 * findInvitationByToken(database, token)?.partner.companyName
 */
export function findInvitationByToken(database: Database, token: string): InvitationRecord | undefined {
  const row = database.prepare(`SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_SOURCE} WHERE invitations.token_sha256 = ?`).get(sha256Hex(token)) as
    | InvitationRow
    | undefined;
  return row && fromRow(row);
}

/**
 * The invitation a token opens if it can still be answered; otherwise the contract's error:
 * `404 invitation_not_found`, `409 invitation_used` or `410 invitation_expired`.
 *
 * @example
 * const invitation = requireOpenInvitation(database, token, new Date());
 */
export function requireOpenInvitation(database: Database, token: string, now: Date): InvitationRecord {
  const invitation = findInvitationByToken(database, token);
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

/**
 * Every invitation of one ordering company, newest first, with its state and its application if any.
 *
 * @example
 * listInvitations(database, company.id, new Date()).filter((row) => row.state === 'open')
 */
export function listInvitations(database: Database, orderingCompanyId: number, now: Date): InvitationSummary[] {
  const rows = database
    .prepare(
      `SELECT ${INVITATION_COLUMNS}, applications.receipt_number, applications.accepted_at, applications.company_name
       FROM ${INVITATION_SOURCE}
       LEFT JOIN applications ON applications.invitation_id = invitations.id
       WHERE invitations.ordering_company_id = ?
       ORDER BY invitations.created_at DESC, invitations.rowid DESC`,
    )
    .all(orderingCompanyId) as Array<
    InvitationRow & { receipt_number: string | null; accepted_at: string | null; company_name: string | null }
  >;
  return rows.map((row) => {
    const invitation = fromRow(row);
    return {
      id: invitation.id,
      state: invitationState(invitation, now),
      partner: invitation.partner,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      ...wizardOptions(invitation),
      ...(row.receipt_number && row.accepted_at && row.company_name
        ? { application: { receiptNumber: row.receipt_number, acceptedAt: row.accepted_at, companyName: row.company_name } }
        : {}),
    };
  });
}

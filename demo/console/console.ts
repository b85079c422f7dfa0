/**
 * The ordering company's console (発注者コンソール) of the demo: issues invitations with
 * `<cec-invitation-form>`, and lists the invitations, their applications (with the stored PDF) and the
 * mails the service queued. The page is served under a strict CSP with Trusted Types, so the DOM is
 * built only with Lit templates (`render()`), never with innerHTML.
 *
 * The API key comes from the address's fragment (`#key=…`, printed by `npm start` when it makes the
 * key): a fragment never reaches a server or a Referer. The fragment is removed at once, so the key
 * stays out of the history and of bookmarks; it is kept in `sessionStorage` (this tab only, gone
 * when the tab closes) with the links issued in this session, so a reload keeps both. Without it the
 * page asks for the key.
 *
 * Lists are paged (50 rows, 「さらに表示」) and searched on the server; a mail's text is fetched when
 * it is opened. With 100k invitations the page still draws 50 rows.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { AdminApi } from '../../src/api/admin.js';
import '../../src/components/invitation-form/invitation-form.js';
import type { IssuedInvitationDetail } from '../../src/components/invitation-form/invitation-events.js';
import { formatTokyoDateTime } from '../../src/components/shared/format.js';
import type { ApplicationStage, InvitationState, InvitationSummary, OutboxMailSummary } from '../../src/domain/index.js';

const ENDPOINT = '/api';

/** The console's words (the demo console is Japanese only, as the portal page is). */
const TEXT = {
  keyHeading: 'APIキー',
  keyIntro: 'npm start が表示する「console」のURL（#key=… 付き）を開くと、APIキーは自動で設定されます。ここに貼り付けることもできます。',
  keyLabel: 'APIキー',
  keyRejected: 'APIキーが正しくありません。正しいキーを入力してください。',
  keySubmit: '設定',
  listHeading: '招待の一覧',
  refresh: '更新',
  refreshing: '更新しています…',
  refreshedAt: (time: string) => `${time} に更新しました。`,
  loadFailed: '一覧を読み込めませんでした。「更新」で再試行してください。',
  tableCaption: '発行した招待（新しい順）',
  columns: ['取引先', '状態', '有効期限', '申請', '申請画面', '書類', '再送'],
  searchLabel: '取引先名・担当者名・メールアドレスで検索',
  stateLabel: '状態',
  allStates: 'すべて',
  search: '検索',
  more: 'さらに表示',
  noMatches: '条件に合う招待はありません。',
  resend: '再送',
  resending: '再送しています…',
  resent: (name: string, deadline: string) => `${name} 様へ再送しました。新しいリンクは${deadline}まで有効です。`,
  resendFailed: '再送できませんでした',
  forPartner: (name: string) => `（${name}）`,
  deadline: (text: string) => `${text}まで`,
  loadingMail: 'メールを読み込んでいます…',
  delivered: (date: string) => `送信済み ${date}`,
  undelivered: '未送信',
  states: { open: '未使用', used: '申請済み', expired: '期限切れ' } satisfies Record<InvitationState, string>,
  contact: (name: string) => `${name} 様`,
  receipt: (receiptNumber: string) => `受付番号 ${receiptNumber}`,
  acceptedAt: (date: string) => `受付 ${date}`,
  noApplication: '—',
  stages: { accepted: '受付済', usersIssued: '利用者ID発行済', registered: '利用登録完了' } satisfies Record<ApplicationStage, string>,
  stageLabel: '手続きの状況：',
  openApplication: '申請画面を開く',
  newWindow: '（新しいタブで開きます）',
  linkUnknown: 'このコンソールで発行・再送したリンクのみ開けます',
  download: 'PDFをダウンロード',
  downloading: 'ダウンロードしています…',
  downloadFailed: 'ダウンロードできませんでした',
  forApplication: (receiptNumber: string) => `（受付番号 ${receiptNumber}）`,
  noInvitations: 'まだ招待はありません。上のフォームから取引先を招待してください。',
  outboxHeading: '送信メール（アウトボックス）',
  outboxIntro: 'サービスが送るメールの一覧です。SMTPサーバーが設定されていないデモでは実際には送られず、ここで内容を確認できます。',
  outboxEmpty: '送信メールはまだありません。',
  mailTo: (to: string) => `宛先：${to}`,
};

/** Where this tab keeps the key and the links it issued (sessionStorage). */
const SESSION_KEY = 'cec-console-session';

/** What the console knows and shows; `update()` re-renders everything from it. */
const view = {
  apiKey: keyFromFragment(),
  keyRejected: false,
  invitations: undefined as InvitationSummary[] | undefined,
  invitationsCursor: undefined as string | undefined,
  search: { q: '', state: '' as InvitationState | '' },
  mails: undefined as OutboxMailSummary[] | undefined,
  mailsCursor: undefined as string | undefined,
  /** Texts of the mails opened so far, by id. */
  mailBodies: new Map<number, string>(),
  resends: new Map<string, 'loading' | 'failed'>(),
  /** The outcome of the last resend, announced above the list (the row may leave a filtered list). */
  notice: '',
  loading: false,
  loadFailed: false,
  refreshedAt: undefined as string | undefined,
  /** Links issued in this session, by invitation id: the server keeps only a hash of each token. */
  links: new Map<string, string>(storedSession().links),
  downloads: new Map<string, 'loading' | 'failed'>(),
};

/** The key and the links kept for this tab (sessionStorage: never the address, gone with the tab). */
function storedSession(): { apiKey: string; links: Array<[string, string]> } {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '{}') as { apiKey?: unknown; links?: unknown };
    return {
      apiKey: typeof saved.apiKey === 'string' ? saved.apiKey : '',
      links: Array.isArray(saved.links) ? (saved.links as Array<[string, string]>).filter((entry) => entry.length === 2) : [],
    };
  } catch {
    return { apiKey: '', links: [] };
  }
}

function keepSession(): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ apiKey: view.apiKey, links: [...view.links] }));
  } catch {
    // storage refused (private mode): the console still works until a reload
  }
}

/** `#key=…` of the address, removed from it straight away; else the key kept for this tab. */
function keyFromFragment(): string {
  const key = new URLSearchParams(window.location.hash.slice(1)).get('key')?.trim() ?? '';
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return key || storedSession().apiKey;
}

/**
 * A deadline as the mail writes it, in Japan time: `2027年1月3日 23:59`. Japan keeps UTC+9 all year,
 * so a fixed offset is exact (and needs no Intl on this page's first paint).
 */
function tokyoDeadline(instant: string): string {
  const shifted = new Date(Date.parse(instant) + 9 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${shifted.getUTCFullYear()}年${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日 ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

const admin = () => new AdminApi({ endpoint: ENDPOINT, apiKey: view.apiKey });
const tokyo = (instant: string) => formatTokyoDateTime(instant, 'ja');

function invitationQuery(cursor?: string) {
  const { q, state } = view.search;
  return { ...(q ? { q } : {}), ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) };
}

/** Loads the first page of both lists again (after a search, an invitation, a resend). */
async function refresh(): Promise<void> {
  if (!view.apiKey || view.loading) return;
  view.loading = true;
  update();
  try {
    const [invitations, outbox] = await Promise.all([admin().listInvitations(invitationQuery()), admin().listOutbox()]);
    Object.assign(view, {
      invitations: invitations.invitations,
      invitationsCursor: invitations.nextCursor,
      mails: outbox.mails,
      mailsCursor: outbox.nextCursor,
      loadFailed: false,
      keyRejected: false,
    });
    keepSession();
    view.refreshedAt = new Intl.DateTimeFormat('ja-JP', { timeStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date());
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') view.keyRejected = true;
    else view.loadFailed = true;
  } finally {
    view.loading = false;
    update();
  }
}

/** The next page of a list, appended. */
async function more(list: 'invitations' | 'mails'): Promise<void> {
  if (view.loading) return;
  view.loading = true;
  update();
  try {
    if (list === 'invitations') {
      const page = await admin().listInvitations(invitationQuery(view.invitationsCursor));
      view.invitations = [...(view.invitations ?? []), ...page.invitations];
      view.invitationsCursor = page.nextCursor;
    } else {
      const page = await admin().listOutbox(view.mailsCursor ? { cursor: view.mailsCursor } : {});
      view.mails = [...(view.mails ?? []), ...page.mails];
      view.mailsCursor = page.nextCursor;
    }
  } catch {
    view.loadFailed = true;
  } finally {
    view.loading = false;
    update();
  }
}

function search(event: Event): void {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  view.search = { q: String(form.get('q') ?? '').trim(), state: String(form.get('state') ?? '') as InvitationState | '' };
  void refresh();
}

/** A mail's text, fetched the first time it is opened. */
async function openMail(event: Event, id: number): Promise<void> {
  if (!(event.target as HTMLDetailsElement).open || view.mailBodies.has(id)) return;
  try {
    view.mailBodies.set(id, (await admin().readMail(id)).body);
  } catch {
    view.loadFailed = true;
  }
  update();
}

/** The link of an invitation just issued or resent: the list can offer it, and is refreshed. */
function remember(event: { detail: IssuedInvitationDetail }): void {
  view.links.set(event.detail.id, event.detail.url);
  keepSession();
  void refresh();
}

/** 再送: a new link and a new window for an open or expired invitation, mailed again. */
async function resend(row: InvitationSummary): Promise<void> {
  view.resends.set(row.id, 'loading');
  update();
  try {
    const issued = await admin().resendInvitation(row.id);
    view.links.set(issued.id, issued.url);
    view.resends.delete(row.id);
    view.notice = TEXT.resent(row.partner.companyName, tokyoDeadline(issued.expiresAt));
    keepSession();
    await refresh();
  } catch {
    view.resends.set(row.id, 'failed');
    update();
  }
}

function useKey(event: Event): void {
  event.preventDefault();
  const input = (event.target as HTMLFormElement).elements.namedItem('api-key') as HTMLInputElement;
  const key = input.value.trim();
  if (!key) return;
  Object.assign(view, { apiKey: key, keyRejected: false });
  keepSession();
  input.value = '';
  void refresh();
}

/** Fetches the PDF with the key (a plain link cannot send it) and saves it through a blob URL. */
async function downloadDocument(receiptNumber: string): Promise<void> {
  view.downloads.set(receiptNumber, 'loading');
  update();
  try {
    const blob = await admin().downloadDocument(receiptNumber);
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `${receiptNumber}.pdf`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    view.downloads.delete(receiptNumber);
  } catch {
    view.downloads.set(receiptNumber, 'failed');
  }
  update();
}

// ── templates ───────────────────────────────────────────────────────────────

function keyForm(): TemplateResult {
  return html`<section class="console-section" aria-labelledby="key-heading">
    <h2 id="key-heading">${TEXT.keyHeading}</h2>
    <p>${TEXT.keyIntro}</p>
    ${view.keyRejected ? html`<p class="console-error" role="alert">${TEXT.keyRejected}</p>` : nothing}
    <form class="key-form" @submit=${useKey}>
      <label for="api-key">${TEXT.keyLabel}</label>
      <input id="api-key" name="api-key" type="password" autocomplete="off" spellcheck="false" required />
      <button type="submit">${TEXT.keySubmit}</button>
    </form>
  </section>`;
}

function stateBadge(state: InvitationState): TemplateResult {
  return html`<span class="state state-${state}">${TEXT.states[state]}</span>`;
}

function applicationCell(row: InvitationSummary): TemplateResult | string {
  const application = row.application;
  if (!application) return TEXT.noApplication;
  return html`<div>${TEXT.receipt(application.receiptNumber)}</div>
    <div>${application.companyName}</div>
    <div class="muted">${TEXT.acceptedAt(tokyo(application.acceptedAt))}</div>
    ${application.stage
      ? html`<div><span class="visually-hidden">${TEXT.stageLabel}</span><span class="stage stage-${application.stage}">${TEXT.stages[application.stage]}</span></div>`
      : ''}`;
}

function linkCell(row: InvitationSummary): TemplateResult | string {
  const url = view.links.get(row.id);
  if (url && row.state === 'open') {
    return html`<a href=${url} target="_blank" rel="noopener noreferrer"
      >${TEXT.openApplication}<span class="visually-hidden">${TEXT.newWindow}</span></a
    >`;
  }
  return row.state === 'open' ? html`<span class="muted">${TEXT.linkUnknown}</span>` : TEXT.noApplication;
}

function documentCell(row: InvitationSummary): TemplateResult | string {
  const application = row.application;
  if (!application) return TEXT.noApplication;
  const status = view.downloads.get(application.receiptNumber);
  return html`<button
      type="button"
      class="link-button"
      ?disabled=${status === 'loading'}
      @click=${() => downloadDocument(application.receiptNumber)}
    >
      ${status === 'loading' ? TEXT.downloading : TEXT.download}<span class="visually-hidden"
        >${TEXT.forApplication(application.receiptNumber)}</span
      >
    </button>
    ${status === 'failed' ? html`<div class="console-error" role="alert">${TEXT.downloadFailed}</div>` : nothing}`;
}

function resendCell(row: InvitationSummary): TemplateResult | string {
  if (row.state === 'used') return TEXT.noApplication;
  const status = view.resends.get(row.id);
  return html`<button type="button" class="link-button" ?disabled=${status === 'loading'} @click=${() => resend(row)}>
      ${status === 'loading' ? TEXT.resending : TEXT.resend}<span class="visually-hidden">${TEXT.forPartner(row.partner.companyName)}</span>
    </button>
    ${status === 'failed' ? html`<div class="console-error" role="alert">${TEXT.resendFailed}</div>` : nothing}`;
}

function searchForm(): TemplateResult {
  return html`<form class="search-form" role="search" @submit=${search}>
    <div>
      <label for="invitation-search">${TEXT.searchLabel}</label>
      <input id="invitation-search" name="q" type="search" maxlength="200" .value=${view.search.q} />
    </div>
    <div>
      <label for="invitation-state">${TEXT.stateLabel}</label>
      <select id="invitation-state" name="state">
        <option value="" ?selected=${view.search.state === ''}>${TEXT.allStates}</option>
        ${(Object.keys(TEXT.states) as InvitationState[]).map(
          (state) => html`<option value=${state} ?selected=${view.search.state === state}>${TEXT.states[state]}</option>`,
        )}
      </select>
    </div>
    <button type="submit">${TEXT.search}</button>
  </form>`;
}

function moreButton(cursor: string | undefined, list: 'invitations' | 'mails'): TemplateResult | typeof nothing {
  return cursor ? html`<button type="button" class="more" ?disabled=${view.loading} @click=${() => more(list)}>${TEXT.more}</button>` : nothing;
}

function invitationTable(rows: readonly InvitationSummary[]): TemplateResult {
  if (rows.length === 0) return html`<p>${view.search.q || view.search.state ? TEXT.noMatches : TEXT.noInvitations}</p>`;
  const [, stateColumn, deadlineColumn, applicationColumn, linkColumn, documentColumn, resendColumn] = TEXT.columns;
  return html`<div class="table-scroll">
    <table class="invitations">
      <caption>${TEXT.tableCaption}</caption>
      <thead>
        <tr>
          ${TEXT.columns.map((column) => html`<th scope="col">${column}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">
              <div>${row.partner.companyName}</div>
              <div class="muted">${TEXT.contact(row.partner.contactName)}</div>
              <div class="muted">${row.partner.email}</div>
            </th>
            <td data-label=${stateColumn}>${stateBadge(row.state)}</td>
            <td data-label=${deadlineColumn}>${TEXT.deadline(tokyoDeadline(row.expiresAt))}</td>
            <td data-label=${applicationColumn}>${applicationCell(row)}</td>
            <td data-label=${linkColumn}>${linkCell(row)}</td>
            <td data-label=${documentColumn}>${documentCell(row)}</td>
            <td data-label=${resendColumn}>${resendCell(row)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>
  ${moreButton(view.invitationsCursor, 'invitations')}`;
}

function outbox(mails: readonly OutboxMailSummary[]): TemplateResult {
  if (mails.length === 0) return html`<p>${TEXT.outboxEmpty}</p>`;
  return html`<ol class="outbox">
      ${mails.map(
        (mail) => html`<li>
          <details @toggle=${(event: Event) => openMail(event, mail.id)}>
            <summary>
              <span class="mail-date">${tokyo(mail.createdAt)}</span>
              <span class="mail-subject">${mail.subject}</span>
              <span class="mail-to">${TEXT.mailTo(mail.to)}</span>
              <span class="muted">${mail.deliveredAt ? TEXT.delivered(tokyo(mail.deliveredAt)) : TEXT.undelivered}</span>
            </summary>
            <pre>${view.mailBodies.get(mail.id) ?? TEXT.loadingMail}</pre>
          </details>
        </li>`,
      )}
    </ol>
    ${moreButton(view.mailsCursor, 'mails')}`;
}

function page(): TemplateResult {
  if (!view.apiKey || view.keyRejected) return keyForm();
  const status = view.loading
    ? TEXT.refreshing
    : view.loadFailed
      ? TEXT.loadFailed
      : view.refreshedAt
        ? TEXT.refreshedAt(view.refreshedAt)
        : '';
  return html`
    <cec-invitation-form
      class="console-section"
      endpoint=${ENDPOINT}
      .apiKey=${view.apiKey}
      @cec-invitation-created=${remember}
      @cec-invitation-resent=${remember}
    ></cec-invitation-form>
    <section class="console-section" aria-labelledby="list-heading">
      <div class="section-heading">
        <h2 id="list-heading">${TEXT.listHeading}</h2>
        <button type="button" ?disabled=${view.loading} @click=${refresh}>${TEXT.refresh}</button>
      </div>
      ${searchForm()}
      <p class="muted" role="status">${status}</p>
      <p class="notice" role="status">${view.notice}</p>
      ${view.invitations ? invitationTable(view.invitations) : nothing}
    </section>
    <section class="console-section" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">${TEXT.outboxHeading}</h2>
      <p>${TEXT.outboxIntro}</p>
      ${view.mails ? outbox(view.mails) : nothing}
    </section>
  `;
}

const root = document.getElementById('console')!;

function update(): void {
  render(page(), root);
}

// The static "loading" text is replaced by Lit's first render.
root.replaceChildren();
update();
void refresh();

/**
 * The ordering company's console (発注者コンソール) of the demo: issues invitations with
 * `<cec-invitation-form>`, and lists the invitations, their applications (with the stored PDF) and the
 * mails the service queued. The page is served under a strict CSP with Trusted Types, so the DOM is
 * built only with Lit templates (`render()`), never with innerHTML.
 *
 * The API key comes from the address's fragment (`#key=…`, printed by `npm start`): a fragment never
 * reaches a server or a Referer. It is kept in memory only and the fragment is removed at once, so it
 * stays out of the history and of bookmarks; without it the page asks for the key.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { AdminApi } from '../../src/api/admin.js';
import '../../src/components/invitation-form/invitation-form.js';
import type { IssuedInvitationDetail } from '../../src/components/invitation-form/invitation-events.js';
import { formatTokyoDateTime } from '../../src/components/shared/format.js';
import type { InvitationState, InvitationSummary, OutboxMail } from '../../src/domain/index.js';

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
  columns: ['取引先', '状態', '有効期限', '申請', '申請画面', '書類'],
  states: { open: '未使用', used: '申請済み', expired: '期限切れ' } satisfies Record<InvitationState, string>,
  contact: (name: string) => `${name} 様`,
  receipt: (receiptNumber: string) => `受付番号 ${receiptNumber}`,
  acceptedAt: (date: string) => `受付 ${date}`,
  noApplication: '—',
  openApplication: '申請画面を開く',
  newWindow: '（新しいタブで開きます）',
  linkUnknown: 'このコンソールで発行・再送したリンクのみ開けます',
  download: 'PDFをダウンロード',
  downloading: 'ダウンロードしています…',
  downloadFailed: 'ダウンロードできませんでした',
  forApplication: (receiptNumber: string) => `（受付番号 ${receiptNumber}）`,
  noInvitations: 'まだ招待はありません。上のフォームから取引先を招待してください。',
  outboxHeading: '送信メール（アウトボックス）',
  outboxIntro: 'デモではメールは実際には送られません。送られるはずだったメールをここに表示します。',
  outboxEmpty: '送信メールはまだありません。',
  mailTo: (to: string) => `宛先：${to}`,
};

/** What the console knows and shows; `update()` re-renders everything from it. */
const view = {
  apiKey: keyFromFragment(),
  keyRejected: false,
  invitations: undefined as InvitationSummary[] | undefined,
  mails: undefined as OutboxMail[] | undefined,
  loading: false,
  loadFailed: false,
  refreshedAt: undefined as string | undefined,
  /** Links issued in this session, by invitation id: the server keeps only a hash of each token. */
  links: new Map<string, string>(),
  downloads: new Map<string, 'loading' | 'failed'>(),
};

/** `#key=…` of the address, removed from it straight away. */
function keyFromFragment(): string {
  const key = new URLSearchParams(window.location.hash.slice(1)).get('key')?.trim() ?? '';
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return key;
}

const admin = () => new AdminApi({ endpoint: ENDPOINT, apiKey: view.apiKey });
const tokyo = (instant: string) => formatTokyoDateTime(instant, 'ja');

async function refresh(): Promise<void> {
  if (!view.apiKey || view.loading) return;
  view.loading = true;
  update();
  try {
    const [invitations, mails] = await Promise.all([admin().listInvitations(), admin().listOutbox()]);
    Object.assign(view, { invitations, mails, loadFailed: false, keyRejected: false });
    view.refreshedAt = new Intl.DateTimeFormat('ja-JP', { timeStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date());
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') view.keyRejected = true;
    else view.loadFailed = true;
  } finally {
    view.loading = false;
    update();
  }
}

/** The link of an invitation just issued or resent: the list can offer it, and is refreshed. */
function remember(event: { detail: IssuedInvitationDetail }): void {
  view.links.set(event.detail.id, event.detail.url);
  void refresh();
}

function useKey(event: Event): void {
  event.preventDefault();
  const input = (event.target as HTMLFormElement).elements.namedItem('api-key') as HTMLInputElement;
  const key = input.value.trim();
  if (!key) return;
  Object.assign(view, { apiKey: key, keyRejected: false });
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
    <div class="muted">${TEXT.acceptedAt(tokyo(application.acceptedAt))}</div>`;
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

function invitationTable(rows: readonly InvitationSummary[]): TemplateResult {
  if (rows.length === 0) return html`<p>${TEXT.noInvitations}</p>`;
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
            <td>${stateBadge(row.state)}</td>
            <td>${tokyo(row.expiresAt)}</td>
            <td>${applicationCell(row)}</td>
            <td>${linkCell(row)}</td>
            <td>${documentCell(row)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function outbox(mails: readonly OutboxMail[]): TemplateResult {
  if (mails.length === 0) return html`<p>${TEXT.outboxEmpty}</p>`;
  return html`<ol class="outbox">
    ${mails.map(
      (mail) => html`<li>
        <details>
          <summary>
            <span class="mail-date">${tokyo(mail.createdAt)}</span>
            <span class="mail-subject">${mail.subject}</span>
            <span class="mail-to">${TEXT.mailTo(mail.to)}</span>
          </summary>
          <pre>${mail.body}</pre>
        </details>
      </li>`,
    )}
  </ol>`;
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
      <p class="muted" role="status">${status}</p>
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

/**
 * The operator's page of the demo (the service side, not the ordering company): every accepted
 * application with its stage, the two waves that send the guide's mails ①–③ and ④–⑥, the certificates
 * partners asked for, and the outbox read as its recipients would (the demo's mailbox when no SMTP
 * server is set). Opened with `#key=<operator key>` (printed once by `npm start`), kept for this tab.
 * Rendered with lit-html under the strict CSP: every value is text, none is HTML.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { apiErrorFromResponse, ApiError } from '../../src/api/errors.js';
import { exchange, parseBody } from '../../src/api/request.js';
import { formatTokyoDateTime } from '../../src/components/shared/format.js';
import type { ApplicationStage } from '../../src/domain/index.js';
import {
  operatorApplicationListSchema,
  operatorApplicationSchema,
  operatorCertificateRequestListSchema,
  operatorCertificateRequestSchema,
  operatorMailListSchema,
  operatorMailSchema,
  type OperatorApplication,
  type OperatorCertificateRequest,
  type OperatorMailSummary,
} from '../server/operator-schemas.js';

const ENDPOINT = '/api/operator';
/** Where this tab keeps the operator key (sessionStorage: never the address, gone with the tab). */
const KEY_STORAGE = 'cec-operator-key';

const TEXT = {
  keyHeading: '運営者キーを入力してください',
  keyIntro: '`npm start` が初回に表示した運営者ページのURL（#key=…）で開くか、.data/demo-operator-key のキーを入力してください。',
  keyLabel: '運営者キー',
  keyOpen: '開く',
  keyRejected: '運営者キーが正しくありません。入力し直してください。',
  refresh: '最新の情報に更新',
  loading: '読み込んでいます…',
  applicationsHeading: '受け付けた利用申請',
  applicationsEmpty: '受け付けた利用申請はまだありません。',
  applicationsCaption: (count: number) => `利用申請 ${count} 件（新しい順）`,
  moreApplications: 'さらに表示（次の50件）',
  moreShown: (count: number) => `利用申請を ${count} 件表示しています。`,
  applicationColumns: ['受付番号', '発注者', '申請企業', '管理用ID利用者', '受付日時', '状況', '手続き'],
  stages: { accepted: '受付済', usersIssued: '利用者ID発行済', registered: '利用登録完了' } satisfies Record<ApplicationStage, string>,
  wave1: '利用者ID発行（①〜③を送信）',
  wave2: '利用登録完了（④〜⑥を送信）',
  done: '手続き完了',
  forReceipt: (receiptNumber: string, company: string) => `：受付番号 ${receiptNumber} ${company}`,
  wave1Sent: (receiptNumber: string, email: string) => `受付番号 ${receiptNumber}：①利用者ID発行・②初回ログインパスワード・③サービス利用企業登録完了のお知らせを ${email} 宛てに送りました。`,
  wave2Sent: (receiptNumber: string, email: string) => `受付番号 ${receiptNumber}：④電子証明書発行・⑤PIN・⑥利用登録完了のお知らせを ${email} 宛てに送りました。`,
  requestsHeading: '電子証明書追加発行申請',
  requestsEmpty: '発行を待っている申請はありません。',
  requestsCaption: (count: number) => `発行待ち ${count} 件`,
  requestColumns: ['申請番号', '企業', '利用者ID', '部署名・役職名', '申請日時', '手続き'],
  issue: '発行する（PINを送信）',
  issued: (requestNumber: string, userIds: string) => `申請番号 ${requestNumber}：電子証明書を発行し、PINのお知らせを ${userIds} に送りました。`,
  mailboxHeading: 'メールボックス（デモ）',
  mailboxIntro: 'SMTPサーバーを設定していないデモでは、メールは送られずにここに残ります。受信者が読む内容（パスワード・PINを含む）を確認できます。SMTPで送信済みのメールのパスワード・PINは削除されています。',
  mailboxEmpty: 'メールはまだありません。',
  mailTo: (to: string) => `宛先：${to}`,
  mailOpen: '本文を表示',
  mailClose: '本文を閉じる',
  errors: {
    unauthorized: '運営者キーが正しくありません。',
    stage_conflict: 'この申請は今の状況からは進められません（利用登録完了の前に利用者ID発行が必要です）。',
    application_not_found: 'この申請は見つかりません（保存期間を過ぎて削除された可能性があります）。',
    certificate_not_found: 'この電子証明書の申請は見つかりません。',
    network: 'サーバーに接続できませんでした。通信状態を確認して、もう一度お試しください。',
    timeout: 'サーバーからの応答がありませんでした。もう一度お試しください。',
  } as Record<string, string>,
  failed: (code: string) => `処理できませんでした（${code}）。もう一度お試しください。`,
};

const view = {
  key: keyFromAddress(),
  keyRejected: false,
  loading: false,
  applications: undefined as OperatorApplication[] | undefined,
  /** `nextCursor` of the last page of applications shown, when there are more. */
  applicationsNext: undefined as string | undefined,
  requests: undefined as OperatorCertificateRequest[] | undefined,
  mails: undefined as OperatorMailSummary[] | undefined,
  /** Mail texts opened, by id. */
  mailBodies: new Map<number, string>(),
  /** Rows whose action is running, by application id or certificate id. */
  busy: new Set<string>(),
  notice: '',
  error: '',
};

/** `#key=…` of the address, removed from it at once; else the key kept for this tab. */
function keyFromAddress(): string {
  const key = new URLSearchParams(window.location.hash.slice(1)).get('key')?.trim() ?? '';
  if (window.location.hash) history.replaceState(history.state, '', window.location.pathname + window.location.search);
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  return key || (sessionStorage.getItem(KEY_STORAGE) ?? '');
}

const tokyo = (instant: string) => formatTokyoDateTime(instant, 'ja');

/** One operator call; failures are `ApiError`s with the contract's codes. */
async function operator<T>(schema: Parameters<typeof parseBody<T>>[0], method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${view.key}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) };
  const { response, body: text } = await exchange(`${ENDPOINT}${path}`, init, { timeoutMs: 30_000 }, (answer) => answer.text());
  if (!response.ok) throw apiErrorFromResponse(response, text);
  return parseBody(schema, text, response.status);
}

function messageOf(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'unknown';
  return TEXT.errors[code] ?? TEXT.failed(code);
}

async function refresh(): Promise<void> {
  if (!view.key || view.loading) return;
  view.loading = true;
  update();
  try {
    const [applications, requests, mails] = await Promise.all([
      operator(operatorApplicationListSchema, 'GET', '/applications'),
      operator(operatorCertificateRequestListSchema, 'GET', '/certificate-requests?state=requested'),
      operator(operatorMailListSchema, 'GET', '/outbox'),
    ]);
    Object.assign(view, {
      applications: applications.applications,
      applicationsNext: applications.nextCursor,
      requests: requests.certificateRequests,
      mails: mails.mails,
      keyRejected: false,
      error: '',
    });
    view.mailBodies.clear();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') {
      view.keyRejected = true;
      sessionStorage.removeItem(KEY_STORAGE);
    } else view.error = messageOf(error);
  } finally {
    view.loading = false;
    update();
  }
}

/** Runs one row's action, then says what happened and reloads the lists. */
async function act(id: string, work: () => Promise<string>): Promise<void> {
  if (view.busy.has(id)) return;
  view.busy.add(id);
  view.notice = '';
  view.error = '';
  update();
  try {
    view.notice = await work();
  } catch (error) {
    view.error = messageOf(error);
  } finally {
    view.busy.delete(id);
  }
  await refresh();
}

function advance(application: OperatorApplication, stage: 'usersIssued' | 'registered'): void {
  void act(application.id, async () => {
    const moved = await operator(operatorApplicationSchema, 'POST', `/applications/${encodeURIComponent(application.id)}/stage`, { stage });
    return (stage === 'usersIssued' ? TEXT.wave1Sent : TEXT.wave2Sent)(moved.receiptNumber, moved.adminEmail);
  });
}

function issue(request: OperatorCertificateRequest): void {
  void act(request.certificateId, async () => {
    const issued = await operator(operatorCertificateRequestSchema, 'POST', `/certificate-requests/${encodeURIComponent(request.certificateId)}/issue`);
    return TEXT.issued(issued.requestNumber, issued.userIds.join('、'));
  });
}

async function toggleMail(id: number): Promise<void> {
  if (view.mailBodies.has(id)) {
    view.mailBodies.delete(id);
    return update();
  }
  try {
    view.mailBodies.set(id, (await operator(operatorMailSchema, 'GET', `/outbox/${id}`)).body);
  } catch (error) {
    view.error = messageOf(error);
  }
  update();
}

function openWithKey(event: Event): void {
  event.preventDefault();
  const key = String(new FormData(event.target as HTMLFormElement).get('key') ?? '').trim();
  if (!key) return;
  view.key = key;
  sessionStorage.setItem(KEY_STORAGE, key);
  void refresh();
}

// ── rendering ────────────────────────────────────────────────────────────────

function keyForm(): TemplateResult {
  return html`<section class="operator-key" aria-labelledby="key-heading">
    <h2 id="key-heading">${TEXT.keyHeading}</h2>
    <p>${TEXT.keyIntro}</p>
    ${view.keyRejected ? html`<p class="operator-error" role="alert">${TEXT.keyRejected}</p>` : nothing}
    <form @submit=${openWithKey}>
      <label for="operator-key">${TEXT.keyLabel}</label>
      <input id="operator-key" name="key" type="password" autocomplete="off" required />
      <button type="submit">${TEXT.keyOpen}</button>
    </form>
  </section>`;
}

function stageAction(application: OperatorApplication): TemplateResult | string {
  const context = html`<span class="visually-hidden">${TEXT.forReceipt(application.receiptNumber, application.companyName)}</span>`;
  const busy = view.busy.has(application.id);
  if (application.stage === 'accepted') {
    return html`<button type="button" ?disabled=${busy} @click=${() => advance(application, 'usersIssued')}>${TEXT.wave1}${context}</button>`;
  }
  if (application.stage === 'usersIssued') {
    return html`<button type="button" ?disabled=${busy} @click=${() => advance(application, 'registered')}>${TEXT.wave2}${context}</button>`;
  }
  return TEXT.done;
}

/** The next page of applications, added below those shown (the list is newest first, keyset-paged). */
async function moreApplications(): Promise<void> {
  if (!view.applicationsNext || view.loading) return;
  view.loading = true;
  update();
  try {
    const next = await operator(operatorApplicationListSchema, 'GET', `/applications?cursor=${encodeURIComponent(view.applicationsNext)}`);
    view.applications = [...(view.applications ?? []), ...next.applications];
    view.applicationsNext = next.nextCursor;
    view.notice = TEXT.moreShown(view.applications.length);
    view.error = '';
  } catch (error) {
    view.error = messageOf(error);
  } finally {
    view.loading = false;
    update();
  }
}

function applicationsTable(applications: readonly OperatorApplication[]): TemplateResult {
  if (applications.length === 0) return html`<p>${TEXT.applicationsEmpty}</p>`;
  const [receipt, ordering, company, administrator, acceptedAt, stage, action] = TEXT.applicationColumns;
  return html`<table class="operator-table">
    <caption class="visually-hidden">${TEXT.applicationsCaption(applications.length)}</caption>
    <thead><tr>${TEXT.applicationColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
    <tbody>
      ${applications.map(
        (application) => html`<tr>
          <th scope="row" data-label=${receipt}>${application.receiptNumber}</th>
          <td data-label=${ordering}>${application.orderingCompanyName}</td>
          <td data-label=${company}>${application.companyName}</td>
          <td data-label=${administrator}>${application.adminName}<br /><span class="muted">${application.adminEmail}</span></td>
          <td data-label=${acceptedAt}>${tokyo(application.acceptedAt)}</td>
          <td data-label=${stage}>${TEXT.stages[application.stage]}</td>
          <td data-label=${action}>${stageAction(application)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function requestsTable(requests: readonly OperatorCertificateRequest[]): TemplateResult {
  if (requests.length === 0) return html`<p>${TEXT.requestsEmpty}</p>`;
  const [number, company, users, role, requestedAt, action] = TEXT.requestColumns;
  return html`<table class="operator-table">
    <caption class="visually-hidden">${TEXT.requestsCaption(requests.length)}</caption>
    <thead><tr>${TEXT.requestColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
    <tbody>
      ${requests.map(
        (request) => html`<tr>
          <th scope="row" data-label=${number}>${request.requestNumber}</th>
          <td data-label=${company}>${request.companyName}</td>
          <td data-label=${users}>${request.userIds.join('、')}</td>
          <td data-label=${role}>${request.departmentJa} ${request.titleJa}</td>
          <td data-label=${requestedAt}>${tokyo(request.requestedAt)}</td>
          <td data-label=${action}>
            <button type="button" ?disabled=${view.busy.has(request.certificateId)} @click=${() => issue(request)}>
              ${TEXT.issue}<span class="visually-hidden">：${request.requestNumber}</span>
            </button>
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function mailbox(mails: readonly OperatorMailSummary[]): TemplateResult {
  if (mails.length === 0) return html`<p>${TEXT.mailboxEmpty}</p>`;
  return html`<ol class="operator-mails">
    ${mails.map((mail) => {
      const body = view.mailBodies.get(mail.id);
      return html`<li>
        <p><strong>${mail.subject}</strong> <span class="muted">${TEXT.mailTo(mail.to)} · ${tokyo(mail.createdAt)}</span></p>
        <button type="button" aria-expanded=${body !== undefined ? 'true' : 'false'} aria-controls="mail-${mail.id}" @click=${() => toggleMail(mail.id)}>
          ${body !== undefined ? TEXT.mailClose : TEXT.mailOpen}<span class="visually-hidden">：${mail.subject}</span>
        </button>
        <pre id="mail-${mail.id}" class="operator-mail" ?hidden=${body === undefined}>${body ?? ''}</pre>
      </li>`;
    })}
  </ol>`;
}

function page(): TemplateResult {
  if (!view.key || view.keyRejected) return keyForm();
  return html`
    <p class="operator-status" role="status">${view.loading ? TEXT.loading : view.notice}</p>
    <p class="operator-error" role="alert">${view.error}</p>
    <button type="button" ?disabled=${view.loading} @click=${refresh}>${TEXT.refresh}</button>
    <section class="operator-section" aria-labelledby="applications-heading">
      <h2 id="applications-heading">${TEXT.applicationsHeading}</h2>
      ${view.applications ? applicationsTable(view.applications) : nothing}
      ${view.applicationsNext ? html`<button type="button" ?disabled=${view.loading} @click=${moreApplications}>${TEXT.moreApplications}</button>` : nothing}
    </section>
    <section class="operator-section" aria-labelledby="requests-heading">
      <h2 id="requests-heading">${TEXT.requestsHeading}</h2>
      ${view.requests ? requestsTable(view.requests) : nothing}
    </section>
    <section class="operator-section" aria-labelledby="mailbox-heading">
      <h2 id="mailbox-heading">${TEXT.mailboxHeading}</h2>
      <p>${TEXT.mailboxIntro}</p>
      ${view.mails ? mailbox(view.mails) : nothing}
    </section>
  `;
}

const root = document.getElementById('operator')!;

function update(): void {
  render(page(), root);
}

root.replaceChildren(); // the static 読み込んでいます… of the page
update();
void refresh();

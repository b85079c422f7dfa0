/**
 * The provider's operator page of the demo (issue 15): every organisation's renewal requests, each row
 * with 「発行済みにする」 (証明書ID and 証明書シリアル typed, or left blank for the server to assign), which
 * queues the ID通知メール for a download row and, with the last row, the invoice notice; and 「60日前の
 * お知らせを送る」. The operator key comes from `#key=…` (printed by `npm start`).
 */
import { html, nothing, render } from 'lit';
import type { StoredRenewalRequest, StoredRenewalRow } from '../server/renewals.js';
import { callApi, CallError, keepPageKey, keyForm, pageKey } from './page-key.js';

/** The same entry as the operator page's (/operator/): one key, entered once per tab, opens both. */
const STORAGE_KEY = 'cec-operator-key';
const MEDIA = { download: 'ダウンロード', cdr: 'CD-R', usbMemory: 'USBメモリ', usbToken: 'USBトークン' } as const;
const FAILURES: Record<string, string> = {
  row_already_issued: 'この行は発行済みです。',
  certificate_id_taken: 'この証明書IDは別の証明書に使われています。',
  validation_failed: '証明書IDは半角英数字とハイフン、証明書シリアルは16進数で入力してください。',
  network: 'サーバーに接続できませんでした。もう一度お試しください。',
};

const view = {
  key: pageKey(STORAGE_KEY),
  keyRejected: false,
  requests: [] as StoredRenewalRequest[],
  loaded: false,
  announcement: '',
  /** The failure of a row's issuance, by `R…#row`. */
  rowFailures: new Map<string, string>(),
};

const root = document.querySelector<HTMLElement>('#operator')!;
// The static 「読み込んでいます…」 goes: Lit renders into an empty container.
root.replaceChildren();
const failureText = (error: unknown) => FAILURES[error instanceof CallError ? error.code : 'network'] ?? `できませんでした（${error instanceof CallError ? error.code : String(error)}）。`;

async function load(): Promise<void> {
  try {
    view.requests = (await callApi<{ requests: StoredRenewalRequest[] }>(view.key, '/operator/renewal-requests')).requests;
    view.loaded = true;
  } catch (error) {
    if (error instanceof CallError && error.code === 'unauthorized') view.keyRejected = true;
    else view.announcement = `一覧を読み込めませんでした。${failureText(error)}`;
  }
  update();
}

async function issue(request: StoredRenewalRequest, row: StoredRenewalRow, form: HTMLFormElement): Promise<void> {
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? '').trim();
  const body = { ...(field('certificateId') ? { certificateId: field('certificateId') } : {}), ...(field('serial') ? { serial: field('serial') } : {}) };
  const id = `${request.requestNumber}#${row.row}`;
  try {
    const updated = await callApi<StoredRenewalRequest>(view.key, `/operator/renewal-requests/${request.requestNumber}/rows/${row.row}/issue`, { method: 'POST', body });
    view.requests = view.requests.map((each) => (each.requestNumber === updated.requestNumber ? updated : each));
    view.rowFailures.delete(id);
    const issued = updated.rows.find((each) => each.row === row.row)!;
    view.announcement = `${request.requestNumber} の ${row.row} 行目（${row.commonName}）を発行済みにしました。証明書ID ${issued.issuedCertificateId}、証明書シリアル ${issued.issuedSerial}。`;
  } catch (error) {
    view.rowFailures.set(id, failureText(error));
  }
  update();
}

async function sendNotices(): Promise<void> {
  try {
    const sent = await callApi<{ mails: number; certificates: number }>(view.key, '/operator/expiry-notices', { method: 'POST' });
    view.announcement = sent.mails === 0 ? '新たにお知らせする証明書はありません。' : `${sent.mails} 通のお知らせ（証明書 ${sent.certificates} 件）を送信待ちにしました。`;
  } catch (error) {
    view.announcement = failureText(error);
  }
  update();
}

function renderRow(request: StoredRenewalRequest, row: StoredRenewalRow) {
  const id = `${request.requestNumber}-${row.row}`;
  const failure = view.rowFailures.get(`${request.requestNumber}#${row.row}`);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void issue(request, row, event.target as HTMLFormElement);
  };
  const medium = row.tokenChoice ? `${MEDIA[row.medium]}（${row.tokenChoice === 'new' ? '新規' : '再利用'}）` : MEDIA[row.medium];
  return html`<tr>
    <td>${row.row}</td>
    <td>${row.commonName}</td>
    <td>${row.validityStart ?? '発行日'}</td>
    <td>${medium}${row.notificationEmail ? html`<br />${row.notificationEmail}` : nothing}</td>
    <td>
      ${row.state === 'issued'
        ? html`発行済み：証明書ID ${row.issuedCertificateId}、証明書シリアル ${row.issuedSerial}`
        : html`<form @submit=${onSubmit} aria-label=${`${row.row} 行目 ${row.commonName} の発行`}>
            <label for=${`id-${id}`}>証明書ID</label>
            <input id=${`id-${id}`} name="certificateId" autocomplete="off" placeholder="空欄なら自動" />
            <label for=${`serial-${id}`}>証明書シリアル</label>
            <input id=${`serial-${id}`} name="serial" autocomplete="off" placeholder="空欄なら自動" aria-describedby=${failure ? `failure-${id}` : nothing} />
            <button type="submit">発行済みにする</button>
            ${failure ? html`<p id=${`failure-${id}`} class="failure" role="alert">${failure}</p>` : nothing}
          </form>`}
    </td>
  </tr>`;
}

function update(): void {
  if (!view.key || view.keyRejected) {
    render(
      keyForm({
        heading: 'オペレーターキー',
        intro: 'npm start が表示する「operator」のURL（#key=… 付き）を開くと、キーは自動で設定されます。ここに貼り付けることもできます。',
        label: 'オペレーターキー',
        rejected: view.keyRejected,
        onKey: (key) => {
          keepPageKey(STORAGE_KEY, key);
          Object.assign(view, { key, keyRejected: false });
          void load();
        },
      }),
      root,
    );
    return;
  }
  render(
    html`<p>
        <button type="button" @click=${load}>一覧を更新</button>
        <button type="button" @click=${sendNotices}>60日前のお知らせを送る</button>
      </p>
      <div role="status">${view.announcement}</div>
      ${view.loaded && view.requests.length === 0 ? html`<p>発行依頼はまだありません。</p>` : nothing}
      ${view.requests.map(
        (request) => html`<section class="operator-request" aria-labelledby=${`request-${request.requestNumber}`}>
          <h2 id=${`request-${request.requestNumber}`}>依頼番号 ${request.requestNumber}（${request.organisationName}、事業者コード ${request.operatorCode}）</h2>
          <table>
            <caption>${request.completedAt ? 'すべて発行済み' : '発行待ちの行があります'}</caption>
            <thead><tr><th scope="col">No.</th><th scope="col">CN</th><th scope="col">有効期間開始日</th><th scope="col">格納媒体</th><th scope="col">発行</th></tr></thead>
            <tbody>${request.rows.map((row) => renderRow(request, row))}</tbody>
          </table>
        </section>`,
      )}`,
    root,
  );
}

update();
if (view.key) void load();

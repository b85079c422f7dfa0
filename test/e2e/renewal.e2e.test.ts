/**
 * End to end against the real reference backend, no mocks (issue 15): the in-house RA contact opens
 * `<cec-certificate-renewal-form>` with its key, the form is prefilled from the organisation's expiring
 * certificates, a row is pasted from Excel (full-width digits, an impossible date that gets its message and
 * is corrected), a start date 180 days ahead is refused with the seed's sentence and corrected, the
 * request is confirmed and sent; the operator then issues every row, the request shows each 証明書ID and
 * シリアル, and the outbox holds the ID通知メール of each download row and the invoice notice.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/certificate-renewal-form/certificate-renewal-form.js';
import type { CecCertificateRenewalForm } from '../../src/components/certificate-renewal-form/certificate-renewal-form.component.js';
import { addDays, tokyoToday } from '../../src/domain/dates.js';
import { descriptionOf, getByLabel, getByRole, replaceText, typeInto, visibleText, waitUntil } from '../helpers.js';

interface Backend {
  endpoint: string;
}
interface RenewalKeys {
  raKey: string;
  operatorKey: string;
}
interface StoredRow {
  row: number;
  commonName: string;
  certificateId?: string;
  currentExpiry?: string;
  validityStart?: string;
  medium: string;
  state: string;
  issuedCertificateId?: string;
  issuedSerial?: string;
}
interface Mail {
  to: string;
  subject: string;
  body: string;
}

const server = <T>(action: string, extra: Record<string, unknown> = {}) =>
  executeServerCommand<T, Record<string, unknown>>('reference-server', { action, origin: location.origin, ...extra });

function row(form: CecCertificateRenewalForm, number: number): HTMLElement {
  return form.shadowRoot!.querySelectorAll<HTMLElement>('fieldset.row')[number - 1]!;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function call<T>(backend: Backend, key: string, path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${backend.endpoint}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.status, `${method} ${path}`).to.equal(200);
  return (await response.json()) as T;
}

/** `2027年9月27日` as the form writes a day (without the weekday). */
const japaneseDay = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

describe('certificate renewal end to end with the reference server', () => {
  let backend: Backend;
  let keys: RenewalKeys;
  before(async () => {
    backend = (await server<Backend>('start'))!;
    keys = (await server<RenewalKeys>('seed-renewal'))!;
    sessionStorage.clear();
  });
  after(() => server('stop'));

  it('prefills, takes a paste, refuses what the seed refuses, sends, and shows the issued certificates and their mails', async function () {
    this.timeout(60_000);
    const today = tokyoToday();
    const form = await fixture<CecCertificateRenewalForm>(
      html`<cec-certificate-renewal-form endpoint=${backend.endpoint} lang="ja" autoload no-resume .apiKey=${keys.raKey}></cec-certificate-renewal-form>`,
    );
    const root = form.shadowRoot!;
    let requestNumber = '';
    form.addEventListener('cec-renewal-submitted', (event) => (requestNumber = event.detail.requestNumber));

    // The expiring list of the server: 4 certificates within 60 days (the one 100 days out is not due).
    await waitUntil(() => root.querySelectorAll('fieldset.row').length === 4, 'the expiring certificates', 10_000);
    expect(getByLabel('CN', row(form, 1)).value).to.equal('gw01.gas.example.co.jp');
    expect(getByLabel('現在の証明書ID', row(form, 4)).value).to.equal('100004');

    // A fifth certificate pasted from Excel, full-width digits and a day that does not exist.
    const textarea = getByLabel<HTMLTextAreaElement>('Excelから貼り付け', root);
    textarea.focus();
    textarea.value = 'gw09.gas.example.co.jp\t１０００９\t２０２７／２／３０';
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    getByRole('button', '貼り付けた内容を取り込む', root).click();
    await form.updateComplete;
    expect(root.querySelectorAll('fieldset.row')).to.have.length(5);
    const pastedExpiry = getByLabel('現在の証明書の有効期限日', row(form, 5));
    expect(descriptionOf(pastedExpiry)).to.include('存在しない日付');
    const expiry = addDays(today, 40);
    await replaceText(pastedExpiry, expiry.replace(/-/g, '/'));
    await form.updateComplete;
    expect(pastedExpiry.getAttribute('aria-invalid')).to.equal('false');

    // 180 days ahead is refused with the seed's sentence; 179 is the latest.
    const start = getByLabel('有効期間開始日', row(form, 1));
    await typeInto(start, addDays(today, 180));
    await form.updateComplete;
    getByRole('button', '入力内容を確認する', root).click();
    await form.updateComplete;
    expect(visibleText(row(form, 1))).to.include('「お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません。」');
    expect(visibleText(row(form, 1))).to.include(japaneseDay(addDays(today, 179)));
    await replaceText(start, addDays(today, 179));
    await form.updateComplete;
    expect(start.getAttribute('aria-invalid')).to.equal('false');

    // Media: row 2 on a USB token reused, the rest downloaded, the ID通知メール to one address.
    choose(getByLabel<HTMLSelectElement>('格納媒体', row(form, 2)), 'usbToken');
    await form.updateComplete;
    getByLabel('現在ご利用中のUSBトークンを再利用する', row(form, 2)).click();
    choose(getByLabel<HTMLSelectElement>('空欄の行の格納媒体', root), 'download');
    await form.updateComplete;
    await typeInto(getByLabel('空欄の行のID通知メールの送付先', root), 'ops@gas.example.co.jp');
    getByRole('button', '空欄の行に設定する', root).click();
    await typeInto(getByLabel('事業者コード', root), 'A1234');
    getByLabel('事業者コードが、割り当てられたコードと一字一句同じであることを確認しました。', root).click();
    await form.updateComplete;

    getByRole('button', '入力内容を確認する', root).click();
    await waitUntil(() => root.querySelector('#confirm-heading'), 'confirmation');
    expect(visibleText(form)).to.include('gw09.gas.example.co.jp');
    getByRole('button', 'この内容で申し込む', root).click();
    await waitUntil(() => root.querySelector('#done-heading'), 'the request number', 10_000);
    expect(requestNumber).to.match(/^R\d{10}$/);
    expect(visibleText(form)).to.include(`受付番号：${requestNumber}`);

    // As the server stored it: normalised, every row requested.
    const stored = await call<{ rows: StoredRow[] }>(backend, keys.raKey, `/renewal-requests/${requestNumber}`);
    expect(stored.rows.map((each) => [each.commonName, each.certificateId, each.medium, each.state])).to.deep.equal([
      ['gw01.gas.example.co.jp', '100001', 'download', 'requested'],
      ['gw02.gas.example.co.jp', '100002', 'usbToken', 'requested'],
      ['gw03.gas.example.co.jp', '100003', 'download', 'requested'],
      ['gw04.gas.example.co.jp', '100004', 'download', 'requested'],
      ['gw09.gas.example.co.jp', '10009', 'download', 'requested'],
    ]);
    expect(stored.rows[0]!.validityStart).to.equal(addDays(today, 179));
    expect(stored.rows[4]!.currentExpiry).to.equal(expiry);

    // The operator issues every row; the server assigns 証明書ID and serial.
    for (const each of stored.rows) await call(backend, keys.operatorKey, `/operator/renewal-requests/${requestNumber}/rows/${each.row}/issue`, 'POST', {});
    const issued = await call<{ rows: StoredRow[]; completedAt?: string }>(backend, keys.raKey, `/renewal-requests/${requestNumber}`);
    expect(issued.completedAt).to.be.a('string');
    for (const each of issued.rows) {
      expect(each.state).to.equal('issued');
      expect(each.issuedCertificateId).to.match(/^\d{8}$/);
      expect(each.issuedSerial).to.match(/^[0-9A-F]{32}$/);
    }

    const mails = (await server<Mail[]>('renewal-outbox'))!;
    const idNotices = mails.filter((mail) => mail.subject.includes('ID通知メール'));
    expect(idNotices.map((mail) => mail.to)).to.deep.equal(Array(4).fill('ops@gas.example.co.jp'), 'one per download row, none for the USB token');
    for (const each of issued.rows.filter((one) => one.medium === 'download')) {
      expect(idNotices.some((mail) => mail.body.includes(`CN：${each.commonName}`) && mail.body.includes(`証明書ID：${each.issuedCertificateId}`) && mail.body.includes(`証明書シリアル：${each.issuedSerial}`))).to.equal(true, each.commonName);
    }
    const invoice = mails.find((mail) => mail.subject.includes('請求書'));
    expect(invoice?.to).to.equal('ra@gas.example.co.jp');
    expect(invoice?.body).to.include(`依頼番号 ${requestNumber}`);
  });
});

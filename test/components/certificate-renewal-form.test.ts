/**
 * `<cec-certificate-renewal-form>` as an in-house RA contact meets it, against the MSW renewal backend:
 * the seed's cautions, the 179-day limit and the past-date confirmation in Japan time, the conditional
 * ID通知メール address, rows added / duplicated / removed with the keyboard, a pasted Excel list and a
 * Shift_JIS CSV with full-width digits and bad rows, the expiring list, confirmation and submit, the
 * RA-contact refusal; Japanese and English; axe in every view.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../../src/components/certificate-renewal-form/certificate-renewal-form.js';
import type { CecCertificateRenewalForm } from '../../src/components/certificate-renewal-form/certificate-renewal-form.component.js';
import type { RenewalReceipt } from '../../src/domain/renewal.js';
import { MockRenewalBackend } from '../../src/mocks/renewal.js';
import {
  chooseFile,
  deepActiveElement,
  descriptionOf,
  getByLabel,
  getByRole,
  press,
  queryAllByLabel,
  queryAllByRole,
  replaceText,
  typeInto,
  visibleText,
  waitUntil,
} from '../helpers.js';

/** 00:30 on 1 April 2027 in Tokyo, still 31 March in UTC: "today" must be 1 April. */
const NOW = new Date('2027-03-31T15:30:00Z');
const clock = () => NOW;

const backend = new MockRenewalBackend({ now: clock });
const raOnly = new MockRenewalBackend({ endpoint: '/ra-api', now: clock, raContactKey: 'ra-contact-key' });
/** A server whose clock is an hour behind: for it, it is still 31 March in Japan. */
const lateServer = new MockRenewalBackend({ endpoint: '/late-api', now: () => new Date(NOW.getTime() - 60 * 60 * 1000) });
const worker = setupWorker(...backend.handlers, ...raOnly.handlers, ...lateServer.handlers);

async function openForm(lang = 'ja', endpoint = '/api'): Promise<CecCertificateRenewalForm> {
  const form = await fixture<CecCertificateRenewalForm>(
    html`<cec-certificate-renewal-form endpoint=${endpoint} lang=${lang} .now=${clock}></cec-certificate-renewal-form>`,
  );
  if (lang === 'en') await waitUntil(() => visibleText(form).includes('Renew client certificates'), 'English texts');
  return form;
}

/** The fieldset of the n-th row (1-based). */
function row(form: CecCertificateRenewalForm, number: number): HTMLElement {
  return form.shadowRoot!.querySelectorAll<HTMLElement>('fieldset.row')[number - 1]!;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** What a paste into the textarea does: its value changes and an input event follows. */
function paste(textarea: HTMLTextAreaElement, text: string): void {
  textarea.focus();
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fillValidRequest(form: CecCertificateRenewalForm): Promise<void> {
  await typeInto(getByLabel('事業者コード', form.shadowRoot!), 'A1234');
  getByLabel('事業者コードが、割り当てられたコードと一字一句同じであることを確認しました。', form.shadowRoot!).click();
  const first = row(form, 1);
  await typeInto(getByLabel('CN', first), 'gw01.gas.example.co.jp');
  await typeInto(getByLabel('現在の証明書ID', first), '１０００１');
  await typeInto(getByLabel('現在の証明書の有効期限日', first), '令和9年5月31日');
  await typeInto(getByLabel('有効期間開始日', first), '２０２７／５／１');
  await choose(getByLabel<HTMLSelectElement>('格納媒体', first), 'download');
  await form.updateComplete;
  await typeInto(getByLabel('ID通知メールの送付先', first), 'ra@example.co.jp');
  await form.updateComplete;
}

/** Fills a valid request, confirms it and sends it into a network failure (the retry button then shows). */
async function sendIntoNetworkFailure(form: CecCertificateRenewalForm): Promise<void> {
  await fillValidRequest(form);
  getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
  await waitUntil(() => form.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
  backend.failNext({ network: true });
  getByRole('button', 'この内容で申し込む', form.shadowRoot!).click();
  await waitUntil(() => visibleText(form).includes('サーバーに接続できません'), 'network failure');
}

describe('cec-certificate-renewal-form', function () {
  // Whole walks with several round trips: the default 10 s is short when the machine is loaded.
  this.timeout(30_000);
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } }));
  after(() => worker.stop());
  beforeEach(() => {
    for (const each of [backend, raOnly, lateServer]) each.reset();
    sessionStorage.clear();
  });

  it('quotes the seed’s cautions once at the top, with today’s limits in Japan time (00:30 JST is already 1 April)', async () => {
    const form = await openForm();
    const text = visibleText(form);
    expect(text.split('お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません').length - 1).to.equal(1);
    expect(text).to.include('本日（2027年4月1日(木)、日本時間）のお申し込みでは、2027年9月27日(月)まで指定できます。');
    expect(text).to.include('発行はおよそ2027年4月8日(木)の見込みです');
    expect(text).to.include('有効期間開始日を指定しない場合、当社の証明書発行日が有効期間開始日となります。');
    expect(text).to.include('自動的に利用できなくなります');
  });

  it('refuses an empty request with an error summary whose links take the user to each field', async () => {
    const form = await openForm();
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('.error-summary'), 'error summary');
    expect(deepActiveElement()).to.equal(form.shadowRoot!.querySelector('.error-summary'));
    const links = queryAllByRole('link', undefined, form.shadowRoot!).map((link) => link.textContent!.trim());
    expect(links).to.include('事業者コードを入力してください。');
    expect(links).to.include('事業者コードを確認のうえ、チェックを入れてください。');
    expect(links).to.include('1件目：CNを入力してください。');
    expect(links).to.include('1件目：格納媒体を選んでください。');
    getByRole('link', '1件目：CNを入力してください。', form.shadowRoot!).click();
    await form.updateComplete;
    const cn = getByLabel('CN', row(form, 1));
    expect(deepActiveElement()).to.equal(cn);
    expect(cn.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(cn)).to.include('CNを入力してください。');
  });

  it('asks for the ID通知メール address only for ダウンロード, and requires it then', async () => {
    const form = await openForm();
    const first = row(form, 1);
    expect(queryAllByLabel('ID通知メールの送付先', first)).to.have.length(0);
    await choose(getByLabel<HTMLSelectElement>('格納媒体', first), 'download');
    await form.updateComplete;
    const email = getByLabel('ID通知メールの送付先', first);
    expect(email.required).to.equal(true);
    expect(descriptionOf(email)).to.include('ID通知メール');
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await form.updateComplete;
    expect(descriptionOf(email)).to.include('ダウンロードの場合はID通知メールの送付先を入力してください');
    await choose(getByLabel<HTMLSelectElement>('格納媒体', first), 'cdr');
    await form.updateComplete;
    expect(queryAllByLabel('ID通知メールの送付先', first)).to.have.length(0);
    expect(visibleText(form)).not.to.include('ダウンロードの場合は');
  });

  it('asks new or reused for a USB token, with the ePass2003 runtime note', async () => {
    const form = await openForm();
    await choose(getByLabel<HTMLSelectElement>('格納媒体', row(form, 1)), 'usbToken');
    await form.updateComplete;
    const group = getByRole('group', /^USBトークン/, row(form, 1));
    expect(descriptionOf(group)).to.include('ePass2003 USBトークンランタイムパッケージのインストールが必要');
    getByLabel('現在ご利用中のUSBトークンを再利用する', row(form, 1)).click();
    await form.updateComplete;
    expect(getByLabel<HTMLInputElement>('現在ご利用中のUSBトークンを再利用する', row(form, 1)).checked).to.equal(true);
  });

  it('accepts +179 days and refuses +180 with the seed’s sentence', async () => {
    const form = await openForm();
    const start = getByLabel('有効期間開始日', row(form, 1));
    await typeInto(start, '2027/9/28');
    await press('Tab');
    await form.updateComplete;
    expect(visibleText(row(form, 1))).to.include('「お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません。」2027年9月27日(月)までの日付を入力してください。');
    expect(start.getAttribute('aria-invalid')).to.equal('true');
    await replaceText(start, '2027/9/27');
    await form.updateComplete;
    expect(start.getAttribute('aria-invalid')).to.equal('false');
    expect(visibleText(row(form, 1))).to.include('2027年9月27日(月)になるまでは、新しい証明書を利用できません。');
  });

  it('requires an explicit confirmation for a start date in the past (yesterday in Japan time)', async () => {
    const form = await openForm();
    await fillValidRequest(form);
    const first = row(form, 1);
    await replaceText(getByLabel('有効期間開始日', first), '2027/3/31');
    await form.updateComplete;
    const confirm = getByLabel<HTMLInputElement>('過去の日付であることを確認しました（有効期間が少なくとも1日短くなります）。', first);
    expect(confirm.checked).to.equal(false);
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await form.updateComplete;
    expect(getByRole('link', /^1件目：有効期間開始日が過去の日付です。/, form.shadowRoot!)).to.exist;
    confirm.focus();
    await press('Space');
    await form.updateComplete;
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
    expect(visibleText(form)).to.include('2027年3月31日(水)');
  });

  it('shows the overlap with the current certificate in days', async () => {
    const form = await openForm();
    const first = row(form, 1);
    await typeInto(getByLabel('現在の証明書の有効期限日', first), '2027/5/31');
    await form.updateComplete;
    expect(visibleText(first)).to.include('現在の証明書との重複期間：約54日（発行見込み日から数えた目安）');
    await typeInto(getByLabel('有効期間開始日', first), '2027/5/1');
    await form.updateComplete;
    expect(visibleText(first)).to.include('現在の証明書との重複期間：31日');
    await replaceText(getByLabel('有効期間開始日', first), '2027/6/11');
    await form.updateComplete;
    expect(visibleText(first)).to.include('2027年6月1日(火)から2027年6月10日(木)までの10日間、利用できる証明書がありません');
  });

  it('adds, duplicates and removes rows with the keyboard, focus following', async () => {
    const form = await openForm();
    await typeInto(getByLabel('CN', row(form, 1)), 'gw01');
    getByRole('button', '1件目を複製', form.shadowRoot!).focus();
    await press('Enter');
    await form.updateComplete;
    expect(form.shadowRoot!.querySelectorAll('fieldset.row')).to.have.length(2);
    expect(deepActiveElement()).to.equal(getByLabel('CN', row(form, 2)));
    expect(getByLabel('CN', row(form, 2)).value).to.equal('gw01');
    await replaceText(getByLabel('CN', row(form, 2)), 'gw02');
    getByRole('button', '行を追加', form.shadowRoot!).focus();
    await press('Enter');
    await form.updateComplete;
    expect(deepActiveElement()).to.equal(getByLabel('CN', row(form, 3)));
    getByRole('button', '1件目を削除', form.shadowRoot!).focus();
    await press('Enter');
    await form.updateComplete;
    expect(form.shadowRoot!.querySelectorAll('fieldset.row')).to.have.length(2);
    expect(getByLabel('CN', row(form, 1)).value).to.equal('gw02');
    expect(deepActiveElement()).to.equal(getByLabel('CN', row(form, 1)));
    expect(visibleText(form)).to.include('1件目を削除しました。');
  });

  it('imports an Excel paste with full-width digits, and reports bad rows on each row', async () => {
    const form = await openForm();
    let imported: unknown;
    form.addEventListener('cec-renewal-imported', (event) => (imported = event.detail));
    const tsv = [
      'gw01.gas.example.co.jp\t１０００１\t２０２７／５／３１\t\tＣＤ－Ｒ',
      'gw02.gas.example.co.jp\t10002\t2027/2/30\t\tCD-R',
      '\t10003\t2027/6/30\t\tフロッピー',
    ].join('\r\n');
    paste(getByLabel<HTMLTextAreaElement>('Excelから貼り付け', form.shadowRoot!), tsv);
    getByRole('button', '貼り付けた内容を取り込む', form.shadowRoot!).click();
    await form.updateComplete;
    expect(form.shadowRoot!.querySelectorAll('fieldset.row')).to.have.length(3);
    expect(visibleText(form)).to.include('3行を取り込みました。うち2行に誤りがあります。');
    expect(visibleText(form)).to.include('3行目：格納媒体「フロッピー」は選べません');
    expect(imported).to.deep.equal({ source: 'paste', rows: 3, invalidRows: 2, problems: 1 });
    expect(getByLabel('現在の証明書ID', row(form, 1)).value).to.equal('１０００１');
    expect(visibleText(row(form, 1))).to.include('2027年5月31日(月)');
    expect(visibleText(row(form, 2))).to.include('現在の証明書の有効期限日に存在しない日付が入力されています。');
    expect(getByLabel('CN', row(form, 3)).getAttribute('aria-invalid')).to.equal('true');
    expect(getByLabel<HTMLSelectElement>('格納媒体', row(form, 3)).getAttribute('aria-invalid')).to.equal('true');
    expect(getByLabel('CN', row(form, 1)).getAttribute('aria-invalid')).to.equal('false');
  });

  it('takes a 500-row paste: validated and first rows shown within a second, the last row’s error reachable from the summary', async function () {
    // Rendering all 500 rows (for the link to reach row 499) takes seconds in dev-mode Lit on a busy machine.
    this.timeout(40_000);
    const form = await openForm();
    const lines = Array.from({ length: 500 }, (_, index) => `gw${index + 1}.gas.example.co.jp\t${100000 + index}\t2027/5/${(index % 28) + 1}\t\tCD-R`);
    lines[498] = 'gw499.gas.example.co.jp\t100498\t2027/2/30\t\tCD-R';
    paste(getByLabel<HTMLTextAreaElement>('Excelから貼り付け', form.shadowRoot!), lines.join('\n'));
    const started = performance.now();
    getByRole('button', '貼り付けた内容を取り込む', form.shadowRoot!).click();
    await form.updateComplete;
    expect(performance.now() - started).to.be.below(1000);
    expect(visibleText(form)).to.include('500行を取り込みました。うち1行に誤りがあります。');
    expect(visibleText(form)).to.include('申し込むクライアント証明書（500件）');
    await typeInto(getByLabel('事業者コード', form.shadowRoot!), 'A1234');
    getByLabel('事業者コードが、割り当てられたコードと一字一句同じであることを確認しました。', form.shadowRoot!).click();
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await form.updateComplete;
    const link = getByRole('link', '499件目：現在の証明書の有効期限日に存在しない日付が入力されています。月と日を確認してください。', form.shadowRoot!);
    link.click();
    await waitUntil(() => row(form, 499) && deepActiveElement() === getByLabel('現在の証明書の有効期限日', row(form, 499)), 'focus on row 499', 20_000);
    expect(form.shadowRoot!.querySelectorAll('fieldset.row')).to.have.length(500);
  });

  it('reads a CSV file written by Excel in Shift_JIS, header first', async () => {
    const form = await openForm();
    // "CN,証明書ID,格納媒体\r\ngw09,１２,ダウンロード\r\n" in Shift_JIS.
    const bytes = new Uint8Array([
      0x43, 0x4e, 0x2c, 0x8f, 0xd8, 0x96, 0xbe, 0x8f, 0x91, 0x49, 0x44, 0x2c, 0x8a, 0x69, 0x94, 0x5b, 0x94, 0x7d, 0x91, 0xcc, 0x0d, 0x0a,
      0x67, 0x77, 0x30, 0x39, 0x2c, 0x82, 0x50, 0x82, 0x51, 0x2c, 0x83, 0x5f, 0x83, 0x45, 0x83, 0x93, 0x83, 0x8d, 0x81, 0x5b, 0x83, 0x68, 0x0d, 0x0a,
    ]);
    chooseFile(getByLabel('CSVファイルを読み込む', form.shadowRoot!), new File([bytes], 'expiring.csv', { type: 'text/csv' }));
    await waitUntil(() => visibleText(form).includes('1行を取り込みました。'), 'CSV import');
    expect(getByLabel('CN', row(form, 1)).value).to.equal('gw09');
    expect(getByLabel<HTMLSelectElement>('格納媒体', row(form, 1)).value).to.equal('download');
    expect(visibleText(row(form, 1))).to.include('ダウンロードの場合はID通知メールの送付先を入力してください');
  });

  it('prefills from GET /expiring-certificates?withinDays=60', async () => {
    const form = await openForm();
    getByRole('button', '有効期限が60日以内の証明書を読み込む', form.shadowRoot!).click();
    await waitUntil(() => visibleText(form).includes('4行を取り込みました。'), 'expiring list');
    expect(form.shadowRoot!.querySelectorAll('fieldset.row')).to.have.length(4);
    expect(getByLabel('CN', row(form, 1)).value).to.equal('gw01.gas.example.co.jp');
    expect(getByLabel('現在の証明書ID', row(form, 4)).value).to.equal('100004');
    expect(visibleText(row(form, 4))).to.include('2027年5月31日(月)');
  });

  it('fills the medium and the ID通知メール address into the rows that have none, leaving typed ones alone', async () => {
    const form = await openForm();
    getByRole('button', '有効期限が60日以内の証明書を読み込む', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelectorAll('fieldset.row').length === 4, 'expiring list');
    await choose(getByLabel<HTMLSelectElement>('格納媒体', row(form, 2)), 'usbMemory');
    await choose(getByLabel<HTMLSelectElement>('空欄の行の格納媒体', form.shadowRoot!), 'download');
    await form.updateComplete;
    await typeInto(getByLabel('空欄の行のID通知メールの送付先', form.shadowRoot!), 'ra@example.co.jp');
    getByRole('button', '空欄の行に設定する', form.shadowRoot!).click();
    await form.updateComplete;
    expect([1, 2, 3, 4].map((number) => getByLabel<HTMLSelectElement>('格納媒体', row(form, number)).value)).to.deep.equal(['download', 'usbMemory', 'download', 'download']);
    expect(getByLabel('ID通知メールの送付先', row(form, 4)).value).to.equal('ra@example.co.jp');
    expect(visibleText(form)).to.include('3行に設定しました。');
  });

  it('confirms, then submits the normalised request and shows the request number', async () => {
    const form = await openForm();
    let submitted: RenewalReceipt | undefined;
    form.addEventListener('cec-renewal-submitted', (event) => (submitted = event.detail));
    await fillValidRequest(form);
    getByLabel('ID通知メールの送付先', row(form, 1)).focus();
    await press('Enter');
    await waitUntil(() => form.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
    expect(deepActiveElement()).to.equal(form.shadowRoot!.querySelector('#confirm-heading'));
    const confirmation = visibleText(form);
    for (const value of ['A1234', 'gw01.gas.example.co.jp', '10001', '2027年5月31日(月)', '2027年5月1日(土)', 'ダウンロード', 'ra@example.co.jp']) {
      expect(confirmation).to.include(value);
    }
    getByRole('button', 'この内容で申し込む', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('#done-heading'), 'done');
    expect(visibleText(form)).to.include('受付番号：R2704010001');
    expect(visibleText(form)).to.include('gw01.gas.example.co.jp（証明書ID：10001）');
    expect(deepActiveElement()).to.equal(form.shadowRoot!.querySelector('#done-heading'));
    expect(submitted).to.deep.equal({ requestNumber: 'R2704010001', rows: [{ commonName: 'gw01.gas.example.co.jp', certificateId: '10001', state: 'requested' }] });
    expect(backend.received).to.deep.equal([
      {
        operatorCode: 'A1234',
        operatorCodeConfirmed: true,
        rows: [
          { commonName: 'gw01.gas.example.co.jp', certificateId: '10001', currentExpiry: '2027-05-31', validityStart: '2027-05-01', medium: 'download', notificationEmail: 'ra@example.co.jp' },
        ],
        locale: 'ja',
      },
    ]);
  });

  it('says so when the backend refuses anyone but the registered RA contact, and keeps everything', async () => {
    const form = await openForm('ja', '/ra-api');
    const errors: string[] = [];
    form.addEventListener('cec-renewal-error', (event) => errors.push(event.detail.code));
    await fillValidRequest(form);
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
    getByRole('button', 'この内容で申し込む', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('[role="alert"]'), 'refusal');
    expect(visibleText(form)).to.include('企業内RA設置申込書に記載されたご担当者様からのみ依頼できます');
    expect(errors).to.deep.equal(['not_ra_contact']);
    getByRole('button', '修正する', form.shadowRoot!).click();
    await form.updateComplete;
    expect(getByLabel('CN', row(form, 1)).value).to.equal('gw01.gas.example.co.jp');
  });

  it('shows the server’s verdict on the field it concerns (its day is still 31 March: +179 days is one day too many)', async () => {
    const form = await openForm('ja', '/late-api');
    await fillValidRequest(form);
    await replaceText(getByLabel('有効期間開始日', row(form, 1)), '2027/9/27');
    getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
    getByRole('button', 'この内容で申し込む', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('.error-summary'), 'server issues');
    expect(deepActiveElement()).to.equal(form.shadowRoot!.querySelector('.error-summary'));
    expect(getByRole('link', /^1件目：「お申し込み時点より180日以上先の有効期間開始日をご指定いただくことはできません。」/, form.shadowRoot!)).to.exist;
    expect(visibleText(form)).to.include('サーバーで入力内容の誤りが見つかりました。');
    await replaceText(getByLabel('有効期間開始日', row(form, 1)), '2027/9/26');
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('.error-summary')).to.equal(null);
  });

  it('loads the expiring list by itself with `autoload`, and takes the host’s 事業者コード format', async () => {
    const form = await fixture<CecCertificateRenewalForm>(
      html`<cec-certificate-renewal-form endpoint="/api" lang="ja" autoload operator-code-pattern=${'\\d{4}'} .now=${clock}></cec-certificate-renewal-form>`,
    );
    await waitUntil(() => form.shadowRoot!.querySelectorAll('fieldset.row').length === 4, 'autoloaded rows');
    await typeInto(getByLabel('事業者コード', form.shadowRoot!), 'A1234');
    await press('Tab');
    await form.updateComplete;
    expect(descriptionOf(getByLabel('事業者コード', form.shadowRoot!))).to.include('事業者コードの形式が正しくありません。');
    await replaceText(getByLabel('事業者コード', form.shadowRoot!), '1234');
    await form.updateComplete;
    expect(getByLabel('事業者コード', form.shadowRoot!).getAttribute('aria-invalid')).to.equal('false');
  });

  it('keeps what was typed through a reload (this tab only), errors shown again, and forgets it once accepted', async () => {
    const first = await openForm();
    await typeInto(getByLabel('事業者コード', first.shadowRoot!), 'A1234');
    await typeInto(getByLabel('CN', row(first, 1)), 'gw01.gas.example.co.jp');
    await choose(getByLabel<HTMLSelectElement>('格納媒体', row(first, 1)), 'download');
    first.remove();
    const again = await openForm();
    expect(getByLabel('事業者コード', again.shadowRoot!).value).to.equal('A1234');
    expect(getByLabel('CN', row(again, 1)).value).to.equal('gw01.gas.example.co.jp');
    expect(descriptionOf(getByLabel('ID通知メールの送付先', row(again, 1)))).to.include('ダウンロードの場合は');
    getByLabel('事業者コードが、割り当てられたコードと一字一句同じであることを確認しました。', again.shadowRoot!).click();
    await typeInto(getByLabel('ID通知メールの送付先', row(again, 1)), 'ra@example.co.jp');
    getByRole('button', '入力内容を確認する', again.shadowRoot!).click();
    await waitUntil(() => again.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
    getByRole('button', 'この内容で申し込む', again.shadowRoot!).click();
    await waitUntil(() => again.shadowRoot!.querySelector('#done-heading'), 'done');
    again.remove();
    const fresh = await openForm();
    expect(getByLabel('事業者コード', fresh.shadowRoot!).value).to.equal('');
    const unkept = await fixture<CecCertificateRenewalForm>(html`<cec-certificate-renewal-form endpoint="/api" lang="ja" no-resume></cec-certificate-renewal-form>`);
    await typeInto(getByLabel('事業者コード', unkept.shadowRoot!), 'B999');
    unkept.remove();
    fresh.remove();
    const afterUnkept = await openForm();
    expect(getByLabel('事業者コード', afterUnkept.shadowRoot!).value).to.equal('');
  });

  it('offers a retry after a network failure and then succeeds', async () => {
    const form = await openForm();
    await sendIntoNetworkFailure(form);
    getByRole('button', '再試行', form.shadowRoot!).click();
    await waitUntil(() => form.shadowRoot!.querySelector('#done-heading'), 'done');
    expect(backend.received).to.have.length(1);
  });

  it('sends a retry with the Idempotency-Key of the first attempt, and an edited request with a new one', async () => {
    const keys: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (String(input).endsWith('/renewal-requests')) keys.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
      return original(input, init);
    };
    try {
      const form = await openForm();
      await sendIntoNetworkFailure(form);
      backend.failNext({ network: true });
      getByRole('button', '再試行', form.shadowRoot!).click();
      await waitUntil(() => keys.length === 2 && visibleText(form).includes('サーバーに接続できません'), 'second failure');
      getByRole('button', '修正する', form.shadowRoot!).click();
      await form.updateComplete;
      await replaceText(getByLabel('CN', row(form, 1)), 'gw02.gas.example.co.jp');
      getByRole('button', '入力内容を確認する', form.shadowRoot!).click();
      await waitUntil(() => form.shadowRoot!.querySelector('#confirm-heading'), 'confirmation again');
      getByRole('button', 'この内容で申し込む', form.shadowRoot!).click();
      await waitUntil(() => form.shadowRoot!.querySelector('#done-heading'), 'done');
      expect(keys).to.have.length(3);
      expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
      expect(keys[1]).to.equal(keys[0]);
      expect(keys[2]).to.not.equal(keys[0]);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('speaks English', async () => {
    const form = await openForm('en');
    await choose(getByLabel<HTMLSelectElement>('Storage medium', row(form, 1)), 'download');
    await form.updateComplete;
    expect(getByLabel('Email for the ID notice', row(form, 1))).to.exist;
    getByRole('button', 'Check your request', form.shadowRoot!).click();
    await form.updateComplete;
    expect(getByRole('link', 'Row 1: Enter CN.', form.shadowRoot!)).to.exist;
    expect(visibleText(form)).to.include('A validity start date 180 days or more after the application cannot be requested.');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation when empty, with errors, with a pasted list, in confirmation and when done (${language})`, async function () {
      // Six axe runs over two forms: more than the default 10 s on a loaded machine.
      this.timeout(40_000);
      const form = await openForm(language);
      await expect(form, 'empty').to.be.accessible();
      getByRole('button', language === 'ja' ? '入力内容を確認する' : 'Check your request', form.shadowRoot!).click();
      await form.updateComplete;
      await expect(form, 'errors').to.be.accessible();
      paste(getByLabel<HTMLTextAreaElement>(language === 'ja' ? 'Excelから貼り付け' : 'Paste from Excel', form.shadowRoot!), 'gw01\t1\t2027/2/30\t2027/3/1\tUSBトークン\nx\t2\t\t\tダウンロード');
      getByRole('button', language === 'ja' ? '貼り付けた内容を取り込む' : 'Import the pasted rows', form.shadowRoot!).click();
      await form.updateComplete;
      await expect(form, 'pasted').to.be.accessible();
      const fresh = await openForm(language);
      if (language === 'en') {
        await typeInto(getByLabel('Operator code', fresh.shadowRoot!), 'A1234');
        getByLabel('I have checked that the operator code is exactly the one assigned.', fresh.shadowRoot!).click();
        await typeInto(getByLabel('CN', row(fresh, 1)), 'gw01');
        await choose(getByLabel<HTMLSelectElement>('Storage medium', row(fresh, 1)), 'cdr');
        await fresh.updateComplete;
      } else {
        await fillValidRequest(fresh);
      }
      getByRole('button', language === 'ja' ? '入力内容を確認する' : 'Check your request', fresh.shadowRoot!).click();
      await waitUntil(() => fresh.shadowRoot!.querySelector('#confirm-heading'), 'confirmation');
      await expect(fresh, 'confirmation').to.be.accessible();
      getByRole('button', language === 'ja' ? 'この内容で申し込む' : 'Send the request', fresh.shadowRoot!).click();
      await waitUntil(() => fresh.shadowRoot!.querySelector('#done-heading'), 'done');
      await expect(fresh, 'done').to.be.accessible();
    });
  }
});

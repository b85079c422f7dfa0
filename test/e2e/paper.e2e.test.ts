/**
 * End to end against the real reference backend, no mocks: a company walks `<cec-paper-application>`
 * (CECTRUST 原本保管) to its printed forms; the reference number the server gave is on every page, and
 * the server still answers the element's request with that number after a restart (a replay stores
 * nothing new: the next application gets the next number).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/paper-application/paper-application.js';
import type { CecPaperApplication } from '../../src/components/paper-application/paper-application.component.js';
import { tokyoToday } from '../../src/domain/dates.js';
import { getByLabel, getByRole, typeInto, waitUntil } from '../helpers.js';

interface Backend {
  endpoint: string;
}

const server = (action: string) => executeServerCommand<Backend, { action: string; origin: string }>('reference-server', { action, origin: location.origin });

/** The element's request as it left the page: its body and Idempotency-Key. */
interface SentRequest {
  body: string;
  idempotencyKey: string;
}

/** Records every `POST …/paper-applications` of the page and lets it through unchanged. */
function recordPaperRequests(): { sent: SentRequest[]; restore(): void } {
  const original = globalThis.fetch;
  const sent: SentRequest[] = [];
  globalThis.fetch = (input, init) => {
    if (String(input).endsWith('/paper-applications') && init?.method === 'POST') {
      sent.push({ body: String(init.body), idempotencyKey: new Headers(init.headers).get('Idempotency-Key') ?? '' });
    }
    return original(input, init);
  };
  return { sent, restore: () => (globalThis.fetch = original) };
}

function post(backend: Backend, request: SentRequest): Promise<Response> {
  return fetch(`${backend.endpoint}/paper-applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': request.idempotencyKey },
    body: request.body,
  });
}

describe('the paper application end to end with the reference server', () => {
  let backend: Backend;
  before(async () => {
    backend = (await server('start'))!;
    sessionStorage.clear();
  });
  after(() => server('stop'));

  it('prints the reference number the server gave on every page, and the server keeps it across a restart', async function () {
    this.timeout(40_000);
    const recorder = recordPaperRequests();
    try {
      const element = await fixture<CecPaperApplication>(html`<cec-paper-application endpoint=${backend.endpoint} no-history no-resume></cec-paper-application>`);
      const root = element.shadowRoot!;
      const step = async (label = '次へ') => {
        getByRole('button', label, root).click();
        await waitUntil(async () => (await element.updateComplete) && !root.querySelector('[aria-busy="true"]'), `after ${label}`);
      };
      const type = async (scope: ParentNode, values: Record<string, string>) => {
        for (const [label, value] of Object.entries(values)) await typeInto(getByLabel(label, scope), value);
      };
      const person = { 氏名: '保管 五郎', 氏名カナ: 'ホカン ゴロウ', TEL番号: '0355556666', メールアドレス: 'hokan@example.co.jp' };

      getByLabel('CECTRUST 原本保管サービス', root).click();
      await step();
      await type(root, { 法人番号: '7000012050002', 企業名: '株式会社紙提出', 企業名カナ: 'カミテイシュツ', 企業住所: '東京都港区新橋2-6-2', 代表者: '代表 六子' });
      await step();
      await type(getByRole('group', '連絡担当者', root), { ...person, 住所: '東京都港区新橋2-6-2' });
      await step();
      await type(getByRole('group', 'ユーザID申請者 1', root), { ...person, 所属: '法務部' });
      await step();
      await step(); // 書類チェックリスト: no date typed yet is allowed
      const stored = new Promise<string>((resolve) => element.addEventListener('cec-paper-stored', (event) => resolve(event.detail.referenceNumber)));
      await step('申請書類を作成する');
      const referenceNumber = await stored;
      await waitUntil(() => root.querySelector('#step-heading')?.textContent?.includes('出力'), 'the output');

      // Fresh server, Japan's day: P + YYMMDD + 0001.
      expect(referenceNumber).to.equal(`P${tokyoToday().replace(/-/g, '').slice(2)}0001`);
      const pages = [...root.querySelectorAll<HTMLElement>('.page')];
      expect(pages.length).to.be.greaterThan(3);
      for (const page of pages) expect(page.textContent).to.include(`受付番号：${referenceNumber}`);
      expect(pages[0]!.textContent).to.include('株式会社紙提出');

      expect(recorder.sent).to.have.length(1);
      backend = (await server('restart'))!;
      const replay = await post(backend, recorder.sent[0]!);
      expect(replay.status).to.equal(201);
      expect(((await replay.json()) as { referenceNumber: string }).referenceNumber).to.equal(referenceNumber);
      const another = await post(backend, { ...recorder.sent[0]!, idempotencyKey: crypto.randomUUID() });
      expect(((await another.json()) as { referenceNumber: string }).referenceNumber).to.equal(`${referenceNumber.slice(0, -4)}0002`);
    } finally {
      recorder.restore();
    }
  });
});

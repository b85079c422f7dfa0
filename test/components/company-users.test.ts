/**
 * `cec-company-users` (自社利用者照会): the company's users with their 権限 and whether each can sign, as
 * the table a person reads; the refusal of a non-administrator; a retry after a failed load; axe in
 * Japanese and English; at a phone's width, one labelled block per user that fits without breaking an ID or
 * a label mid-word and is still a table in Chromium's accessibility tree.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/company-users/company-users.js';
import type { CecCompanyUsers } from '../../src/components/company-users/company-users.component.js';
import { getByRole, queryAllByRole, visibleText, waitUntil } from '../helpers.js';
import { tabTo, usePartnerMock } from './partner-admin-helpers.js';

const mock = usePartnerMock();

async function openUsers(lang = 'ja', session = mock.backend.sessionFor()): Promise<CecCompanyUsers> {
  const element = await fixture<CecCompanyUsers>(html`<cec-company-users endpoint="/api" lang=${lang} .session=${session}></cec-company-users>`);
  return element;
}

/** The element inside a container `width` px wide, its table loaded. */
async function openUsersAt(width: number, lang = 'ja'): Promise<CecCompanyUsers> {
  const container = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px"><cec-company-users endpoint="/api" lang=${lang} .session=${mock.backend.sessionFor()}></cec-company-users></div>`,
  );
  const element = container.querySelector('cec-company-users')!;
  await waitUntil(() => element.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'the rows');
  if (lang === 'en') await waitUntil(() => visibleText(element).includes('Company users'), 'English');
  return element;
}

/** How many lines the text of `element` takes. */
function lineCount(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
}

interface AccessibilityNode {
  role: string;
  name: string;
  children: AccessibilityNode[];
}

/** The first node of Chromium's accessibility tree that `matches`, depth first. */
function findNode(nodes: readonly AccessibilityNode[], matches: (node: AccessibilityNode) => boolean): AccessibilityNode | undefined {
  for (const node of nodes) {
    const found = matches(node) ? node : findNode(node.children, matches);
    if (found) return found;
  }
  return undefined;
}

/** The table's rows as the cells' text. */
function rows(element: CecCompanyUsers): string[][] {
  return Array.from(element.shadowRoot!.querySelectorAll('tbody tr')).map((row) =>
    Array.from(row.children).map((cell) => visibleText(cell).replace(/\s+/g, ' ').trim()),
  );
}

describe('cec-company-users', () => {
  it('lists each user with 権限 and whether they can sign', async () => {
    const element = await openUsers();
    await waitUntil(() => element.shadowRoot!.querySelector('table'), 'the table');
    expect(getByRole('heading', '自社利用者照会')).to.exist;
    expect(visibleText(element.shadowRoot!.querySelector('caption')!)).to.equal('自社の利用者（2名）');
    expect(Array.from(element.shadowRoot!.querySelectorAll('thead th')).map((cell) => cell.textContent?.trim())).to.deep.equal([
      '利用者ID', '利用者名', '権限', '所属・役職', 'メールアドレス', '署名',
    ]);
    expect(rows(element)).to.deep.equal([
      ['L0000001', '山田 花子 ヤマダ ハナコ', '管理者', '総務部', 'hanako@example.co.jp', '署名不可（証明書有効性確認待ち）'],
      ['L0000002', '佐藤 次郎 サトウ ジロウ', '一般', '', 'jiro@example.co.jp', '署名不可（電子証明書なし）'],
    ]);
  });

  it('shows 署名可 once the certificate was confirmed, after reload', async () => {
    const element = await openUsers();
    await waitUntil(() => rows(element).length === 2, 'rows');
    const session = mock.backend.sessionFor();
    const answer = await fetch('/api/partner/certificates/C0000001/activation', {
      method: 'POST',
      headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ pin: '12345678' }),
    });
    expect(answer.status).to.equal(200);
    getByRole('button', '最新の情報に更新').click();
    await waitUntil(() => rows(element)[0]?.[5] === '署名可', '署名可');
  });

  it('tells a general user that only administrators may look', async () => {
    const element = await openUsers('ja', mock.backend.sessionFor('L0000002'));
    await waitUntil(() => queryAllByRole('alert').length === 1, 'refusal');
    expect(visibleText(element)).to.contain('この操作は管理者の利用者IDでのみ行えます。');
    expect(element.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('offers a retry after a server error, and the retry lists the users', async () => {
    mock.backend.failNext({ status: 500, code: 'internal_error' });
    const element = await openUsers();
    await waitUntil(() => queryAllByRole('alert').length === 1, 'failure');
    expect(visibleText(element)).to.contain('サーバーで問題が発生しました。');
    getByRole('button', '再試行').click();
    await waitUntil(() => rows(element).length === 2, 'rows after retry');
  });

  it('reloads from the keyboard, and 再試行 is reachable there too', async () => {
    const element = await openUsers();
    await waitUntil(() => rows(element).length === 2, 'rows');
    mock.backend.failNext({ network: true });
    await tabTo(() => getByRole('button', '最新の情報に更新'), 'the reload button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => queryAllByRole('alert').length === 1, 'failure after the keyboard reload');
    await tabTo(() => getByRole('button', '再試行'), 'retry', 10);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => queryAllByRole('alert').length === 0 && rows(element).length === 2, 'reloaded');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`has no axe violation with the list and with a failure (${language})`, async () => {
      const element = await openUsers(language);
      await waitUntil(() => element.shadowRoot!.querySelector('table'), 'the table');
      if (language === 'en') await waitUntil(() => visibleText(element).includes('Company users'), 'English');
      await expect(element).to.be.accessible();
      mock.backend.failNext({ network: true });
      await element.reload();
      await waitUntil(() => queryAllByRole('alert').length === 1, 'failure');
      await expect(element).to.be.accessible();
    });
  }

  describe('at a phone\'s width', () => {
    for (const [width, language] of [[375, 'ja'], [375, 'en'], [335, 'ja'], [320, 'ja'], [320, 'en']] as const) {
      it(`fits ${width} px without scrolling sideways or breaking an ID or a label mid-word (${language})`, async () => {
        const element = await openUsersAt(width, language);
        const root = element.shadowRoot!;
        expect(element.scrollWidth, 'the element').to.be.at.most(element.clientWidth);
        const wrap = root.querySelector<HTMLElement>('.table-wrap')!;
        expect(wrap.scrollWidth, 'the table').to.be.at.most(wrap.clientWidth);
        for (const cell of root.querySelectorAll<HTMLElement>('tbody th, tbody td')) {
          expect(cell.scrollWidth, `cell ${cell.textContent}`).to.be.at.most(cell.clientWidth);
        }
        expect(lineCount(root.querySelector('caption')!), 'the caption on one line').to.equal(1);
        const userIds = Array.from(root.querySelectorAll('.user-id'));
        expect(userIds.map((id) => id.textContent)).to.deep.equal(['L0000001', 'L0000002']);
        for (const id of userIds) expect(lineCount(id), `${id.textContent} on one line`).to.equal(1);
        for (const email of root.querySelectorAll('.email')) expect(lineCount(email), `${email.textContent} on one line`).to.equal(1);
        // Each label a person sees is a column header; a Japanese one stays on one line, an English one breaks only between words.
        const labels = Array.from(root.querySelectorAll<HTMLElement>('tbody tr:first-child .label'));
        const headers = Array.from(root.querySelectorAll('thead th'), (header) => header.textContent);
        expect(labels.map((label) => label.textContent)).to.deep.equal(headers);
        for (const label of labels) {
          expect(label.getBoundingClientRect().width, `${label.textContent} is shown`).to.be.greaterThan(0);
          const words = label.textContent!.split(' ').length;
          expect(lineCount(label), `${label.textContent}`).to.be.at.most(language === 'ja' ? 1 : words);
        }
        expect(getComputedStyle(root.querySelector('tbody tr')!).display, 'one block per user').to.equal('block');
        await expect(element).to.be.accessible();
      });
    }

    it('puts each label beside its value at 375 px and above it at 335 px', async () => {
      const besideAt = (element: CecCompanyUsers) => {
        const cell = element.shadowRoot!.querySelector('tbody td')!;
        const label = cell.querySelector('.label')!.getBoundingClientRect();
        const value = cell.querySelector('.user-id')!.getBoundingClientRect();
        return { sameLine: Math.round(label.top) === Math.round(value.top), valueRightOfLabel: value.left >= label.right };
      };
      expect(besideAt(await openUsersAt(375))).to.deep.equal({ sameLine: true, valueRightOfLabel: true });
      expect(besideAt(await openUsersAt(335))).to.deep.equal({ sameLine: false, valueRightOfLabel: false });
    });

    it('is still a table to a screen reader: column headers, a row header per user, cells named by their value only', async () => {
      await openUsersAt(375);
      const tree = await executeServerCommand<AccessibilityNode[], undefined>('accessibility-tree');
      const table = findNode(tree, (node) => node.role === 'table');
      expect(table, 'a table in the accessibility tree').to.exist;
      expect(table!.name).to.equal('自社の利用者（2名）');
      const rowsOf = (node: AccessibilityNode): AccessibilityNode[] =>
        node.children.flatMap((child) => (child.role === 'row' ? [child] : rowsOf(child)));
      const [header, ...users] = rowsOf(table!);
      expect(header!.children.map((cell) => [cell.role, cell.name])).to.deep.equal(
        ['利用者ID', '利用者名', '権限', '所属・役職', 'メールアドレス', '署名'].map((name) => ['columnheader', name]),
      );
      expect(users.map((row) => row.children.map((cell) => cell.role))).to.deep.equal(
        Array(2).fill(['cell', 'rowheader', 'cell', 'cell', 'cell', 'cell']),
      );
      expect(users[0]!.children.map((cell) => cell.name.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'L0000001', '山田 花子 ヤマダ ハナコ', '管理者', '総務部', 'hanako@example.co.jp', '署名不可（証明書有効性確認待ち）',
      ]);
    });
  });

  it('is a table of rows at 1000 px, each heading on one line', async () => {
    const element = await openUsersAt(1000);
    const root = element.shadowRoot!;
    expect(getComputedStyle(root.querySelector('tbody tr')!).display).to.equal('table-row');
    const cells = Array.from(root.querySelectorAll('tbody tr:first-child > *'), (cell) => cell.getBoundingClientRect());
    expect(new Set(cells.map((cell) => Math.round(cell.top))).size, 'the cells of a user side by side').to.equal(1);
    for (const header of root.querySelectorAll('thead th')) expect(lineCount(header), header.textContent!).to.equal(1);
    expect(Array.from(root.querySelectorAll('.label'), (label) => getComputedStyle(label).display)).to.satisfy((displays: string[]) =>
      displays.every((display) => display === 'none'),
    );
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    await expect(element).to.be.accessible();
  });
});

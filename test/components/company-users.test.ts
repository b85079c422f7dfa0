/**
 * `cec-company-users` (自社利用者照会): the company's users with their 権限 and whether each can sign, as
 * the table a person reads; the refusal of a non-administrator; a retry after a failed load; axe in
 * Japanese and English.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/company-users/company-users.js';
import type { CecCompanyUsers } from '../../src/components/company-users/company-users.component.js';
import { getByRole, queryAllByRole, visibleText, waitUntil } from '../helpers.js';
import { tabTo, usePartnerMock } from './partner-admin-helpers.js';

const mock = usePartnerMock();

async function openUsers(lang = 'ja', session = mock.backend.sessionFor()): Promise<CecCompanyUsers> {
  const element = await fixture<CecCompanyUsers>(html`<cec-company-users endpoint="/api" lang=${lang} .session=${session}></cec-company-users>`);
  return element;
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
});

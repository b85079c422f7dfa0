import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { CompanyUserRecord } from '../../domain/company-user.js';
import { PartnerAdminController } from '../partner-admin/partner-admin-controller.js';
import { partnerElementStyles } from '../partner-admin/partner-admin.styles.js';
import { PartnerConnection } from '../partner-admin/partner-connection.js';
import { LocalizeController } from '../shared/localize.js';
import { companyUsersStyles } from './company-users.styles.js';

/**
 * 自社利用者照会 (application guide, 巻末資料「付録」 管理者業務): the company's users, their 権限 and
 * whether each can sign — a certificate linked and confirmed with its PIN — or what is still missing.
 * Loads when connected and whenever the session or endpoint changes; `reload()` loads again (after
 * `cec-user-registered`, say).
 *
 * @summary The company's users, their role and whether they can sign.
 * @fires {WizardErrorDetail} cec-error - Loading failed; `event.detail` is `{ code, message }`.
 * Below a width of 40rem (of the element, not the window) each user becomes a block of labelled lines;
 * the table stays a table for assistive technology.
 *
 * @csspart table - The table of users.
 * @csspart reload-button - 「最新の情報に更新」.
 * @csspart failure - The message of a failed load, with its retry button.
 */
export class CecCompanyUsers extends PartnerConnection(LitElement) {
  static override styles = [partnerElementStyles, companyUsersStyles];

  /** The users last loaded; `undefined` before the first answer. */
  @state() private users?: CompanyUserRecord[];

  private readonly localize = new LocalizeController(this);
  private readonly partner = new PartnerAdminController(this, this.localize);

  /** Loads the users again. */
  async reload(): Promise<void> {
    const answer = await this.partner.run('load', (api) => api.listUsers(), { retry: () => void this.reload() });
    if (answer?.ok) this.users = answer.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('session') || changed.has('sessionProvider')) void this.reload();
  }

  override render() {
    const { t } = this.localize;
    const loading = this.partner.busy === 'load';
    return html`<h3>${t('partnerAdmin.users.heading')}</h3>
      <p role="status" class="hint">${loading ? t('partnerAdmin.loading') : nothing}</p>
      ${this.partner.renderFailure()} ${this.users ? this.renderUsers(this.users) : nothing}
      <div class="actions">
        <button type="button" part="reload-button" ?disabled=${loading} @click=${this.reload}>${t('partnerAdmin.users.reload')}</button>
      </div>`;
  }

  private renderUsers(users: readonly CompanyUserRecord[]): TemplateResult {
    const { t } = this.localize;
    if (users.length === 0) return html`<p>${t('partnerAdmin.users.empty')}</p>`;
    const columns = ['userId', 'name', 'role', 'affiliation', 'email', 'signing'] as const;
    // The label each cell shows in the narrow layout: a copy of its column header, hidden from the accessibility tree.
    const label = (column: (typeof columns)[number]) =>
      html`<span class="label" aria-hidden="true">${t(`partnerAdmin.users.${column}`)}</span>`;
    return html`<div class="table-wrap">
      <table part="table">
        <caption>${t('partnerAdmin.users.caption', { count: users.length })}</caption>
        <thead>
          <tr>${columns.map((column) => html`<th scope="col">${t(`partnerAdmin.users.${column}`)}</th>`)}</tr>
        </thead>
        <tbody>
          ${users.map(
            (user) => html`<tr>
              <td>${label('userId')}<span class="user-id">${user.userId}</span></td>
              <th scope="row">${label('name')}<span>${user.name}<br /><span class="hint">${user.nameKana}</span></span></th>
              <td>${label('role')}<span>${t(`partnerAdmin.roles.${user.role}`)}</span></td>
              <td>${label('affiliation')}<span>${[user.department, user.title].filter(Boolean).join(' ')}</span></td>
              <td>${label('email')}<span class="email">${user.email}</span></td>
              <td>${label('signing')}<span>${t(`partnerAdmin.signing.${user.signing}`)}</span></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

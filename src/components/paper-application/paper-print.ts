/**
 * The printed output of the paper application: the filled 様式1–6 (one form per A4 page, one 様式5 per
 * certificate applicant, one 様式6 per ユーザＩＤ applicant), the checklist and the mailing label with the
 * help desk — always in Japanese, the reference number (when the backend gave one) on every page, a seal
 * box where the form is sealed: 代表者印 on 様式1 and 様式2, the 届出印 registered by 様式2 and used on 様式3,
 * the applicant's 実印 on 様式5 (its 印鑑登録証明書 is sent with it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { toJapaneseEra, type IsoDate } from '../../domain/dates.js';
import { PAPER_SERVICES } from '../../domain/paper-documents.js';
import { choosesCecsign, type PaperApplication, type PaperChecklist, type PaperContact } from '../../domain/paper-application.js';
import { includeResources, Translator, type Translate } from '../../i18n/i18n.js';
import { paperApplicationResources } from './paper-application.resources.js';
import { PERSON_FIELDS, type PersonDraft } from './paper-draft.js';
import { certificateLabel, companyLabel, documentName, personLabel } from './paper-steps.js';

/** The Japanese words the forms are printed with, whatever the screen's language. */
function japanese(): Translate {
  const translator = Translator.japanese();
  includeResources(translator, paperApplicationResources);
  return translator.t;
}

const p = (key: string) => `paperApplication.${key}`;

type Seal = 'sealRepresentative' | 'sealRegistered' | 'sealPersonal';

interface Page {
  title: string;
  body: TemplateResult;
  seals?: Seal[];
}

/** What the pages print. */
export interface PrintInput {
  application: PaperApplication;
  checklist: PaperChecklist;
  referenceNumber: string | undefined;
  /** The day the forms were made (Japan time). */
  today: IsoDate;
}

const day = (date: IsoDate) => toJapaneseEra(date) ?? date;

function rows(entries: Array<[label: string, value: string | undefined]>): TemplateResult {
  return html`<table class="form-table">
    <tbody>
      ${entries.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value ?? ''}</td></tr>`)}
    </tbody>
  </table>`;
}

function personRows(t: Translate, person: Partial<Record<keyof PersonDraft, string>>, fields: ReadonlyArray<keyof PersonDraft>) {
  return fields.map((field): [string, string | undefined] => [personLabel(t, field), person[field]]);
}

/**
 * Every page to print, in the order of 申請書類一式.
 *
 * @example
 * html`<div class="print-pages">${renderPrintPages({ application, checklist, referenceNumber, today })}</div>`
 */
export function renderPrintPages(input: PrintInput): TemplateResult[] {
  const t = japanese();
  const { application } = input;
  const company = application.company;
  const companyRows = () => rows([
    [companyLabel(t, 'name'), company.name],
    [companyLabel(t, 'corporateNumber'), company.corporateNumber],
  ]);
  const pages: Page[] = [];
  pages.push({
    title: t(p('forms.form1')),
    seals: ['sealRepresentative'],
    body: html`${rows(
      PAPER_SERVICES.map((service) => [t(p(`services.${service}`)), t(p(application.services.includes(service) ? 'output.serviceChosen' : 'output.serviceNotChosen'))]),
    )}
    ${rows((['corporateNumber', 'name', 'nameKana', 'address', 'representative'] as const).map((field) => [companyLabel(t, field), company[field]]))}`,
  });
  if (choosesCecsign(application.services)) {
    pages.push({
      title: t(p('forms.form2')),
      seals: ['sealRepresentative', 'sealRegistered'],
      body: html`${rows([...(['name', 'corporateNumber', 'address', 'representative'] as const).map((field): [string, string] => [companyLabel(t, field), company[field]])])}
        <p>${t(p('forms.form2About'))}</p>`,
    });
    pages.push({
      title: t(p('forms.form3')),
      seals: ['sealRegistered'],
      body: html`${companyRows()}
        <table class="form-table list">
          <thead>
            <tr>
              <th scope="col">${t(p('checklist.number'))}</th>
              ${(['name', 'nameKana', 'department', 'title'] as const).map((field) => html`<th scope="col">${personLabel(t, field)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${application.certificateApplicants.map(
              (person, index) => html`<tr><td>${index + 1}</td><td>${person.name}</td><td>${person.nameKana}</td><td>${person.department ?? ''}</td><td>${person.title ?? ''}</td></tr>`,
            )}
          </tbody>
        </table>
        ${rows([[t(p('certificates.eTokenCount')), `${application.eTokenCount ?? 0}${t(p('certificates.eTokenUnit'))}`]])}`,
    });
  }
  const billing: PaperContact = application.billingSameAsContact ? application.contact : application.billing!;
  pages.push({
    title: t(p('forms.form4')),
    body: html`${companyRows()}
      <h4>${t(p('contacts.contact'))}</h4>
      ${rows(personRows(t, application.contact, PERSON_FIELDS.contact))}
      <h4>${t(p('contacts.billing'))}${application.billingSameAsContact ? html`（${t(p('contacts.sameAsContact'))}）` : nothing}</h4>
      ${rows(personRows(t, billing, PERSON_FIELDS.contact))}`,
  });
  application.certificateApplicants.forEach((person) =>
    pages.push({ title: t(p('forms.form5')), seals: ['sealPersonal'], body: html`${companyRows()} ${rows(personRows(t, person, PERSON_FIELDS.certificate))}` }),
  );
  application.userIdApplicants.forEach((person) =>
    pages.push({ title: t(p('forms.form6')), body: html`${companyRows()} ${rows(personRows(t, person, PERSON_FIELDS.userId))}` }),
  );
  pages.push({ title: t(p('output.checklistTitle')), body: renderChecklistPage(t, input) });
  pages.push({ title: t(p('output.labelTitle')), body: renderLabelPage(t, application) });
  return pages.map((page, index) => renderPage(t, page, index + 1, pages.length, input));
}

function renderPage(t: Translate, page: Page, number: number, total: number, input: PrintInput): TemplateResult {
  return html`<section class="page" part="page" aria-label=${`${page.title}（${t(p('output.page'), { page: number, pages: total })}）`}>
    <header class="page-header">
      ${input.referenceNumber ? html`<p class="page-reference">${t(p('output.reference'), { number: input.referenceNumber })}</p>` : nothing}
      <p class="page-date">${t(p('output.applicationDate'), { date: day(input.today) })}</p>
    </header>
    <h3 class="form-title">${page.title}</h3>
    ${page.body}
    ${page.seals
      ? html`<div class="seals">
          ${page.seals.map((seal) => html`<div class="seal"><span class="seal-label">${t(p(`output.${seal}`))}</span><div class="seal-box"></div></div>`)}
        </div>`
      : nothing}
    <footer class="page-footer">${t(p('output.page'), { page: number, pages: total })}</footer>
  </section>`;
}

function renderChecklistPage(t: Translate, { application, checklist }: PrintInput): TemplateResult {
  return html`<p>${t(p('checklist.reference'), {
      date: day(checklist.reference),
      basis: t(p(application.postingDate ? 'checklist.referencePosting' : 'checklist.referenceToday')),
      earliest: day(checklist.earliest),
    })}</p>
    <table class="form-table list">
      <thead>
        <tr>
          <th scope="col">☐</th>
          <th scope="col">${t(p('checklist.number'))}</th>
          <th scope="col">${t(p('checklist.document'))}</th>
          <th scope="col">${t(p('checklist.count'))}</th>
          <th scope="col">${t(p('checklist.status'))}</th>
        </tr>
      </thead>
      <tbody>
        ${checklist.entries.map(
          (entry) => html`<tr>
            <td>☐</td>
            <td>${entry.number}</td>
            <td>${documentName(t, entry.id)}${entry.originalOnly ? ' ★' : ''}</td>
            <td>${t(p('checklist.countValue'), { count: entry.count })}</td>
            <td>${entry.originalOnly
              ? entry.certificates.map(
                  (certificate) =>
                    html`<div>${certificateLabel(t, application.certificateApplicants, entry.id, certificate)}：${certificate.issueDate ? day(certificate.issueDate) : ''}
                      ${t(p(`checklist.verdict.${certificate.verdict}`))}</div>`,
                )
              : t(p('checklist.created'))}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p>${t(p('checklist.delay'))}</p>`;
}

function renderLabelPage(t: Translate, application: PaperApplication): TemplateResult {
  const contact = application.contact;
  return html`<div class="mailing-label">
      <p>${t(p('mailing.method'))}</p>
      <p>${t(p('mailing.to'))}</p>
      <p class="label-address">${t(p('mailing.postalCode'))}<br />${t(p('mailing.address'))}<br />${t(p('mailing.recipient'))}</p>
      <p class="label-sender">${t(p('output.sender'))}：${application.company.address}<br />${application.company.name}<br />${contact.name}（${contact.phone}）</p>
    </div>
    <h4>${t(p('helpDesk.heading'))}</h4>
    <p>${t(p('helpDesk.company'))}<br />${t(p('helpDesk.desk'))}<br />${t(p('helpDesk.hours'))}<br />${t(p('helpDesk.phone'))}<br />${t(p('helpDesk.emailLabel'))}${t(p('helpDesk.email'))}<br />${t(p('helpDesk.byMail'))}</p>
    <h4>${t(p('after.heading'))}</h4>
    <p>${t(p('after.timing'))}</p>
    <ul>
      ${choosesCecsign(application.services) ? html`<li>A ${t(p('after.a'))}</li><li>B ${t(p('after.b'))}</li>` : nothing}
      <li>C ${t(p('after.c'))}</li>
    </ul>
    ${application.services.includes('partnerCertificate') ? html`<p>${t(p('after.partner'))}</p>` : nothing}`;
}

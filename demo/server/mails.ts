/**
 * The mails the service sends. Each is written to the outbox in the transaction that makes it true;
 * `mail-delivery.ts` sends it over SMTP when `SMTP_URL` is set, and the console shows the outbox either
 * way. Wording follows the application guide.
 */
import type { Application, Locale, OutboxMailSummary, OutboxMail, Partner } from '../../src/domain/index.js';
import { en } from '../../src/i18n/en.js';
import { ja, type Messages } from '../../src/i18n/ja.js';
import type { Database, Queries } from './database.js';
import { LINK_PLACEHOLDER, openSealedText, REDACTED_LINK, REDACTED_SECRET, SECRET_PLACEHOLDER, sealText, WITHHELD_SECRET } from './mail-secrets.js';
import { decodeCursor, pageOf, type Page } from './pagination.js';
import { tokyoDateTime, tokyoDeadline } from './tokyo-time.js';

/** Support address the guide gives for every question (application guide, お問い合わせ窓口). */
const SUPPORT_EMAIL = 'help-light@construction-ec.com';
/** 申込書等資料ダウンロード URL (application guide, 利用申請サイトのお知らせ ⑦). */
const DOWNLOAD_URL = 'https://www.construction-ec.com/cectrust-light/member/download.html';

export const AUTOMATIC_NOTICE = '※本メールは CECTRUST-Light サービスから自動で送信しております。';
export const FOOTER = `※本メールは配信専用のアドレスからお送りしております。
そのため、本メールに返信いただいても、お答えすることはできません。
※本メールにお心当たりのない方、ご不明点のある方は、下記へお問い合わせください。

【問い合わせ先】
株式会社コンストラクション・イーシー・ドットコム
CECTRUST-Light サービス
E メール：${SUPPORT_EMAIL}`;

export interface Mail {
  to: string;
  subject: string;
  /** The text; an invitation link stands in it as `LINK_PLACEHOLDER`. */
  body: string;
  /** The invitation link (or the password or PIN of `SECRET_PLACEHOLDER`), kept sealed apart from the text until delivery. */
  link?: string;
}

/**
 * 利用申請サイトのお知らせ: the invitation to a partner, with its link and deadline
 * (application guide, section 2, ①–⑦).
 *
 * @example
 * invitationMail({ partner, orderingCompanyName: '発注建設株式会社', url, expiresAt }).subject
 * // '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ'
 */
export function invitationMail(input: {
  partner: Partner;
  orderingCompanyName: string;
  url: string;
  expiresAt: Date;
}): Mail {
  const { partner, orderingCompanyName, url, expiresAt } = input;
  return {
    to: partner.email,
    link: url,
    subject: '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ',
    body: `${AUTOMATIC_NOTICE}

${partner.companyName}
${partner.contactName} 様

${orderingCompanyName} 様の依頼に基づき
電子契約サービス（CECTRUST-Light サービス）の利用申請登録のご案内をお送りしております。
35 日以内に下記オンライン利用申請 URL から利用申請情報の登録をお願いいたします。
（有効期限：${tokyoDeadline(expiresAt)}）

申請時の確認書類として法人の場合「会社の印鑑証明書（発行3ヵ月以内）」
個人事業主の場合「開業届」などの証明書類が必要です。
PDF データでご用意いただき、オンライン利用申請画面にて PDF データをアップロードしてください。

また、35 日を経過しますとオンライン利用申請 URL にアクセスができなくなります。
その場合は、${orderingCompanyName} 様へ「利用申請サイトのお知らせ」メールの再送をご依頼ください。

CECTRUST-Light サービス オンライン利用申請 URL：
${LINK_PLACEHOLDER}

ご利用申請の手引書（オンライン申請の入力例）については、以下の Web サイトをご確認ください。

申込書等資料ダウンロード URL：
${DOWNLOAD_URL}

${FOOTER}
`,
  };
}

/** The six notices that follow an accepted application, numbered as on the STEP 6 screen. */
const FOLLOW_UP_MAILS = ['userId', 'password', 'companyRegistered', 'certificateIssued', 'pin', 'registrationComplete'] as const;
const CIRCLED_NUMBERS = ['①', '②', '③', '④', '⑤', '⑥'];

/** What differs by language around the STEP 6 texts the locale resources already hold. */
interface ReceiptMailWording {
  completion: Messages['completion'];
  subject: string;
  header: string;
  greeting: (name: string) => string;
  receivedAt: string;
  footer: string;
}

const RECEIPT_MAIL_WORDING: Record<Locale, ReceiptMailWording> = {
  ja: {
    completion: ja.completion,
    subject: '【CECTRUST-Lightサービス】利用申請受付のお知らせ',
    header: AUTOMATIC_NOTICE,
    greeting: (name) => `${name} 様`,
    receivedAt: '受付日時：',
    footer: FOOTER,
  },
  en: {
    completion: en.completion,
    subject: '[CECTRUST-Light Service] Your application has been received',
    header: 'This mail was sent automatically by the CECTRUST-Light service.',
    greeting: (name) => `Dear ${name},`,
    receivedAt: 'Received at (JST): ',
    footer: `This address only sends; replies are not read. Questions: ${SUPPORT_EMAIL}`,
  },
};

/** Fills `{{name}}` placeholders of a locale text (the i18next syntax, without i18next on the server). */
function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/**
 * 利用申請受付のお知らせ: sent to the administrator (STEP 3 email) when an application is accepted, in
 * the language the applicant used (application guide, FAQ 5). It repeats what the STEP 6 screen said,
 * from the same locale texts: the receipt number and the six mails to expect.
 *
 * @example
 * receiptMail({ application, receiptNumber: '2401260002', acceptedAt }).to // application.adminUser.email
 */
export function receiptMail(input: { application: Application; receiptNumber: string; acceptedAt: Date }): Mail {
  const { application, receiptNumber, acceptedAt } = input;
  const wording = RECEIPT_MAIL_WORDING[application.locale];
  const { completion } = wording;
  const followUps = FOLLOW_UP_MAILS.map((key, index) => `${CIRCLED_NUMBERS[index]}${completion.mails[key]}`);
  return {
    to: application.adminUser.email,
    subject: wording.subject,
    body: `${wording.header}

${application.company.name}
${wording.greeting(application.adminUser.name)}

${interpolate(completion.receipt, { receiptNumber })}
${wording.receivedAt}${tokyoDateTime(acceptedAt)}

${completion.mailsIntro}
${completion.mailsTiming}

${followUps.join('\n')}

${interpolate(completion.support, { email: SUPPORT_EMAIL })}

${wording.footer}
`,
  };
}

/**
 * Queues a mail in the outbox of the ordering company it is sent for, its link sealed with `mailKey`.
 * Call it inside the transaction that makes the mail true, so no mail exists for work that rolled back.
 *
 * @example
 * await enqueueMail(trx, { orderingCompanyId: 1, mail, now: new Date(), mailKey });
 */
export async function enqueueMail(
  queries: Queries,
  input: { orderingCompanyId: number; mail: Mail; now: Date; mailKey: Buffer },
): Promise<void> {
  await queries
    .insertInto('outbox')
    .values({
      ordering_company_id: input.orderingCompanyId,
      recipient: input.mail.to,
      subject: input.mail.subject,
      body: input.mail.body,
      sealed_link: input.mail.link === undefined ? null : sealText(input.mailKey, input.mail.link),
      created_at: input.now.toISOString(),
      next_attempt_at: input.now.toISOString(),
    })
    .execute();
}

/**
 * The text of a stored mail: with its link when it is still sealed (only the ordering company and the
 * SMTP delivery read this), with the redaction note once delivered.
 *
 * @example
 * mailText({ body, sealed_link }, mailKey) // '…https://portal.example.jp/?token=…'
 */
export function mailText(row: { body: string; sealed_link: string | null }, mailKey: Buffer, options: { revealSecret?: boolean } = {}): string {
  const sealed = row.sealed_link === null ? undefined : openSealedText(mailKey, row.sealed_link);
  // A password or PIN goes to its recipient (SMTP, the operator's demo mailbox), never to the console.
  const secret = sealed === undefined ? REDACTED_SECRET : options.revealSecret ? sealed : WITHHELD_SECRET;
  return row.body.replace(LINK_PLACEHOLDER, () => sealed ?? REDACTED_LINK).replace(SECRET_PLACEHOLDER, () => secret);
}

/** Delivery state of an outbox row as the console shows it. */
function deliveryOf(row: { delivered_at: string | null; attempts: number; last_error: string | null }) {
  return {
    ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
    attempts: Number(row.attempts),
  };
}

/**
 * One page of the outbox of one ordering company, newest first, without the bodies (one mail is read
 * with `findMail`).
 *
 * @example
 * const page = await listOutbox(database, company.id, { limit: 50 });
 * page.items[0]?.subject
 */
export async function listOutbox(
  database: Database,
  orderingCompanyId: number,
  options: { limit: number; cursor?: string | undefined },
): Promise<Page<OutboxMailSummary>> {
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, ['number']);
  const rows = await database.db
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'created_at', 'delivered_at', 'attempts', 'last_error'])
    .where('ordering_company_id', '=', orderingCompanyId)
    .$if(after !== undefined, (query) => query.where('id', '<', after?.[0] as number))
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const summary = (row: (typeof rows)[number]): OutboxMailSummary => ({
    id: Number(row.id),
    to: row.recipient,
    subject: row.subject,
    createdAt: row.created_at,
    ...deliveryOf(row),
  });
  return pageOf(rows, options.limit, summary, (item) => [item.id]);
}

/**
 * One mail of one ordering company with its text; another company's id finds nothing.
 *
 * @example
 * (await findMail(database, company.id, 12, mailKey))?.body
 */
export async function findMail(database: Database, orderingCompanyId: number, id: number, mailKey: Buffer): Promise<OutboxMail | undefined> {
  const row = await database.db
    .selectFrom('outbox')
    .selectAll()
    .where('ordering_company_id', '=', orderingCompanyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: Number(row.id),
      to: row.recipient,
      subject: row.subject,
      body: mailText(row, mailKey),
      createdAt: row.created_at,
      ...deliveryOf(row),
    }
  );
}

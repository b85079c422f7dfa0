/**
 * The mails the service sends, written to the outbox table instead of an SMTP server: the demo sends
 * nothing, and the admin console shows what would have gone out. Wording follows the application guide.
 */
import type { Application, Locale, OutboxMail, Partner } from '../../src/domain/index.js';
import { en } from '../../src/i18n/en.js';
import { ja, type Messages } from '../../src/i18n/ja.js';
import type { Database } from './database.js';
import { tokyoDateTime } from './tokyo-time.js';

/** Support address the guide gives for every question (application guide, お問い合わせ窓口). */
const SUPPORT_EMAIL = 'help-light@construction-ec.com';
/** 申込書等資料ダウンロード URL (application guide, 利用申請サイトのお知らせ ⑦). */
const DOWNLOAD_URL = 'https://www.construction-ec.com/cectrust-light/member/download.html';

const AUTOMATIC_NOTICE = '※本メールは CECTRUST-Light サービスから自動で送信しております。';
const FOOTER = `※本メールは配信専用のアドレスからお送りしております。
そのため、本メールに返信いただいても、お答えすることはできません。
※本メールにお心当たりのない方、ご不明点のある方は、下記へお問い合わせください。

【問い合わせ先】
株式会社コンストラクション・イーシー・ドットコム
CECTRUST-Light サービス
E メール：${SUPPORT_EMAIL}`;

export interface Mail {
  to: string;
  subject: string;
  body: string;
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
    subject: '【CECTRUST-Lightサービス】 利用申請サイトのお知らせ',
    body: `${AUTOMATIC_NOTICE}

${partner.companyName}
${partner.contactName} 様

${orderingCompanyName} 様の依頼に基づき
電子契約サービス（CECTRUST-Light サービス）の利用申請登録のご案内をお送りしております。
35 日以内に下記オンライン利用申請 URL から利用申請情報の登録をお願いいたします。
（有効期限：${tokyoDateTime(expiresAt)}）

申請時の確認書類として法人の場合「会社の印鑑証明書（発行3ヵ月以内）」
個人事業主の場合「開業届」などの証明書類が必要です。
PDF データでご用意いただき、オンライン利用申請画面にて PDF データをアップロードしてください。

また、35 日を経過しますとオンライン利用申請 URL にアクセスができなくなります。
その場合は、${orderingCompanyName} 様へ「利用申請サイトのお知らせ」メールの再送をご依頼ください。

CECTRUST-Light サービス オンライン利用申請 URL：
${url}

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
    subject: '【CECTRUST-Lightサービス】 利用申請受付のお知らせ',
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
 * Queues a mail in the outbox of the ordering company it is sent for. Call it inside the transaction
 * that makes the mail true, so no mail exists for work that rolled back.
 *
 * @example
 * enqueueMail(database, { orderingCompanyId: 1, mail, now: new Date() });
 */
export function enqueueMail(database: Database, input: { orderingCompanyId: number; mail: Mail; now: Date }): void {
  database
    .prepare('INSERT INTO outbox (ordering_company_id, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(input.orderingCompanyId, input.mail.to, input.mail.subject, input.mail.body, input.now.toISOString());
}

/**
 * The outbox of one ordering company, newest first.
 *
 * @example
 * listOutbox(database, company.id)[0]?.subject
 */
export function listOutbox(database: Database, orderingCompanyId: number): OutboxMail[] {
  return database
    .prepare(
      `SELECT id, recipient AS "to", subject, body, created_at AS createdAt
       FROM outbox WHERE ordering_company_id = ? ORDER BY id DESC`,
    )
    .all(orderingCompanyId) as OutboxMail[];
}

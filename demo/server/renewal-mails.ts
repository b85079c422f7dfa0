/**
 * The mails of the client-certificate renewal (seed `eppcert-gas-client-certificate-renewal.ja.txt`), in
 * Japanese or English: the expiry notice about 60 days ahead (step 1), the 「ID通知メール」 for a
 * certificate to download (step 5), and the invoice notice once a request is issued (steps 4 and 6: the
 * 証明書ID and 証明書シリアル of every row, and payment by the end of the following month). Queued through the
 * outbox (mails.ts) like every other mail.
 */
import type { IsoDate } from '../../src/domain/dates.js';
import type { StorageMedium, TokenChoice } from '../../src/domain/renewal.js';
import type { Mail } from './mails.js';

export type RenewalMailLocale = 'ja' | 'en';

/** お問い合わせ窓口 of the seed's page (ガス事業用クライアント証明書に関するお問い合わせ); the address is the demo's. */
const SUPPORT_EMAIL = 'eppcert-gas-support@example.jp';

/** A row of a request as the mails list it. */
export interface RenewalMailRow {
  row: number;
  commonName: string;
  certificateId?: string | undefined;
  medium: StorageMedium;
  tokenChoice?: TokenChoice | undefined;
  issuedCertificateId?: string | undefined;
  issuedSerial?: string | undefined;
}

interface Wording {
  header: string;
  greeting: (organisation: string) => string;
  footer: string;
  date: (day: IsoDate) => string;
  media: Record<StorageMedium, string>;
  tokens: Record<TokenChoice, string>;
  expiry: { subject: string; intro: string; line: (commonName: string, certificateId: string, expiresOn: string) => string; outro: string };
  idNotice: { subject: string; intro: string; fields: (row: RenewalMailRow, requestNumber: string) => string; outro: string };
  invoice: { subject: string; intro: (requestNumber: string) => string; line: (row: RenewalMailRow, medium: string) => string; payBy: (day: string) => string; outro: string };
}

const WORDING: Record<RenewalMailLocale, Wording> = {
  ja: {
    header: '※本メールは Enterprise Premium 電子証明書発行サービス（EPPCERT）から自動で送信しております。',
    greeting: (organisation) => `${organisation}\n企業内RAご担当者様`,
    footer: `※本メールは配信専用のアドレスからお送りしております。返信いただいてもお答えできません。\nガス事業用クライアント証明書に関するお問い合わせ：${SUPPORT_EMAIL}`,
    date: (day) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
    media: { download: 'ダウンロード', cdr: 'CD-R', usbMemory: 'USBメモリ', usbToken: 'USBトークン' },
    tokens: { new: '新規', reuse: '再利用' },
    expiry: {
      subject: '【EPPCERT】クライアント証明書 有効期限切れのお知らせ',
      intro: 'お申し込みいただいたクライアント証明書のうち、有効期限到来まで約60日前となったクライアント証明書は次のとおりです。\n引き続きご利用される場合、改めてお申し込み手続きが必要となります。',
      line: (commonName, certificateId, expiresOn) => `・CN：${commonName}　証明書ID：${certificateId}　有効期限日：${expiresOn}`,
      outro: '※ クライアント証明書は有効期限日を過ぎてしまいますと、自動的に利用できなくなります。\n※ 有効期間開始日に将来の日付を指定してお申し込みいただけます（お申し込み時点より180日以上先は指定できません）。',
    },
    idNotice: {
      subject: '【EPPCERT】ID通知メール（クライアント証明書のダウンロード）',
      intro: 'お申し込みいただいたクライアント証明書を発行いたしました。電子証明書インストール手順書（ダウンロード）を参照し、クライアント証明書の取得とインストールを行ってください。',
      fields: (row, requestNumber) => `依頼番号：${requestNumber}（${row.row}行目）\nCN：${row.commonName}\n証明書ID：${row.issuedCertificateId}\n証明書シリアル：${row.issuedSerial}`,
      outro: '※ このメールはクライアント証明書発行依頼書でご指定いただいたアドレスにお送りしています。',
    },
    invoice: {
      subject: '【EPPCERT】クライアント証明書 発行完了と請求書送付のお知らせ',
      intro: (requestNumber) => `依頼番号 ${requestNumber} のクライアント証明書をすべて発行いたしました。証明書IDと証明書シリアルは次のとおりです。`,
      line: (row, medium) => `${row.row}. CN：${row.commonName}　格納媒体：${medium}　証明書ID：${row.issuedCertificateId}　証明書シリアル：${row.issuedSerial}`,
      payBy: (day) => `請求書を送付いたします。${day}（翌月末）までに指定口座へのお支払いをお願いいたします。`,
      outro: '※ CD-R、USBメモリ、USBトークンは簡易書留郵便にて企業内管理者様宛に送付いたします。USBトークンをご利用の場合は、予め ePass2003 USBトークンランタイムパッケージのインストールが必要です。',
    },
  },
  en: {
    header: 'This mail was sent automatically by the Enterprise Premium certificate service (EPPCERT).',
    greeting: (organisation) => `${organisation}\nDear in-house RA contact,`,
    footer: `This address only sends; replies are not read. Questions about gas-industry client certificates: ${SUPPORT_EMAIL}`,
    date: (day) => day,
    media: { download: 'Download', cdr: 'CD-R', usbMemory: 'USB memory', usbToken: 'USB token' },
    tokens: { new: 'new', reuse: 'reused' },
    expiry: {
      subject: '[EPPCERT] Client certificates expiring soon',
      intro: 'These client certificates expire in about 60 days. To keep using them, request their renewal.',
      line: (commonName, certificateId, expiresOn) => `- CN: ${commonName}  Certificate ID: ${certificateId}  Expires on: ${expiresOn}`,
      outro: 'A client certificate stops working automatically after its expiry date. You may request a future validity start date (less than 180 days after the request).',
    },
    idNotice: {
      subject: '[EPPCERT] ID notification (client certificate download)',
      intro: 'The client certificate you requested has been issued. Download and install it as the installation guide (download) describes.',
      fields: (row, requestNumber) => `Request number: ${requestNumber} (row ${row.row})\nCN: ${row.commonName}\nCertificate ID: ${row.issuedCertificateId}\nCertificate serial: ${row.issuedSerial}`,
      outro: 'This mail goes to the address given for this row in the certificate issuance request.',
    },
    invoice: {
      subject: '[EPPCERT] Client certificates issued; invoice to follow',
      intro: (requestNumber) => `Every client certificate of request ${requestNumber} has been issued. Their IDs and serials:`,
      line: (row, medium) => `${row.row}. CN: ${row.commonName}  Medium: ${medium}  Certificate ID: ${row.issuedCertificateId}  Serial: ${row.issuedSerial}`,
      payBy: (day) => `An invoice follows. Please pay it into the designated account by ${day} (the end of the following month).`,
      outro: 'CD-R, USB memory and USB tokens are sent by registered mail to the in-house administrator. A USB token needs the ePass2003 USB token runtime package installed first.',
    },
  },
};

function compose(locale: RenewalMailLocale, organisationName: string, parts: string[]): string {
  const wording = WORDING[locale];
  return `${wording.header}\n\n${wording.greeting(organisationName)}\n\n${parts.join('\n\n')}\n\n${wording.footer}\n`;
}

/**
 * The expiry notice: CN, 証明書ID and expiry of each certificate that expires within about 60 days.
 *
 * @example
 * expiryNoticeMail({ to, organisationName: '東都ガス株式会社', locale: 'ja', certificates }).subject
 * // '【EPPCERT】クライアント証明書 有効期限切れのお知らせ'
 */
export function expiryNoticeMail(input: {
  to: string;
  organisationName: string;
  locale: RenewalMailLocale;
  certificates: ReadonlyArray<{ commonName: string; certificateId: string; expiresOn: IsoDate }>;
}): Mail {
  const { expiry, date } = WORDING[input.locale];
  const lines = input.certificates.map((each) => expiry.line(each.commonName, each.certificateId, date(each.expiresOn)));
  return { to: input.to, subject: expiry.subject, body: compose(input.locale, input.organisationName, [expiry.intro, lines.join('\n'), expiry.outro]) };
}

/**
 * The 「ID通知メール」 of a row issued for download, to the address the row names.
 *
 * @example
 * idNotificationMail({ to: row.notificationEmail, locale: 'ja', organisationName, requestNumber, row }).subject
 */
export function idNotificationMail(input: { to: string; locale: RenewalMailLocale; organisationName: string; requestNumber: string; row: RenewalMailRow }): Mail {
  const { idNotice } = WORDING[input.locale];
  return {
    to: input.to,
    subject: idNotice.subject,
    body: compose(input.locale, input.organisationName, [idNotice.intro, idNotice.fields(input.row, input.requestNumber), idNotice.outro]),
  };
}

/**
 * The invoice notice once every row of a request is issued: the returned 発行依頼書 in words (every row's
 * 証明書ID and serial) and the payment date, the end of the following month (Japan time).
 *
 * @example
 * invoiceNoticeMail({ to, locale: 'ja', organisationName, requestNumber, rows, payBy: '2027-05-31' }).body // …2027年5月31日（翌月末）…
 */
export function invoiceNoticeMail(input: {
  to: string;
  locale: RenewalMailLocale;
  organisationName: string;
  requestNumber: string;
  rows: readonly RenewalMailRow[];
  payBy: IsoDate;
}): Mail {
  const { invoice, date, media, tokens } = WORDING[input.locale];
  const mediumOf = (row: RenewalMailRow) => (row.tokenChoice ? `${media[row.medium]} (${tokens[row.tokenChoice]})` : media[row.medium]);
  const lines = input.rows.map((row) => invoice.line(row, mediumOf(row)));
  return {
    to: input.to,
    subject: invoice.subject,
    body: compose(input.locale, input.organisationName, [invoice.intro(input.requestNumber), lines.join('\n'), invoice.payBy(date(input.payBy)), invoice.outro]),
  };
}


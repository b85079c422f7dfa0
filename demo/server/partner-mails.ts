/**
 * The notices that follow an accepted application (application guide, STEP 6 ①–⑥ and 4①), and those
 * the administrator's work sends (巻末資料「付録」: a new user's 利用者ID and 初回パスワード, the PIN of a
 * certificate). Subjects are the guide's, exactly; the text is Japanese with an English paragraph.
 * A password or a PIN stands in the text as `SECRET_PLACEHOLDER` and travels sealed (mail-secrets.ts).
 */
import { SECRET_PLACEHOLDER } from './mail-secrets.js';
import { AUTOMATIC_NOTICE, FOOTER, type Mail } from './mails.js';

/** The guide's subjects (STEP 6 ①–⑥), exactly as it writes them. */
export const PARTNER_MAIL_SUBJECTS = {
  userId: '【CECTRUST-Lightサービス】利用者ID発行のお知らせ',
  initialPassword: '【CECTRUST-Lightサービス】初回ログインパスワードのお知らせ',
  companyRegistered: '【CECTRUST-Lightサービス】サービス利用企業登録完了のお知らせ',
  certificateIssued: '【CECTRUST-Lightサービス】電子証明書発行のお知らせ',
  pin: '【CECTRUST-Lightサービス】PINのお知らせ',
  registrationComplete: '【CECTRUST-Lightサービス】利用登録完了のお知らせ',
} as const;

/** Where to sign in and read the operating manual (application guide, 4②). */
const MANUAL_URL = 'http://www.construction-ec.com/cectrust-light/manual/index.html';

/** Who a notice goes to: the user's address, under the company's and the user's name. */
export interface NoticeRecipient {
  email: string;
  companyName: string;
  userName: string;
}

function notice(recipient: NoticeRecipient, subject: string, japanese: string, english: string, secret?: string): Mail {
  return {
    to: recipient.email,
    subject,
    ...(secret === undefined ? {} : { link: secret }),
    body: `${AUTOMATIC_NOTICE}

${recipient.companyName}
${recipient.userName} 様

${japanese}

${english}

${FOOTER}
`,
  };
}

/**
 * ① 利用者ID発行のお知らせ: the 利用者ID to sign in with (the 管理用ID for the administrator of STEP 3).
 *
 * @example
 * userIdMail(recipient, 'L0000001').subject // '【CECTRUST-Lightサービス】利用者ID発行のお知らせ'
 */
export function userIdMail(recipient: NoticeRecipient, userId: string): Mail {
  return notice(
    recipient,
    PARTNER_MAIL_SUBJECTS.userId,
    `CECTRUST-Light サービスの利用者IDを発行しました。
ログイン時に入力する利用者IDは次のとおりです。

利用者ID：${userId}

初回ログインパスワードは「初回ログインパスワードのお知らせ」メールでお知らせします。`,
    `Your CECTRUST-Light user ID is ${userId}. The first password follows in a separate mail.`,
  );
}

/**
 * ② 初回ログインパスワードのお知らせ: the first password, to be changed at the first sign-in (4② 事前準備の操作 1).
 *
 * @example
 * initialPasswordMail(recipient, password).link // the password, sealed in the outbox
 */
export function initialPasswordMail(recipient: NoticeRecipient, password: string): Mail {
  return notice(
    recipient,
    PARTNER_MAIL_SUBJECTS.initialPassword,
    `CECTRUST-Light サービスの初回ログインパスワードをお知らせします。

初回ログインパスワード：${SECRET_PLACEHOLDER}

「利用者ID発行のお知らせ」メールの利用者IDとこのパスワードでログインし、パスワードを変更してください。
初回ログイン時にはパスワードの変更が必要です。`,
    `Your first password is above. Sign in with your user ID and this password; you will be asked to change it.`,
    password,
  );
}

/** ③ サービス利用企業登録完了のお知らせ: the company is registered with the service. */
export function companyRegisteredMail(recipient: NoticeRecipient): Mail {
  return notice(
    recipient,
    PARTNER_MAIL_SUBJECTS.companyRegistered,
    `${recipient.companyName} 様の CECTRUST-Light サービス利用企業登録が完了しました。
電子証明書の発行が完了しましたら「電子証明書発行のお知らせ」「PINのお知らせ」メールをお送りします（数日以内）。`,
    `Your company is registered with CECTRUST-Light. The certificate and its PIN follow within a few days.`,
  );
}

/** ④ 電子証明書発行のお知らせ: the certificate (the role seal of STEP 4) is issued. */
export function certificateIssuedMail(recipient: NoticeRecipient, certificate: { certificateId: string; role: string }): Mail {
  return notice(
    recipient,
    PARTNER_MAIL_SUBJECTS.certificateIssued,
    `電子証明書を発行しました。

証明書番号：${certificate.certificateId}
部署名・役職名：${certificate.role}

「PINのお知らせ」メールの PIN で「証明書の有効性確認」を実行すると、署名に使えるようになります。`,
    `Your certificate ${certificate.certificateId} is issued. Confirm it with the PIN of the next mail to sign with it.`,
  );
}

/**
 * ⑤ PINのお知らせ: the PIN that confirms a certificate (4② 事前準備の操作 2: 証明書の有効性確認), also
 * sent when the operator issues a certificate the administrator asked for, or one is linked to a user.
 *
 * @example
 * pinMail(recipient, 'C0000001', '12345678').subject // '【CECTRUST-Lightサービス】PINのお知らせ'
 */
export function pinMail(recipient: NoticeRecipient, certificateId: string, pin: string): Mail {
  return notice(
    recipient,
    PARTNER_MAIL_SUBJECTS.pin,
    `電子証明書（証明書番号：${certificateId}）の PIN をお知らせします。

PIN：${SECRET_PLACEHOLDER}

ログイン後、「証明書の有効性確認」でこの PIN を入力してください。確認が済むと署名操作ができます。
PIN を続けて誤るとロックされます。大切に保管してください。`,
    `The PIN above confirms certificate ${certificateId}. Enter it under "証明書の有効性確認" after signing in; then you can sign.`,
    pin,
  );
}

/** ⑥ 利用登録完了のお知らせ: everything is in place; what to do first (4②). */
export function registrationCompleteMail(recipient: NoticeRecipient): Mail {
  return notice(
    recipient,
    PARTNER_MAIL_SUBJECTS.registrationComplete,
    `CECTRUST-Light サービスの利用登録が完了しました。
契約業務を始める前に、次の事前準備を行ってください。

1. 初回ログインパスワードを変更する
2. 証明書の有効性確認を実行する（PIN を入力）

操作マニュアル（動画・PDF）：${MANUAL_URL}`,
    `Your registration is complete. Before your first contract: change the first password, then confirm the certificate with its PIN.`,
  );
}

/**
 * A user added by the administrator gets ① and ② at their own address (付録 ⑨).
 *
 * @example
 * newUserMails(recipient, 'L0000003', password).map((mail) => mail.subject)
 */
export function newUserMails(recipient: NoticeRecipient, userId: string, password: string): Mail[] {
  return [userIdMail(recipient, userId), initialPasswordMail(recipient, password)];
}

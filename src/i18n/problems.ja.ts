/**
 * Japanese words of the pages and messages most applicants never meet: an invitation link that is
 * unknown, expired or already used, a submit the server refused or could not take, a document refused
 * for its content. They are a chunk of their own, loaded just before one of them shows
 * (`loadProblemTexts` in `i18n.ts`), so the wizard's bundle does not carry them. Same keys as in
 * `en.ts`, which holds the English of all of them; wording from the application guide where it has any.
 */
export const problemsJa = {
  invitation: {
    notFoundTitle: 'このオンライン利用申請URLは無効です',
    notFoundBody:
      'URLが正しいかご確認ください。解決しない場合は、発注者様へ「利用申請サイトのお知らせ」メールの再送をご依頼ください。',
    expiredTitle: 'オンライン利用申請URLの有効期限が切れています',
    expiredBody:
      'オンライン利用申請URLの有効期限（メール受信後35日間）を経過したため、アクセスできません。発注者様へ「利用申請サイトのお知らせ」メールの再送をご依頼ください。',
    usedTitle: 'このオンライン利用申請URLはすでに使用されています',
    usedBody: 'このご案内による利用申請は受付済みです。同じURLから再度申請することはできません。',
    usedReceipt: '受付番号：{{receiptNumber}}',
    usedContact: '申請内容の確認や変更については、{{email}}までお問い合わせください。',
  },
  submit: {
    server: 'サーバーで問題が発生しました。入力内容はそのまま保持されています。しばらくしてから再試行してください。',
    unavailable: 'サービスが混み合っています。入力内容はそのまま保持されています。{{seconds}}秒ほど待ってから再試行してください。',
    timeout: 'サーバーからの応答がありません。入力内容はそのまま保持されています。再試行してください（二重に申請されることはありません）。',
    conflict: 'この申請はすでに処理されています。',
  },
  errors: {
    documentEmpty: '選択されたファイルは空です。内容のあるPDFファイルを選択してください。',
    documentTooLarge: 'ファイルが大きすぎます。{{maximum}}以下のPDFファイルを選択してください。',
    documentNotPdf: '選択されたファイルはPDFではありません。PDFファイルを選択してください。',
    documentIncomplete:
      'ファイルが途中で切れているようです（PDFの終わりが見つかりません）。元のファイルをもう一度保存してから選択してください。',
    documentEncrypted:
      '開くときにパスワードが必要なPDFは受け付けられません。パスワードを解除したPDFを選択してください（印刷やコピーの制限だけのPDFは受け付けられます）。',
  },
};

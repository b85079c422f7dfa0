/**
 * Japanese resources, the default language. Wording follows the application guide
 * (seeds/cectrust-light-application-guide.ja.txt); keys are shared with `en.ts`. The invitation form's
 * words are not here: it brings its own (`invitation-form.ts`), so the wizard's bundle does not carry them;
 * nor are those of a bad link, a failed submit or a refused document (`problems.ja.ts`, loaded when needed).
 */
import type { problemsJa } from './problems.ja.js';

export const ja = {
  wizard: {
    title: 'CECTRUST-Light 利用申請',
    progress: '申請の手順',
    stepOf: 'STEP {{number}}',
    completedStep: '（完了）',
    invitedBy: '{{inviter}}様からのご依頼により、電子契約サービス（CECTRUST-Light サービス）の利用申請をご案内しています。',
    expiresAt: '申請期限：{{date}}まで',
  },
  steps: {
    terms: '利用規約確認',
    company: '企業情報入力',
    adminUser: '利用者情報入力',
    certificate: '証明書情報入力',
    confirmation: '申請内容確認',
    completion: '申請完了',
  },
  buttons: {
    back: '戻る',
    next: '次へ',
    agreeAndNext: '利用規約に同意して次へ',
    submit: '確定',
    submitting: '送信しています…',
    retry: '再試行',
    change: '変更',
    changeSection: '{{section}}を変更',
    returnToConfirmation: '申請内容確認に戻る',
    chooseFile: 'ファイル選択',
    clear: 'クリア',
    print: '印刷する',
  },
  markers: {
    required: '※必須',
    optional: '※任意',
  },
  errorSummary: {
    title: '入力内容に誤りがあります',
    description: '次の項目を確認してください。',
    prefix: 'エラー：',
  },
  terms: {
    heading: '利用規約確認',
    about:
      '本申請は、電子契約サービス「CECTRUST-Light」の利用申込と、電子契約サービスで使用する「電子証明書」の発行申込となります。',
    intro:
      'CECTRUST-Lightをご利用いただくためには、以下の利用規約に同意のうえ、利用登録をしていただく必要があります。利用登録にあたり、本利用規約をご確認のうえ、チェックを入れてお進みください。申請が完了した時点で、お客様は本利用規約の内容をご確認のうえ同意したものとみなします。',
    serviceName: 'CECTRUST-Light利用規約',
    serviceDescription: '本サービスの利用規約です。',
    serviceAgree: 'CECTRUST-Light利用規約に同意します。',
    certificateName: 'JCAN電子証明書利用規約',
    certificateDescription: '本サービスの電子契約でご使用いただく電子証明書の利用規約です。',
    certificateAgree: 'JCAN電子証明書利用規約に同意します。',
    opensInNewWindow: '（新しいウィンドウで開きます）',
    alreadyApplied:
      '既にオンライン申請でCECTRUST-Lightに申込み済の場合は、別企業からのオンライン申請案内があっても再度のお申込みは不要です。お持ちのID（企業ID、利用者ID）を、今回ご案内のあった企業へお伝えください。',
    oneApplication:
      '同時期に複数のご案内が届いた場合も、拠点や電子証明書を分けて登録したいご希望がなければ、1通のみお申込みください。',
    bothRequired: '2つの利用規約ともに「□」にチェックが入っている事をご確認ください。',
    prepareHeading: '申請時に必要な書類',
    prepareIntro: 'オンライン利用申請を開始する前に、種類に応じた次の書類をPDFファイルにしてご用意ください。',
    prepareItem: '{{kind}}：{{document}}',
    cannotMakePdf:
      '「会社の印鑑証明書（発行3か月以内）」をPDFファイルにできない場合は、CECTRUST-Lightサービス担当 Eメール：{{email}} までご連絡ください。',
  },
  company: {
    heading: '企業情報',
    intro:
      '申込拠点に関わらず「印鑑証明書」に記載されている法務局へ登録済の登記情報（本店の情報）を入力してください。',
    byKind: {
      soleProprietor: {
        intro: '開業届（屋号の記載があること）に記載されている内容を入力してください。',
        nameHint: '開業届に記載されている屋号を入力してください。',
        addressHint: '開業届に記載されている住所を入力してください。',
      },
      condoAssociation: {
        intro: '総会議事録と締結契約書写しに記載されている管理組合の情報を入力してください。',
        nameHint: '管理組合の名称を、総会議事録の記載どおりに入力してください。',
        addressHint: '管理組合の所在地を入力してください。',
      },
    },
    kind: '種類',
    kinds: {
      corporation: '法人',
      municipality: '自治体',
      soleProprietor: '個人事業主',
      condoAssociation: 'マンション等管理組合（未登記）',
    },
    corporateNumber: '法人番号',
    corporateNumberHint: '国税庁が指定する13桁の番号です（ハイフンなし・全角でも入力できます）。',
    corporateNumberHelp: '国税庁法人番号公表サイトで法人番号を調べる',
    name: '企業名',
    nameHint: '本店（本社）の名称を、印鑑証明書の記載どおりに入力してください。',
    nameKana: '企業名カナ',
    nameKanaHint: '全角カタカナで入力してください（ひらがな・半角カナは自動で変換します）。',
    address: '企業住所',
    addressHint: '本店（本社）の住所を入力してください。',
    representative: '代表者',
    document: {
      corporation: '印鑑証明書',
      municipality: '押印済みの書類',
      soleProprietor: '開業届',
      condoAssociation: '総会議事録と締結契約書写し',
    },
    documentHint: {
      corporation: '会社代表者登録印に係る印鑑証明書（3か月以内発行、コピー可）',
      municipality: '事前に弊社が押印し送付した書類',
      soleProprietor: '開業届（屋号の記載があること）。※屋号の記載がない開業届の場合は受付できません。',
      condoAssociation: '総会議事録と締結契約書写し',
    },
    documentFormat: '※PDFデータをアップロードしてください（{{maximum}}まで）。',
    documentSelected: '選択中のファイル：{{name}}（{{size}}）',
    documentNone: 'ファイルが選択されていません',
    documentChecking: 'ファイルを確認しています…',
    documentKindChanged:
      '種類を「{{kind}}」に変更したため、選択していたファイル（{{name}}）の選択を解除しました。{{document}}のPDFファイルを選択してください。',
  },
  adminUser: {
    heading: '管理用ID利用者',
    intro:
      '本サービスで利用する「管理用ID」の利用申請です。「管理用ID」利用者は、CECTRUST-Lightの管理業務（利用者IDの追加、自社内全ての契約文書閲覧）を担当できます。また、署名が可能です。',
    name: '氏名',
    nameKana: '氏名カナ',
    nameKanaHint: '全角カタカナで入力してください（姓と名の間にスペースを入れられます）。',
    department: '所属',
    title: '役職',
    address: '住所',
    phone: 'TEL番号',
    phoneHint: '例：03-3595-4610（ハイフンなしでも入力できます）',
    email: 'メールアドレス',
    emailHint:
      '「管理用ID」ご利用者への必要な情報は、全てこのメールアドレスにお知らせします。発行する電子証明書の暗証番号の役割となるPINの送付先にもなります。',
  },
  certificate: {
    heading: '電子証明書情報',
    intro:
      'CECTRUST-Lightの電子証明書は、組織役職名を記した「役職印の電子版」の役割です。ここで入力した情報が電子証明書に登録されます。',
    embedded:
      '電子証明書は電子の契約文書に組込まれ、契約文書を認めた企業、部署、役職を確認することができます（電子の契約文書画面、印刷に表示されるものではありません）。',
    warning: '発行後の電子証明書情報は変更できません。入力時には注意してください。',
    alphabetChoice: '英語、ローマ字の選択は任意です。',
    departmentAlphaQualifier: '（契約書に署名する権限を持った部署名）',
    titleAlphaQualifier: '（契約書に署名する権限を持った役職名）',
    helpQuestion: '電子証明書情報の「部署名」「役職名」は、何を入力すればよいのですか。自分の所属を入力してもよいのですか。',
    helpAnswer:
      'CECTRUST-Lightで利用される電子証明書には、申請いただく「組織、部署、役職名」の情報が保存されており、この電子証明書を使った電子署名を実施することにより「役職印」（会社印）での押印を文書に付与するのと同様の行為とみなすことが可能です。そのため、契約文書の会社印として適切な組織役職名の情報をご登録いただくことが好ましいです。それらを踏まえた上で申請内容は各企業によりご判断ください。',
    roleNotPerson:
      '署名権限のある方の役職をご入力ください。申請者等、個人の所属情報、個人名を入力しないでください。',
    alphabetRule: '半角英数字、ピリオド、ハイフン、スペースのみ入力可能です。',
    companyNameJa: '企業名(日本語)',
    companyNameJaHint: '記入不要です（企業情報の企業名が登録されます）。',
    companyNameJaEmpty: '（企業情報で入力した企業名）',
    companyNameAlpha: '企業名(アルファベット)',
    companyNameAlphaHint: '株式会社など、企業形態部分は除いてください（{{maximum}}文字以内）。',
    departmentJa: '部署名(日本語)',
    departmentJaHint: '部署が社内にない場合は「本社」「本店」などをご入力ください。',
    departmentAlpha: '部署名(アルファベット)',
    departmentAlphaHint: '部署名が社内にない場合は「HONSHA」「HONTEN」などをご入力ください。',
    titleJa: '役職名(日本語)',
    titleJaHint: '例：社長、支店長',
    titleAlpha: '役職名(アルファベット)',
    titleAlphaHint: '例：SHACHO、SHITENCHO（部署名とあわせて{{maximum}}文字以内）',
    lengthCount: '部署名と役職名（アルファベット）：{{count}} / {{maximum}}文字',
  },
  confirmation: {
    heading: '申請内容確認',
    intro: '申請内容をご確認ください。確認後、確定ボタンを押してください。',
    keepCopy: '本内容は必ずお控えください。',
    noCopy: '※申請内容の控は発行されませんので必要に応じて印刷や画面の保存を実施してください。',
    company: '企業情報',
    adminUser: '管理用ID情報',
    certificate: '電子証明書情報',
    notEntered: '（未入力）',
    changeWhich: '（{{section}}）',
  },
  completion: {
    heading: '利用申請完了',
    receipt: '受付番号{{receiptNumber}}で利用申請を受け付けました。',
    mailSent: '管理用ID利用者様のメールアドレス（{{email}}）にメールを送信しますのでご確認ください。確認後はウィンドウを閉じてください。',
    support: '※メールが届かない場合はお手数ですが{{email}}までご連絡ください。',
    mailsIntro:
      '手続き完了後に届くメールは、次の通りです。それぞれの手続き完了次第、管理用ID利用者様のメールアドレス宛に届きます。すべてのメールが同じタイミングでは届きません。',
    mailsTiming: '④～⑥のメールは、①～③のメールが届いた後、数日以内に届きます。',
    keepMails: '受信したメール内容（CECTRUST-Lightでご利用いただく情報）を大切に保管してください。',
    startTiming:
      '通常は、一両日中にご利用が可能となります。お申込みが込み合っている場合は、おおよそ5営業日ほどでご利用いただけます。',
    hurry: 'ご利用開始をお急ぎの場合は、弊社までメールでご連絡ください。',
    manualIntro:
      'CECTRUST-Lightの操作方法は、動画、操作手順書（PDF）をご参照ください。必要な事前準備の操作は、操作マニュアルをご参照ください。',
    manualLink: '操作マニュアル（動画・PDF）',
    copy: 'コピー',
    copyReceipt: '受付番号をコピー',
    copied: 'コピーしました',
    selected: '受付番号を選択しました。コピーしてください。',
    firstMails: 'まず届くメール',
    laterMails: '数日以内に届くメール',
    mails: {
      userId: '【CECTRUST-Lightサービス】利用者ID発行のお知らせ',
      password: '【CECTRUST-Lightサービス】初回ログインパスワードのお知らせ',
      companyRegistered: '【CECTRUST-Lightサービス】サービス利用企業登録完了のお知らせ',
      certificateIssued: '【CECTRUST-Lightサービス】電子証明書発行のお知らせ',
      pin: '【CECTRUST-Lightサービス】PINのお知らせ',
      registrationComplete: '【CECTRUST-Lightサービス】利用登録完了のお知らせ',
    },
  },
  invitation: {
    loading: 'ご案内の内容を確認しています…',
    unreachableTitle: '申請サーバーに接続できません',
    unreachableBody: 'ネットワークの状態をご確認のうえ、再試行してください。入力済みの内容は失われません。',
  },
  submit: {
    failedTitle: '申請を送信できませんでした',
    network: 'ネットワークに接続できません。入力内容はそのまま保持されています。接続を確認して再試行してください。',
  },
  errors: {
    required: '{{field}}を入力してください。',
    tooLong: '{{field}}は{{maximum}}文字以内で入力してください。',
    consentRequired: '「{{field}}」にチェックを入れてください。',
    corporateNumberFormat: '{{field}}は13桁の数字で入力してください。',
    corporateNumberCheckDigit: '{{field}}が正しくありません（チェックデジットが一致しません）。番号をご確認ください。',
    katakana: '{{field}}は全角カタカナで入力してください。',
    phone: '{{field}}は0から始まる10桁または11桁の電話番号を入力してください。',
    email: '{{field}}の形式が正しくありません（例：taro@example.co.jp）。',
    alphabet: '{{field}}は半角英数字、ピリオド、ハイフン、スペースのみ入力できます。',
    companyFormWord: '{{field}}には「株式会社」にあたる語（Co., Ltd.、Inc.、K.K. など）を含めないでください。',
    departmentTitleTooLong: '部署名と役職名（アルファベット）はあわせて{{maximum}}文字以内で入力してください。',
    invalid: '{{field}}の入力内容を確認してください。',
    documentRequired: '{{field}}のPDFファイルを選択してください。',
    phoneExtension: '{{field}}に内線番号は入力できません。内線を除いた電話番号を入力してください。',
    alphabetLetter: '{{field}}には英字または数字を1文字以上入力してください。',
    unsafeCharacter: '{{field}}に使用できない文字（制御文字や書式用の見えない文字）が含まれています。削除してから入力し直してください。',
    invisibleOnly: '{{field}}には見えない文字（ゼロ幅スペースなど）しか入力されていません。内容を入力してください。',
    named: {
      katakana: '{{field}}に使用できない文字「{{character}}」が含まれています。全角カタカナ、長音（ー）、中点（・）、スペースで入力してください。',
      alphabet: '{{field}}に使用できない文字「{{character}}」が含まれています。半角英数字、ピリオド、ハイフン、スペースのみ入力できます。',
      unsafeCharacter: '{{field}}に使用できない文字（{{character}}）が含まれています。制御文字や書式用の見えない文字を削除してください。',
    },
  },
};

/**
 * The shape every locale must have: the Japanese resources are the reference, those here and the
 * rarely shown ones of `problems.ja.ts` (loaded when one is about to show).
 */
export type Messages = typeof ja & typeof problemsJa;

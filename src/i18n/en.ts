/**
 * English resources, loaded only when asked for (`lang="en"`). Same keys and placeholders as `ja.ts`,
 * which stays the reference; typed as `Messages` so a missing key fails `tsc`.
 * The mails keep their Japanese subject lines: the applicant receives them in Japanese.
 */
import type { Messages } from './ja.js';

export const en: Messages = {
  wizard: {
    title: 'CECTRUST-Light application',
    progress: 'Application steps',
    stepOf: 'STEP {{number}}',
    completedStep: '(completed)',
    invitedBy:
      'At the request of {{inviter}}, you are invited to apply for the electronic contract service (CECTRUST-Light service).',
    expiresAt: 'Apply by: {{date}} (Japan time)',
  },
  steps: {
    terms: 'Terms of use',
    company: 'Company information',
    adminUser: 'User information',
    certificate: 'Certificate information',
    confirmation: 'Check your application',
    completion: 'Application complete',
  },
  buttons: {
    back: 'Back',
    next: 'Next',
    agreeAndNext: 'Agree to the terms and continue',
    submit: 'Submit',
    submitting: 'Sending…',
    retry: 'Try again',
    change: 'Change',
    changeSection: 'Change {{section}}',
    returnToConfirmation: 'Back to check your application',
    chooseFile: 'Choose file',
    clear: 'Clear',
    print: 'Print',
  },
  markers: {
    required: 'Required',
    optional: 'Optional',
  },
  errorSummary: {
    title: 'There is a problem with your answers',
    description: 'Please check the following fields.',
    prefix: 'Error: ',
  },
  terms: {
    heading: 'Terms of use',
    about:
      'This application is both an application to use the electronic contract service “CECTRUST-Light” and an application for the issuance of the “electronic certificate” used with that service.',
    intro:
      'To use CECTRUST-Light, you need to agree to the terms of use below and register. Please read these terms, tick the boxes and continue. By completing the application, you are deemed to have read and agreed to these terms.',
    serviceName: 'CECTRUST-Light Terms of Use',
    serviceDescription: 'The terms of use of this service.',
    serviceAgree: 'I agree to the CECTRUST-Light Terms of Use.',
    certificateName: 'JCAN Electronic Certificate Terms of Use',
    certificateDescription: 'The terms of use of the electronic certificate used for electronic contracts with this service.',
    certificateAgree: 'I agree to the JCAN Electronic Certificate Terms of Use.',
    opensInNewWindow: '(opens in a new window)',
    alreadyApplied:
      'If your company has already applied for CECTRUST-Light online, you do not need to apply again, even when another company invites you. Instead, give your existing IDs (company ID and user IDs) to the company that invited you this time.',
    oneApplication:
      'If you receive several invitations at around the same time, submit only one application, unless you want to register separate offices or separate electronic certificates.',
    bothRequired: 'Please make sure that both terms of use are ticked.',
    prepareHeading: 'Documents you need',
    prepareIntro: 'Before you start, prepare the following document for your type of applicant as a PDF file.',
    prepareItem: '{{kind}}: {{document}}',
    cannotMakePdf:
      'If you cannot make your company’s certificate of seal impression (issued within the last 3 months) into a PDF file, please contact the CECTRUST-Light service desk by email: {{email}}.',
  },
  company: {
    heading: 'Company information',
    intro:
      'Whichever office is applying, enter the registered information of your head office as recorded at the Legal Affairs Bureau and shown on your certificate of seal impression.',
    byKind: {
      soleProprietor: {
        intro: 'Enter the details shown on your notification of business commencement (which must state your trade name).',
        nameHint: 'Enter the trade name shown on your notification of business commencement.',
        addressHint: 'Enter the address shown on your notification of business commencement.',
      },
      condoAssociation: {
        intro: 'Enter the details of the management association shown in the general meeting minutes and the signed contract.',
        nameHint: 'Enter the name of the management association exactly as in the general meeting minutes.',
        addressHint: 'Enter the address of the management association.',
      },
    },
    kind: 'Type',
    kinds: {
      corporation: 'Corporation',
      municipality: 'Local government',
      soleProprietor: 'Sole proprietor',
      condoAssociation: 'Condominium management association (unregistered)',
    },
    corporateNumber: 'Corporate number',
    corporateNumberHint:
      'The 13-digit number assigned by the National Tax Agency (hyphens and full-width digits are accepted).',
    corporateNumberHelp: 'Look up your corporate number on the Corporate Number Publication Site',
    name: 'Company name',
    nameHint: 'Enter the name of your head office exactly as shown on your certificate of seal impression.',
    nameKana: 'Company name (katakana)',
    nameKanaHint: 'Enter in full-width katakana (hiragana and half-width kana are converted automatically).',
    address: 'Company address',
    addressHint: 'Enter the address of your head office.',
    representative: 'Representative',
    document: {
      corporation: 'Certificate of seal impression',
      municipality: 'Sealed documents',
      soleProprietor: 'Notification of business commencement',
      condoAssociation: 'General meeting minutes and copy of the signed contract',
    },
    documentHint: {
      corporation:
        'Certificate of seal impression for the company representative’s registered seal (issued within the last 3 months; a copy is accepted)',
      municipality: 'The documents we sealed and sent to you in advance',
      soleProprietor:
        'Notification of business commencement (it must show your trade name). A notification without a trade name cannot be accepted.',
      condoAssociation: 'General meeting minutes and a copy of the signed contract',
    },
    documentFormat: 'Please upload a PDF file (up to {{maximum}}).',
    documentSelected: 'Selected file: {{name}} ({{size}})',
    documentNone: 'No file selected',
    documentChecking: 'Checking the file…',
    documentKindChanged:
      'You changed the type to “{{kind}}”, so the file you had chosen ({{name}}) was removed. Choose the PDF of the {{document}}.',
  },
  adminUser: {
    heading: 'Administrator ID user',
    intro:
      'This is the application for the “administrator ID” used with this service. The administrator ID user manages CECTRUST-Light (adding user IDs, viewing all contract documents of your company) and can also sign.',
    name: 'Name',
    nameKana: 'Name (katakana)',
    nameKanaHint: 'Enter in full-width katakana (you may put a space between family name and given name).',
    department: 'Department',
    title: 'Job title',
    address: 'Address',
    phone: 'Phone number',
    phoneHint: 'e.g. 03-3595-4610 (you may leave out the hyphens)',
    email: 'Email address',
    emailHint:
      'Everything the administrator ID user needs to know is sent to this email address, including the PIN that serves as the passcode of the electronic certificate.',
  },
  certificate: {
    heading: 'Electronic certificate information',
    intro:
      'The CECTRUST-Light electronic certificate is the electronic version of a role seal bearing your organisation and job title. The information you enter here is registered in the electronic certificate.',
    embedded:
      'The electronic certificate is embedded in the electronic contract and shows the company, department and job title that approved it (it does not appear on the contract screen or in print).',
    alphabetChoice: 'You may write these in English or in romanised Japanese.',
    departmentAlphaQualifier: '(the department with authority to sign contracts)',
    titleAlphaQualifier: '(the job title with authority to sign contracts)',
    helpQuestion: 'What should I enter as the department and job title of the certificate? May I enter my own?',
    helpAnswer:
      'The CECTRUST-Light electronic certificate stores the organisation, department and job title you apply with, and signing with it can be regarded as the same act as stamping the document with the role seal (company seal). It is therefore preferable to register an organisation and job title fit to stand as the company seal on contracts. Taking this into account, each company decides what to apply with.',
    warning: 'Electronic certificate information cannot be changed after issuance. Please enter it carefully.',
    roleNotPerson:
      'Enter the job title of the person authorised to sign. Do not enter the applicant’s or any other individual’s department or personal name.',
    alphabetRule: 'Only half-width letters, digits, periods, hyphens and spaces can be entered.',
    companyNameJa: 'Company name (Japanese)',
    companyNameJaHint: 'No need to enter (the company name from the company information is registered).',
    companyNameJaEmpty: '(the company name entered in the company information)',
    companyNameAlpha: 'Company name (alphabet)',
    companyNameAlphaHint: 'Leave out the company form, such as “Kabushiki Kaisha” (up to {{maximum}} characters).',
    departmentJa: 'Department (Japanese)',
    departmentJaHint: 'If your company has no departments, enter “本社” (head office), “本店” or similar.',
    departmentAlpha: 'Department (alphabet)',
    departmentAlphaHint: 'If your company has no departments, enter “HONSHA”, “HONTEN” or similar.',
    titleJa: 'Job title (Japanese)',
    titleJaHint: 'e.g. 社長 (president), 支店長 (branch manager)',
    titleAlpha: 'Job title (alphabet)',
    titleAlphaHint: 'e.g. SHACHO, SHITENCHO (up to {{maximum}} characters together with the department)',
    lengthCount: 'Department and job title (alphabet): {{count}} / {{maximum}} characters',
  },
  confirmation: {
    heading: 'Check your application',
    intro: 'Please check your application, then press Submit.',
    keepCopy: 'Be sure to keep a copy of these details.',
    noCopy: 'No copy of your application will be issued. Print or save this page if you need one.',
    company: 'Company information',
    adminUser: 'Administrator ID information',
    certificate: 'Electronic certificate information',
    notEntered: '(not entered)',
    changeWhich: ' {{section}}',
  },
  completion: {
    heading: 'Application received',
    receipt: 'Your application has been received under receipt number {{receiptNumber}}.',
    mailSent:
      'We are sending an email to the administrator ID user’s address ({{email}}). Please check it, then close this window.',
    support: 'If the emails do not arrive, please contact {{email}}.',
    mailsIntro:
      'After the procedures are completed, you will receive the following emails at the administrator ID user’s address, each as soon as its procedure is done. They do not all arrive at the same time.',
    mailsTiming: 'Emails ④–⑥ arrive within a few days after emails ①–③.',
    keepMails: 'Keep the emails you receive (the information you use CECTRUST-Light with) in a safe place.',
    startTiming:
      'You can usually start using the service within a day or two. When many applications are being processed, it takes about 5 business days.',
    hurry: 'If you need to start sooner, please email us.',
    manualIntro:
      'For how to use CECTRUST-Light, see the videos and the operating instructions (PDF). The preparation you need before your first contract is described in the operation manual.',
    manualLink: 'Operation manual (videos and PDF)',
    copy: 'Copy',
    copyReceipt: 'Copy the receipt number',
    copied: 'Copied',
    selected: 'The receipt number is selected: copy it now.',
    firstMails: 'Arriving first',
    laterMails: 'Arriving within a few days',
    mails: {
      userId: 'User ID issued — 【CECTRUST-Lightサービス】利用者ID発行のお知らせ',
      password: 'Initial login password — 【CECTRUST-Lightサービス】初回ログインパスワードのお知らせ',
      companyRegistered:
        'Company registration complete — 【CECTRUST-Lightサービス】サービス利用企業登録完了のお知らせ',
      certificateIssued: 'Electronic certificate issued — 【CECTRUST-Lightサービス】電子証明書発行のお知らせ',
      pin: 'PIN — 【CECTRUST-Lightサービス】PINのお知らせ',
      registrationComplete: 'Registration complete — 【CECTRUST-Lightサービス】利用登録完了のお知らせ',
    },
  },
  invitation: {
    loading: 'Checking your invitation…',
    notFoundTitle: 'This online application URL is not valid',
    notFoundBody:
      'Please check that the URL is correct. If that does not help, ask the ordering company to resend the “利用申請サイトのお知らせ” (application site notice) email.',
    expiredTitle: 'This online application URL has expired',
    expiredBody:
      'The online application URL is valid for 35 days after the email was received, and that period has passed. Please ask the ordering company to resend the “利用申請サイトのお知らせ” (application site notice) email.',
    usedTitle: 'This online application URL has already been used',
    usedBody: 'An application has already been received for this invitation. It cannot be used to apply again.',
    usedReceipt: 'Receipt number: {{receiptNumber}}',
    usedContact: 'To check or change your application, please contact {{email}}.',
    unreachableTitle: 'Cannot connect to the application server',
    unreachableBody: 'Please check your network connection and try again. Nothing you have entered will be lost.',
  },
  submit: {
    failedTitle: 'Your application could not be sent',
    server: 'Something went wrong on the server. Your answers have been kept. Please try again in a little while.',
    unavailable:
      'The service is busy. Your answers have been kept. Please wait about {{seconds}} seconds and try again.',
    network: 'Cannot connect to the network. Your answers have been kept. Check your connection and try again.',
    timeout:
      'The server did not respond. Your answers have been kept. Please try again (your application will not be submitted twice).',
    conflict: 'This application has already been processed.',
  },
  errors: {
    required: '{{field}} is required.',
    tooLong: '{{field}} must be {{maximum}} characters or fewer.',
    consentRequired: 'Please tick: {{field}}',
    corporateNumberFormat: '{{field}} must be 13 digits.',
    corporateNumberCheckDigit: '{{field}} is not valid (the check digit does not match). Please check the number.',
    katakana: '{{field}} must be in full-width katakana.',
    phone: '{{field}} must be a 10- or 11-digit phone number starting with 0.',
    email: '{{field}} is not in the correct format (e.g. taro@example.co.jp).',
    alphabet: '{{field}} can contain only half-width letters, digits, periods, hyphens and spaces.',
    companyFormWord:
      'Do not include a company form such as “Kabushiki Kaisha” (Co., Ltd., Inc., K.K. and the like) in {{field}}.',
    departmentTitleTooLong: 'Department and job title (alphabet) together must be {{maximum}} characters or fewer.',
    invalid: 'Check what you entered in {{field}}.',
    documentRequired: 'Choose a PDF file for {{field}}.',
    documentEmpty: 'The selected file is empty. Choose a PDF file with content.',
    documentTooLarge: 'The file is too large. Choose a PDF file of {{maximum}} or less.',
    documentNotPdf: 'The selected file is not a PDF. Choose a PDF file.',
    documentIncomplete: 'The file seems incomplete (the end of the PDF is missing). Save it again, then choose it.',
    documentEncrypted:
      'PDFs that need a password to open cannot be accepted. Choose a PDF without an opening password (PDFs that only restrict printing or copying are accepted).',
    phoneExtension: 'Do not enter an extension in {{field}}. Enter the phone number without it.',
    alphabetLetter: '{{field}} must contain at least one letter or digit.',
    unsafeCharacter: '{{field}} contains a character that cannot be used (a control or invisible formatting character). Delete it and enter the value again.',
    invisibleOnly: '{{field}} contains only invisible characters (such as zero-width spaces). Enter a value.',
    named: {
      katakana: '{{field}} contains a character that cannot be used: “{{character}}”. Use full-width katakana, the long vowel mark, the middle dot and spaces.',
      alphabet: '{{field}} contains a character that cannot be used: “{{character}}”. Only half-width letters, digits, periods, hyphens and spaces are allowed.',
      unsafeCharacter: '{{field}} contains a character that cannot be used ({{character}}). Delete control and invisible formatting characters.',
    },
  },
};

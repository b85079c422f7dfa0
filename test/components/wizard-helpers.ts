/**
 * Walks the wizard as an applicant would, step by step, by label, role and keyboard. Shared by the
 * wizard's component tests (MSW backend) and the end-to-end tests (real server).
 */
import { expect } from '@open-wc/testing';
import { chooseFile, deepActiveElement, descriptionOf, getByLabel, getByRole, queryAllByRole, typeInto, waitUntil } from '../helpers.js';

/** What a 法人 types, as a person would type it (full-width digits, hiragana, hyphens). */
export const CORPORATION = {
  corporateNumber: '７０００-０１２０-５０００２',
  name: '株式会社山田建設',
  nameKana: 'やまだけんせつ',
  address: '東京都港区新橋2-4-1',
  representative: '山田 太郎',
};

export const ADMIN_USER = {
  name: '山田 花子',
  nameKana: 'やまだ はなこ',
  department: '総務部',
  address: '東京都港区新橋2-4-1',
  phone: '03-3595-4610',
  email: 'hanako@example.co.jp',
};

export const CERTIFICATE = {
  companyNameAlpha: 'YAMADA KENSETSU',
  departmentJa: '本社',
  departmentAlpha: 'HONSHA',
  titleJa: '社長',
  titleAlpha: 'SHACHO',
};

/** A small real PDF, as a person would pick it. */
export function samplePdf(name = 'テスト証明書.pdf'): File {
  return new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\nstartxref\n9\n%%EOF'], name, { type: 'application/pdf' });
}

/**
 * Waits for the step titled `title`. After a step change its heading has focus; the first step
 * does not take focus on page load (the wizard is embedded in someone else's page).
 */
export async function expectStep(title: string, { focused = title !== '利用規約確認' } = {}): Promise<void> {
  const heading = () => queryAllByRole('heading', new RegExp(`^STEP \\d+ ${title}$`))[0];
  await waitUntil(() => heading() && (!focused || deepActiveElement() === heading()), `step ${title}${focused ? ' focused' : ''}`);
}

export async function clickNext(name: string | RegExp = '次へ'): Promise<void> {
  getByRole('button', name).click();
}

export async function acceptTerms(): Promise<void> {
  await expectStep('利用規約確認');
  getByLabel('CECTRUST-Light利用規約に同意します。').click();
  getByLabel('JCAN電子証明書利用規約に同意します。').click();
  await clickNext('利用規約に同意して次へ');
}

/**
 * Fills STEP 2 and goes on. `skip` leaves fields alone (already typed, prefilled read-only, or hidden);
 * `focused: false` when the step was refused before (focus is then on its error summary, not its heading).
 */
export async function fillCompany(
  kind: '法人' | '個人事業主' = '法人',
  document: File = samplePdf(),
  { skip = [] as Array<keyof typeof CORPORATION>, focused = true } = {},
): Promise<void> {
  await expectStep('企業情報入力', { focused });
  if (kind !== '法人') getByLabel(kind).click();
  const labels: Record<keyof typeof CORPORATION, string> = {
    corporateNumber: '法人番号',
    name: '企業名',
    nameKana: '企業名カナ',
    address: '企業住所',
    representative: '代表者',
  };
  for (const [field, label] of Object.entries(labels) as Array<[keyof typeof CORPORATION, string]>) {
    if (skip.includes(field) || (field === 'corporateNumber' && kind !== '法人')) continue;
    await typeInto(getByLabel(label), CORPORATION[field]);
  }
  const documentLabel = kind === '法人' ? '印鑑証明書' : '開業届';
  chooseFile(getByLabel(documentLabel), document);
  await waitUntil(() => descriptionOf(getByLabel(documentLabel)).includes(`選択中のファイル：${document.name}`), 'document accepted');
  await clickNext();
}

export async function fillAdminUser(): Promise<void> {
  await expectStep('利用者情報入力');
  await typeInto(getByLabel('氏名'), ADMIN_USER.name);
  await typeInto(getByLabel('氏名カナ'), ADMIN_USER.nameKana);
  await typeInto(getByLabel('所属'), ADMIN_USER.department);
  await typeInto(getByLabel('住所'), ADMIN_USER.address);
  await typeInto(getByLabel('TEL番号'), ADMIN_USER.phone);
  await typeInto(getByLabel('メールアドレス'), ADMIN_USER.email);
  await clickNext();
}

export async function fillCertificate(): Promise<void> {
  await expectStep('証明書情報入力');
  await typeInto(getByLabel('企業名(アルファベット)'), CERTIFICATE.companyNameAlpha);
  await typeInto(getByLabel('部署名(日本語)'), CERTIFICATE.departmentJa);
  await typeInto(getByLabel('部署名(アルファベット)'), CERTIFICATE.departmentAlpha);
  await typeInto(getByLabel('役職名(日本語)'), CERTIFICATE.titleJa);
  await typeInto(getByLabel('役職名(アルファベット)'), CERTIFICATE.titleAlpha);
  await clickNext();
}

/**
 * STEP 1–5 as a 法人 with `pdf`, then 確定 on STEP 5; resolves to the receipt number of `cec-submitted`.
 *
 * @example
 * const receiptNumber = await applyAsCorporation(wizard, samplePdf());
 */
export async function applyAsCorporation(wizard: HTMLElement, pdf: File): Promise<string> {
  await acceptTerms();
  await fillCompany('法人', pdf);
  await fillAdminUser();
  await fillCertificate();
  await expectStep('申請内容確認');
  const submitted = new Promise<string>((resolve) => wizard.addEventListener('cec-submitted', (event) => resolve(event.detail.receiptNumber)));
  await clickNext('確定');
  return submitted;
}

/** The application JSON a 法人 walk must send, normalised as the contract says. */
export function expectedCorporationApplication(token: string) {
  return {
    token,
    terms: { service: true, certificate: true },
    company: {
      kind: 'corporation',
      corporateNumber: '7000012050002',
      name: '株式会社山田建設',
      nameKana: 'ヤマダケンセツ',
      address: '東京都港区新橋2-4-1',
      representative: '山田 太郎',
    },
    adminUser: {
      name: '山田 花子',
      nameKana: 'ヤマダ　ハナコ',
      department: '総務部',
      address: '東京都港区新橋2-4-1',
      phone: '0335954610',
      email: 'hanako@example.co.jp',
    },
    certificate: { ...CERTIFICATE },
    locale: 'ja',
  };
}

export { expect };

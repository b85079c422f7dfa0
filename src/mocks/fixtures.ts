/**
 * Example data for tests, stories and the demo: a complete valid application and documents that pass
 * or fail the document check (src/domain/document.ts) in each of its ways.
 */
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../domain/document.js';
import type { Application } from '../domain/schemas.js';
import { MOCK_TOKENS } from './tokens.js';

/**
 * A complete, valid application of a 法人 (株式会社山田建設), as the wizard sends it: normalised values.
 * Returns a fresh copy each call, so a test may change it freely.
 *
 * @example
 * const application = validApplication();
 * application.adminUser.email = 'someone@example.co.jp';
 * await api.submitApplication(application, minimalPdf(), newIdempotencyKey());
 */
export function validApplication(token: string = MOCK_TOKENS.valid): Application {
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
      title: '課長',
      address: '東京都港区新橋2-4-1',
      phone: '0335954610',
      email: 'hanako@example.co.jp',
    },
    certificate: {
      companyNameAlpha: 'YAMADA KENSETSU',
      departmentJa: '本社',
      departmentAlpha: 'HONSHA',
      titleJa: '社長',
      titleAlpha: 'SHACHO',
    },
    locale: 'ja',
  };
}

/** A one-page PDF 1.4 with a correct cross-reference table; `trailerExtra` goes into the trailer. */
function pdfBytes(trailerExtra = '', extraObjects: string[] = []): Uint8Array<ArrayBuffer> {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ...extraObjects,
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length); // ASCII only, so characters are bytes
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(text);
}

/**
 * A small valid PDF named `テスト証明書.pdf`: starts with `%PDF-1.4`, ends with `%%EOF`.
 *
 * @example
 * await documentProblem(new Uint8Array(await minimalPdf().arrayBuffer())) // undefined
 */
export function minimalPdf(): File {
  return new File([pdfBytes()], 'テスト証明書.pdf', { type: 'application/pdf' });
}

/**
 * An HTML page named `seal.pdf` and declared as a PDF: refused by content (`document_not_pdf`).
 *
 * @example
 * await api.submitApplication(validApplication(), notPdf(), key) // ApiError document_not_pdf, 415
 */
export function notPdf(): File {
  const html = '<!DOCTYPE html>\n<html lang="ja"><head><title>印鑑証明書</title></head><body>seal</body></html>\n';
  return new File([html], 'seal.pdf', { type: 'application/pdf' });
}

/**
 * A PDF that needs a password to open (its `/U` does not match the empty password): refused as
 * `document_encrypted`.
 *
 * @example
 * await api.submitApplication(validApplication(), encryptedPdf(), key) // ApiError document_encrypted, 415
 */
export function encryptedPdf(): File {
  const encrypt = '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00> /U <00> >>';
  return new File([pdfBytes(' /Encrypt 4 0 R /ID [<00> <00>]', [encrypt])], 'encrypted.pdf', {
    type: 'application/pdf',
  });
}

/** test/fixtures/pdf/owner-aes-256.pdf (qpdf: AES-256, revision 6, empty user password, owner password `owner`). */
const OWNER_PASSWORD_PDF = 'JVBERi0xLjcKJb/3ov4KMSAwIG9iago8PCAvRXh0ZW5zaW9ucyA8PCAvQURCRSA8PCAvQmFzZVZlcnNpb24gLzEuNyAvRXh0ZW5zaW9uTGV2ZWwgOCA+PiA+PiAvUGFnZXMgMiAwIFIgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL0NvdW50IDEgL0tpZHMgWyAzIDAgUiBdIC9UeXBlIC9QYWdlcyA+PgplbmRvYmoKMyAwIG9iago8PCAvQ29udGVudHMgNCAwIFIgL01lZGlhQm94IFsgMCAwIDIwMCAyMDAgXSAvUGFyZW50IDIgMCBSIC9SZXNvdXJjZXMgPDwgL0ZvbnQgPDwgL0YxIDw8IC9CYXNlRm9udCAvSGVsdmV0aWNhIC9TdWJ0eXBlIC9UeXBlMSAvVHlwZSAvRm9udCA+PiA+PiA+PiAvVHlwZSAvUGFnZSA+PgplbmRvYmoKNCAwIG9iago8PCAvRmlsdGVyIC9GbGF0ZURlY29kZSAvTGVuZ3RoIDY0ID4+CnN0cmVhbQoOHCo4RlRicH6Mmqi2xNLg/zYVdUoDXsqAc3gN6REHH4apMVKpw9pbT5dMxN8jtxImJjydlHuFkzuEwn19dDycZW5kc3RyZWFtCmVuZG9iago1IDAgb2JqCjw8IC9DRiA8PCAvU3RkQ0YgPDwgL0F1dGhFdmVudCAvRG9jT3BlbiAvQ0ZNIC9BRVNWMyAvTGVuZ3RoIDMyID4+ID4+IC9GaWx0ZXIgL1N0YW5kYXJkIC9MZW5ndGggMjU2IC9PIDxhNGViOGVjMjAwOTU2ZjhjNWQ1ZGM1OTk0NTA3MzU5NTJmYzEzYWNlM2NkYWIwZWY3NDc1M2M5NzE4N2ViYjgzZDhkZGMwYzk4MmNiMTBlZGM4NDRmNmMxM2M5YmY5ZGE+IC9PRSA8NmY3OGU5MGRhZDY3NTFjMzQ3YWUxNDlmZDE4YWY1MWUxMTg0ZGIwNjBkMzg3OWIwMWIwY2I5ODAxYTNhMGJmMj4gL1AgLTQgL1Blcm1zIDw2ODM1MmZmZjY2MDIzMWNlYTZhY2UzYjY1ZDE4OWVlMz4gL1IgNiAvU3RtRiAvU3RkQ0YgL1N0ckYgL1N0ZENGIC9VIDwyOWUwN2M0MTRiMjMwZTAzZjE0NTkyZGIxMDcyOWY1OWNlNDI4MTg5MTczMmY4MzI1ZmU0Njk4YzgwN2Q3NDNjNjAyYTI1ZWQ3ZDJiMjI3OGUxMmRiNDY3Zjk1YjQ4ZmU+IC9VRSA8N2EzZjllODg2NWE1MTUzODk5ZWVlYTY0OThjOWU2ZDNmNWE5MTJhZmViZDA4ZTU5ODZiMzI3NWQzNzY3Mzg2Yz4gL1YgNSA+PgplbmRvYmoKeHJlZgowIDYKMDAwMDAwMDAwMCA2NTUzNSBmIAowMDAwMDAwMDE1IDAwMDAwIG4gCjAwMDAwMDAxMzAgMDAwMDAgbiAKMDAwMDAwMDE4OSAwMDAwMCBuIAowMDAwMDAwMzY2IDAwMDAwIG4gCjAwMDAwMDA1MDAgMDAwMDAgbiAKdHJhaWxlciA8PCAvUm9vdCAxIDAgUiAvU2l6ZSA2IC9JRCBbPDMxNDE1OTI2NTM1ODk3OTMyMzg0NjI2NDMzODMyNzk1PjwzMTQxNTkyNjUzNTg5NzkzMjM4NDYyNjQzMzgzMjc5NT5dIC9FbmNyeXB0IDUgMCBSID4+CnN0YXJ0eHJlZgoxMDQ3CiUlRU9GCg==';

/**
 * A PDF restricted by an owner password only, as scanned and issued documents often are: it opens
 * without a password (AES-256), so it is accepted.
 *
 * @example
 * await documentProblem(new Uint8Array(await ownerPasswordPdf().arrayBuffer())) // undefined
 */
export function ownerPasswordPdf(): File {
  const bytes = Uint8Array.from(atob(OWNER_PASSWORD_PDF), (char) => char.charCodeAt(0));
  return new File([bytes], '印鑑証明書（閲覧制限付き）.pdf', { type: 'application/pdf' });
}

/**
 * The first half of a valid PDF, as a download cut short leaves it: no `startxref`, no `%%EOF`;
 * refused as `document_incomplete`.
 *
 * @example
 * await api.submitApplication(validApplication(), truncatedPdf(), key) // ApiError document_incomplete, 415
 */
export function truncatedPdf(): File {
  const bytes = pdfBytes();
  return new File([bytes.slice(0, bytes.length >> 1)], 'truncated.pdf', { type: 'application/pdf' });
}

/**
 * A zero-byte file named `empty.pdf`.
 *
 * @example
 * emptyPdf().size // 0
 */
export function emptyPdf(): File {
  return new File([], 'empty.pdf', { type: 'application/pdf' });
}

/**
 * A PDF of exactly `bytes` bytes (padded with a comment), by default one byte over the 10 MB limit.
 *
 * @example
 * oversizePdf().size // 10 485 761
 * oversizePdf(2048).size // 2048, for a backend with a smaller limit
 */
export function oversizePdf(bytes: number = DEFAULT_MAX_DOCUMENT_BYTES + 1): File {
  const head = new TextEncoder().encode('%PDF-1.4\n%');
  const tail = new TextEncoder().encode('\nstartxref\n0\n%%EOF');
  const content = new Uint8Array(Math.max(bytes, head.length + tail.length)).fill(0x20);
  content.set(head, 0);
  content.set(tail, content.length - tail.length);
  return new File([content], 'oversize.pdf', { type: 'application/pdf' });
}

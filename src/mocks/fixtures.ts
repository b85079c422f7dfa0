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
 * documentProblem(new Uint8Array(await minimalPdf().arrayBuffer())) // undefined
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
 * A password-protected PDF (its trailer names an `/Encrypt` dictionary): refused as `document_encrypted`.
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
  const tail = new TextEncoder().encode('\n%%EOF');
  const content = new Uint8Array(Math.max(bytes, head.length + tail.length)).fill(0x20);
  content.set(head, 0);
  content.set(tail, content.length - tail.length);
  return new File([content], 'oversize.pdf', { type: 'application/pdf' });
}

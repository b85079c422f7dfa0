/** Default upper bound of the uploaded document: 10 MB (SPEC, STEP 2). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Why a document is refused; each has its own message in the locale resources. */
export type DocumentProblem =
  | 'documentRequired'
  | 'documentEmpty'
  | 'documentTooLarge'
  | 'documentNotPdf'
  | 'documentIncomplete'
  | 'documentEncrypted';

/** Readers look for the header within the first 1024 bytes (ISO 32000-1, implementation note 13). */
const HEADER_WINDOW = 1024;
/** …and for `%%EOF` within the last 1024 bytes: a download cut short has none there. */
const TRAILER_WINDOW = 1024;

/**
 * The PDF's bytes as a string of one character per byte (windows-1252 maps every byte to one code
 * unit), so that PDF syntax, which is ASCII, can be searched with string methods at byte offsets.
 *
 * @example
 * pdfText(new TextEncoder().encode('%PDF-1.7')) // '%PDF-1.7'
 */
export function pdfText(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/**
 * A regular expression for the PDF name `/name`, also when characters are written as `#xx` escapes
 * (`/Encr#79pt` is `/Encrypt`), and not as the start of a longer name (`/EncryptMetadata`).
 *
 * @example
 * pdfNamePattern('Encrypt').test('<< /Encr#79pt 5 0 R >>') // true
 */
export function pdfNamePattern(name: string, flags = ''): RegExp {
  const character = (char: string) => {
    const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
    const escaped = `#${[...hex].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('')}`;
    return `(?:${char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${escaped})`;
  };
  // A name ends at white space or a delimiter (ISO 32000-1, 7.2.2).
  return new RegExp(`/${[...name].map(character).join('')}(?![^\\0\\t\\n\\f\\r ()<>[\\]{}/%])`, flags);
}

/**
 * Where the name `/name` stands in `text`, escaped or not.
 *
 * @example
 * pdfNameOffsets('<< /Encrypt 5 0 R >>', 'Encrypt') // [3]
 */
export function pdfNameOffsets(text: string, name: string): number[] {
  return [...text.matchAll(pdfNamePattern(name, 'g'))].map((match) => match.index);
}

/**
 * Checks an uploaded document by its content, never by its name or declared type, as a PDF reader would
 * open it: `%PDF-` within the first 1024 bytes, a trailer (`startxref`, then `%%EOF` within the last
 * 1024 bytes), and either no encryption or one whose user password is empty (an owner password only
 * restricts printing or copying; scanned and issued documents often have one). The encryption check
 * needs MD5, RC4 and AES, loaded only when the file has an encryption dictionary. Browser and server
 * call this one function, so they always agree. Resolves to the problem, or `undefined` when the
 * document is acceptable.
 *
 * @example
 * await documentProblem(pdfBytes)                               // undefined
 * await documentProblem(new TextEncoder().encode('<html>'))     // 'documentNotPdf'
 * await documentProblem(pdfBytes.subarray(0, 100))              // 'documentIncomplete'
 */
export async function documentProblem(
  bytes: Uint8Array | undefined,
  maxBytes: number = DEFAULT_MAX_DOCUMENT_BYTES,
): Promise<DocumentProblem | undefined> {
  if (!bytes) return 'documentRequired';
  if (bytes.length === 0) return 'documentEmpty';
  if (bytes.length > maxBytes) return 'documentTooLarge';
  const header = pdfText(bytes.subarray(0, HEADER_WINDOW + 5)).indexOf('%PDF-');
  if (header === -1 || header > HEADER_WINDOW) return 'documentNotPdf';
  const text = pdfText(bytes);
  const end = text.lastIndexOf('%%EOF');
  if (end === -1 || end < text.length - TRAILER_WINDOW || text.lastIndexOf('startxref', end) <= header) {
    return 'documentIncomplete';
  }
  const encryptEntries = pdfNameOffsets(text, 'Encrypt');
  if (encryptEntries.length === 0) return undefined;
  const { opensWithoutPassword } = await import('./pdf-encryption.js');
  return (await opensWithoutPassword(text, encryptEntries)) ? undefined : 'documentEncrypted';
}

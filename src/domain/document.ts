/** Default upper bound of the uploaded document: 10 MB (SPEC, STEP 2). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Why a document is refused; each has its own message in the locale resources. */
export type DocumentProblem =
  | 'documentRequired'
  | 'documentEmpty'
  | 'documentTooLarge'
  | 'documentNotPdf'
  | 'documentEncrypted';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ENCRYPT_MARKER = [0x2f, 0x45, 0x6e, 0x63, 0x72, 0x79, 0x70, 0x74]; // "/Encrypt"

function indexOfBytes(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/**
 * Checks an uploaded document by its content, never by its name or declared type: it must start with
 * `%PDF-`, be non-empty, within `maxBytes`, and not password-protected (an `/Encrypt` dictionary).
 * Returns the problem, or `undefined` when the document is acceptable.
 *
 * @example
 * documentProblem(new TextEncoder().encode('%PDF-1.7\n…')) // undefined
 * documentProblem(new TextEncoder().encode('<html>'))     // 'documentNotPdf'
 */
export function documentProblem(
  bytes: Uint8Array | undefined,
  maxBytes: number = DEFAULT_MAX_DOCUMENT_BYTES,
): DocumentProblem | undefined {
  if (!bytes) return 'documentRequired';
  if (bytes.length === 0) return 'documentEmpty';
  if (bytes.length > maxBytes) return 'documentTooLarge';
  if (PDF_MAGIC.some((byte, i) => bytes[i] !== byte)) return 'documentNotPdf';
  if (indexOfBytes(bytes, ENCRYPT_MARKER) !== -1) return 'documentEncrypted';
  return undefined;
}

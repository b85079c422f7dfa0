/**
 * Whether an encrypted PDF opens without a password, decided as PDF readers decide it: find the
 * encryption dictionary the trailer names, and try the empty user password with the standard security
 * handler (ISO 32000-1 7.6.3, revisions 2–4: MD5 and RC4; ISO 32000-2 7.6.4, revision 6 and Adobe's
 * revision 5: SHA-256/384/512 and AES). Loaded by `documentProblem` only when a PDF has an
 * `/Encrypt` entry, so the wizard's bundle does not carry it.
 */
import { md5, rc4 } from './legacy-crypto.js';

/** A PDF object as far as the encryption dictionary needs: strings are bytes, names keep no slash. */
type PdfObject = number | boolean | null | Uint8Array | PdfName | PdfReference | PdfObject[] | PdfDictionary;
interface PdfName {
  name: string;
}
interface PdfReference {
  object: number;
  generation: number;
}
type PdfDictionary = Map<string, PdfObject>;

const WHITE_SPACE = /[\0\t\n\f\r ]/;
const DELIMITER = /[\0\t\n\f\r ()<>[\]{}/%]/;
/** How far before an `/Encrypt` entry its dictionary may begin, and how far a dictionary may reach: trailers are short. */
const TRAILER_WINDOW = 8192;
/** `/Encrypt` entries tried, from the last: a hostile file with thousands must not take minutes. */
const MAX_ENCRYPT_ENTRIES = 8;

/** Parses one PDF object of `text` (a byte string) at `start`; throws on anything it cannot read. */
class ObjectParser {
  position: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.position = start;
  }

  object(): PdfObject {
    this.skipSpace();
    const { text } = this;
    const char = text[this.position];
    if (text.startsWith('<<', this.position)) return this.dictionary();
    if (char === '<') return this.hexString();
    if (char === '(') return this.literalString();
    if (char === '[') return this.array();
    if (char === '/') return { name: this.name() };
    const number = /^[+-]?(?:\d+\.?\d*|\.\d+)/.exec(text.slice(this.position, this.position + 32));
    if (number) {
      this.position += number[0].length;
      return this.reference(Number(number[0])) ?? Number(number[0]);
    }
    for (const [keyword, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(keyword, this.position)) {
        this.position += keyword.length;
        return value;
      }
    }
    throw new SyntaxError(`unexpected ${JSON.stringify(char)} at ${this.position}`);
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.position < text.length) {
      const char = text[this.position]!;
      if (WHITE_SPACE.test(char)) this.position++;
      else if (char === '%') while (this.position < text.length && !/[\r\n]/.test(text[this.position]!)) this.position++;
      else return;
    }
  }

  /** `12 0 R` after the number just read, if that is what follows. */
  private reference(object: number): PdfReference | undefined {
    const match = /^[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(
      this.text.slice(this.position, this.position + 32),
    );
    if (!match || !Number.isInteger(object)) return undefined;
    this.position += match[0].length;
    return { object, generation: Number(match[1]) };
  }

  private dictionary(): PdfDictionary {
    this.position += 2;
    const entries: PdfDictionary = new Map();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.position)) {
        this.position += 2;
        return entries;
      }
      if (this.text[this.position] !== '/') throw new SyntaxError(`a key expected at ${this.position}`);
      const key = this.name();
      entries.set(key, this.object());
    }
  }

  private array(): PdfObject[] {
    this.position++;
    const items: PdfObject[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === ']') {
        this.position++;
        return items;
      }
      if (this.position >= this.text.length) throw new SyntaxError('unterminated array');
      items.push(this.object());
    }
  }

  private name(): string {
    let end = this.position + 1;
    while (end < this.text.length && !DELIMITER.test(this.text[end]!)) end++;
    const raw = this.text.slice(this.position + 1, end);
    this.position = end;
    return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private hexString(): Uint8Array {
    const end = this.text.indexOf('>', this.position);
    if (end === -1) throw new SyntaxError('unterminated hex string');
    const digits = this.text.slice(this.position + 1, end).replace(/[\0\t\n\f\r ]/g, '');
    if (/[^0-9a-fA-F]/.test(digits)) throw new SyntaxError('bad hex string');
    this.position = end + 1;
    const even = digits.length % 2 ? `${digits}0` : digits;
    return Uint8Array.from({ length: even.length / 2 }, (_, i) => parseInt(even.slice(i * 2, i * 2 + 2), 16));
  }

  private literalString(): Uint8Array {
    const { text } = this;
    const bytes: number[] = [];
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    let depth = 0;
    for (let i = this.position + 1; i < text.length; i++) {
      const char = text[i]!;
      if (char === '\\') {
        const next = text[++i] ?? '';
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
        if (octal) {
          bytes.push(parseInt(octal[0], 8) & 0xff);
          i += octal[0].length - 1;
        } else if (next === '\r') {
          if (text[i + 1] === '\n') i++; // a line continuation
        } else if (next !== '\n') {
          bytes.push(escapes[next] ?? byteOf(next));
        }
        continue;
      }
      if (char === '(') depth++;
      if (char === ')' && depth-- === 0) {
        this.position = i + 1;
        return Uint8Array.from(bytes);
      }
      bytes.push(byteOf(char));
    }
    throw new SyntaxError('unterminated string');
  }
}

/** The byte a character of `pdfText` stands for (windows-1252 maps 0x80–0x9f to other code points). */
function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  return code < 0x100 ? code : WINDOWS_1252_HIGH.indexOf(char) + 0x80;
}
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * The dictionary that holds the last `/Encrypt` entry of the file (`entries`: where the name stands,
 * `pdfNameOffsets`): the trailer of its latest revision.
 */
function trailerWithEncrypt(text: string, entries: readonly number[]): PdfDictionary | undefined {
  for (const entry of entries.slice(-MAX_ENCRYPT_ENTRIES).reverse()) {
    const limit = Math.max(0, entry - TRAILER_WINDOW);
    const window = text.slice(limit, entry + TRAILER_WINDOW);
    for (let start = text.lastIndexOf('<<', entry); start >= limit; start = text.lastIndexOf('<<', start - 1)) {
      try {
        const parser = new ObjectParser(window, start - limit);
        const dictionary = parser.object();
        if (dictionary instanceof Map && dictionary.has('Encrypt') && parser.position > entry - limit) return dictionary;
      } catch {
        // Not a dictionary that starts here; try the one before.
      }
      if (start === 0) break;
    }
  }
  return undefined;
}

/** The object `reference` points at: its last definition (`12 0 obj`) in the file, as updates append. */
function resolve(text: string, value: PdfObject | undefined): PdfObject | undefined {
  if (!isReference(value)) return value;
  const definitions = [...text.matchAll(new RegExp(`(?<![0-9])${value.object}[\\0\\t\\n\\f\\r ]+${value.generation}[\\0\\t\\n\\f\\r ]+obj`, 'g'))];
  const last = definitions.at(-1);
  if (!last) return undefined;
  const start = last.index + last[0].length;
  return new ObjectParser(text.slice(start, start + TRAILER_WINDOW), 0).object();
}

const isReference = (value: PdfObject | undefined): value is PdfReference =>
  typeof value === 'object' && value !== null && 'object' in value;
const isName = (value: PdfObject | undefined): value is PdfName =>
  typeof value === 'object' && value !== null && 'name' in value;
const bytesOf = (value: PdfObject | undefined): Uint8Array | undefined => (value instanceof Uint8Array ? value : undefined);
const numberOf = (value: PdfObject | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

/** What the standard security handler needs to try a password (ISO 32000-1, Table 21). */
export interface StandardSecurity {
  revision: number;
  /** Length of the file key in bytes. */
  keyLength: number;
  owner: Uint8Array;
  user: Uint8Array;
  permissions: number;
  encryptMetadata: boolean;
  /** The first element of the trailer's `/ID`. */
  documentId: Uint8Array;
}

/**
 * Reads the encryption dictionary the `/Encrypt` entries at `encryptEntries` lead to; `undefined` when it
 * is not the standard handler or cannot be read.
 */
export function standardSecurity(text: string, encryptEntries: readonly number[]): StandardSecurity | undefined {
  const trailer = trailerWithEncrypt(text, encryptEntries);
  if (!trailer) return undefined;
  const encrypt = resolve(text, trailer.get('Encrypt'));
  if (!(encrypt instanceof Map)) return undefined;
  const filter = encrypt.get('Filter');
  // Another handler (public-key /Adobe.PubSec) needs a certificate: it never opens without one.
  if (!isName(filter) || filter.name !== 'Standard') return undefined;
  const revision = numberOf(resolve(text, encrypt.get('R')));
  const owner = bytesOf(resolve(text, encrypt.get('O')));
  const user = bytesOf(resolve(text, encrypt.get('U')));
  const permissions = numberOf(resolve(text, encrypt.get('P')));
  if (revision === undefined || !owner || !user || permissions === undefined) return undefined;
  const ids = resolve(text, trailer.get('ID'));
  const documentId = (Array.isArray(ids) ? bytesOf(resolve(text, ids[0])) : undefined) ?? new Uint8Array(0);
  return {
    revision,
    keyLength: keyLengthOf(text, encrypt, revision),
    owner,
    user,
    permissions,
    encryptMetadata: resolve(text, encrypt.get('EncryptMetadata')) !== false,
    documentId,
  };
}

/** The file key length in bytes: 5 for revision 2, else `/Length` (bits) or the stream filter's own. */
function keyLengthOf(text: string, encrypt: PdfDictionary, revision: number): number {
  if (revision === 2) return 5;
  let bits = numberOf(resolve(text, encrypt.get('Length')));
  const streamFilter = resolve(text, encrypt.get('StmF'));
  const filters = resolve(text, encrypt.get('CF'));
  if (bits === undefined && isName(streamFilter) && filters instanceof Map) {
    const filter = resolve(text, filters.get(streamFilter.name));
    const length = filter instanceof Map ? numberOf(resolve(text, filter.get('Length'))) : undefined;
    // PDF 1.7 says bits, PDF 2.0 bytes; readers accept both.
    if (length !== undefined) bits = length <= 32 ? length * 8 : length;
    else if (filter instanceof Map && isName(filter.get('CFM')) && (filter.get('CFM') as PdfName).name === 'AESV2') bits = 128;
  }
  return Math.min(16, Math.max(5, Math.floor((bits ?? 40) / 8)));
}

/** The padding string of ISO 32000-1, 7.6.3.3, Algorithm 2 step (a): the empty password padded. */
const PASSWORD_PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00,
  0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
};
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
const xorKey = (key: Uint8Array, value: number) => key.map((byte) => byte ^ value);

/** Revisions 2–4: Algorithm 2 (the file key) and Algorithms 4/5 (the /U value) with the empty password. */
export function emptyUserPasswordOpensRc4(security: StandardSecurity): boolean {
  const { revision, keyLength, owner, user, permissions, encryptMetadata, documentId } = security;
  const permissionBytes = new Uint8Array(4);
  new DataView(permissionBytes.buffer).setUint32(0, permissions >>> 0, true);
  let key = md5(
    concat(
      PASSWORD_PADDING,
      owner.subarray(0, 32),
      permissionBytes,
      documentId,
      revision >= 4 && !encryptMetadata ? Uint8Array.of(0xff, 0xff, 0xff, 0xff) : new Uint8Array(0),
    ),
  ).subarray(0, keyLength);
  if (revision >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, keyLength);
  if (revision === 2) return equalBytes(rc4(key, PASSWORD_PADDING), user.subarray(0, 32));
  let check = rc4(key, md5(concat(PASSWORD_PADDING, documentId)));
  for (let i = 1; i <= 19; i++) check = rc4(xorKey(key, i), check);
  // Only the first 16 bytes are defined; the rest of /U is arbitrary padding.
  return equalBytes(check, user.subarray(0, 16));
}

type Digest = 'SHA-256' | 'SHA-384' | 'SHA-512';
const digest = async (algorithm: Digest, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest(algorithm, data as Uint8Array<ArrayBuffer>));

/** AES-128-CBC without padding: Web Crypto always pads, and the padding block comes last, so it is cut off. */
async function aes128CbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['encrypt']);
  const encrypted = await crypto.subtle.encrypt({ name: 'AES-CBC', iv: iv as Uint8Array<ArrayBuffer> }, cryptoKey, data as Uint8Array<ArrayBuffer>);
  return new Uint8Array(encrypted, 0, data.length);
}

/**
 * The hash of ISO 32000-2, Algorithm 2.B (revision 6) for the empty password, `salt` and `userKey`
 * (empty when checking the user password).
 */
export async function revision6Hash(salt: Uint8Array, userKey: Uint8Array = new Uint8Array(0)): Promise<Uint8Array> {
  let hash = await digest('SHA-256', concat(salt, userKey));
  let encrypted: Uint8Array = new Uint8Array(0);
  for (let round = 0; round < 64 || encrypted[encrypted.length - 1]! > round - 32; round++) {
    const block = concat(hash, userKey);
    const repeated = new Uint8Array(block.length * 64);
    for (let i = 0; i < 64; i++) repeated.set(block, i * block.length);
    encrypted = await aes128CbcEncrypt(hash.subarray(0, 16), hash.subarray(16, 32), repeated);
    // The first 16 bytes as a big number, mod 3: the sum of the bytes mod 3 (256 ≡ 1 mod 3).
    const choice = encrypted.subarray(0, 16).reduce((sum, byte) => sum + byte, 0) % 3;
    hash = await digest((['SHA-256', 'SHA-384', 'SHA-512'] as const)[choice]!, encrypted);
  }
  return hash.subarray(0, 32);
}

/** Revisions 5 and 6: the /U hash of the empty password and /U's validation salt (bytes 32–39). */
export async function emptyUserPasswordOpensAes(security: StandardSecurity): Promise<boolean> {
  const { revision, user } = security;
  if (user.length < 48) return false;
  const salt = user.subarray(32, 40);
  const hash = revision === 5 ? await digest('SHA-256', salt) : await revision6Hash(salt);
  return equalBytes(hash, user.subarray(0, 32));
}

/**
 * Whether a PDF whose text holds `/Encrypt` entries (at `encryptEntries`) opens without a password.
 * Anything this cannot read (another security handler, an unknown revision, a damaged dictionary)
 * counts as needing one. It imports nothing of document.ts, so that the bundle keeps that in its main file.
 *
 * @example
 * const text = pdfText(ownerPasswordOnlyPdf);
 * await opensWithoutPassword(text, pdfNameOffsets(text, 'Encrypt')) // true
 */
export async function opensWithoutPassword(text: string, encryptEntries: readonly number[]): Promise<boolean> {
  try {
    const security = standardSecurity(text, encryptEntries);
    if (!security) return false;
    if (security.revision >= 2 && security.revision <= 4) return emptyUserPasswordOpensRc4(security);
    // Web Crypto needs a secure context (https or localhost): without it, nothing is proven.
    if (security.revision === 5 || security.revision === 6) return await emptyUserPasswordOpensAes(security);
    return false;
  } catch {
    return false;
  }
}

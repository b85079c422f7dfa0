/**
 * The invitation link is the one secret a mail carries: until the mail is delivered it is kept sealed
 * with AES-256-GCM (node:crypto), apart from the text, so a copy of the database opens nobody's form.
 * The key comes from `MAIL_ENCRYPTION_KEY` (32 bytes, base64) or from a key file created 0600 in the
 * data directory on the first start.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the link stands in a stored mail text until the mail leaves. */
export const LINK_PLACEHOLDER = '{{invitation-link}}';
/** What stays in the text once the mail was delivered: the token is gone from the server for good. */
export const REDACTED_LINK = '[リンクは送信済みのため削除されました / link removed after delivery]';
/** Where a password or a PIN stands in a stored mail text; sealed like the link, shown to its recipient only. */
export const SECRET_PLACEHOLDER = '{{secret}}';
/** What stays in the text once such a mail was delivered. */
export const REDACTED_SECRET = '[送信済みのため削除されました / removed after delivery]';
/** What the ordering company's console shows instead of a partner's password or PIN. */
export const WITHHELD_SECRET = '[ご本人宛のメールにのみ記載されます / shown to the recipient only]';

const KEY_FILE_NAME = 'mail-encryption.key';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The 32-byte key: from `fromEnvironment` (base64) when given, else from (or into) the data
 * directory's key file.
 *
 * @example
 * const key = mailEncryptionKey('.data', process.env.MAIL_ENCRYPTION_KEY);
 */
export function mailEncryptionKey(dataDir: string, fromEnvironment?: string): Buffer {
  if (fromEnvironment) {
    const key = Buffer.from(fromEnvironment, 'base64');
    if (key.length !== 32) throw new Error('MAIL_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
    return key;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return mailEncryptionKey(dataDir, readFileSync(file, 'utf8').trim());
}

/**
 * Seals `text`: base64url of IV ‖ tag ‖ ciphertext.
 *
 * @example
 * sealText(key, 'https://portal.example.jp/?token=…') // 'mT3…'
 */
export function sealText(key: Buffer, text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/**
 * Opens what `sealText` sealed; throws when the key is wrong or the text was altered.
 *
 * @example
 * openSealedText(key, sealText(key, 'x')) // 'x'
 */
export function openSealedText(key: Buffer, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

import { createHash, randomBytes } from 'node:crypto';

/**
 * Hex SHA-256, used to store API keys and invitation tokens without the secrets themselves, and to
 * fingerprint requests and documents.
 *
 * @example
 * sha256Hex('abc') // 'ba7816bf…'
 */
export function sha256Hex(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/**
 * A fresh invitation token: 32 random bytes, base64url, so it survives a URL without escaping.
 *
 * @example
 * newInvitationToken() // 'q3X…' (43 characters)
 */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A fresh API key for an ordering company (shown once; only its hash is stored).
 *
 * @example
 * newApiKey() // 'cec_…'
 */
export function newApiKey(): string {
  return `cec_${randomBytes(24).toString('base64url')}`;
}

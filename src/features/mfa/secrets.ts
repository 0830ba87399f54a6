// TOTP secrets are stored encrypted with AES-256-GCM (node:crypto). The key is derived with HKDF
// from SESSION_SECRET, so a copy of the database alone does not reveal them. Changing
// SESSION_SECRET makes the stored secrets unreadable: every staff member must then set up
// two-factor authentication again (an administrator resets it).
import crypto from 'node:crypto'

const VERSION = 'v1'
const KEY_INFO = 'mytilene staff totp secrets'

export type SecretKey = Buffer

export function deriveSecretKey(sessionSecret: string): SecretKey {
  return Buffer.from(crypto.hkdfSync('sha256', sessionSecret, 'mytilene-eservices', KEY_INFO, 32))
}

/** The account id is bound in as associated data, so a secret cannot be moved to another account. */
export function encryptSecret(key: SecretKey, userId: number, secret: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(`user:${userId}`))
  const encrypted = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  const parts = [iv, cipher.getAuthTag(), encrypted].map((part) => part.toString('base64url'))
  return [VERSION, ...parts].join('.')
}

export class UnreadableSecretError extends Error {}

export function decryptSecret(key: SecretKey, userId: number, stored: string): string {
  const [version, iv, tag, encrypted] = stored.split('.')
  if (version !== VERSION || !iv || !tag || !encrypted) throw new UnreadableSecretError('unknown format')
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(`user:${userId}`))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64url')), decipher.final()]).toString(
      'utf8',
    )
  } catch {
    throw new UnreadableSecretError('the secret does not decrypt with this key')
  }
}

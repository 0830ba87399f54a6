// One-time links sent by e-mail. The link carries 32 random bytes; the database keeps only their
// SHA-256, so a copy of the database opens no account. Each token serves one purpose, for one
// address, once, until it expires.
import crypto from 'node:crypto'

export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email'

const HOUR = 60 * 60 * 1000
export const TOKEN_LIFETIME: Record<TokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: HOUR / 2,
  change_email: 24 * HOUR,
}

/** The page each kind of link opens. The token rides in the query string, which the request log
 * leaves out, and the page answers with `Referrer-Policy: no-referrer`. */
export const TOKEN_PATHS: Record<TokenPurpose, string> = {
  verify_email: '/email/verify',
  reset_password: '/password/reset',
  change_email: '/email/change',
}

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/

export function isTokenFormat(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_FORMAT.test(value)
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

export type NewToken = { token: string; hash: string; path: string; expiresAt: Date }

export function newToken(purpose: TokenPurpose, issuedAt: Date): NewToken {
  const token = crypto.randomBytes(32).toString('base64url')
  return {
    token,
    hash: hashToken(token),
    path: `${TOKEN_PATHS[purpose]}?token=${token}`,
    expiresAt: new Date(issuedAt.getTime() + TOKEN_LIFETIME[purpose]),
  }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config'
import {
  decryptSecret,
  deriveSecretKey,
  encryptSecret,
  UnreadableSecretError,
} from '../../src/features/mfa/secrets'
import { secretInGroups } from '../../src/features/mfa/totp'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mytilene-config-'))
const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  DATABASE_URL: 'postgres://db/x',
  SMTP_URL: 'smtp://mail.example.gr',
}

describe('STAFF_MFA', () => {
  it('is required in production and optional in the demo unless set', () => {
    expect(loadConfig(production).staffMfa).toBe('required')
    expect(loadConfig({ DATA_DIR: tmp() }).staffMfa).toBe('optional')
    expect(loadConfig({ DATA_DIR: tmp(), STAFF_MFA: 'required' }).staffMfa).toBe('required')
    expect(loadConfig({ ...production, STAFF_MFA: 'optional' }).staffMfa).toBe('optional')
  })

  it('names the variable when its value is not understood', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), STAFF_MFA: 'sometimes' })).toThrow(/STAFF_MFA/)
  })
})

describe('stored TOTP secrets', () => {
  const key = deriveSecretKey('a session secret of at least thirty-two characters')
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

  it('are encrypted, differently each time, and decrypt with the same key and account', () => {
    const first = encryptSecret(key, 7, secret)
    const second = encryptSecret(key, 7, secret)
    expect(first).not.toContain(secret)
    expect(first).not.toBe(second)
    expect(decryptSecret(key, 7, first)).toBe(secret)
  })

  it('do not decrypt for another account, with another SESSION_SECRET, or when altered', () => {
    const stored = encryptSecret(key, 7, secret)
    expect(() => decryptSecret(key, 8, stored)).toThrow(UnreadableSecretError)
    const otherKey = deriveSecretKey('another session secret of at least thirty-two chars')
    expect(() => decryptSecret(otherKey, 7, stored)).toThrow(UnreadableSecretError)
    const [version, iv, tag, body] = stored.split('.')
    const flipped = body!.startsWith('A') ? `B${body!.slice(1)}` : `A${body!.slice(1)}`
    const altered = [version, iv, tag, flipped].join('.')
    expect(() => decryptSecret(key, 7, altered)).toThrow(UnreadableSecretError)
    expect(() => decryptSecret(key, 7, 'plain')).toThrow(UnreadableSecretError)
  })

  it('are shown in groups of four letters for typing by hand', () => {
    expect(secretInGroups('ABCDEFGHIJKLMNOP')).toBe('ABCD EFGH IJKL MNOP')
  })
})

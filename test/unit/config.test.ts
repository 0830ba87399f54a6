import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig } from '../../src/config'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mytilene-config-'))

describe('configuration', () => {
  it('starts the embedded demo with defaults and keeps a generated session secret', () => {
    const dataDir = tmp()
    const first = loadConfig({ DATA_DIR: dataDir })
    const second = loadConfig({ DATA_DIR: dataDir })
    expect(first.port).toBe(3000)
    expect(first.databaseUrl).toBeUndefined()
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32)
    expect(second.sessionSecret).toBe(first.sessionSecret)
  })

  it('names the variable that has a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: tmp() })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: tmp() })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ LOG_LEVEL: 'loud', DATA_DIR: tmp() })).toThrow(/LOG_LEVEL/)
  })

  it('refuses to start production without a session secret, a database or an SMTP server', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://db/x',
      SMTP_URL: 'smtps://portal:secret@mail.example.gr:465',
    }
    expect(() => loadConfig({ ...production, SESSION_SECRET: '' })).toThrow(ConfigError)
    expect(() => loadConfig({ ...production, DATABASE_URL: undefined })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ ...production, SMTP_URL: undefined })).toThrow(/SMTP_URL: required/)
    const config = loadConfig(production)
    expect(config.isProduction).toBe(true)
    expect(config.smtpUrl).toBe('smtps://portal:secret@mail.example.gr:465')
  })

  it('keeps mail on the machine outside production when no SMTP server is given', () => {
    const config = loadConfig({ DATA_DIR: tmp() })
    expect(config.smtpUrl).toBeUndefined()
    expect(config.mailFrom).toBe('e-Υπηρεσίες Δήμου Μυτιλήνης <noreply@eservices.mytilene.gr>')
  })

  it('names the mail variables when their values are not addresses, without repeating them', () => {
    const badUrl = () => loadConfig({ SMTP_URL: 'mail.example.gr:25 secret', DATA_DIR: tmp() })
    expect(badUrl).toThrow(/SMTP_URL/)
    expect(badUrl).not.toThrow(/secret/)
    expect(() => loadConfig({ MAIL_FROM: 'the town hall', DATA_DIR: tmp() })).toThrow(/MAIL_FROM/)
    expect(loadConfig({ MAIL_FROM: 'Δήμος <no-reply@mytilene.gr>', DATA_DIR: tmp() }).mailFrom).toBe(
      'Δήμος <no-reply@mytilene.gr>',
    )
  })
})

// Every environment variable the portal reads, parsed once with zod.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const DEFAULT_MAIL_FROM = 'e-Υπηρεσίες Δήμου Μυτιλήνης <noreply@eservices.mytilene.gr>'

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  SESSION_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, 'must be at least 32 characters long').optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^\s/]+/, 'must be an smtp:// or smtps:// address, like smtps://user:pass@host:465')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
        'must be an address, like Name <noreply@example.gr>',
      )
      .default(DEFAULT_MAIL_FROM),
  ),
  MAP_TILE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^(https?:\/\/[^/?#]+)?\/[^?#]*\{z\}[^?#]*\{x\}[^?#]*\{y\}/,
        'must be an http(s):// or /path tile template with {z}, {x} and {y}',
      )
      .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  ),
  STAFF_MFA: z.preprocess(emptyAsUndefined, z.enum(['required', 'optional']).optional()),
})

export type Config = {
  env: 'development' | 'test' | 'production'
  isProduction: boolean
  port: number
  baseUrl: string
  databaseUrl: string | undefined
  dataDir: string
  sessionSecret: string
  logLevel: string
  /** Where mail is sent; without it (never in production) mail is kept and shown at /dev/mail. */
  smtpUrl: string | undefined
  mailFrom: string
  mapTileUrl: string
  /** Whether staff must set up two-factor authentication before their first staff page. */
  staffMfa: 'required' | 'optional'
}

export class ConfigError extends Error {}

/** Reads the secret kept in DATA_DIR, creating it on first start outside production. */
function localSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = crypto.randomBytes(48).toString('base64url')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const values = parsed.data
  const isProduction = values.NODE_ENV === 'production'
  if (isProduction && !values.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production')
  }
  if (isProduction && !values.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required in production')
  }
  if (isProduction && !values.SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required in production')
  }
  const dataDir = path.resolve(values.DATA_DIR)
  return {
    env: values.NODE_ENV,
    isProduction,
    port: values.PORT,
    baseUrl: values.BASE_URL ?? `http://localhost:${values.PORT}`,
    databaseUrl: values.DATABASE_URL,
    dataDir,
    sessionSecret: values.SESSION_SECRET ?? localSessionSecret(dataDir),
    logLevel: values.LOG_LEVEL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    mapTileUrl: values.MAP_TILE_URL,
    // Presenters of the demo sign in without an authenticator app; production asks for one.
    staffMfa: values.STAFF_MFA ?? (isProduction ? 'required' : 'optional'),
  }
}

// Two-factor authentication of staff with an authenticator app (TOTP): setting it up, checking the
// code at sign-in, and the administrator's reset. Each of them is mailed to the account's holder.
import type { Knex } from 'knex'
import type { Config } from '../../config'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { loadCurrentUser } from '../accounts/service'
import { recordAudit, type AuditContext } from '../audit/service'
import { queueMail } from '../mail/outbox'
import {
  confirmTotp,
  countWrongCode,
  deleteTotp,
  findTotp,
  isTotpConfirmed,
  lockTotp,
  noteCodeReuse,
  savePendingTotp,
  useTotpStep,
} from './queries'
import {
  decryptSecret,
  deriveSecretKey,
  encryptSecret,
  UnreadableSecretError,
  type SecretKey,
} from './secrets'
import { matchingStep, newTotpSecret, otpauthUri, qrCodeImage, secretInGroups, TOTP_ISSUER } from './totp'

export type MfaSettings = { mode: Config['staffMfa']; key: SecretKey }

export function mfaSettings(config: Pick<Config, 'staffMfa' | 'sessionSecret'>): MfaSettings {
  return { mode: config.staffMfa, key: deriveSecretKey(config.sessionSecret) }
}

export { UnreadableSecretError }

/** The holder of an account, to whom changes and misuse of its two-factor sign-in are mailed. */
export type TwoFactorHolder = { id: number; email: string; fullName: string; locale: string }

type TwoFactorNotice = 'two-factor-on' | 'two-factor-reset' | 'two-factor-code-reused'

async function mailHolder(trx: Knex, holder: TwoFactorHolder, template: TwoFactorNotice, at: Date) {
  await queueMail(trx, {
    to: holder.email,
    template,
    locale: holder.locale === 'en' ? 'en' : 'el',
    data: { name: holder.fullName, at: at.toISOString() },
  })
}

/** Whether the account signs in with a code from an authenticator app. */
export async function hasTwoFactor(db: Knex, userId: number): Promise<boolean> {
  return isTotpConfirmed(db, userId)
}

export type TwoFactorStatus =
  | { enrolled: true; since: Date }
  | { enrolled: false; qrCode: string; secretGroups: string; issuer: string; account: string }

/**
 * What the set-up page shows: the date it was set up, or a secret waiting for its first code (kept
 * across visits, so a code from an app that already scanned it still works).
 */
export async function twoFactorStatus(
  db: Db,
  settings: MfaSettings,
  user: { id: number; email: string },
): Promise<TwoFactorStatus> {
  const row = await findTotp(db, user.id)
  if (row?.confirmed_at) return { enrolled: true, since: row.confirmed_at }
  let secret: string | null = null
  if (row) {
    try {
      secret = decryptSecret(settings.key, user.id, row.secret_encrypted)
    } catch (err) {
      if (!(err instanceof UnreadableSecretError)) throw err
    }
  }
  if (!secret) {
    secret = newTotpSecret()
    await savePendingTotp(db, user.id, encryptSecret(settings.key, user.id, secret))
  }
  const uri = otpauthUri(secret, user.email)
  return {
    enrolled: false,
    qrCode: await qrCodeImage(uri),
    secretGroups: secretInGroups(secret),
    issuer: TOTP_ISSUER,
    account: user.email,
  }
}

export type EnrolmentOutcome = 'enrolled' | 'wrong-code' | 'already-enrolled' | 'not-started'

/** Turns two-factor authentication on once the first code from the app is right, and says so by mail. */
export async function confirmTwoFactor(
  db: Db,
  settings: MfaSettings,
  audit: AuditContext,
  holder: TwoFactorHolder,
  code: string,
): Promise<EnrolmentOutcome> {
  const userId = holder.id
  return db.transaction(async (trx) => {
    const row = await lockTotp(trx, userId)
    if (!row) return 'not-started'
    if (row.confirmed_at) return 'already-enrolled'
    let secret: string
    try {
      secret = decryptSecret(settings.key, userId, row.secret_encrypted)
    } catch (err) {
      if (err instanceof UnreadableSecretError) return 'not-started'
      throw err
    }
    const step = await matchingStep(secret, code)
    if (step === null) return 'wrong-code'
    const at = now()
    await confirmTotp(trx, userId, step, at)
    await recordAudit(trx, audit, {
      action: 'mfa.enrolled',
      entityType: 'user',
      entityId: userId,
      before: { twoFactor: false },
      after: { twoFactor: true },
    })
    await mailHolder(trx, holder, 'two-factor-on', at)
    return 'enrolled'
  })
}

/** Wrong codes an account may get in an hour, whatever the session; then codes wait. */
export const WRONG_CODES_PER_HOUR = 10
const HOUR_MS = 60 * 60 * 1000

export type SignInCodeCheck =
  { outcome: 'right' } | { outcome: 'wrong' } | { outcome: 'reused' } | { outcome: 'locked'; until: Date }

/**
 * Checks the code typed at sign-in. A right code counts once: its time step is recorded in the
 * same statement that checks it was not used, so two requests with one code cannot both pass.
 * A right code of a step already used (or older than one used) is refused as reused, and its
 * holder is told by mail: someone who has the password has also seen a code. Reuse counts as a
 * wrong code. After WRONG_CODES_PER_HOUR wrong codes no code is accepted until the hour is over,
 * so someone who has the password cannot go through the million codes; the owner waits an hour
 * at most.
 */
export async function checkSignInCode(
  db: Db,
  settings: MfaSettings,
  userId: number,
  code: string,
): Promise<SignInCodeCheck> {
  const row = await findTotp(db, userId)
  if (!row?.confirmed_at) return { outcome: 'wrong' }
  const at = now()
  const windowStart = new Date(at.getTime() - HOUR_MS)
  const since = row.first_failed_at
  if (row.failed_codes >= WRONG_CODES_PER_HOUR && since && since > windowStart) {
    return { outcome: 'locked', until: new Date(since.getTime() + HOUR_MS) }
  }
  const secret = decryptSecret(settings.key, userId, row.secret_encrypted)
  const step = await matchingStep(secret, code)
  if (step === null) {
    await countWrongCode(db, userId, at, windowStart)
    return { outcome: 'wrong' }
  }
  const lastStep = row.last_used_step === null ? null : Number(row.last_used_step)
  if ((lastStep === null || step > lastStep) && (await useTotpStep(db, userId, step))) {
    return { outcome: 'right' }
  }

  await db.transaction(async (trx) => {
    await countWrongCode(trx, userId, at, windowStart)
    if (!(await noteCodeReuse(trx, userId, step))) return
    const holder = await loadCurrentUser(trx, userId)
    if (holder) await mailHolder(trx, holder, 'two-factor-code-reused', at)
  })
  return { outcome: 'reused' }
}

/**
 * An administrator's reset (a lost phone): the account sets it up again at its next staff page.
 * The holder is told by mail.
 */
export async function resetTwoFactor(
  trx: Knex,
  audit: AuditContext,
  holder: TwoFactorHolder,
): Promise<boolean> {
  const removed = await deleteTotp(trx, holder.id)
  if (!removed?.confirmed_at) return false
  await recordAudit(trx, audit, {
    action: 'mfa.reset',
    entityType: 'user',
    entityId: holder.id,
    before: { twoFactor: true },
    after: { twoFactor: false },
  })
  await mailHolder(trx, holder, 'two-factor-reset', now())
  return true
}

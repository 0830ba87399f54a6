import type { Knex } from 'knex'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { normaliseEmail } from '../../lib/text'
import { NotFoundError } from '../../web/errors'
import { claimAfm } from '../afm/service'
import { queueMail } from '../mail/outbox'
import {
  consumeToken,
  expireTokens,
  findRoles,
  findUsableToken,
  findUserByEmail,
  findUserById,
  insertToken,
  insertUser,
  setEmail,
  setEmailVerified,
  setPasswordHash,
  type TokenRow,
  type UserRow,
} from './queries'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords'
import { passwordProblem } from './password-policy'
import { isStaff, type Role } from './roles'
import {
  PASSWORD_PROBLEM_MESSAGES,
  type EmailChange,
  type PasswordChange,
  type PasswordReset,
  type Registration,
} from './schemas'
import { endSessionsOfUser } from './sessions'
import { hashToken, isTokenFormat, newToken, type TokenPurpose } from './tokens'

export type CurrentUser = {
  id: number
  email: string
  fullName: string
  phone: string | null
  locale: string
  roles: Role[]
  isStaff: boolean
  /** The department a member of staff works in; their work queue shows its reports first. */
  departmentId: number | null
  /** Until the address is confirmed the account can sign in but not file reports or pay. */
  emailVerified: boolean
  createdAt: Date
}

/** An answer the service refuses once it knows more than the form: which field, and why. */
export class AccountInputError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(messageKey)
  }
}

/** A link that is unknown, used, expired, or no longer matches its account. */
export class InvalidLinkError extends Error {}

/** The new address was taken by another account after the confirmation link was sent. */
export class EmailTakenError extends Error {}

type Locale = 'el' | 'en'

function localeOf(user: Pick<UserRow, 'locale'>): Locale {
  return user.locale === 'en' ? 'en' : 'el'
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505'
}

/** A new link for the account; its earlier unused links for the same purpose stop working. */
async function issueToken(trx: Knex, userId: number, purpose: TokenPurpose, email: string) {
  const issuedAt = now()
  await expireTokens(trx, userId, purpose, issuedAt)
  const token = newToken(purpose, issuedAt)
  await insertToken(trx, {
    userId,
    purpose,
    hash: token.hash,
    email,
    createdAt: issuedAt,
    expiresAt: token.expiresAt,
  })
  return { path: token.path, expiresAt: token.expiresAt.toISOString() }
}

async function queueVerificationMail(
  trx: Knex,
  user: Pick<UserRow, 'id' | 'email' | 'full_name' | 'locale'>,
) {
  const link = await issueToken(trx, user.id, 'verify_email', user.email)
  await queueMail(trx, {
    to: user.email,
    template: 'verify-email',
    locale: localeOf(user),
    data: { name: user.full_name, ...link },
  })
}

async function queueAccountExistsMail(trx: Knex, owner: UserRow) {
  await queueMail(trx, {
    to: owner.email,
    template: 'account-exists',
    locale: localeOf(owner),
    data: { name: owner.full_name },
  })
}

/**
 * Registers a citizen and sends the link that confirms the address. When the address already has
 * an account, its owner is told instead. The visitor sees the same answer either way, after the
 * same work (one password hash, one transaction), so the form does not reveal who has an account.
 */
export async function registerCitizen(db: Db, input: Registration, locale: Locale): Promise<void> {
  const passwordHash = await hashPassword(input.password)
  const existing = await findUserByEmail(db, input.email)
  if (existing) {
    await db.transaction(async (trx) => {
      if (existing.is_active) await queueAccountExistsMail(trx, existing)
    })
    return
  }
  try {
    await db.transaction(async (trx) => {
      const fields = {
        email: input.email,
        passwordHash,
        fullName: input.fullName,
        phone: input.phone ?? null,
        locale,
      }
      const id = await insertUser(trx, fields, ['citizen'])
      // An AFM typed here is only a claim: it links to nothing until it is verified.
      if (input.afm) await claimAfm(trx, id, input.afm)
      await queueVerificationMail(trx, { id, email: input.email, full_name: input.fullName, locale })
    })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    // Someone registered the same address a moment earlier: treat it as an existing account.
    const owner = await findUserByEmail(db, input.email)
    if (owner?.is_active) await db.transaction((trx) => queueAccountExistsMail(trx, owner))
  }
}

/** A new confirmation link for an account whose address is not confirmed yet. */
export async function resendVerification(db: Db, userId: number): Promise<boolean> {
  const user = await findUserById(db, userId)
  if (!user || !user.is_active || user.email_verified_at) return false
  await db.transaction((trx) => queueVerificationMail(trx, user))
  return true
}

/** The account a token belongs to, if the token is still good for it. */
async function tokenAccount(db: Knex, row: TokenRow | undefined): Promise<UserRow> {
  if (!row) throw new InvalidLinkError()
  const user = await findUserById(db, row.user_id)
  if (!user || !user.is_active) throw new InvalidLinkError()
  // A link sent to an address the account no longer has is void (change_email carries the new one).
  if (row.purpose !== 'change_email' && user.email !== row.email) throw new InvalidLinkError()
  return user
}

export type LinkView = { email: string; fullName: string }

/** What a link's page shows before the person acts on it; nothing is used up by looking. */
export async function openLink(db: Db, purpose: TokenPurpose, token: unknown): Promise<LinkView> {
  if (!isTokenFormat(token)) throw new InvalidLinkError()
  const row = await findUsableToken(db, purpose, hashToken(token), now())
  const user = await tokenAccount(db, row)
  return { email: row!.email, fullName: user.full_name }
}

async function useLink(trx: Knex, purpose: TokenPurpose, token: string) {
  if (!isTokenFormat(token)) throw new InvalidLinkError()
  const row = await consumeToken(trx, purpose, hashToken(token), now())
  const user = await tokenAccount(trx, row)
  return { row: row!, user }
}

/** Confirms the address the link was sent to; the link works once. Returns the account's id. */
export async function verifyEmail(db: Db, token: string): Promise<number> {
  return db.transaction(async (trx) => {
    const { user } = await useLink(trx, 'verify_email', token)
    await setEmailVerified(trx, user.id, now())
    return user.id
  })
}

/** Sends a reset link if the address has an active account; the caller answers the same anyway. */
export async function requestPasswordReset(db: Db, email: string): Promise<void> {
  const user = await findUserByEmail(db, normaliseEmail(email))
  if (!user || !user.is_active) return
  await db.transaction(async (trx) => {
    const link = await issueToken(trx, user.id, 'reset_password', user.email)
    await queueMail(trx, {
      to: user.email,
      template: 'password-reset',
      locale: localeOf(user),
      data: { name: user.full_name, ...link },
    })
  })
}

function refuseWeakPassword(field: string, password: string, user: UserRow): void {
  const problem = passwordProblem(password, { email: user.email, name: user.full_name })
  if (problem) throw new AccountInputError(field, PASSWORD_PROBLEM_MESSAGES[problem])
}

/** After any new password: reset links stop working, other sessions end, the owner is told. */
async function storeNewPassword(trx: Knex, user: UserRow, passwordHash: string, keepSessionId?: string) {
  const at = now()
  await setPasswordHash(trx, user.id, passwordHash, at)
  await expireTokens(trx, user.id, 'reset_password', at)
  await endSessionsOfUser(trx, user.id, keepSessionId)
  await queueMail(trx, {
    to: user.email,
    template: 'password-changed',
    locale: localeOf(user),
    data: { name: user.full_name, changedAt: at.toISOString() },
  })
}

/**
 * Sets a new password through a reset link (single use, 30 minutes). Every session of the account
 * ends except `keepSessionId` (the session making the request, if it is the account's own).
 * Following the link also proves the address, so an unconfirmed one becomes confirmed.
 */
export async function resetPassword(db: Db, input: PasswordReset, keepSessionId?: string): Promise<void> {
  const user = await tokenAccount(
    db,
    await findUsableToken(db, 'reset_password', hashToken(input.token), now()),
  )
  refuseWeakPassword('newPassword', input.newPassword, user)
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction(async (trx) => {
    const { user: owner } = await useLink(trx, 'reset_password', input.token)
    await setEmailVerified(trx, owner.id, now())
    await storeNewPassword(trx, owner, passwordHash, keepSessionId)
  })
}

async function accountWithPassword(db: Db, userId: number, currentPassword: string): Promise<UserRow> {
  const user = await findUserById(db, userId)
  if (!user) throw new NotFoundError()
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AccountInputError('currentPassword', 'errors.accounts.currentPasswordWrong')
  }
  return user
}

/** Changes the password of a signed-in person who knows the current one; their other sessions end. */
export async function changePassword(
  db: Db,
  userId: number,
  input: PasswordChange,
  keepSessionId: string,
): Promise<void> {
  const user = await accountWithPassword(db, userId, input.currentPassword)
  refuseWeakPassword('newPassword', input.newPassword, user)
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction((trx) => storeNewPassword(trx, user, passwordHash, keepSessionId))
}

/**
 * Starts a change of address: a confirmation link goes to the new address and a notice to the old
 * one. If the new address already has an account, its owner is told instead, and the person asking
 * sees the same answer.
 */
export async function requestEmailChange(db: Db, userId: number, input: EmailChange): Promise<void> {
  const user = await accountWithPassword(db, userId, input.currentPassword)
  if (input.email === user.email) throw new AccountInputError('email', 'errors.accounts.emailUnchanged')
  const owner = await findUserByEmail(db, input.email)
  await db.transaction(async (trx) => {
    if (owner) {
      if (owner.is_active) await queueAccountExistsMail(trx, owner)
    } else {
      const link = await issueToken(trx, user.id, 'change_email', input.email)
      await queueMail(trx, {
        to: input.email,
        template: 'email-change-confirm',
        locale: localeOf(user),
        data: { name: user.full_name, newEmail: input.email, ...link },
      })
    }
    await queueMail(trx, {
      to: user.email,
      template: 'email-change-requested',
      locale: localeOf(user),
      data: { name: user.full_name, newEmail: input.email, requestedAt: now().toISOString() },
    })
  })
}

/** Moves the account to the address the link was sent to. Returns the account's id. */
export async function confirmEmailChange(db: Db, token: string): Promise<number> {
  try {
    return await db.transaction(async (trx) => {
      const { row, user } = await useLink(trx, 'change_email', token)
      const holder = await findUserByEmail(trx, row.email)
      if (holder && holder.id !== user.id) throw new EmailTakenError()
      const at = now()
      await setEmail(trx, user.id, row.email, at)
      // Links sent to the old address stop working.
      await expireTokens(trx, user.id, 'reset_password', at)
      await expireTokens(trx, user.id, 'verify_email', at)
      return user.id
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw new EmailTakenError()
    throw err
  }
}

/** The user's id when the e-mail and password match an active account; otherwise null. */
export async function authenticate(db: Db, email: string, password: string): Promise<number | null> {
  const user = await findUserByEmail(db, normaliseEmail(email))
  if (!user) return verifyAgainstDummy(password).then(() => null)
  const matches = await verifyPassword(user.password_hash, password)
  return matches && user.is_active ? user.id : null
}

/** The signed-in user as every request sees them; roles are read afresh each time. */
export async function loadCurrentUser(db: Db, id: number): Promise<CurrentUser | null> {
  const user = await findUserById(db, id)
  if (!user || !user.is_active) return null
  const roles = await findRoles(db, id)
  return {
    id: user.id,
    email: user.email,
    fullName: user.full_name,
    phone: user.phone,
    locale: user.locale,
    roles,
    isStaff: isStaff(roles),
    departmentId: user.department_id ?? null,
    emailVerified: user.email_verified_at !== null,
    createdAt: user.created_at,
  }
}

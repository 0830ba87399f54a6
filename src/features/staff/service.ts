// Administration of staff accounts: invitations by e-mail, roles and departments, deactivation.
// Every change is written to the audit log in the same transaction.
import crypto from 'node:crypto'
import type { Knex } from 'knex'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { formatDateTime } from '../../lib/format'
import { NotFoundError } from '../../web/errors'
import { hashPassword } from '../accounts/passwords'
import { endSessionsOfUser } from '../accounts/sessions'
import { recordAudit, type AuditContext } from '../audit/service'
import { queueMail } from '../mail/outbox'
import { hasTwoFactor, resetTwoFactor } from '../mfa/service'
import {
  addRoles,
  allDepartments,
  deleteOpenInvitations,
  emailInUse,
  findAccount,
  findDepartment,
  findStaff,
  insertInvitation,
  insertStaffAccount,
  invitationByTokenHash,
  latestInvitation,
  lockAccount,
  markInvitationUsed,
  replaceStaffRoles,
  rolesOf,
  updateAccount,
  type DepartmentRow,
  type StaffFilters,
} from './queries'
import { staffRolesOf, type AssignableRole } from './roles'
import type { StaffAccess, StaffInvitation } from './schemas'

export const STAFF_PAGE_SIZE = 25
export const INVITATION_VALID_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
export const INVITATION_TEMPLATE = 'staff-invitation'

type Lang = 'el' | 'en'

/** A refusal to show beside a form field, in the reader's language. */
export class StaffAdminError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
    readonly existingUserId: number | null = null,
  ) {
    super(messageKey)
  }
}

export async function staffAccounts(db: Db, filters: StaffFilters, page: number, lang: Lang) {
  const { rows, total } = await findStaff(db, filters, {
    limit: STAFF_PAGE_SIZE,
    offset: (page - 1) * STAFF_PAGE_SIZE,
  })
  const accounts = rows.map((row) => ({
    id: Number(row.id),
    fullName: row.full_name,
    email: row.email,
    isActive: row.is_active,
    roles: staffRolesOf(row.roles),
    department: lang === 'en' ? row.department_en : row.department_el,
    invitationPending: row.invitation_pending,
  }))
  return { accounts, total }
}

export async function departmentOptions(db: Db, lang: Lang) {
  const departments = await allDepartments(db)
  return departments
    .map((d) => ({ id: d.id, name: lang === 'en' ? d.name_en : d.name_el }))
    .sort((a, b) => a.name.localeCompare(b.name, lang))
}

async function departmentFor(trx: Knex, access: StaffAccess): Promise<DepartmentRow | null> {
  if (!access.roles.includes('clerk') || access.departmentId === undefined) return null
  const department = await findDepartment(trx, access.departmentId)
  if (!department) throw new StaffAdminError('departmentId', 'errors.staffAdmin.departmentUnknown')
  return department
}

function newToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

async function sendInvitation(
  trx: Knex,
  audit: AuditContext,
  account: { id: number; email: string; fullName: string; locale: Lang; roles: readonly AssignableRole[] },
) {
  const at = now()
  const expiresAt = new Date(at.getTime() + INVITATION_VALID_DAYS * DAY_MS)
  const { token, tokenHash } = newToken()
  await insertInvitation(trx, { userId: account.id, tokenHash, expiresAt, invitedBy: audit.actorId, at })
  await queueMail(trx, {
    to: account.email,
    template: INVITATION_TEMPLATE,
    locale: account.locale,
    data: {
      fullName: account.fullName,
      email: account.email,
      roles: account.roles,
      path: `/invitation?token=${token}`,
      expiresAt: expiresAt.toISOString(),
      expiresAtText: formatDateTime(expiresAt, account.locale),
    },
  })
  return expiresAt
}

/**
 * Creates the account of a new member of staff, without a usable password, and e-mails them a
 * link that sets one. An e-mail that already has an account is refused with that account's id.
 */
export async function inviteStaff(db: Db, audit: AuditContext, input: StaffInvitation): Promise<number> {
  const existing = await emailInUse(db, input.email)
  if (existing) throw new StaffAdminError('email', 'errors.staffAdmin.emailExists', existing)
  const unusablePassword = await hashPassword(crypto.randomBytes(32).toString('base64url'))
  try {
    return await db.transaction(async (trx) => {
      const department = await departmentFor(trx, input)
      const id = await insertStaffAccount(trx, {
        email: input.email,
        fullName: input.fullName,
        passwordHash: unusablePassword,
        locale: input.locale,
        departmentId: department?.id ?? null,
        at: now(),
      })
      await addRoles(trx, id, ['citizen', ...input.roles])
      const expiresAt = await sendInvitation(trx, audit, { id, ...input })
      await recordAudit(trx, audit, {
        action: 'staff.invited',
        entityType: 'user',
        entityId: id,
        after: {
          fullName: input.fullName,
          email: input.email,
          roles: input.roles,
          department: department?.code ?? null,
          language: input.locale,
          invitationExpires: expiresAt.toISOString(),
        },
      })
      return id
    })
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err
    const id = await emailInUse(db, input.email)
    throw new StaffAdminError('email', 'errors.staffAdmin.emailExists', id)
  }
}

export type InvitationState = 'pending' | 'expired' | 'accepted' | null

export async function staffAccount(db: Db, id: number, lang: Lang) {
  const account = await findAccount(db, id)
  if (!account) throw new NotFoundError()
  const [roles, invitation, twoFactor] = await Promise.all([
    rolesOf(db, id),
    latestInvitation(db, id),
    hasTwoFactor(db, id),
  ])
  let invitationState: InvitationState = null
  if (invitation) {
    if (invitation.used_at) invitationState = 'accepted'
    else invitationState = invitation.expires_at.getTime() > now().getTime() ? 'pending' : 'expired'
  }
  return {
    account: {
      id: Number(account.id),
      fullName: account.full_name,
      email: account.email,
      locale: account.locale,
      isActive: account.is_active,
      roles: staffRolesOf(roles),
      isResident: roles.includes('citizen'),
      departmentId: account.department_id,
      department: lang === 'en' ? account.department_en : account.department_el,
      createdAt: account.created_at,
    },
    invitation: invitation ? { state: invitationState, expiresAt: invitation.expires_at } : null,
    twoFactor,
  }
}

export type StaffAccountView = Awaited<ReturnType<typeof staffAccount>>

/**
 * Sets the account's staff roles and, for a clerk, the department. Takes effect on the account's
 * next request, since roles are read afresh each time. An administrator cannot take away their own
 * administrator role, so the portal always keeps one.
 */
export async function changeStaffAccess(
  db: Db,
  audit: AuditContext,
  userId: number,
  input: StaffAccess,
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const account = await lockAccount(trx, userId)
    if (!account) throw new NotFoundError()
    const currentRoles = staffRolesOf(await rolesOf(trx, userId))
    if (userId === audit.actorId && currentRoles.includes('admin') && !input.roles.includes('admin')) {
      throw new StaffAdminError('roles', 'errors.staffAdmin.ownAdminRole')
    }
    const department = await departmentFor(trx, input)
    const currentDepartment = account.department_id ? await findDepartment(trx, account.department_id) : null
    const before = { roles: currentRoles, department: currentDepartment?.code ?? null }
    const after = { roles: input.roles, department: department?.code ?? null }
    if (JSON.stringify(before) === JSON.stringify(after)) return false

    await replaceStaffRoles(trx, userId, input.roles)
    await updateAccount(trx, userId, { department_id: department?.id ?? null }, now())
    await recordAudit(trx, audit, {
      action: 'staff.access_changed',
      entityType: 'user',
      entityId: userId,
      before,
      after,
    })
    return true
  })
}

/** Deactivating signs the person out everywhere at once; an administrator cannot deactivate themselves. */
export async function setAccountActive(
  db: Db,
  audit: AuditContext,
  userId: number,
  active: boolean,
): Promise<boolean> {
  if (!active && userId === audit.actorId)
    throw new StaffAdminError('active', 'errors.staffAdmin.deactivateSelf')
  return db.transaction(async (trx) => {
    const account = await lockAccount(trx, userId)
    if (!account) throw new NotFoundError()
    if (account.is_active === active) return false

    await updateAccount(trx, userId, { is_active: active }, now())
    const sessionsEnded = active ? 0 : await endSessionsOfUser(trx, userId)
    await recordAudit(trx, audit, {
      action: active ? 'staff.reactivated' : 'staff.deactivated',
      entityType: 'user',
      entityId: userId,
      before: { active: !active },
      after: active ? { active } : { active, sessionsEnded },
    })
    return true
  })
}

/** A new link for an invitation that was not used (it may have expired); the old link stops working. */
export async function resendInvitation(db: Db, audit: AuditContext, userId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const account = await lockAccount(trx, userId)
    if (!account) throw new NotFoundError()
    const invitation = await latestInvitation(trx, userId)
    if (!invitation || invitation.used_at || !account.is_active) {
      throw new StaffAdminError('invitation', 'errors.staffAdmin.invitationClosed')
    }
    await deleteOpenInvitations(trx, userId)
    const roles = staffRolesOf(await rolesOf(trx, userId))
    const expiresAt = await sendInvitation(trx, audit, {
      id: userId,
      email: account.email,
      fullName: account.full_name,
      locale: account.locale,
      roles,
    })
    await recordAudit(trx, audit, {
      action: 'staff.invitation_resent',
      entityType: 'user',
      entityId: userId,
      before: { invitationExpires: invitation.expires_at.toISOString() },
      after: { invitationExpires: expiresAt.toISOString() },
    })
  })
}

/**
 * For a lost or replaced phone: the account sets up an authenticator again at its next staff page,
 * and its holder is told by mail. Its sessions end, except the one making the request when
 * administrators reset their own.
 */
export async function resetStaffTwoFactor(
  db: Db,
  audit: AuditContext,
  userId: number,
  currentSessionId: string,
): Promise<boolean> {
  return db.transaction(async (trx) => {
    const account = await lockAccount(trx, userId)
    if (!account) throw new NotFoundError()
    const holder = { id: userId, email: account.email, fullName: account.full_name, locale: account.locale }
    const reset = await resetTwoFactor(trx, audit, holder)
    if (reset) await endSessionsOfUser(trx, userId, userId === audit.actorId ? currentSessionId : undefined)
    return reset
  })
}

export type OpenInvitation = { fullName: string; email: string }

async function openInvitation(db: Knex, token: string, lock: boolean) {
  const invitation = await invitationByTokenHash(db, hashToken(token), lock)
  if (!invitation || invitation.used_at || !invitation.is_active) return null
  if (invitation.expires_at.getTime() <= now().getTime()) return null
  return invitation
}

/** The invitation behind a link, while it can still be used. */
export async function findOpenInvitation(db: Db, token: string): Promise<OpenInvitation | null> {
  const invitation = await openInvitation(db, token, false)
  return invitation ? { fullName: invitation.full_name, email: invitation.email } : null
}

/**
 * Sets the password through the invitation link, once: the link's row is locked, checked and marked
 * used in one transaction. Following the link also proves the e-mail address.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  password: string,
  request: { ip: string | null; requestId: string | null },
): Promise<boolean> {
  if (!(await findOpenInvitation(db, token))) return false
  const passwordHash = await hashPassword(password)
  return db.transaction(async (trx) => {
    const invitation = await openInvitation(trx, token, true)
    if (!invitation) return false
    const at = now()
    await markInvitationUsed(trx, invitation.id, at)
    await updateAccount(trx, invitation.user_id, { password_hash: passwordHash, email_verified_at: at }, at)
    await recordAudit(
      trx,
      { actorId: invitation.user_id, ...request },
      { action: 'staff.invitation_accepted', entityType: 'user', entityId: invitation.user_id },
    )
    return true
  })
}

// A citizen's rights over their data: a copy of everything the portal holds about them, and the
// closing of their account.
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { NotFoundError } from '../../web/errors'
import { authenticate } from '../accounts/service'
import { endSessionsOfUser } from '../accounts/sessions'
import { isStaff, type Role } from '../accounts/roles'
import { afmClaimsOf, forgetClaimsOf } from '../afm/service'
import { recordAudit, type AuditContext } from '../audit/service'
import { queueMail } from '../mail/outbox'
import { subjectOf } from '../mail/service'
import { countersAbout } from '../throttling/service'
import {
  accountRow,
  afmDocumentsOf,
  anonymiseReportsOf,
  forgetDraftsOf,
  auditRowsAbout,
  followedReportsOf,
  invitationsOf,
  lockActiveUser,
  mailsTo,
  publicEventsOf,
  removeRoles,
  reportPhotosOf,
  reportsOf,
  rolesOf,
  scrubUser,
  sessionsOf,
  tokensOf,
  twoFactorOf,
  type AuditRow,
  type AuditSubject,
} from './queries'

/** Columns and session entries that are secrets, not information about the person: never exported. */
const SECRET = /password|secret|token|hash|otp|csrf|recovery|passport|cookie/i

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value instanceof Date || value === null || typeof value !== 'object') return value
  const kept: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(value)) {
    if (!SECRET.test(key)) kept[key] = withoutSecrets(entry)
  }
  return kept
}

function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())
}

function camelKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camelCase(key), value]))
}

/**
 * What an audit row about the person's own account, claims and reports may tell them: what they
 * gave, and what the municipality told them or shows publicly. Reasons, internal notes, staff
 * members and other people stay out; an action not listed here says only that it happened.
 */
const AUDIT_FIELDS: Record<string, readonly string[]> = {
  'report.status_changed': ['status', 'publicMessage'],
  'report.noted': ['status', 'publicMessage'],
  'report.marked_duplicate': ['status'],
  'report.moderated': ['hidden', 'publicTitle', 'publicDescription', 'publicAddress'],
  'report.photo_moderated': ['hidden'],
  'report.event_moderated': ['hidden', 'publicText'],
  'afm_claim.verified': ['status', 'afm'],
  'afm_claim.rejected': ['status', 'afm', 'rejectionReason'],
  'mfa.enrolled': ['twoFactor'],
  'mfa.reset': ['twoFactor'],
  'staff.invited': ['fullName', 'email', 'roles', 'department', 'language', 'invitationExpires'],
  'staff.access_changed': ['roles', 'department'],
  'staff.reactivated': ['active'],
  'staff.deactivated': ['active'],
  'staff.invitation_resent': ['invitationExpires'],
}

function pickFields(value: unknown, fields: readonly string[]): Record<string, unknown> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  const kept = fields.filter((field) => field in value)
  if (kept.length === 0) return null
  return Object.fromEntries(kept.map((field) => [field, (value as Record<string, unknown>)[field]]))
}

function isAbout(row: AuditRow, subject: AuditSubject): boolean {
  const id = String(row.entity_id)
  if (row.entity_type === 'user') return id === String(subject.userId)
  if (row.entity_type === 'afm_claim') return subject.claimIds.map(String).includes(id)
  if (row.entity_type === 'report') return subject.reportReferences.includes(id)
  return false
}

/**
 * One audit row for the export. What the person did to others' records shows as the action and
 * the record only: the details are about someone else.
 */
function auditEntry(row: AuditRow, subject: AuditSubject) {
  const byThem = row.actor_id !== null && Number(row.actor_id) === subject.userId
  const fields = isAbout(row, subject) ? (AUDIT_FIELDS[row.action] ?? []) : []
  return {
    at: row.created_at,
    action: row.action,
    record: { type: row.entity_type, id: row.entity_id },
    before: pickFields(row.before, fields),
    after: pickFields(row.after, fields),
    by: byThem ? 'you' : 'municipality',
    ...(byThem ? { ip: row.ip } : {}),
  }
}

type StoredSession = {
  signedInAt?: number
  lastSeenAt?: number
  device?: { browser?: string | null; os?: string | null }
  network?: string | null
}

function parsedSession(sess: unknown): StoredSession {
  if (typeof sess !== 'string') return (sess ?? {}) as StoredSession
  try {
    return JSON.parse(sess) as StoredSession
  } catch {
    return {}
  }
}

function epochDate(value: number | undefined): Date | null {
  return typeof value === 'number' ? new Date(value) : null
}

/** What a session tells about the person: the device, the approximate network and when; never its id. */
function sessionView(session: { sid: string; sess: unknown; expired: Date }, currentSessionId?: string) {
  const sess = parsedSession(session.sess)
  return {
    thisSession: session.sid === currentSessionId,
    signedInAt: epochDate(sess.signedInAt),
    lastSeenAt: epochDate(sess.lastSeenAt),
    device: { browser: sess.device?.browser ?? null, os: sess.device?.os ?? null },
    network: sess.network ?? null,
    expiresAt: session.expired,
  }
}

/**
 * Everything the portal holds about an account, as plain data for a JSON file. The sessions'
 * ids, the staff's names, addresses and ids, internal notes and reasons, and reports the person
 * may no longer read are not the person's data and stay out.
 */
export async function exportAccountData(db: Db, userId: number, currentSessionId: string | undefined) {
  const account = await accountRow(db, userId)
  if (!account) throw new NotFoundError()
  const email = String(account.email)
  const [
    roles,
    claims,
    documents,
    reports,
    followed,
    sessions,
    tokens,
    invitations,
    twoFactor,
    counters,
    mails,
  ] = await Promise.all([
    rolesOf(db, userId),
    afmClaimsOf(db, userId),
    afmDocumentsOf(db, userId),
    reportsOf(db, userId),
    followedReportsOf(db, userId),
    sessionsOf(db, userId),
    tokensOf(db, userId),
    invitationsOf(db, userId),
    twoFactorOf(db, userId),
    countersAbout(db, { email, userId }),
    mailsTo(db, email),
  ])
  const reportIds = reports.map((report) => Number(report.id))
  const events = await publicEventsOf(db, reportIds)
  const photos = await reportPhotosOf(db, reportIds)
  const subject: AuditSubject = {
    userId,
    claimIds: claims.map((claim) => claim.id),
    reportReferences: reports.map((report) => report.reference),
  }
  const audit = await auditRowsAbout(db, subject)

  return {
    exportedAt: now().toISOString(),
    controller: 'Δήμος Μυτιλήνης / Municipality of Mytilene',
    account: camelKeys(withoutSecrets(account) as Record<string, unknown>),
    roles: roles.map((row) => ({ role: row.role, grantedAt: row.granted_at })),
    afmClaims: claims.map((claim) => ({
      afm: claim.afm,
      status: claim.status,
      evidence: claim.evidence,
      documentType: claim.documentType,
      rejectionReason: claim.rejectionReason,
      claimedAt: claim.createdAt,
      decidedAt: claim.decidedAt,
      document:
        documents
          .filter((document) => Number(document.claim_id) === claim.id)
          .map((document) => ({
            mediaType: document.media_type,
            sizeBytes: Number(document.size_bytes),
            sentAt: document.created_at,
          }))[0] ?? null,
    })),
    reports: reports.map((report) => ({
      reference: report.reference,
      kind: report.kind,
      status: report.status,
      title: report.title,
      description: report.description,
      address: report.address,
      district: { el: report.district_el, en: report.district_en },
      category: { el: report.category_el, en: report.category_en },
      nameShownPublicly: report.show_name,
      answers: report.answers,
      createdAt: report.created_at,
      updatedAt: report.updated_at,
      photos: photos
        .filter((photo) => Number(photo.report_id) === Number(report.id))
        .map((photo) => ({
          mediaType: photo.content_type,
          width: Number(photo.width),
          height: Number(photo.height),
          sizeBytes: Number(photo.byte_size),
          addedAt: photo.created_at,
        })),
      timeline: events
        .filter((event) => Number(event.report_id) === Number(report.id))
        .map((event) => ({
          at: event.created_at,
          type: event.type,
          fromStatus: event.from_status,
          toStatus: event.to_status,
          publicMessage: event.public_message,
          // What the person wrote is theirs, even where the public sees a moderated text.
          ...(event.actor_id !== null && Number(event.actor_id) === userId && event.original_message !== null
            ? { yourWords: event.original_message }
            : {}),
          by: event.actor_id !== null && Number(event.actor_id) === userId ? 'you' : 'municipality',
        })),
    })),
    followedReports: followed.map((row) => ({
      reference: row.reference,
      title: row.title,
      followingSince: row.followed_at,
    })),
    sessions: sessions.map((session) => sessionView(session, currentSessionId)),
    oneTimeLinks: tokens.map((token) => ({
      purpose: token.purpose,
      sentTo: token.email,
      createdAt: token.created_at,
      expiresAt: token.expires_at,
      usedAt: token.used_at,
    })),
    staffInvitations: invitations.map((invitation) => ({
      sentAt: invitation.created_at,
      expiresAt: invitation.expires_at,
      usedAt: invitation.used_at,
    })),
    twoFactor: {
      enrolled: Boolean(twoFactor?.confirmed_at),
      enrolledAt: twoFactor?.confirmed_at ?? null,
      setUpStartedAt: twoFactor?.created_at ?? null,
      recentWrongCodes: twoFactor ? Number(twoFactor.failed_codes) : 0,
    },
    throttleCounters: counters,
    mails: mails.map((mail) => ({
      subject: subjectOf(mail),
      template: mail.template,
      language: mail.locale,
      status: mail.status,
      queuedAt: mail.created_at,
      sentAt: mail.sent_at,
    })),
    auditLog: audit.map((row) => auditEntry(row, subject)),
  }
}

const athensDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' })

/** The export's file name carries the day it was made, in Athens. */
export function exportFileName(exportedAt: string): string {
  return `mytilene-eservices-my-data-${athensDay.format(new Date(exportedAt))}.json`
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>

export class WrongPasswordError extends Error {}
export class StaffAccountError extends Error {}

/** Staff accounts hold duties as well as data: an administrator closes them, not their holder. */
export function canCloseOwnAccount(roles: readonly Role[]): boolean {
  return !isStaff(roles)
}

/**
 * Closes a citizen's account once they have typed their current password: their reports stay,
 * without their name; their unsent drafts, AFM claims and documents, roles and sessions go; the account's row is
 * emptied; and the audit log keeps every row.
 */
export async function closeAccount(
  db: Db,
  actor: AuditContext,
  user: { id: number; email: string; roles: readonly Role[] },
  password: string,
): Promise<void> {
  if (!canCloseOwnAccount(user.roles)) throw new StaffAccountError()
  if ((await authenticate(db, user.email, password)) !== user.id) throw new WrongPasswordError()

  await db.transaction(async (trx) => {
    const account = await lockActiveUser(trx, user.id)
    if (!account) throw new NotFoundError()
    const closedAt = now()
    await anonymiseReportsOf(trx, user.id)
    await forgetDraftsOf(trx, user.id)
    const claims = await forgetClaimsOf(trx, user.id)
    await removeRoles(trx, user.id)
    await queueMail(trx, {
      to: account.email,
      template: 'privacy-account-closed',
      locale: account.locale === 'en' ? 'en' : 'el',
      data: { closedAt: closedAt.toISOString() },
    })
    await scrubUser(trx, user.id, closedAt)
    const sessions = await endSessionsOfUser(trx, user.id)
    await recordAudit(trx, actor, {
      action: 'account.closed',
      entityType: 'user',
      entityId: user.id,
      before: { roles: user.roles, afmClaims: claims },
      after: { closed: true, sessionsEnded: sessions },
    })
  })
}

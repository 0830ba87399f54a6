// Every table that holds something about a person is read (for the export) or emptied (when the
// account closes) here, so that what the portal keeps about someone can be checked in one file.
// A feature that adds such a table adds it here too.
import type { Knex } from 'knex'

export async function lockActiveUser(trx: Knex, userId: number) {
  return trx('users')
    .where({ id: userId, is_active: true })
    .forUpdate()
    .first<{ id: number; email: string; locale: string } | undefined>('id', 'email', 'locale')
}

export async function accountRow(db: Knex, userId: number): Promise<Record<string, unknown> | undefined> {
  return db('users').where({ id: userId }).first()
}

export async function rolesOf(db: Knex, userId: number) {
  return db('user_roles')
    .where({ user_id: userId })
    .orderBy('role')
    .select<{ role: string; granted_at: Date }[]>('role', 'granted_at')
}

export type ExportReportRow = {
  id: number
  reference: string
  kind: string
  status: string
  title: string
  description: string
  address: string
  district_el: string
  district_en: string
  category_el: string
  category_en: string
  show_name: boolean
  answers: unknown
  created_at: Date
  updated_at: Date
}

export async function reportsOf(db: Knex, userId: number): Promise<ExportReportRow[]> {
  return db('reports as r')
    .join('categories as c', 'c.id', 'r.category_id')
    .join('districts as di', 'di.code', 'r.district')
    .where('r.author_id', userId)
    .orderBy([
      { column: 'r.created_at', order: 'asc' },
      { column: 'r.id', order: 'asc' },
    ])
    .select(
      'r.id',
      'r.reference',
      'r.kind',
      'r.status',
      'r.title',
      'r.description',
      'r.address',
      'di.name_el as district_el',
      'di.name_en as district_en',
      'c.name_el as category_el',
      'c.name_en as category_en',
      'r.show_name',
      'r.answers',
      'r.created_at',
      'r.updated_at',
    )
}

export type PublicEventRow = {
  report_id: number
  type: string
  from_status: string | null
  to_status: string | null
  public_message: string | null
  /** The resident's own words, when staff moderated what the public sees. */
  original_message: string | null
  actor_id: number | null
  created_at: Date
}

/**
 * The public timeline of the reports, as their pages show it: the creation, status changes and
 * notes with a public message. Staff work (assignment, reassignment, moderation, internal notes)
 * and the staff's names stay out.
 */
export async function publicEventsOf(db: Knex, reportIds: number[]): Promise<PublicEventRow[]> {
  if (reportIds.length === 0) return []
  return db('report_events')
    .whereIn('report_id', reportIds)
    .where((query) =>
      query
        .whereIn('type', ['created', 'status_changed'])
        .orWhere((note) => note.where('type', 'note').whereNotNull('public_message')),
    )
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select(
      'report_id',
      'type',
      'from_status',
      'to_status',
      'public_message',
      'original_message',
      'actor_id',
      'created_at',
    )
}

export type SessionRow = { sid: string; sess: unknown; expired: Date }

export async function sessionsOf(db: Knex, userId: number): Promise<SessionRow[]> {
  return db('sessions')
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .orderBy('expired', 'desc')
    .select('sid', 'sess', 'expired')
}

/** The one-time links sent to the account: what they were for and when, never the token or its hash. */
export async function tokensOf(db: Knex, userId: number) {
  return db('account_tokens')
    .where({ user_id: userId })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select<{ purpose: string; email: string; created_at: Date; expires_at: Date; used_at: Date | null }[]>(
      'purpose',
      'email',
      'created_at',
      'expires_at',
      'used_at',
    )
}

/** Staff invitations of the account: when they were sent, until when they held, and their use. */
export async function invitationsOf(db: Knex, userId: number) {
  return db('staff_invitations')
    .where({ user_id: userId })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select<{ created_at: Date; expires_at: Date; used_at: Date | null }[]>(
      'created_at',
      'expires_at',
      'used_at',
    )
}

/** Whether the account signs in with an authenticator app; never the secret. */
export async function twoFactorOf(db: Knex, userId: number) {
  return db('staff_totp')
    .where({ user_id: userId })
    .first<{ confirmed_at: Date | null; created_at: Date; failed_codes: number } | undefined>(
      'confirmed_at',
      'created_at',
      'failed_codes',
    )
}

/** The documents sent for AFM claims: their type, size and date, not their content. */
export async function afmDocumentsOf(db: Knex, userId: number) {
  return db('afm_documents as d')
    .join('afm_claims as c', 'c.id', 'd.claim_id')
    .where('c.user_id', userId)
    .select<{ claim_id: number; media_type: string; size_bytes: number; created_at: Date }[]>(
      'd.claim_id',
      'd.media_type',
      'd.size_bytes',
      'd.created_at',
    )
}

/** The photos of the person's reports: their size and date, not the pictures. */
export async function reportPhotosOf(db: Knex, reportIds: number[]) {
  if (reportIds.length === 0) return []
  return db('report_photos')
    .whereIn('report_id', reportIds)
    .orderBy([
      { column: 'report_id', order: 'asc' },
      { column: 'position', order: 'asc' },
    ])
    .select<
      {
        report_id: number
        content_type: string
        width: number
        height: number
        byte_size: number
        created_at: Date
      }[]
    >('report_id', 'content_type', 'width', 'height', 'byte_size', 'created_at')
}

/**
 * The reports of others that the person follows, named as their public page names them: the
 * title after moderation, and no title at all once the report is hidden or its category is not
 * public (the person may no longer read it).
 */
export async function followedReportsOf(db: Knex, userId: number) {
  return db('report_followers as f')
    .join('reports as r', 'r.id', 'f.report_id')
    .join('categories as c', 'c.id', 'r.category_id')
    .where('f.user_id', userId)
    .orderBy([
      { column: 'f.created_at', order: 'asc' },
      { column: 'r.id', order: 'asc' },
    ])
    .select<{ reference: string; title: string | null; followed_at: Date }[]>(
      'r.reference',
      db.raw('CASE WHEN c.is_public AND NOT r.is_hidden THEN COALESCE(r.public_title, r.title) END AS title'),
      'f.created_at as followed_at',
    )
}

export async function mailsTo(db: Knex, email: string) {
  return db('outbox')
    .where({ to_address: email })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select<
      {
        template: string
        locale: string
        data: Record<string, unknown>
        status: string
        created_at: Date
        sent_at: Date | null
      }[]
    >('template', 'locale', 'data', 'status', 'created_at', 'sent_at')
}

export type AuditRow = {
  id: number
  actor_id: number | null
  action: string
  entity_type: string
  entity_id: string | null
  before: unknown
  after: unknown
  ip: string | null
  created_at: Date
}

export type AuditSubject = { userId: number; claimIds: number[]; reportReferences: string[] }

/** Audit rows of what the person did, and of what was done to their account, claims and reports. */
export async function auditRowsAbout(db: Knex, subject: AuditSubject): Promise<AuditRow[]> {
  return db('audit_log')
    .where((query) => {
      query
        .where('actor_id', subject.userId)
        .orWhere((q) => q.where('entity_type', 'user').where('entity_id', String(subject.userId)))
      if (subject.claimIds.length) {
        query.orWhere((q) =>
          q.where('entity_type', 'afm_claim').whereIn('entity_id', subject.claimIds.map(String)),
        )
      }
      if (subject.reportReferences.length) {
        query.orWhere((q) => q.where('entity_type', 'report').whereIn('entity_id', subject.reportReferences))
      }
    })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .select('id', 'actor_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'created_at')
}

/** Reports stay as a public record, but no longer say who wrote them. */
export async function anonymiseReportsOf(trx: Knex, userId: number): Promise<void> {
  await trx('reports').where({ author_id: userId }).update({ author_id: null, show_name: false })
  await trx('report_events').where({ actor_id: userId }).update({ actor_id: null })
}

/** A report being written and not sent is the person's alone: it goes, with its photos. */
export async function forgetDraftsOf(trx: Knex, userId: number): Promise<void> {
  await trx('report_draft_photos').where({ user_id: userId }).delete().returning('id')
  await trx('report_drafts').where({ user_id: userId }).delete().returning('user_id')
  await trx('report_draft_expiries').where({ user_id: userId }).delete().returning('user_id')
}

export async function removeRoles(trx: Knex, userId: number): Promise<void> {
  await trx('user_roles').where({ user_id: userId }).delete().returning('role')
}

/**
 * Empties the account's row instead of deleting it: the append-only audit log refers to it (its
 * foreign key would try to set `actor_id` to NULL, which the log's trigger refuses), and so may
 * other records. The e-mail becomes an address that cannot receive mail and frees the real one.
 */
export async function scrubUser(trx: Knex, userId: number, closedAt: Date): Promise<void> {
  await trx('users')
    .where({ id: userId })
    .update({
      email: `closed-account-${userId}@closed.invalid`,
      password_hash: '!closed',
      full_name: '',
      phone: null,
      email_verified_at: null,
      is_active: false,
      closed_at: closedAt,
      updated_at: closedAt,
    })
}

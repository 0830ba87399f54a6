// What a clerk does to one report: move it on with a message and/or a note, reassign it, assign it
// to a person, link it as a duplicate, moderate it, and file one for a caller. Every change is a
// timeline event with its actor and an audit row; status changes and public messages are e-mailed
// to the author and the followers through the outbox, in the same transaction.
//
// Any clerk may open any report (a caller may ask about any of them at the counter); the queue
// shows a clerk's own department by default.
import type { Knex } from 'knex'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { athensYear, formatDate } from '../../lib/format'
import { NotFoundError } from '../../web/errors'
import type { Language } from '../../web/i18n'
import { recordAudit, type AuditContext } from '../audit/service'
import { queueMail } from '../mail/outbox'
import { followersOf } from './following'
import { districtExists, findActiveCategory, insertReport, nextReference } from './queries'
import { checkedReference, publicReportPath } from './public-service'
import { RESIDENT_TEXT, staffEvents, staffMembers } from './staff-queries'
import type {
  Assign,
  DuplicateInput,
  EventModeration,
  Moderation,
  OnBehalf,
  PhotoModeration,
  Reassign,
  StaffUpdate,
} from './staff-schemas'
import { canMove, nextStatuses, type ReportStatus } from './states'

/** A refusal the form shows beside a field. */
export class StaffActionError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(messageKey)
  }
}

export type StaffReportRow = {
  id: number
  reference: string
  kind: string
  status: ReportStatus
  title: string
  description: string
  address: string
  district: string
  category_id: number
  department_id: number
  author_id: number | null
  is_hidden: boolean
  hidden_reason: string | null
  public_title: string | null
  public_description: string | null
  public_address: string | null
  duplicate_of: number | null
  assignee_id: number | null
  first_response_at: Date | null
  resolved_at: Date | null
  channel: string
  caller_name: string | null
  caller_contact: string | null
  created_at: Date
}

async function lockStaffReport(trx: Knex, reference: string): Promise<StaffReportRow> {
  const report = await trx('reports')
    .where({ reference: checkedReference(reference) })
    .forUpdate()
    .first()
  if (!report) throw new NotFoundError()
  return { ...report, id: Number(report.id) } as StaffReportRow
}

async function addEvent(
  trx: Knex,
  event: {
    reportId: number
    actorId: number
    type: 'status_changed' | 'note' | 'reassigned' | 'assigned' | 'moderated' | 'duplicate_linked'
    from?: ReportStatus | null
    to?: ReportStatus | null
    publicMessage?: string | null
    internalNote?: string | null
    details?: Record<string, unknown>
    at: Date
  },
) {
  await trx('report_events').insert({
    report_id: event.reportId,
    actor_id: event.actorId,
    type: event.type,
    from_status: event.from ?? null,
    to_status: event.to ?? null,
    public_message: event.publicMessage ?? null,
    internal_note: event.internalNote ?? null,
    details: event.details ? JSON.stringify(event.details) : null,
    created_at: event.at,
  })
}

type Recipient = { email: string; name: string; locale: Language; path: string }

/** The author (unless their account is closed) and the followers, each with the page they can open. */
async function recipientsOf(trx: Knex, report: StaffReportRow): Promise<Recipient[]> {
  const recipients: Recipient[] = []
  if (report.author_id !== null) {
    const author = await trx('users')
      .where({ id: report.author_id, is_active: true })
      .whereNull('closed_at')
      .first('email', 'full_name', 'locale')
    if (author) {
      recipients.push({
        email: author.email,
        name: author.full_name,
        locale: author.locale,
        path: `/reports/${report.reference}`,
      })
    }
  }
  for (const follower of await followersOf(trx, report.id)) {
    recipients.push({
      email: follower.email,
      name: follower.fullName,
      locale: follower.locale,
      path: publicReportPath(report.reference),
    })
  }
  return recipients
}

/** The status e-mail: never the internal note, only what the public timeline shows. */
async function mailUpdate(
  trx: Knex,
  report: StaffReportRow,
  update: { status: ReportStatus; message: string | null; changed: boolean },
) {
  for (const recipient of await recipientsOf(trx, report)) {
    await queueMail(trx, {
      to: recipient.email,
      template: 'report-status',
      locale: recipient.locale,
      data: {
        name: recipient.name,
        reference: report.reference,
        title: report.public_title ?? report.title,
        status: update.status,
        changed: update.changed,
        message: update.message,
        path: recipient.path,
      },
    })
  }
}

/**
 * A status change, a public message, an internal note, or any of them together. The first public
 * word from the municipality sets `first_response_at`; resolving sets `resolved_at`.
 */
export async function updateReport(db: Db, audit: AuditContext, reference: string, input: StaffUpdate) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    const status = input.status && input.status !== report.status ? input.status : undefined
    if (input.status && !status && !input.publicMessage && !input.internalNote) {
      throw new StaffActionError('status', 'errors.staffReports.sameStatus')
    }
    if (status && !canMove(report.status, status))
      throw new StaffActionError('status', 'errors.status.notAllowed')
    if (input.status === 'rejected' && !status) {
      throw new StaffActionError('status', 'errors.status.notAllowed')
    }
    const at = now()
    let publicMessage = input.publicMessage ?? null
    if (status === 'rejected' && input.rejectionReason === 'notResponsible' && input.responsibleBody) {
      publicMessage = `${publicMessage}\n\nΑρμόδιος φορέας / Responsible body: ${input.responsibleBody}`
    }
    const changes: Record<string, unknown> = { updated_at: at }
    if (status) changes.status = status
    if (status === 'resolved') changes.resolved_at = at
    else if (status && report.status === 'resolved') changes.resolved_at = null
    const isResponse = Boolean(status || publicMessage)
    if (isResponse && !report.first_response_at) changes.first_response_at = at
    await trx('reports').where({ id: report.id }).update(changes)

    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: status ? 'status_changed' : 'note',
      from: status ? report.status : null,
      to: status ?? null,
      publicMessage,
      internalNote: input.internalNote ?? null,
      details:
        status === 'rejected'
          ? { rejectionReason: input.rejectionReason, responsibleBody: input.responsibleBody ?? null }
          : undefined,
      at,
    })
    await recordAudit(trx, audit, {
      action: status ? 'report.status_changed' : 'report.noted',
      entityType: 'report',
      entityId: report.reference,
      before: { status: report.status },
      after: {
        status: status ?? report.status,
        publicMessage,
        internalNote: Boolean(input.internalNote),
        ...(status === 'rejected'
          ? { rejectionReason: input.rejectionReason, responsibleBody: input.responsibleBody }
          : {}),
      },
    })
    if (isResponse) {
      await mailUpdate(trx, report, {
        status: status ?? report.status,
        message: publicMessage,
        changed: Boolean(status),
      })
    }
  })
}

/** A new category and/or department, with a reason for colleagues; the department follows the category. */
export async function reassignReport(db: Db, audit: AuditContext, reference: string, input: Reassign) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    let categoryId = report.category_id
    let departmentId = report.department_id
    if (input.categoryId !== undefined) {
      const category = await trx('categories').where({ id: input.categoryId }).first('id', 'department_id')
      if (!category) throw new StaffActionError('categoryId', 'errors.staffReports.category')
      categoryId = category.id
      departmentId = category.department_id
    }
    if (input.departmentId !== undefined) {
      const department = await trx('departments').where({ id: input.departmentId }).first('id')
      if (!department) throw new StaffActionError('departmentId', 'errors.staffReports.department')
      departmentId = department.id
    }
    if (categoryId === report.category_id && departmentId === report.department_id) {
      throw new StaffActionError('categoryId', 'errors.staffReports.reassignNothing')
    }
    const at = now()
    // A person of another department is no longer the right one to work on it.
    const keepAssignee = departmentId === report.department_id
    await trx('reports')
      .where({ id: report.id })
      .update({
        category_id: categoryId,
        department_id: departmentId,
        ...(keepAssignee ? {} : { assignee_id: null }),
        updated_at: at,
      })
    const before = { category: report.category_id, department: report.department_id }
    const after = { category: categoryId, department: departmentId }
    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: 'reassigned',
      internalNote: input.reassignReason,
      details: { before, after },
      at,
    })
    await recordAudit(trx, audit, {
      action: 'report.reassigned',
      entityType: 'report',
      entityId: report.reference,
      before: { ...before, assignee: report.assignee_id },
      after: { ...after, assignee: keepAssignee ? report.assignee_id : null, reason: input.reassignReason },
    })
  })
}

/** Assigns the report to a member of staff of its department, to oneself, or to nobody. */
export async function assignReport(db: Db, audit: AuditContext, reference: string, input: Assign) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    let assigneeId: number | null = null
    if (input.assignee === 'me') assigneeId = audit.actorId
    else if (input.assignee !== 'nobody') {
      const staff = await staffMembers(trx, report.department_id)
      if (!staff.some((member) => Number(member.id) === input.assignee)) {
        throw new StaffActionError('assignee', 'errors.staffReports.assignee')
      }
      assigneeId = input.assignee
    }
    if (assigneeId === (report.assignee_id === null ? null : Number(report.assignee_id))) return
    const at = now()
    await trx('reports').where({ id: report.id }).update({ assignee_id: assigneeId, updated_at: at })
    const name =
      assigneeId === null ? null : (await trx('users').where({ id: assigneeId }).first('full_name')).full_name
    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: 'assigned',
      details: { assigneeId, assignee: name },
      at,
    })
    await recordAudit(trx, audit, {
      action: 'report.assigned',
      entityType: 'report',
      entityId: report.reference,
      before: { assignee: report.assignee_id },
      after: { assignee: assigneeId },
    })
  })
}

/** Whether anyone may read the report: not hidden, and in a category whose reports are public. */
async function isPublicReport(trx: Knex, report: { is_hidden: boolean; category_id: number }) {
  if (report.is_hidden) return false
  return Boolean(await trx('categories').where({ id: report.category_id, is_public: true }).first('id'))
}

/** The duplicate's author and followers, but the original's author, who hears of it anyway. */
async function peopleOf(trx: Knex, report: StaffReportRow, originalAuthorId: number): Promise<number[]> {
  const people: number[] = await trx('report_followers').where({ report_id: report.id }).pluck('user_id')
  if (report.author_id !== null) people.push(report.author_id)
  return [...new Set(people.map(Number))].filter((id) => id !== originalAuthorId)
}

/**
 * Marks a report as a duplicate of an original: both link to each other, the duplicate's status
 * becomes `duplicate`, and its author and followers follow the original from now on, if the
 * original is public: following a report nobody may read would make it known to them. A report
 * cannot duplicate itself, a duplicate, or become a duplicate while others point to it.
 */
export async function markDuplicate(db: Db, audit: AuditContext, reference: string, input: DuplicateInput) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    if (input.original === report.reference)
      throw new StaffActionError('original', 'errors.staffReports.selfDuplicate')
    if (report.status === 'duplicate')
      throw new StaffActionError('original', 'errors.staffReports.alreadyDuplicate')
    const original = await trx('reports').where({ reference: input.original }).forUpdate().first()
    if (!original) throw new StaffActionError('original', 'errors.staffReports.originalUnknown')
    if (original.status === 'duplicate' || original.duplicate_of !== null) {
      throw new StaffActionError('original', 'errors.staffReports.originalIsDuplicate')
    }
    const pointing = await trx('reports').where({ duplicate_of: report.id }).first('id')
    if (pointing) throw new StaffActionError('original', 'errors.staffReports.hasDuplicates')

    const at = now()
    const message = input.duplicateMessage ?? null
    await trx('reports')
      .where({ id: report.id })
      .update({
        status: 'duplicate',
        duplicate_of: original.id,
        updated_at: at,
        ...(report.first_response_at ? {} : { first_response_at: at }),
      })
    await trx('reports').where({ id: original.id }).update({ updated_at: at })
    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: 'status_changed',
      from: report.status,
      to: 'duplicate',
      publicMessage: message,
      details: { original: original.reference },
      at,
    })
    await addEvent(trx, {
      reportId: Number(original.id),
      actorId: audit.actorId,
      type: 'duplicate_linked',
      details: { duplicate: report.reference },
      at,
    })
    // Mail about this change goes to the duplicate's people before they move to the original.
    await mailUpdate(trx, report, { status: 'duplicate', message, changed: true })
    const newFollowers = (await isPublicReport(trx, original))
      ? await peopleOf(trx, report, Number(original.author_id))
      : []
    if (newFollowers.length) {
      await trx('report_followers')
        .insert(newFollowers.map((userId) => ({ report_id: original.id, user_id: userId })))
        .onConflict(['report_id', 'user_id'])
        .ignore()
    }
    await recordAudit(trx, audit, {
      action: 'report.marked_duplicate',
      entityType: 'report',
      entityId: report.reference,
      before: { status: report.status, duplicateOf: null },
      after: { status: 'duplicate', duplicateOf: original.reference, followersMoved: newFollowers.length },
    })
  })
}

/** Hides a report or replaces its public title, description or address; the originals are kept for staff. */
export async function moderateReport(db: Db, audit: AuditContext, reference: string, input: Moderation) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    const before = {
      hidden: report.is_hidden,
      publicTitle: report.public_title,
      publicDescription: report.public_description,
      publicAddress: report.public_address,
    }
    const after = {
      hidden: input.hidden,
      publicTitle: input.publicTitle ?? null,
      publicDescription: input.publicDescription ?? null,
      publicAddress: input.publicAddress ?? null,
    }
    if (JSON.stringify(before) === JSON.stringify(after)) {
      throw new StaffActionError('hidden', 'errors.staffReports.moderationNothing')
    }
    const at = now()
    await trx('reports')
      .where({ id: report.id })
      .update({
        is_hidden: input.hidden,
        hidden_reason: input.hidden ? input.moderationReason : null,
        public_title: after.publicTitle,
        public_description: after.publicDescription,
        public_address: after.publicAddress,
        updated_at: at,
      })
    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: 'moderated',
      internalNote: input.moderationReason,
      details: { before, after },
      at,
    })
    await recordAudit(trx, audit, {
      action: 'report.moderated',
      entityType: 'report',
      entityId: report.reference,
      before,
      after: { ...after, reason: input.moderationReason },
    })
  })
}

/** Hides a photo from the public pages, or shows it again; the photo itself is kept. */
export async function moderatePhoto(
  db: Db,
  audit: AuditContext,
  reference: string,
  photoId: number,
  input: PhotoModeration,
) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    const photo = await trx('report_photos')
      .where({ id: photoId, report_id: report.id })
      .first('id', 'is_hidden')
    if (!photo) throw new NotFoundError()
    if (photo.is_hidden === input.hidden)
      throw new StaffActionError('hidden', 'errors.staffReports.moderationNothing')
    const at = now()
    await trx('report_photos')
      .where({ id: photoId })
      .update({ is_hidden: input.hidden, hidden_reason: input.hidden ? input.photoReason : null })
    await trx('reports').where({ id: report.id }).update({ updated_at: at })
    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: 'moderated',
      internalNote: input.photoReason,
      details: { photo: photoId, hidden: input.hidden },
      at,
    })
    await recordAudit(trx, audit, {
      action: 'report.photo_moderated',
      entityType: 'report',
      entityId: report.reference,
      before: { photo: photoId, hidden: photo.is_hidden },
      after: { photo: photoId, hidden: input.hidden, reason: input.photoReason },
    })
  })
}

/**
 * Replaces or hides the text a resident wrote on the public timeline (the reason for reopening),
 * or shows it again as written when the moderated text is left empty. The resident's words are
 * kept in `original_message` for staff; `public_message` is what every public page, feed, the
 * author's page and mail show from now on. Mail about it that has not left yet carries the
 * moderated text too. Any other event, or one of another report, is not found.
 */
export async function moderateEvent(
  db: Db,
  audit: AuditContext,
  reference: string,
  eventId: number,
  input: EventModeration,
) {
  await db.transaction(async (trx) => {
    const report = await lockStaffReport(trx, reference)
    const event = await trx('report_events as e')
      .join('reports as r', 'r.id', 'e.report_id')
      .where({ 'e.id': eventId, 'e.report_id': report.id })
      .whereRaw(RESIDENT_TEXT)
      .forUpdate()
      .first('e.id', 'e.public_message', 'e.original_message')
    if (!event) throw new NotFoundError()
    const original: string = event.original_message ?? event.public_message
    const current: string | null = event.public_message
    const before = { event: eventId, hidden: event.original_message !== null && current === null }
    const shown = input.eventHidden ? null : (input.eventMessage ?? original)
    if (shown === current) {
      throw new StaffActionError('eventHidden', 'errors.staffReports.moderationNothing')
    }
    const restored = shown === original
    const at = now()
    await trx('report_events')
      .where({ id: eventId })
      .update({
        public_message: shown,
        original_message: restored ? null : original,
        moderation_reason: input.eventReason,
      })
    await trx('reports').where({ id: report.id }).update({ updated_at: at })
    // Mail about the reopening still waiting in the outbox says what the timeline now says.
    await trx('outbox')
      .where({ template: 'report-reopened', status: 'pending' })
      .whereRaw("data->>'reference' = ?", [report.reference])
      .whereRaw("data->>'reason' = ?", [current ?? original])
      .update({ data: trx.raw("data || jsonb_build_object('reason', ?::text)", [shown]) })
    await addEvent(trx, {
      reportId: report.id,
      actorId: audit.actorId,
      type: 'moderated',
      internalNote: input.eventReason,
      details: { event: eventId, hidden: input.eventHidden, restored },
      at,
    })
    await recordAudit(trx, audit, {
      action: 'report.event_moderated',
      entityType: 'report',
      entityId: report.reference,
      before: { ...before, publicText: current },
      after: { event: eventId, hidden: input.eventHidden, publicText: shown, reason: input.eventReason },
    })
  })
}

/** A photo of a report for staff, hidden or not. */
export async function staffPhoto(db: Db, reference: string, photoId: string) {
  if (!/^\d{1,15}$/.test(photoId)) throw new NotFoundError()
  const photo = await db('report_photos as p')
    .join('reports as r', 'r.id', 'p.report_id')
    .where({ 'p.id': Number(photoId), 'r.reference': checkedReference(reference) })
    .first('p.content_type', 'p.content')
  if (!photo || !['image/jpeg', 'image/png', 'image/webp'].includes(photo.content_type))
    throw new NotFoundError()
  return { contentType: photo.content_type as string, content: photo.content as Buffer }
}

/**
 * A report filed by a clerk for a caller at the counter or on the phone: it has no author
 * account, the caller's name and contact are kept for staff only, and it enters the queue.
 */
export async function fileOnBehalf(db: Db, audit: AuditContext, input: OnBehalf): Promise<string> {
  return db.transaction(async (trx) => {
    const category = await findActiveCategory(trx, input.categoryId)
    if (!category) throw new StaffActionError('categoryId', 'errors.report.category')
    if (!(await districtExists(trx, input.district)))
      throw new StaffActionError('district', 'errors.report.district')
    const reference = await nextReference(trx, athensYear(now()))
    const at = now()
    const reportId = await insertReport(trx, {
      reference,
      kind: input.kind,
      category_id: category.id,
      department_id: category.department_id,
      author_id: null,
      title: input.title,
      description: input.description,
      address: input.address,
      district: input.district,
      show_name: false,
      submission_key: null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
    })
    await trx('reports')
      .where({ id: reportId })
      .update({
        filed_by_id: audit.actorId,
        channel: input.channel,
        caller_name: input.callerName,
        caller_contact: input.callerContact ?? null,
        created_at: at,
        updated_at: at,
      })
    await trx('report_events').insert({
      report_id: reportId,
      actor_id: audit.actorId,
      type: 'created',
      to_status: 'submitted',
      details: JSON.stringify({ channel: input.channel }),
      created_at: at,
    })
    await recordAudit(trx, audit, {
      action: 'report.filed_on_behalf',
      entityType: 'report',
      entityId: reference,
      after: { channel: input.channel, category: category.id, title: input.title },
    })
    return reference
  })
}

// ---------- the staff page ----------

export type TemplateChoice = { id: number; status: string | null; title: string }

/** What a response template's body may hold, written `{reference}` and so on. */
export const TEMPLATE_PLACEHOLDERS = ['reference', 'title', 'category', 'department', 'date'] as const
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number]

const PLACEHOLDER = new RegExp(`\\{(${TEMPLATE_PLACEHOLDERS.join('|')})\\}`, 'g')

/** A response template with its placeholders filled for this report, in the given language. */
export function fillTemplate(body: string, values: Record<TemplatePlaceholder, string>): string {
  return body.replace(PLACEHOLDER, (_match, key: TemplatePlaceholder) => values[key])
}

/** Everything the staff page of a report shows and offers. */
export async function staffReportPage(db: Db, reference: string, lang: Language, templateId?: number) {
  const report = await db('reports as r')
    .join('categories as c', 'c.id', 'r.category_id')
    .join('departments as d', 'd.id', 'r.department_id')
    .leftJoin('users as a', 'a.id', 'r.assignee_id')
    .leftJoin('users as f', 'f.id', 'r.filed_by_id')
    .leftJoin('reports as o', 'o.id', 'r.duplicate_of')
    .leftJoin('users as au', 'au.id', 'r.author_id')
    .join('districts as di', 'di.code', 'r.district')
    .where('r.reference', checkedReference(reference))
    .first(
      'r.*',
      'c.name_el as category_el',
      'c.name_en as category_en',
      'd.name_el as department_el',
      'd.name_en as department_en',
      'a.full_name as assignee_name',
      'f.full_name as filed_by_name',
      'o.reference as duplicate_of_reference',
      'au.locale as author_locale',
      'au.full_name as author_name',
      'au.email as author_email',
      'au.phone as author_phone',
      'di.name_el as district_el',
      'di.name_en as district_en',
    )
  if (!report) throw new NotFoundError()
  const id = Number(report.id)
  const [events, duplicates, photos, templates, staff, categories, departments] = await Promise.all([
    staffEvents(db, id),
    db('reports').where({ duplicate_of: id }).orderBy('id').pluck('reference'),
    db('report_photos')
      .where({ report_id: id })
      .orderBy(['position', 'id'])
      .select('id', 'width', 'height', 'is_hidden', 'hidden_reason'),
    db('response_templates').where({ is_active: true }).orderBy(['status', 'id']).select('*'),
    staffMembers(db, report.department_id),
    db('categories').orderBy(['sort_order', 'id']).select('id', 'name_el', 'name_en', 'is_active'),
    db('departments').orderBy('name_el').select('id', 'name_el', 'name_en'),
  ])
  const name = (row: { name_el: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_el)
  let prefill: { status: string | null; message: string } | null = null
  const chosen = templateId === undefined ? undefined : templates.find((row) => row.id === templateId)
  if (chosen) {
    // The message goes to the resident: it is written in the author's language, Greek otherwise.
    const messageLang: Language = report.author_locale === 'en' ? 'en' : 'el'
    prefill = {
      status: chosen.status,
      message: fillTemplate(messageLang === 'en' ? chosen.body_en : chosen.body_el, {
        reference: report.reference,
        title: report.public_title ?? report.title,
        category: messageLang === 'en' ? report.category_en : report.category_el,
        department: messageLang === 'en' ? report.department_en : report.department_el,
        date: formatDate(now(), messageLang),
      }),
    }
  }
  return {
    report: {
      ...report,
      id,
      category: name(report),
      department: lang === 'en' ? report.department_en : report.department_el,
    },
    events,
    duplicates: duplicates as string[],
    photos,
    statuses: nextStatuses(report.status),
    templates: templates.map((row) => ({
      id: row.id,
      status: row.status,
      title: lang === 'en' ? row.title_en : row.title_el,
    })) as TemplateChoice[],
    prefill,
    staff: staff.map((member) => ({ value: String(member.id), label: member.full_name })),
    categories: categories.map((row) => ({ value: String(row.id), label: name(row) })),
    departments: departments.map((row) => ({ value: String(row.id), label: name(row) })),
  }
}

import type { Knex } from 'knex'
import type { Db } from '../../db'
import { athensYear } from '../../lib/format'
import { NotFoundError } from '../../web/errors'
import { recordAudit, type AuditContext } from '../audit/service'
import {
  activeCategories,
  allDistricts,
  allReports,
  allStreets,
  authorEvents,
  districtExists,
  findActiveCategory,
  findReportByReference,
  insertEvent,
  insertReport,
  lockReport,
  nextReference,
  referenceBySubmission,
  reportEvents,
  reportsByAuthor,
  setReportStatus,
  type CategoryRow,
  type ReportRow,
} from './queries'
import { worksReports, type Role } from '../accounts/roles'
import { reportPhotoContent, visibleReportPhotos } from './filing-queries'
import { ownReportControls } from './reopen'
import type { NewReport, StatusChange } from './schemas'
import { canMove } from './states'

export const PAGE_SIZE = 20
const REFERENCE = /^MYT-\d{4}-\d{5,}$/

/** A reference that cannot exist (odd characters in a URL, say) is simply not found. */
function checkedReference(reference: string): string {
  if (!REFERENCE.test(reference)) throw new NotFoundError()
  return reference
}

export class ReportInputError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(messageKey)
  }
}

export class StatusChangeError extends Error {}

export type CategoryGroup = { label: string; categories: { id: number; name: string; hint: string | null }[] }

/** Categories in their groups, in the reader's language, for a grouped select. */
export function groupCategories(categories: CategoryRow[], lang: 'el' | 'en'): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>()
  for (const category of categories) {
    const label = lang === 'en' ? category.group_en : category.group_el
    let group = groups.get(label)
    if (!group) {
      group = { label, categories: [] }
      groups.set(label, group)
    }
    group.categories.push({
      id: category.id,
      name: lang === 'en' ? category.name_en : category.name_el,
      hint: lang === 'en' ? category.hint_en : category.hint_el,
    })
  }
  return [...groups.values()]
}

export async function reportFormOptions(db: Db, lang: 'el' | 'en') {
  const [categories, districts, streets] = await Promise.all([
    activeCategories(db),
    allDistricts(db),
    allStreets(db),
  ])
  return {
    categoryGroups: groupCategories(categories, lang),
    districts: districts.map((d) => ({ code: d.code, name: lang === 'en' ? d.name_en : d.name_el })),
    streets: [...new Set(streets.map((s) => (lang === 'en' ? s.name_en : s.name_el)))],
  }
}

/**
 * Files a citizen's report: its department follows from the category; the timeline starts.
 * A form sent twice (a double click, a resend after a timeout) files one report: the second
 * answer is the first report's reference.
 */
export async function fileReport(
  db: Db,
  authorId: number,
  input: NewReport,
  extras: FilingExtras = {},
): Promise<string> {
  const key = input.submissionKey
  if (key) {
    const earlier = await referenceBySubmission(db, authorId, key)
    if (earlier) return earlier
  }
  try {
    return await insertNewReport(db, authorId, input, extras)
  } catch (err) {
    const duplicate = (err as { code?: string }).code === '23505' && key
    const earlier = duplicate ? await referenceBySubmission(db, authorId, key) : undefined
    if (earlier) return earlier
    throw err
  }
}

/** What the step-by-step filing pages add: the pin, answers to the category's questions, photos. */
export type FilingExtras = {
  lat?: number | null
  lng?: number | null
  answers?: Record<string, string>
  /** Runs in the filing transaction once the report exists (moves the draft's photos over). */
  attach?: (trx: Knex.Transaction, reportId: number) => Promise<void>
}

async function insertNewReport(
  db: Db,
  authorId: number,
  input: NewReport,
  extras: FilingExtras,
): Promise<string> {
  return db.transaction(async (trx) => {
    const category = await findActiveCategory(trx, input.categoryId)
    if (!category) throw new ReportInputError('categoryId', 'errors.report.category')
    if (!(await districtExists(trx, input.district))) {
      throw new ReportInputError('district', 'errors.report.district')
    }
    const reference = await nextReference(trx, athensYear())
    const reportId = await insertReport(trx, {
      reference,
      kind: input.kind,
      category_id: category.id,
      department_id: category.department_id,
      author_id: authorId,
      title: input.title,
      description: input.description,
      address: input.address,
      district: input.district,
      show_name: input.showName,
      submission_key: input.submissionKey ?? null,
      lat: extras.lat ?? null,
      lng: extras.lng ?? null,
      answers: JSON.stringify(extras.answers ?? {}),
    })
    if (extras.attach) await extras.attach(trx, reportId)
    await insertEvent(trx, {
      report_id: reportId,
      actor_id: authorId,
      type: 'created',
      to_status: 'submitted',
    })
    return reference
  })
}

function pageOf(page: number) {
  return { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }
}

export async function citizenReports(db: Db, authorId: number, page: number) {
  return reportsByAuthor(db, authorId, pageOf(page))
}

export async function staffReportQueue(db: Db, page: number) {
  return allReports(db, pageOf(page))
}

export type ReportView = { report: ReportRow; events: Awaited<ReturnType<typeof reportEvents>> }

/** A citizen sees only their own report; any other reference is simply not found. */
export async function citizenReport(db: Db, authorId: number, reference: string) {
  const report = await findReportByReference(db, checkedReference(reference))
  if (!report || report.author_id !== authorId) throw new NotFoundError()
  const events = await authorEvents(db, report.id)
  const controls = await ownReportControls(db, report)
  const photos = await visibleReportPhotos(db, report.id)
  return { report, events: events.map((event) => ({ ...event, internal_note: null })), controls, photos }
}

/**
 * A report's photo for its author (unless a moderator hid it) or for staff who work reports (any
 * photo, hidden or in a category that is not public); for anyone else there is no such photo.
 */
export async function reportPhotoFor(
  db: Db,
  viewer: { id: number; roles: readonly Role[] },
  reference: string,
  photoId: string,
) {
  if (!/^\d{1,15}$/.test(photoId)) throw new NotFoundError()
  const photo = await reportPhotoContent(db, checkedReference(reference), Number(photoId))
  if (!photo) throw new NotFoundError()
  const isAuthor = photo.author_id !== null && Number(photo.author_id) === viewer.id
  if (!worksReports(viewer.roles) && !(isAuthor && !photo.is_hidden)) throw new NotFoundError()
  return { contentType: photo.content_type, content: photo.content }
}

export async function staffReport(db: Db, reference: string): Promise<ReportView> {
  const report = await findReportByReference(db, checkedReference(reference))
  if (!report) throw new NotFoundError()
  return { report, events: await reportEvents(db, report.id) }
}

/** A clerk moves a report on, with a message for the citizen and/or a note for colleagues. */
export async function changeReportStatus(
  db: Db,
  audit: AuditContext,
  reference: string,
  change: StatusChange,
): Promise<void> {
  await db.transaction(async (trx) => {
    const report = await lockReport(trx, checkedReference(reference))
    if (!report) throw new NotFoundError()
    if (!canMove(report.status, change.status)) throw new StatusChangeError()
    await setReportStatus(trx, report.id, change.status)
    await insertEvent(trx, {
      report_id: report.id,
      actor_id: audit.actorId,
      type: 'status_changed',
      from_status: report.status,
      to_status: change.status,
      public_message: change.publicMessage ?? null,
      internal_note: change.internalNote ?? null,
    })
    await recordAudit(trx, audit, {
      action: 'report.status_changed',
      entityType: 'report',
      entityId: reference,
      before: { status: report.status },
      after: { status: change.status, publicMessage: change.publicMessage ?? null },
    })
  })
}

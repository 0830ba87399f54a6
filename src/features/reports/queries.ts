import type { Knex } from 'knex'
import type { Db } from '../../db'
import type { ReportKind, ReportStatus } from './states'

export type CategoryRow = {
  id: number
  code: string
  department_id: number
  group_el: string
  group_en: string
  name_el: string
  name_en: string
  hint_el: string | null
  hint_en: string | null
  notice_el: string | null
  notice_en: string | null
  is_active: boolean
}

export type DistrictRow = { code: string; name_el: string; name_en: string }
export type StreetRow = { name_el: string; name_en: string; district_code: string }

export type ReportRow = {
  id: number
  reference: string
  kind: ReportKind
  status: ReportStatus
  title: string
  description: string
  address: string
  district: string
  district_el: string
  district_en: string
  category_id: number
  category_el: string
  category_en: string
  department_el: string
  department_en: string
  author_id: number | null
  author_name: string | null
  author_email: string | null
  author_phone: string | null
  show_name: boolean
  created_at: Date
  updated_at: Date
}

export type ReportEventRow = {
  id: number
  type: 'created' | 'status_changed' | 'note'
  from_status: ReportStatus | null
  to_status: ReportStatus | null
  public_message: string | null
  /** A moderator hid the resident's text. */
  message_hidden: boolean
  internal_note: string | null
  actor_name: string | null
  actor_is_staff: boolean
  created_at: Date
}

export async function activeCategories(db: Db): Promise<CategoryRow[]> {
  return db<CategoryRow>('categories').where({ is_active: true }).orderBy(['sort_order', 'id'])
}

export async function findActiveCategory(db: Knex, id: number): Promise<CategoryRow | undefined> {
  return db<CategoryRow>('categories').where({ id, is_active: true }).first()
}

export async function allDistricts(db: Db): Promise<DistrictRow[]> {
  return db<DistrictRow>('districts').orderBy(['sort_order', 'name_el'])
}

export async function districtExists(db: Knex, code: string): Promise<boolean> {
  return Boolean(await db('districts').where({ code }).first('code'))
}

export async function allStreets(db: Db): Promise<StreetRow[]> {
  return db<StreetRow>('streets').orderBy('name_el').select('name_el', 'name_en', 'district_code')
}

/** Reference numbers run per year without gaps that a rollback could leave in a sequence. */
export async function nextReference(trx: Knex.Transaction, year: number): Promise<string> {
  const result = await trx.raw(
    `INSERT INTO report_counters (year, last_number) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = report_counters.last_number + 1
     RETURNING last_number`,
    [year],
  )
  const number = Number(result.rows[0].last_number)
  return `MYT-${year}-${String(number).padStart(5, '0')}`
}

export type NewReportRow = {
  reference: string
  kind: ReportKind
  category_id: number
  department_id: number
  author_id: number | null
  title: string
  description: string
  address: string
  district: string
  show_name: boolean
  submission_key: string | null
  lat?: number | null
  lng?: number | null
  /** JSON text of the answers to the category's questions. */
  answers?: string
}

export async function referenceBySubmission(
  db: Knex,
  authorId: number,
  key: string,
): Promise<string | undefined> {
  const row = await db('reports').where({ author_id: authorId, submission_key: key }).first('reference')
  return row?.reference as string | undefined
}

export async function insertReport(trx: Knex.Transaction, report: NewReportRow): Promise<number> {
  const [row] = await trx('reports').insert(report).returning('id')
  return Number((row as { id: number }).id)
}

export type NewEventRow = {
  report_id: number
  actor_id: number | null
  type: ReportEventRow['type']
  from_status?: ReportStatus | null
  to_status?: ReportStatus | null
  public_message?: string | null
  internal_note?: string | null
}

export async function insertEvent(trx: Knex, event: NewEventRow): Promise<void> {
  await trx('report_events').insert(event)
}

function reportQuery(db: Knex) {
  return db('reports as r')
    .join('categories as c', 'c.id', 'r.category_id')
    .join('departments as d', 'd.id', 'r.department_id')
    .join('districts as di', 'di.code', 'r.district')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(
      'r.id',
      'r.reference',
      'r.kind',
      'r.status',
      'r.title',
      'r.description',
      'r.address',
      'r.district',
      'di.name_el as district_el',
      'di.name_en as district_en',
      'r.category_id',
      'r.answers',
      'c.name_el as category_el',
      'c.name_en as category_en',
      'd.name_el as department_el',
      'd.name_en as department_en',
      'r.author_id',
      'u.full_name as author_name',
      'u.email as author_email',
      'u.phone as author_phone',
      'r.show_name',
      'r.created_at',
      'r.updated_at',
    )
}

export async function findReportByReference(db: Knex, reference: string): Promise<ReportRow | undefined> {
  return reportQuery(db).where('r.reference', reference).first()
}

export type Page = { limit: number; offset: number }

export async function reportsByAuthor(db: Db, authorId: number, page: Page) {
  const rows: ReportRow[] = await reportQuery(db)
    .where('r.author_id', authorId)
    .orderBy([
      { column: 'r.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await db('reports').where({ author_id: authorId }).count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

export async function reportEvents(db: Db, reportId: number): Promise<ReportEventRow[]> {
  return eventsQuery(db, reportId)
}

/**
 * The timeline its author sees, which is the public one: the creation, status changes and notes
 * with a public message. Assignment, reassignment, moderation and internal notes are staff work.
 */
export async function authorEvents(db: Db, reportId: number): Promise<ReportEventRow[]> {
  return eventsQuery(db, reportId).where((query) =>
    query
      .whereIn('e.type', ['created', 'status_changed'])
      .orWhere((note) => note.where('e.type', 'note').whereNotNull('e.public_message')),
  )
}

function eventsQuery(db: Db, reportId: number) {
  return db('report_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .where('e.report_id', reportId)
    .orderBy([
      { column: 'e.created_at', order: 'asc' },
      { column: 'e.id', order: 'asc' },
    ])
    .select(
      'e.id',
      'e.type',
      'e.from_status',
      'e.to_status',
      'e.public_message',
      db.raw('(e.original_message IS NOT NULL AND e.public_message IS NULL) AS message_hidden'),
      'e.internal_note',
      'u.full_name as actor_name',
      db.raw(
        `EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = e.actor_id AND ur.role <> 'citizen') AS actor_is_staff`,
      ),
      'e.created_at',
    )
}

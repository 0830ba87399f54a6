// SQL behind the public pages, following and reopening. Every public query starts from
// `publicReports`, which leaves out hidden reports and selects only what anyone may see:
// moderated text wins over the original, and the author's name only when they chose to show it.
import type { Knex } from 'knex'
import { OPEN_STATUSES, type ReportKind, type ReportStatus } from './states'

export type PublicFilters = {
  categoryId?: number
  status?: ReportStatus | 'open'
  district?: string
  since?: Date
  /** Words that must all appear in the public text, or a reference. */
  text?: string
}

export type PublicListRow = {
  id: number
  reference: string
  status: ReportStatus
  title: string
  district_el: string
  district_en: string
  category_el: string
  category_en: string
  created_at: Date
  updated_at: Date
}

export type PublicReportRow = PublicListRow & {
  kind: ReportKind
  description: string
  address: string
  department_el: string
  department_en: string
  author_id: number | null
  author_name: string | null
  duplicate_of_reference: string | null
}

export type PublicMapRow = {
  reference: string
  status: ReportStatus
  title: string
  category_el: string
  category_en: string
  lat: number
  lng: number
  created_at: Date
}

export type PublicFeedRow = PublicListRow & { description: string; author_name: string | null }

export type PublicEventRow = {
  id: number
  type: 'created' | 'status_changed' | 'note'
  to_status: ReportStatus | null
  /** What the public sees: a moderated text replaces the resident's, and a hidden one is NULL. */
  public_message: string | null
  /** A moderator hid the text; the public sees that something was removed, never what. */
  message_hidden: boolean
  by_staff: boolean
  by_author: boolean
  created_at: Date
}

export type PublicPhotoRow = { id: number; width: number; height: number }
export type PhotoContentRow = { content_type: string; content: Buffer }

export type Follower = { userId: number; email: string; fullName: string; locale: 'el' | 'en' }

const PUBLIC_TITLE = 'coalesce(r.public_title, r.title)'
const PUBLIC_DESCRIPTION = 'coalesce(r.public_description, r.description)'
const PUBLIC_ADDRESS = 'coalesce(r.public_address, r.address)'
/** The text a public search looks in; the same expression backs the index `reports_public_search`. */
const PUBLIC_SEARCH_TEXT = `fold_text(${PUBLIC_TITLE} || ' ' || ${PUBLIC_DESCRIPTION} || ' ' || ${PUBLIC_ADDRESS})`

/** Reports anyone may see: not hidden by a moderator, and in a category whose reports are public. */
export function publicReports(db: Knex) {
  return db('reports as r').where('r.is_hidden', false).whereIn('r.category_id', publicCategoryIds(db))
}

function publicCategoryIds(db: Knex) {
  return db('categories').where('is_public', true).select('id')
}

function withNames(query: Knex.QueryBuilder) {
  return query
    .join('categories as c', 'c.id', 'r.category_id')
    .join('districts as di', 'di.code', 'r.district')
}

const listColumns = (db: Knex) => [
  'r.id',
  'r.reference',
  'r.status',
  db.raw(`${PUBLIC_TITLE} AS title`),
  'di.name_el as district_el',
  'di.name_en as district_en',
  'c.name_el as category_el',
  'c.name_en as category_en',
  'r.created_at',
  'r.updated_at',
]

const authorNameColumn = (db: Knex) =>
  db.raw(
    'CASE WHEN r.show_name THEN (SELECT u.full_name FROM users u WHERE u.id = r.author_id) END AS author_name',
  )

/** LIKE treats % and _ as wildcards and \ as the escape: typed text must match literally. */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

function applyFilters(query: Knex.QueryBuilder, filters: PublicFilters): Knex.QueryBuilder {
  if (filters.categoryId !== undefined) query.where('r.category_id', filters.categoryId)
  if (filters.status === 'open') query.whereIn('r.status', OPEN_STATUSES)
  else if (filters.status) query.where('r.status', filters.status)
  if (filters.district) query.where('r.district', filters.district)
  if (filters.since) query.where('r.created_at', '>=', filters.since)
  const text = filters.text
  if (text) {
    const words = text.split(/\s+/).filter(Boolean).slice(0, 10)
    query.where((inner) =>
      inner
        .where((everyWord) => {
          for (const word of words) {
            everyWord.whereRaw(`${PUBLIC_SEARCH_TEXT} LIKE '%' || fold_text(?) || '%'`, [likePattern(word)])
          }
        })
        .orWhere('r.reference', text.toUpperCase())
        .orWhere((byNumber) => {
          // A reference's number alone, as people read it out: "53", "00053" or "2026-00053".
          const number = /^(?:MYT-)?(?:(\d{4})-)?(\d{1,9})$/i.exec(text.trim())
          if (!number) return void byNumber.whereRaw('false')
          const digits = number[2]!.replace(/^0+(?=\d)/, '').padStart(5, '0')
          byNumber.where('r.reference', 'like', `MYT-${number[1] ?? '%'}-${digits}`)
        }),
    )
  }
  return query
}

const newestFirst = [
  { column: 'r.created_at', order: 'desc' },
  { column: 'r.id', order: 'desc' },
] as const

export async function findPublicReports(
  db: Knex,
  filters: PublicFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: PublicListRow[]; total: number }> {
  const rows: PublicListRow[] = await applyFilters(withNames(publicReports(db)), filters)
    .select(listColumns(db))
    .orderBy([...newestFirst])
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await applyFilters(publicReports(db), filters).count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

/** Reports with a position, newest first; one more than `limit` tells the caller there are more. */
export async function findPublicMapReports(
  db: Knex,
  filters: PublicFilters,
  limit: number,
): Promise<PublicMapRow[]> {
  return applyFilters(withNames(publicReports(db)), filters)
    .whereNotNull('r.lat')
    .whereNotNull('r.lng')
    .select(
      'r.reference',
      'r.status',
      db.raw(`${PUBLIC_TITLE} AS title`),
      'c.name_el as category_el',
      'c.name_en as category_en',
      'r.lat',
      'r.lng',
      'r.created_at',
    )
    .orderBy([...newestFirst])
    .limit(limit + 1)
}

export async function findPublicFeedReports(
  db: Knex,
  filters: PublicFilters,
  limit: number,
): Promise<PublicFeedRow[]> {
  return applyFilters(withNames(publicReports(db)), filters)
    .select([...listColumns(db), db.raw(`${PUBLIC_DESCRIPTION} AS description`), authorNameColumn(db)])
    .orderBy([...newestFirst])
    .limit(limit)
}

export async function findPublicReport(db: Knex, reference: string): Promise<PublicReportRow | undefined> {
  return withNames(publicReports(db))
    .join('departments as d', 'd.id', 'r.department_id')
    .where('r.reference', reference)
    .first([
      ...listColumns(db),
      'r.kind',
      db.raw(`${PUBLIC_DESCRIPTION} AS description`),
      db.raw(`${PUBLIC_ADDRESS} AS address`),
      'd.name_el as department_el',
      'd.name_en as department_en',
      'r.author_id',
      authorNameColumn(db),
      db.raw(
        `(SELECT o.reference FROM reports o JOIN categories oc ON oc.id = o.category_id
          WHERE o.id = r.duplicate_of AND NOT o.is_hidden AND oc.is_public) AS duplicate_of_reference`,
      ),
    ])
}

/** The id of a report that is public, or undefined for an unknown or hidden one. */
export async function findPublicReportId(
  db: Knex,
  reference: string,
): Promise<{ id: number; author_id: number | null } | undefined> {
  return publicReports(db).where('r.reference', reference).first('r.id', 'r.author_id')
}

/** Reports marked as duplicates of this one that are themselves public. */
export async function publicDuplicatesOf(db: Knex, reportId: number): Promise<string[]> {
  return publicReports(db)
    .where('r.duplicate_of', reportId)
    .orderBy([{ column: 'r.created_at' }, { column: 'r.id' }])
    .pluck('r.reference')
}

/**
 * The public timeline: the creation, status changes and notes that carry a public message.
 * Other event types (added later for staff work) stay off public pages until they are listed here.
 * Staff names and internal notes are never selected.
 */
export async function publicEvents(db: Knex, reportId: number): Promise<PublicEventRow[]> {
  return db('report_events as e')
    .join('reports as r', 'r.id', 'e.report_id')
    .where('e.report_id', reportId)
    .where((query) =>
      query
        .whereIn('e.type', ['created', 'status_changed'])
        .orWhere((note) => note.where('e.type', 'note').whereNotNull('e.public_message')),
    )
    .orderBy([
      { column: 'e.created_at', order: 'asc' },
      { column: 'e.id', order: 'asc' },
    ])
    .select(
      'e.id',
      'e.type',
      'e.to_status',
      'e.public_message',
      db.raw('(e.original_message IS NOT NULL AND e.public_message IS NULL) AS message_hidden'),
      db.raw(
        `EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = e.actor_id AND ur.role <> 'citizen') AS by_staff`,
      ),
      db.raw('coalesce(e.actor_id = r.author_id, false) AS by_author'),
      'e.created_at',
    )
}

export async function publicPhotos(db: Knex, reportId: number): Promise<PublicPhotoRow[]> {
  return db('report_photos')
    .where({ report_id: reportId, is_hidden: false })
    .orderBy(['position', 'id'])
    .select('id', 'width', 'height')
}

export async function publicPhotoContent(
  db: Knex,
  reference: string,
  photoId: number,
): Promise<PhotoContentRow | undefined> {
  return db('report_photos as p')
    .join('reports as r', 'r.id', 'p.report_id')
    .where({ 'p.id': photoId, 'r.reference': reference, 'p.is_hidden': false, 'r.is_hidden': false })
    .whereIn('r.category_id', publicCategoryIds(db))
    .first('p.content_type', 'p.content')
}

export type FilterOptionRows = {
  categories: { id: number; group_el: string; group_en: string; name_el: string; name_en: string }[]
  districts: { code: string; name_el: string; name_en: string }[]
}

/** Every public category, inactive ones too: older reports keep the category they were filed under. */
export async function filterOptions(db: Knex): Promise<FilterOptionRows> {
  const categories = await db('categories')
    .where('is_public', true)
    .orderBy(['sort_order', 'id'])
    .select('id', 'group_el', 'group_en', 'name_el', 'name_en')
  const districts = await db('districts')
    .orderBy(['sort_order', 'name_el'])
    .select('code', 'name_el', 'name_en')
  return { categories, districts }
}

// ---------- following ----------

export async function insertFollower(db: Knex, reportId: number, userId: number): Promise<void> {
  await db('report_followers')
    .insert({ report_id: reportId, user_id: userId })
    .onConflict(['report_id', 'user_id'])
    .ignore()
}

export async function deleteFollower(db: Knex, reportId: number, userId: number): Promise<void> {
  await db('report_followers').where({ report_id: reportId, user_id: userId }).delete().returning('user_id')
}

export async function isFollower(db: Knex, reportId: number, userId: number): Promise<boolean> {
  return Boolean(
    await db('report_followers').where({ report_id: reportId, user_id: userId }).first('user_id'),
  )
}

export async function followerCount(db: Knex, reportId: number): Promise<number> {
  const [row] = await db('report_followers').where({ report_id: reportId }).count({ total: '*' })
  return Number(row?.total ?? 0)
}

export async function followedReports(
  db: Knex,
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: PublicListRow[]; total: number }> {
  const rows: PublicListRow[] = await withNames(publicReports(db))
    .join('report_followers as f', 'f.report_id', 'r.id')
    .where('f.user_id', userId)
    .select(listColumns(db))
    .orderBy([
      { column: 'f.created_at', order: 'desc' },
      { column: 'r.id', order: 'desc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await publicReports(db)
    .join('report_followers as f', 'f.report_id', 'r.id')
    .where('f.user_id', userId)
    .count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

export async function activeFollowers(db: Knex, reportId: number): Promise<Follower[]> {
  const rows: { id: number; email: string; full_name: string; locale: 'el' | 'en' }[] = await db(
    'report_followers as f',
  )
    .join('users as u', 'u.id', 'f.user_id')
    .join('reports as r', 'r.id', 'f.report_id')
    .where({ 'f.report_id': reportId, 'u.is_active': true, 'r.is_hidden': false })
    .whereIn('r.category_id', publicCategoryIds(db))
    .whereRaw('u.id IS DISTINCT FROM r.author_id')
    .orderBy('f.created_at')
    .select('u.id', 'u.email', 'u.full_name', 'u.locale')
  return rows.map((row) => ({
    userId: row.id,
    email: row.email,
    fullName: row.full_name,
    locale: row.locale,
  }))
}

// ---------- reopening ----------

export type ReopenableRow = {
  id: number
  author_id: number | null
  status: ReportStatus
  public_title: string
  resolved_at: Date | null
}

/**
 * The report's state and the moment it was resolved: `resolved_at`, or for reports resolved
 * before that column was kept, the time of the last change to `resolved` on the timeline.
 */
function reopenableQuery(db: Knex) {
  return db('reports as r').select(
    'r.id',
    'r.author_id',
    'r.status',
    db.raw(`${PUBLIC_TITLE} AS public_title`),
    db.raw(
      `coalesce(r.resolved_at, (SELECT max(e.created_at) FROM report_events e
         WHERE e.report_id = r.id AND e.to_status = 'resolved')) AS resolved_at`,
    ),
  )
}

export async function findReopenable(db: Knex, reference: string): Promise<ReopenableRow | undefined> {
  return reopenableQuery(db).where('r.reference', reference).first()
}

export async function findReopenableById(db: Knex, id: number): Promise<ReopenableRow | undefined> {
  return reopenableQuery(db).where('r.id', id).first()
}

export async function lockReopenable(
  trx: Knex.Transaction,
  reference: string,
): Promise<ReopenableRow | undefined> {
  return reopenableQuery(trx).where('r.reference', reference).forUpdate().first()
}

export async function markReopened(
  trx: Knex.Transaction,
  reportId: number,
  status: ReportStatus,
  at: Date,
): Promise<void> {
  await trx('reports').where({ id: reportId }).update({ status, resolved_at: null, updated_at: at })
}

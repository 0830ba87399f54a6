// SQL behind the staff pages of reports: the work queue with its filters and keyset paging,
// the lists a clerk chooses from, and the rows a staff action changes.
import type { Knex } from 'knex'
import type { ReportStatus } from './states'

export const QUEUE_SORTS = ['newest', 'oldest', 'updated', 'status'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]

export type QueueFilters = {
  statuses?: ReportStatus[]
  categoryId?: number
  departmentId?: number
  district?: string
  /** A user id, or null for reports nobody is assigned to. */
  assigneeId?: number | null
  /** Athens calendar days, `YYYY-MM-DD`, both inclusive. */
  from?: string
  to?: string
  text?: string
}

const STATUS_RANK = `(CASE r.status WHEN 'submitted' THEN 1 WHEN 'acknowledged' THEN 2 WHEN 'in_progress' THEN 3
  WHEN 'resolved' THEN 4 WHEN 'rejected' THEN 5 ELSE 6 END)`
/** The text a staff search looks in (the original text); the index `reports_staff_search` backs it. */
const STAFF_SEARCH_TEXT = `fold_text(r.title || ' ' || r.description || ' ' || r.address)`

/**
 * Each sort is a list of key expressions read in one direction; the expressions match the
 * indexes `reports_created`, `reports_updated` and `reports_status_rank`. Keys are carried in
 * the cursor as text, so timestamps keep their microseconds.
 */
const SORT_KEYS: Record<QueueSort, { keys: { expr: string; cast: string }[]; direction: 'asc' | 'desc' }> = {
  newest: {
    keys: [
      { expr: 'r.created_at', cast: 'timestamptz' },
      { expr: 'r.id', cast: 'bigint' },
    ],
    direction: 'desc',
  },
  oldest: {
    keys: [
      { expr: 'r.created_at', cast: 'timestamptz' },
      { expr: 'r.id', cast: 'bigint' },
    ],
    direction: 'asc',
  },
  updated: {
    keys: [
      { expr: 'r.updated_at', cast: 'timestamptz' },
      { expr: 'r.id', cast: 'bigint' },
    ],
    direction: 'desc',
  },
  status: {
    keys: [
      { expr: STATUS_RANK, cast: 'integer' },
      { expr: 'r.created_at', cast: 'timestamptz' },
      { expr: 'r.id', cast: 'bigint' },
    ],
    direction: 'asc',
  },
}

export function sortKeyCount(sort: QueueSort): number {
  return SORT_KEYS[sort].keys.length
}

export type QueueRow = {
  id: number
  reference: string
  status: ReportStatus
  title: string
  address: string
  district_el: string
  district_en: string
  category_el: string
  category_en: string
  department_el: string
  department_en: string
  assignee_name: string | null
  is_hidden: boolean
  channel: string
  created_at: Date
  updated_at: Date
  cursor: string[]
}

/** LIKE treats % and _ as wildcards and \ as the escape: typed text must match literally. */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

export function applyQueueFilters(query: Knex.QueryBuilder, filters: QueueFilters): Knex.QueryBuilder {
  if (filters.statuses?.length) query.whereIn('r.status', filters.statuses)
  if (filters.categoryId !== undefined) query.where('r.category_id', filters.categoryId)
  if (filters.departmentId !== undefined) query.where('r.department_id', filters.departmentId)
  if (filters.district) query.where('r.district', filters.district)
  if (filters.assigneeId === null) query.whereNull('r.assignee_id')
  else if (filters.assigneeId !== undefined) query.where('r.assignee_id', filters.assigneeId)
  if (filters.from) {
    query.whereRaw(`r.created_at >= (?::date)::timestamp AT TIME ZONE 'Europe/Athens'`, [filters.from])
  }
  if (filters.to) {
    query.whereRaw(`r.created_at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/Athens'`, [filters.to])
  }
  const text = filters.text
  if (text) {
    const words = text.split(/\s+/).filter(Boolean).slice(0, 10)
    query.where((inner) =>
      inner
        .where((everyWord) => {
          for (const word of words) {
            everyWord.whereRaw(`${STAFF_SEARCH_TEXT} LIKE '%' || fold_text(?) || '%'`, [likePattern(word)])
          }
        })
        .orWhere('r.reference', text.toUpperCase()),
    )
  }
  return query
}

function queueBase(db: Knex) {
  return db('reports as r')
    .join('categories as c', 'c.id', 'r.category_id')
    .join('departments as d', 'd.id', 'r.department_id')
    .join('districts as di', 'di.code', 'r.district')
    .leftJoin('users as a', 'a.id', 'r.assignee_id')
}

function queueColumns(db: Knex, sort: QueueSort) {
  return [
    'r.id',
    'r.reference',
    'r.status',
    'r.title',
    'r.address',
    'di.name_el as district_el',
    'di.name_en as district_en',
    'c.name_el as category_el',
    'c.name_en as category_en',
    'd.name_el as department_el',
    'd.name_en as department_en',
    'a.full_name as assignee_name',
    'r.is_hidden',
    'r.channel',
    'r.created_at',
    'r.updated_at',
    ...SORT_KEYS[sort].keys.map((key, index) => db.raw(`(${key.expr})::text AS cursor_${index}`)),
  ]
}

export type KeysetPage = { sort: QueueSort; limit: number; after?: string[]; before?: string[] }

/**
 * One page of the queue after (or before) a cursor. One row more than `limit` is fetched to
 * tell whether another page follows in the direction read.
 */
export async function findQueuePage(db: Knex, filters: QueueFilters, page: KeysetPage): Promise<QueueRow[]> {
  const { keys, direction } = SORT_KEYS[page.sort]
  const backwards = page.before !== undefined
  const cursor = page.before ?? page.after
  const readDirection = backwards ? (direction === 'asc' ? 'desc' : 'asc') : direction
  const query = applyQueueFilters(queueBase(db), filters).select(queueColumns(db, page.sort))
  if (cursor) {
    const left = keys.map((key) => key.expr).join(', ')
    const right = keys.map((key) => `?::${key.cast}`).join(', ')
    query.whereRaw(`(${left}) ${readDirection === 'desc' ? '<' : '>'} (${right})`, cursor)
  }
  for (const key of keys) query.orderByRaw(`${key.expr} ${readDirection}`)
  const rows: (Omit<QueueRow, 'cursor'> & Record<string, unknown>)[] = await query.limit(page.limit + 1)
  return rows.map((row) => {
    const cursorValues = keys.map((_key, index) => String(row[`cursor_${index}`]))
    for (let index = 0; index < keys.length; index += 1) delete row[`cursor_${index}`]
    return { ...(row as Omit<QueueRow, 'cursor'>), cursor: cursorValues }
  })
}

export async function countQueue(db: Knex, filters: QueueFilters): Promise<number> {
  const [row] = await applyQueueFilters(db('reports as r'), filters).count({ total: '*' })
  return Number(row?.total ?? 0)
}

export type CsvRow = QueueRow & {
  kind: string
  description: string
  first_response_at: Date | null
  resolved_at: Date | null
}

/** The rows of a CSV export, in the queue's order, at most `limit`. */
export async function findQueueForExport(
  db: Knex,
  filters: QueueFilters,
  sort: QueueSort,
  limit: number,
): Promise<CsvRow[]> {
  const { keys, direction } = SORT_KEYS[sort]
  const query = applyQueueFilters(queueBase(db), filters).select([
    ...queueColumns(db, sort),
    'r.kind',
    'r.description',
    'r.first_response_at',
    'r.resolved_at',
  ])
  for (const key of keys) query.orderByRaw(`${key.expr} ${direction}`)
  return query.limit(limit)
}

export type Option = { id: number; name_el: string; name_en: string }

export async function queueFilterOptions(db: Knex) {
  const [categories, departments, districts, staff] = await Promise.all([
    db('categories').orderBy(['sort_order', 'id']).select('id', 'name_el', 'name_en', 'group_el', 'group_en'),
    db('departments').orderBy('name_el').select('id', 'name_el', 'name_en'),
    db('districts').orderBy(['sort_order', 'name_el']).select('code', 'name_el', 'name_en'),
    staffMembers(db),
  ])
  return { categories, departments, districts, staff }
}

export type StaffMember = { id: number; full_name: string; department_id: number | null }

/** Active clerks and administrators, by name. */
export async function staffMembers(db: Knex, departmentId?: number): Promise<StaffMember[]> {
  const query = db('users as u')
    .where('u.is_active', true)
    .whereExists(db('user_roles as ur').whereRaw('ur.user_id = u.id').whereIn('ur.role', ['clerk', 'admin']))
    .orderByRaw('fold_text(u.full_name), u.id')
    .select('u.id', 'u.full_name', 'u.department_id')
  if (departmentId !== undefined) query.where('u.department_id', departmentId)
  return query
}

export type StaffEventRow = {
  id: number
  type: string
  from_status: ReportStatus | null
  to_status: ReportStatus | null
  public_message: string | null
  /** The resident's text as written, once a moderator replaced or hid it. */
  original_message: string | null
  moderation_reason: string | null
  /** Text the report's author wrote and the public sees: a moderator may replace or hide it. */
  resident_text: boolean
  internal_note: string | null
  details: Record<string, unknown> | null
  actor_name: string | null
  created_at: Date
}

/**
 * Events whose public text the report's author wrote (the reason for reopening a report): on the
 * public timeline, by the author, who is not a member of staff. `e` is the event, `r` its report.
 */
export const RESIDENT_TEXT = `(e.type IN ('created', 'status_changed', 'note')
  AND e.actor_id = r.author_id
  AND NOT EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = e.actor_id AND ur.role <> 'citizen')
  AND (e.public_message IS NOT NULL OR e.original_message IS NOT NULL))`

/** The whole timeline for staff: internal events, notes and who did what. */
export async function staffEvents(db: Knex, reportId: number): Promise<StaffEventRow[]> {
  return db('report_events as e')
    .join('reports as r', 'r.id', 'e.report_id')
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
      'e.original_message',
      'e.moderation_reason',
      db.raw(`coalesce(${RESIDENT_TEXT}, false) AS resident_text`),
      'e.internal_note',
      'e.details',
      'u.full_name as actor_name',
      'e.created_at',
    )
}

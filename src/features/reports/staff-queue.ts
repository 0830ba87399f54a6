// The clerks' work queue: filters read from a bookmarkable query string, keyset paging with
// "next" and "previous" cursors, and the same list as a CSV file that Greek Excel opens.
import { z } from 'zod'
import type { Db } from '../../db'
import { isExistingDay, isFilterDay } from '../../lib/days'
import { formatDateTime } from '../../lib/format'
import { normaliseText } from '../../lib/text'
import { spreadsheetCsv } from '../../web/csv'
import type { Language } from '../../web/i18n'
import { recordAudit, type AuditContext } from '../audit/service'
import {
  countQueue,
  findQueueForExport,
  findQueuePage,
  queueFilterOptions,
  QUEUE_SORTS,
  sortKeyCount,
  type QueueFilters,
  type QueueRow,
  type QueueSort,
} from './staff-queries'
import { REPORT_STATUSES, type ReportStatus } from './states'

export const QUEUE_PAGE_SIZE = 25
export const CSV_LIMIT = 10000
export const QUEUE_PATH = '/staff/reports'

const id = z.coerce.number().int().positive().max(2147483647)

/** Each filter on its own: a value that does not parse is dropped and named, the rest still apply. */
const FIELD_SCHEMAS = {
  status: z.preprocess(
    (value) => (Array.isArray(value) ? value : [value]),
    z.array(z.enum(REPORT_STATUSES)).max(6),
  ),
  category: id,
  department: id,
  district: z.string().regex(/^[a-z0-9_-]{1,60}$/),
  assignee: z.union([z.enum(['me', 'unassigned']), id]),
  from: z.string().refine(isFilterDay),
  to: z.string().refine(isFilterDay),
  q: z.string().transform(normaliseText).pipe(z.string().max(100)),
  sort: z.enum(QUEUE_SORTS),
  scope: z.enum(['all', 'department']),
  after: z.string().max(500),
  before: z.string().max(500),
} as const

type FieldName = keyof typeof FIELD_SCHEMAS
const FILTER_FIELDS = [
  'q',
  'status',
  'category',
  'department',
  'district',
  'assignee',
  'from',
  'to',
  'sort',
] as const

export type QueueQuery = {
  statuses: ReportStatus[]
  category?: number
  department?: number
  district?: string
  assignee?: 'me' | 'unassigned' | number
  from?: string
  to?: string
  q?: string
  sort: QueueSort
  scope: 'all' | 'department'
  after?: string
  before?: string
}

export type QueueViewer = { id: number; departmentId: number | null }

function given(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && item !== '')
  return typeof value === 'string' && value.trim() !== ''
}

/** Reads the queue's query string; what cannot be read is left out and reported by field. */
export function readQueueQuery(query: Record<string, unknown>): { query: QueueQuery; invalid: string[] } {
  const invalid: string[] = []
  const read: Record<string, unknown> = {}
  for (const field of Object.keys(FIELD_SCHEMAS) as FieldName[]) {
    let value = query[field]
    if (field === 'status' && Array.isArray(value)) value = value.filter((item) => item !== '')
    if (!given(value)) continue
    const parsed = FIELD_SCHEMAS[field].safeParse(value)
    if (parsed.success) read[field] = parsed.data
    else invalid.push(field)
  }
  if (read.from && read.to && String(read.from) > String(read.to)) {
    invalid.push('to')
    delete read.to
  }
  return {
    query: {
      statuses: (read.status as ReportStatus[] | undefined) ?? [],
      category: read.category as number | undefined,
      department: read.department as number | undefined,
      district: read.district as string | undefined,
      assignee: read.assignee as QueueQuery['assignee'],
      from: read.from as string | undefined,
      to: read.to as string | undefined,
      q: (read.q as string | undefined) || undefined,
      sort: (read.sort as QueueSort | undefined) ?? 'newest',
      scope: (read.scope as 'all' | 'department' | undefined) ?? 'department',
      after: read.after as string | undefined,
      before: read.before as string | undefined,
    },
    invalid: invalid.filter((field) => (FILTER_FIELDS as readonly string[]).includes(field)),
  }
}

/**
 * The filters as SQL sees them. A clerk sees their own department unless they chose a department
 * or "all departments"; staff without a department see everything.
 */
export function queueFilters(query: QueueQuery, viewer: QueueViewer): QueueFilters {
  let departmentId = query.department
  if (departmentId === undefined && query.scope === 'department' && viewer.departmentId !== null) {
    departmentId = viewer.departmentId
  }
  let assigneeId: number | null | undefined
  if (query.assignee === 'me') assigneeId = viewer.id
  else if (query.assignee === 'unassigned') assigneeId = null
  else assigneeId = query.assignee
  return {
    statuses: query.statuses,
    categoryId: query.category,
    departmentId,
    district: query.district,
    assigneeId,
    from: query.from,
    to: query.to,
    text: query.q,
  }
}

/** A timestamptz as PostgreSQL writes it as text: `2026-12-01 09:30:00.123456+02`. */
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d)?$/

/** Every part in range, the offset too (PostgreSQL refuses more than 15:59), so the cast cannot fail. */
function isTimestampText(value: string): boolean {
  const match = TIMESTAMP.exec(value)
  return Boolean(match && isExistingDay(match[1]!) && match[1]! >= '0001-01-01')
}

/** Cursors travel in the URL as base64url JSON arrays of the sort keys, as text. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

export function decodeCursor(token: string | undefined, sort: QueueSort): string[] | undefined {
  if (!token) return undefined
  try {
    const values: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (!Array.isArray(values) || values.length !== sortKeyCount(sort)) return undefined
    if (!values.every((value) => typeof value === 'string' && value.length <= 64)) return undefined
    const last = values[values.length - 1] as string
    if (!/^\d{1,18}$/.test(last)) return undefined
    if (sort === 'status' && !/^\d$/.test(values[0] as string)) return undefined
    const moments = sort === 'status' ? values.slice(1, 2) : values.slice(0, 1)
    if (!moments.every((value) => isTimestampText(String(value)))) return undefined
    return values as string[]
  } catch {
    return undefined
  }
}

/** The query string of the current filters (no cursor), for links, the CSV and sorting. */
export function queueSearch(query: QueueQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const status of query.statuses) params.append('status', status)
  if (query.category !== undefined) params.set('category', String(query.category))
  if (query.department !== undefined) params.set('department', String(query.department))
  if (query.district) params.set('district', query.district)
  if (query.assignee !== undefined) params.set('assignee', String(query.assignee))
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  if (query.sort !== 'newest') params.set('sort', query.sort)
  if (query.scope === 'all') params.set('scope', 'all')
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  const search = params.toString()
  return search ? `?${search}` : ''
}

export type QueueItem = {
  reference: string
  status: ReportStatus
  title: string
  place: string
  category: string
  department: string
  assignee: string | null
  hidden: boolean
  createdAt: Date
  updatedAt: Date
}

function toQueueItem(row: QueueRow, lang: Language): QueueItem {
  return {
    reference: row.reference,
    status: row.status,
    title: row.title,
    place: `${row.address}, ${lang === 'en' ? row.district_en : row.district_el}`,
    category: lang === 'en' ? row.category_en : row.category_el,
    department: lang === 'en' ? row.department_en : row.department_el,
    assignee: row.assignee_name,
    hidden: row.is_hidden,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** One page of the queue, with links to the pages before and after it. */
export async function workQueue(db: Db, query: QueueQuery, viewer: QueueViewer, lang: Language) {
  const filters = queueFilters(query, viewer)
  const after = decodeCursor(query.after, query.sort)
  const before = after ? undefined : decodeCursor(query.before, query.sort)
  const rows = await findQueuePage(db, filters, { sort: query.sort, limit: QUEUE_PAGE_SIZE, after, before })
  const more = rows.length > QUEUE_PAGE_SIZE
  let shown = rows.slice(0, QUEUE_PAGE_SIZE)
  if (before) shown = shown.reverse()
  const hasNext = before ? true : more
  const hasPrevious = before ? more : Boolean(after)
  const first = shown[0]
  const last = shown[shown.length - 1]
  const total = await countQueue(db, filters)
  return {
    reports: shown.map((row) => toQueueItem(row, lang)),
    total,
    departmentId: filters.departmentId ?? null,
    next: hasNext && last ? `${QUEUE_PATH}${queueSearch(query, { after: encodeCursor(last.cursor) })}` : null,
    previous:
      hasPrevious && first
        ? `${QUEUE_PATH}${queueSearch(query, { before: encodeCursor(first.cursor) })}`
        : null,
  }
}

export async function workQueueOptions(db: Db, lang: Language) {
  const options = await queueFilterOptions(db)
  const name = (row: { name_el: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_el)
  return {
    categories: options.categories.map((row) => ({ value: String(row.id), label: name(row) })),
    departments: options.departments.map((row) => ({ value: String(row.id), label: name(row) })),
    districts: options.districts.map((row) => ({ value: String(row.code), label: name(row) })),
    staff: options.staff.map((row) => ({ value: String(row.id), label: row.full_name })),
    statuses: REPORT_STATUSES,
    sorts: QUEUE_SORTS,
  }
}

/**
 * The filtered queue as a spreadsheet's CSV: at most CSV_LIMIT rows, newest first unless sorted
 * otherwise. Audited.
 */
export async function queueCsv(
  db: Db,
  audit: AuditContext,
  query: QueueQuery,
  viewer: QueueViewer,
  lang: Language,
  t: (key: string) => string,
): Promise<string> {
  const filters = queueFilters(query, viewer)
  const rows = await findQueueForExport(db, filters, query.sort, CSV_LIMIT)
  await recordAudit(db, audit, {
    action: 'report.exported',
    entityType: 'report',
    entityId: 'queue',
    after: { filters: queueSearch(query) || null, rows: rows.length },
  })
  const time = (value: Date | null) => (value ? formatDateTime(value, lang) : '')
  const header = [
    'reference',
    'status',
    'kind',
    'title',
    'description',
    'category',
    'department',
    'address',
    'district',
    'assignee',
    'submitted',
    'updated',
    'firstResponse',
    'resolved',
  ].map((key) => t(`staffReports.csv.${key}`))
  return spreadsheetCsv(
    header,
    rows.map((row) => [
      row.reference,
      t(`status.${row.status}.label`),
      t(`kind.${row.kind}.label`),
      row.title,
      row.description,
      lang === 'en' ? row.category_en : row.category_el,
      lang === 'en' ? row.department_en : row.department_el,
      row.address,
      lang === 'en' ? row.district_en : row.district_el,
      row.assignee_name,
      time(row.created_at),
      time(row.updated_at),
      time(row.first_response_at),
      time(row.resolved_at),
    ]),
  )
}

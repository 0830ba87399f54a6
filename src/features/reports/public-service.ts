// The public view of residents' reports: a filtered list, a page per report, map data and feeds.
// Everything here reads through public-queries.ts, which never selects hidden reports, hidden
// photos, original text that was moderated, internal notes, staff names or contact details.
import { z } from 'zod'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { normaliseText } from '../../lib/text'
import { NotFoundError } from '../../web/errors'
import { blankToUndefined } from '../../web/forms'
import type { Language } from '../../web/i18n'
import {
  filterOptions,
  findPublicFeedReports,
  findPublicMapReports,
  findPublicReport,
  findPublicReports,
  followerCount,
  isFollower,
  publicDuplicatesOf,
  publicEvents,
  publicPhotoContent,
  publicPhotos,
  type PublicEventRow,
  type PublicFilters,
  type PublicListRow,
} from './public-queries'
import { REPORT_STATUSES } from './states'

export const PUBLIC_PAGE_SIZE = 20
export const MAP_LIMIT = 500
export const FEED_LIMIT = 50
export const PUBLIC_LIST_PATH = '/public/reports'

const REFERENCE = /^MYT-\d{4}-\d{5,}$/
const PERIOD_DAYS = { week: 7, month: 30, quarter: 90, year: 365 } as const
export const PERIODS = Object.keys(PERIOD_DAYS) as (keyof typeof PERIOD_DAYS)[]
export const STATUS_FILTERS = ['open', ...REPORT_STATUSES] as const
const DAY = 24 * 60 * 60 * 1000

/** A reference that cannot exist (odd characters in a URL, say) is simply not found. */
export function checkedReference(reference: string): string {
  if (!REFERENCE.test(reference)) throw new NotFoundError()
  return reference
}

export function publicReportPath(reference: string): string {
  return `${PUBLIC_LIST_PATH}/${reference}`
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional())

/** The filters of the public list, map and feeds, as typed in the query string. */
const filtersSchema = z.object({
  q: optional(
    z
      .string({ error: 'publicReports.errors.search' })
      .transform(normaliseText)
      .pipe(z.string().max(100, 'publicReports.errors.search')),
  ),
  category: optional(
    z.coerce
      .number({ error: 'publicReports.errors.category' })
      .int('publicReports.errors.category')
      .positive('publicReports.errors.category')
      .max(2147483647, 'publicReports.errors.category'),
  ),
  status: optional(z.enum(STATUS_FILTERS, { error: 'publicReports.errors.status' })),
  district: optional(
    z.string({ error: 'publicReports.errors.district' }).max(60, 'publicReports.errors.district'),
  ),
  period: optional(z.enum(PERIODS, { error: 'publicReports.errors.period' })),
})

export type FilterError = { field: string; text: string }
export type FilterValues = Record<string, string>

export type ReadFilters =
  | { ok: true; filters: PublicFilters; values: FilterValues; query: string }
  | { ok: false; errors: FilterError[]; values: FilterValues; query: string }

const FILTER_FIELDS = ['q', 'category', 'status', 'district', 'period'] as const

function filterValues(query: Record<string, unknown>): FilterValues {
  const values: FilterValues = {}
  for (const field of FILTER_FIELDS) {
    const value = query[field]
    if (typeof value === 'string' && value !== '') values[field] = value
  }
  return values
}

/** The query string that repeats the current filters, for the map data and the feeds. */
function filterQuery(values: FilterValues): string {
  const search = new URLSearchParams(values).toString()
  return search ? `?${search}` : ''
}

/**
 * Reads the filters from a query string. A category or district that does not exist is refused
 * with the same message as a malformed one, so a bookmark that has gone stale says so.
 */
export async function readPublicFilters(
  db: Db,
  query: Record<string, unknown>,
  t: (key: string) => string,
): Promise<ReadFilters> {
  const values = filterValues(query)
  const parsed = filtersSchema.safeParse(query)
  const errors: FilterError[] = []
  if (!parsed.success) {
    const seen = new Set<string>()
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'q')
      if (seen.has(field)) continue
      seen.add(field)
      const key = issue.message.startsWith('publicReports.errors.')
        ? issue.message
        : 'publicReports.errors.invalid'
      errors.push({ field, text: t(key) })
    }
  }
  const options = await filterOptions(db)
  const category = filtersSchema.shape.category.safeParse(query.category)
  if (category.data !== undefined && !options.categories.some((c) => c.id === category.data)) {
    errors.push({ field: 'category', text: t('publicReports.errors.category') })
  }
  const district = filtersSchema.shape.district.safeParse(query.district)
  if (district.data !== undefined && !options.districts.some((d) => d.code === district.data)) {
    errors.push({ field: 'district', text: t('publicReports.errors.district') })
  }
  if (!parsed.success || errors.length) {
    const inFormOrder = FILTER_FIELDS.flatMap((field) => errors.filter((error) => error.field === field))
    return { ok: false, errors: inFormOrder, values, query: filterQuery(values) }
  }
  const data = parsed.data
  const filters: PublicFilters = {
    categoryId: data.category,
    status: data.status,
    district: data.district,
    since: data.period ? new Date(now().getTime() - PERIOD_DAYS[data.period] * DAY) : undefined,
    text: data.q || undefined,
  }
  return { ok: true, filters, values, query: filterQuery(values) }
}

/** Categories in their groups and districts, in the reader's language, for the filter form. */
export async function publicFilterOptions(db: Db, lang: Language) {
  const { categories, districts } = await filterOptions(db)
  const groups = new Map<string, { label: string; categories: { id: number; name: string }[] }>()
  for (const category of categories) {
    const label = lang === 'en' ? category.group_en : category.group_el
    let group = groups.get(label)
    if (!group) {
      group = { label, categories: [] }
      groups.set(label, group)
    }
    group.categories.push({ id: category.id, name: lang === 'en' ? category.name_en : category.name_el })
  }
  return {
    categoryGroups: [...groups.values()],
    districts: districts.map((d) => ({ code: d.code, name: lang === 'en' ? d.name_en : d.name_el })),
    statuses: STATUS_FILTERS,
    periods: PERIODS,
  }
}

export type PublicListItem = {
  reference: string
  path: string
  status: PublicListRow['status']
  title: string
  category: string
  district: string
  createdAt: Date
  updatedAt: Date
}

export function toListItem(row: PublicListRow, lang: Language): PublicListItem {
  return {
    reference: row.reference,
    path: publicReportPath(row.reference),
    status: row.status,
    title: row.title,
    category: lang === 'en' ? row.category_en : row.category_el,
    district: lang === 'en' ? row.district_en : row.district_el,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function pageOf(page: number) {
  return { limit: PUBLIC_PAGE_SIZE, offset: (page - 1) * PUBLIC_PAGE_SIZE }
}

export async function publicReportList(db: Db, filters: PublicFilters, page: number, lang: Language) {
  const { rows, total } = await findPublicReports(db, filters, pageOf(page))
  return { reports: rows.map((row) => toListItem(row, lang)), total }
}

export type MapData = {
  type: 'FeatureCollection'
  truncated: boolean
  features: {
    type: 'Feature'
    geometry: { type: 'Point'; coordinates: [number, number] }
    properties: {
      reference: string
      title: string
      status: string
      statusLabel: string
      category: string
      url: string
      submitted: string
    }
  }[]
}

/** GeoJSON for the map: the newest MAP_LIMIT public reports with a position, public fields only. */
export async function publicMapData(
  db: Db,
  filters: PublicFilters,
  lang: Language,
  t: (key: string) => string,
): Promise<MapData> {
  const rows = await findPublicMapReports(db, filters, MAP_LIMIT)
  const shown = rows.slice(0, MAP_LIMIT)
  return {
    type: 'FeatureCollection',
    truncated: rows.length > MAP_LIMIT,
    features: shown.map((row) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] },
      properties: {
        reference: row.reference,
        title: row.title,
        status: row.status,
        statusLabel: t(`status.${row.status}.label`),
        category: lang === 'en' ? row.category_en : row.category_el,
        url: publicReportPath(row.reference),
        submitted: new Date(row.created_at).toISOString(),
      },
    })),
  }
}

export type FeedEntry = PublicListItem & { description: string; authorName: string | null }

export async function publicFeedEntries(
  db: Db,
  filters: PublicFilters,
  lang: Language,
): Promise<FeedEntry[]> {
  const rows = await findPublicFeedReports(db, filters, FEED_LIMIT)
  return rows.map((row) => ({
    ...toListItem(row, lang),
    description: row.description,
    authorName: row.author_name,
  }))
}

export type TimelineEntry = {
  id: number
  kind: 'created' | 'status' | 'reopened' | 'message'
  status: string | null
  message: string | null
  /** The text was removed by a moderator. */
  messageHidden: boolean
  by: 'municipality' | 'author' | null
  at: Date
}

export type PublicReportView = Awaited<ReturnType<typeof publicReportView>>

/** What the public sees of an event: the municipality acts, or the author who reopened the report. */
function toTimelineEntry(event: PublicEventRow): TimelineEntry {
  const byAuthor = event.by_author && !event.by_staff && event.type !== 'created'
  let kind: TimelineEntry['kind'] = 'status'
  if (event.type === 'created') kind = 'created'
  else if (event.type === 'note') kind = 'message'
  else if (byAuthor) kind = 'reopened'
  return {
    id: event.id,
    kind,
    status: event.to_status,
    message: event.public_message,
    messageHidden: Boolean(event.message_hidden),
    by: event.by_staff ? 'municipality' : byAuthor ? 'author' : null,
    at: event.created_at,
  }
}

/** Everything the public page of a report shows; a hidden or unknown report is not found. */
export async function publicReportView(db: Db, reference: string, lang: Language, viewerId: number | null) {
  const row = await findPublicReport(db, checkedReference(reference))
  if (!row) throw new NotFoundError()
  const events = await publicEvents(db, row.id)
  const photos = await publicPhotos(db, row.id)
  const duplicates = await publicDuplicatesOf(db, row.id)
  const followers = await followerCount(db, row.id)
  const follows = viewerId !== null && (await isFollower(db, row.id, viewerId))

  return {
    report: {
      ...toListItem(row, lang),
      kind: row.kind,
      description: row.description,
      address: row.address,
      department: lang === 'en' ? row.department_en : row.department_el,
      authorName: row.author_name,
      duplicateOf: row.duplicate_of_reference,
    },
    photos: photos.map((photo) => ({
      ...photo,
      url: `${publicReportPath(row.reference)}/photos/${photo.id}`,
    })),
    timeline: events.map(toTimelineEntry),
    duplicates,
    followers,
    viewer: {
      signedIn: viewerId !== null,
      isAuthor: viewerId !== null && row.author_id === viewerId,
      follows,
    },
  }
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp'])

/** A photo of a public report that is not hidden, in a format browsers show as an image. */
export async function publicPhoto(db: Db, reference: string, photoId: string) {
  const id = Number(photoId)
  if (!/^\d{1,15}$/.test(photoId) || !Number.isSafeInteger(id)) throw new NotFoundError()
  const photo = await publicPhotoContent(db, checkedReference(reference), id)
  if (!photo || !PHOTO_TYPES.has(photo.content_type)) throw new NotFoundError()
  return { contentType: photo.content_type, content: photo.content }
}

export type FeedMeta = {
  baseUrl: string
  lang: Language
  title: string
  description: string
  /** The filters as a query string (`?status=open`), so a feed of one district stays that. */
  query: string
  statusLabel: (status: string) => string
  updated: Date
}

/** JSON Feed 1.1 (jsonfeed.org) of the newest public reports. */
export function jsonFeed(entries: FeedEntry[], meta: FeedMeta) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    language: meta.lang,
    home_page_url: `${meta.baseUrl}${PUBLIC_LIST_PATH}${meta.query}`,
    feed_url: `${meta.baseUrl}${PUBLIC_LIST_PATH}/feed.json${meta.query}`,
    items: entries.map((entry) => ({
      id: `${meta.baseUrl}${entry.path}`,
      url: `${meta.baseUrl}${entry.path}`,
      title: `${entry.reference}: ${entry.title}`,
      content_text: entry.description,
      date_published: new Date(entry.createdAt).toISOString(),
      date_modified: new Date(entry.updatedAt).toISOString(),
      tags: [entry.category, entry.district, meta.statusLabel(entry.status)],
      ...(entry.authorName ? { authors: [{ name: entry.authorName }] } : {}),
    })),
  }
}

/** Text for XML: escaped, and without the control characters XML 1.0 cannot carry. */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  )
}

/** The same reports as an Atom feed (RFC 4287). */
export function atomFeed(entries: FeedEntry[], meta: FeedMeta, municipality: string): string {
  const self = `${meta.baseUrl}${PUBLIC_LIST_PATH}/feed.atom${meta.query}`
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${meta.lang}">`,
    `  <id>${xml(self)}</id>`,
    `  <title>${xml(meta.title)}</title>`,
    `  <subtitle>${xml(meta.description)}</subtitle>`,
    `  <updated>${meta.updated.toISOString()}</updated>`,
    `  <author><name>${xml(municipality)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${meta.baseUrl}${PUBLIC_LIST_PATH}${meta.query}`)}"/>`,
  ]
  for (const entry of entries) {
    const url = `${meta.baseUrl}${entry.path}`
    lines.push(
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(`${entry.reference}: ${entry.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${new Date(entry.createdAt).toISOString()}</published>`,
      `    <updated>${new Date(entry.updatedAt).toISOString()}</updated>`,
      ...(entry.authorName ? [`    <author><name>${xml(entry.authorName)}</name></author>`] : []),
      `    <category term="${xml(entry.category)}"/>`,
      `    <category term="${xml(meta.statusLabel(entry.status))}"/>`,
      `    <summary type="text">${xml(entry.description)}</summary>`,
      '  </entry>',
    )
  }
  lines.push('</feed>', '')
  return lines.join('\n')
}

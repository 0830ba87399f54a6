import type { Db } from '../../db'
import { NotFoundError } from '../../web/errors'
import {
  activeCategories,
  allDistricts,
  allStreets,
  authorEvents,
  findReportByReference,
  reportsByAuthor,
  type CategoryRow,
} from './queries'
import { worksReports, type Role } from '../accounts/roles'
import { reportPhotoContent, visibleReportPhotos } from './filing-queries'
import { ownReportControls } from './reopen'

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

export async function citizenReports(db: Db, authorId: number, page: number) {
  return reportsByAuthor(db, authorId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
}

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

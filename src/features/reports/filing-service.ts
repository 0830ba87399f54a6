// The rules of filing a report step by step: the draft kept on the server between the steps, which
// step comes next, the check-your-answers page with possible duplicates nearby, and sending.
import type { Knex } from 'knex'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { athensYear } from '../../lib/format'
import type { Language } from '../../web/i18n'
import { NotFoundError } from '../../web/errors'
import {
  deleteDraft,
  deleteDraftExpiriesBefore,
  deleteDraftPhoto,
  deleteDraftsChangedBefore,
  draftPhotoContent,
  draftPhotos,
  findDraft,
  findFilingCategory,
  findResident,
  insertDraftPhoto,
  moveDraftPhotos,
  nearbyOpenReports,
  saveDraftData,
  streetPosition,
  takeDraftExpiry,
  type DraftPhotoRow,
  type FilingCategoryRow,
  type Question,
} from './filing-queries'
import { queueMail } from '../mail/outbox'
import { followReport, type FollowOutcome } from './following'
import { answerLines } from './answers'
import { MAX_PHOTOS, PhotoError, preparePhoto } from './photos'
import {
  activeCategories,
  allDistricts,
  districtExists,
  findActiveCategory,
  insertEvent,
  insertReport,
  nextReference,
  referenceBySubmission,
} from './queries'
import { citizenReport, groupCategories, ReportInputError, reportFormOptions } from './service'
import type { ReportKind } from './states'

// How a category's questions are stored, for the administration pages that edit them.
export {
  categoryQuestionListSchema,
  MAX_QUESTION_OPTIONS,
  QUESTION_CODE,
  QUESTION_TYPES,
  type Question,
} from './filing-schemas'

export const FILING_PATH = '/reports/new'

export const STEPS = ['kind', 'category', 'questions', 'details', 'location', 'photos', 'name'] as const
export type Step = (typeof STEPS)[number]

export const stepPath = (step: Step | 'check') => `${FILING_PATH}/${step}`

export type DraftData = {
  kind?: ReportKind
  categoryId?: number
  answers?: Record<string, string>
  title?: string
  description?: string
  address?: string
  district?: string
  lat?: number | null
  lng?: number | null
  photosDone?: boolean
  showName?: boolean
}

export type Draft = {
  submissionKey: string | null
  data: DraftData
  category: FilingCategoryRow | undefined
  photos: DraftPhotoRow[]
}

const DAY = 24 * 60 * 60 * 1000
/** A draft nobody has changed for this long is deleted with its photos. */
const DRAFT_LIFETIME_MS = 7 * DAY
/** How long the owner of a deleted draft is still told why it is gone. */
const EXPIRY_NOTICE_MS = 30 * DAY
const EXPIRY_BATCH = 200

export class DraftIncompleteError extends Error {
  constructor(readonly step: Step) {
    super(step)
  }
}

export async function loadDraft(db: Db, userId: number): Promise<Draft> {
  const row = await findDraft(db, userId)
  const data = (row?.data ?? {}) as DraftData
  const category = data.categoryId ? await findFilingCategory(db, data.categoryId) : undefined
  const photos = row ? await draftPhotos(db, userId) : []
  return { submissionKey: row?.submission_key ?? null, data, category, photos }
}

function stepDone(step: Step, draft: Draft): boolean {
  const { data, category } = draft
  switch (step) {
    case 'kind':
      return Boolean(data.kind)
    case 'category':
      return Boolean(category)
    case 'questions':
      // Answered once, and every question now required has its answer (an administrator may add one).
      return (
        !category ||
        category.questions.length === 0 ||
        (data.answers !== undefined &&
          category.questions.every((question) => !question.required || answerOf(data.answers, question.key)))
      )
    case 'details':
      return Boolean(data.title && data.description)
    case 'location':
      return Boolean(data.address && data.district)
    case 'photos':
      return Boolean(data.photosDone)
    case 'name':
      return data.showName !== undefined
  }
}

/** The answer stored under a question's key: only the draft's own strings count, never inherited names. */
function answerOf(answers: Record<string, unknown> | undefined, key: string): string | undefined {
  if (!answers || !Object.hasOwn(answers, key)) return undefined
  const value = answers[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The first step still to answer, or null when the draft is ready to check. */
export function firstOpenStep(draft: Draft): Step | null {
  return STEPS.find((step) => !stepDone(step, draft)) ?? null
}

/** Where to go after answering a step: the next open step, or back to the check page. */
export function afterStep(draft: Draft): string {
  const open = firstOpenStep(draft)
  return open ? stepPath(open) : stepPath('check')
}

/** The step before this one, for the back link (the questions step only when there are questions). */
export function previousStep(step: Step | 'check', draft: Draft): string {
  const index = step === 'check' ? STEPS.length : STEPS.indexOf(step)
  for (let i = index - 1; i >= 0; i -= 1) {
    const candidate = STEPS[i]!
    if (candidate === 'questions' && !draft.category?.questions.length) continue
    return stepPath(candidate)
  }
  return '/reports'
}

/** Saves answers and returns the draft as it now is. A new category clears the old one's answers. */
export async function saveAnswers(db: Db, userId: number, patch: DraftData): Promise<Draft> {
  const current = await loadDraft(db, userId)
  const data = { ...current.data, ...patch }
  if (patch.categoryId !== undefined && patch.categoryId !== current.data.categoryId) delete data.answers
  await saveDraftData(db, userId, data)
  return loadDraft(db, userId)
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ς/g, 'σ')

/** The categories in their groups, with each one's notice; narrowed by a search when given. */
export async function categoryChoices(db: Db, lang: Language, search: string) {
  const all = await activeCategories(db)
  const words = fold(search).split(/\s+/).filter(Boolean)
  const matching = all.filter((category) => {
    const text = fold(
      [
        category.name_el,
        category.name_en,
        category.group_el,
        category.group_en,
        category.hint_el,
        category.hint_en,
      ]
        .filter(Boolean)
        .join(' '),
    )
    return words.every((word) => text.includes(word))
  })
  const notices = new Map(all.map((c) => [c.id, lang === 'en' ? c.notice_en : c.notice_el]))
  return groupCategories(matching, lang).map((group) => ({
    ...group,
    categories: group.categories.map((category) => ({
      ...category,
      notice: notices.get(category.id) ?? null,
    })),
  }))
}

export async function chooseCategory(db: Db, userId: number, categoryId: number): Promise<Draft> {
  if (!(await findFilingCategory(db, categoryId)))
    throw new ReportInputError('categoryId', 'errors.report.category')
  return saveAnswers(db, userId, { categoryId })
}

export type QuestionView = {
  name: string
  label: string
  type: Question['type']
  required: boolean
  options: { value: string; label: string }[]
}

export function questionViews(
  category: FilingCategoryRow | undefined,
  lang: Language,
  t: (key: string) => string,
) {
  return (category?.questions ?? []).map((question): QuestionView => ({
    name: `q_${question.key}`,
    label: lang === 'en' ? question.label_en : question.label_el,
    type: question.type,
    required: question.required,
    options:
      question.type === 'yesno'
        ? [
            { value: 'yes', label: t('filing.yes') },
            { value: 'no', label: t('filing.no') },
          ]
        : (question.options ?? []).map((o) => ({
            value: o.value,
            label: lang === 'en' ? o.label_en : o.label_el,
          })),
  }))
}

/** Form values `q_<key>` → answers by key, leaving out those not given. */
export function answersFrom(values: Record<string, unknown>, questions: Question[]): Record<string, string> {
  const answers: Record<string, string> = {}
  for (const question of questions) {
    const value = values[`q_${question.key}`]
    if (typeof value === 'string' && value !== '') answers[question.key] = value
  }
  return answers
}

export async function saveLocation(
  db: Db,
  userId: number,
  location: { address: string; district: string; lat?: number; lng?: number },
): Promise<Draft> {
  if (!(await districtExists(db, location.district)))
    throw new ReportInputError('district', 'errors.report.district')
  return saveAnswers(db, userId, {
    address: location.address,
    district: location.district,
    lat: location.lat ?? null,
    lng: location.lng ?? null,
  })
}

export async function locationOptions(db: Db, lang: Language) {
  const { districts, streets } = await reportFormOptions(db, lang)
  return { districts, streets }
}

/** Checks, turns upright, strips and stores one photo in the draft. */
export async function addDraftPhoto(db: Db, userId: number, bytes: Buffer | undefined): Promise<void> {
  const draft = await loadDraft(db, userId)
  if (draft.photos.length >= MAX_PHOTOS) throw new PhotoError('tooMany')
  if (!bytes) throw new PhotoError('missing')
  const photo = await preparePhoto(bytes)
  if (!draft.submissionKey) await saveDraftData(db, userId, draft.data)
  const added = await insertDraftPhoto(db, userId, MAX_PHOTOS, {
    content_type: photo.contentType,
    content: photo.content,
    width: photo.width,
    height: photo.height,
  })
  if (!added) throw new PhotoError('tooMany')
}

export async function removeDraftPhoto(db: Db, userId: number, photoId: number): Promise<void> {
  await deleteDraftPhoto(db, userId, photoId)
}

export async function draftPhoto(db: Db, userId: number, photoId: string) {
  const id = Number(photoId)
  if (!/^\d{1,15}$/.test(photoId)) throw new NotFoundError()
  const photo = await draftPhotoContent(db, userId, id)
  if (!photo) throw new NotFoundError()
  return photo
}

/** The position to look for duplicates around: the pin, or else the typed street's position. */
async function searchPosition(db: Db, data: DraftData) {
  if (typeof data.lat === 'number' && typeof data.lng === 'number') return { lat: data.lat, lng: data.lng }
  if (!data.district || !data.address) return undefined
  return streetPosition(db, data.district, data.address)
}

/**
 * Open reports of the same category near the draft's position, to follow instead of filing anew.
 * Reports in categories that are never public (about a person) are never offered.
 */
export async function possibleDuplicates(db: Db, draft: Draft) {
  const category = draft.category
  if (!category || !category.is_public) return []
  const position = await searchPosition(db, draft.data)
  if (!position) return []
  return nearbyOpenReports(db, {
    categoryId: category.id,
    lat: position.lat,
    lng: position.lng,
    radius: category.duplicate_radius_m,
  })
}

/** Everything the check-your-answers page shows; throws the first open step if there is one. */
export async function checkView(db: Db, userId: number, lang: Language, t: (key: string) => string) {
  const draft = await loadDraft(db, userId)
  const open = firstOpenStep(draft)
  if (open) throw new DraftIncompleteError(open)
  const data = draft.data
  const category = draft.category!
  const districts = await allDistricts(db)
  const district = districts.find((d) => d.code === data.district)
  const answers = answerLines(category.questions, data.answers ?? {}, lang, t, { unanswered: true })
  return {
    draft,
    submissionKey: draft.submissionKey!,
    category: lang === 'en' ? category.name_en : category.name_el,
    district: district ? (lang === 'en' ? district.name_en : district.name_el) : data.district,
    answers,
    duplicates: await possibleDuplicates(db, draft),
  }
}

/**
 * Files the draft. Sending the same final form twice files one report: the draft's one-time key
 * is the report's submission key, and once the draft is gone the key finds the report it became.
 * Two sendings at the same moment meet at the database's unique key; the second is given the
 * first one's report.
 */
export async function sendDraft(db: Db, userId: number, submissionKey: string): Promise<string> {
  const draft = await loadDraft(db, userId)
  if (draft.submissionKey !== submissionKey) {
    const earlier = await referenceBySubmission(db, userId, submissionKey)
    if (earlier) return earlier
    throw new DraftIncompleteError(firstOpenStep(draft) ?? 'kind')
  }
  const open = firstOpenStep(draft)
  if (open) throw new DraftIncompleteError(open)
  try {
    return await db.transaction((trx) => fileDraft(trx, userId, draft.data, submissionKey))
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err
    const earlier = await referenceBySubmission(db, userId, submissionKey)
    if (!earlier) throw err
    return earlier
  }
}

/**
 * The report made of a complete draft: its department follows from the category, the timeline
 * starts, and the resident is sent its reference and a link to it, all or nothing.
 */
async function fileDraft(trx: Knex.Transaction, userId: number, data: DraftData, submissionKey: string) {
  const category = await findActiveCategory(trx, data.categoryId!)
  if (!category) throw new ReportInputError('categoryId', 'errors.report.category')
  if (!(await districtExists(trx, data.district!)))
    throw new ReportInputError('district', 'errors.report.district')
  const reference = await nextReference(trx, athensYear(now()))
  const reportId = await insertReport(trx, {
    reference,
    kind: data.kind!,
    category_id: category.id,
    department_id: category.department_id,
    author_id: userId,
    title: data.title!,
    description: data.description!,
    address: data.address!,
    district: data.district!,
    show_name: data.showName!,
    submission_key: submissionKey,
    lat: data.lat ?? null,
    lng: data.lng ?? null,
    answers: JSON.stringify(data.answers ?? {}),
  })
  await moveDraftPhotos(trx, userId, reportId)
  await deleteDraft(trx, userId)
  await insertEvent(trx, { report_id: reportId, actor_id: userId, type: 'created', to_status: 'submitted' })
  const resident = await findResident(trx, userId)
  if (resident) {
    const locale = resident.locale === 'en' ? 'en' : 'el'
    await queueMail(trx, {
      to: resident.email,
      template: 'report-filed',
      locale,
      data: {
        name: resident.full_name,
        reference,
        title: data.title,
        category: locale === 'en' ? category.name_en : category.name_el,
        path: `/reports/${reference}`,
      },
    })
  }
  return reference
}

/** Follows an open report nearby instead of filing: the draft is then thrown away. */
export async function followInstead(db: Db, userId: number, reference: string): Promise<FollowOutcome> {
  const outcome = await followReport(db, userId, reference)
  await deleteDraft(db, userId)
  return outcome
}

export async function discardDraft(db: Db, userId: number): Promise<void> {
  await deleteDraft(db, userId)
}

/**
 * Deletes the drafts, and their photos, that nobody has changed for `DRAFT_LIFETIME_MS`, batch by
 * batch, and forgets old notes of deleted drafts. The answer is how many drafts were deleted.
 */
export async function expireDrafts(db: Db): Promise<number> {
  const at = now()
  const before = new Date(at.getTime() - DRAFT_LIFETIME_MS)
  let deleted = 0
  for (;;) {
    const batch = await deleteDraftsChangedBefore(db, before, at, EXPIRY_BATCH)
    deleted += batch
    if (batch < EXPIRY_BATCH) break
  }
  await deleteDraftExpiriesBefore(db, new Date(at.getTime() - EXPIRY_NOTICE_MS))
  return deleted
}

/**
 * When the resident's last draft was changed, and after how many days it was deleted, if it has
 * since been deleted for being left alone: said once, on the first filing page they see afterwards.
 */
export async function expiredDraftNotice(db: Db, userId: number) {
  const lastChanged = await takeDraftExpiry(db, userId)
  return lastChanged ? { lastChanged, days: DRAFT_LIFETIME_MS / DAY } : null
}

/** The confirmation page: only the report's author sees it. */
export async function filedView(db: Db, userId: number, reference: string) {
  return citizenReport(db, userId, reference)
}

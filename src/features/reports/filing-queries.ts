// SQL for the filing pages: the resident's draft, its photos, and open reports nearby.
import { randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import type { Db } from '../../db'
import type { Question } from './filing-schemas'
import { now } from '../../lib/clock'
import type { CategoryRow } from './queries'

export type { Question }

export type FilingCategoryRow = CategoryRow & {
  questions: Question[]
  duplicate_radius_m: number
  is_public: boolean
}

export type DraftRow = { submission_key: string; data: Record<string, unknown> }
export type DraftPhotoRow = { id: number; width: number; height: number; byte_size: number }

export async function findFilingCategory(db: Knex, id: number): Promise<FilingCategoryRow | undefined> {
  return db<FilingCategoryRow>('categories').where({ id, is_active: true }).first()
}

/** Who a confirmation goes to: the resident, by the address and in the language of their account. */
export async function findResident(db: Knex, userId: number) {
  return db('users')
    .where({ id: userId })
    .first<{ email: string; full_name: string; locale: string } | undefined>('email', 'full_name', 'locale')
}

export async function findDraft(db: Knex, userId: number): Promise<DraftRow | undefined> {
  return db('report_drafts').where({ user_id: userId }).first('submission_key', 'data')
}

/** Creates the draft on the first answer, with the one-time key its final form is sent with. */
export async function saveDraftData(db: Db, userId: number, data: Record<string, unknown>): Promise<void> {
  const at = now()
  await db('report_drafts')
    .insert({
      user_id: userId,
      submission_key: randomUUID(),
      data: JSON.stringify(data),
      created_at: at,
      updated_at: at,
    })
    .onConflict('user_id')
    .merge({ data: JSON.stringify(data), updated_at: at })
}

/** A photo added or removed is a change to the draft: it keeps the draft from expiring. */
async function touchDraft(db: Knex, userId: number): Promise<void> {
  await db('report_drafts').where({ user_id: userId }).update({ updated_at: now() })
}

export async function deleteDraft(db: Knex, userId: number): Promise<void> {
  await db('report_drafts').where({ user_id: userId }).delete()
}

export async function draftPhotos(db: Knex, userId: number): Promise<DraftPhotoRow[]> {
  return db('report_draft_photos')
    .where({ user_id: userId })
    .orderBy('id')
    .select('id', 'width', 'height', 'byte_size')
}

export async function draftPhotoContent(db: Db, userId: number, id: number) {
  return db('report_draft_photos')
    .where({ user_id: userId, id })
    .first<{ content_type: string; content: Buffer } | undefined>('content_type', 'content')
}

/** Adds a photo unless the draft already has `max`; false when it is full. */
export async function insertDraftPhoto(
  db: Db,
  userId: number,
  max: number,
  photo: { content_type: string; content: Buffer; width: number; height: number },
): Promise<boolean> {
  return db.transaction(async (trx) => {
    await trx('report_drafts').where({ user_id: userId }).forUpdate().first('user_id')
    const [count] = await trx('report_draft_photos').where({ user_id: userId }).count({ total: '*' })
    if (Number(count?.total ?? 0) >= max) return false
    await trx('report_draft_photos').insert({
      user_id: userId,
      ...photo,
      byte_size: photo.content.length,
      created_at: now(),
    })
    await touchDraft(trx, userId)
    return true
  })
}

export async function deleteDraftPhoto(db: Db, userId: number, id: number): Promise<void> {
  const deleted = await db('report_draft_photos').where({ user_id: userId, id }).delete()
  if (deleted) await touchDraft(db, userId)
}

/**
 * Deletes up to `limit` drafts last changed before `before`, their photos with them, and notes
 * for each owner when their draft went. Drafts another process is deleting or a resident is
 * changing at this moment are skipped. The answer is how many were deleted.
 */
export async function deleteDraftsChangedBefore(db: Knex, before: Date, at: Date, limit: number) {
  const result = await db.raw(
    `WITH gone AS (
       DELETE FROM report_drafts
        WHERE user_id IN (
          SELECT user_id FROM report_drafts
           WHERE updated_at < ?
           ORDER BY updated_at
           LIMIT ?
           FOR UPDATE SKIP LOCKED)
        RETURNING user_id, updated_at)
     INSERT INTO report_draft_expiries AS e (user_id, last_changed_at, expired_at)
     SELECT user_id, updated_at, ? FROM gone
     ON CONFLICT (user_id) DO UPDATE
       SET last_changed_at = EXCLUDED.last_changed_at, expired_at = EXCLUDED.expired_at
     RETURNING e.user_id`,
    [before, limit, at],
  )
  return (result.rows as unknown[]).length
}

/** The note that a resident's draft was deleted, taken away as it is read. */
export async function takeDraftExpiry(db: Knex, userId: number): Promise<Date | undefined> {
  const [row] = await db('report_draft_expiries')
    .where({ user_id: userId })
    .delete()
    .returning<{ last_changed_at: Date }[]>('last_changed_at')
  return row ? new Date(row.last_changed_at) : undefined
}

export async function deleteDraftExpiriesBefore(db: Knex, before: Date): Promise<void> {
  await db('report_draft_expiries').where('expired_at', '<', before).delete()
}

/** Moves the draft's photos onto the filed report, in the order they were added. */
export async function moveDraftPhotos(trx: Knex, userId: number, reportId: number): Promise<void> {
  await trx.raw(
    `INSERT INTO report_photos (report_id, content_type, content, width, height, byte_size, position)
     SELECT ?, content_type, content, width, height, byte_size, (row_number() OVER (ORDER BY id)) - 1
       FROM report_draft_photos WHERE user_id = ?`,
    [reportId, userId],
  )
}

export type NearbyReportRow = {
  reference: string
  title: string
  status: string
  address: string
  created_at: Date
  distance_m: number
}

/** Open, visible reports of a category within `radius` metres of a position, nearest first. */
export async function nearbyOpenReports(
  db: Db,
  near: { categoryId: number; lat: number; lng: number; radius: number },
): Promise<NearbyReportRow[]> {
  const distance = db.raw('earth_distance(ll_to_earth(r.lat, r.lng), ll_to_earth(?, ?))', [
    near.lat,
    near.lng,
  ])
  return db('reports as r')
    .where('r.category_id', near.categoryId)
    .whereIn('r.status', ['submitted', 'acknowledged', 'in_progress'])
    .where('r.is_hidden', false)
    .whereNotNull('r.lat')
    .whereNotNull('r.lng')
    .where(distance, '<=', near.radius)
    .orderBy(distance as unknown as string)
    .limit(5)
    .select(
      'r.reference',
      db.raw('coalesce(r.public_title, r.title) as title'),
      'r.status',
      'r.address',
      'r.created_at',
      db.raw('round(earth_distance(ll_to_earth(r.lat, r.lng), ll_to_earth(?, ?)))::int as distance_m', [
        near.lat,
        near.lng,
      ]),
    )
}

/** A street of a district by its name, for a position when the resident drops no pin. */
export async function streetPosition(db: Db, district: string, address: string) {
  return db('streets')
    .where({ district_code: district })
    .whereNotNull('lat')
    .whereRaw("? ILIKE name_el || '%' OR ? ILIKE name_en || '%'", [address, address])
    .orderByRaw('length(name_el) DESC')
    .first<{ lat: number; lng: number } | undefined>('lat', 'lng')
}

/** A photo of a report, with what decides who may see it. */
export async function reportPhotoContent(db: Db, reference: string, photoId: number) {
  return db('report_photos as p')
    .join('reports as r', 'r.id', 'p.report_id')
    .where({ 'r.reference': reference, 'p.id': photoId })
    .first<
      { content_type: string; content: Buffer; author_id: number | null; is_hidden: boolean } | undefined
    >('p.content_type', 'p.content', 'r.author_id', 'p.is_hidden')
}

/** The photos of a report that its author sees: those not hidden by a moderator. */
export async function visibleReportPhotos(db: Knex, reportId: number) {
  return db('report_photos')
    .where({ report_id: reportId, is_hidden: false })
    .orderBy(['position', 'id'])
    .select<{ id: number; width: number; height: number }[]>('id', 'width', 'height')
}

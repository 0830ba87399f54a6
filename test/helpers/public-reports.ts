// Rows for the public-view tests: staff events, photos and settings straight in the database.
import type { Db } from '../../src/db'
import { createUser } from './factories'

/** A 1×1 PNG, as the filing pages would store it after re-encoding. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

export async function createClerk(db: Db, fullName = 'Γιώργος Υπάλληλος') {
  return createUser(db, { roles: ['citizen', 'clerk'], fullName })
}

export async function addStaffEvent(
  db: Db,
  reportId: number,
  actorId: number,
  event: {
    type?: 'status_changed' | 'note'
    from?: string
    to?: string
    publicMessage?: string | null
    internalNote?: string | null
    at?: Date
  },
) {
  await db('report_events').insert({
    report_id: reportId,
    actor_id: actorId,
    type: event.type ?? 'status_changed',
    from_status: event.from ?? null,
    to_status: event.to ?? null,
    public_message: event.publicMessage ?? null,
    internal_note: event.internalNote ?? null,
    ...(event.at ? { created_at: event.at } : {}),
  })
  if (event.to) await db('reports').where({ id: reportId }).update({ status: event.to })
}

export async function addPhoto(db: Db, reportId: number, options: { hidden?: boolean; type?: string } = {}) {
  const [row] = await db('report_photos')
    .insert({
      report_id: reportId,
      content_type: options.type ?? 'image/png',
      content: PNG,
      width: 1,
      height: 1,
      byte_size: PNG.length,
      is_hidden: options.hidden ?? false,
      hidden_reason: options.hidden ? 'Φαίνεται πρόσωπο' : null,
    })
    .returning('id')
  return Number((row as { id: number }).id)
}

export async function categoryIds(db: Db): Promise<{ first: number; second: number; private: number }> {
  const rows: { id: number; code: string }[] = await db('categories').orderBy('id').select('id', 'code')
  const open = rows.filter((row) => row.code !== 'social_support')
  return {
    first: open[0]!.id,
    second: open[1]!.id,
    private: rows.find((row) => row.code === 'social_support')!.id,
  }
}

export async function districtCodes(db: Db): Promise<[string, string]> {
  const rows: { code: string }[] = await db('districts').orderBy('sort_order').limit(2).select('code')
  return [rows[0]!.code, rows[1]!.code]
}

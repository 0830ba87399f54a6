import type { Knex } from 'knex'

export type SessionRow = {
  sid: string
  signed_in_at: number
  last_seen_at: number
  browser: string | null
  os: string | null
  network: string | null
}

export type Page = { limit: number; offset: number }

/** The user's sessions whose last activity and sign-in are after the given moments (epoch ms). */
function activeSessionsQuery(db: Knex, userId: number, lastSeenAfter: number, signedInAfter: number) {
  return db('sessions')
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .whereRaw(`(sess::jsonb ->> 'lastSeenAt')::bigint > ?`, [lastSeenAfter])
    .whereRaw(`(sess::jsonb ->> 'signedInAt')::bigint > ?`, [signedInAfter])
}

function sessionColumns(db: Knex) {
  return [
    'sid',
    db.raw(`(sess::jsonb ->> 'signedInAt')::bigint AS signed_in_at`),
    db.raw(`(sess::jsonb ->> 'lastSeenAt')::bigint AS last_seen_at`),
    db.raw(`sess::jsonb -> 'device' ->> 'browser' AS browser`),
    db.raw(`sess::jsonb -> 'device' ->> 'os' AS os`),
    db.raw(`sess::jsonb ->> 'network' AS network`),
  ]
}

export async function activeSessionsOfUser(
  db: Knex,
  userId: number,
  since: { lastSeenAfter: number; signedInAfter: number },
  page: Page,
) {
  const rows: SessionRow[] = await activeSessionsQuery(db, userId, since.lastSeenAfter, since.signedInAfter)
    .select(sessionColumns(db))
    .orderBy([
      { column: 'last_seen_at', order: 'desc' },
      { column: 'sid', order: 'asc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await activeSessionsQuery(db, userId, since.lastSeenAfter, since.signedInAfter).count({
    total: '*',
  })
  return { rows, total: Number(count?.total ?? 0) }
}

/** The ids of every stored session of the user, timed out or not. */
export async function sessionIdsOfUser(db: Knex, userId: number): Promise<string[]> {
  const rows: { sid: string }[] = await db('sessions')
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .select('sid')
  return rows.map((row) => row.sid)
}

/** One stored session of the user, timed out or not. */
export async function sessionOfUser(db: Knex, userId: number, sid: string): Promise<SessionRow | undefined> {
  return db('sessions')
    .where({ sid })
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .first(sessionColumns(db))
}

/** Deletes one session, only if it still belongs to the user; true when it was there. */
export async function endSession(db: Knex, userId: number, sid: string): Promise<boolean> {
  const ended = await db('sessions')
    .where({ sid })
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .delete()
    .returning('sid')
  return ended.length === 1
}

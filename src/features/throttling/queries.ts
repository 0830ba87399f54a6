import type { Knex } from 'knex'

export type CounterRow = { hits: number; window_ends_at: Date; blocked_until: Date | null }

export type Hit = { hits: number; windowEndsAt: Date }

/**
 * Counts one hit in one statement, so that concurrent requests never read the same count. A
 * window that has passed starts again at one. A fixed window ends `windowMs` after its first
 * hit; a sliding one `windowMs` after its latest. Nothing is counted while the key is blocked:
 * the answer is then `undefined`.
 */
export async function countHit(
  db: Knex,
  key: string,
  at: Date,
  windowMs: number,
  sliding = false,
): Promise<Hit | undefined> {
  const windowEnd = new Date(at.getTime() + windowMs)
  const result = await db.raw(
    `INSERT INTO throttle_counters AS c (key, hits, window_ends_at) VALUES (:key, 1, :windowEnd)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN c.window_ends_at <= :at THEN 1 ELSE c.hits + 1 END,
       window_ends_at = CASE WHEN c.window_ends_at <= :at OR :sliding
                             THEN EXCLUDED.window_ends_at ELSE c.window_ends_at END,
       blocked_until = CASE WHEN c.window_ends_at <= :at THEN NULL ELSE c.blocked_until END
     WHERE c.blocked_until IS NULL OR c.blocked_until <= :at OR c.window_ends_at <= :at
     RETURNING hits, window_ends_at`,
    { key, at, windowEnd, sliding },
  )
  const row = (result.rows as { hits: number; window_ends_at: Date }[])[0]
  return row ? { hits: Number(row.hits), windowEndsAt: new Date(row.window_ends_at) } : undefined
}

export async function readCounter(db: Knex, key: string): Promise<CounterRow | undefined> {
  return db('throttle_counters')
    .where({ key })
    .first<CounterRow | undefined>('hits', 'window_ends_at', 'blocked_until')
}

export async function blockCounter(db: Knex, key: string, until: Date): Promise<void> {
  await db('throttle_counters').where({ key }).update({ blocked_until: until })
}

/** Gives back a hit that turned out not to be a failure. */
export async function refundHit(db: Knex, key: string): Promise<void> {
  await db('throttle_counters')
    .where({ key })
    .update({ hits: db.raw('GREATEST(hits - 1, 0)') })
}

export async function deleteCounter(db: Knex, key: string): Promise<void> {
  await db('throttle_counters').where({ key }).delete()
}

export async function deleteCountersEndedBefore(db: Knex, at: Date): Promise<void> {
  await db('throttle_counters').where('window_ends_at', '<=', at).delete()
}

/** The counters with one of these keys, or a key like `pattern`, in the order of their keys. */
export async function countersByKey(db: Knex, keys: string[], pattern: string) {
  return db('throttle_counters')
    .where((query) => query.whereIn('key', keys).orWhere('key', 'like', pattern))
    .orderBy('key')
    .select<(CounterRow & { key: string })[]>('key', 'hits', 'window_ends_at', 'blocked_until')
}

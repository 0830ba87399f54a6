// The server-side sessions of one account, found through the user id that Passport keeps in them.
import type { Knex } from 'knex'

/** Ends every session of the user, except the one given (the session making the request). */
export async function endSessionsOfUser(db: Knex, userId: number, exceptSid?: string): Promise<number> {
  const query = db('sessions').whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
  if (exceptSid) query.whereNot('sid', exceptSid)
  // knex-pglite reports a delete's row count wrongly; the returned rows are right on both engines.
  const ended = await query.delete().returning('sid')
  return ended.length
}

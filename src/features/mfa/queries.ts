import type { Knex } from 'knex'

export type TotpRow = {
  user_id: number
  secret_encrypted: string
  confirmed_at: Date | null
  last_used_step: number | null
  reuse_noticed_step: number | null
  failed_codes: number
  first_failed_at: Date | null
  created_at: Date
}

export async function findTotp(db: Knex, userId: number): Promise<TotpRow | undefined> {
  return db<TotpRow>('staff_totp').where({ user_id: userId }).first()
}

export async function lockTotp(trx: Knex.Transaction, userId: number): Promise<TotpRow | undefined> {
  return trx<TotpRow>('staff_totp').where({ user_id: userId }).forUpdate().first()
}

export async function isTotpConfirmed(db: Knex, userId: number): Promise<boolean> {
  const row = await db('staff_totp').where({ user_id: userId }).whereNotNull('confirmed_at').first('user_id')
  return Boolean(row)
}

/** Keeps a secret waiting for its first code; an unconfirmed one is replaced, a confirmed one never. */
export async function savePendingTotp(db: Knex, userId: number, secretEncrypted: string): Promise<void> {
  await db.raw(
    `INSERT INTO staff_totp (user_id, secret_encrypted) VALUES (?, ?)
     ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, created_at = now()
     WHERE staff_totp.confirmed_at IS NULL`,
    [userId, secretEncrypted],
  )
}

export async function confirmTotp(trx: Knex, userId: number, step: number, at: Date): Promise<void> {
  await trx('staff_totp').where({ user_id: userId }).update({ confirmed_at: at, last_used_step: step })
}

/**
 * Records a code's step as used and clears the count of wrong codes; false when that step (or a
 * later one) was used already.
 */
export async function useTotpStep(db: Knex, userId: number, step: number): Promise<boolean> {
  const rows = await db('staff_totp')
    .where({ user_id: userId })
    .whereNotNull('confirmed_at')
    .andWhere((query) => query.whereNull('last_used_step').orWhere('last_used_step', '<', step))
    .update({ last_used_step: step, failed_codes: 0, first_failed_at: null })
    .returning('user_id')
  return rows.length === 1
}

/**
 * Records that the reuse of a code of `step` is being mailed to the holder; false when a reuse of
 * that step (or a later one) was mailed already.
 */
export async function noteCodeReuse(trx: Knex, userId: number, step: number): Promise<boolean> {
  const rows = await trx('staff_totp')
    .where({ user_id: userId })
    .andWhere((query) => query.whereNull('reuse_noticed_step').orWhere('reuse_noticed_step', '<', step))
    .update({ reuse_noticed_step: step })
    .returning('user_id')
  return rows.length === 1
}

/** Counts a wrong code; the count starts again when the previous one began before `windowStart`. */
export async function countWrongCode(db: Knex, userId: number, at: Date, windowStart: Date): Promise<void> {
  await db.raw(
    `UPDATE staff_totp SET
       failed_codes = CASE WHEN first_failed_at IS NULL OR first_failed_at <= ? THEN 1 ELSE failed_codes + 1 END,
       first_failed_at = CASE WHEN first_failed_at IS NULL OR first_failed_at <= ? THEN ? ELSE first_failed_at END
     WHERE user_id = ?`,
    [windowStart, windowStart, at, userId],
  )
}

export async function deleteTotp(trx: Knex, userId: number): Promise<TotpRow | undefined> {
  const [row] = await trx('staff_totp').where({ user_id: userId }).delete().returning('*')
  return row as TotpRow | undefined
}

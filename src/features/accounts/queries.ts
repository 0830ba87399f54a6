import type { Knex } from 'knex'
import type { Db } from '../../db'
import type { Role } from './roles'
import type { TokenPurpose } from './tokens'

export type UserRow = {
  id: number
  email: string
  password_hash: string
  full_name: string
  phone: string | null
  locale: string
  is_active: boolean
  email_verified_at: Date | null
  created_at: Date
  department_id: number | null
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ email }).first()
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db<UserRow>('users').where({ id }).first()
}

export async function findRoles(db: Db, userId: number): Promise<Role[]> {
  const rows = await db('user_roles').where({ user_id: userId }).orderBy('role').select('role')
  return rows.map((row: { role: Role }) => row.role)
}

export type NewUser = {
  email: string
  passwordHash: string
  fullName: string
  phone: string | null
  locale: string
}

export async function insertUser(db: Knex, user: NewUser, roles: readonly Role[]): Promise<number> {
  return db.transaction(async (trx) => {
    const [row] = await trx('users')
      .insert({
        email: user.email,
        password_hash: user.passwordHash,
        full_name: user.fullName,
        phone: user.phone,
        locale: user.locale,
        terms_accepted_at: trx.fn.now(),
      })
      .returning('id')
    const id = Number((row as { id: number }).id)
    await trx('user_roles').insert(roles.map((role) => ({ user_id: id, role })))
    return id
  })
}

export async function setEmailVerified(db: Knex, userId: number, at: Date): Promise<void> {
  await db('users').where({ id: userId }).whereNull('email_verified_at').update({ email_verified_at: at })
}

export async function setPasswordHash(db: Knex, userId: number, passwordHash: string, at: Date) {
  await db('users').where({ id: userId }).update({ password_hash: passwordHash, updated_at: at })
}

/** The new address counts as verified: the person has just followed a link sent to it. */
export async function setEmail(db: Knex, userId: number, email: string, at: Date): Promise<void> {
  await db('users').where({ id: userId }).update({ email, email_verified_at: at, updated_at: at })
}

export type TokenRow = { id: number; user_id: number; purpose: TokenPurpose; email: string; expires_at: Date }

const TOKEN_COLUMNS = ['id', 'user_id', 'purpose', 'email', 'expires_at']

export type NewTokenRow = {
  userId: number
  purpose: TokenPurpose
  hash: string
  email: string
  createdAt: Date
  expiresAt: Date
}

export async function insertToken(db: Knex, token: NewTokenRow): Promise<void> {
  await db('account_tokens').insert({
    user_id: token.userId,
    purpose: token.purpose,
    token_hash: token.hash,
    email: token.email,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
  })
}

/** Unused links of the account for a purpose stop working from this moment. */
export async function expireTokens(db: Knex, userId: number, purpose: TokenPurpose, at: Date) {
  await db('account_tokens')
    .where({ user_id: userId, purpose })
    .whereNull('used_at')
    .where('expires_at', '>', at)
    .update({ expires_at: at })
}

/** The token if its link still works, without using it up. */
export async function findUsableToken(
  db: Knex,
  purpose: TokenPurpose,
  hash: string,
  at: Date,
): Promise<TokenRow | undefined> {
  const row: unknown = await db('account_tokens')
    .where({ token_hash: hash, purpose })
    .whereNull('used_at')
    .where('expires_at', '>', at)
    .first(TOKEN_COLUMNS)
  return row as TokenRow | undefined
}

/** Uses the token up in one statement, so that two clicks at once cannot both succeed. */
export async function consumeToken(
  db: Knex,
  purpose: TokenPurpose,
  hash: string,
  at: Date,
): Promise<TokenRow | undefined> {
  const [row] = await db('account_tokens')
    .where({ token_hash: hash, purpose })
    .whereNull('used_at')
    .where('expires_at', '>', at)
    .update({ used_at: at })
    .returning(TOKEN_COLUMNS)
  return row as TokenRow | undefined
}

import type { Knex } from 'knex'
import type { Db } from '../../db'
import type { Role } from './roles'

export type UserRow = {
  id: number
  email: string
  password_hash: string
  full_name: string
  phone: string | null
  locale: string
  is_active: boolean
  created_at: Date
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

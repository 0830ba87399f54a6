import type { Db } from '../../db'
import { normaliseEmail } from '../../lib/text'
import { findRoles, findUserByEmail, findUserById, insertUser } from './queries'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords'
import { isStaff, type Role } from './roles'
import type { Registration } from './schemas'

export type CurrentUser = {
  id: number
  email: string
  fullName: string
  afm: string | null
  phone: string | null
  locale: string
  roles: Role[]
  isStaff: boolean
  createdAt: Date
}

export class EmailTakenError extends Error {}

export async function registerCitizen(db: Db, input: Registration, locale: string): Promise<number> {
  if (await findUserByEmail(db, input.email)) throw new EmailTakenError()
  const passwordHash = await hashPassword(input.password)
  try {
    return await insertUser(
      db,
      {
        email: input.email,
        passwordHash,
        fullName: input.fullName,
        afm: input.afm ?? null,
        phone: input.phone ?? null,
        locale,
      },
      ['citizen'],
    )
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new EmailTakenError()
    throw err
  }
}

/** The user's id when the e-mail and password match an active account; otherwise null. */
export async function authenticate(db: Db, email: string, password: string): Promise<number | null> {
  const user = await findUserByEmail(db, normaliseEmail(email))
  if (!user) return verifyAgainstDummy(password).then(() => null)
  const matches = await verifyPassword(user.password_hash, password)
  return matches && user.is_active ? user.id : null
}

/** The signed-in user as every request sees them; roles are read afresh each time. */
export async function loadCurrentUser(db: Db, id: number): Promise<CurrentUser | null> {
  const user = await findUserById(db, id)
  if (!user || !user.is_active) return null
  const roles = await findRoles(db, id)
  return {
    id: user.id,
    email: user.email,
    fullName: user.full_name,
    afm: user.afm,
    phone: user.phone,
    locale: user.locale,
    roles,
    isStaff: isStaff(roles),
    createdAt: user.created_at,
  }
}

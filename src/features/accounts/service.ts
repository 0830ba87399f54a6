import type { Db } from '../../db'
import { normaliseEmail } from '../../lib/text'
import { claimAfm } from '../afm/service'
import { findRoles, findUserByEmail, findUserById, insertUser } from './queries'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords'
import { isStaff, type Role } from './roles'
import type { Registration } from './schemas'

export type CurrentUser = {
  id: number
  email: string
  fullName: string
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
    return await db.transaction(async (trx) => {
      const id = await insertUser(
        trx,
        { email: input.email, passwordHash, fullName: input.fullName, phone: input.phone ?? null, locale },
        ['citizen'],
      )
      // An AFM typed here is only a claim: it links to nothing until it is verified.
      if (input.afm) await claimAfm(trx, id, input.afm)
      return id
    })
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
    phone: user.phone,
    locale: user.locale,
    roles,
    isStaff: isStaff(roles),
    createdAt: user.created_at,
  }
}

import type { Knex } from 'knex'
import { STAFF_ROLES } from '../accounts/roles'
import type { AssignableRole } from './roles'

export type StaffListRow = {
  id: number
  full_name: string
  email: string
  is_active: boolean
  department_el: string | null
  department_en: string | null
  roles: string[]
  invitation_pending: boolean
}

export type StaffFilters = { q?: string; role?: AssignableRole; status?: 'active' | 'inactive' }
export type Page = { limit: number; offset: number }

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`)

function staffQuery(db: Knex, filters: StaffFilters) {
  const query = db('users as u').whereExists((roles) =>
    roles
      .select(db.raw('1'))
      .from('user_roles as r')
      .whereRaw('r.user_id = u.id')
      .whereIn('r.role', filters.role ? [filters.role] : [...STAFF_ROLES]),
  )
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`
    query.andWhere((search) =>
      search
        .whereRaw(`fold_text(u.full_name) LIKE fold_text(?)`, [pattern])
        .orWhereRaw(`u.email LIKE lower(?)`, [pattern]),
    )
  }
  if (filters.status) query.andWhere('u.is_active', filters.status === 'active')
  return query
}

/** Staff accounts by name, with their staff roles, department and whether an invitation is open. */
export async function findStaff(db: Knex, filters: StaffFilters, page: Page) {
  const rows: StaffListRow[] = await staffQuery(db, filters)
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(
      'u.id',
      'u.full_name',
      'u.email',
      'u.is_active',
      'd.name_el as department_el',
      'd.name_en as department_en',
      db.raw(`ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles`),
      db.raw(
        `EXISTS (SELECT 1 FROM staff_invitations i WHERE i.user_id = u.id AND i.used_at IS NULL) AS invitation_pending`,
      ),
    )
    .orderByRaw('fold_text(u.full_name), u.id')
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await staffQuery(db, filters).count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

export type AccountRow = {
  id: number
  full_name: string
  email: string
  locale: 'el' | 'en'
  is_active: boolean
  department_id: number | null
  department_code: string | null
  department_el: string | null
  department_en: string | null
  created_at: Date
}

export async function findAccount(db: Knex, id: number): Promise<AccountRow | undefined> {
  return db('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .where('u.id', id)
    .first(
      'u.id',
      'u.full_name',
      'u.email',
      'u.locale',
      'u.is_active',
      'u.department_id',
      'd.code as department_code',
      'd.name_el as department_el',
      'd.name_en as department_en',
      'u.created_at',
    )
}

export type LockedAccount = {
  id: number
  email: string
  full_name: string
  locale: 'el' | 'en'
  is_active: boolean
  department_id: number | null
}

export async function lockAccount(trx: Knex.Transaction, id: number): Promise<LockedAccount | undefined> {
  return trx('users')
    .where({ id })
    .forUpdate()
    .first('id', 'email', 'full_name', 'locale', 'is_active', 'department_id')
}

export async function rolesOf(db: Knex, userId: number): Promise<string[]> {
  return db('user_roles').where({ user_id: userId }).orderBy('role').pluck('role')
}

export async function emailInUse(db: Knex, email: string): Promise<number | null> {
  const row = await db('users').where({ email }).first('id')
  return row ? Number(row.id) : null
}

export type DepartmentRow = { id: number; code: string; name_el: string; name_en: string }

export async function allDepartments(db: Knex): Promise<DepartmentRow[]> {
  return db('departments').orderBy('name_el').select('id', 'code', 'name_el', 'name_en')
}

export async function findDepartment(db: Knex, id: number): Promise<DepartmentRow | undefined> {
  return db('departments').where({ id }).first('id', 'code', 'name_el', 'name_en')
}

export type NewStaffAccount = {
  email: string
  fullName: string
  passwordHash: string
  locale: 'el' | 'en'
  departmentId: number | null
  at: Date
}

export async function insertStaffAccount(trx: Knex, account: NewStaffAccount): Promise<number> {
  const [row] = await trx('users')
    .insert({
      email: account.email,
      password_hash: account.passwordHash,
      full_name: account.fullName,
      locale: account.locale,
      department_id: account.departmentId,
      terms_accepted_at: account.at,
      created_at: account.at,
      updated_at: account.at,
    })
    .returning('id')
  return Number((row as { id: number }).id)
}

/** Replaces the account's staff roles; the resident role, if any, stays. */
export async function replaceStaffRoles(trx: Knex, userId: number, roles: readonly AssignableRole[]) {
  await trx('user_roles')
    .where({ user_id: userId })
    .whereIn('role', [...STAFF_ROLES])
    .delete()
    .returning('role')
  if (roles.length) await trx('user_roles').insert(roles.map((role) => ({ user_id: userId, role })))
}

export async function addRoles(trx: Knex, userId: number, roles: readonly string[]) {
  await trx('user_roles').insert(roles.map((role) => ({ user_id: userId, role })))
}

export async function updateAccount(
  trx: Knex,
  userId: number,
  changes: {
    department_id?: number | null
    is_active?: boolean
    password_hash?: string
    email_verified_at?: Date
  },
  at: Date,
) {
  await trx('users')
    .where({ id: userId })
    .update({ ...changes, updated_at: at })
}

export type InvitationRow = {
  id: number
  user_id: number
  expires_at: Date
  used_at: Date | null
  created_at: Date
}

export async function insertInvitation(
  trx: Knex,
  invitation: { userId: number; tokenHash: string; expiresAt: Date; invitedBy: number; at: Date },
) {
  await trx('staff_invitations').insert({
    user_id: invitation.userId,
    token_hash: invitation.tokenHash,
    expires_at: invitation.expiresAt,
    invited_by: invitation.invitedBy,
    created_at: invitation.at,
  })
}

export async function latestInvitation(db: Knex, userId: number): Promise<InvitationRow | undefined> {
  return db('staff_invitations')
    .where({ user_id: userId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first('id', 'user_id', 'expires_at', 'used_at', 'created_at')
}

/** Links that were never used stop working when a new one is sent. */
export async function deleteOpenInvitations(trx: Knex, userId: number) {
  return trx('staff_invitations').where({ user_id: userId }).whereNull('used_at').delete().returning('id')
}

export type InvitationWithAccount = InvitationRow & {
  full_name: string
  email: string
  is_active: boolean
}

export async function invitationByTokenHash(
  db: Knex,
  tokenHash: string,
  lock = false,
): Promise<InvitationWithAccount | undefined> {
  const query = db('staff_invitations as i')
    .join('users as u', 'u.id', 'i.user_id')
    .where('i.token_hash', tokenHash)
    .first(
      'i.id',
      'i.user_id',
      'i.expires_at',
      'i.used_at',
      'i.created_at',
      'u.full_name',
      'u.email',
      'u.is_active',
    )
  if (lock) query.forUpdate()
  return query
}

export async function markInvitationUsed(trx: Knex, id: number, at: Date) {
  await trx('staff_invitations').where({ id }).update({ used_at: at })
}

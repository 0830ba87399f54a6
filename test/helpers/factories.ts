// Rows with sensible defaults, created straight in the database.
import type { Db } from '../../src/db'
import { hashPassword } from '../../src/features/accounts/passwords'
import type { Role } from '../../src/features/accounts/roles'

export const PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined
let sequence = 0

export async function createUser(
  db: Db,
  options: { roles?: Role[]; email?: string; fullName?: string; locale?: 'el' | 'en' } = {},
) {
  sequence += 1
  passwordHash ??= hashPassword(PASSWORD)
  const email = options.email ?? `person${sequence}-${Date.now()}@example.org`
  const [row] = await db('users')
    .insert({
      email,
      password_hash: await passwordHash,
      full_name: options.fullName ?? `Δοκιμαστικός Χρήστης ${sequence}`,
      terms_accepted_at: db.fn.now(),
      email_verified_at: db.fn.now(),
      ...(options.locale ? { locale: options.locale } : {}),
    })
    .returning('id')
  const id = Number((row as { id: number }).id)
  const roles = options.roles ?? ['citizen']
  await db('user_roles').insert(roles.map((role) => ({ user_id: id, role })))
  return { id, email, password: PASSWORD }
}

export async function firstCategoryId(db: Db): Promise<number> {
  const row = await db('categories').where({ is_active: true }).orderBy('id').first('id')
  return Number(row.id)
}

export async function firstDistrictCode(db: Db): Promise<string> {
  const row = await db('districts').orderBy('sort_order').first('code')
  return String(row.code)
}

let reportSequence = 0

/** A report straight in the database, with its first timeline event. */
export async function createReport(db: Db, authorId: number, overrides: Record<string, unknown> = {}) {
  reportSequence += 1
  const category = await db('categories')
    .where({ is_active: true })
    .orderBy('id')
    .first('id', 'department_id')
  const reference = `MYT-2026-${String(90000 + reportSequence).padStart(5, '0')}`
  const [row] = await db('reports')
    .insert({
      reference,
      kind: 'report',
      category_id: category.id,
      department_id: category.department_id,
      author_id: authorId,
      title: `Αναφορά δοκιμής ${reportSequence}`,
      description: 'Περιγραφή δοκιμής.',
      address: 'Ερμού 1',
      district: await firstDistrictCode(db),
      ...overrides,
    })
    .returning('id')
  await db('report_events').insert({
    report_id: row.id,
    actor_id: authorId,
    type: 'created',
    to_status: 'submitted',
  })
  return { id: Number(row.id), reference }
}

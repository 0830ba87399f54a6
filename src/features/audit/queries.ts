import type { Knex } from 'knex'
import type { AuditFilters } from './schemas'

export type AuditRow = {
  id: number
  actor_id: number | null
  actor_name: string | null
  actor_email: string | null
  action: string
  entity_type: string
  entity_id: string | null
  before: unknown
  after: unknown
  ip: string | null
  created_at: Date
}

export type Page = { limit: number; offset: number }

/** Days are calendar days in Athens, where the staff work. */
function filtered(db: Knex, filters: AuditFilters) {
  const query = db('audit_log as a')
  if (filters.actor !== undefined) query.where('a.actor_id', filters.actor)
  if (filters.action) query.where('a.action', filters.action)
  if (filters.entityType) query.where('a.entity_type', filters.entityType)
  if (filters.entityId) query.where('a.entity_id', filters.entityId)
  if (filters.from) {
    query.whereRaw(`a.created_at >= (?::date)::timestamp AT TIME ZONE 'Europe/Athens'`, [filters.from])
  }
  if (filters.to) {
    query.whereRaw(`a.created_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Europe/Athens'`, [filters.to])
  }
  return query
}

/** Newest first, in the order of the index `audit_log_created`. */
export async function findAuditEntries(db: Knex, filters: AuditFilters, page: Page) {
  const rows: AuditRow[] = await filtered(db, filters)
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(
      'a.id',
      'a.actor_id',
      'u.full_name as actor_name',
      'u.email as actor_email',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.before',
      'a.after',
      'a.ip',
      'a.created_at',
    )
    .orderBy([
      { column: 'a.created_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await filtered(db, filters).count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

/**
 * The distinct values of an indexed column, by skipping through the index one value at a time
 * (a few index look-ups per value instead of reading the whole log).
 */
async function distinctValues(db: Knex, column: 'action' | 'entity_type' | 'actor_id'): Promise<string[]> {
  const result = await db.raw(
    `WITH RECURSIVE v AS (
       (SELECT ?? AS value FROM audit_log WHERE ?? IS NOT NULL ORDER BY ?? LIMIT 1)
       UNION ALL
       SELECT (SELECT ?? FROM audit_log WHERE ?? > v.value ORDER BY ?? LIMIT 1) FROM v WHERE v.value IS NOT NULL
     )
     SELECT value FROM v WHERE value IS NOT NULL`,
    [column, column, column, column, column, column],
  )
  return (result.rows as { value: string | number }[]).map((row) => String(row.value))
}

export async function auditActions(db: Knex): Promise<string[]> {
  return distinctValues(db, 'action')
}

export async function auditEntityTypes(db: Knex): Promise<string[]> {
  return distinctValues(db, 'entity_type')
}

export async function auditActors(db: Knex): Promise<{ id: number; full_name: string; email: string }[]> {
  const ids = (await distinctValues(db, 'actor_id')).map(Number)
  if (ids.length === 0) return []
  return db('users').whereIn('id', ids).orderBy(['full_name', 'id']).select('id', 'full_name', 'email')
}

/** The names behind the codes and ids that entries record: departments, categories and people. */
export type RecordNames = {
  departments: Map<string, string>
  categories: Map<string, string>
  people: Map<string, string>
}

/** Departments are recorded by code (staff access) or by id (reports); both are looked up here. */
export async function recordNames(db: Knex, lang: 'el' | 'en'): Promise<RecordNames> {
  const [departments, categories, people] = await Promise.all([
    db('departments').select('id', 'code', 'name_el', 'name_en'),
    db('categories').select('id', 'name_el', 'name_en'),
    db('users')
      .whereIn('id', db('user_roles').whereNot({ role: 'citizen' }).select('user_id'))
      .select('id', 'full_name'),
  ])
  const name = (row: { name_el: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_el)
  const departmentNames = new Map<string, string>()
  for (const row of departments) {
    departmentNames.set(row.code, name(row))
    departmentNames.set(String(row.id), name(row))
  }
  return {
    departments: departmentNames,
    categories: new Map(
      categories.map((row: { id: number; name_el: string; name_en: string }) => [String(row.id), name(row)]),
    ),
    people: new Map(people.map((row: { id: number; full_name: string }) => [String(row.id), row.full_name])),
  }
}

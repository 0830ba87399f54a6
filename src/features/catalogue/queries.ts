// SQL for the report catalogue: departments, categories and response templates.
import type { Knex } from 'knex'
import type { Question } from '../reports/filing-service'
import type { CategoryListQuery } from './schemas'
import type { CategoryRow as FilingCategoryColumns } from '../reports/queries'

export type Page = { limit: number; offset: number }
type Lang = 'el' | 'en'

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`)

// ---------- departments ----------

export type DepartmentRow = {
  id: number
  code: string
  name_el: string
  name_en: string
  email: string | null
  phone: string | null
}

export type DepartmentListRow = DepartmentRow & { categories: number; active_categories: number }

const DEPARTMENT_COLUMNS = ['id', 'code', 'name_el', 'name_en', 'email', 'phone']

export async function findDepartments(db: Knex, lang: Lang, page: Page) {
  const rows: DepartmentListRow[] = await db('departments as d')
    .select(
      ...DEPARTMENT_COLUMNS.map((column) => `d.${column}`),
      db.raw('(SELECT count(*)::int FROM categories c WHERE c.department_id = d.id) AS categories'),
      db.raw(
        '(SELECT count(*)::int FROM categories c WHERE c.department_id = d.id AND c.is_active) AS active_categories',
      ),
    )
    .orderByRaw(`fold_text(d.name_${lang}), d.id`)
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await db('departments').count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

/** Every department, for choosing one in a form. */
export async function departmentChoices(
  db: Knex,
): Promise<Pick<DepartmentRow, 'id' | 'name_el' | 'name_en'>[]> {
  return db('departments').orderBy(['name_el', 'id']).select('id', 'name_el', 'name_en')
}

export async function findDepartment(db: Knex, id: number, lock = false): Promise<DepartmentRow | undefined> {
  const query = db('departments').where({ id }).first<DepartmentRow | undefined>(DEPARTMENT_COLUMNS)
  if (lock) query.forUpdate()
  return query
}

export async function departmentCodeExists(db: Knex, code: string): Promise<boolean> {
  return Boolean(await db('departments').where({ code }).first('id'))
}

export type DepartmentChanges = Omit<DepartmentRow, 'id' | 'code'>

export async function insertDepartment(trx: Knex, row: Omit<DepartmentRow, 'id'>): Promise<number> {
  const [inserted] = await trx('departments').insert(row).returning('id')
  return Number((inserted as { id: number }).id)
}

export async function updateDepartment(trx: Knex, id: number, changes: DepartmentChanges): Promise<void> {
  await trx('departments').where({ id }).update(changes)
}

// ---------- categories ----------

/** A category as the filing pages read it, with what only its administration page shows. */
export type CategoryRow = FilingCategoryColumns & {
  sort_order: number
  duplicate_radius_m: number
  is_public: boolean
  questions: Question[]
}

const CATEGORY_COLUMNS = [
  'id',
  'code',
  'department_id',
  'group_el',
  'group_en',
  'name_el',
  'name_en',
  'hint_el',
  'hint_en',
  'notice_el',
  'notice_en',
  'sort_order',
  'duplicate_radius_m',
  'is_active',
  'is_public',
  'questions',
]

export type CategoryListRow = CategoryRow & {
  department_code: string
  department_el: string
  department_en: string
}

function categoryQuery(db: Knex, filters: CategoryListQuery) {
  const query = db('categories as c').join('departments as d', 'd.id', 'c.department_id')
  if (filters.department) query.where('c.department_id', filters.department)
  if (filters.status) query.where('c.is_active', filters.status === 'active')
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`
    query.where((search) =>
      search
        .whereRaw('fold_text(c.name_el) LIKE fold_text(?)', [pattern])
        .orWhereRaw('fold_text(c.name_en) LIKE fold_text(?)', [pattern])
        .orWhereRaw('c.code LIKE lower(?)', [pattern]),
    )
  }
  return query
}

/** Categories by department (then as residents see them), by the residents' order, or by name. */
export async function findCategories(db: Knex, filters: CategoryListQuery, lang: Lang, page: Page) {
  const query = categoryQuery(db, filters).select(
    ...CATEGORY_COLUMNS.map((column) => `c.${column}`),
    'd.code as department_code',
    'd.name_el as department_el',
    'd.name_en as department_en',
  )
  if (filters.sort === 'department') query.orderByRaw(`fold_text(d.name_${lang}), d.id, c.sort_order, c.id`)
  else if (filters.sort === 'name') query.orderByRaw(`fold_text(c.name_${lang}), c.id`)
  else query.orderBy(['c.sort_order', 'c.id'])
  const rows: CategoryListRow[] = await query.limit(page.limit).offset(page.offset)
  const [count] = await categoryQuery(db, filters).count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

export async function findCategory(db: Knex, id: number, lock = false): Promise<CategoryRow | undefined> {
  const query = db('categories').where({ id }).first<CategoryRow | undefined>(CATEGORY_COLUMNS)
  if (lock) query.forUpdate()
  return query
}

export async function categoryCodeExists(db: Knex, code: string): Promise<boolean> {
  return Boolean(await db('categories').where({ code }).first('id'))
}

/** Where a new category goes by default: after the last one. */
export async function lastSortOrder(db: Knex): Promise<number> {
  const row = await db('categories').max({ last: 'sort_order' }).first()
  return Number(row?.last ?? 0)
}

export type CategoryChanges = Omit<CategoryRow, 'id' | 'code' | 'is_public' | 'questions'> & {
  questions: Question[]
}

export async function insertCategory(trx: Knex, row: CategoryChanges & { code: string }): Promise<number> {
  const [inserted] = await trx('categories')
    .insert({ ...row, questions: JSON.stringify(row.questions) })
    .returning('id')
  return Number((inserted as { id: number }).id)
}

export async function updateCategory(trx: Knex, id: number, changes: CategoryChanges): Promise<void> {
  await trx('categories')
    .where({ id })
    .update({ ...changes, questions: JSON.stringify(changes.questions) })
}

// ---------- response templates ----------

export type TemplateRow = {
  id: number
  status: string | null
  title_el: string
  title_en: string
  body_el: string
  body_en: string
  is_active: boolean
  created_at: Date
}

const TEMPLATE_COLUMNS = [
  'id',
  'status',
  'title_el',
  'title_en',
  'body_el',
  'body_en',
  'is_active',
  'created_at',
]

/** Templates for any status first, then by status, in the order they were written. */
export async function findTemplates(db: Knex, page: Page) {
  const rows: TemplateRow[] = await db('response_templates')
    .select(TEMPLATE_COLUMNS)
    .orderByRaw('status NULLS FIRST, id')
    .limit(page.limit)
    .offset(page.offset)
  const [count] = await db('response_templates').count({ total: '*' })
  return { rows, total: Number(count?.total ?? 0) }
}

export async function findTemplate(db: Knex, id: number, lock = false): Promise<TemplateRow | undefined> {
  const query = db('response_templates').where({ id }).first<TemplateRow | undefined>(TEMPLATE_COLUMNS)
  if (lock) query.forUpdate()
  return query
}

export type TemplateChanges = Pick<TemplateRow, 'status' | 'title_el' | 'title_en' | 'body_el' | 'body_en'>

export async function insertTemplate(trx: Knex, row: TemplateChanges, at: Date): Promise<number> {
  const [inserted] = await trx('response_templates')
    .insert({ ...row, created_at: at })
    .returning('id')
  return Number((inserted as { id: number }).id)
}

export async function updateTemplate(
  trx: Knex,
  id: number,
  changes: Partial<TemplateChanges & { is_active: boolean }>,
): Promise<void> {
  await trx('response_templates').where({ id }).update(changes)
}

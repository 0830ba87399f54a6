// The report catalogue as administrators keep it: departments, the categories residents choose
// from (with their notices and extra questions) and the response templates clerks start from.
// Every creation and change is written to the audit log, with before and after, in its transaction.
import { isDeepStrictEqual as same } from 'node:util'
import type { Knex } from 'knex'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import type { FormValues } from '../../web/forms'
import { NotFoundError } from '../../web/errors'
import { recordAudit, type AuditContext } from '../audit/service'
import { categoryQuestionListSchema, QUESTION_CODE, type Question } from '../reports/filing-service'
import {
  categoryCodeExists,
  departmentChoices,
  departmentCodeExists,
  findCategories,
  findCategory,
  findDepartment,
  findDepartments,
  findTemplate,
  findTemplates,
  insertCategory,
  insertDepartment,
  insertTemplate,
  lastSortOrder,
  updateCategory as updateCategoryRow,
  updateDepartment as updateDepartmentRow,
  updateTemplate as updateTemplateRow,
  type CategoryChanges,
  type DepartmentRow,
  type TemplateChanges,
  type TemplateRow,
} from './queries'
import {
  QUESTION_ROWS,
  questionField,
  type CategoryInput,
  type CategoryListQuery,
  type DepartmentInput,
  type QuestionDraft,
  type TemplateInput,
} from './schemas'

export const CATALOGUE_PAGE_SIZE = 25
type Lang = 'el' | 'en'

/** A refusal to show beside a form field, in the reader's language. */
export class CatalogueFormError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(messageKey)
  }
}

const inLanguage = (lang: Lang, el: string, en: string) => (lang === 'en' ? en : el)
const pageOf = (page: number) => ({ limit: CATALOGUE_PAGE_SIZE, offset: (page - 1) * CATALOGUE_PAGE_SIZE })
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505'

// ---------- departments ----------

function departmentSnapshot(row: Omit<DepartmentRow, 'id'>) {
  return { code: row.code, nameEl: row.name_el, nameEn: row.name_en, email: row.email, phone: row.phone }
}

export async function departmentList(db: Db, page: number, lang: Lang) {
  const { rows, total } = await findDepartments(db, lang, pageOf(page))
  const departments = rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: inLanguage(lang, row.name_el, row.name_en),
    email: row.email,
    phone: row.phone,
    categories: row.categories,
    activeCategories: row.active_categories,
  }))
  return { departments, total }
}

export async function departmentPage(db: Db, id: number, lang: Lang) {
  const row = await findDepartment(db, id)
  if (!row) throw new NotFoundError()
  return {
    department: { id: row.id, code: row.code, name: inLanguage(lang, row.name_el, row.name_en) },
    values: {
      nameEl: row.name_el,
      nameEn: row.name_en,
      email: row.email ?? '',
      phone: row.phone ?? '',
    } as FormValues,
  }
}

export async function createDepartment(
  db: Db,
  audit: AuditContext,
  input: DepartmentInput & { code: string },
) {
  if (await departmentCodeExists(db, input.code))
    throw new CatalogueFormError('code', 'errors.catalogue.codeTaken')
  const row = {
    code: input.code,
    name_el: input.nameEl,
    name_en: input.nameEn,
    email: input.email,
    phone: input.phone,
  }
  try {
    return await db.transaction(async (trx) => {
      const id = await insertDepartment(trx, row)
      await recordAudit(trx, audit, {
        action: 'catalogue.department_created',
        entityType: 'department',
        entityId: id,
        after: departmentSnapshot(row),
      })
      return id
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw new CatalogueFormError('code', 'errors.catalogue.codeTaken')
    throw err
  }
}

/** Saves a department's names and contact details; its code stays. False when nothing changed. */
export async function updateDepartment(db: Db, audit: AuditContext, id: number, input: DepartmentInput) {
  return db.transaction(async (trx) => {
    const current = await findDepartment(trx, id, true)
    if (!current) throw new NotFoundError()
    const changes = { name_el: input.nameEl, name_en: input.nameEn, email: input.email, phone: input.phone }
    const before = departmentSnapshot(current)
    const after = departmentSnapshot({ ...current, ...changes })
    if (same(before, after)) return false

    await updateDepartmentRow(trx, id, changes)
    await recordAudit(trx, audit, {
      action: 'catalogue.department_changed',
      entityType: 'department',
      entityId: id,
      before,
      after,
    })
    return true
  })
}

export async function departmentOptions(db: Db, lang: Lang) {
  const rows = await departmentChoices(db)
  return rows
    .map((row) => ({ value: String(row.id), label: inLanguage(lang, row.name_el, row.name_en) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang))
}

// ---------- categories ----------

function categorySnapshot(row: CategoryChanges & { code: string }, departmentCode: string) {
  return {
    code: row.code,
    department: departmentCode,
    groupEl: row.group_el,
    groupEn: row.group_en,
    nameEl: row.name_el,
    nameEn: row.name_en,
    hintEl: row.hint_el,
    hintEn: row.hint_en,
    noticeEl: row.notice_el,
    noticeEn: row.notice_en,
    sortOrder: row.sort_order,
    duplicateRadius: row.duplicate_radius_m,
    active: row.is_active,
    questions: row.questions,
  }
}

export async function categoryList(db: Db, filters: CategoryListQuery, lang: Lang) {
  const { rows, total } = await findCategories(db, filters, lang, pageOf(filters.page))
  const categories = rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: inLanguage(lang, row.name_el, row.name_en),
    group: inLanguage(lang, row.group_el, row.group_en),
    department: inLanguage(lang, row.department_el, row.department_en),
    sortOrder: row.sort_order,
    radius: row.duplicate_radius_m,
    questions: row.questions.length,
    isActive: row.is_active,
    isPublic: row.is_public,
  }))
  return { categories, total }
}

/** A category's questions as the rows of its form: options one per line, in each language. */
function questionValues(questions: readonly Question[]): FormValues {
  const values: FormValues = {}
  questions.slice(0, QUESTION_ROWS).forEach((question, index) => {
    const row = index + 1
    values[questionField(row, 'key')] = question.key
    values[questionField(row, 'label_el')] = question.label_el
    values[questionField(row, 'label_en')] = question.label_en
    values[questionField(row, 'type')] = question.type
    values[questionField(row, 'options_el')] = (question.options ?? []).map((o) => o.label_el).join('\n')
    values[questionField(row, 'options_en')] = (question.options ?? []).map((o) => o.label_en).join('\n')
    values[questionField(row, 'required')] = question.required ? 'yes' : ''
  })
  return values
}

export async function categoryPage(db: Db, id: number, lang: Lang) {
  const row = await findCategory(db, id)
  if (!row) throw new NotFoundError()
  return {
    category: {
      id: row.id,
      code: row.code,
      name: inLanguage(lang, row.name_el, row.name_en),
      isPublic: row.is_public,
    },
    values: {
      departmentId: String(row.department_id),
      groupEl: row.group_el,
      groupEn: row.group_en,
      nameEl: row.name_el,
      nameEn: row.name_en,
      hintEl: row.hint_el ?? '',
      hintEn: row.hint_en ?? '',
      noticeEl: row.notice_el ?? '',
      noticeEn: row.notice_en ?? '',
      sortOrder: String(row.sort_order),
      duplicateRadius: String(row.duplicate_radius_m),
      active: row.is_active ? 'yes' : 'no',
      ...questionValues(row.questions),
    } as FormValues,
  }
}

/** What the form for a new category starts with: last in the list, the usual radius, active. */
export async function newCategoryValues(db: Db): Promise<FormValues> {
  return { sortOrder: String((await lastSortOrder(db)) + 10), duplicateRadius: '50', active: 'yes' }
}

/** A code for an option, from its English label: `Food waste (brown)` → `food_waste_brown`. */
function optionCode(label: string, position: number): string {
  const code = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  const start = /^[a-z]/.test(code) ? code : `option_${code || position}`
  return start.slice(0, 32).replace(/_+$/, '')
}

/**
 * Gives each option of a choice the value its answers are stored under. An option whose label
 * is unchanged keeps the value it had, so the answers already given still read the same.
 */
export function withOptionValues(
  drafts: readonly QuestionDraft[],
  existing: readonly Question[],
): Question[] {
  const questions = drafts.map((draft): Question => {
    const { options, ...question } = draft
    if (!options) return question
    const previous = existing.find((q) => q.key === draft.key)?.options ?? []
    const used = new Set<string>()
    const valued = options.map((option, index) => {
      const kept = previous.find(
        (old) =>
          !used.has(old.value) && (old.label_en === option.label_en || old.label_el === option.label_el),
      )
      let value = kept?.value ?? optionCode(option.label_en, index + 1)
      for (let n = 2; used.has(value) || !QUESTION_CODE.test(value); n += 1)
        value = `${optionCode(option.label_en, index + 1)}_${n}`
      used.add(value)
      return { value, label_el: option.label_el, label_en: option.label_en }
    })
    return { ...question, options: valued }
  })
  // What is stored is what the questions step reads: the same check it is written against.
  return categoryQuestionListSchema.parse(questions)
}

async function departmentCodeOf(trx: Knex, id: number): Promise<string> {
  const department = await findDepartment(trx, id)
  if (!department) throw new CatalogueFormError('departmentId', 'errors.catalogue.departmentRequired')
  return department.code
}

function categoryChanges(input: CategoryInput, questions: Question[]): CategoryChanges {
  return {
    department_id: input.departmentId,
    group_el: input.groupEl,
    group_en: input.groupEn,
    name_el: input.nameEl,
    name_en: input.nameEn,
    hint_el: input.hintEl,
    hint_en: input.hintEn,
    notice_el: input.noticeEl,
    notice_en: input.noticeEn,
    sort_order: input.sortOrder,
    duplicate_radius_m: input.duplicateRadius,
    is_active: input.active,
    questions,
  }
}

export async function createCategory(
  db: Db,
  audit: AuditContext,
  input: CategoryInput & { code: string },
  drafts: QuestionDraft[],
) {
  if (await categoryCodeExists(db, input.code))
    throw new CatalogueFormError('code', 'errors.catalogue.codeTaken')
  const row = { code: input.code, ...categoryChanges(input, withOptionValues(drafts, [])) }
  try {
    return await db.transaction(async (trx) => {
      const departmentCode = await departmentCodeOf(trx, input.departmentId)
      const id = await insertCategory(trx, row)
      await recordAudit(trx, audit, {
        action: 'catalogue.category_created',
        entityType: 'category',
        entityId: id,
        after: categorySnapshot(row, departmentCode),
      })
      return id
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw new CatalogueFormError('code', 'errors.catalogue.codeTaken')
    throw err
  }
}

/**
 * Saves a category; its code stays. Reports already filed keep their category and department;
 * an inactive category is no longer offered when filing. False when nothing changed.
 */
export async function updateCategory(
  db: Db,
  audit: AuditContext,
  id: number,
  input: CategoryInput,
  drafts: QuestionDraft[],
) {
  return db.transaction(async (trx) => {
    const current = await findCategory(trx, id, true)
    if (!current) throw new NotFoundError()
    const changes = categoryChanges(input, withOptionValues(drafts, current.questions))
    const before = categorySnapshot(current, await departmentCodeOf(trx, current.department_id))
    const after = categorySnapshot(
      { ...changes, code: current.code },
      await departmentCodeOf(trx, input.departmentId),
    )
    if (same(before, after)) return false

    await updateCategoryRow(trx, id, changes)
    await recordAudit(trx, audit, {
      action: 'catalogue.category_changed',
      entityType: 'category',
      entityId: id,
      before,
      after,
    })
    return true
  })
}

// ---------- response templates ----------

function templateSnapshot(row: TemplateChanges & { is_active: boolean }) {
  return {
    status: row.status,
    titleEl: row.title_el,
    titleEn: row.title_en,
    bodyEl: row.body_el,
    bodyEn: row.body_en,
    active: row.is_active,
  }
}

function templateChanges(input: TemplateInput): TemplateChanges {
  return {
    status: input.status ?? null,
    title_el: input.titleEl,
    title_en: input.titleEn,
    body_el: input.bodyEl,
    body_en: input.bodyEn,
  }
}

export async function templateList(db: Db, page: number, lang: Lang) {
  const { rows, total } = await findTemplates(db, pageOf(page))
  const templates = rows.map((row) => ({
    id: row.id,
    title: inLanguage(lang, row.title_el, row.title_en),
    status: row.status,
    isActive: row.is_active,
  }))
  return { templates, total }
}

export async function templatePage(db: Db, id: number, lang: Lang) {
  const row: TemplateRow | undefined = await findTemplate(db, id)
  if (!row) throw new NotFoundError()
  return {
    template: { id: row.id, title: inLanguage(lang, row.title_el, row.title_en), isActive: row.is_active },
    values: {
      status: row.status ?? '',
      titleEl: row.title_el,
      titleEn: row.title_en,
      bodyEl: row.body_el,
      bodyEn: row.body_en,
    } as FormValues,
  }
}

export async function createTemplate(db: Db, audit: AuditContext, input: TemplateInput) {
  const row = templateChanges(input)
  return db.transaction(async (trx) => {
    const id = await insertTemplate(trx, row, now())
    await recordAudit(trx, audit, {
      action: 'catalogue.template_created',
      entityType: 'response_template',
      entityId: id,
      after: templateSnapshot({ ...row, is_active: true }),
    })
    return id
  })
}

export async function updateTemplate(db: Db, audit: AuditContext, id: number, input: TemplateInput) {
  return db.transaction(async (trx) => {
    const current = await findTemplate(trx, id, true)
    if (!current) throw new NotFoundError()
    const changes = templateChanges(input)
    const before = templateSnapshot(current)
    const after = templateSnapshot({ ...current, ...changes })
    if (same(before, after)) return false

    await updateTemplateRow(trx, id, changes)
    await recordAudit(trx, audit, {
      action: 'catalogue.template_changed',
      entityType: 'response_template',
      entityId: id,
      before,
      after,
    })
    return true
  })
}

/** An inactive template is no longer offered on the reports' pages; it can be made active again. */
export async function setTemplateActive(db: Db, audit: AuditContext, id: number, active: boolean) {
  return db.transaction(async (trx) => {
    const current = await findTemplate(trx, id, true)
    if (!current) throw new NotFoundError()
    if (current.is_active === active) return false

    await updateTemplateRow(trx, id, { is_active: active })
    await recordAudit(trx, audit, {
      action: active ? 'catalogue.template_reactivated' : 'catalogue.template_deactivated',
      entityType: 'response_template',
      entityId: id,
      before: { active: !active },
      after: { active },
    })
    return true
  })
}

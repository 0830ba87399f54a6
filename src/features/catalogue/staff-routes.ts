// The administration pages of the report catalogue: departments, categories, response templates.
import { Router, type NextFunction, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { requireRole } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm, submittedValues, type FormError, type FormValues } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { auditContext } from '../audit/service'
import { TEMPLATE_PLACEHOLDERS } from '../reports/staff-service'
import {
  categoryListSchema,
  categorySchema,
  departmentSchema,
  MAX_RADIUS_M,
  newCategorySchema,
  newDepartmentSchema,
  pageSchema,
  QUESTION_ROWS,
  questionRowsSchema,
  recordIdSchema,
  TEMPLATE_STATUSES,
  templateSchema,
  type CategoryInput,
  type QuestionDraft,
} from './schemas'
import {
  CATALOGUE_PAGE_SIZE,
  CatalogueFormError,
  categoryList,
  categoryPage,
  createCategory,
  createDepartment,
  createTemplate,
  departmentList,
  departmentOptions,
  departmentPage,
  newCategoryValues,
  setTemplateActive,
  templateList,
  templatePage,
  updateCategory,
  updateDepartment,
  updateTemplate,
} from './service'

export const DEPARTMENTS = '/staff/admin/departments'
export const CATEGORIES = '/staff/admin/categories'
export const TEMPLATES = '/staff/admin/response-templates'

/** The notices shown after a change, by the `done` query parameter. */
const NOTICES = ['created', 'saved', 'unchanged', 'deactivated', 'reactivated']

function recordId(req: Request): number {
  const id = recordIdSchema.safeParse(req.params.id)
  if (!id.success) throw new NotFoundError()
  return id.data
}

function doneNotice(req: Request): string | null {
  return typeof req.query.done === 'string' && NOTICES.includes(req.query.done) ? req.query.done : null
}

const refusal = (req: Request, err: CatalogueFormError): FormError[] => [
  { field: err.field, text: req.t(err.messageKey) },
]

type CategoryForm =
  | { ok: true; data: CategoryInput & { code?: string }; questions: QuestionDraft[] }
  | { ok: false; errors: FormError[]; values: FormValues }

/** The category's own fields and its question rows, checked together so every problem shows at once. */
function parseCategoryForm(req: Request, creating: boolean): CategoryForm {
  const fields = parseForm<CategoryInput & { code?: string }>(
    creating ? newCategorySchema : categorySchema,
    req,
  )
  const questions = parseForm(questionRowsSchema, req)
  if (fields.ok && questions.ok) return { ok: true, data: fields.data, questions: questions.data }
  const errors = [...(fields.ok ? [] : fields.errors), ...(questions.ok ? [] : questions.errors)]
  return { ok: false, errors, values: submittedValues(req.body) }
}

export function catalogueRoutes(db: Db): Router {
  const router = Router()
  router.use(
    [DEPARTMENTS, CATEGORIES, TEMPLATES],
    requireRole('admin'),
    (_req: Request, res: Response, next: NextFunction) => {
      res.locals.section = 'catalogue'
      next()
    },
  )

  // ---------- departments ----------

  router.get(DEPARTMENTS, async (req, res) => {
    const { page } = pageSchema.parse(req.query)
    const { departments, total } = await departmentList(db, page, req.lang)

    const pagination = paginate(DEPARTMENTS, req.query, page, CATALOGUE_PAGE_SIZE, total)
    res.render('staff/admin/catalogue/departments', { departments, pagination })
  })

  async function renderDepartment(
    req: Request,
    res: Response,
    id: number | null,
    status = 200,
    errors: FormError[] = [],
  ) {
    const view = id === null ? { department: null, values: {} } : await departmentPage(db, id, req.lang)
    res.status(status).render('staff/admin/catalogue/department', {
      department: view.department,
      values: errors.length ? submittedValues(req.body) : view.values,
      errors,
      done: errors.length ? null : doneNotice(req),
    })
  }

  router.get(`${DEPARTMENTS}/new`, (req, res) => renderDepartment(req, res, null))

  router.post(`${DEPARTMENTS}/new`, async (req, res) => {
    const form = parseForm(newDepartmentSchema, req)
    if (!form.ok) return renderDepartment(req, res, null, 400, form.errors)

    try {
      const id = await createDepartment(db, auditContext(req), form.data)
      req.log.info({ event: 'department_created', departmentId: id }, 'department created')
      res.redirect(303, `${DEPARTMENTS}/${id}?done=created`)
    } catch (err) {
      if (!(err instanceof CatalogueFormError)) throw err
      await renderDepartment(req, res, null, 400, refusal(req, err))
    }
  })

  router.get(`${DEPARTMENTS}/:id`, (req, res) => renderDepartment(req, res, recordId(req)))

  router.post(`${DEPARTMENTS}/:id`, async (req, res) => {
    const id = recordId(req)
    const form = parseForm(departmentSchema, req)
    if (!form.ok) return renderDepartment(req, res, id, 400, form.errors)

    const changed = await updateDepartment(db, auditContext(req), id, form.data)
    req.log.info({ event: 'department_saved', departmentId: id, changed }, 'department saved')
    res.redirect(303, `${DEPARTMENTS}/${id}?done=${changed ? 'saved' : 'unchanged'}`)
  })

  // ---------- categories ----------

  router.get(CATEGORIES, async (req, res) => {
    const query = categoryListSchema.parse(req.query)
    const [{ categories, total }, departments] = await Promise.all([
      categoryList(db, query, req.lang),
      departmentOptions(db, req.lang),
    ])

    const pagination = paginate(CATEGORIES, req.query, query.page, CATALOGUE_PAGE_SIZE, total)
    res.render('staff/admin/catalogue/categories', { categories, departments, pagination, query })
  })

  async function renderCategory(
    req: Request,
    res: Response,
    id: number | null,
    status = 200,
    errors: FormError[] = [],
  ) {
    const [view, departments] = await Promise.all([
      id === null ? { category: null, values: await newCategoryValues(db) } : categoryPage(db, id, req.lang),
      departmentOptions(db, req.lang),
    ])
    res.status(status).render('staff/admin/catalogue/category', {
      category: view.category,
      departments,
      questionRows: QUESTION_ROWS,
      maxRadius: MAX_RADIUS_M,
      values: errors.length ? submittedValues(req.body) : view.values,
      errors,
      done: errors.length ? null : doneNotice(req),
    })
  }

  router.get(`${CATEGORIES}/new`, (req, res) => renderCategory(req, res, null))

  router.post(`${CATEGORIES}/new`, async (req, res) => {
    const form = parseCategoryForm(req, true)
    if (!form.ok) return renderCategory(req, res, null, 400, form.errors)

    try {
      const id = await createCategory(
        db,
        auditContext(req),
        { ...form.data, code: form.data.code! },
        form.questions,
      )
      req.log.info({ event: 'category_created', categoryId: id }, 'category created')
      res.redirect(303, `${CATEGORIES}/${id}?done=created`)
    } catch (err) {
      if (!(err instanceof CatalogueFormError)) throw err
      await renderCategory(req, res, null, 400, refusal(req, err))
    }
  })

  router.get(`${CATEGORIES}/:id`, (req, res) => renderCategory(req, res, recordId(req)))

  router.post(`${CATEGORIES}/:id`, async (req, res) => {
    const id = recordId(req)
    const form = parseCategoryForm(req, false)
    if (!form.ok) return renderCategory(req, res, id, 400, form.errors)

    try {
      const changed = await updateCategory(db, auditContext(req), id, form.data, form.questions)
      req.log.info({ event: 'category_saved', categoryId: id, changed }, 'category saved')
      res.redirect(303, `${CATEGORIES}/${id}?done=${changed ? 'saved' : 'unchanged'}`)
    } catch (err) {
      if (!(err instanceof CatalogueFormError)) throw err
      await renderCategory(req, res, id, 400, refusal(req, err))
    }
  })

  // ---------- response templates ----------

  router.get(TEMPLATES, async (req, res) => {
    const { page } = pageSchema.parse(req.query)
    const { templates, total } = await templateList(db, page, req.lang)

    const pagination = paginate(TEMPLATES, req.query, page, CATALOGUE_PAGE_SIZE, total)
    res.render('staff/admin/catalogue/templates', { templates, pagination })
  })

  async function renderTemplate(
    req: Request,
    res: Response,
    id: number | null,
    status = 200,
    errors: FormError[] = [],
  ) {
    const view = id === null ? { template: null, values: {} } : await templatePage(db, id, req.lang)
    res.status(status).render('staff/admin/catalogue/template', {
      template: view.template,
      statuses: TEMPLATE_STATUSES,
      placeholders: TEMPLATE_PLACEHOLDERS,
      values: errors.length ? submittedValues(req.body) : view.values,
      errors,
      done: errors.length ? null : doneNotice(req),
    })
  }

  router.get(`${TEMPLATES}/new`, (req, res) => renderTemplate(req, res, null))

  router.post(`${TEMPLATES}/new`, async (req, res) => {
    const form = parseForm(templateSchema, req)
    if (!form.ok) return renderTemplate(req, res, null, 400, form.errors)

    const id = await createTemplate(db, auditContext(req), form.data)
    req.log.info({ event: 'response_template_created', templateId: id }, 'response template created')
    res.redirect(303, `${TEMPLATES}/${id}?done=created`)
  })

  router.get(`${TEMPLATES}/:id`, (req, res) => renderTemplate(req, res, recordId(req)))

  router.post(`${TEMPLATES}/:id`, async (req, res) => {
    const id = recordId(req)
    const form = parseForm(templateSchema, req)
    if (!form.ok) return renderTemplate(req, res, id, 400, form.errors)

    const changed = await updateTemplate(db, auditContext(req), id, form.data)
    req.log.info({ event: 'response_template_saved', templateId: id, changed }, 'response template saved')
    res.redirect(303, `${TEMPLATES}/${id}?done=${changed ? 'saved' : 'unchanged'}`)
  })

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    router.post(`${TEMPLATES}/:id/${path}`, async (req, res) => {
      const id = recordId(req)
      const changed = await setTemplateActive(db, auditContext(req), id, active)

      req.log.info(
        { event: `response_template_${path}d`, templateId: id, changed },
        'response template status set',
      )
      res.redirect(303, `${TEMPLATES}/${id}?done=${changed ? `${path}d` : 'unchanged'}`)
    })
  }

  return router
}

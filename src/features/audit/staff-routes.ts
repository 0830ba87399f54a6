import { Router, type Request } from 'express'
import type { Db } from '../../db'
import { requireRole } from '../../web/auth'
import { submittedValues, type FormError } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { auditFilterSchema, auditPageSchema, type AuditFilters } from './schemas'
import { AUDIT_PAGE_SIZE, auditFilterOptions, auditLogPage } from './service'

export const AUDIT_PATH = '/staff/audit'

/** The filters from the query string, or the problems with them in the reader's language. */
function parseFilters(req: Request): { filters: AuditFilters; errors: FormError[] } {
  const result = auditFilterSchema.safeParse(req.query)
  if (result.success) return { filters: result.data, errors: [] }
  const errors = result.error.issues.map((issue) => ({
    field: String(issue.path[0] ?? 'form'),
    text: req.t(issue.message.startsWith('errors.') ? issue.message : 'errors.invalid'),
  }))
  return { filters: {}, errors }
}

export function auditRoutes(db: Db): Router {
  const router = Router()

  router.get(AUDIT_PATH, requireRole('admin'), async (req, res) => {
    res.locals.section = 'admin'
    const { filters, errors } = parseFilters(req)
    const page = errors.length ? 1 : auditPageSchema.parse(req.query.page)
    const [{ entries, total }, options] = await Promise.all([
      errors.length ? { entries: [], total: 0 } : auditLogPage(db, filters, page, req.t, req.lang),
      auditFilterOptions(db, req.t),
    ])

    const pagination = paginate(AUDIT_PATH, req.query, page, AUDIT_PAGE_SIZE, total)
    const filtered = Object.values(filters).some((value) => value !== undefined)
    res.status(errors.length ? 400 : 200).render('staff/audit/index', {
      entries,
      pagination,
      options,
      filtered,
      values: submittedValues(req.query),
      errors,
    })
  })

  return router
}

import { Router } from 'express'
import type { Db } from '../../db'
import { requireRole } from '../../web/auth'
import { parseForm } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { auditContext } from '../audit/service'
import { pageSchema, statusChangeSchema } from './schemas'
import { changeReportStatus, PAGE_SIZE, staffReport, staffReportQueue, StatusChangeError } from './service'
import { nextStatuses } from './states'

export function staffReportRoutes(db: Db): Router {
  const router = Router()
  router.use('/staff/reports', requireRole('clerk', 'admin'))

  router.get('/staff/reports', async (req, res) => {
    const page = pageSchema.parse(req.query.page)
    const { rows, total } = await staffReportQueue(db, page)

    const pagination = paginate('/staff/reports', req.query, page, PAGE_SIZE, total)
    res.render('staff/reports/index', { reports: rows, pagination })
  })

  router.get('/staff/reports/:reference', async (req, res) => {
    const view = await staffReport(db, req.params.reference)

    const statuses = nextStatuses(view.report.status)
    res.render('staff/reports/show', {
      ...view,
      statuses,
      values: {},
      errors: [],
      updated: req.query.updated === '1',
    })
  })

  router.post('/staff/reports/:reference/status', async (req, res) => {
    const reference = req.params.reference
    const form = parseForm(statusChangeSchema, req)
    if (form.ok) {
      try {
        await changeReportStatus(db, auditContext(req), reference, form.data)
        return res.redirect(303, `/staff/reports/${reference}?updated=1`)
      } catch (err) {
        if (!(err instanceof StatusChangeError)) throw err
      }
    }

    const view = await staffReport(db, reference)
    res.locals.currentPath = `/staff/reports/${reference}`
    const errors = form.ok ? [{ field: 'status', text: req.t('errors.status.notAllowed') }] : form.errors
    const values = form.ok ? {} : form.values
    const statuses = nextStatuses(view.report.status)
    res.status(400).render('staff/reports/show', { ...view, statuses, values, errors, updated: false })
  })

  return router
}

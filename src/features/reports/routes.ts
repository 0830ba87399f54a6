import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { requireVerifiedEmail } from '../accounts/guards'
import { parseForm, submittedValues } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { newReportSchema, pageSchema } from './schemas'
import {
  citizenReport,
  citizenReports,
  fileReport,
  PAGE_SIZE,
  ReportInputError,
  reportFormOptions,
} from './service'

export function reportRoutes(db: Db): Router {
  const router = Router()
  router.use('/reports', requireUser)
  router.use('/reports/new', requireVerifiedEmail)

  router.get('/reports', async (req, res) => {
    const page = pageSchema.parse(req.query.page)
    const { rows, total } = await citizenReports(db, currentUser(req).id, page)

    const pagination = paginate('/reports', req.query, page, PAGE_SIZE, total)
    res.render('reports/mine', { reports: rows, pagination })
  })

  router.get('/reports/new', async (req, res) => {
    const options = await reportFormOptions(db, req.lang)

    const values = { kind: 'report', submissionKey: randomUUID() }
    res.render('reports/new', { ...options, values, errors: [] })
  })

  router.post('/reports/new', async (req, res) => {
    const form = parseForm(newReportSchema, req)
    if (!form.ok) {
      const options = await reportFormOptions(db, req.lang)
      return res.status(400).render('reports/new', { ...options, ...form })
    }

    try {
      const reference = await fileReport(db, currentUser(req).id, form.data)
      req.log.info({ event: 'report_filed', reference }, 'report filed')
      res.redirect(303, `/reports/${reference}?filed=1`)
    } catch (err) {
      if (!(err instanceof ReportInputError)) throw err
      const options = await reportFormOptions(db, req.lang)
      const errors = [{ field: err.field, text: req.t(err.messageKey) }]
      res.status(400).render('reports/new', { ...options, values: submittedValues(req.body), errors })
    }
  })

  router.get('/reports/:reference', async (req, res) => {
    const view = await citizenReport(db, currentUser(req).id, req.params.reference)

    res.render('reports/show', { ...view, filed: req.query.filed === '1' })
  })

  return router
}

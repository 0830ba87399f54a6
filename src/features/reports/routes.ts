// A resident's own reports: the list and each report's page. Filing is in filing-routes.ts.
import { Router } from 'express'
import { reportAnswerLines } from './answers'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { paginate } from '../../web/pagination'
import { pageSchema } from './schemas'
import { citizenReport, citizenReports, PAGE_SIZE } from './service'

export function reportRoutes(db: Db): Router {
  const router = Router()
  router.use('/reports', requireUser)

  router.get('/reports', async (req, res) => {
    const page = pageSchema.parse(req.query.page)
    const { rows, total } = await citizenReports(db, currentUser(req).id, page)

    const pagination = paginate('/reports', req.query, page, PAGE_SIZE, total)
    res.render('reports/mine', { reports: rows, pagination })
  })

  router.get('/reports/:reference', async (req, res) => {
    const view = await citizenReport(db, currentUser(req).id, req.params.reference)
    const answers = await reportAnswerLines(db, view.report, req.lang, req.t)

    res.render('reports/show', { ...view, answers })
  })

  return router
}

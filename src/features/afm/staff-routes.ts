// Staff review of AFM claims, for the roles in AFM_REVIEW_ROLES. A reviewer's own claim is refused,
// so no one verifies themselves.
import { Router, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { requireRole } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm, submittedValues, type FormError, type FormValues } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { auditContext } from '../audit/service'
import { documentFileName, isImage } from './documents'
import { claimIdSchema, decisionSchema, pageSchema, queueFilterSchema } from './schemas'
import {
  AFM_REVIEW_ROLES,
  ClaimDecisionError,
  decideClaim,
  PAGE_SIZE,
  staffClaim,
  staffClaimDocument,
  staffClaimQueue,
} from './service'

function claimIdOf(req: Request): number {
  const id = claimIdSchema.safeParse(req.params.id)
  if (!id.success) throw new NotFoundError()
  return id.data
}

export function staffAfmRoutes(db: Db): Router {
  const router = Router()
  router.use('/staff/afm', requireRole(...AFM_REVIEW_ROLES))

  router.get('/staff/afm', async (req, res) => {
    const page = pageSchema.parse(req.query.page)
    const afm = queueFilterSchema.parse(req.query.afm)
    const typed = typeof req.query.afm === 'string' ? req.query.afm : ''
    const { rows, total } = await staffClaimQueue(db, page, afm)

    const errors =
      typed.trim() && !afm ? [{ field: 'afm', text: req.t('errors.afmVerification.format') }] : []
    const pagination = paginate('/staff/afm', req.query, page, PAGE_SIZE, total)
    res.render('staff/afm/index', {
      claims: rows,
      pagination,
      filter: afm ?? null,
      values: { afm: typed },
      errors,
      decided:
        req.query.decided === 'verified' || req.query.decided === 'rejected' ? req.query.decided : null,
    })
  })

  async function renderClaim(
    req: Request,
    res: Response,
    status = 200,
    errors: FormError[] = [],
    values: FormValues = {},
  ) {
    const { claim, sameAfm } = await staffClaim(db, claimIdOf(req))

    const isOwnClaim = Number(claim.user_id) === req.user?.id
    const documentIsImage = claim.document_type ? isImage(claim.document_type) : false
    res
      .status(status)
      .render('staff/afm/show', { claim, sameAfm, isOwnClaim, documentIsImage, errors, values })
  }

  router.get('/staff/afm/:id', (req, res) => renderClaim(req, res))

  router.get('/staff/afm/:id/document', async (req, res) => {
    const id = claimIdOf(req)
    const document = await staffClaimDocument(db, auditContext(req), id)

    res.set({
      'Content-Type': document.type,
      'Content-Disposition': `attachment; filename="${documentFileName(id, document.type)}"`,
      'Content-Length': String(document.content.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
    })
    res.end(document.content)
  })

  router.post('/staff/afm/:id/decision', async (req, res) => {
    const id = claimIdOf(req)
    const form = parseForm(decisionSchema, req)
    if (!form.ok) return renderClaim(req, res, 400, form.errors, form.values)

    try {
      const { decision, reason } = form.data
      await decideClaim(
        db,
        auditContext(req),
        id,
        decision === 'verified' ? { status: 'verified' } : { status: 'rejected', reason: reason ?? '' },
      )
      req.log.info({ event: 'afm_decided', claimId: id, decision }, 'AFM claim decided')
      res.redirect(303, `/staff/afm?decided=${decision}`)
    } catch (err) {
      if (!(err instanceof ClaimDecisionError)) throw err
      await renderClaim(
        req,
        res,
        400,
        [{ field: 'decision', text: req.t(err.messageKey) }],
        submittedValues(req.body),
      )
    }
  })

  return router
}

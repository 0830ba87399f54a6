import { Router, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { parseForm, submittedValues, type FormError } from '../../web/forms'
import { MAX_DOCUMENT_BYTES } from './documents'
import { claimSchema } from './schemas'
import {
  afmStandingOf,
  AfmClaimError,
  chooseCounter,
  claimAfmForAccount,
  submitDocument,
  withdrawClaim,
} from './service'
import { DOCUMENT_FIELD, DOCUMENT_UPLOAD_PATH, uploadProblemOf } from './upload'

const NOTICES = ['claimed', 'document', 'counter', 'withdrawn'] as const

const UPLOAD_MESSAGES = {
  tooLarge: 'errors.afmVerification.fileTooLarge',
  unreadable: 'errors.afmVerification.fileUnreadable',
} as const

export function afmRoutes(db: Db): Router {
  const router = Router()
  router.use('/account/afm', requireUser)

  async function renderAfmPage(req: Request, res: Response, status = 200, errors: FormError[] = []) {
    const standing = await afmStandingOf(db, currentUser(req).id)
    const notice = NOTICES.find((name) => req.query.done === name) ?? null

    const values = errors.length ? submittedValues(req.body) : {}
    res.status(status).render('afm/index', {
      standing,
      notice,
      errors,
      values,
      maxMegabytes: MAX_DOCUMENT_BYTES / (1024 * 1024),
      documentField: DOCUMENT_FIELD,
    })
  }

  async function refusal(req: Request, res: Response, err: unknown) {
    if (!(err instanceof AfmClaimError)) throw err
    const status = err.messageKey === 'errors.afmVerification.fileTooLarge' ? 413 : 400
    await renderAfmPage(req, res, status, [{ field: err.field, text: req.t(err.messageKey) }])
  }

  router.get('/account/afm', (req, res) => renderAfmPage(req, res))

  router.post('/account/afm', async (req, res) => {
    const form = parseForm(claimSchema, req)
    if (!form.ok) return renderAfmPage(req, res, 400, form.errors)

    try {
      await claimAfmForAccount(db, currentUser(req).id, form.data.afm)
      req.log.info({ event: 'afm_claimed', userId: currentUser(req).id }, 'AFM claimed')
      res.redirect(303, '/account/afm?done=claimed')
    } catch (err) {
      await refusal(req, res, err)
    }
  })

  router.post(DOCUMENT_UPLOAD_PATH, async (req, res) => {
    const problem = uploadProblemOf(req)
    if (problem) {
      const field = { field: 'document', text: req.t(UPLOAD_MESSAGES[problem]) }
      return renderAfmPage(req, res, problem === 'tooLarge' ? 413 : 400, [field])
    }

    try {
      await submitDocument(db, currentUser(req).id, req.file?.buffer)
      req.log.info({ event: 'afm_document', userId: currentUser(req).id }, 'AFM document received')
      res.redirect(303, '/account/afm?done=document')
    } catch (err) {
      await refusal(req, res, err)
    }
  })

  router.post('/account/afm/counter', async (req, res) => {
    try {
      await chooseCounter(db, currentUser(req).id)
      res.redirect(303, '/account/afm?done=counter')
    } catch (err) {
      await refusal(req, res, err)
    }
  })

  router.post('/account/afm/withdraw', async (req, res) => {
    try {
      await withdrawClaim(db, currentUser(req).id)
      res.redirect(303, '/account/afm?done=withdrawn')
    } catch (err) {
      await refusal(req, res, err)
    }
  })

  return router
}

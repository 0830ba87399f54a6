import { Router, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm, type FormError } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { throttledErrors } from '../throttling/middleware'
import { pageSchema, sessionHandleSchema, signOutOthersSchema } from './schemas'
import { PAGE_SIZE, sessionsOfAccount, signOutOneSession, signOutOtherSessions } from './service'

export function sessionRoutes(db: Db): Router {
  const router = Router()
  router.use('/account/sessions', requireUser)

  async function showSessions(req: Request, res: Response, errors: FormError[] = []) {
    const page = pageSchema.parse(req.query.page)
    const { sessions, total } = await sessionsOfAccount(db, currentUser(req), req.sessionID, page)

    const pagination = paginate('/account/sessions', req.query, page, PAGE_SIZE, total)
    const signedOutOthers = req.query.signedOutOthers === '1'
    const signedOutOne = req.query.signedOutOne === '1'
    res.render('sessions/index', { sessions, pagination, signedOutOthers, signedOutOne, errors })
  }

  router.get('/account/sessions', (req, res) => showSessions(req, res))

  router.post('/account/sessions/sign-out-others', async (req, res) => {
    const user = currentUser(req)
    const form = parseForm(signOutOthersSchema, req)
    if (!form.ok) return showSessions(req, res.status(400), form.errors)

    const result = await signOutOtherSessions(db, user, req.sessionID, form.data.password, req.ip)
    if (result.outcome === 'throttled') {
      return showSessions(req, res, throttledErrors(req, res, result.verdict, 'passwordCheck', 'password'))
    }
    if (result.outcome === 'wrongPassword') {
      req.log.warn(
        { event: 'password_check_failed', userId: user.id },
        'wrong password to sign out elsewhere',
      )
      const errors = [{ field: 'password', text: req.t('sessions.signOutOthers.wrongPassword') }]
      return showSessions(req, res.status(400), errors)
    }

    req.log.info(
      { event: 'other_sessions_ended', userId: user.id, ended: result.ended },
      'signed out elsewhere',
    )
    res.redirect(303, '/account/sessions?signedOutOthers=1')
  })

  router.post('/account/sessions/:handle/sign-out', async (req, res) => {
    const user = currentUser(req)
    const handle = sessionHandleSchema.safeParse(req.params.handle)
    if (!handle.success) throw new NotFoundError()

    const outcome = await signOutOneSession(db, user, req.sessionID, handle.data)
    if (outcome === 'notFound') throw new NotFoundError()
    if (outcome === 'thisSession') {
      const errors = [{ field: 'sessions', text: req.t('sessions.signOutOne.thisDevice') }]
      return showSessions(req, res.status(400), errors)
    }
    req.log.info({ event: 'session_ended', userId: user.id }, 'signed out one other device')
    res.redirect(303, '/account/sessions?signedOutOne=1')
  })

  return router
}

import { Router, type Request, type Response } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm, type FormError } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { throttledErrors } from '../throttling/middleware'
import { pageSchema, passwordAgainSchema, sessionHandleSchema } from './schemas'
import {
  chosenSession,
  PAGE_SIZE,
  sessionsOfAccount,
  signOutOneSession,
  signOutOtherSessions,
} from './service'

const SIGN_OUT_ONE = '/account/sessions/:handle/sign-out'

function handleOf(req: Request): string {
  const handle = sessionHandleSchema.safeParse(req.params.handle)
  if (!handle.success) throw new NotFoundError()
  return handle.data
}

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
    const form = parseForm(passwordAgainSchema, req)
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

  function showThisDeviceError(req: Request, res: Response) {
    const errors = [{ field: 'sessions', text: req.t('sessions.signOutOne.thisDevice') }]
    return showSessions(req, res.status(400), errors)
  }

  /** The page that names one other device and asks for the password to sign it out. */
  async function showSignOutOne(req: Request, res: Response, errors: FormError[] = []) {
    const chosen = await chosenSession(db, currentUser(req), req.sessionID, handleOf(req))
    if (chosen.outcome === 'notFound') throw new NotFoundError()
    if (chosen.outcome === 'thisSession') return showThisDeviceError(req, res)

    res.render('sessions/sign-out-one', { session: chosen.session, errors, values: {} })
  }

  router.get(SIGN_OUT_ONE, (req, res) => showSignOutOne(req, res))

  router.post(SIGN_OUT_ONE, async (req, res) => {
    const user = currentUser(req)
    const handle = handleOf(req)
    const form = parseForm(passwordAgainSchema, req)
    if (!form.ok) return showSignOutOne(req, res.status(400), form.errors)

    const result = await signOutOneSession(db, user, req.sessionID, handle, form.data.password, req.ip)
    switch (result.outcome) {
      case 'notFound':
        throw new NotFoundError()
      case 'thisSession':
        return showThisDeviceError(req, res)
      case 'throttled':
        return showSignOutOne(
          req,
          res,
          throttledErrors(req, res, result.verdict, 'passwordCheck', 'password'),
        )
      case 'wrongPassword': {
        req.log.warn(
          { event: 'password_check_failed', userId: user.id },
          'wrong password to sign out a device',
        )
        const errors = [{ field: 'password', text: req.t('sessions.signOutOthers.wrongPassword') }]
        return showSignOutOne(req, res.status(400), errors)
      }
      case 'signedOut':
        req.log.info({ event: 'session_ended', userId: user.id }, 'signed out one other device')
        return res.redirect(303, '/account/sessions?signedOutOne=1')
    }
  })

  return router
}

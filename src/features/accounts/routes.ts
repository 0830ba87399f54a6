import { Router, type NextFunction, type Request, type Response } from 'express'
import type passport from 'passport'
import type { Db } from '../../db'
import { requireUser, currentUser } from '../../web/auth'
import { parseForm, submittedValues } from '../../web/forms'
import { safeLocalPath } from '../../web/redirects'
import { afmAccountSummary } from '../afm/service'
import { loginSchema, registrationSchema, PASSWORD_MIN } from './schemas'
import { EmailTakenError, loadCurrentUser, registerCitizen } from './service'

function logIn(req: Request, user: Express.User): Promise<void> {
  return new Promise((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())))
}

export function accountRoutes(db: Db, auth: passport.PassportStatic): Router {
  const router = Router()

  router.get('/register', (req, res) => {
    res.render('accounts/register', { values: {}, errors: [], passwordMin: PASSWORD_MIN })
  })

  router.post('/register', async (req, res) => {
    const form = parseForm(registrationSchema, req)
    if (!form.ok) {
      return res.status(400).render('accounts/register', { ...form, passwordMin: PASSWORD_MIN })
    }

    try {
      const id = await registerCitizen(db, form.data, req.lang)
      const user = await loadCurrentUser(db, id)
      if (user) await logIn(req, user)
    } catch (err) {
      if (!(err instanceof EmailTakenError)) throw err
      const errors = [{ field: 'email', text: req.t('errors.email.taken') }]
      const values = submittedValues(req.body)
      return res.status(400).render('accounts/register', { values, errors, passwordMin: PASSWORD_MIN })
    }

    req.log.info({ event: 'registered', userId: req.user?.id }, 'citizen registered')
    res.redirect('/account?welcome=1')
  })

  router.get('/login', (req, res) => {
    res.render('accounts/login', { values: {}, errors: [], next: safeLocalPath(req.query.next, '') })
  })

  router.post('/login', (req: Request, res: Response, next: NextFunction) => {
    const form = parseForm(loginSchema, req)
    const nextPath = safeLocalPath(req.body?.next, '')
    if (!form.ok) {
      return res.status(400).render('accounts/login', { ...form, next: nextPath })
    }

    auth.authenticate('local', (err: unknown, user: Express.User | false) => {
      if (err) return next(err)
      if (!user) {
        req.log.warn({ event: 'login_failed' }, 'login refused')
        const errors = [{ field: 'email', text: req.t('errors.login.failed') }]
        return res
          .status(401)
          .render('accounts/login', { values: { email: form.data.email }, errors, next: nextPath })
      }
      logIn(req, user).then(() => {
        req.log.info({ event: 'login', userId: user.id }, 'signed in')
        res.redirect(nextPath || '/account')
      }, next)
    })(req, res, next)
  })

  router.post('/logout', (req, res, next) => {
    const userId = req.user?.id
    req.logout((err) => {
      if (err) return next(err)
      req.log.info({ event: 'logout', userId }, 'signed out')
      req.session.destroy((destroyError) => {
        if (destroyError) return next(destroyError)
        res.clearCookie(req.app.get('sessionCookieName') as string)
        res.redirect('/?signedOut=1')
      })
    })
  })

  router.get('/account', requireUser, async (req, res) => {
    const account = currentUser(req)
    const afm = await afmAccountSummary(db, account)

    res.render('accounts/account', { account, afm, welcome: req.query.welcome === '1' })
  })

  return router
}

import { Router, type NextFunction, type Request, type Response } from 'express'
import type passport from 'passport'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { parseForm, submittedValues } from '../../web/forms'
import { safeLocalPath } from '../../web/redirects'
import {
  throttleLogin,
  throttlePasswordReset,
  throttleRegistration,
  type ShowForm,
} from '../throttling/middleware'
import { recordSuccessfulLogin } from '../throttling/service'
import { afmAccountSummary } from '../afm/service'
import {
  changeEmailSchema,
  changePasswordSchema,
  forgotPasswordSchema,
  loginSchema,
  PASSWORD_MAX,
  PASSWORD_MIN,
  registrationSchema,
  resetPasswordSchema,
  tokenFormSchema,
} from './schemas'
import {
  AccountInputError,
  changePassword,
  confirmEmailChange,
  EmailTakenError,
  InvalidLinkError,
  openLink,
  registerCitizen,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  verifyEmail,
} from './service'
import type { TokenPurpose } from './tokens'

declare module 'express-session' {
  interface SessionData {
    /** The address typed on the last registration or reset form, to say where the link went. */
    linkSentTo?: string
  }
}

export type AccountRouteOptions = {
  /** Mail is kept on this machine and shown at /dev/mail instead of being sent (the demo). */
  mailKept?: boolean
}

const passwordLimits = { passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX }

const ACCOUNT_NOTICES = [
  'verified',
  'verificationSent',
  'passwordChanged',
  'emailChangeRequested',
  'emailChanged',
] as const
const LOGIN_NOTICES = ['passwordReset'] as const

function noticeFrom<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.find((notice) => notice === value) ?? null
}

// A throttled request sees its form again with a message saying how long to wait.
const showRegistration: ShowForm = (req, res, errors) =>
  res.render('accounts/register', { values: submittedValues(req.body), errors, ...passwordLimits })
const showLogin: ShowForm = (req, res, errors) =>
  res.render('accounts/login', {
    values: submittedValues(req.body),
    errors,
    next: safeLocalPath(req.body?.next, ''),
    notice: null,
  })
const showForgotPassword: ShowForm = (req, res, errors) =>
  res.render('accounts/forgot-password', { values: submittedValues(req.body), errors })
import { holdForSecondFactor, SECOND_FACTOR_PATH } from '../mfa/sign-in'

function logIn(req: Request, user: Express.User): Promise<void> {
  return new Promise((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())))
}

/** The session store is asynchronous: save before redirecting, or the next page may not see it. */
function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())))
}

/** Pages opened from a link in a mail carry the token in their address: send it to no one. */
function tokenPage(res: Response): void {
  res.setHeader('Referrer-Policy', 'no-referrer')
}

function renderInvalidLink(res: Response, purpose: TokenPurpose, reason: 'invalid' | 'taken' = 'invalid') {
  res.status(reason === 'taken' ? 409 : 410).render('accounts/link-invalid', { purpose, reason })
}

export function accountRoutes(
  db: Db,
  auth: passport.PassportStatic,
  options: AccountRouteOptions = {},
): Router {
  const router = Router()

  router.get('/register', (_req, res) => {
    res.render('accounts/register', { values: {}, errors: [], ...passwordLimits })
  })

  router.post('/register', throttleRegistration(db, showRegistration), async (req, res) => {
    const form = parseForm(registrationSchema, req)
    if (!form.ok) return res.status(400).render('accounts/register', { ...form, ...passwordLimits })

    await registerCitizen(db, form.data, req.lang)

    req.log.info({ event: 'registration_accepted' }, 'registration form accepted')
    req.session.linkSentTo = form.data.email
    await saveSession(req)
    res.redirect(303, '/register/check-email')
  })

  router.get('/register/check-email', (req, res) => {
    res.render('accounts/check-email', { email: req.session.linkSentTo ?? null, mailKept: options.mailKept })
  })

  router.get('/email/verify', async (req, res) => {
    tokenPage(res)
    try {
      const link = await openLink(db, 'verify_email', req.query.token)
      res.render('accounts/verify-email', { token: req.query.token, email: link.email })
    } catch (err) {
      if (!(err instanceof InvalidLinkError)) throw err
      renderInvalidLink(res, 'verify_email')
    }
  })

  router.post('/email/verify', async (req, res) => {
    const form = parseForm(tokenFormSchema, req)
    if (!form.ok) return renderInvalidLink(res, 'verify_email')

    try {
      const userId = await verifyEmail(db, form.data.token)
      req.log.info({ event: 'email_verified', userId }, 'e-mail address confirmed')
      res.redirect(303, req.user?.id === userId ? '/account?notice=verified' : '/email/verified')
    } catch (err) {
      if (!(err instanceof InvalidLinkError)) throw err
      renderInvalidLink(res, 'verify_email')
    }
  })

  router.get('/email/verified', (_req, res) => {
    res.render('accounts/link-done', { done: 'verified' })
  })

  router.post('/email/verify/resend', requireUser, async (req, res) => {
    const sent = await resendVerification(db, currentUser(req).id)

    res.redirect(303, sent ? '/account?notice=verificationSent' : '/account')
  })

  router.get('/password/forgot', (_req, res) => {
    res.render('accounts/forgot-password', { values: {}, errors: [] })
  })

  router.post('/password/forgot', throttlePasswordReset(db, showForgotPassword), async (req, res) => {
    const form = parseForm(forgotPasswordSchema, req)
    if (!form.ok) return res.status(400).render('accounts/forgot-password', form)

    await requestPasswordReset(db, form.data.email)

    req.log.info({ event: 'password_reset_requested' }, 'password reset form accepted')
    req.session.linkSentTo = form.data.email
    await saveSession(req)
    res.redirect(303, '/password/forgot/sent')
  })

  router.get('/password/forgot/sent', (req, res) => {
    res.render('accounts/forgot-sent', { email: req.session.linkSentTo ?? null, mailKept: options.mailKept })
  })

  router.get('/password/reset', async (req, res) => {
    tokenPage(res)
    try {
      const link = await openLink(db, 'reset_password', req.query.token)
      const values = { token: String(req.query.token) }
      res.render('accounts/reset-password', { values, errors: [], email: link.email, ...passwordLimits })
    } catch (err) {
      if (!(err instanceof InvalidLinkError)) throw err
      renderInvalidLink(res, 'reset_password')
    }
  })

  router.post('/password/reset', async (req, res) => {
    tokenPage(res)
    const token: unknown = req.body?.token
    try {
      const link = await openLink(db, 'reset_password', token)
      const page = { email: link.email, ...passwordLimits }
      const form = parseForm(resetPasswordSchema, req)
      if (!form.ok) return res.status(400).render('accounts/reset-password', { ...form, ...page })

      try {
        await resetPassword(db, form.data, req.sessionID)
      } catch (err) {
        if (!(err instanceof AccountInputError)) throw err
        const errors = [{ field: err.field, text: req.t(err.messageKey) }]
        return res.status(400).render('accounts/reset-password', { values: { token }, errors, ...page })
      }
      req.log.info({ event: 'password_reset' }, 'password set through a reset link')
      res.redirect(303, '/login?notice=passwordReset')
    } catch (err) {
      if (!(err instanceof InvalidLinkError)) throw err
      renderInvalidLink(res, 'reset_password')
    }
  })

  router.get('/login', (req, res) => {
    res.render('accounts/login', {
      values: {},
      errors: [],
      next: safeLocalPath(req.query.next, ''),
      notice: noticeFrom(req.query.notice, LOGIN_NOTICES),
    })
  })

  router.post('/login', throttleLogin(db, showLogin), (req: Request, res: Response, next: NextFunction) => {
    const form = parseForm(loginSchema, req)
    const nextPath = safeLocalPath(req.body?.next, '')
    if (!form.ok) {
      return res.status(400).render('accounts/login', { ...form, next: nextPath, notice: null })
    }

    auth.authenticate('local', (err: unknown, user: Express.User | false) => {
      if (err) return next(err)
      if (!user) {
        req.log.warn({ event: 'login_failed' }, 'login refused')
        const errors = [{ field: 'email', text: req.t('errors.login.failed') }]
        const values = { email: form.data.email }
        return res.status(401).render('accounts/login', { values, errors, next: nextPath, notice: null })
      }
      // Staff with an authenticator app finish signing in with a code (features/mfa/sign-in.ts).
      holdForSecondFactor(db, req, user, nextPath)
        .then(async (held) => {
          if (held) {
            // The password was right: it must not count as a failed sign-in while the code is asked.
            await recordSuccessfulLogin(db, form.data.email, req.ip)
            return res.redirect(SECOND_FACTOR_PATH)
          }
          await logIn(req, user)
          req.log.info({ event: 'login', userId: user.id }, 'signed in')
          res.redirect(nextPath || '/account')
        })
        .catch(next)
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

    res.render('accounts/account', { account, afm, notice: noticeFrom(req.query.notice, ACCOUNT_NOTICES) })
  })

  router.get('/account/password', requireUser, (req, res) => {
    res.render('accounts/change-password', {
      values: {},
      errors: [],
      email: currentUser(req).email,
      ...passwordLimits,
    })
  })

  router.post('/account/password', requireUser, async (req, res) => {
    const user = currentUser(req)
    const page = { email: user.email, ...passwordLimits }
    const form = parseForm(changePasswordSchema, req)
    if (!form.ok) return res.status(400).render('accounts/change-password', { ...form, ...page })

    try {
      await changePassword(db, user.id, form.data, req.sessionID)
    } catch (err) {
      if (!(err instanceof AccountInputError)) throw err
      const errors = [{ field: err.field, text: req.t(err.messageKey) }]
      return res.status(400).render('accounts/change-password', { values: {}, errors, ...page })
    }

    req.log.info({ event: 'password_changed', userId: user.id }, 'password changed')
    res.redirect(303, '/account?notice=passwordChanged')
  })

  router.get('/account/email', requireUser, (req, res) => {
    res.render('accounts/change-email', { values: {}, errors: [], account: currentUser(req) })
  })

  router.post('/account/email', requireUser, async (req, res) => {
    const user = currentUser(req)
    const form = parseForm(changeEmailSchema, req)
    if (!form.ok) return res.status(400).render('accounts/change-email', { ...form, account: user })

    try {
      await requestEmailChange(db, user.id, form.data)
    } catch (err) {
      if (!(err instanceof AccountInputError)) throw err
      const errors = [{ field: err.field, text: req.t(err.messageKey) }]
      const values = submittedValues(req.body)
      return res.status(400).render('accounts/change-email', { values, errors, account: user })
    }

    req.log.info({ event: 'email_change_requested', userId: user.id }, 'change of e-mail address requested')
    res.redirect(303, '/account?notice=emailChangeRequested')
  })

  router.get('/email/change', async (req, res) => {
    tokenPage(res)
    try {
      const link = await openLink(db, 'change_email', req.query.token)
      res.render('accounts/change-email-confirm', { token: req.query.token, email: link.email })
    } catch (err) {
      if (!(err instanceof InvalidLinkError)) throw err
      renderInvalidLink(res, 'change_email')
    }
  })

  router.post('/email/change', async (req, res) => {
    const form = parseForm(tokenFormSchema, req)
    if (!form.ok) return renderInvalidLink(res, 'change_email')

    try {
      const userId = await confirmEmailChange(db, form.data.token)
      req.log.info({ event: 'email_changed', userId }, 'e-mail address changed')
      res.redirect(303, req.user?.id === userId ? '/account?notice=emailChanged' : '/email/changed')
    } catch (err) {
      if (err instanceof EmailTakenError) return renderInvalidLink(res, 'change_email', 'taken')
      if (!(err instanceof InvalidLinkError)) throw err
      renderInvalidLink(res, 'change_email')
    }
  })

  router.get('/email/changed', (_req, res) => {
    res.render('accounts/link-done', { done: 'emailChanged' })
  })

  return router
}

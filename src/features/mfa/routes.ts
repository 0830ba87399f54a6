import { Router, type Request } from 'express'
import type { Db } from '../../db'
import { currentUser, requireUser } from '../../web/auth'
import { NotFoundError } from '../../web/errors'
import { parseForm } from '../../web/forms'
import { safeLocalPath } from '../../web/redirects'
import { formatDateTime } from '../../lib/format'
import { auditContext } from '../audit/service'
import { loadCurrentUser } from '../accounts/service'
import { throttledErrors } from '../throttling/middleware'
import { recordRightCode, startCodeAttempt } from '../throttling/service'
import { ENROLMENT_PATH } from './gate'
import { codeSchema } from './schemas'
import {
  checkSignInCode,
  confirmTwoFactor,
  twoFactorStatus,
  UnreadableSecretError,
  type MfaSettings,
  type SignInCodeCheck,
} from './service'
import {
  releaseHold,
  saveSession,
  SECOND_FACTOR_MAX_FAILURES,
  SECOND_FACTOR_PATH,
  secondFactorHold,
} from './sign-in'

function logIn(req: Request, user: Express.User): Promise<void> {
  return new Promise((resolve, reject) => req.login(user, (err) => (err ? reject(err) : resolve())))
}

export function mfaRoutes(db: Db, settings: MfaSettings): Router {
  const router = Router()

  router.get(SECOND_FACTOR_PATH, (req, res) => {
    if (!secondFactorHold(req)) return res.redirect('/login')

    res.render('mfa/code', { errors: [], values: {}, locked: false })
  })

  router.post(SECOND_FACTOR_PATH, async (req, res) => {
    const hold = secondFactorHold(req)
    if (!hold) return res.redirect(303, '/login')
    const form = parseForm(codeSchema, req)
    if (!form.ok) {
      return res.status(400).render('mfa/code', { errors: form.errors, values: {}, locked: false })
    }

    const verdict = await startCodeAttempt(db, hold.userId, req.ip)
    if (!verdict.allowed) {
      const errors = throttledErrors(req, res, verdict, 'secondFactor', 'code')
      return res.render('mfa/code', { errors, values: {}, locked: false })
    }
    const check = await checkCode(req, hold.userId, form.data.code)
    if (check.outcome === 'locked') {
      req.log.warn({ event: 'mfa_codes_locked', userId: hold.userId }, 'sign-in code refused: too many')
      const text = req.t('errors.mfa.accountLocked', { time: formatDateTime(check.until, req.lang) })
      return res
        .status(429)
        .render('mfa/code', { errors: [{ field: 'code', text }], values: {}, locked: false })
    }
    if (check.outcome === 'wrong' || check.outcome === 'reused') {
      hold.failures += 1
      const locked = hold.failures >= SECOND_FACTOR_MAX_FAILURES
      if (locked) releaseHold(req)
      await saveSession(req)
      const reused = check.outcome === 'reused'
      const event = reused ? 'mfa_code_reused' : 'mfa_code_refused'
      req.log.warn({ event, userId: hold.userId, locked }, 'sign-in code refused')
      const message = reused ? 'errors.mfa.codeUsed' : 'errors.mfa.wrongCode'
      const errors = locked ? [] : [{ field: 'code', text: req.t(message) }]
      return res.status(locked ? 429 : 400).render('mfa/code', { errors, values: {}, locked })
    }

    await recordRightCode(db, hold.userId, req.ip)
    const user = await loadCurrentUser(db, hold.userId)
    if (!user) {
      releaseHold(req)
      await saveSession(req)
      return res.redirect(303, '/login')
    }
    await logIn(req, user)
    req.log.info({ event: 'login', userId: user.id, secondFactor: 'totp' }, 'signed in')
    res.redirect(303, hold.next || '/account')
  })

  /** A secret that no longer decrypts (SESSION_SECRET changed) answers like a wrong code, and is logged. */
  async function checkCode(req: Request, userId: number, code: string): Promise<SignInCodeCheck> {
    try {
      return await checkSignInCode(db, settings, userId, code)
    } catch (err) {
      if (!(err instanceof UnreadableSecretError)) throw err
      req.log.error({ event: 'mfa_secret_unreadable', userId }, 'stored TOTP secret unreadable')
      return { outcome: 'wrong' }
    }
  }

  router.get(ENROLMENT_PATH, requireUser, async (req, res) => {
    const user = currentUser(req)
    if (!user.isStaff) throw new NotFoundError()
    const status = await twoFactorStatus(db, settings, user)

    res.render('mfa/enrol', {
      status,
      next: safeLocalPath(req.query.next, ''),
      canSkip: settings.mode === 'optional',
      done: req.query.done === '1',
      errors: [],
      values: {},
    })
  })

  router.post(ENROLMENT_PATH, requireUser, async (req, res) => {
    const user = currentUser(req)
    if (!user.isStaff) throw new NotFoundError()
    const next = safeLocalPath(req.body?.next, '')
    const form = parseForm(codeSchema, req)
    const outcome = form.ok
      ? await confirmTwoFactor(db, settings, auditContext(req), user, form.data.code)
      : 'wrong-code'

    if (outcome === 'enrolled') {
      // A new session id now that the account has a stronger sign-in.
      await logIn(req, user)
      req.log.info({ event: 'mfa_enrolled', userId: user.id }, 'two-factor authentication set up')
    }
    if (outcome === 'enrolled' || outcome === 'already-enrolled') {
      const back = next ? `&next=${encodeURIComponent(next)}` : ''
      return res.redirect(303, `${ENROLMENT_PATH}?done=1${back}`)
    }
    const errors = form.ok
      ? [
          {
            field: 'code',
            text: req.t(outcome === 'wrong-code' ? 'errors.mfa.wrongCode' : 'errors.mfa.startAgain'),
          },
        ]
      : form.errors
    const status = await twoFactorStatus(db, settings, user)
    res.status(400).render('mfa/enrol', {
      status,
      next,
      canSkip: settings.mode === 'optional',
      done: false,
      errors,
      values: {},
    })
  })

  return router
}

// Route middleware that applies the throttling rules. A refused request is answered 429 with the
// form it came from, shown again by the route's own `showForm`, and a message that says how long
// to wait in the reader's language.
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { TFunction } from 'i18next'
import type { Db } from '../../db'
import type { FormError } from '../../web/forms'
import { afterSignIn } from '../../web/session-timeouts'
import {
  accountTag,
  limitCodeLookup,
  limitPasswordReset,
  limitRegistration,
  recordSuccessfulLogin,
  startLoginAttempt,
  type Verdict,
} from './service'

/** Renders the page of the form again with these errors; the status is already set. */
export type ShowForm = (req: Request, res: Response, errors: FormError[]) => void

export type ThrottledAction =
  | 'login'
  | 'registration'
  | 'passwordReset'
  | 'codeLookup'
  | 'passwordCheck'
  | 'secondFactor'
  | 'photoUpload'
  | 'reportSend'
type Refused = Extract<Verdict, { allowed: false }>

/** "45 seconds", "3 minutes": seconds under a minute, otherwise whole minutes rounded up. */
export function waitText(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('throttling.wait.seconds', { count: seconds })
  return t('throttling.wait.minutes', { count: Math.ceil(seconds / 60) })
}

function emailIn(req: Request): string | null {
  const email: unknown = req.body?.email
  return typeof email === 'string' && email.trim() !== '' ? email : null
}

/**
 * Logs a refused request, sets its status to 429 with `Retry-After`, and returns the error to
 * show on its form, pointing at `field`. For routes that throttle inside the handler.
 */
export function throttledErrors(
  req: Request,
  res: Response,
  verdict: Refused,
  action: ThrottledAction,
  field: string,
): FormError[] {
  const email = emailIn(req)
  req.log.warn(
    {
      event: 'throttled',
      action,
      limit: verdict.limit,
      retryAfterSeconds: verdict.retryAfterSeconds,
      account: email ? accountTag(email) : null,
      userId: req.user?.id ?? null,
      ip: req.ip,
    },
    'request throttled',
  )
  res.status(429).set('Retry-After', String(verdict.retryAfterSeconds))
  const text = req.t(`errors.throttling.${action}`, { wait: waitText(req.t, verdict.retryAfterSeconds) })
  return [{ field, text }]
}

function refuse(
  req: Request,
  res: Response,
  verdict: Refused,
  action: ThrottledAction,
  field: string,
  showForm: ShowForm,
): void {
  showForm(req, res, throttledErrors(req, res, verdict, action, field))
}

/**
 * Before `POST /login`: counts the attempt, or refuses it while its account and network must wait
 * or a cap is reached, without checking the password. A sign-in (`req.login`) during the request
 * marks the attempt successful. A sign-in that finishes in a later request (a second factor, say)
 * must call `recordSuccessfulLogin` itself once the password has proved right.
 */
export function throttleLogin(db: Db, showForm: ShowForm): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const email = emailIn(req)
    const password: unknown = req.body?.password
    if (!email || typeof password !== 'string' || password === '') return next()

    const verdict = await startLoginAttempt(db, email, req.ip)
    if (!verdict.allowed) return refuse(req, res, verdict, 'login', 'email', showForm)

    afterSignIn(req, () => recordSuccessfulLogin(db, email, req.ip))
    next()
  }
}

/** Before `POST /register`: every form sent counts, per network and per e-mail address. */
export function throttleRegistration(db: Db, showForm: ShowForm): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const verdict = await limitRegistration(db, emailIn(req), req.ip)
    if (!verdict.allowed) return refuse(req, res, verdict, 'registration', 'email', showForm)
    next()
  }
}

/** Before the POST that asks for a password reset link (an `email` field). */
export function throttlePasswordReset(db: Db, showForm: ShowForm): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const verdict = await limitPasswordReset(db, emailIn(req), req.ip)
    if (!verdict.allowed) return refuse(req, res, verdict, 'passwordReset', 'email', showForm)
    next()
  }
}

/**
 * Before a look-up by code (a fine by number and plate, a certificate by its code…): `scope`
 * names the look-up and `field` is the form field the message points to.
 */
export function throttleCodeLookup(db: Db, scope: string, field: string, showForm: ShowForm): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const verdict = await limitCodeLookup(db, scope, { ip: req.ip, userId: req.user?.id })
    if (!verdict.allowed) return refuse(req, res, verdict, 'codeLookup', field, showForm)
    next()
  }
}

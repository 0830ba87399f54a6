// Idle and absolute time-outs of signed-in sessions, enforced on the server with the portal's
// clock. Signing in stamps the session with its time, device and network; every request of a
// signed-in user checks the stamps and either renews the last-seen time or ends the session.
import type { NextFunction, Request, Response } from 'express'
import { now } from '../lib/clock'
import { describeDevice, type Device } from '../features/sessions/device'
import { endingFromQuery, sessionEnding, type SessionEnding } from '../features/sessions/timeouts'
import { maskedAddress } from '../features/throttling/network'

declare module 'express-session' {
  interface SessionData {
    /** Milliseconds since the epoch, from `now()`. */
    signedInAt: number
    lastSeenAt: number
    device: Device
    /** The network signed in from, with the last part of the address hidden. */
    network: string | null
  }
}

type Done = (err?: unknown) => void
type LogIn = (user: Express.User, options: object, done: Done) => void

/**
 * Runs `effect` after every successful `req.login` of this request, before its callback. Several
 * effects chain; the latest registered runs last.
 */
export function afterSignIn(req: Request, effect: () => Promise<void>): void {
  const logIn = req.logIn.bind(req) as LogIn
  const withEffect = (user: Express.User, optionsOrDone: object | Done, maybeDone?: Done) => {
    const done = (typeof optionsOrDone === 'function' ? optionsOrDone : maybeDone) as Done
    const options = typeof optionsOrDone === 'function' ? {} : optionsOrDone
    logIn(user, options, (err) => {
      if (err) return done(err)
      effect().then(() => done(), done)
    })
  }
  req.login = req.logIn = withEffect as Request['logIn']
}

function stampNewSession(req: Request): Promise<void> {
  const at = now().getTime()
  req.session.signedInAt = at
  req.session.lastSeenAt = at
  req.session.device = describeDevice(req.get('user-agent'))
  req.session.network = maskedAddress(req.ip)
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())))
}

function signInAddress(req: Request, ending: SessionEnding): string {
  const params = new URLSearchParams()
  if (ending.reason !== 'unstamped') {
    params.set('ended', ending.reason)
    params.set('after', String(ending.after))
  }
  if (req.method === 'GET' && req.path !== '/login') params.set('next', req.originalUrl)
  const query = params.toString()
  return query ? `/login?${query}` : '/login'
}

function endSession(req: Request, res: Response, next: NextFunction, ending: SessionEnding): void {
  req.log.info({ event: 'session_timed_out', reason: ending.reason, userId: req.user?.id }, 'session ended')
  req.session.destroy((err) => {
    if (err) return next(err)
    const cookieName = req.app.get('sessionCookieName') as string
    res.clearCookie(cookieName, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieName.startsWith('__Host-'),
    })
    res.redirect(303, signInAddress(req, ending))
  })
}

/** After Passport's session middleware, before the routes. */
export function sessionTimeouts(req: Request, res: Response, next: NextFunction): void {
  afterSignIn(req, () => stampNewSession(req))
  res.locals.sessionEnded = req.method === 'GET' ? endingFromQuery(req.query) : null

  const user = req.user
  if (!user) return next()
  const at = now()
  const ending = sessionEnding(req.session, user.isStaff, at)
  if (ending) return endSession(req, res, next, ending)

  req.session.lastSeenAt = at.getTime()
  next()
}

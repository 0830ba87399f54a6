// Passport with e-mail and password; guards for signed-in and staff pages.
import type { NextFunction, Request, Response } from 'express'
import passport from 'passport'
import { Strategy as LocalStrategy } from 'passport-local'
import type { Db } from '../db'
import { authenticate, loadCurrentUser } from '../features/accounts/service'
import type { Role } from '../features/accounts/roles'
import { NotFoundError } from './errors'

export function setUpPassport(db: Db): passport.PassportStatic {
  const instance = new passport.Passport()
  instance.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, (email, password, done) => {
      authenticate(db, email, password)
        .then((id) => (id === null ? null : loadCurrentUser(db, id)))
        .then(
          (user) => done(null, user ?? false),
          (err: unknown) => done(err),
        )
    }),
  )
  instance.serializeUser((user, done) => done(null, (user as { id: number }).id))
  instance.deserializeUser((id: unknown, done) => {
    loadCurrentUser(db, Number(id)).then(
      (user) => done(null, user ?? false),
      (err: unknown) => done(err),
    )
  })
  return instance as unknown as passport.PassportStatic
}

/** Signed-out visitors go to the login page and come back here afterwards. */
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next()
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`)
}

/**
 * Staff pages ask a signed-out visitor to sign in first (whether or not the page exists, so nothing
 * can be learnt from the answer); a request that is not a page view answers 404.
 */
export function signInBeforeStaffPages(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next()
  if (req.method === 'GET' || req.method === 'HEAD') return requireUser(req, res, next)
  next(new NotFoundError())
}

/** Staff pages answer 404 to everyone signed in without one of the roles, so they cannot be probed. */
export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const userRoles = req.user?.roles ?? []
    if (roles.some((role) => userRoles.includes(role))) return next()
    req.log.warn({ event: 'access_denied', userId: req.user?.id ?? null }, 'staff page refused')
    next(new NotFoundError())
  }
}

export function currentUser(req: Request) {
  if (!req.user) throw new NotFoundError()
  return req.user
}

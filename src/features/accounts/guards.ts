import type { NextFunction, Request, Response } from 'express'

/** Filing reports and paying need a confirmed e-mail address; until then the page says what to do. */
export function requireVerifiedEmail(req: Request, res: Response, next: NextFunction): void {
  if (!req.user || req.user.emailVerified) return next()
  res.status(403).render('accounts/verify-needed')
}

import type { NextFunction, Request, Response } from 'express'
import type { Knex } from 'knex'
import { hasTwoFactor, type MfaSettings } from './service'

export const ENROLMENT_PATH = '/account/two-factor'

/**
 * In front of every /staff page. With STAFF_MFA=required a staff member without an authenticator
 * app is sent to set one up first; with `optional` the page offers it instead.
 */
export function staffTwoFactorGate(db: Knex, settings: MfaSettings) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const user = req.user
    if (!user?.isStaff || (await hasTwoFactor(db, user.id))) return next()
    if (settings.mode === 'optional') {
      res.locals.offerTwoFactor = true
      return next()
    }
    req.log.info({ event: 'mfa_enrolment_required', userId: user.id }, 'staff page needs two-factor set-up')
    const back = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : ''
    res.redirect(303, `${ENROLMENT_PATH}${back}`)
  }
}

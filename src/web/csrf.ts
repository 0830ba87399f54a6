// Synchroniser tokens: one per session, sent back by every POST form in the `_csrf` field.
import type { NextFunction, Request, Response } from 'express'
import { csrfSync } from 'csrf-sync'

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const token: unknown = req.body?._csrf
    return typeof token === 'string' ? token : undefined
  },
  errorConfig: { code: 'EBADCSRFTOKEN', statusCode: 403, message: 'invalid csrf token' },
})

export const csrfProtection = csrfSynchronisedProtection

/** Templates call `csrfToken()`, so a session is only created for pages that hold a form. */
export function csrfTokenLocal(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = () => generateToken(req)
  next()
}

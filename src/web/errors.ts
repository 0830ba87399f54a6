// Typed errors and the one place that turns them into a status and an accessible page.
import type { NextFunction, Request, Response } from 'express'
import { formatDate, formatDateTime, isoDateTime } from '../lib/format'
import { languageOf, translatorFor } from './i18n'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found') {
    super(404, message)
  }
}

export class BadRequestError extends HttpError {
  constructor(message = 'Bad request') {
    super(400, message)
  }
}

export function notFoundHandler(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFoundError())
}

function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status
  const candidate = (err as { status?: unknown; statusCode?: unknown }) ?? {}
  const status = candidate.status ?? candidate.statusCode
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

function isCsrfError(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 'EBADCSRFTOKEN'
}

/** An error can happen before the page locals were set (a malformed body, say): fill them in. */
function ensurePageLocals(req: Request, res: Response): void {
  if (res.locals.t) return
  const lang = languageOf(req)
  Object.assign(res.locals, {
    lang,
    t: translatorFor(lang),
    user: null,
    currentPath: '/',
    section: '',
    errors: [],
    values: {},
    formatDate: (value: Date) => formatDate(value, lang),
    formatDateTime: (value: Date) => formatDateTime(value, lang),
    isoDateTime,
  })
}

export function errorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(err)
    return
  }
  ensurePageLocals(req, res)
  res.locals.errors = []
  res.setHeader('Cache-Control', 'no-store')
  const status = statusOf(err)
  const supportId = String(req.id ?? '')
  if (isCsrfError(err)) {
    req.log.warn({ event: 'csrf_failure' }, 'csrf token refused')
    res.status(403).render('errors/csrf', { supportId })
    return
  }
  if (status === 404) {
    res.status(404).render('errors/not-found', { supportId })
    return
  }
  if (status < 500) {
    req.log.warn({ err, status }, 'request refused')
    res.status(status).render('errors/bad-request', { supportId, status, tooLarge: status === 413 })
    return
  }
  req.log.error({ err, supportId }, 'unhandled error')
  res.status(500).render('errors/server-error', { supportId })
}

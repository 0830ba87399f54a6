// Values every template can use: the user, the current path, and formatters in the page's language.
import type { NextFunction, Request, Response } from 'express'
import { formatDate, formatDateTime, isoDateTime } from '../lib/format'

export function templateLocals(req: Request, res: Response, next: NextFunction): void {
  const lang = req.lang
  res.locals.user = req.user ?? null
  res.locals.currentPath = req.originalUrl
  res.locals.section = req.path.split('/')[1] ?? ''
  res.locals.formatDateTime = (value: Date | string) => formatDateTime(value, lang)
  res.locals.formatDate = (value: Date | string) => formatDate(value, lang)
  res.locals.isoDateTime = isoDateTime
  res.locals.errors = []
  res.locals.values = {}
  next()
}

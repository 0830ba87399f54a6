// A NUL byte can be typed into a URL or a form but cannot be stored in PostgreSQL text;
// it is removed from every submitted field before anything else reads the body.
import type { NextFunction, Request, Response } from 'express'

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value
  if (Array.isArray(value)) return value.map(withoutNul)
  return value
}

export function stripNulBytes(req: Request, _res: Response, next: NextFunction): void {
  if (req.body && typeof req.body === 'object') {
    for (const [key, value] of Object.entries(req.body as Record<string, unknown>)) {
      ;(req.body as Record<string, unknown>)[key] = withoutNul(value)
    }
  }
  next()
}

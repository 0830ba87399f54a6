// A NUL byte can be typed into a URL or a form but cannot be stored in PostgreSQL text, nor
// compared with it: it is removed from every submitted field before anything else reads the body,
// and from every query string value as it is parsed. Query strings also lose the other control
// characters, which no filter, search or page number needs.
import querystring from 'node:querystring'
import type { NextFunction, Request, Response } from 'express'

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const QUERY_CONTROLS = /[\u0000-\u001F\u007F]/g

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

const withoutControls = (value: string) => value.replace(QUERY_CONTROLS, '')

/** Express's "query parser": the simple parser, then names and values without control characters. */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const parsed = querystring.parse(text)
  const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined) continue
    const name = withoutControls(key)
    const cleaned = Array.isArray(value) ? value.map(withoutControls) : withoutControls(value)
    const earlier = query[name]
    query[name] = earlier === undefined ? cleaned : [earlier, cleaned].flat()
  }
  return query
}

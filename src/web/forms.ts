// Server-side form validation with zod: messages are locale keys, translated for the page.
import type { Request } from 'express'
import type { ZodType } from 'zod'

export type FormError = { field: string; text: string }
export type FormValues = Record<string, string>

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormError[]; values: FormValues }

const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword', '_csrf'])

/** The submitted text fields as they were typed, to fill the form again (never passwords). */
export function submittedValues(body: unknown): FormValues {
  const values: FormValues = {}
  if (!body || typeof body !== 'object') return values
  for (const [key, value] of Object.entries(body)) {
    if (SECRET_FIELDS.has(key)) continue
    if (typeof value === 'string') values[key] = value
  }
  return values
}

export function parseForm<T>(schema: ZodType<T>, req: Request): FormResult<T> {
  const result = schema.safeParse(req.body ?? {})
  if (result.success) return { ok: true, data: result.data }
  const errors: FormError[] = []
  const seen = new Set<string>()
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    if (seen.has(field)) continue
    seen.add(field)
    const key = issue.message.startsWith('errors.') ? issue.message : 'errors.invalid'
    // A custom issue may carry values for its message: the row of a repeated field, say.
    const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined
    errors.push({ field, text: req.t(key, params) })
  }
  return { ok: false, errors, values: submittedValues(req.body) }
}

/** Blank optional inputs arrive as '' and count as not given. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}

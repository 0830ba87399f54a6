import { z } from 'zod'
import { blankToUndefined } from '../../web/forms'

const text = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) => value.normalize('NFC').trim())
      .pipe(z.string().max(max, 'errors.staffAdmin.auditFilterTooLong'))
      .optional(),
  )

/** A calendar day typed as YYYY-MM-DD (what a date field sends), checked to exist. */
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .refine((value) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
      if (!match) return false
      const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
      const parsed = new Date(Date.UTC(year, month - 1, date))
      return year >= 2000 && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date
    }, 'errors.staffAdmin.auditDate')
    .optional(),
)

export const auditFilterSchema = z
  .object({
    actor: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[1-9][0-9]{0,14}$/, 'errors.staffAdmin.auditActor')
        .transform(Number)
        .optional(),
    ),
    action: text(100),
    entityType: text(50),
    entityId: text(100),
    from: day,
    to: day,
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: 'errors.staffAdmin.auditDateOrder',
    path: ['to'],
  })

export type AuditFilters = z.infer<typeof auditFilterSchema>

export const auditPageSchema = z.coerce.number().int().min(1).max(100000).catch(1)

import { z } from 'zod'
import { isFilterDay } from '../../lib/days'
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

/** A calendar day typed as YYYY-MM-DD (what a date field sends), checked to exist, from 2000 to 2099. */
const day = z.preprocess(
  blankToUndefined,
  z.string().trim().refine(isFilterDay, 'errors.staffAdmin.auditDate').optional(),
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

import { z } from 'zod'
import { cleanAfm, isValidAfm } from '../../lib/afm'
import { normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'

/** An AFM as people type it: spaces, dots and hyphens allowed, nine digits with a valid check digit. */
export const afmSchema = z
  .string({ error: 'errors.afmVerification.required' })
  .transform(cleanAfm)
  .pipe(
    z
      .string()
      .min(1, 'errors.afmVerification.required')
      .regex(/^\d{9}$/, 'errors.afmVerification.format')
      .refine(isValidAfm, 'errors.afmVerification.checkDigit'),
  )

export const claimSchema = z.object({ afm: afmSchema })

export const decisionSchema = z
  .object({
    decision: z.enum(['verified', 'rejected'], { error: 'errors.afmVerification.decisionRequired' }),
    reason: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform(normaliseText)
        .pipe(z.string().max(1000, 'errors.afmVerification.reasonTooLong'))
        .optional(),
    ),
  })
  .refine((value) => value.decision !== 'rejected' || Boolean(value.reason), {
    message: 'errors.afmVerification.reasonRequired',
    path: ['reason'],
  })

export type DecisionInput = z.infer<typeof decisionSchema>

/** An optional AFM to find in the staff queue; anything that is not nine digits is ignored. */
export const queueFilterSchema = z.preprocess(
  (value) => (typeof value === 'string' ? cleanAfm(value) : undefined),
  z
    .string()
    .regex(/^\d{9}$/)
    .optional()
    .catch(undefined),
)

export const claimIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const pageSchema = z.coerce.number().int().min(1).max(100000).catch(1)

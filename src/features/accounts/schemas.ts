import { z } from 'zod'
import { cleanAfm, isValidAfm } from '../../lib/afm'
import { normaliseEmail, normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128

const email = z
  .string({ error: 'errors.email.required' })
  .transform(normaliseEmail)
  .pipe(
    z
      .string()
      .min(1, 'errors.email.required')
      .max(254, 'errors.email.invalid')
      .pipe(z.email('errors.email.invalid')),
  )

export const registrationSchema = z.object({
  fullName: z
    .string({ error: 'errors.fullName.required' })
    .transform(normaliseText)
    .pipe(z.string().min(1, 'errors.fullName.required').max(120, 'errors.fullName.tooLong')),
  email,
  password: z
    .string({ error: 'errors.password.required' })
    .min(1, 'errors.password.required')
    .refine((value) => [...value].length >= PASSWORD_MIN, 'errors.password.tooShort')
    .refine((value) => [...value].length <= PASSWORD_MAX, 'errors.password.tooLong')
    .transform((value) => value.normalize('NFC')),
  afm: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform(cleanAfm)
      .refine((value) => /^\d{9}$/.test(value), 'errors.afm.format')
      .refine(isValidAfm, 'errors.afm.checkDigit')
      .optional(),
  ),
  phone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((value) => value.replace(/[\s().-]/g, ''))
      .refine((value) => /^(\+|00)?\d{10,14}$/.test(value), 'errors.phone.invalid')
      .optional(),
  ),
  terms: z.literal('yes', { error: 'errors.terms.required' }),
})

export type Registration = z.infer<typeof registrationSchema>

export const loginSchema = z.object({
  email,
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required'),
})

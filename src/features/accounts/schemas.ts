import { z } from 'zod'
import { cleanAfm, isValidAfm } from '../../lib/afm'
import { normaliseEmail, normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem, type PasswordProblem } from './password-policy'
import { isTokenFormat } from './tokens'

export { PASSWORD_MAX, PASSWORD_MIN }

/** The message shown for each reason a new password is refused. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: 'errors.password.tooShort',
  tooLong: 'errors.password.tooLong',
  common: 'errors.accounts.passwordCommon',
  personal: 'errors.accounts.passwordPersonal',
}

const email = (required = 'errors.email.required') =>
  z
    .string({ error: required })
    .transform(normaliseEmail)
    .pipe(z.string().min(1, required).max(254, 'errors.email.invalid').pipe(z.email('errors.email.invalid')))

/** A password being chosen: the length and the common-password list are checked here; whether it
 * echoes the person's own e-mail or name is checked where those are known. */
const newPassword = (required: string) =>
  z
    .string({ error: required })
    .min(1, required)
    .transform((value) => value.normalize('NFC'))
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value)
      if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES[problem] })
    })

/** A new password with the shared rules, for other features' forms (a staff invitation, say). */
export const chosenPassword = () => newPassword('errors.password.required')

const currentPassword = z
  .string({ error: 'errors.accounts.currentPasswordRequired' })
  .min(1, 'errors.accounts.currentPasswordRequired')

const token = z
  .string({ error: 'errors.accounts.linkInvalid' })
  .refine(isTokenFormat, 'errors.accounts.linkInvalid')

export const registrationSchema = z
  .object({
    fullName: z
      .string({ error: 'errors.fullName.required' })
      .transform(normaliseText)
      .pipe(z.string().min(1, 'errors.fullName.required').max(120, 'errors.fullName.tooLong')),
    email: email(),
    password: newPassword('errors.password.required'),
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
  .superRefine((form, ctx) => {
    if (passwordProblem(form.password, { email: form.email, name: form.fullName }) === 'personal') {
      ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_PROBLEM_MESSAGES.personal })
    }
  })

export type Registration = z.infer<typeof registrationSchema>

export const loginSchema = z.object({
  email: email(),
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required'),
})

export const forgotPasswordSchema = z.object({ email: email() })

export const resetPasswordSchema = z.object({
  token,
  newPassword: newPassword('errors.accounts.newPasswordRequired'),
})

export type PasswordReset = z.infer<typeof resetPasswordSchema>

export const changePasswordSchema = z.object({
  currentPassword,
  newPassword: newPassword('errors.accounts.newPasswordRequired'),
})

export type PasswordChange = z.infer<typeof changePasswordSchema>

export const changeEmailSchema = z.object({
  email: email('errors.accounts.newEmailRequired'),
  currentPassword,
})

export type EmailChange = z.infer<typeof changeEmailSchema>

export const tokenFormSchema = z.object({ token })

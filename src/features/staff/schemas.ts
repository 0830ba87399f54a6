import { z } from 'zod'
import { normaliseEmail, normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'
import { chosenPassword } from '../accounts/schemas'
import { ASSIGNABLE_ROLES } from './roles'

/** Checkboxes arrive as nothing, one string or a list of strings. */
const asList = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

const roles = z.preprocess(
  asList,
  z
    .array(z.enum(ASSIGNABLE_ROLES, { error: 'errors.staffAdmin.roleUnknown' }))
    .transform((list) => ASSIGNABLE_ROLES.filter((role) => list.includes(role))),
)

const departmentId = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: 'errors.staffAdmin.departmentUnknown' })
    .int('errors.staffAdmin.departmentUnknown')
    .positive('errors.staffAdmin.departmentUnknown')
    .optional(),
)

const access = z.object({ roles, departmentId })

/** A clerk works for one department; the other roles are not tied to one. */
function clerkHasDepartment(value: { roles: readonly string[]; departmentId?: number }) {
  return !value.roles.includes('clerk') || value.departmentId !== undefined
}
const departmentRule = { message: 'errors.staffAdmin.departmentRequired', path: ['departmentId'] }

export const accessSchema = access.refine(clerkHasDepartment, departmentRule)
export type StaffAccess = z.infer<typeof accessSchema>

export const invitationSchema = access
  .extend({
    fullName: z
      .string({ error: 'errors.staffAdmin.fullNameRequired' })
      .transform(normaliseText)
      .pipe(
        z.string().min(1, 'errors.staffAdmin.fullNameRequired').max(120, 'errors.staffAdmin.fullNameTooLong'),
      ),
    email: z
      .string({ error: 'errors.staffAdmin.emailRequired' })
      .transform(normaliseEmail)
      .pipe(
        z
          .string()
          .min(1, 'errors.staffAdmin.emailRequired')
          .max(254, 'errors.staffAdmin.emailInvalid')
          .pipe(z.email('errors.staffAdmin.emailInvalid')),
      ),
    locale: z.enum(['el', 'en'], { error: 'errors.staffAdmin.localeRequired' }),
  })
  .refine((value) => value.roles.length > 0, { message: 'errors.staffAdmin.rolesRequired', path: ['roles'] })
  .refine(clerkHasDepartment, departmentRule)
export type StaffInvitation = z.infer<typeof invitationSchema>

export const staffListSchema = z.object({
  q: z.preprocess(
    blankToUndefined,
    z.string().transform(normaliseText).pipe(z.string().max(100)).optional().catch(undefined),
  ),
  role: z.enum(ASSIGNABLE_ROLES).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
})
export type StaffListQuery = z.infer<typeof staffListSchema>

/** The invitation link's token: 32 random bytes in base64url. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

export const newPasswordSchema = z.object({
  token: invitationTokenSchema,
  password: chosenPassword(),
})

export const userIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number)

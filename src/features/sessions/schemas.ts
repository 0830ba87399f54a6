import { z } from 'zod'

export const pageSchema = z.coerce.number().int().min(1).max(100000).catch(1)

/** The account's password, given again to sign out elsewhere. */
export const passwordAgainSchema = z.object({
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required'),
})

/** The handle of one session in the page's "sign out this device" links. */
export const sessionHandleSchema = z.string().regex(/^[0-9a-f]{32}$/)

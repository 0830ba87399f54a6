import { z } from 'zod'

export const closeAccountSchema = z.object({
  password: z
    .string({ error: 'errors.privacyData.passwordRequired' })
    .min(1, 'errors.privacyData.passwordRequired')
    .max(1024, 'errors.privacyData.passwordWrong'),
})

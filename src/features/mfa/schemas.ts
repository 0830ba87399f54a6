import { z } from 'zod'

/** Six digits; spaces and hyphens that people copy or type between the groups are dropped. */
export const codeSchema = z.object({
  code: z
    .string({ error: 'errors.mfa.codeRequired' })
    .transform((value) => value.normalize('NFKC').replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'errors.mfa.codeRequired')
        .regex(/^\d{6}$/, 'errors.mfa.codeFormat'),
    ),
})

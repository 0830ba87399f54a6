import { z } from 'zod'
import { normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'
import { REPORT_KINDS, REPORT_STATUSES } from './states'

const text = (required: string, tooLong: string, max: number) =>
  z.string({ error: required }).transform(normaliseText).pipe(z.string().min(1, required).max(max, tooLong))

export const newReportSchema = z.object({
  kind: z.enum(REPORT_KINDS, { error: 'errors.report.kind' }),
  categoryId: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'errors.report.category' })
      .int('errors.report.category')
      .positive('errors.report.category')
      .max(2147483647, 'errors.report.category'),
  ),
  title: text('errors.report.titleRequired', 'errors.report.titleTooLong', 120),
  description: text('errors.report.descriptionRequired', 'errors.report.descriptionTooLong', 4000),
  address: text('errors.report.addressRequired', 'errors.report.addressTooLong', 200),
  district: z.string({ error: 'errors.report.district' }).min(1, 'errors.report.district'),
  showName: z.preprocess((value) => value === 'yes', z.boolean()),
  submissionKey: z.preprocess(blankToUndefined, z.uuid('errors.invalid').optional()),
})

export type NewReport = z.infer<typeof newReportSchema>

export const statusChangeSchema = z
  .object({
    status: z.enum(REPORT_STATUSES, { error: 'errors.status.required' }),
    publicMessage: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform(normaliseText)
        .pipe(z.string().max(4000, 'errors.status.messageTooLong'))
        .optional(),
    ),
    internalNote: z.preprocess(
      blankToUndefined,
      z.string().transform(normaliseText).pipe(z.string().max(4000, 'errors.status.noteTooLong')).optional(),
    ),
  })
  .refine((value) => value.status !== 'rejected' || Boolean(value.publicMessage), {
    message: 'errors.status.rejectionReason',
    path: ['publicMessage'],
  })

export type StatusChange = z.infer<typeof statusChangeSchema>

export const pageSchema = z.coerce.number().int().min(1).max(100000).catch(1)

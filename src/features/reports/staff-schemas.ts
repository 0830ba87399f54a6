// The forms on a report's staff page and the counter form, validated; messages are locale keys.
import { z } from 'zod'
import { normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'
import { checkPin, pinFields, publishedText } from './filing-schemas'
import { REPORT_KINDS, REPORT_STATUSES } from './states'

const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    blankToUndefined,
    z.string().transform(normaliseText).pipe(z.string().max(max, tooLong)).optional(),
  )
const requiredText = (required: string, tooLong: string, max: number) =>
  z.string({ error: required }).transform(normaliseText).pipe(z.string().min(1, required).max(max, tooLong))
const optionalId = (message: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: message }).int(message).positive(message).max(2147483647, message).optional(),
  )

export const REJECTION_REASONS = ['notResponsible', 'notAProblem', 'cannotAct'] as const

/**
 * A status change with a message for the public and/or a note for colleagues, or either of them
 * alone. A rejection needs a reason and a message; "not ours" names who is responsible.
 */
export const staffUpdateSchema = z
  .object({
    status: z.preprocess(
      blankToUndefined,
      z.enum(REPORT_STATUSES, { error: 'errors.status.required' }).optional(),
    ),
    publicMessage: optionalText(4000, 'errors.status.messageTooLong'),
    internalNote: optionalText(4000, 'errors.status.noteTooLong'),
    rejectionReason: z.preprocess(blankToUndefined, z.enum(REJECTION_REASONS).optional()),
    responsibleBody: optionalText(200, 'errors.staffReports.responsibleBodyTooLong'),
  })
  .superRefine((value, ctx) => {
    if (!value.status && !value.publicMessage && !value.internalNote) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'errors.staffReports.nothingToSave' })
    }
    if (value.status === 'rejected') {
      if (!value.rejectionReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['rejectionReason'],
          message: 'errors.staffReports.rejectionReason',
        })
      }
      if (!value.publicMessage) {
        ctx.addIssue({ code: 'custom', path: ['publicMessage'], message: 'errors.status.rejectionReason' })
      }
      if (value.rejectionReason === 'notResponsible' && !value.responsibleBody) {
        ctx.addIssue({
          code: 'custom',
          path: ['responsibleBody'],
          message: 'errors.staffReports.responsibleBody',
        })
      }
    }
  })

export type StaffUpdate = z.infer<typeof staffUpdateSchema>

export const reassignSchema = z
  .object({
    categoryId: optionalId('errors.staffReports.category'),
    departmentId: optionalId('errors.staffReports.department'),
    reassignReason: requiredText(
      'errors.staffReports.reasonRequired',
      'errors.staffReports.reasonTooLong',
      1000,
    ),
  })
  .refine((value) => value.categoryId !== undefined || value.departmentId !== undefined, {
    path: ['categoryId'],
    message: 'errors.staffReports.reassignNothing',
  })

export type Reassign = z.infer<typeof reassignSchema>

export const assignSchema = z.object({
  assignee: z.union([z.enum(['me', 'nobody']), z.coerce.number().int().positive().max(2147483647)], {
    error: 'errors.staffReports.assignee',
  }),
})

export type Assign = z.infer<typeof assignSchema>

export const duplicateSchema = z.object({
  original: z
    .string({ error: 'errors.staffReports.originalRequired' })
    .transform((value) => value.trim().toUpperCase())
    .pipe(
      z
        .string()
        .min(1, 'errors.staffReports.originalRequired')
        .regex(/^MYT-\d{4}-\d{5,}$/, 'errors.staffReports.originalFormat'),
    ),
  duplicateMessage: optionalText(4000, 'errors.status.messageTooLong'),
})

export type DuplicateInput = z.infer<typeof duplicateSchema>

export const moderationSchema = z.object({
  hidden: z.preprocess((value) => value === 'yes', z.boolean()),
  publicTitle: optionalText(120, 'errors.report.titleTooLong'),
  publicDescription: optionalText(4000, 'errors.report.descriptionTooLong'),
  publicAddress: optionalText(200, 'errors.report.addressTooLong'),
  moderationReason: requiredText(
    'errors.staffReports.reasonRequired',
    'errors.staffReports.reasonTooLong',
    1000,
  ),
})

export type Moderation = z.infer<typeof moderationSchema>

export const photoModerationSchema = z.object({
  hidden: z.preprocess((value) => value === 'yes', z.boolean()),
  photoReason: requiredText('errors.staffReports.reasonRequired', 'errors.staffReports.reasonTooLong', 1000),
})

export type PhotoModeration = z.infer<typeof photoModerationSchema>

/**
 * A resident's text on the public timeline (the reason for reopening): hidden, replaced by a
 * moderated text, or, with the text left empty, shown again as its author wrote it.
 */
export const eventModerationSchema = z.object({
  eventHidden: z.preprocess((value) => value === 'yes', z.boolean()),
  eventMessage: optionalText(2000, 'errors.staffReports.eventMessageTooLong'),
  eventReason: requiredText('errors.staffReports.reasonRequired', 'errors.staffReports.reasonTooLong', 1000),
})

export type EventModeration = z.infer<typeof eventModerationSchema>

export const CHANNELS = ['counter', 'phone'] as const
/** Where the messages about contact details in published text point the clerk: the caller's fields. */
const CALLER_TEXT = 'errors.staffReports.caller'

/**
 * A report a clerk files for a caller at the counter or on the phone. What is published (title,
 * description, address, pin) is checked as on the residents' own filing pages; the caller's
 * contact details are for staff only and may of course hold a phone number or an e-mail address.
 */
export const onBehalfSchema = z
  .object({
    channel: z.enum(CHANNELS, { error: 'errors.staffReports.channel' }),
    kind: z.enum(REPORT_KINDS, { error: 'errors.report.kind' }),
    categoryId: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'errors.report.category' })
        .int('errors.report.category')
        .positive('errors.report.category')
        .max(2147483647, 'errors.report.category'),
    ),
    title: publishedText('errors.report.titleRequired', 'errors.report.titleTooLong', 120, CALLER_TEXT),
    description: publishedText(
      'errors.report.descriptionRequired',
      'errors.report.descriptionTooLong',
      4000,
      CALLER_TEXT,
    ),
    address: publishedText('errors.report.addressRequired', 'errors.report.addressTooLong', 200, CALLER_TEXT),
    district: z.string({ error: 'errors.report.district' }).min(1, 'errors.report.district').max(100),
    ...pinFields,
    callerName: requiredText('errors.staffReports.callerName', 'errors.staffReports.callerNameTooLong', 120),
    callerContact: optionalText(200, 'errors.staffReports.callerContactTooLong'),
  })
  .superRefine(checkPin)

export type OnBehalf = z.infer<typeof onBehalfSchema>

export const templateIdSchema = z.coerce.number().int().positive().max(2147483647)

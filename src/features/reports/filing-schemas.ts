// The filing pages' forms, one schema per step. Messages are locale keys.
import { z } from 'zod'
import { normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'
import { insideMunicipality } from './location'
import { findPersonalData } from './personal-data'
import { REPORT_KINDS } from './states'

/**
 * Text that must not carry an e-mail address or a phone number: the report is published. The
 * message is `<messages>.emailInText` or `<messages>.phoneInText`.
 */
export const publishedText = (required: string, tooLong: string, max: number, messages = 'errors.filing') =>
  z
    .string({ error: required })
    .transform(normaliseText)
    .pipe(z.string().min(1, required).max(max, tooLong))
    .superRefine((value, ctx) => {
      const found = findPersonalData(value)
      if (found) ctx.addIssue({ code: 'custom', message: `${messages}.${found}InText` })
    })

/** A question key or an option's value: what the answers are stored under. */
export const QUESTION_CODE = /^[a-z][a-z0-9_]{0,39}$/
export const QUESTION_TYPES = ['text', 'yesno', 'select'] as const
export const MAX_QUESTION_OPTIONS = 20

const questionLabel = z.string().min(1).max(200)

/**
 * An extra question of a category, as `categories.questions` stores it and the questions step
 * asks it: a choice (`select`) has its options, the other types have none.
 */
export const categoryQuestionSchema = z
  .strictObject({
    key: z.string().regex(QUESTION_CODE),
    label_el: questionLabel,
    label_en: questionLabel,
    type: z.enum(QUESTION_TYPES),
    options: z
      .array(
        z.strictObject({
          value: z.string().regex(QUESTION_CODE),
          label_el: questionLabel,
          label_en: questionLabel,
        }),
      )
      .min(2)
      .max(MAX_QUESTION_OPTIONS)
      .refine((options) => new Set(options.map((o) => o.value)).size === options.length)
      .optional(),
    required: z.boolean(),
  })
  .refine((question) => (question.type === 'select') === (question.options !== undefined))

export type Question = z.infer<typeof categoryQuestionSchema>

/** A category's questions: keys are unique, since the answers are stored under them. */
export const categoryQuestionListSchema = z
  .array(categoryQuestionSchema)
  .refine((questions) => new Set(questions.map((q) => q.key)).size === questions.length)

export const kindSchema = z.object({ kind: z.enum(REPORT_KINDS, { error: 'errors.report.kind' }) })

export const categorySchema = z.object({
  categoryId: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'errors.report.category' })
      .int('errors.report.category')
      .positive('errors.report.category')
      .max(2147483647, 'errors.report.category'),
  ),
})

export const categorySearchSchema = z.object({
  q: z.string().transform(normaliseText).pipe(z.string().max(100)).catch(''),
})

export const detailsSchema = z.object({
  title: publishedText('errors.report.titleRequired', 'errors.report.titleTooLong', 120),
  description: publishedText('errors.report.descriptionRequired', 'errors.report.descriptionTooLong', 4000),
})

const coordinate = (min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'errors.filing.position' })
      .min(min, 'errors.filing.outside')
      .max(max, 'errors.filing.outside')
      .optional(),
  )

/** The optional pin: both coordinates or neither, inside the municipality. */
export const pinFields = { lat: coordinate(-90, 90), lng: coordinate(-180, 180) }

export function checkPin(value: { lat?: number; lng?: number }, ctx: z.RefinementCtx): void {
  if ((value.lat === undefined) !== (value.lng === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'errors.filing.position', path: ['location'] })
  } else if (value.lat !== undefined && !insideMunicipality({ lat: value.lat, lng: value.lng! })) {
    // Decided here, on the server: a pin moved by hand or a forged form is refused the same way.
    ctx.addIssue({ code: 'custom', message: 'errors.filing.outside', path: ['location'] })
  }
}

export const locationSchema = z
  .object({
    address: publishedText('errors.report.addressRequired', 'errors.report.addressTooLong', 200),
    district: z.string({ error: 'errors.report.district' }).min(1, 'errors.report.district').max(100),
    ...pinFields,
  })
  .superRefine(checkPin)

export type LocationAnswer = z.infer<typeof locationSchema>

export const nameSchema = z.object({ showName: z.enum(['yes', 'no'], { error: 'errors.filing.showName' }) })

export const followSchema = z.object({ reference: z.string().regex(/^MYT-\d{4}-\d{5,}$/) })

export const sendSchema = z.object({ submissionKey: z.uuid('errors.invalid') })

/** The form of a category's extra questions: fields `q_<key>`. */
export function questionsSchema(questions: Question[]) {
  const shape: Record<string, z.ZodType> = {}
  for (const question of questions) {
    let field: z.ZodType<string, string>
    if (question.type === 'text') {
      field = z
        .string()
        .transform(normaliseText)
        .pipe(z.string().max(500, 'errors.filing.answerTooLong'))
        .superRefine((value, ctx) => {
          const found = findPersonalData(value)
          if (found) ctx.addIssue({ code: 'custom', message: `errors.filing.${found}InText` })
        })
    } else {
      const values = question.type === 'yesno' ? ['yes', 'no'] : (question.options ?? []).map((o) => o.value)
      field = z.string().refine((value) => values.includes(value), 'errors.filing.answerRequired')
    }
    const optional = z.preprocess(blankToUndefined, field.optional())
    shape[`q_${question.key}`] = question.required
      ? z.preprocess(blankToUndefined, z.string({ error: 'errors.filing.answerRequired' }).pipe(field))
      : optional
  }
  return z.object(shape)
}

// The forms of the report catalogue's administration pages. Messages are locale keys.
import { z } from 'zod'
import { normaliseEmail, normaliseText } from '../../lib/text'
import { blankToUndefined } from '../../web/forms'
import { MAX_QUESTION_OPTIONS, QUESTION_CODE, QUESTION_TYPES } from '../reports/filing-service'
import { TEMPLATE_PLACEHOLDERS } from '../reports/staff-service'
import { canMove, REPORT_STATUSES } from '../reports/states'

/** The code of a department or category: fixed once created, since reports and imports use it. */
export const CATALOGUE_CODE = /^[a-z][a-z0-9_]{1,39}$/
export const MAX_RADIUS_M = 2000
export const MAX_SORT_ORDER = 100000
/** How many question rows the category form offers; the rows work without JavaScript. */
export const QUESTION_ROWS = 5
export const QUESTION_FIELDS = ['key', 'label_el', 'label_en', 'type', 'options_el', 'options_en'] as const

/** The states a clerk moves a report to on its page, which a response template may go with. */
export const TEMPLATE_STATUSES = REPORT_STATUSES.filter((to) =>
  REPORT_STATUSES.some((from) => canMove(from, to)),
)

const requiredText = (max: number, required: string, tooLong: string) =>
  z.string({ error: required }).transform(normaliseText).pipe(z.string().min(1, required).max(max, tooLong))

/** Blank, or only invisible characters, is stored as nothing. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((value) => normaliseText(value ?? '') || null)
    .pipe(z.string().max(max, tooLong).nullable())

const code = z
  .string({ error: 'errors.catalogue.codeRequired' })
  .transform((value) => normaliseText(value).toLowerCase())
  .pipe(
    z.string().min(1, 'errors.catalogue.codeRequired').regex(CATALOGUE_CODE, 'errors.catalogue.codeFormat'),
  )

const wholeNumber = (max: number, message: string) =>
  z
    .string({ error: message })
    .transform((value) => normaliseText(value))
    .pipe(z.string().regex(/^\d{1,7}$/, message))
    .transform(Number)
    .pipe(z.number().max(max, message))

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes')

// ---------- departments ----------

const departmentFields = {
  nameEl: requiredText(150, 'errors.catalogue.nameElRequired', 'errors.catalogue.nameTooLong'),
  nameEn: requiredText(150, 'errors.catalogue.nameEnRequired', 'errors.catalogue.nameTooLong'),
  email: z
    .string()
    .optional()
    .transform((value) => normaliseEmail(value ?? '') || null)
    .pipe(z.email('errors.catalogue.emailInvalid').max(254, 'errors.catalogue.emailInvalid').nullable()),
  phone: optionalText(40, 'errors.catalogue.phoneInvalid').refine(
    (value) => value === null || /^(\+|00)?\d{10,14}$/.test(value.replace(/[\s().-]/g, '')),
    'errors.catalogue.phoneInvalid',
  ),
}

export const departmentSchema = z.object(departmentFields)
export const newDepartmentSchema = z.object({ code, ...departmentFields })
export type DepartmentInput = z.infer<typeof departmentSchema> & { code?: string }

// ---------- categories ----------

/** A text in Greek and in English, or in neither: a resident reading English must not miss it. */
function bothOrNeither(field: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const el = value[`${field}El`]
    const en = value[`${field}En`]
    if (el === null && en !== null)
      ctx.addIssue({
        code: 'custom',
        path: [`${field}El`],
        message: `errors.catalogue.${field}BothLanguages`,
      })
    if (en === null && el !== null)
      ctx.addIssue({
        code: 'custom',
        path: [`${field}En`],
        message: `errors.catalogue.${field}BothLanguages`,
      })
  }
}

const categoryFields = {
  departmentId: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'errors.catalogue.departmentRequired' })
      .int('errors.catalogue.departmentRequired')
      .positive('errors.catalogue.departmentRequired')
      .max(2147483647, 'errors.catalogue.departmentRequired'),
  ),
  groupEl: requiredText(80, 'errors.catalogue.groupElRequired', 'errors.catalogue.groupTooLong'),
  groupEn: requiredText(80, 'errors.catalogue.groupEnRequired', 'errors.catalogue.groupTooLong'),
  nameEl: requiredText(120, 'errors.catalogue.nameElRequired', 'errors.catalogue.nameTooLong'),
  nameEn: requiredText(120, 'errors.catalogue.nameEnRequired', 'errors.catalogue.nameTooLong'),
  hintEl: optionalText(300, 'errors.catalogue.hintTooLong'),
  hintEn: optionalText(300, 'errors.catalogue.hintTooLong'),
  noticeEl: optionalText(600, 'errors.catalogue.noticeTooLong'),
  noticeEn: optionalText(600, 'errors.catalogue.noticeTooLong'),
  sortOrder: wholeNumber(MAX_SORT_ORDER, 'errors.catalogue.sortOrder'),
  duplicateRadius: wholeNumber(MAX_RADIUS_M, 'errors.catalogue.radius'),
  active: yesNo('errors.catalogue.activeRequired'),
}

export const categorySchema = z
  .object(categoryFields)
  .superRefine(bothOrNeither('hint'))
  .superRefine(bothOrNeither('notice'))
export const newCategorySchema = z
  .object({ code, ...categoryFields })
  .superRefine(bothOrNeither('hint'))
  .superRefine(bothOrNeither('notice'))
export type CategoryInput = z.infer<typeof categorySchema> & { code?: string }

/** A question as the form gives it: a choice's options have their labels, not yet their values. */
export type QuestionDraft = {
  key: string
  label_el: string
  label_en: string
  type: (typeof QUESTION_TYPES)[number]
  options?: { label_el: string; label_en: string }[]
  required: boolean
}

export const questionField = (row: number, field: (typeof QUESTION_FIELDS)[number] | 'required') =>
  `q${row}_${field}`

const lines = (text: string) =>
  text
    .split('\n')
    .map(normaliseText)
    .filter((line) => line !== '')

const rowShape: Record<string, z.ZodType<string | undefined>> = {}
for (let row = 1; row <= QUESTION_ROWS; row += 1) {
  for (const field of [...QUESTION_FIELDS, 'required'] as const)
    rowShape[questionField(row, field)] = z.string().optional()
}

/**
 * The question rows of the category form. A row left blank is no question; the others become the
 * category's questions in their order, checked so that the questions step can ask them.
 */
export const questionRowsSchema = z.object(rowShape).transform((form, ctx) => {
  const questions: QuestionDraft[] = []
  const keys = new Set<string>()
  for (let row = 1; row <= QUESTION_ROWS; row += 1) {
    const name = (field: (typeof QUESTION_FIELDS)[number]) => questionField(row, field)
    const text = (field: (typeof QUESTION_FIELDS)[number]) => normaliseText(form[name(field)] ?? '')
    const problem = (field: (typeof QUESTION_FIELDS)[number], message: string) =>
      ctx.addIssue({ code: 'custom', path: [name(field)], message, params: { n: row } })

    const key = text('key').toLowerCase()
    const labelEl = text('label_el')
    const labelEn = text('label_en')
    const optionsEl = lines(form[name('options_el')] ?? '')
    const optionsEn = lines(form[name('options_en')] ?? '')
    if (!key && !labelEl && !labelEn && !optionsEl.length && !optionsEn.length) continue

    if (!key) problem('key', 'errors.catalogue.question.keyRequired')
    else if (!QUESTION_CODE.test(key)) problem('key', 'errors.catalogue.question.keyFormat')
    else if (keys.has(key)) problem('key', 'errors.catalogue.question.keyTaken')
    keys.add(key)
    if (!labelEl) problem('label_el', 'errors.catalogue.question.labelElRequired')
    else if (labelEl.length > 200) problem('label_el', 'errors.catalogue.question.labelTooLong')
    if (!labelEn) problem('label_en', 'errors.catalogue.question.labelEnRequired')
    else if (labelEn.length > 200) problem('label_en', 'errors.catalogue.question.labelTooLong')
    const type = QUESTION_TYPES.find((candidate) => candidate === text('type'))
    if (!type) {
      problem('type', 'errors.catalogue.question.type')
      continue
    }

    const question: QuestionDraft = {
      key,
      label_el: labelEl,
      label_en: labelEn,
      type,
      required: form[questionField(row, 'required')] === 'yes',
    }
    if (type !== 'select') {
      if (optionsEl.length || optionsEn.length)
        problem(optionsEl.length ? 'options_el' : 'options_en', 'errors.catalogue.question.optionsNotChoice')
    } else if (optionsEl.length < 2) {
      problem('options_el', 'errors.catalogue.question.optionsTooFew')
    } else if (optionsEl.length > MAX_QUESTION_OPTIONS) {
      problem('options_el', 'errors.catalogue.question.optionsTooMany')
    } else if (optionsEn.length !== optionsEl.length) {
      problem('options_en', 'errors.catalogue.question.optionsCount')
    } else if ([...optionsEl, ...optionsEn].some((option) => option.length > 200)) {
      problem(
        optionsEl.some((o) => o.length > 200) ? 'options_el' : 'options_en',
        'errors.catalogue.question.optionTooLong',
      )
    } else if (new Set(optionsEl).size < optionsEl.length || new Set(optionsEn).size < optionsEn.length) {
      problem(
        new Set(optionsEl).size < optionsEl.length ? 'options_el' : 'options_en',
        'errors.catalogue.question.optionsRepeated',
      )
    } else {
      question.options = optionsEl.map((label, index) => ({ label_el: label, label_en: optionsEn[index]! }))
    }
    questions.push(question)
  }
  return questions
})

// ---------- response templates ----------

const PLACEHOLDER = /\{([^{}]*)\}/g

/** The `{…}` in a text that the staff page would not fill, each once. */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS
  const found = [...text.matchAll(PLACEHOLDER)].map((match) => match[0])
  return [...new Set(found.filter((placeholder) => !known.includes(placeholder.slice(1, -1))))]
}

const templateBody = (required: string) =>
  requiredText(4000, required, 'errors.catalogue.bodyTooLong').superRefine((value, ctx) => {
    // Braces belong to placeholders only: what is left once the known ones are taken out must have none.
    const known = new RegExp(`\\{(${TEMPLATE_PLACEHOLDERS.join('|')})\\}`, 'g')
    if (/[{}]/.test(value.replace(known, '')) && unknownPlaceholders(value).length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'errors.catalogue.strayBrace',
        params: { known: TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ') },
      })
      return
    }
    const unknown = unknownPlaceholders(value)
    if (unknown.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'errors.catalogue.placeholdersUnknown',
        params: {
          count: unknown.length,
          unknown: unknown.join(', '),
          known: TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', '),
        },
      })
    }
  })

export const templateSchema = z.object({
  status: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(TEMPLATE_STATUSES, { error: 'errors.catalogue.templateStatus' }).optional(),
  ),
  titleEl: requiredText(120, 'errors.catalogue.titleElRequired', 'errors.catalogue.titleTooLong'),
  titleEn: requiredText(120, 'errors.catalogue.titleEnRequired', 'errors.catalogue.titleTooLong'),
  bodyEl: templateBody('errors.catalogue.bodyElRequired'),
  bodyEn: templateBody('errors.catalogue.bodyEnRequired'),
})
export type TemplateInput = z.infer<typeof templateSchema>

// ---------- lists and addresses ----------

const page = z.coerce.number().int().min(1).max(100000).catch(1)

export const pageSchema = z.object({ page })

export const categoryListSchema = z.object({
  q: z.preprocess(
    blankToUndefined,
    z.string().transform(normaliseText).pipe(z.string().max(100)).optional().catch(undefined),
  ),
  department: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().positive().max(2147483647).optional().catch(undefined),
  ),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  sort: z.enum(['department', 'form', 'name']).catch('department'),
  page,
})
export type CategoryListQuery = z.infer<typeof categoryListSchema>

export const recordIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/)
  .transform(Number)
  .pipe(z.number().max(2147483647))

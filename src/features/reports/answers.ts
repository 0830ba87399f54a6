// The answers a resident gave to their category's extra questions, as lines to read: shown to the
// resident on their own report and to staff, never on public pages.
import type { Knex } from 'knex'
import type { Language } from '../../web/i18n'
import { categoryQuestionListSchema, type Question } from './filing-schemas'

export type AnswerLine = { label: string; value: string | null }

/**
 * Each answered question in the category's order (with `unanswered`, the others too, valued null);
 * an answer to a question since removed keeps its key. Only the answers' own strings count, never
 * names every object inherits, such as `constructor`.
 */
export function answerLines(
  questions: Question[],
  answers: Record<string, unknown>,
  lang: Language,
  t: (key: string) => string,
  options: { unanswered?: boolean } = {},
): AnswerLine[] {
  const lines: AnswerLine[] = []
  const known = new Set<string>()
  for (const question of questions) {
    known.add(question.key)
    const value = Object.hasOwn(answers, question.key) ? answers[question.key] : undefined
    if (typeof value !== 'string' || value === '') {
      if (options.unanswered)
        lines.push({ label: lang === 'en' ? question.label_en : question.label_el, value: null })
      continue
    }
    const label = lang === 'en' ? question.label_en : question.label_el
    if (question.type === 'yesno') {
      lines.push({ label, value: t(value === 'yes' ? 'filing.yes' : 'filing.no') })
    } else if (question.type === 'select') {
      const option = question.options?.find((o) => o.value === value)
      lines.push({ label, value: option ? (lang === 'en' ? option.label_en : option.label_el) : value })
    } else {
      lines.push({ label, value })
    }
  }
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key) && typeof value === 'string' && value !== '') lines.push({ label: key, value })
  }
  return lines
}

/** The answers stored with a report, read against its category's current questions. */
export async function reportAnswerLines(
  db: Knex,
  report: { category_id: number; answers?: unknown },
  lang: Language,
  t: (key: string) => string,
): Promise<AnswerLine[]> {
  const raw = typeof report.answers === 'string' ? (JSON.parse(report.answers) as unknown) : report.answers
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return []
  const row = await db('categories').where({ id: report.category_id }).first('questions')
  const stored = typeof row?.questions === 'string' ? (JSON.parse(row.questions) as unknown) : row?.questions
  const parsed = categoryQuestionListSchema.safeParse(stored ?? [])
  return answerLines(parsed.success ? parsed.data : [], raw as Record<string, unknown>, lang, t)
}

// Reading the outbox back: what /dev/mail shows of each mail.
import type { Knex } from 'knex'
import { NotFoundError } from '../../web/errors'
import { translatorFor, isLanguage, DEFAULT_LANGUAGE } from '../../web/i18n'
import { findOutboxMail, outboxPage, type OutboxRow } from './queries'
import { renderMail, type MailContent } from './render'

export const PAGE_SIZE = 20

/** The subject line in the recipient's language, or the template's name if it has none. */
export function subjectOf(mail: Pick<OutboxRow, 'template' | 'locale' | 'data'>): string {
  const t = translatorFor(isLanguage(mail.locale) ? mail.locale : DEFAULT_LANGUAGE)
  const key = `mail.${mail.template}.subject`
  const subject = t(key, { ...mail.data })
  return subject === key ? mail.template : subject
}

export async function outboxList(db: Knex, page: number) {
  const { rows, total } = await outboxPage(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  return { mails: rows.map((row) => ({ ...row, subject: subjectOf(row) })), total }
}

export type OutboxMailView = {
  mail: OutboxRow
  content: MailContent | null
  links: string[]
}

/** One mail as it reads (rendered again from its template and data), and the links it holds. */
export async function outboxMail(db: Knex, id: number, baseUrl: string): Promise<OutboxMailView> {
  const mail = Number.isSafeInteger(id) ? await findOutboxMail(db, id) : undefined
  if (!mail) throw new NotFoundError()
  let content: MailContent | null = null
  try {
    content = await renderMail(mail, { baseUrl })
  } catch {
    // Mail sent through SMTP keeps no data, and a template may have been removed since.
  }
  const links = content ? [...new Set(content.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])] : []
  return { mail, content, links }
}

// Mail is queued in the outbox inside the caller's transaction and delivered later by the worker
// (src/jobs/outbox.ts), so a mail is sent if and only if the change that caused it was committed.
//
// A template `<name>` is three files: `views/mail/<name>.text.ejs`, `views/mail/<name>.html.ejs`
// and the subject under `mail.<name>.subject` in the locale files. Templates receive `t` (in the
// recipient's language), `lang`, `baseUrl` and `data`.
import type { Knex } from 'knex'
import { now } from '../../lib/clock'
import { isTemplateName } from './render'

export type QueuedMail = {
  to: string
  template: string
  locale: 'el' | 'en'
  data: Record<string, unknown>
}

export async function queueMail(trx: Knex, mail: QueuedMail): Promise<void> {
  if (!isTemplateName(mail.template)) throw new Error(`not a mail template name: ${mail.template}`)
  const queuedAt = now()
  await trx('outbox').insert({
    to_address: mail.to,
    locale: mail.locale,
    template: mail.template,
    data: JSON.stringify(mail.data),
    available_at: queuedAt,
    created_at: queuedAt,
  })
}

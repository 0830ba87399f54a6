// Reading the mail the portal queued: the outbox rows, the mail as it would be sent, and its links.
import type { Db } from '../../src/db'
import { renderMail, type MailContent } from '../../src/features/mail/render'
import { deliverPendingNow, type MailTransport, type OutgoingMail } from '../../src/jobs/outbox'
import type { TestContext } from './app'

export type OutboxRow = {
  id: number
  to_address: string
  locale: string
  template: string
  data: Record<string, unknown>
  status: string
  attempts: number
  last_error: string | null
  available_at: Date
  sent_at: Date | null
}

export async function outbox(db: Db, to?: string): Promise<OutboxRow[]> {
  const query = db<OutboxRow>('outbox').orderBy('id')
  if (to) query.where({ to_address: to })
  return query
}

/** The templates of the mail queued for an address, oldest first. */
export async function templatesSentTo(db: Db, to: string): Promise<string[]> {
  return (await outbox(db, to)).map((row) => row.template)
}

/** The newest mail queued for an address with a template, as it reads once rendered. */
export async function lastMail(ctx: TestContext, to: string, template: string): Promise<MailContent> {
  const rows = (await outbox(ctx.db, to)).filter((row) => row.template === template)
  const row = rows[rows.length - 1]
  if (!row) throw new Error(`no ${template} mail for ${to}`)
  return renderMail(row, { baseUrl: ctx.config.baseUrl })
}

/** The path and query of the first link in a mail's text that goes to the given page. */
export function linkTo(mail: MailContent, path: string): string {
  const pattern = new RegExp(`https?://[^/\\s]+(${path.replace(/[/?]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+)`)
  const match = pattern.exec(mail.text)
  if (!match?.[1]) throw new Error(`no link to ${path} in:\n${mail.text}`)
  return match[1]
}

/** The link of the newest mail of a template to an address, read from the queued row. */
export async function queuedLink(db: Db, to: string, template: string): Promise<string> {
  const rows = (await outbox(db, to)).filter((row) => row.template === template)
  const path = rows[rows.length - 1]?.data.path
  if (typeof path !== 'string') throw new Error(`no ${template} link for ${to}`)
  return path
}

/** A transport that keeps what it is given, and fails while `failing` is set. */
export function recordingTransport(): MailTransport & { sent: OutgoingMail[]; failing: Error | null } {
  const transport = {
    kind: 'smtp' as const,
    sent: [] as OutgoingMail[],
    failing: null as Error | null,
    async send(mail: OutgoingMail) {
      if (transport.failing) throw transport.failing
      transport.sent.push(mail)
    },
    close() {},
  }
  return transport
}

export function deliverMail(ctx: TestContext, transport?: MailTransport) {
  return deliverPendingNow({ db: ctx.db, config: ctx.config, transport })
}

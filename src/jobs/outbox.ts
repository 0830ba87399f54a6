// Delivers the e-mail outbox. Any number of processes may run this at once: due rows are claimed
// with FOR UPDATE SKIP LOCKED and leased for a while, so each mail goes to one sender; a failed
// attempt is tried again later with growing delays, and the mail is marked failed after
// MAX_ATTEMPTS. Without SMTP_URL (never in production) mail is kept: marked sent without leaving
// the machine, and readable at /dev/mail.
import type { Knex } from 'knex'
import nodemailer from 'nodemailer'
import pino, { type Logger } from 'pino'
import type { Config } from '../config'
import { renderMail } from '../features/mail/render'
import { now } from '../lib/clock'
import { startRepeating, type RepeatingJob } from './runner'

export const MAX_ATTEMPTS = 8
/** A claimed mail is offered again after this long if its process died while sending it. */
export const LEASE_MS = 10 * 60 * 1000
const FIRST_RETRY_MS = 60 * 1000
const LONGEST_RETRY_MS = 60 * 60 * 1000
const BATCH_SIZE = 20
const POLL_INTERVAL_MS = 3000

export type OutgoingMail = {
  from: string
  to: string
  subject: string
  text: string
  html: string
  lang: string
}

export type MailTransport = {
  /** `kept` mail never leaves the machine; `smtp` mail goes to the SMTP server. */
  kind: 'smtp' | 'kept'
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

type MailConfig = Pick<Config, 'baseUrl' | 'mailFrom' | 'smtpUrl' | 'isProduction'>

export type OutboxDependencies = {
  db: Knex
  config: MailConfig
  logger?: Logger
  /** Where mail goes; by default SMTP when SMTP_URL is set, otherwise kept. */
  transport?: MailTransport
}

export type DeliveryReport = { sent: number; retrying: number; failed: number }

type OutboxRow = {
  id: number
  to_address: string
  locale: string
  template: string
  data: Record<string, unknown>
  attempts: number
}

export function mailTransportFor(config: Pick<Config, 'smtpUrl'>): MailTransport {
  if (!config.smtpUrl) return { kind: 'kept', send: async () => {}, close: () => {} }
  const transporter = nodemailer.createTransport(config.smtpUrl)
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' },
      })
    },
    close: () => transporter.close(),
  }
}

/** How long to wait after the given failed attempt: 1, 2, 4 … minutes, at most an hour. */
export function retryDelay(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), LONGEST_RETRY_MS)
}

/** Takes up to `limit` due mails for this process, in one statement, skipping rows others hold. */
async function claimDueMail(db: Knex, limit: number): Promise<OutboxRow[]> {
  const moment = now()
  const result = await db.raw(
    `UPDATE outbox SET attempts = attempts + 1, available_at = ?
      WHERE id IN (
        SELECT id FROM outbox
         WHERE status = 'pending' AND available_at <= ?
         ORDER BY available_at, id
         LIMIT ?
         FOR UPDATE SKIP LOCKED)
      RETURNING id, to_address, locale, template, data, attempts`,
    [new Date(moment.getTime() + LEASE_MS), moment, limit],
  )
  return (result.rows as OutboxRow[]).sort((a, b) => a.id - b.id)
}

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return message.slice(0, 1000)
}

async function deliverOne(
  deps: Required<OutboxDependencies>,
  row: OutboxRow,
): Promise<'sent' | 'retrying' | 'failed'> {
  const { db, config, logger, transport } = deps
  try {
    const content = await renderMail(row, { baseUrl: config.baseUrl, cache: config.isProduction })
    await transport.send({ ...content, from: config.mailFrom, to: row.to_address, lang: row.locale })
  } catch (err) {
    const failed = row.attempts >= MAX_ATTEMPTS
    await db('outbox')
      .where({ id: row.id, status: 'pending' })
      .update({
        status: failed ? 'failed' : 'pending',
        last_error: errorText(err),
        available_at: new Date(now().getTime() + retryDelay(row.attempts)),
      })
    const fields = { event: 'mail_not_sent', outboxId: row.id, template: row.template, attempt: row.attempts }
    logger.warn({ ...fields, err: errorText(err) }, failed ? 'mail given up' : 'mail will be retried')
    return failed ? 'failed' : 'retrying'
  }
  await db('outbox')
    .where({ id: row.id, status: 'pending' })
    .update({
      status: 'sent',
      sent_at: now(),
      last_error: null,
      // Sent mail may carry one-time links: only kept mail (for /dev/mail) keeps its data.
      ...(transport.kind === 'kept' ? {} : { data: JSON.stringify({}) }),
    })
  logger.info(
    { event: 'mail_sent', outboxId: row.id, template: row.template, via: transport.kind },
    'mail sent',
  )
  return 'sent'
}

/** Delivers every mail that is due now, batch after batch; tests call this to deliver at once. */
export async function deliverPendingNow(deps: OutboxDependencies): Promise<DeliveryReport> {
  const full: Required<OutboxDependencies> = {
    db: deps.db,
    config: deps.config,
    logger: deps.logger ?? pino({ level: 'silent' }),
    transport: deps.transport ?? mailTransportFor(deps.config),
  }
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 }
  try {
    for (;;) {
      const rows = await claimDueMail(full.db, BATCH_SIZE)
      for (const row of rows) report[await deliverOne(full, row)] += 1
      if (rows.length < BATCH_SIZE) return report
    }
  } finally {
    if (!deps.transport) full.transport.close()
  }
}

export type OutboxWorker = RepeatingJob

/** Runs in the portal's process: looks for due mail every few seconds until stopped. */
export function startOutboxWorker(
  deps: OutboxDependencies & { logger: Logger },
  intervalMs = POLL_INTERVAL_MS,
): OutboxWorker {
  const transport = deps.transport ?? mailTransportFor(deps.config)
  const job = startRepeating({
    name: 'outbox',
    intervalMs,
    logger: deps.logger,
    run: async () => {
      await deliverPendingNow({ ...deps, transport })
    },
  })
  deps.logger.info({ via: transport.kind }, 'outbox worker started')

  return {
    async stop() {
      await job.stop()
      transport.close()
    },
  }
}

// The author of a resolved report can reopen it, with a reason, for 30 days after it was resolved.
//
// A reopened report goes back to `acknowledged`, not `submitted`: the department already took the
// matter on and stays responsible for it, and `submitted` would tell the resident that nobody has
// looked at it yet and count it again among reports waiting for a first response.
import { z } from 'zod'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { normaliseText } from '../../lib/text'
import { NotFoundError } from '../../web/errors'
import { queueMail } from '../mail/outbox'
import { followersOf } from './following'
import {
  findPublicReportId,
  findReopenable,
  findReopenableById,
  lockReopenable,
  markReopened,
  type ReopenableRow,
} from './public-queries'
import { checkedReference, publicReportPath } from './public-service'
import type { ReportStatus } from './states'

export const REOPEN_WINDOW_DAYS = 30
export const REOPENED_STATUS: ReportStatus = 'acknowledged'
const WINDOW_MS = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/
const DIGIT_RUN = /\+?\d[\d\s.\-()]{7,}\d/g
const REFERENCE = /MYT-\d{4}-\d{5,}/gi

/**
 * An e-mail address or a phone number (Greek landline or mobile, or any international number
 * written with +/00): the reason is shown publicly, so contact details do not belong in it.
 */
export function containsContactDetails(text: string): boolean {
  if (EMAIL.test(text)) return true
  for (const match of text.replace(REFERENCE, ' ').matchAll(DIGIT_RUN)) {
    const written = match[0]
    const digits = written.replace(/\D/g, '')
    const national = digits.replace(/^(00)?30(?=[26]\d{9}$)/, '')
    if (/^(2\d{9}|69\d{8})$/.test(national)) return true
    if (/^(\+|00)/.test(written) && digits.length >= 10 && digits.length <= 15) return true
  }
  return false
}

export const reopenSchema = z.object({
  reason: z
    .string({ error: 'errors.reopen.reasonRequired' })
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .min(1, 'errors.reopen.reasonRequired')
        .min(10, 'errors.reopen.reasonTooShort')
        .max(2000, 'errors.reopen.reasonTooLong')
        .refine((reason) => !containsContactDetails(reason), 'errors.reopen.contactDetails'),
    ),
})

export type ReopenInput = z.infer<typeof reopenSchema>

/** Why a report cannot be reopened; the key is the message shown to the resident. */
export class ReopenRefusedError extends Error {
  constructor(readonly messageKey: 'errors.reopen.notResolved' | 'errors.reopen.windowClosed') {
    super(messageKey)
  }
}

function deadlineOf(report: ReopenableRow): Date | null {
  if (report.status !== 'resolved' || !report.resolved_at) return null
  return new Date(new Date(report.resolved_at).getTime() + WINDOW_MS)
}

function refusal(report: ReopenableRow): ReopenRefusedError | null {
  const deadline = deadlineOf(report)
  if (report.status !== 'resolved' || !deadline) return new ReopenRefusedError('errors.reopen.notResolved')
  if (now().getTime() > deadline.getTime()) return new ReopenRefusedError('errors.reopen.windowClosed')
  return null
}

/** Until when the report can still be reopened, or null when it cannot (any more). */
export async function reopenDeadline(db: Db, reportId: number): Promise<Date | null> {
  const report = await findReopenableById(db, reportId)
  if (!report || refusal(report)) return null
  return deadlineOf(report)
}

async function ownReopenable(db: Db, userId: number, reference: string): Promise<ReopenableRow> {
  const report = await findReopenable(db, checkedReference(reference))
  if (!report || report.author_id !== userId) throw new NotFoundError()
  return report
}

export type ReopenOffer = { reference: string; until: Date | null; refusedKey: string | null }

/** What the reopen page shows its author: the form and its deadline, or why it is closed. */
export async function reopenOffer(db: Db, userId: number, reference: string): Promise<ReopenOffer> {
  const report = await ownReopenable(db, userId, reference)
  const refused = refusal(report)
  return { reference, until: refused ? null : deadlineOf(report), refusedKey: refused?.messageKey ?? null }
}

/** The confirmation page after reopening is for the author only. */
export async function assertOwnReport(db: Db, userId: number, reference: string): Promise<void> {
  await ownReopenable(db, userId, reference)
}

/**
 * Reopens the author's resolved report: its status goes back to `acknowledged`, the reason is
 * a public event on the timeline, and followers are told by e-mail.
 */
export async function reopenReport(db: Db, userId: number, reference: string, input: ReopenInput) {
  await db.transaction(async (trx) => {
    const report = await lockReopenable(trx, checkedReference(reference))
    if (!report || report.author_id !== userId) throw new NotFoundError()
    const refused = refusal(report)
    if (refused) throw refused
    const at = now()
    await markReopened(trx, report.id, REOPENED_STATUS, at)
    await trx('report_events').insert({
      report_id: report.id,
      actor_id: userId,
      type: 'status_changed',
      from_status: 'resolved',
      to_status: REOPENED_STATUS,
      public_message: input.reason,
      created_at: at,
    })
    for (const follower of await followersOf(trx, report.id)) {
      await queueMail(trx, {
        to: follower.email,
        template: 'report-reopened',
        locale: follower.locale,
        data: {
          reference,
          title: report.public_title,
          path: publicReportPath(reference),
          reason: input.reason,
        },
      })
    }
  })
}

/** What the author's own report page offers: reopening while allowed, and its public page. */
export async function ownReportControls(db: Db, report: { id: number; reference: string }) {
  const reopenUntil = await reopenDeadline(db, report.id)
  const isPublic = Boolean(await findPublicReportId(db, report.reference))
  return { reopenUntil, publicPath: isPublic ? publicReportPath(report.reference) : null }
}

// Residents follow public reports to hear when their status changes. This module keeps
// `report_followers`; the status-change e-mail itself is queued by the staff pages, which ask
// `followersOf` whom to tell.
import type { Knex } from 'knex'
import type { Db } from '../../db'
import type { Language } from '../../web/i18n'
import { NotFoundError } from '../../web/errors'
import {
  activeFollowers,
  deleteFollower,
  findPublicReportId,
  followedReports,
  insertFollower,
  type Follower,
} from './public-queries'
import { checkedReference, PUBLIC_PAGE_SIZE, toListItem } from './public-service'

export type { Follower }

/**
 * Whom to e-mail, besides the author, when the report changes: its followers with an active
 * account, in their language. A hidden report has no followers to tell: its text is not public.
 * `db` may be the caller's transaction.
 */
export async function followersOf(db: Knex, reportId: number): Promise<Follower[]> {
  return activeFollowers(db, reportId)
}

async function publicReportId(db: Db, reference: string) {
  const report = await findPublicReportId(db, checkedReference(reference))
  if (!report) throw new NotFoundError()
  return report
}

export type FollowOutcome = 'following' | 'own-report'

/**
 * Follows a public report; following twice is the same as once. The author already hears about
 * every change to their own report, so they are not added.
 */
export async function followReport(db: Db, userId: number, reference: string): Promise<FollowOutcome> {
  const report = await publicReportId(db, reference)
  if (report.author_id === userId) return 'own-report'
  await insertFollower(db, report.id, userId)
  return 'following'
}

/** Stops following; stopping when not following does nothing. */
export async function unfollowReport(db: Db, userId: number, reference: string): Promise<void> {
  const report = await publicReportId(db, reference)
  await deleteFollower(db, report.id, userId)
}

/** The public reports a resident follows, most recently followed first; hidden ones drop out. */
export async function followedReportList(db: Db, userId: number, page: number, lang: Language) {
  const { rows, total } = await followedReports(db, userId, {
    limit: PUBLIC_PAGE_SIZE,
    offset: (page - 1) * PUBLIC_PAGE_SIZE,
  })
  return { reports: rows.map((row) => toListItem(row, lang)), total }
}

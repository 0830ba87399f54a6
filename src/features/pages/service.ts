import type { Db } from '../../db'
import { publicReports } from '../reports/public-queries'

export type ReportFigures = { total: number; resolved: number; open: number }

/** The counts shown on the home page: the same reports as the public list, hidden ones left out. */
export async function reportFigures(db: Db): Promise<ReportFigures> {
  const row = await publicReports(db)
    .select(
      db.raw('count(*)::bigint AS total'),
      db.raw(`count(*) FILTER (WHERE r.status = 'resolved')::bigint AS resolved`),
      db.raw(
        `count(*) FILTER (WHERE r.status IN ('submitted', 'acknowledged', 'in_progress'))::bigint AS open`,
      ),
    )
    .first()
  return {
    total: Number(row?.total ?? 0),
    resolved: Number(row?.resolved ?? 0),
    open: Number(row?.open ?? 0),
  }
}

import type { Db } from '../../db'

export type ReportFigures = { total: number; resolved: number; open: number }

/** The public counts shown on the home page. */
export async function reportFigures(db: Db): Promise<ReportFigures> {
  const row = await db('reports')
    .select(
      db.raw('count(*)::bigint AS total'),
      db.raw(`count(*) FILTER (WHERE status = 'resolved')::bigint AS resolved`),
      db.raw(
        `count(*) FILTER (WHERE status IN ('submitted', 'acknowledged', 'in_progress'))::bigint AS open`,
      ),
    )
    .first()
  return {
    total: Number(row?.total ?? 0),
    resolved: Number(row?.resolved ?? 0),
    open: Number(row?.open ?? 0),
  }
}

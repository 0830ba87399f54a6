// Staff statistics of reports: counts by status, category, department and Athens month, and the
// median time to a first response and to resolution, with the work queue's filters.
import { Router } from 'express'
import type { Knex } from 'knex'
import type { Db } from '../../db'
import { currentUser, requireRole } from '../../web/auth'
import { spreadsheetCsv, type CsvCell } from '../../web/csv'
import type { Language } from '../../web/i18n'
import { durationParts, formatDecimal, formatMonth } from '../../lib/format'
import { REPORT_STAFF_ROLES } from '../accounts/roles'
import { auditContext, recordAudit, type AuditContext } from '../audit/service'
import { applyQueueFilters, type QueueFilters } from './staff-queries'
import { REPORT_STATUSES } from './states'
import { queueFilters, queueSearch, readQueueQuery, workQueueOptions } from './staff-queue'

export const DASHBOARD_PATH = '/staff/dashboard'

type CountRow = { key: string; label_el?: string; label_en?: string; total: number }

async function countBy(
  db: Knex,
  filters: QueueFilters,
  group: 'status' | 'category' | 'department' | 'month',
) {
  const query = applyQueueFilters(db('reports as r'), filters)
  if (group === 'status') query.select('r.status as key').groupBy('r.status')
  if (group === 'category') {
    query
      .join('categories as c', 'c.id', 'r.category_id')
      .select('c.id as key', 'c.name_el as label_el', 'c.name_en as label_en')
      .groupBy('c.id', 'c.name_el', 'c.name_en')
      .orderBy('c.name_el')
  }
  if (group === 'department') {
    query
      .join('departments as d', 'd.id', 'r.department_id')
      .select('d.id as key', 'd.name_el as label_el', 'd.name_en as label_en')
      .groupBy('d.id', 'd.name_el', 'd.name_en')
      .orderBy('d.name_el')
  }
  if (group === 'month') {
    // Grouped by the truncated moment and labelled once per month: formatting every row's date
    // as text cost twice as much on 50,000 reports (docs/benchmarks.md).
    const month = `date_trunc('month', r.created_at AT TIME ZONE 'Europe/Athens')`
    query
      .select(db.raw(`to_char(${month}, 'YYYY-MM') AS key`))
      .groupByRaw(month)
      .orderByRaw(`${month} DESC`)
  }
  const rows: CountRow[] = await query.count({ total: '*' })
  return rows.map((row) => ({ ...row, key: String(row.key), total: Number(row.total) }))
}

/** Medians in hours, on both engines through percentile_cont; null when no report has the time yet. */
async function medians(db: Knex, filters: QueueFilters) {
  const row = await applyQueueFilters(db('reports as r'), filters).first(
    db.raw(
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.created_at))
           FILTER (WHERE r.first_response_at IS NOT NULL) AS first_response`,
    ),
    db.raw(
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at))
           FILTER (WHERE r.resolved_at IS NOT NULL) AS resolution`,
    ),
  )
  const hours = (seconds: unknown) =>
    seconds === null || seconds === undefined ? null : Number(seconds) / 3600
  return { firstResponseHours: hours(row?.first_response), resolutionHours: hours(row?.resolution) }
}

export async function dashboard(db: Db, filters: QueueFilters, lang: Language, t: (key: string) => string) {
  const [byStatus, byCategory, byDepartment, byMonth, times] = await Promise.all([
    countBy(db, filters, 'status'),
    countBy(db, filters, 'category'),
    countBy(db, filters, 'department'),
    countBy(db, filters, 'month'),
    medians(db, filters),
  ])
  // Names in the reader's alphabetical order.
  const named = (rows: CountRow[]) =>
    rows
      .map((row) => ({ label: (lang === 'en' ? row.label_en : row.label_el) ?? row.key, total: row.total }))
      .sort((a, b) => a.label.localeCompare(b.label, lang === 'en' ? 'en-GB' : 'el-GR'))
  return {
    // States in the order a report moves through them, as everywhere else on the pages.
    byStatus: byStatus
      .sort(
        (a, b) =>
          REPORT_STATUSES.indexOf(a.key as (typeof REPORT_STATUSES)[number]) -
          REPORT_STATUSES.indexOf(b.key as (typeof REPORT_STATUSES)[number]),
      )
      .map((row) => ({ label: t(`status.${row.key}.label`), total: row.total })),
    byCategory: named(byCategory),
    byDepartment: named(byDepartment),
    byMonth: byMonth.map((row) => ({ key: row.key, label: formatMonth(row.key, lang), total: row.total })),
    total: byStatus.reduce((sum, row) => sum + row.total, 0),
    ...times,
  }
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>

/** All four tables in one CSV (section;label;count), with the medians; audited like the queue's. */
export async function dashboardCsv(
  db: Db,
  audit: AuditContext,
  data: Dashboard,
  t: (key: string) => string,
  filters: string,
  lang: Language,
) {
  await recordAudit(db, audit, {
    action: 'report.exported',
    entityType: 'report',
    entityId: 'dashboard',
    after: { filters: filters || null, rows: data.total },
  })
  const rows: CsvCell[][] = []
  for (const [section, list] of [
    ['byStatus', data.byStatus],
    ['byCategory', data.byCategory],
    ['byDepartment', data.byDepartment],
  ] as const) {
    for (const row of list) rows.push([t(`staffDashboard.${section}`), row.label, row.total])
  }
  // Months as YYYY-MM, which spreadsheets sort and read as dates.
  for (const row of data.byMonth) rows.push([t('staffDashboard.byMonth'), row.key, row.total])
  const round = (value: number | null) => (value === null ? '' : formatDecimal(value, lang))
  rows.push([t('staffDashboard.medians'), t('staffDashboard.firstResponse'), round(data.firstResponseHours)])
  rows.push([t('staffDashboard.medians'), t('staffDashboard.resolution'), round(data.resolutionHours)])
  const header = ['section', 'label', 'value'].map((key) => t(`staffDashboard.csv.${key}`))
  return spreadsheetCsv(header, rows)
}

export function dashboardRoutes(db: Db): Router {
  const router = Router()
  const guard = requireRole(...REPORT_STAFF_ROLES)

  router.get(DASHBOARD_PATH, guard, async (req, res) => {
    const { query, invalid } = readQueueQuery(req.query)
    const user = currentUser(req)
    const filters = queueFilters(
      { ...query, scope: query.scope },
      { id: user.id, departmentId: user.departmentId },
    )
    const [data, options] = await Promise.all([
      dashboard(db, filters, req.lang, req.t),
      workQueueOptions(db, req.lang),
    ])

    const duration = (hours: number) => {
      const { unit, value } = durationParts(hours)
      const shown = new Intl.NumberFormat(req.lang === 'en' ? 'en-GB' : 'el-GR', {
        maximumFractionDigits: 1,
      }).format(value)
      return req.t(`staffDashboard.duration.${unit}`, { count: value, value: shown })
    }
    res.locals.section = 'staff'
    res.render('staff/dashboard', {
      ...data,
      duration,
      options,
      query,
      errors: invalid.map((field) => ({ field, text: req.t(`staffReports.invalid.${field}`) })),
      csvPath: `${DASHBOARD_PATH}.csv${queueSearch(query)}`,
      queuePath: `/staff/reports${queueSearch(query)}`,
    })
  })

  router.get(`${DASHBOARD_PATH}.csv`, guard, async (req, res) => {
    const { query } = readQueueQuery(req.query)
    const user = currentUser(req)
    const filters = queueFilters(query, { id: user.id, departmentId: user.departmentId })
    const data = await dashboard(db, filters, req.lang, req.t)
    const csv = await dashboardCsv(db, auditContext(req), data, req.t, queueSearch(query), req.lang)

    res.attachment('report-statistics.csv')
    res.type('text/csv; charset=utf-8').send(csv)
  })

  return router
}

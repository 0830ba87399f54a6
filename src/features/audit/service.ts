// The append-only record of staff actions: who did what to which record, from where, and when.
import type { Knex } from 'knex'
import type { Request } from 'express'
import { formatDateTime } from '../../lib/format'
import { auditActions, auditActors, auditEntityTypes, departmentNames, findAuditEntries } from './queries'
import type { AuditFilters } from './schemas'

export type AuditContext = { actorId: number; ip: string | null; requestId: string | null }

export type AuditEntry = {
  action: string
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
}

export function auditContext(req: Request): AuditContext {
  return { actorId: req.user?.id ?? 0, ip: req.ip ?? null, requestId: req.id ? String(req.id) : null }
}

export async function recordAudit(trx: Knex, context: AuditContext, entry: AuditEntry): Promise<void> {
  await trx('audit_log').insert({
    actor_id: context.actorId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: context.ip,
    request_id: context.requestId,
  })
}

// The audit log page: entries newest first, filtered, with before/after as readable changes.

export const AUDIT_PAGE_SIZE = 50

export type Change = { field: string; before: string | null; after: string | null }

type Translate = (key: string, options?: Record<string, unknown>) => string

/** What turns stored values into words: the reader's language and the names of departments. */
export type Reader = { t: Translate; lang: 'el' | 'en'; departments: ReadonlyMap<string, string> }

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** Codes that have a name on the pages already: roles, report states, languages, departments. */
const VALUE_NAMES: Record<string, (value: string, reader: Reader) => string> = {
  roles: (value, { t }) => t(`roles.${value}`, { defaultValue: value }),
  status: (value, { t }) => t(`status.${value}.label`, { defaultValue: value }),
  language: (value, { t }) => t(`audit.languages.${value}`, { defaultValue: value }),
  department: (value, { departments }) => departments.get(value) ?? value,
}

function readable(field: string, value: unknown, reader: Reader): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'boolean') return reader.t(value ? 'common.yes' : 'common.no')
  if (Array.isArray(value)) {
    return value.length ? value.map((item) => readable(field, item, reader)).join(', ') : null
  }
  if (typeof value === 'string' && ISO_MOMENT.test(value)) return formatDateTime(value, reader.lang)
  if (typeof value === 'object') return JSON.stringify(value)
  const name = VALUE_NAMES[field]
  return name ? name(String(value), reader) : String(value)
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  return value === null || value === undefined ? {} : { value }
}

/** The fields that differ between before and after, in the reader's words; unchanged fields are left out. */
export function describeChanges(before: unknown, after: unknown, reader: Reader): Change[] {
  const old = asRecord(before)
  const now = asRecord(after)
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])]
  return fields
    .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]))
    .map((field) => ({
      field: reader.t(`audit.fields.${field}`, { defaultValue: field }),
      before: readable(field, old[field], reader),
      after: readable(field, now[field], reader),
    }))
}

/** The administration pages of records known by their number. */
const NUMBERED_RECORD_PAGES: Record<string, string> = {
  user: '/staff/admin/users',
  department: '/staff/admin/departments',
  category: '/staff/admin/categories',
  response_template: '/staff/admin/response-templates',
}

/** Where a record of a known type is shown to staff. */
function recordLink(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null
  const numbered = NUMBERED_RECORD_PAGES[entityType]
  if (numbered && /^\d+$/.test(entityId)) return `${numbered}/${entityId}`
  if (entityType === 'report') return `/staff/reports/${encodeURIComponent(entityId)}`
  return null
}

export async function auditLogPage(
  db: Knex,
  filters: AuditFilters,
  page: number,
  t: Translate,
  lang: 'el' | 'en',
) {
  const [{ rows, total }, departments] = await Promise.all([
    findAuditEntries(db, filters, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }),
    departmentNames(db, lang),
  ])
  const reader: Reader = { t, lang, departments }
  const entries = rows.map((row) => ({
    id: Number(row.id),
    at: row.created_at,
    actor: row.actor_name ? { name: row.actor_name, email: row.actor_email } : null,
    action: t(`audit.actions.${row.action}`, { defaultValue: row.action }),
    entityType: t(`audit.entityTypes.${row.entity_type}`, { defaultValue: row.entity_type }),
    entityId: row.entity_id,
    link: recordLink(row.entity_type, row.entity_id),
    // A record that was created has no "before": its values are listed without arrows.
    created: row.before === null,
    changes: describeChanges(row.before, row.after, reader),
    ip: row.ip,
  }))
  return { entries, total }
}

export async function auditFilterOptions(db: Knex, t: Translate) {
  const [actors, actions, entityTypes] = await Promise.all([
    auditActors(db),
    auditActions(db),
    auditEntityTypes(db),
  ])
  return {
    actors: actors.map((actor) => ({
      value: String(actor.id),
      label: `${actor.full_name} (${actor.email})`,
    })),
    actions: actions.map((action) => ({
      value: action,
      label: t(`audit.actions.${action}`, { defaultValue: action }),
    })),
    entityTypes: entityTypes.map((type) => ({
      value: type,
      label: t(`audit.entityTypes.${type}`, { defaultValue: type }),
    })),
  }
}

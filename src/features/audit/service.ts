// The append-only record of staff actions: who did what to which record, from where, and when.
import type { Knex } from 'knex'
import type { Request } from 'express'
import { formatDateTime } from '../../lib/format'
import {
  auditActions,
  auditActors,
  auditEntityTypes,
  findAuditEntries,
  recordNames,
  type RecordNames,
} from './queries'
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

/** What turns stored values into words: the reader's language, the kind of record and the names of things. */
export type Reader = {
  t: Translate
  lang: 'el' | 'en'
  entityType?: string
  names: RecordNames
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** Codes and ids that have a name on the pages already: roles, states, languages, departments, people. */
const VALUE_NAMES: Record<string, (value: string, reader: Reader) => string> = {
  roles: (value, { t }) => t(`roles.${value}`, { defaultValue: value }),
  status: (value, { t, entityType }) =>
    entityType === 'afm_claim'
      ? t(`audit.claimStatuses.${value}`, { defaultValue: value })
      : t(`status.${value}.label`, { defaultValue: value }),
  language: (value, { t }) => t(`audit.languages.${value}`, { defaultValue: value }),
  department: (value, { names }) => names.departments.get(value) ?? value,
  category: (value, { names }) => names.categories.get(value) ?? value,
  assignee: (value, { names }) => names.people.get(value) ?? value,
  rejectionReason: (value, { t, entityType }) =>
    entityType === 'report' ? t(`staffReports.rejection.${value}`, { defaultValue: value }) : value,
  channel: (value, { t }) => t(`staffReports.channels.${value}`, { defaultValue: value }),
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
  return (
    fields
      .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]))
      // A flag that was never set and is still off ("no internal note") is not a change.
      .filter((field) => !(old[field] === undefined && (now[field] === false || now[field] === null)))
      .map((field) => ({
        field: reader.t(`audit.fields.${field}`, { defaultValue: field }),
        before: readable(field, old[field], reader),
        after: readable(field, now[field], reader),
      }))
  )
}

/** The pages of records known by their number. */
const NUMBERED_RECORD_PAGES: Record<string, string> = {
  user: '/staff/admin/users',
  department: '/staff/admin/departments',
  category: '/staff/admin/categories',
  response_template: '/staff/admin/response-templates',
  afm_claim: '/staff/afm',
}

/** Where a record of a known type is shown to staff; exports of a list name no single record. */
function recordLink(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null
  const numbered = NUMBERED_RECORD_PAGES[entityType]
  if (numbered && /^\d+$/.test(entityId)) return `${numbered}/${entityId}`
  if (entityType === 'report' && REPORT_REFERENCE.test(entityId)) {
    return `/staff/reports/${encodeURIComponent(entityId)}`
  }
  return null
}

const REPORT_REFERENCE = /^MYT-\d{4}-\d{5,}$/

function isListExport(entityType: string, entityId: string | null): boolean {
  return entityType === 'report' && entityId !== null && !REPORT_REFERENCE.test(entityId)
}

/** What an entry names as its record: a reference or id, or the list that was exported. */
function recordName(entityType: string, entityId: string | null, t: Translate): string | null {
  if (entityType === 'report' && entityId && !REPORT_REFERENCE.test(entityId)) {
    return t(`audit.lists.${entityId}`, { defaultValue: entityId })
  }
  return entityId
}

export async function auditLogPage(
  db: Knex,
  filters: AuditFilters,
  page: number,
  t: Translate,
  lang: 'el' | 'en',
) {
  const [{ rows, total }, names] = await Promise.all([
    findAuditEntries(db, filters, { limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE }),
    recordNames(db, lang),
  ])
  const entries = rows.map((row) => ({
    id: Number(row.id),
    at: row.created_at,
    actor: row.actor_name ? { name: row.actor_name, email: row.actor_email } : null,
    action: t(`audit.actions.${row.action}`, { defaultValue: row.action }),
    // An exported list is named by itself ("Report list"), without the kind of record before it.
    entityType: isListExport(row.entity_type, row.entity_id)
      ? ''
      : t(`audit.entityTypes.${row.entity_type}`, { defaultValue: row.entity_type }),
    entityId: recordName(row.entity_type, row.entity_id, t),
    link: recordLink(row.entity_type, row.entity_id),
    // A record that was created has no "before": its values are listed without arrows.
    created: row.before === null,
    changes: describeChanges(row.before, row.after, { t, lang, entityType: row.entity_type, names }),
    // IPv4 addresses as people write them, not in their IPv6-mapped form.
    ip: typeof row.ip === 'string' ? row.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') : row.ip,
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

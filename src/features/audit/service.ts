// The append-only record of staff actions: who did what to which record, from where, and when.
import type { Knex } from 'knex'
import type { Request } from 'express'

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

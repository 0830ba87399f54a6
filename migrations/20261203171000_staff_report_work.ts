import type { Knex } from 'knex'

// The staff side of reports: the kinds of internal timeline events, what a clerk records when
// filing for a caller, and indexes behind the sort orders and the text search of the work queue.
const OLD_TYPES = ['created', 'status_changed', 'note']
const NEW_TYPES = [...OLD_TYPES, 'reassigned', 'assigned', 'moderated', 'duplicate_linked']
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ')

export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE report_events DROP CONSTRAINT report_events_type')
  await knex.raw(
    `ALTER TABLE report_events ADD CONSTRAINT report_events_type CHECK (type IN (${list(NEW_TYPES)}))`,
  )
  await knex.schema.alterTable('report_events', (t) => {
    t.jsonb('details')
  })
  await knex.schema.alterTable('reports', (t) => {
    t.text('channel').notNullable().defaultTo('web')
    t.text('caller_name')
    t.text('caller_contact')
  })
  await knex.raw(
    `ALTER TABLE reports ADD CONSTRAINT reports_channel CHECK (channel IN ('web', 'counter', 'phone'))`,
  )
  await knex.raw('CREATE INDEX reports_updated ON reports (updated_at DESC, id DESC)')
  await knex.raw(
    'CREATE INDEX reports_department_created ON reports (department_id, created_at DESC, id DESC)',
  )
  await knex.raw(`CREATE INDEX reports_status_rank ON reports (
    (CASE status WHEN 'submitted' THEN 1 WHEN 'acknowledged' THEN 2 WHEN 'in_progress' THEN 3
      WHEN 'resolved' THEN 4 WHEN 'rejected' THEN 5 ELSE 6 END), created_at, id)`)
  await knex.raw(`
    CREATE INDEX reports_staff_search ON reports USING gin (
      fold_text(title || ' ' || description || ' ' || address) gin_trgm_ops)`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS reports_staff_search')
  await knex.raw('DROP INDEX IF EXISTS reports_status_rank')
  await knex.raw('DROP INDEX IF EXISTS reports_department_created')
  await knex.raw('DROP INDEX IF EXISTS reports_updated')
  await knex.raw('ALTER TABLE reports DROP CONSTRAINT reports_channel')
  await knex.schema.alterTable('reports', (t) => {
    t.dropColumns('channel', 'caller_name', 'caller_contact')
  })
  await knex.schema.alterTable('report_events', (t) => {
    t.dropColumn('details')
  })
  await knex('report_events').whereNotIn('type', OLD_TYPES).delete()
  await knex.raw('ALTER TABLE report_events DROP CONSTRAINT report_events_type')
  await knex.raw(
    `ALTER TABLE report_events ADD CONSTRAINT report_events_type CHECK (type IN (${list(OLD_TYPES)}))`,
  )
}

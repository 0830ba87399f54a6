import type { Knex } from 'knex'

const REPORT_KINDS = ['observation', 'report', 'complaint'] as const
const REPORT_STATUSES = [
  'submitted',
  'acknowledged',
  'in_progress',
  'resolved',
  'rejected',
  'duplicate',
] as const

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_counters', (t) => {
    t.integer('year').primary()
    t.integer('last_number').notNullable()
  })

  await knex.schema.createTable('reports', (t) => {
    t.bigIncrements('id')
    t.text('reference').notNullable().unique()
    t.text('kind').notNullable()
    t.integer('category_id').notNullable().references('categories.id')
    t.integer('department_id').notNullable().references('departments.id')
    t.bigInteger('author_id').references('users.id').onDelete('SET NULL')
    t.text('title').notNullable()
    t.text('description').notNullable()
    t.text('address').notNullable()
    t.text('district').notNullable()
    t.double('lat')
    t.double('lng')
    t.text('status').notNullable().defaultTo('submitted')
    t.boolean('show_name').notNullable().defaultTo(false)
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`ALTER TABLE reports ADD CONSTRAINT reports_kind CHECK (kind IN (${list(REPORT_KINDS)}))`)
  await knex.raw(
    `ALTER TABLE reports ADD CONSTRAINT reports_status CHECK (status IN (${list(REPORT_STATUSES)}))`,
  )
  await knex.raw('CREATE INDEX reports_author_created ON reports (author_id, created_at DESC, id DESC)')
  await knex.raw('CREATE INDEX reports_created ON reports (created_at DESC, id DESC)')
  await knex.raw('CREATE INDEX reports_status_created ON reports (status, created_at DESC, id DESC)')

  await knex.schema.createTable('report_events', (t) => {
    t.bigIncrements('id')
    t.bigInteger('report_id').notNullable().references('reports.id').onDelete('CASCADE')
    t.bigInteger('actor_id').references('users.id').onDelete('SET NULL')
    t.text('type').notNullable()
    t.text('from_status')
    t.text('to_status')
    t.text('public_message')
    t.text('internal_note')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(
    `ALTER TABLE report_events ADD CONSTRAINT report_events_type CHECK (type IN ('created', 'status_changed', 'note'))`,
  )
  await knex.raw('CREATE INDEX report_events_report ON report_events (report_id, created_at, id)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_events')
  await knex.schema.dropTable('reports')
  await knex.schema.dropTable('report_counters')
}

import type { Knex } from 'knex'

// E-mail waiting to be sent, written in the same transaction as the change that causes it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox', (t) => {
    t.bigIncrements('id')
    t.text('to_address').notNullable()
    t.string('locale', 2).notNullable()
    t.text('template').notNullable()
    t.jsonb('data').notNullable()
    t.text('status').notNullable().defaultTo('pending')
    t.integer('attempts').notNullable().defaultTo(0)
    t.text('last_error')
    t.timestamp('available_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('sent_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(
    `ALTER TABLE outbox ADD CONSTRAINT outbox_status CHECK (status IN ('pending', 'sent', 'failed'))`,
  )
  await knex.raw(`CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE status = 'pending'`)
  await knex.raw('CREATE INDEX outbox_created ON outbox (created_at DESC, id DESC)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox')
}

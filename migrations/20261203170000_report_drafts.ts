import type { Knex } from 'knex'

// A resident's report in the making, kept on the server between the steps of the filing pages:
// one draft per account, with the photos uploaded so far (already checked, upright and stripped).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('report_drafts', (t) => {
    t.bigInteger('user_id').primary().references('users.id').onDelete('CASCADE')
    t.uuid('submission_key').notNullable()
    t.jsonb('data').notNullable().defaultTo('{}')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.schema.createTable('report_draft_photos', (t) => {
    t.bigIncrements('id')
    t.bigInteger('user_id').notNullable().references('report_drafts.user_id').onDelete('CASCADE')
    t.text('content_type').notNullable()
    t.binary('content').notNullable()
    t.integer('width').notNullable()
    t.integer('height').notNullable()
    t.integer('byte_size').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['user_id', 'id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_draft_photos')
  await knex.schema.dropTable('report_drafts')
}

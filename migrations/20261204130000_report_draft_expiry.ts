import type { Knex } from 'knex'

// Drafts untouched for a week are deleted with their photos. The index finds them; a small table
// remembers, for a while, whose draft went, so that its owner is told why they start again.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX report_drafts_updated ON report_drafts (updated_at)')
  await knex.schema.createTable('report_draft_expiries', (t) => {
    t.bigInteger('user_id').primary().references('users.id').onDelete('CASCADE')
    t.timestamp('last_changed_at', { useTz: true }).notNullable()
    t.timestamp('expired_at', { useTz: true }).notNullable().index()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('report_draft_expiries')
  await knex.raw('DROP INDEX report_drafts_updated')
}

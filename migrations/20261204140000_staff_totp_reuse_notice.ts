import type { Knex } from 'knex'

// The time step of the last code whose reuse was mailed to the account's holder. A code typed
// again and again mails them once, not each time; a reuse of a later step mails them again.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff_totp', (t) => {
    t.bigInteger('reuse_noticed_step')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('staff_totp', (t) => {
    t.dropColumn('reuse_noticed_step')
  })
}

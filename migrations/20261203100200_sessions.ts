import type { Knex } from 'knex'

// The session store's table (connect-session-knex), created here so that every engine has it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', (t) => {
    t.string('sid').primary()
    t.json('sess').notNullable()
    t.timestamp('expired', { useTz: true }).notNullable().index()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions')
}

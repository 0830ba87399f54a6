import type { Knex } from 'knex'

// Finds the sessions of one account (the list under "my account", signing out everywhere else)
// without reading the whole table.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX sessions_user ON sessions (((sess::jsonb -> 'passport' ->> 'user')))`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX sessions_user')
}

import type { Knex } from 'knex'

// When a citizen closed their account. A closed account's row stays, emptied of personal data,
// because the append-only audit log and the reports' timelines still point at it.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('closed_at', { useTz: true })
  })
  await knex.raw(
    `ALTER TABLE users ADD CONSTRAINT users_closed_inactive CHECK (closed_at IS NULL OR NOT is_active)`,
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('closed_at')
  })
}

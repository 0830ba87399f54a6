import type { Knex } from 'knex'

// The audit log page filters by action, newest first, and lists the actions that occur.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX audit_log_action ON audit_log (action, created_at DESC, id DESC)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX audit_log_action')
}

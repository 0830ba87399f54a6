import type { Knex } from 'knex'

// The audit log page filters by who acted, newest first.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX audit_log_actor ON audit_log (actor_id, created_at DESC, id DESC)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX audit_log_actor')
}

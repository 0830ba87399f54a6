import type { Knex } from 'knex'

// Finds the staff among many thousands of residents without reading every account.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX user_roles_role ON user_roles (role, user_id)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX user_roles_role')
}

import type { Knex } from 'knex'

// The department a clerk works for; other staff and residents have none.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.integer('department_id').references('departments.id').onDelete('SET NULL')
    t.index(['department_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropIndex(['department_id'])
    t.dropForeign(['department_id'])
    t.dropColumn('department_id')
  })
}

import type { Knex } from 'knex'

// The administration lists of the report catalogue: departments by name, categories in the order
// residents see them, response templates by the status they are for.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('departments', (t) => {
    t.index(['name_el', 'id'], 'departments_by_name')
  })
  await knex.schema.alterTable('categories', (t) => {
    t.index(['sort_order', 'id'], 'categories_by_sort_order')
  })
  await knex.schema.alterTable('response_templates', (t) => {
    t.index(['status', 'id'], 'response_templates_by_status')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('response_templates', (t) => {
    t.dropIndex(['status', 'id'], 'response_templates_by_status')
  })
  await knex.schema.alterTable('categories', (t) => {
    t.dropIndex(['sort_order', 'id'], 'categories_by_sort_order')
  })
  await knex.schema.alterTable('departments', (t) => {
    t.dropIndex(['name_el', 'id'], 'departments_by_name')
  })
}

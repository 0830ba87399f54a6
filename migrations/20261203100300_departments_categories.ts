import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('departments', (t) => {
    t.increments('id')
    t.text('code').notNullable().unique()
    t.text('name_el').notNullable()
    t.text('name_en').notNullable()
    t.text('email')
    t.text('phone')
  })
  await knex.schema.createTable('categories', (t) => {
    t.increments('id')
    t.text('code').notNullable().unique()
    t.integer('department_id').notNullable().references('departments.id')
    t.text('group_el').notNullable()
    t.text('group_en').notNullable()
    t.text('name_el').notNullable()
    t.text('name_en').notNullable()
    t.text('hint_el')
    t.text('hint_en')
    t.text('notice_el')
    t.text('notice_en')
    t.integer('sort_order').notNullable().defaultTo(0)
    t.boolean('is_active').notNullable().defaultTo(true)
    t.index(['department_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('categories')
  await knex.schema.dropTable('departments')
}

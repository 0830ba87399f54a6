import type { Knex } from 'knex'

// Districts and communities of the municipality, and streets offered when typing an address.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('districts', (t) => {
    t.text('code').primary()
    t.text('name_el').notNullable()
    t.text('name_en').notNullable()
    t.integer('sort_order').notNullable().defaultTo(0)
  })
  await knex.schema.createTable('streets', (t) => {
    t.increments('id')
    t.text('name_el').notNullable()
    t.text('name_en').notNullable()
    t.text('district_code').notNullable().references('districts.code')
    t.double('lat')
    t.double('lng')
    t.unique(['name_el', 'district_code'])
  })
  await knex.schema.alterTable('reports', (t) => {
    t.foreign('district').references('districts.code')
    t.index(['district'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reports', (t) => {
    t.dropForeign(['district'])
    t.dropIndex(['district'])
  })
  await knex.schema.dropTable('streets')
  await knex.schema.dropTable('districts')
}

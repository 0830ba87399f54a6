import type { Knex } from 'knex'

// Reports in some categories (a person in need of social support, say) are about people, not
// places: they are worked on as usual but never appear on the public pages, map or feeds.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('categories', (t) => {
    t.boolean('is_public').notNullable().defaultTo(true)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('categories', (t) => {
    t.dropColumn('is_public')
  })
}

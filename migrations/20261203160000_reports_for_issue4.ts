import type { Knex } from 'knex'

// What residents' reports need beyond the first slice: category settings, photos, followers,
// moderation, assignment, duplicates, response templates and answers to category questions.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('categories', (t) => {
    t.integer('duplicate_radius_m').notNullable().defaultTo(50)
    t.jsonb('questions').notNullable().defaultTo('[]')
  })
  await knex.schema.alterTable('reports', (t) => {
    t.jsonb('answers').notNullable().defaultTo('{}')
    t.boolean('is_hidden').notNullable().defaultTo(false)
    t.text('hidden_reason')
    t.text('public_title')
    t.text('public_description')
    t.bigInteger('duplicate_of').references('reports.id').onDelete('SET NULL')
    t.bigInteger('assignee_id').references('users.id').onDelete('SET NULL')
    t.bigInteger('filed_by_id').references('users.id').onDelete('SET NULL')
    t.timestamp('first_response_at', { useTz: true })
    t.timestamp('resolved_at', { useTz: true })
    t.index(['assignee_id'])
    t.index(['duplicate_of'])
    t.index(['category_id', 'status'])
    t.index(['department_id', 'status'])
  })
  await knex.schema.createTable('report_photos', (t) => {
    t.bigIncrements('id')
    t.bigInteger('report_id').notNullable().references('reports.id').onDelete('CASCADE')
    t.text('content_type').notNullable()
    t.binary('content').notNullable()
    t.integer('width').notNullable()
    t.integer('height').notNullable()
    t.integer('byte_size').notNullable()
    t.boolean('is_hidden').notNullable().defaultTo(false)
    t.text('hidden_reason')
    t.integer('position').notNullable().defaultTo(0)
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['report_id', 'position'])
  })
  await knex.schema.createTable('report_followers', (t) => {
    t.bigInteger('report_id').notNullable().references('reports.id').onDelete('CASCADE')
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['report_id', 'user_id'])
    t.index(['user_id'])
  })
  await knex.schema.createTable('response_templates', (t) => {
    t.increments('id')
    t.text('status')
    t.text('title_el').notNullable()
    t.text('title_en').notNullable()
    t.text('body_el').notNullable()
    t.text('body_en').notNullable()
    t.boolean('is_active').notNullable().defaultTo(true)
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  // The public list shows newest first and filters by status and district.
  await knex.raw('CREATE INDEX reports_public ON reports (created_at DESC, id DESC) WHERE NOT is_hidden')
  await knex.raw('CREATE INDEX reports_location ON reports (lat, lng) WHERE lat IS NOT NULL')
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS reports_location')
  await knex.raw('DROP INDEX IF EXISTS reports_public')
  await knex.schema.dropTable('response_templates')
  await knex.schema.dropTable('report_followers')
  await knex.schema.dropTable('report_photos')
  await knex.schema.alterTable('reports', (t) => {
    t.dropIndex(['category_id', 'status'])
    t.dropIndex(['department_id', 'status'])
    t.dropIndex(['assignee_id'])
    t.dropIndex(['duplicate_of'])
    t.dropColumns(
      'answers',
      'is_hidden',
      'hidden_reason',
      'public_title',
      'public_description',
      'duplicate_of',
      'assignee_id',
      'filed_by_id',
      'first_response_at',
      'resolved_at',
    )
  })
  await knex.schema.alterTable('categories', (t) => {
    t.dropColumns('duplicate_radius_m', 'questions')
  })
}

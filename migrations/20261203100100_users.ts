import type { Knex } from 'knex'

const ROLES = ['citizen', 'clerk', 'treasury', 'secretariat', 'admin'] as const

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.bigIncrements('id')
    t.text('email').notNullable().unique()
    t.text('password_hash').notNullable()
    t.text('full_name').notNullable()
    t.string('afm', 9)
    t.text('phone')
    t.string('locale', 2).notNullable().defaultTo('el')
    t.timestamp('terms_accepted_at', { useTz: true }).notNullable()
    t.timestamp('email_verified_at', { useTz: true })
    t.boolean('is_active').notNullable().defaultTo(true)
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_email_lower CHECK (email = lower(email))`)
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_afm_digits CHECK (afm ~ '^[0-9]{9}$')`)
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_locale CHECK (locale IN ('el', 'en'))`)

  await knex.schema.createTable('user_roles', (t) => {
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.text('role').notNullable()
    t.timestamp('granted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.primary(['user_id', 'role'])
  })
  await knex.raw(
    `ALTER TABLE user_roles ADD CONSTRAINT user_roles_role CHECK (role IN (${ROLES.map((r) => `'${r}'`).join(', ')}))`,
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_roles')
  await knex.schema.dropTable('users')
}

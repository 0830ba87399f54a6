import type { Knex } from 'knex'

// One TOTP authenticator per staff account. The secret is encrypted by the application
// (src/features/mfa/secrets.ts); it counts only once confirmed with a first code. The time step
// of the last accepted code is kept so that a code cannot be used twice, and wrong codes are
// counted per account so that they cannot be guessed at length.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff_totp', (t) => {
    t.bigInteger('user_id').primary().references('users.id').onDelete('CASCADE')
    t.text('secret_encrypted').notNullable()
    t.timestamp('confirmed_at', { useTz: true })
    t.bigInteger('last_used_step')
    t.integer('failed_codes').notNullable().defaultTo(0)
    t.timestamp('first_failed_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('staff_totp')
}

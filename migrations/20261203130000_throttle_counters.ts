import type { Knex } from 'knex'

// Counters for throttling sign-in, registration, password reset and look-ups by code, shared by
// every app process. A key names the action and its subject (a hashed e-mail, a network, a user).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('throttle_counters', (t) => {
    t.text('key').primary()
    t.integer('hits').notNullable()
    t.timestamp('window_ends_at', { useTz: true }).notNullable().index()
    t.timestamp('blocked_until', { useTz: true })
  })
  await knex.raw('ALTER TABLE throttle_counters ADD CONSTRAINT throttle_counters_hits CHECK (hits >= 0)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('throttle_counters')
}

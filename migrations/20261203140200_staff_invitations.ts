import type { Knex } from 'knex'

// Invitations of new staff: the e-mailed link sets the password once. Only the SHA-256 hash of
// the link's token is kept, so a copy of the database does not hold usable links.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff_invitations', (t) => {
    t.bigIncrements('id')
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.text('token_hash').notNullable().unique()
    t.timestamp('expires_at', { useTz: true }).notNullable()
    t.timestamp('used_at', { useTz: true })
    t.bigInteger('invited_by').references('users.id').onDelete('SET NULL')
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.index(['user_id'])
  })
  await knex.raw(
    `ALTER TABLE staff_invitations ADD CONSTRAINT staff_invitations_token_hash CHECK (token_hash ~ '^[0-9a-f]{64}$')`,
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('staff_invitations')
}

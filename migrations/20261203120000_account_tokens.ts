import type { Knex } from 'knex'

// One-time links sent by e-mail: only the SHA-256 of the token is kept, bound to one purpose and
// to the address it was sent to, used at most once, and only until it expires.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('account_tokens', (t) => {
    t.bigIncrements('id')
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.text('purpose').notNullable()
    t.text('token_hash').notNullable().unique()
    t.text('email').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable()
    t.timestamp('expires_at', { useTz: true }).notNullable()
    t.timestamp('used_at', { useTz: true })
    t.index(['user_id', 'purpose'])
  })
  await knex.raw(
    `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose
       CHECK (purpose IN ('verify_email', 'reset_password', 'change_email'))`,
  )
  await knex.raw(
    `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_hash CHECK (token_hash ~ '^[0-9a-f]{64}$')`,
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('account_tokens')
}

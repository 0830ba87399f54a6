import type { Knex } from 'knex'

// The AFM typed at registration was stored on the account as if it were confirmed. It becomes a
// pending claim, and the column goes, so that no code can read an unverified AFM by mistake.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    INSERT INTO afm_claims (user_id, afm, status, created_at, updated_at)
    SELECT id, afm, 'pending', created_at, created_at FROM users WHERE afm IS NOT NULL`)
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('afm')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('afm', 9)
  })
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_afm_digits CHECK (afm ~ '^[0-9]{9}$')`)
  await knex.raw(`
    UPDATE users SET afm = c.afm FROM afm_claims c
    WHERE c.user_id = users.id AND c.status IN ('pending', 'verified')`)
}

import type { Knex } from 'knex'

// An account's claim to an AFM. A claim stays `pending` until it is verified or rejected; only a
// verified claim links the account to the debts and payment orders of that AFM. Several accounts
// may claim the same AFM, but at most one may hold it verified at a time.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('afm_claims', (t) => {
    t.bigIncrements('id')
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.string('afm', 9).notNullable()
    t.text('status').notNullable().defaultTo('pending')
    t.text('method').notNullable().defaultTo('staff_review')
    t.text('evidence')
    t.timestamp('evidence_given_at', { useTz: true })
    t.text('rejection_reason')
    t.bigInteger('decided_by').references('users.id').onDelete('SET NULL')
    t.timestamp('decided_at', { useTz: true })
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(`ALTER TABLE afm_claims ADD CONSTRAINT afm_claims_afm_digits CHECK (afm ~ '^[0-9]{9}$')`)
  await knex.raw(
    `ALTER TABLE afm_claims ADD CONSTRAINT afm_claims_status CHECK (status IN ('pending', 'verified', 'rejected', 'withdrawn'))`,
  )
  // New verification methods (a TAXISnet sign-in, say) are added here by a later migration.
  await knex.raw(`ALTER TABLE afm_claims ADD CONSTRAINT afm_claims_method CHECK (method IN ('staff_review'))`)
  await knex.raw(
    `ALTER TABLE afm_claims ADD CONSTRAINT afm_claims_evidence CHECK (evidence IN ('document', 'counter'))`,
  )
  await knex.raw(
    `ALTER TABLE afm_claims ADD CONSTRAINT afm_claims_rejection_reason
     CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL))`,
  )
  await knex.raw(
    `ALTER TABLE afm_claims ADD CONSTRAINT afm_claims_decided CHECK (CASE status
       WHEN 'pending' THEN decided_at IS NULL AND decided_by IS NULL
       WHEN 'withdrawn' THEN true
       ELSE decided_at IS NOT NULL END)`,
  )
  await knex.raw(
    `CREATE UNIQUE INDEX afm_claims_one_verified_per_afm ON afm_claims (afm) WHERE status = 'verified'`,
  )
  await knex.raw(
    `CREATE UNIQUE INDEX afm_claims_one_open_per_user ON afm_claims (user_id) WHERE status IN ('pending', 'verified')`,
  )
  await knex.raw(`CREATE INDEX afm_claims_pending ON afm_claims (created_at, id) WHERE status = 'pending'`)
  await knex.raw('CREATE INDEX afm_claims_user ON afm_claims (user_id, created_at DESC, id DESC)')
  await knex.raw('CREATE INDEX afm_claims_afm ON afm_claims (afm)')
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('afm_claims')
}

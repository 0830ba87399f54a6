import type { Knex } from 'knex'

// The document a citizen sends to prove a claimed AFM: one per claim, kept in the database (so every
// app process sees it) apart from the claims, so that lists of claims never read the bytes.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('afm_documents', (t) => {
    t.bigInteger('claim_id').primary().references('afm_claims.id').onDelete('CASCADE')
    t.text('media_type').notNullable()
    t.integer('size_bytes').notNullable()
    t.binary('content').notNullable()
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
  })
  await knex.raw(
    `ALTER TABLE afm_documents ADD CONSTRAINT afm_documents_media_type
     CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png'))`,
  )
  await knex.raw(
    `ALTER TABLE afm_documents ADD CONSTRAINT afm_documents_size
     CHECK (size_bytes > 0 AND size_bytes <= 5242880 AND size_bytes = octet_length(content))`,
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('afm_documents')
}

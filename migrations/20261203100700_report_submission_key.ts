import type { Knex } from 'knex'

// The form's one-time key: the same form sent twice files one report.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('reports', (t) => {
    t.uuid('submission_key')
  })
  await knex.raw(
    'CREATE UNIQUE INDEX reports_author_submission ON reports (author_id, submission_key) WHERE submission_key IS NOT NULL',
  )
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX reports_author_submission')
  await knex.schema.alterTable('reports', (t) => {
    t.dropColumn('submission_key')
  })
}

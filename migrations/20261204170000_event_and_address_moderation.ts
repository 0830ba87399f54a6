import type { Knex } from 'knex'

// Moderation of what residents write on a report's timeline, and of the report's address.
//
// `report_events.public_message` stays what the public sees. When a moderator replaces or hides
// a resident's text, the text as the resident wrote it moves to `original_message` (kept for staff
// only, set once and never overwritten) and `public_message` becomes the moderated text, or NULL
// when it is hidden. `moderation_reason` is the latest reason, for staff.
//
// `reports.public_address` replaces the address on the public pages when set; the public search
// index is rebuilt on the address the public sees.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('report_events', (t) => {
    t.text('original_message')
    t.text('moderation_reason')
  })
  await knex.schema.alterTable('reports', (t) => {
    t.text('public_address')
  })
  await knex.raw('DROP INDEX IF EXISTS reports_public_search')
  await knex.raw(`
    CREATE INDEX reports_public_search ON reports USING gin (
      fold_text(coalesce(public_title, title) || ' ' || coalesce(public_description, description) || ' '
        || coalesce(public_address, address))
      gin_trgm_ops
    ) WHERE NOT is_hidden`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS reports_public_search')
  await knex.raw(`
    CREATE INDEX reports_public_search ON reports USING gin (
      fold_text(coalesce(public_title, title) || ' ' || coalesce(public_description, description) || ' ' || address)
      gin_trgm_ops
    ) WHERE NOT is_hidden`)
  // A moderated text goes back to what its author wrote.
  await knex.raw(
    'UPDATE report_events SET public_message = original_message WHERE original_message IS NOT NULL',
  )
  await knex.schema.alterTable('reports', (t) => {
    t.dropColumn('public_address')
  })
  await knex.schema.alterTable('report_events', (t) => {
    t.dropColumns('original_message', 'moderation_reason')
  })
}

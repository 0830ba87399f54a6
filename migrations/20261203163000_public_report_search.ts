import type { Knex } from 'knex'

// The public list searches the text anyone may see (moderated text wins over the original),
// ignoring accents and case; a trigram index keeps `LIKE '%…%'` on that text fast.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX reports_public_search ON reports USING gin (
      fold_text(coalesce(public_title, title) || ' ' || coalesce(public_description, description) || ' ' || address)
      gin_trgm_ops
    ) WHERE NOT is_hidden`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS reports_public_search')
}

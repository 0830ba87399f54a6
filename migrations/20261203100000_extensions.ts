import type { Knex } from 'knex'

// Accent-insensitive Greek search and distances without PostGIS, on both engines.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS unaccent')
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')
  await knex.raw('CREATE EXTENSION IF NOT EXISTS cube')
  await knex.raw('CREATE EXTENSION IF NOT EXISTS earthdistance')
  // unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can back an index.
  // Final sigma folds to σ so that typed words match whatever their position.
  await knex.raw(`
    CREATE OR REPLACE FUNCTION fold_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, value)), 'ς', 'σ') $$`)
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS fold_text(text)')
  await knex.raw('DROP EXTENSION IF EXISTS earthdistance')
  await knex.raw('DROP EXTENSION IF EXISTS cube')
  await knex.raw('DROP EXTENSION IF EXISTS pg_trgm')
  await knex.raw('DROP EXTENSION IF EXISTS unaccent')
}

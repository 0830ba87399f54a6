// One Knex factory for both engines: PostgreSQL through `pg` when DATABASE_URL is set,
// otherwise an embedded PostgreSQL (PGlite) stored under DATA_DIR.
import fs from 'node:fs'
import path from 'node:path'
import knexFactory, { type Knex } from 'knex'
import pg from 'pg'

export type Db = Knex

const INT8 = 20
const NUMERIC = 1700
const DATE = 1082

/** Counts come back as numbers, numeric sums as numbers, and dates as plain 'YYYY-MM-DD' text. */
const typeParsers: Record<number, (value: string) => unknown> = {
  [INT8]: (value) => Number.parseInt(value, 10),
  [NUMERIC]: (value) => Number.parseFloat(value),
  [DATE]: (value) => value,
}

let pgParsersSet = false
function setPgParsers(): void {
  if (pgParsersSet) return
  for (const [oid, parse] of Object.entries(typeParsers)) pg.types.setTypeParser(Number(oid), parse)
  pgParsersSet = true
}

export type DbOptions = {
  databaseUrl?: string
  /** Folder of the embedded database; `memory://` keeps it in memory. */
  dataDir?: string
  poolMax?: number
}

/** A failed query's message names the statement with its placeholders, never the values bound to them. */
const compileSqlOnError = false

const migrationSettings = {
  directory: path.resolve(__dirname, '../../migrations'),
  loadExtensions: ['.ts'],
  tableName: 'knex_migrations',
}

export async function createDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) {
    setPgParsers()
    return knexFactory({
      client: 'pg',
      connection: options.databaseUrl,
      pool: { min: 0, max: options.poolMax ?? 10 },
      migrations: migrationSettings,
      compileSqlOnError,
    })
  }
  return createEmbeddedDb(options.dataDir ?? './data')
}

async function createEmbeddedDb(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent')
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
  const { cube } = await import('@electric-sql/pglite/contrib/cube')
  const { earthdistance } = await import('@electric-sql/pglite/contrib/earthdistance')
  const ClientPgLite = (await import('knex-pglite')).default

  let location = 'memory://'
  if (dataDir !== 'memory://') {
    location = path.resolve(dataDir, 'pgdata')
    fs.mkdirSync(location, { recursive: true })
  }
  const pglite = await PGlite.create(location, {
    extensions: { unaccent, pg_trgm, cube, earthdistance },
    parsers: typeParsers,
  })
  return knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: () => ({ pglite }) as object,
    migrations: migrationSettings,
    compileSqlOnError,
  })
}

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest()
}

export function isEmbedded(db: Db): boolean {
  return db.client.config.client !== 'pg'
}

// One database per Jest worker: a PostgreSQL database named after the worker when
// TEST_DATABASE_URL is set, otherwise an in-memory embedded PostgreSQL per test file.
// Between tests the data is removed by truncation and the reference data put back.
import knexFactory from 'knex'
import { createDb, migrateToLatest, type Db } from '../../src/db'
import { seedReferenceData } from '../../seeds/reference'

function workerDatabaseUrl(baseUrl: string): { adminUrl: string; workerUrl: string; name: string } {
  const url = new URL(baseUrl)
  const base = url.pathname.replace(/^\//, '') || 'mytilene_test'
  const name = `${base}_w${process.env.JEST_WORKER_ID ?? '1'}`.replace(/[^a-zA-Z0-9_]/g, '_')
  const admin = new URL(baseUrl)
  admin.pathname = '/postgres'
  const worker = new URL(baseUrl)
  worker.pathname = `/${name}`
  return { adminUrl: admin.toString(), workerUrl: worker.toString(), name }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } })
  try {
    const found = await admin.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name])
    if (found.rows.length === 0) await admin.raw(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.destroy()
  }
}

export async function openTestDb(): Promise<Db> {
  const baseUrl = process.env.TEST_DATABASE_URL
  let db: Db
  if (baseUrl) {
    const { adminUrl, workerUrl, name } = workerDatabaseUrl(baseUrl)
    await ensureDatabase(adminUrl, name)
    db = await createDb({ databaseUrl: workerUrl, poolMax: 5 })
  } else {
    db = await createDb({ dataDir: 'memory://' })
  }
  await migrateToLatest(db)
  await resetDb(db)
  return db
}

/** Empties every table but the migration log, then puts the reference data back. */
export async function resetDb(db: Db): Promise<void> {
  const result = await db.raw(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'knex_migrations%'`,
  )
  const tables = (result.rows as { tablename: string }[]).map((row) => `"${row.tablename}"`)
  if (tables.length) await db.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`)
  await seedReferenceData(db)
}

// `npm run migrate`: brings the database named by DATABASE_URL (or the embedded one) up to date.
import { loadConfig } from '../src/config'
import { createDb, migrateToLatest } from '../src/db'

async function main() {
  const config = loadConfig()
  const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await migrateToLatest(db)
  const [, pending] = (await db.migrate.list()) as [unknown[], unknown[]]
  console.log(`Migrations up to date (${pending.length} pending).`)
  await db.destroy()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

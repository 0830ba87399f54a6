// `npm run seed`: reference data always; demo accounts and reports into a database without users.
import { loadConfig } from '../src/config'
import { createDb, migrateToLatest } from '../src/db'
import { seedDemoIfEmpty } from '../src/db/demo'
import { createLogger } from '../src/web/logging'
import { seedReferenceData } from '../seeds/reference'

async function main() {
  const config = loadConfig()
  const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await migrateToLatest(db)
  await seedReferenceData(db)
  console.log('Reference data up to date.')
  if (config.isProduction) {
    console.log('Production: no demo data.')
  } else {
    await seedDemoIfEmpty(db, createLogger(config.logLevel))
  }
  await db.destroy()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

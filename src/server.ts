// Starts the portal: configuration, database, migrations, demo data, then the HTTP server.
import { createApp } from './app'
import { ConfigError, loadConfig } from './config'
import { createDb, isEmbedded, migrateToLatest } from './db'
import { seedDemoIfEmpty } from './db/demo'
import { startDraftExpiry } from './jobs/drafts'
import { startOutboxWorker } from './jobs/outbox'
import { createLogger } from './web/logging'
import { seedReferenceData } from '../seeds/reference'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  const logger = createLogger(config.logLevel)
  const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await migrateToLatest(db)
  await seedReferenceData(db)
  if (!config.isProduction) await seedDemoIfEmpty(db, logger)

  const app = createApp({ config, db, logger })
  const outbox = startOutboxWorker({ db, config, logger })
  const drafts = startDraftExpiry({ db, logger })
  const server = app.listen(config.port, () => {
    logger.info(
      { port: config.port, url: config.baseUrl, engine: isEmbedded(db) ? 'embedded' : 'postgresql' },
      'portal listening',
    )
  })

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close(() => {
      Promise.all([outbox.stop(), drafts.stop()])
        .then(() => db.destroy())
        .finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  )
  process.exit(1)
})

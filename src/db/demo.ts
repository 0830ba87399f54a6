import type { Logger } from 'pino'
import { seedDemo } from '../../seeds/demo'
import type { Db } from '.'

/** Demo people and reports go only into a database that has no users yet. */
export async function seedDemoIfEmpty(db: Db, logger: Logger): Promise<void> {
  const [{ count }] = (await db('users').count({ count: '*' })) as [{ count: number }]
  if (Number(count) > 0) return
  await seedDemo(db)
  logger.info('demo data seeded')
}

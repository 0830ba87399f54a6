// Deletes the report drafts, with their photos, that their owners have left alone for a week.
import type { Logger } from 'pino'
import type { Db } from '../db'
import { expireDrafts } from '../features/reports/filing-service'
import { startRepeating, type RepeatingJob } from './runner'

const HOUR = 60 * 60 * 1000

export function startDraftExpiry(deps: { db: Db; logger: Logger }, intervalMs = HOUR): RepeatingJob {
  return startRepeating({
    name: 'draft-expiry',
    intervalMs,
    logger: deps.logger,
    run: async () => {
      const deleted = await expireDrafts(deps.db)
      if (deleted) deps.logger.info({ event: 'drafts_expired', count: deleted }, 'old report drafts deleted')
    },
  })
}

import { Router } from 'express'
import type { Db } from '../db'

export function healthRoutes(db: Db): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/readyz', async (req, res) => {
    try {
      await db.raw('SELECT 1')
      res.json({ status: 'ready' })
    } catch (err) {
      req.log.error({ err }, 'database not reachable')
      res.status(503).json({ status: 'unavailable' })
    }
  })
  return router
}

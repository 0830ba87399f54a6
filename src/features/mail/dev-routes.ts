// /dev/mail: the mail kept on this machine, newest first, so that a developer or a presenter of
// the demo can open a verification mail. Mounted only outside production.
import { Router } from 'express'
import { z } from 'zod'
import type { Config } from '../../config'
import type { Db } from '../../db'
import { paginate } from '../../web/pagination'
import { outboxList, outboxMail, PAGE_SIZE } from './service'

const pageSchema = z.coerce.number().int().min(1).max(100000).catch(1)
const idSchema = z.coerce.number().int().positive().catch(0)

/** The HTML of a mail is shown on its own, in a sandbox: no script, no form, no request out. */
const MAIL_HTML_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ')

/** `config.baseUrl` is read on each request, for the links shown in each mail. */
export function devMailRoutes(db: Db, config: Pick<Config, 'baseUrl'>): Router {
  const router = Router()

  router.get('/dev/mail', async (req, res) => {
    const page = pageSchema.parse(req.query.page)
    const { mails, total } = await outboxList(db, page)

    const pagination = paginate('/dev/mail', req.query, page, PAGE_SIZE, total)
    res.render('dev/mail-list', { mails, pagination })
  })

  router.get('/dev/mail/:id', async (req, res) => {
    const view = await outboxMail(db, idSchema.parse(req.params.id), config.baseUrl)

    res.render('dev/mail-show', view)
  })

  router.get('/dev/mail/:id/html', async (req, res) => {
    const { content } = await outboxMail(db, idSchema.parse(req.params.id), config.baseUrl)
    if (!content) return res.status(404).type('text/plain').send('This mail kept no content.')

    res.setHeader('Content-Security-Policy', MAIL_HTML_POLICY)
    res.type('html').send(content.html)
  })

  return router
}

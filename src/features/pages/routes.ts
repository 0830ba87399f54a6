import { Router } from 'express'
import type { Db } from '../../db'
import { isLanguage, rememberLanguage } from '../../web/i18n'
import { safeLocalPath } from '../../web/redirects'
import { reportFigures } from './service'

const INFORMATION_PAGES = ['accessibility', 'privacy', 'contact', 'terms', 'cookies'] as const

export function pageRoutes(db: Db, secureCookies: boolean): Router {
  const router = Router()

  router.get('/', async (req, res) => {
    const figures = await reportFigures(db)

    res.render('pages/home', { figures, signedOut: req.query.signedOut === '1' })
  })

  for (const page of INFORMATION_PAGES) {
    router.get(`/${page}`, (_req, res) => res.render(`pages/${page}`))
  }

  /** The language switcher: remembers the choice and returns to the page the visitor was on. */
  router.get('/language/:lang', async (req, res) => {
    const lang = req.params.lang
    const back = safeLocalPath(req.query.next, '/')
    if (isLanguage(lang)) {
      rememberLanguage(res, lang, secureCookies)
      // Mail to a signed-in person follows the language they last chose.
      if (req.user && req.user.locale !== lang) {
        await db('users').where({ id: req.user.id }).update({ locale: lang })
      }
    }
    res.redirect(303, back)
  })

  return router
}

import { Router } from 'express'
import type { Db } from '../../db'
import { isLanguage, LANGUAGE_COOKIE } from '../../web/i18n'
import { safeLocalPath } from '../../web/redirects'
import { reportFigures } from './service'

const INFORMATION_PAGES = ['accessibility', 'privacy', 'contact', 'terms', 'cookies'] as const
const ONE_YEAR = 365 * 24 * 60 * 60 * 1000

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
  router.get('/language/:lang', (req, res) => {
    const lang = req.params.lang
    const back = safeLocalPath(req.query.next, '/')
    if (isLanguage(lang)) {
      res.cookie(LANGUAGE_COOKIE, lang, {
        maxAge: ONE_YEAR,
        sameSite: 'lax',
        httpOnly: true,
        secure: secureCookies,
      })
    }
    res.redirect(303, back)
  })

  return router
}

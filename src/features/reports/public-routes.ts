// Residents' reports in public, without signing in: a filtered list with a map, a page per report,
// map data and feeds. Signed-in residents also follow reports here, and reopen their own.
import fs from 'node:fs'
import path from 'node:path'
import express, { Router, type Express, type NextFunction, type Request, type Response } from 'express'
import type { Config } from '../../config'
import type { Db } from '../../db'
import { now } from '../../lib/clock'
import { currentUser, requireUser } from '../../web/auth'
import { parseForm, submittedValues } from '../../web/forms'
import { paginate } from '../../web/pagination'
import { isLanguage, translatorFor, type Language } from '../../web/i18n'
import { safeLocalPath } from '../../web/redirects'
import { followedReportList, followReport, unfollowReport } from './following'
import {
  atomFeed,
  jsonFeed,
  PUBLIC_LIST_PATH,
  PUBLIC_PAGE_SIZE,
  publicFeedEntries,
  publicFilterOptions,
  publicMapData,
  publicPhoto,
  publicReportList,
  publicReportPath,
  publicReportView,
  readPublicFilters,
  type FeedMeta,
  type FeedEntry,
} from './public-service'
import { assertOwnReport, reopenOffer, reopenReport, ReopenRefusedError, reopenSchema } from './reopen'
import { pageSchema } from './schemas'

const LEAFLET_DIR = path.dirname(require.resolve('leaflet/dist/leaflet.js'))
const LEAFLET_VERSION = (
  JSON.parse(fs.readFileSync(path.join(LEAFLET_DIR, '..', 'package.json'), 'utf8')) as { version: string }
).version
export const LEAFLET_PREFIX = '/assets/vendor/leaflet'

/** Serves Leaflet's files once per app, however many features ask for them. */
export function mountLeafletAssets(app: Express): void {
  if (app.locals.leafletAssetsMounted) return
  app.locals.leafletAssetsMounted = true
  app.use(LEAFLET_PREFIX, express.static(LEAFLET_DIR, { maxAge: '365d', immutable: true, index: false }))
}

/** The CSP source of a tile server (`https://*.tile.example.org` for `{s}` subdomains), or null for our own. */
export function tileSource(tileUrl: string): string | null {
  const origin = /^https?:\/\/[^/?#]+/.exec(tileUrl)?.[0]
  return origin ? origin.replace(/\{[a-z]+\}/g, '*') : null
}

/** Lets a page with a map load images from the configured tile server, and nothing else more. */
export function allowMapTiles(tileUrl: string) {
  const source = tileSource(tileUrl)
  return (_req: Request, res: Response, next: NextFunction) => {
    const policy = res.getHeader('Content-Security-Policy')
    if (source && typeof policy === 'string') {
      res.setHeader('Content-Security-Policy', policy.replace(/img-src ([^;]*)/, `img-src $1 ${source}`))
    }
    next()
  }
}

function mapSettings(config: Config, query: string) {
  return {
    dataUrl: `${PUBLIC_LIST_PATH}/map.json${query}`,
    tileUrl: config.mapTileUrl,
    leafletCss: `${LEAFLET_PREFIX}/leaflet.css?v=${LEAFLET_VERSION}`,
    leafletJs: `${LEAFLET_PREFIX}/leaflet.js?v=${LEAFLET_VERSION}`,
  }
}

const NOTICES = ['followed', 'unfollowed', 'own'] as const
type Notice = (typeof NOTICES)[number]

function noticeOf(value: unknown): Notice | null {
  return (NOTICES as readonly unknown[]).includes(value) ? (value as Notice) : null
}

function withNotice(localPath: string, notice: Notice): string {
  const url = new URL(localPath, 'http://portal.invalid')
  url.searchParams.set('notice', notice)
  return `${url.pathname}${url.search}`
}

/** A signed-out visitor who presses "follow" signs in and comes back to the report, not to a POST URL. */
function requireUserFor(reportPage: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.user) return next()
    res.redirect(303, `/login?next=${encodeURIComponent(reportPage(req))}`)
  }
}

const reportPageOf = (req: Request) => publicReportPath(String(req.params.reference))

export function publicReportRoutes(db: Db, config: Config): Router {
  const router = Router()
  const mapTiles = allowMapTiles(config.mapTileUrl)

  /** Feed readers send no language cookie: a feed's address can carry `lang=en`. */
  function feedLanguage(req: Request): Language {
    return isLanguage(req.query.lang) ? req.query.lang : req.lang
  }

  function feedMeta(lang: Language, query: string, entries: FeedEntry[]): FeedMeta {
    const t = translatorFor(lang)
    const newest = entries.reduce((latest, entry) => Math.max(latest, new Date(entry.updatedAt).getTime()), 0)
    const feedQuery = query ? `${query}&lang=${lang}` : `?lang=${lang}`
    return {
      baseUrl: config.baseUrl,
      lang,
      title: `${t('publicReports.feed.title')} – ${t('site.municipality')}`,
      description: t('publicReports.feed.description'),
      query: feedQuery,
      statusLabel: (status) => t(`status.${status}.label`),
      updated: newest ? new Date(newest) : now(),
    }
  }

  router.get(PUBLIC_LIST_PATH, mapTiles, async (req, res) => {
    const read = await readPublicFilters(db, req.query, req.t)
    const options = await publicFilterOptions(db, req.lang)
    if (!read.ok) {
      const locals = { ...options, values: read.values, errors: read.errors }
      return res
        .status(400)
        .render('reports/public-list', { ...locals, reports: [], pagination: null, map: null })
    }
    const page = pageSchema.parse(req.query.page)
    const { reports, total } = await publicReportList(db, read.filters, page, req.lang)
    // A page past the end (an old bookmark, say) goes to the last page of the same list.
    if (reports.length === 0 && total > 0 && page > 1) {
      const last = Math.ceil(total / PUBLIC_PAGE_SIZE)
      const params = new URLSearchParams(read.query.replace(/^\?/, ''))
      if (last > 1) params.set('page', String(last))
      const search = params.toString()
      return res.redirect(303, search ? `${PUBLIC_LIST_PATH}?${search}` : PUBLIC_LIST_PATH)
    }

    const pagination = paginate(PUBLIC_LIST_PATH, req.query, page, PUBLIC_PAGE_SIZE, total)
    const map = mapSettings(config, read.query)
    const feedQuery = `${read.query}${read.query ? '&' : '?'}lang=${req.lang}`
    res.render('reports/public-list', {
      ...options,
      values: read.values,
      reports,
      pagination,
      map,
      feedQuery,
    })
  })

  router.get(`${PUBLIC_LIST_PATH}/map.json`, async (req, res) => {
    const read = await readPublicFilters(db, req.query, req.t)
    if (!read.ok) return res.status(400).json({ errors: read.errors })

    res.json(await publicMapData(db, read.filters, req.lang, req.t))
  })

  router.get(`${PUBLIC_LIST_PATH}/feed.json`, async (req, res) => {
    const lang = feedLanguage(req)
    const read = await readPublicFilters(db, req.query, translatorFor(lang))
    if (!read.ok) return res.status(400).json({ errors: read.errors })
    const entries = await publicFeedEntries(db, read.filters, lang)

    const feed = jsonFeed(entries, feedMeta(lang, read.query, entries))
    res.type('application/feed+json').send(JSON.stringify(feed))
  })

  router.get(`${PUBLIC_LIST_PATH}/feed.atom`, async (req, res) => {
    const lang = feedLanguage(req)
    const read = await readPublicFilters(db, req.query, translatorFor(lang))
    if (!read.ok) return res.status(400).json({ errors: read.errors })
    const entries = await publicFeedEntries(db, read.filters, lang)

    const meta = feedMeta(lang, read.query, entries)
    res.type('application/atom+xml').send(atomFeed(entries, meta, translatorFor(lang)('site.municipality')))
  })

  router.get(`${PUBLIC_LIST_PATH}/:reference`, async (req, res) => {
    const view = await publicReportView(db, req.params.reference, req.lang, req.user?.id ?? null)

    res.render('reports/public-show', { ...view, notice: noticeOf(req.query.notice) })
  })

  router.get(`${PUBLIC_LIST_PATH}/:reference/photos/:photoId`, async (req, res) => {
    const photo = await publicPhoto(db, req.params.reference, req.params.photoId)

    res.set({
      'Content-Type': photo.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
    res.send(Buffer.from(photo.content))
  })

  router.post(`${PUBLIC_LIST_PATH}/:reference/follow`, requireUserFor(reportPageOf), async (req, res) => {
    const outcome = await followReport(db, currentUser(req).id, String(req.params.reference))

    const back = safeLocalPath(req.body?.next, reportPageOf(req))
    res.redirect(303, withNotice(back, outcome === 'own-report' ? 'own' : 'followed'))
  })

  router.post(`${PUBLIC_LIST_PATH}/:reference/unfollow`, requireUserFor(reportPageOf), async (req, res) => {
    await unfollowReport(db, currentUser(req).id, String(req.params.reference))

    res.redirect(303, withNotice(safeLocalPath(req.body?.next, reportPageOf(req)), 'unfollowed'))
  })

  router.get('/following', requireUser, async (req, res) => {
    const page = pageSchema.parse(req.query.page)
    const { reports, total } = await followedReportList(db, currentUser(req).id, page, req.lang)
    if (reports.length === 0 && page > 1) return res.redirect(303, '/following')

    const pagination = paginate('/following', req.query, page, PUBLIC_PAGE_SIZE, total)
    res.render('reports/following', { reports, pagination, notice: noticeOf(req.query.notice) })
  })

  router.get('/reports/:reference/reopen', requireUser, async (req, res) => {
    const offer = await reopenOffer(db, currentUser(req).id, String(req.params.reference))

    res.render('reports/reopen', { offer, values: {}, errors: [] })
  })

  router.post('/reports/:reference/reopen', requireUser, async (req, res) => {
    const userId = currentUser(req).id
    const reference = String(req.params.reference)
    let offer = await reopenOffer(db, userId, reference)
    const form = parseForm(reopenSchema, req)
    if (form.ok && !offer.refusedKey) {
      try {
        await reopenReport(db, userId, reference, form.data)
        req.log.info({ event: 'report_reopened', reference }, 'report reopened by its author')
        return res.redirect(303, `/reports/${reference}/reopened`)
      } catch (err) {
        if (!(err instanceof ReopenRefusedError)) throw err
        offer = { ...offer, until: null, refusedKey: err.messageKey }
      }
    }

    const refused = offer.refusedKey ? [{ field: 'refused', text: req.t(offer.refusedKey) }] : []
    const errors = refused.length || form.ok ? refused : form.errors
    res.status(400).render('reports/reopen', { offer, values: submittedValues(req.body), errors })
  })

  router.get('/reports/:reference/reopened', requireUser, async (req, res) => {
    await assertOwnReport(db, currentUser(req).id, String(req.params.reference))

    res.render('reports/reopened', { reference: String(req.params.reference) })
  })

  return router
}

// EJS pages rendered inside one layout. A page sets `page.title`; the layout puts it in <title>.
// (EJS copies the locals for each render, so the page writes into a shared `page` object.)
import fs from 'node:fs'
import crypto from 'node:crypto'
import path from 'node:path'
import ejs from 'ejs'
import type { Express } from 'express'

export const VIEWS_DIR = path.resolve(__dirname, '../../views')
export const PUBLIC_DIR = path.resolve(__dirname, '../../public')
const LAYOUT = path.join(VIEWS_DIR, 'layout.ejs')

type Locals = Record<string, unknown> & { layout?: string | false; body?: string; page?: { title?: string } }
type Callback = (err: Error | null, html?: string) => void

function renderWithLayout(file: string, options: object, callback: Callback): void {
  const locals = options as Locals
  locals.page = { title: undefined }
  const settings = { async: false, cache: locals.cache === true, filename: file }
  ejs.renderFile(file, locals, settings, (pageError, body) => {
    if (pageError) return callback(pageError)
    if (locals.layout === false) return callback(null, body)
    locals.body = body
    ejs.renderFile(LAYOUT, locals, { ...settings, filename: LAYOUT }, (layoutError, html) =>
      layoutError ? callback(layoutError) : callback(null, html),
    )
  })
}

const assetVersions = new Map<string, string>()

/** The URL of a file in public/, versioned by its content so it can be cached for a year. */
export function assetPath(file: string): string {
  let version = assetVersions.get(file)
  if (!version) {
    const content = fs.readFileSync(path.join(PUBLIC_DIR, file))
    version = crypto.createHash('sha256').update(content).digest('hex').slice(0, 10)
    assetVersions.set(file, version)
  }
  return `/assets/${file}?v=${version}`
}

export function setUpViews(app: Express, cache: boolean): void {
  app.engine('ejs', renderWithLayout)
  app.set('view engine', 'ejs')
  app.set('views', VIEWS_DIR)
  app.set('view cache', cache)
  app.locals.asset = assetPath
}

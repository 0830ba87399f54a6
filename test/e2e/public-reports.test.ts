// The public reports in headless Chromium: filtered and followed with the keyboard and without
// JavaScript; with JavaScript, the map shows the same reports, its markers are keyboard buttons,
// and it still works when the tile server cannot be reached. axe runs with colour contrast.
import type { Page } from 'playwright-core'
import { browserSuite, describeInBrowser } from '../helpers/browser-suite'
import { axeInBrowser, tabTo } from '../helpers/browser'
import { createReport, createUser } from '../helpers/factories'
import { categoryIds } from '../helpers/public-reports'

// Tiles from a path that does not exist: the map must work without its background.
const suite = browserSuite({ tileUrl: '/no-tiles-here/{z}/{x}/{y}.png' })

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  // With JavaScript the test injects axe as an inline script, which the portal's CSP forbids.
  const context = await suite.browser.newContext({ javaScriptEnabled, bypassCSP: javaScriptEnabled })
  return context.newPage()
}

describeInBrowser('public reports in a browser', () => {
  it('filters the list and follows a report with the keyboard only, without JavaScript', async () => {
    const author = await createUser(suite.ctx.db)
    const categories = await categoryIds(suite.ctx.db)
    const resolved = await createReport(suite.ctx.db, author.id, {
      title: 'Νέα λάμπα στην Ερμού',
      status: 'resolved',
    })
    await createReport(suite.ctx.db, author.id, { title: 'Λακκούβα στην Ερμού', status: 'submitted' })
    await createReport(suite.ctx.db, author.id, {
      title: 'Ηλικιωμένος μόνος',
      category_id: categories.private,
    })
    const follower = await createUser(suite.ctx.db)

    const page = await newPage(false)
    await page.goto(`${suite.base}/login?next=/public/reports`)
    await page.fill('#field-email', follower.email)
    await page.fill('#field-password', follower.password)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.base}/public/reports`)
    expect(await page.isVisible('.public-map')).toBe(false)
    expect(await page.textContent('table')).not.toContain('Ηλικιωμένος μόνος')

    await tabTo(page, '#field-status')
    await page.selectOption('#field-status', 'resolved')
    await tabTo(page, 'form.filters button[type=submit]')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.base}/public/reports?q=&category=&status=resolved&district=&period=`)
    expect(await page.locator('tbody tr').count()).toBe(1)

    await tabTo(page, `a[href="/public/reports/${resolved.reference}"]`)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.base}/public/reports/${resolved.reference}`)
    await tabTo(page, 'form[action$="/follow"] button')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.base}/public/reports/${resolved.reference}?notice=followed`)
    expect(await page.textContent('.notification-banner')).toContain('Παρακολουθείτε την αναφορά')

    await page.goto(`${suite.base}/following`)
    expect(await page.textContent('table')).toContain(resolved.reference)
  })

  it.each(['el', 'en'])(
    'shows the same reports on a map whose markers a keyboard reaches, without tiles, axe-clean in %s',
    async (lang) => {
      const author = await createUser(suite.ctx.db)
      const placed = await createReport(suite.ctx.db, author.id, {
        title: 'Σπασμένο παγκάκι',
        lat: 39.1067,
        lng: 26.5568,
        status: 'in_progress',
      })
      await createReport(suite.ctx.db, author.id, {
        title: 'Κρυμμένη',
        lat: 39.107,
        lng: 26.557,
        is_hidden: true,
      })

      const page = await newPage(true)
      await page.goto(`${suite.base}/language/${lang}?next=/public/reports?status=in_progress`)
      await page.waitForSelector('.public-map__marker')
      expect(await page.isVisible('.public-map')).toBe(true)
      const markers = page.locator('.public-map__marker')
      expect(await markers.count()).toBe(1)
      expect(await markers.first().getAttribute('title')).toContain(`${placed.reference}: Σπασμένο παγκάκι`)
      await page.waitForSelector('.public-map .hint:last-child')
      expect(await page.textContent('.public-map__status')).toMatch(/1/)

      const zoomIn = await page.getAttribute('.leaflet-control-zoom-in', 'aria-label')
      expect(zoomIn).toBe(lang === 'el' ? 'Μεγέθυνση' : 'Zoom in')

      await tabTo(page, '.public-map__marker')
      await page.keyboard.press('Enter')
      const link = page.locator('.leaflet-popup-content a')
      await link.waitFor()
      expect(await link.getAttribute('href')).toBe(`/public/reports/${placed.reference}`)

      expect({ lang, violations: await axeInBrowser(page) }).toEqual({ lang, violations: [] })
      await page.goto(`${suite.base}/public/reports/${placed.reference}`)
      expect({ lang, violations: await axeInBrowser(page) }).toEqual({ lang, violations: [] })
    },
  )
})

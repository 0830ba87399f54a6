// The location step's map in headless Chromium with JavaScript on: "use my location" drops the pin
// where the device is, arrow keys move it, the pin is kept with the draft and can be removed, and
// the map works when its tiles cannot load. Without JavaScript the map section is not shown.
import type { BrowserContext, Page } from 'playwright-core'
import { browserSuite, describeInBrowser } from '../helpers/browser-suite'
import { axeInBrowser } from '../helpers/browser'
import { createUser } from '../helpers/factories'

const suite = browserSuite({ tileUrl: '/no-tiles-here/{z}/{x}/{y}.png' })

// Sappho Square in Mytilene town, inside the municipality.
const TOWN = { latitude: 39.1067, longitude: 26.5547 }

/** Signs a new resident in and answers the steps before the location. */
async function atLocationStep(context: BrowserContext): Promise<{ page: Page; userId: number }> {
  const resident = await createUser(suite.ctx.db)
  const page = await context.newPage()
  await page.goto(`${suite.base}/login?next=/reports/new`)
  await page.fill('#field-email', resident.email)
  await page.fill('#field-password', resident.password)
  await page.click('form[action="/login"] button[type=submit]')
  await page.waitForURL(`${suite.base}/reports/new`)
  await page.check('input[name=kind][value=report]')
  await page.click('form[action="/reports/new/kind"] button[type=submit]')
  await page.waitForURL(`${suite.base}/reports/new/category`)
  const pothole = (await suite.ctx.db('categories').where({ code: 'pothole' }).first('id')).id as number
  await page.check(`input[name=categoryId][value="${pothole}"]`)
  await page.click('form[method=post][action="/reports/new/category"] button[type=submit]')
  await page.waitForURL(`${suite.base}/reports/new/details`)
  await page.fill('#field-title', 'Λακκούβα στην πλατεία')
  await page.fill('#field-description', 'Βαθιά λακκούβα δίπλα στο άγαλμα.')
  await page.click('form[action="/reports/new/details"] button[type=submit]')
  await page.waitForURL(`${suite.base}/reports/new/location`)
  return { page, userId: resident.id }
}

async function draftPosition(userId: number): Promise<{ lat: unknown; lng: unknown }> {
  const draft = await suite.ctx.db('report_drafts').where({ user_id: userId }).first('data')
  const data = typeof draft.data === 'string' ? JSON.parse(draft.data) : draft.data
  return { lat: data.lat, lng: data.lng }
}

describeInBrowser('the location map in a browser', () => {
  it('drops the pin at the device, moves it with the arrow keys, keeps and removes it', async () => {
    const context = await suite.browser.newContext({
      geolocation: TOWN,
      permissions: ['geolocation'],
      bypassCSP: true, // axe is injected as an inline script, which the portal's CSP forbids
    })
    const { page, userId } = await atLocationStep(context)

    expect(await page.isVisible('#location-map')).toBe(true)
    expect(await page.isVisible('.report-map__canvas')).toBe(true)
    // The tile server cannot be reached: the map says so and still takes a pin.
    await page.waitForFunction(() =>
      document.querySelector('.report-map')!.textContent!.includes('Ο χάρτης δεν φορτώνει αυτή τη στιγμή'),
    )

    await page.click('button[data-action="locate"]')
    await page.waitForFunction(() => (document.getElementById('field-lat') as HTMLInputElement).value !== '')
    expect(await page.inputValue('#field-lat')).toBe(String(TOWN.latitude))
    expect(await page.inputValue('#field-lng')).toBe(String(TOWN.longitude))
    expect(await page.textContent('#pin-status')).toContain(`${TOWN.latitude}, ${TOWN.longitude}`)

    await page.focus('.report-map__pin')
    await page.keyboard.press('ArrowUp')
    expect(Number(await page.inputValue('#field-lat'))).toBeCloseTo(TOWN.latitude + 0.0002, 6)

    await page.fill('#field-address', 'Πλατεία Σαπφούς')
    await page.selectOption('#field-district', { index: 1 })
    expect(await axeInBrowser(page)).toEqual([])
    await page.click('form[action="/reports/new/location"] button[type=submit]')
    await page.waitForURL(`${suite.base}/reports/new/photos`)
    const kept = await draftPosition(userId)
    expect(Number(kept.lat)).toBeCloseTo(TOWN.latitude + 0.0002, 6)
    expect(Number(kept.lng)).toBeCloseTo(TOWN.longitude, 6)

    // Back on the step, the pin is where it was left; removing it empties the fields.
    await page.goto(`${suite.base}/reports/new/location`)
    expect(Number(await page.inputValue('#field-lat'))).toBeCloseTo(TOWN.latitude + 0.0002, 6)
    await page.waitForSelector('.report-map__pin')
    await page.click('button[data-action="clear"]')
    expect(await page.inputValue('#field-lat')).toBe('')
    expect(await page.textContent('#pin-status')).toContain('Δεν έχει σημειωθεί σημείο')
    await context.close()
  })

  it('refuses a pin outside the municipality on the server, with the pin left to move', async () => {
    const context = await suite.browser.newContext({
      geolocation: { latitude: 39.2103, longitude: 26.2078 }, // Kalloni, in the western municipality
      permissions: ['geolocation'],
    })
    const { page } = await atLocationStep(context)
    await page.click('button[data-action="locate"]')
    await page.waitForFunction(() => (document.getElementById('field-lat') as HTMLInputElement).value !== '')
    await page.fill('#field-address', 'Καλλονή')
    await page.selectOption('#field-district', { index: 1 })
    await page.click('form[action="/reports/new/location"] button[type=submit]')
    await page.waitForSelector('.error-summary')
    expect(await page.textContent('.error-summary')).toContain('έξω από τα όρια του Δήμου Μυτιλήνης')
    expect(await page.isVisible('#location-map')).toBe(true)
    expect(await page.inputValue('#field-lat')).toBe('39.2103')
    await context.close()
  })

  it('does not show the map section without JavaScript', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false })
    const { page } = await atLocationStep(context)
    expect(await page.isVisible('#location-map')).toBe(false)
    expect(await page.isVisible('#field-address')).toBe(true)
    await context.close()
  })
})

// The set-up every browser test file shares: the app on a random port, Debian's Chromium, a fresh
// database before each test, and the suite skipped with a notice where Chromium is missing.
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { chromium, type Browser } from 'playwright-core'
import { startTestApp, type TestContext } from './app'
import { resetDb } from './db'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = fs.existsSync(executablePath)
export const describeInBrowser = hasChromium ? describe : describe.skip
if (!hasChromium) console.warn(`Browser tests skipped: no Chromium at ${executablePath}`)

export type BrowserSuite = { ctx: TestContext; base: string; browser: Browser }

/**
 * Registers the hooks and returns the suite, filled in before the first test. `tileUrl` points the
 * maps at tiles that do not exist, so that they must work without their background; `mailToServer`
 * makes the links in mail point at the test server; `resetBetweenTests: false` keeps the data of
 * one test for the next.
 */
export function browserSuite(
  options: { tileUrl?: string; mailToServer?: boolean; resetBetweenTests?: boolean } = {},
): BrowserSuite {
  const suite = {} as BrowserSuite
  let server: Server
  const previousTiles = process.env.MAP_TILE_URL

  beforeAll(async () => {
    if (!hasChromium) return
    if (options.tileUrl) process.env.MAP_TILE_URL = options.tileUrl
    suite.ctx = await startTestApp()
    server = suite.ctx.app.listen(0)
    suite.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    if (options.mailToServer) suite.ctx.config.baseUrl = suite.base
    suite.browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    })
  })

  beforeEach(async () => {
    if (hasChromium && options.resetBetweenTests !== false) await resetDb(suite.ctx.db)
  })

  afterAll(async () => {
    if (options.tileUrl) {
      if (previousTiles === undefined) delete process.env.MAP_TILE_URL
      else process.env.MAP_TILE_URL = previousTiles
    }
    if (!hasChromium) return
    await suite.browser.close()
    await new Promise((resolve) => server.close(resolve))
    await suite.ctx.close()
  })

  return suite
}

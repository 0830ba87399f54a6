// Screenshots of the main pages in headless Chromium, for the docs and for a look before a demo.
// Usage: BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts [out-dir]
import { chromium, type Page } from 'playwright-core'

const base = process.env.BASE_URL ?? 'http://localhost:3000'
const out = process.argv[2] ?? 'docs/screenshots'
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${base}/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.click('button[type=submit]')
}

async function shoot(page: Page, path: string, name: string) {
  await page.goto(`${base}${path}`)
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true })
  console.log(`${name}: ${path}`)
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const wide = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await wide.newPage()
  await shoot(page, '/', 'home-el')
  await shoot(page, '/language/en?next=/', 'home-en')
  await shoot(page, '/language/el?next=/register', 'register')
  await page.click('button[type=submit]')
  await page.screenshot({ path: `${out}/register-errors.png`, fullPage: true })
  await signIn(page, 'citizen@demo.mytilene.gr', 'Demo-Citizen-2026')
  await shoot(page, '/reports', 'my-reports')
  await shoot(page, '/reports/new', 'report-new')
  const first = await page
    .goto(`${base}/reports`)
    .then(() => page.locator('table a').first().getAttribute('href'))
  if (first) await shoot(page, first, 'report-show')

  const staff = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const staffPage = await staff.newPage()
  await signIn(staffPage, 'clerk@demo.mytilene.gr', 'Demo-Clerk-2026')
  await shoot(staffPage, '/staff/reports', 'staff-queue')
  const reference = await staffPage.locator('table a').first().getAttribute('href')
  if (reference) await shoot(staffPage, reference, 'staff-report')

  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } })
  await shoot(await narrow.newPage(), '/', 'home-320')
  await browser.close()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

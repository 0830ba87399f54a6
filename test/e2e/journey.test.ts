// The whole first journey in headless Chromium with JavaScript off, using only the keyboard:
// a resident registers, confirms their address from the mail kept at /dev/mail, signs in and
// files a report, a clerk answers it, the resident reads the answer.
// Then axe runs in the real browser, colour contrast included, on the pages of the journey.
import type { Page } from 'playwright-core'
import { browserSuite, describeInBrowser } from '../helpers/browser-suite'
import { axeInBrowser, tabTo } from '../helpers/browser'
import { createReport, createUser } from '../helpers/factories'
import { deliverMail } from '../helpers/mail'

// Links in mail point at the portal's public address: here, the test server.
const suite = browserSuite({ mailToServer: true, resetBetweenTests: false })

async function newPage(javaScriptEnabled = false): Promise<Page> {
  // The test injects axe as an inline script, which the portal's CSP rightly forbids.
  const context = await suite.browser.newContext({ javaScriptEnabled, bypassCSP: javaScriptEnabled })
  return context.newPage()
}

async function type(page: Page, selector: string, text: string) {
  await tabTo(page, selector)
  await page.keyboard.type(text)
}

describeInBrowser('the first journey, keyboard only, without JavaScript', () => {
  it("registers, files a report, and reads the clerk's answer", async () => {
    const clerk = await createUser(suite.ctx.db, { roles: ['citizen', 'clerk'] })
    const resident = await newPage()

    await resident.goto(`${suite.base}/`)
    await tabTo(resident, 'a.skip-link')
    await tabTo(resident, 'a[href="/register"]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/register`)

    await type(resident, '#field-fullName', 'Σαπφώ Λεσβία')
    await type(resident, '#field-email', 'sappho@example.gr')
    await type(resident, '#field-password', 'ένα ποίημα για τη Μυτιλήνη')
    await tabTo(resident, '#field-terms')
    await resident.keyboard.press('Space')
    await tabTo(resident, 'button[type=submit].button')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/register/check-email`)
    expect(await resident.textContent('h1')).toContain('Ελέγξτε το e-mail σας')

    await deliverMail(suite.ctx)
    await tabTo(resident, 'a[href="/dev/mail"]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/dev/mail`)
    await tabTo(resident, 'a[href^="/dev/mail/"]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(/\/dev\/mail\/\d+$/)
    expect(await resident.textContent('h1')).toContain('Επιβεβαιώστε τη διεύθυνση e-mail σας')
    await tabTo(resident, 'a[href*="/email/verify?token="]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(/\/email\/verify\?token=/)
    await tabTo(resident, 'form[action="/email/verify"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/email/verified`)
    await tabTo(resident, 'main a[href="/login"]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/login`)
    await type(resident, '#field-email', 'sappho@example.gr')
    await type(resident, '#field-password', 'ένα ποίημα για τη Μυτιλήνη')
    await tabTo(resident, 'form[action="/login"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/account`)
    expect(await resident.textContent('h1')).toContain('Ο λογαριασμός μου')

    // Filing goes step by step; each step is one form, sent with Enter.
    const pothole = (await suite.ctx.db('categories').where({ code: 'pothole' }).first('id')).id as number
    await resident.goto(`${suite.base}/reports/new`)
    // A radio group is one tab stop: the arrow keys choose within it.
    await tabTo(resident, 'input[name=kind]')
    await resident.keyboard.press('ArrowDown')
    expect(await resident.isChecked('input[name=kind][value=report]')).toBe(true)
    await tabTo(resident, 'form[action="/reports/new/kind"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/reports/new/category`)
    await type(resident, '#field-q', 'λακκούβα')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(/\/reports\/new\/category\?q=/)
    await tabTo(resident, 'input[name=categoryId]')
    await resident.keyboard.press('Space')
    expect(await resident.isChecked(`input[name=categoryId][value="${pothole}"]`)).toBe(true)
    await tabTo(resident, 'form[action="/reports/new/category"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/reports/new/details`)
    await type(resident, '#field-title', 'Λακκούβα στην Ερμού')
    await type(
      resident,
      '#field-description',
      'Βαθιά λακκούβα μπροστά από το νούμερο 30, επικίνδυνη για δικυκλιστές.',
    )
    await tabTo(resident, 'form[action="/reports/new/details"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/reports/new/location`)
    await type(resident, '#field-address', 'Ερμού 30')
    await tabTo(resident, '#field-district')
    await resident.keyboard.press('ArrowDown')
    await tabTo(resident, 'form[action="/reports/new/location"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/reports/new/photos`)
    await tabTo(resident, 'form[action="/reports/new/photos"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/reports/new/name`)
    await tabTo(resident, 'input[name=showName]')
    await resident.keyboard.press('Space')
    await tabTo(resident, 'form[action="/reports/new/name"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(`${suite.base}/reports/new/check`)
    expect(await resident.textContent('main')).toContain('Ερμού 30')
    await tabTo(resident, 'form[action="/reports/new/check"] button[type=submit]')
    await resident.keyboard.press('Enter')
    await resident.waitForURL(/\/reports\/new\/filed\/MYT-\d{4}-\d{5}$/)
    const reference = /MYT-\d{4}-\d{5}/.exec(resident.url())![0]
    expect(await resident.textContent('.panel')).toContain(reference)

    const staff = await newPage()
    await staff.goto(`${suite.base}/login`)
    await type(staff, '#field-email', clerk.email)
    await type(staff, '#field-password', clerk.password)
    await tabTo(staff, 'form button[type=submit]')
    await staff.keyboard.press('Enter')
    await staff.waitForURL(`${suite.base}/account`)
    await staff.goto(`${suite.base}/staff/reports`)
    await tabTo(staff, `a[href="/staff/reports/${reference}"]`)
    await staff.keyboard.press('Enter')
    await staff.waitForURL(`${suite.base}/staff/reports/${reference}`)
    await tabTo(staff, 'input[name=status]')
    await staff.keyboard.press('ArrowDown')
    expect(await staff.isChecked('input[name=status][value=in_progress]')).toBe(true)
    await type(staff, '#field-publicMessage', 'Το συνεργείο οδοποιίας θα επισκευάσει τη λακκούβα την Πέμπτη.')
    await tabTo(staff, 'form[action$="/status"] button[type=submit]')
    await staff.keyboard.press('Enter')
    await staff.waitForURL(`${suite.base}/staff/reports/${reference}?updated=1`)

    await resident.goto(`${suite.base}/reports/${reference}`)
    expect(await resident.textContent('.summary-list')).toContain('Σε εξέλιξη')
    expect(await resident.textContent('.timeline')).toContain('θα επισκευάσει τη λακκούβα την Πέμπτη')
  })

  it('shows the HTML of a kept mail inside the page, in a sandbox the page policy allows', async () => {
    const user = await createUser(suite.ctx.db)
    const page = await newPage()
    await page.goto(`${suite.base}/password/forgot`)
    await type(page, '#field-email', user.email)
    await tabTo(page, 'form button[type=submit]')
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.base}/password/forgot/sent`)
    await deliverMail(suite.ctx)

    const refused: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text())
    })
    await page.goto(`${suite.base}/dev/mail`)
    await page.click('a[href^="/dev/mail/"]')
    const frame = page.frameLocator('iframe.mail-frame')
    await expect(
      frame.locator('a', { hasText: 'Ορισμός νέου κωδικού' }).getAttribute('href'),
    ).resolves.toMatch(/\/password\/reset\?token=/)
    const colour = await frame
      .locator('a', { hasText: 'Ορισμός νέου κωδικού' })
      .evaluate((element) => getComputedStyle(element).backgroundColor)
    expect(colour).toBe('rgb(0, 112, 60)')
    expect(refused).toEqual([])
  })

  it.each(['el', 'en'])('has no axe violations, colour contrast included, in %s', async (lang) => {
    const user = await createUser(suite.ctx.db, { roles: ['citizen', 'clerk'] })
    // Enough reports for the lists to run to several pages.
    for (let i = 0; i < 25; i += 1) await createReport(suite.ctx.db, user.id)
    const page = await newPage(true)
    await page.goto(`${suite.base}/language/${lang}?next=/login`)
    await page.fill('#field-email', user.email)
    await page.fill('#field-password', user.password)
    await page.click('form button[type=submit]')
    await page.waitForURL(`${suite.base}/account`)
    for (const path of [
      '/',
      '/account',
      '/account/password',
      '/account/email',
      '/reports',
      '/reports/new',
      '/staff/reports',
      '/contact',
      '/accessibility',
      '/dev/mail',
    ]) {
      await page.goto(`${suite.base}${path}`)
      expect({ path, violations: await axeInBrowser(page) }).toEqual({ path, violations: [] })
    }
    const anonymous = await newPage(true)
    await anonymous.goto(`${suite.base}/language/${lang}?next=/register`)
    await anonymous.click('form button[type=submit]')
    expect({ path: '/register (errors)', violations: await axeInBrowser(anonymous) }).toEqual({
      path: '/register (errors)',
      violations: [],
    })
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import request from 'supertest'
import { dictionary } from '@zxcvbn-ts/language-common'
import { passwordProblem } from '../../src/features/accounts/password-policy'
import { PUBLIC_DIR } from '../../src/web/views'
import {
  csrfFrom,
  signIn,
  startTestApp,
  submitForm,
  useEnglish,
  type Agent,
  type TestContext,
} from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { queuedLink } from '../helpers/mail'

const meterSource = fs.readFileSync(path.join(PUBLIC_DIR, 'js/password-strength.js'), 'utf8')
const listSource = fs.readFileSync(require.resolve('@zxcvbn-ts/language-common/dist/zxcvbn-ts.js'), 'utf8')

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

/** The page in jsdom with the list of common passwords and the meter's script run in it. */
function withMeter(html: string) {
  const dom = new JSDOM(html, { runScripts: 'outside-only', url: 'http://localhost/' })
  dom.window.eval(listSource)
  dom.window.eval(meterSource)
  return dom
}

function typeInto(dom: JSDOM, id: string, value: string) {
  const input = dom.window.document.getElementById(id) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new dom.window.Event('input'))
}

function meterOf(dom: JSDOM, name: string) {
  const document = dom.window.document
  const box = document.querySelector(`[data-input="field-${name}"]`) as HTMLElement
  return {
    box,
    problem: box.getAttribute('data-problem'),
    value: (document.getElementById(`strength-meter-${name}`) as HTMLMeterElement).value,
    text: document.getElementById(`strength-text-${name}`)!.textContent,
  }
}

async function invitationPage(): Promise<{ agent: Agent; path: string; html: string }> {
  const admin = await createUser(ctx.db, { roles: ['citizen', 'admin'] })
  const adminAgent = request.agent(ctx.app)
  await signIn(adminAgent, admin.email, admin.password)
  const invited = await submitForm(adminAgent, '/staff/admin/users/new', '/staff/admin/users/new', {
    fullName: 'Νέα Υπάλληλος',
    email: 'nea.ypallilos@mytilene.gr',
    roles: 'secretariat',
    locale: 'el',
  })
  if (invited.status !== 303) throw new Error(`invitation refused with ${invited.status}`)
  const link = await queuedLink(ctx.db, 'nea.ypallilos@mytilene.gr', 'staff-invitation')
  const agent = request.agent(ctx.app)
  const page = await agent.get(link)
  return { agent, path: link, html: page.text }
}

describe('the password strength meter', () => {
  it('gives the same verdict as the server for passwords refused and accepted', async () => {
    const page = await request(ctx.app).get('/register')
    const dom = withMeter(page.text)
    typeInto(dom, 'field-email', 'eleni.papadopoulou@example.gr')
    typeInto(dom, 'field-fullName', 'Ελένη Παπαδοπούλου')
    const context = { email: 'eleni.papadopoulou@example.gr', name: 'Ελένη Παπαδοπούλου' }
    const common = dictionary['passwords-common'].filter((word) => [...word].length >= 12).slice(0, 40)
    const samples = [
      'short',
      'elevenchars',
      '🙂'.repeat(11),
      '🙂'.repeat(12),
      'x'.repeat(128),
      'x'.repeat(129),
      'Mytilene2026!!',
      'ΜΥΤΙΛΗΝΗμυτιλήνη',
      'elenipapadopoulou',
      'Ελένη Παπαδοπούλου',
      'correct horse battery staple',
      'καλημέρα από τη Μυτιλήνη',
      'Q7#kd9!zLp2@vX',
      ...common,
      ...common.map((word) => `${word}2026!`),
    ]
    for (const password of samples) {
      typeInto(dom, 'field-password', password)
      expect([password, meterOf(dom, 'password').problem]).toEqual([
        password,
        passwordProblem(password, context) ?? '',
      ])
    }
    expect(common.length).toBeGreaterThan(10)
    dom.window.close()
  })

  it('says in words, not only colour, why a password is refused and how strong an accepted one is', async () => {
    const page = await request(ctx.app).get('/register')
    const dom = withMeter(page.text)
    const { box } = meterOf(dom, 'password')
    expect(box.hidden).toBe(false)
    expect(meterOf(dom, 'password').text).toBe('')

    typeInto(dom, 'field-password', 'Μυτιλ')
    expect(meterOf(dom, 'password')).toMatchObject({
      value: 0,
      text: 'Δεν γίνεται δεκτός: λείπουν ακόμη 7 χαρακτήρες (τουλάχιστον 12).',
    })
    typeInto(dom, 'field-password', 'Μυτιλήνη 20')
    expect(meterOf(dom, 'password').text).toBe(
      'Δεν γίνεται δεκτός: λείπει ακόμη 1 χαρακτήρας (τουλάχιστον 12).',
    )
    typeInto(dom, 'field-password', 'password1234')
    expect(meterOf(dom, 'password')).toMatchObject({
      value: 0,
      text: 'Δεν γίνεται δεκτός: είναι πολύ συνηθισμένος κωδικός.',
    })
    typeInto(dom, 'field-password', 'aaaaaaaaaaaaaaab')
    expect(meterOf(dom, 'password')).toMatchObject({ value: 1, text: expect.stringContaining('αδύναμος') })
    typeInto(dom, 'field-password', 'ο γάτος κοιμάται στο μπαλκόνι της Σαπφούς')
    expect(meterOf(dom, 'password')).toMatchObject({ value: 4, text: 'Γίνεται δεκτός: ισχυρός.' })
    const live = dom.window.document.getElementById('strength-text-password')!
    expect(live.getAttribute('aria-live')).toBe('polite')
    dom.window.close()
  })

  it('is in English when English was chosen', async () => {
    const agent = request.agent(ctx.app)
    await useEnglish(agent)
    const dom = withMeter((await agent.get('/register')).text)
    typeInto(dom, 'field-password', 'short')
    expect(meterOf(dom, 'password').text).toBe('Not accepted: 7 more characters needed (at least 12).')
    dom.window.close()
  })

  it('is on the registration, reset, change-password and invitation pages, with show/hide and paste allowed', async () => {
    const user = await createUser(ctx.db)
    await submitForm(request.agent(ctx.app), '/password/forgot', '/password/forgot', { email: user.email })
    const resetLink = await queuedLink(ctx.db, user.email, 'password-reset')
    const signedIn = request.agent(ctx.app)
    await signIn(signedIn, user.email, user.password)
    const invitation = await invitationPage()

    const pages = [
      { html: (await request(ctx.app).get('/register')).text, name: 'password' },
      { html: (await request(ctx.app).get(resetLink)).text, name: 'newPassword' },
      { html: (await signedIn.get('/account/password')).text, name: 'newPassword' },
      { html: invitation.html, name: 'password' },
    ]
    for (const { html, name } of pages) {
      expect(html).toContain(`data-input="field-${name}"`)
      expect(html).toMatch(/<script src="\/assets\/js\/password-strength\.js\?v=[0-9a-f]+" defer><\/script>/)
      expect(html).toContain(`aria-controls="field-${name}"`)
      expect(html).not.toMatch(/onpaste|oncopy|autocomplete="off"[^>]*type="password"/)
      const dom = withMeter(html)
      typeInto(dom, `field-${name}`, 'short')
      expect(meterOf(dom, name).problem).toBe('tooShort')
      dom.window.close()
    }
  })

  it('serves the list of common passwords from our own origin, and nothing else from that folder', async () => {
    const list = await request(ctx.app).get('/assets/vendor/zxcvbn-common/zxcvbn-ts.js')
    expect(list.status).toBe(200)
    expect(list.headers['content-type']).toMatch(/javascript/)
    expect(list.text).toContain('passwords-common')
    expect((await request(ctx.app).get('/assets/vendor/zxcvbn-common/index.cjs')).status).toBe(404)
    expect((await request(ctx.app).get('/assets/vendor/zxcvbn-common/../package.json')).status).toBe(404)
  })
})

describe('without JavaScript the server says why a password is refused', () => {
  it('on the invitation page too, which now refuses common passwords like the others', async () => {
    const { agent, html } = await invitationPage()
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!
    const refused = await agent
      .post('/invitation')
      .type('form')
      .send({ token, password: 'password1234', _csrf: csrfFrom(html) })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Αυτός ο κωδικός είναι πολύ συνηθισμένος')
    const short = await agent
      .post('/invitation')
      .type('form')
      .send({ token, password: 'κοντός', _csrf: csrfFrom(html) })
    expect(short.text).toContain('Ο κωδικός πρέπει να έχει τουλάχιστον 12 χαρακτήρες')
  })

  it('on registration, keeping what was typed except the password', async () => {
    const response = await submitForm(request.agent(ctx.app), '/register', '/register', {
      fullName: 'Ελένη Παπαδοπούλου',
      email: 'eleni@example.gr',
      password: 'qwertyuiop123',
      terms: 'yes',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Αυτός ο κωδικός είναι πολύ συνηθισμένος')
    expect(response.text).toContain('value="eleni@example.gr"')
    expect(response.text).not.toContain('qwertyuiop123')
  })
})

describe('pages with the meter', () => {
  for (const lang of ['el', 'en'] as const) {
    it(`have no axe violations, one h1 and a skip link, in ${lang}`, async () => {
      const user = await createUser(ctx.db)
      await submitForm(request.agent(ctx.app), '/password/forgot', '/password/forgot', { email: user.email })
      const resetLink = await queuedLink(ctx.db, user.email, 'password-reset')
      const signedIn = request.agent(ctx.app)
      await signIn(signedIn, user.email, user.password)
      const visitor = request.agent(ctx.app)
      const invitation = await invitationPage()
      if (lang === 'en') {
        for (const agent of [signedIn, visitor, invitation.agent]) await useEnglish(agent)
      }
      const pages = [
        (await visitor.get('/register')).text,
        (await visitor.get(resetLink)).text,
        (await signedIn.get('/account/password')).text,
        (await invitation.agent.get(invitation.path)).text,
      ]
      for (const html of pages) {
        expect(html).toContain(`lang="${lang}"`)
        const dom = withMeter(html)
        // Checked as a browser with JavaScript shows it: the meter visible, with a verdict in words.
        const input = dom.window.document.querySelector('[data-module="password-strength"]')!
        typeInto(dom, input.getAttribute('data-input')!, 'short')
        const shown = dom.serialize()
        dom.window.close()
        for (const version of [html, shown]) {
          expect(await axeViolations(version)).toEqual([])
          expect(version.match(/<h1[ >]/g)).toHaveLength(1)
          expect(version).toContain('href="#main-content"')
        }
      }
    })
  }
})

import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { sessionHandle } from '../../src/features/sessions/service'
import { csrfFrom, signIn, startTestApp, useEnglish, type Agent, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { createUser, PASSWORD } from '../helpers/factories'

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-03T08:00:00Z'))
})
afterEach(() => setClock(null))

async function sidsOf(userId: number): Promise<string[]> {
  const rows: { sid: string }[] = await ctx
    .db('sessions')
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .select('sid')
  return rows.map((row) => row.sid)
}

async function signedInAgent(email: string, password: string, userAgent: string): Promise<Agent> {
  const agent = request.agent(ctx.app).set('User-Agent', userAgent)
  await signIn(agent, email, password)
  advanceClock(60 * 1000)
  return agent
}

/** The session id of the agent's session: the one of the user's sessions that is not in `before`. */
async function newSid(userId: number, before: string[]): Promise<string> {
  const sid = (await sidsOf(userId)).find((candidate) => !before.includes(candidate))
  if (!sid) throw new Error('no new session')
  return sid
}

async function threeDevices() {
  const user = await createUser(ctx.db)
  const phone = await signedInAgent(user.email, user.password, SAFARI_IPHONE)
  const phoneSid = (await sidsOf(user.id))[0]!
  const desktop = await signedInAgent(user.email, user.password, CHROME_LINUX)
  const desktopSid = await newSid(user.id, [phoneSid])
  const laptop = await signedInAgent(user.email, user.password, FIREFOX_WINDOWS)
  const laptopSid = await newSid(user.id, [phoneSid, desktopSid])
  return { user, phone, phoneSid, desktop, desktopSid, laptop, laptopSid }
}

const signOutLinks = (html: string) =>
  [...html.matchAll(/href="\/account\/sessions\/([0-9a-f]+)\/sign-out"/g)].map((match) => match[1])

/** Sends the form of the page that asks for the password to sign out one device. */
async function signOutDevice(agent: Agent, handle: string, password: string = PASSWORD) {
  const page = await agent.get('/account/sessions')
  return agent
    .post(`/account/sessions/${handle}/sign-out`)
    .type('form')
    .send({ password, _csrf: csrfFrom(page.text) })
}

describe('signing out one chosen device', () => {
  it('offers a button for every other device, none for this one, and never puts a session id in the page', async () => {
    const { laptop, phoneSid, desktopSid, laptopSid } = await threeDevices()

    const page = await laptop.get('/account/sessions')

    expect(page.status).toBe(200)
    expect(signOutLinks(page.text).sort()).toEqual(
      [sessionHandle(phoneSid), sessionHandle(desktopSid)].sort(),
    )
    for (const sid of [phoneSid, desktopSid, laptopSid]) expect(page.text).not.toContain(sid)
    expect(page.text).toContain('Αποσύνδεση αυτής της συσκευής')
    expect(page.text).toMatch(/Αποσύνδεση αυτής της συσκευής<span class="visually-hidden"> \(Safari σε iOS,/)
  })

  it('ends exactly the chosen session on the server and keeps the others', async () => {
    const { user, phone, desktop, laptop, phoneSid } = await threeDevices()

    const response = await signOutDevice(laptop, sessionHandle(phoneSid))

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/account/sessions?signedOutOne=1')
    expect(await sidsOf(user.id)).not.toContain(phoneSid)
    expect(await sidsOf(user.id)).toHaveLength(2)
    expect((await phone.get('/account')).status).toBe(302)
    expect((await desktop.get('/account')).status).toBe(200)
    const page = await laptop.get(response.headers.location!)
    expect(page.text).toContain('Αποσυνδεθήκατε από τη συσκευή που επιλέξατε.')
    expect(page.text).toContain('2 ενεργές συνδέσεις')
    expect(page.text).not.toContain('Safari σε iOS')
  })

  it('asks for the password again on a page that names the device, and ends nothing without it', async () => {
    const { user, phone, laptop, phoneSid } = await threeDevices()
    const handle = sessionHandle(phoneSid)

    const page = await laptop.get(`/account/sessions/${handle}/sign-out`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<h1 class="heading-xl">Αποσύνδεση μιας συσκευής</h1>')
    expect(page.text).toContain('Safari σε iOS')
    expect(page.text).toContain('<time datetime="2026-12-03T08:00:00.000Z">')
    expect(page.text).toContain(`action="/account/sessions/${handle}/sign-out"`)
    expect(page.text).toMatch(/<input [^>]*name="password" type="password" autocomplete="current-password"/)

    const missing = await signOutDevice(laptop, handle, '')
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('<title>Πρόβλημα:')
    expect(missing.text).toContain('href="#field-password">Γράψτε τον κωδικό πρόσβασης</a>')
    expect(missing.text).toContain('Safari σε iOS')

    const wrong = await signOutDevice(laptop, handle, 'not the password at all')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('href="#field-password">Ο κωδικός πρόσβασης δεν είναι σωστός</a>')
    expect(wrong.text).not.toContain('not the password at all')
    expect(await sidsOf(user.id)).toContain(phoneSid)
    expect((await phone.get('/account')).status).toBe(200)
  })

  it('counts wrong passwords there like failed sign-ins and makes the sixth wait', async () => {
    const { user, phone, laptop, phoneSid } = await threeDevices()
    const handle = sessionHandle(phoneSid)
    for (let i = 0; i < 5; i += 1) {
      expect((await signOutDevice(laptop, handle, 'not the password at all')).status).toBe(400)
    }

    const refused = await signOutDevice(laptop, handle, user.password)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Ο κωδικός πρόσβασης δόθηκε λάθος πάρα πολλές φορές.')
    expect(refused.text).toContain('href="#field-password"')
    expect((await phone.get('/account')).status).toBe(200)

    advanceClock(1000)
    expect((await signOutDevice(laptop, handle, user.password)).status).toBe(303)
    expect((await phone.get('/account')).status).toBe(302)
  })

  it('checks the device before the password, so a handle that names nothing costs no attempt', async () => {
    const { laptop, phone, phoneSid } = await threeDevices()
    for (let i = 0; i < 6; i += 1) {
      expect((await signOutDevice(laptop, 'f'.repeat(32), 'not the password at all')).status).toBe(404)
    }
    expect((await signOutDevice(laptop, sessionHandle(phoneSid))).status).toBe(303)
    expect((await phone.get('/account')).status).toBe(302)
  })

  it('shows the page only for another session of the account', async () => {
    const { laptop, laptopSid } = await threeDevices()
    const other = await createUser(ctx.db)
    await signedInAgent(other.email, other.password, SAFARI_IPHONE)
    const [otherSid] = await sidsOf(other.id)

    expect((await laptop.get(`/account/sessions/${sessionHandle(otherSid!)}/sign-out`)).status).toBe(404)
    expect((await laptop.get(`/account/sessions/${'f'.repeat(32)}/sign-out`)).status).toBe(404)
    expect((await laptop.get('/account/sessions/not-a-handle/sign-out')).status).toBe(404)
    const own = await laptop.get(`/account/sessions/${sessionHandle(laptopSid)}/sign-out`)
    expect(own.status).toBe(400)
    expect(own.text).toContain('πατήστε «Αποσύνδεση» στην κορυφή της σελίδας')
    expect((await request(ctx.app).get(`/account/sessions/${'a'.repeat(32)}/sign-out`)).status).toBe(302)
  })

  it('does not end this device that way, and says to sign out instead', async () => {
    const { user, laptop, laptopSid } = await threeDevices()

    const response = await signOutDevice(laptop, sessionHandle(laptopSid))

    expect(response.status).toBe(400)
    expect(response.text).toContain('href="#field-sessions"')
    expect(response.text).toContain('πατήστε «Αποσύνδεση» στην κορυφή της σελίδας')
    expect(await sidsOf(user.id)).toContain(laptopSid)
    expect((await laptop.get('/account')).status).toBe(200)
  })

  it('answers 404 for a session of another account and leaves it alone', async () => {
    const { laptop } = await threeDevices()
    const other = await createUser(ctx.db)
    const otherAgent = await signedInAgent(other.email, other.password, SAFARI_IPHONE)
    const [otherSid] = await sidsOf(other.id)

    const response = await signOutDevice(laptop, sessionHandle(otherSid!))

    expect(response.status).toBe(404)
    expect(await sidsOf(other.id)).toEqual([otherSid])
    expect((await otherAgent.get('/account')).status).toBe(200)
  })

  it('answers 404 for a handle that names no session, or is not a handle, or is the raw id', async () => {
    const { user, laptop, phoneSid } = await threeDevices()
    expect((await signOutDevice(laptop, 'f'.repeat(32))).status).toBe(404)
    expect((await signOutDevice(laptop, 'not-a-handle')).status).toBe(404)
    expect((await signOutDevice(laptop, encodeURIComponent(phoneSid))).status).toBe(404)
    expect(await sidsOf(user.id)).toHaveLength(3)
  })

  it('refuses the form without its token and ends nothing', async () => {
    const { user, laptop, phoneSid } = await threeDevices()
    const response = await laptop
      .post(`/account/sessions/${sessionHandle(phoneSid)}/sign-out`)
      .type('form')
      .send({ password: PASSWORD })
    expect(response.status).toBe(403)
    expect(await sidsOf(user.id)).toContain(phoneSid)
  })

  it('sends a signed-out visitor to the sign-in page', async () => {
    const visitor = request.agent(ctx.app)
    const page = await visitor.get('/login')
    const response = await visitor
      .post(`/account/sessions/${'a'.repeat(32)}/sign-out`)
      .type('form')
      .send({ password: PASSWORD, _csrf: csrfFrom(page.text) })
    expect(response.status).toBe(302)
    expect(response.headers.location).toMatch(/^\/login/)
  })
})

describe('the sessions page with its sign-out buttons', () => {
  for (const lang of ['el', 'en'] as const) {
    it(`has no axe violations, one h1 and a skip link, in ${lang}`, async () => {
      const { laptop, laptopSid } = await threeDevices()
      if (lang === 'en') await useEnglish(laptop)
      for (const path of ['/account/sessions', '/account/sessions?signedOutOne=1']) {
        const page = await laptop.get(path)
        expect(page.status).toBe(200)
        expect(await axeViolations(page.text)).toEqual([])
        expect(page.text.match(/<h1[ >]/g)).toHaveLength(1)
        expect(page.text).toContain('href="#main-content"')
        expect(page.text).toContain(`lang="${lang}"`)
      }
      const refused = await signOutDevice(laptop, sessionHandle(laptopSid))
      expect(refused.status).toBe(400)
      expect(await axeViolations(refused.text)).toEqual([])
    })
  }
})

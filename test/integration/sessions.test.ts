import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { fillDraft, submissionKeyFrom } from '../helpers/filing'

const START = new Date('2026-12-03T08:00:00Z')
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(START)
})
afterEach(() => setClock(null))

async function sessionsOf(userId: number): Promise<number> {
  const rows = await ctx
    .db('sessions')
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
  return rows.length
}

/** Keeps a session active with a page every `step` until `until` after sign-in; each must open. */
async function keepActive(agent: Agent, step: number, until: number): Promise<void> {
  for (let elapsed = step; elapsed <= until; elapsed += step) {
    advanceClock(step)
    expect((await agent.get('/account')).status).toBe(200)
  }
}

describe('idle time-out', () => {
  it('signs a resident out after 30 minutes without activity and says so on the sign-in page', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)

    advanceClock(30 * MINUTE)
    expect((await agent.get('/account')).status).toBe(200)
    advanceClock(30 * MINUTE + 1 * SECOND)
    const ended = await agent.get('/reports')

    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe('/login?ended=idle&after=30&next=%2Freports')
    const login = await agent.get(ended.headers.location!)
    expect(login.text).toContain(
      'Αποσυνδεθήκατε επειδή δεν υπήρξε δραστηριότητα για 30 λεπτά. Συνδεθείτε ξανά για να συνεχίσετε.',
    )
    expect(login.text).toContain('name="next" value="/reports"')
    expect(await sessionsOf(user.id)).toBe(0)
    expect((await agent.get('/account')).status).toBe(302)
  })

  it('signs staff out after 15 minutes without activity, when a resident would still be signed in', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const resident = await createUser(ctx.db)
    const clerkAgent = request.agent(ctx.app)
    const residentAgent = request.agent(ctx.app)
    await signIn(clerkAgent, clerk.email, clerk.password)
    await signIn(residentAgent, resident.email, resident.password)

    advanceClock(15 * MINUTE + 1 * SECOND)
    const ended = await clerkAgent.get('/staff/reports')
    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe('/login?ended=idle&after=15&next=%2Fstaff%2Freports')
    expect((await residentAgent.get('/account')).status).toBe(200)
  })

  it('says it in English when English was chosen', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await agent.get('/language/en?next=/')
    await signIn(agent, user.email, user.password)

    advanceClock(31 * MINUTE)
    const ended = await agent.get('/account')
    const login = await agent.get(ended.headers.location!)
    expect(login.text).toContain('You were signed out after 30 minutes without activity.')
  })

  it('does not carry out a form sent after the time-out', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    const check = await fillDraft(agent, ctx.db)

    advanceClock(45 * MINUTE)
    const response = await agent
      .post('/reports/new/check')
      .type('form')
      .send({ submissionKey: submissionKeyFrom(check.text), _csrf: csrfFrom(check.text) })

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/login?ended=idle&after=30')
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])
  })
})

describe('absolute time-out', () => {
  it('signs a resident out 12 hours after signing in, however active', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)

    await keepActive(agent, 24 * MINUTE, 12 * HOUR)
    advanceClock(1 * SECOND)
    const ended = await agent.get('/account')

    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe('/login?ended=absolute&after=12&next=%2Faccount')
    const login = await agent.get(ended.headers.location!)
    expect(login.text).toContain('Αποσυνδεθήκατε επειδή πέρασαν 12 ώρες από τη σύνδεσή σας.')
  })

  it('signs staff out 8 hours after signing in, however active', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)

    await keepActive(agent, 12 * MINUTE, 8 * HOUR)
    advanceClock(1 * SECOND)
    const ended = await agent.get('/account')

    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe('/login?ended=absolute&after=8&next=%2Faccount')
  })

  it('starts again from a new sign-in', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    advanceClock(13 * HOUR)
    expect((await agent.get('/account')).status).toBe(303)

    await signIn(agent, user.email, user.password)
    advanceClock(29 * MINUTE)
    expect((await agent.get('/account')).status).toBe(200)
  })
})

describe('sessions not started by signing in here', () => {
  it('are ended at once, without a time-out notice', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    await ctx.db.raw(`UPDATE sessions SET sess = (sess::jsonb - 'signedInAt')::json`)

    const response = await agent.get('/account')
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/login?next=%2Faccount')
  })
})

describe('the sessions page', () => {
  async function twoDevices() {
    const user = await createUser(ctx.db)
    const phone = request.agent(ctx.app).set('User-Agent', SAFARI_IPHONE)
    const laptop = request.agent(ctx.app).set('User-Agent', FIREFOX_WINDOWS)
    await signIn(phone, user.email, user.password)
    advanceClock(5 * MINUTE)
    await signIn(laptop, user.email, user.password)
    return { user, phone, laptop }
  }

  const rows = (html: string) => html.match(/<tr>\s*<td>[\s\S]*?<\/tr>/g) ?? []

  it('lists every device signed in to the account and marks this one', async () => {
    const { laptop } = await twoDevices()
    const other = await createUser(ctx.db)
    await signIn(request.agent(ctx.app), other.email, other.password)

    const page = await laptop.get('/account/sessions')

    expect(page.status).toBe(200)
    expect(page.text).toContain('2 ενεργές συνδέσεις')
    const [first, second] = rows(page.text)
    expect(rows(page.text)).toHaveLength(2)
    expect(first).toContain('Firefox σε Windows')
    expect(first).toContain('Αυτή η συσκευή')
    expect(first).toContain('127.0.0.x')
    expect(second).toContain('Safari σε iOS')
    expect(second).not.toContain('Αυτή η συσκευή')
    expect(second).toContain('<time datetime="2026-12-03T08:00:00.000Z">')
    expect(page.text).not.toContain(other.email)
  })

  it('leaves out sessions that have timed out', async () => {
    const user = await createUser(ctx.db)
    const phone = request.agent(ctx.app).set('User-Agent', SAFARI_IPHONE)
    const laptop = request.agent(ctx.app).set('User-Agent', FIREFOX_WINDOWS)
    await signIn(phone, user.email, user.password)
    advanceClock(31 * MINUTE)
    await signIn(laptop, user.email, user.password)

    const page = await laptop.get('/account/sessions')
    expect(page.text).toContain('1 ενεργή σύνδεση')
    expect(page.text).not.toContain('Safari')
    expect(page.text).toContain('Δεν είστε συνδεδεμένοι σε καμία άλλη συσκευή.')
    expect(page.text).not.toContain('action="/account/sessions/sign-out-others"')
  })

  it('signs out everywhere else and keeps this device signed in', async () => {
    const { user, phone, laptop } = await twoDevices()
    const other = await createUser(ctx.db)
    const otherAgent = request.agent(ctx.app)
    await signIn(otherAgent, other.email, other.password)

    const response = await submitForm(laptop, '/account/sessions', '/account/sessions/sign-out-others', {
      password: user.password,
    })

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/account/sessions?signedOutOthers=1')
    const page = await laptop.get(response.headers.location!)
    expect(page.text).toContain('Αποσυνδεθήκατε από όλες τις άλλες συσκευές.')
    expect(page.text).toContain('1 ενεργή σύνδεση')
    expect(page.text).not.toContain('Safari')
    expect((await phone.get('/account')).status).toBe(302)
    expect((await laptop.get('/account')).status).toBe(200)
    expect((await otherAgent.get('/account')).status).toBe(200)
    expect(await sessionsOf(user.id)).toBe(1)
  })

  it('asks for the password again before signing out everywhere else', async () => {
    const { phone, laptop } = await twoDevices()
    const signOut = (password: string) =>
      submitForm(laptop, '/account/sessions', '/account/sessions/sign-out-others', { password })

    const missing = await signOut('')
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('<title>Πρόβλημα:')
    expect(missing.text).toContain('href="#field-password">Γράψτε τον κωδικό πρόσβασης</a>')
    const wrong = await signOut('not the password at all')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('href="#field-password">Ο κωδικός πρόσβασης δεν είναι σωστός</a>')
    expect(wrong.text).toContain('2 ενεργές συνδέσεις')
    expect((await phone.get('/account')).status).toBe(200)
  })

  it('counts wrong passwords there like failed sign-ins and makes the sixth wait', async () => {
    const { user, phone, laptop } = await twoDevices()
    const signOut = (password: string) =>
      submitForm(laptop, '/account/sessions', '/account/sessions/sign-out-others', { password })
    for (let i = 0; i < 5; i += 1) expect((await signOut('not the password at all')).status).toBe(400)

    const refused = await signOut(user.password)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Ο κωδικός πρόσβασης δόθηκε λάθος πάρα πολλές φορές.')
    expect(refused.text).toContain('περιμένετε 1 δευτερόλεπτο')
    expect((await phone.get('/account')).status).toBe(200)

    advanceClock(1 * SECOND)
    expect((await signOut(user.password)).status).toBe(303)
    expect((await phone.get('/account')).status).toBe(302)
  })

  it('refuses to sign out everywhere else without the form’s token', async () => {
    const { user, phone, laptop } = await twoDevices()
    await laptop.get('/account/sessions')

    const response = await laptop
      .post('/account/sessions/sign-out-others')
      .type('form')
      .send({ password: user.password })
    expect(response.status).toBe(403)
    expect((await phone.get('/account')).status).toBe(200)
  })

  it('is in English when English was chosen', async () => {
    const { laptop } = await twoDevices()
    await laptop.get('/language/en?next=/')
    const page = await laptop.get('/account/sessions')
    expect(page.text).toContain('<h1 class="heading-xl">Where you are signed in</h1>')
    expect(page.text).toContain('Firefox on Windows')
    expect(page.text).toContain('This device')
  })

  it('shows 20 sessions a page, the most recently active first', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    const older = Array.from({ length: 24 }, (_, i) => ({
      sid: `test-session-${i}`,
      expired: new Date(Date.now() + HOUR),
      sess: JSON.stringify({
        cookie: { path: '/' },
        passport: { user: user.id },
        signedInAt: START.getTime() - 2 * HOUR,
        lastSeenAt: START.getTime() - (i + 1) * MINUTE,
        device: { browser: 'Chrome', os: 'Android' },
        network: '192.0.2.x',
      }),
    }))
    await ctx.db('sessions').insert(older)

    const first = await agent.get('/account/sessions')
    expect(first.text).toContain('25 ενεργές συνδέσεις')
    expect(rows(first.text)).toHaveLength(20)
    expect(rows(first.text)[0]).toContain('Αυτή η συσκευή')
    expect(first.text).toContain('href="/account/sessions?page=2"')
    const second = await agent.get('/account/sessions?page=2')
    expect(rows(second.text)).toHaveLength(5)
    expect(rows(second.text)[4]).toContain('<time datetime="2026-12-03T07:36:00.000Z">')
  })

  it('sends a signed-out visitor to the sign-in page', async () => {
    const response = await request(ctx.app).get('/account/sessions')
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/login?next=%2Faccount%2Fsessions')
  })

  it('no longer lists a device once it has signed out, whose session is gone from the server', async () => {
    const { user, phone, laptop } = await twoDevices()
    const account = await phone.get('/account')
    const signedOut = await phone
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom(account.text) })

    expect(signedOut.status).toBe(302)
    expect(await sessionsOf(user.id)).toBe(1)
    const page = await laptop.get('/account/sessions')
    expect(page.text).toContain('1 ενεργή σύνδεση')
    expect(page.text).not.toContain('Safari')
  })
})

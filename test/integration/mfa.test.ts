import request from 'supertest'
import { advanceClock, now, setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { templatesSentTo } from '../helpers/mail'
import { enrolTwoFactor, secretFrom, totpCode } from '../helpers/totp'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-03T09:00:05Z'))
})
afterEach(() => setClock(null))

const STEP = 30 * 1000

async function enrolledClerk() {
  const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
  const agent = request.agent(ctx.app)
  await signIn(agent, clerk.email, clerk.password)
  const secret = await enrolTwoFactor(agent)
  return { ...clerk, secret }
}

/** Signs in with the password only: the answer sends the browser on to the code page. */
async function enterPassword(agent: Agent, email: string, password: string, next?: string) {
  const page = await agent.get(next ? `/login?next=${encodeURIComponent(next)}` : '/login')
  return agent
    .post('/login')
    .type('form')
    .send({ email, password, ...(next ? { next } : {}), _csrf: csrfFrom(page.text) })
}

async function enterCode(agent: Agent, code: string) {
  return submitForm(agent, '/login/code', '/login/code', { code })
}

describe('setting up two-factor sign-in', () => {
  it('shows a QR code and the key in groups, and turns on only with a right code', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    const page = await agent.get('/account/two-factor')

    expect(page.status).toBe(200)
    expect(page.text).toMatch(
      /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" width="222" height="222" alt="[^"]+">/,
    )
    expect(page.text).toMatch(/<code class="totp-secret">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<\/code>/)
    expect(page.text).not.toContain('(προαιρετικό)') // the code is what turns it on
    const secret = secretFrom(page.text)
    const stored = await ctx.db('staff_totp').where({ user_id: clerk.id }).first()
    expect(stored.secret_encrypted).not.toContain(secret)
    expect(stored.confirmed_at).toBeNull()

    const wrong = await agent
      .post('/account/two-factor')
      .type('form')
      .send({ code: '000000', _csrf: csrfFrom(page.text) })
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Ο κωδικός δεν είναι σωστός')
    expect(secretFrom(wrong.text)).toBe(secret)
    expect((await ctx.db('staff_totp').where({ user_id: clerk.id }).first()).confirmed_at).toBeNull()

    const right = await agent
      .post('/account/two-factor')
      .type('form')
      .send({ code: await totpCode(secret), next: '/staff/reports', _csrf: csrfFrom(page.text) })
    expect(right.status).toBe(303)
    expect(right.headers.location).toBe('/account/two-factor?done=1&next=%2Fstaff%2Freports')
    const done = await agent.get(String(right.headers.location))
    expect(done.text).toContain('Η σύνδεση σε δύο βήματα ενεργοποιήθηκε')
    expect(done.text).toContain('href="/staff/reports"')
    expect((await ctx.db('staff_totp').where({ user_id: clerk.id }).first()).confirmed_at).not.toBeNull()

    const audit = await ctx.db('audit_log').where({ action: 'mfa.enrolled' })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_id: clerk.id,
      entity_type: 'user',
      entity_id: String(clerk.id),
      before: { twoFactor: false },
      after: { twoFactor: true },
    })
  })

  it('keeps the same key across visits until it is confirmed', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    const first = secretFrom((await agent.get('/account/two-factor')).text)
    const second = secretFrom((await agent.get('/account/two-factor')).text)
    expect(second).toBe(first)
  })

  it('is a staff page: residents get 404', async () => {
    const citizen = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, citizen.email, citizen.password)
    expect((await agent.get('/account/two-factor')).status).toBe(404)
    expect((await request(ctx.app).get('/account/two-factor')).headers.location).toBe(
      '/login?next=%2Faccount%2Ftwo-factor',
    )
  })

  it('with STAFF_MFA=optional lets staff in without it and offers it on staff pages', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    const queue = await agent.get('/staff/reports')
    expect(queue.status).toBe(200)
    expect(queue.text).toContain('Προστατέψτε τον υπηρεσιακό σας λογαριασμό')
    expect(queue.text).toContain('href="/account/two-factor?next=%2Fstaff%2Freports"')

    await enrolTwoFactor(agent)
    expect((await agent.get('/staff/reports')).text).not.toContain(
      'Προστατέψτε τον υπηρεσιακό σας λογαριασμό',
    )

    // Not on the page that says a staff page is not there for this account.
    const treasurer = await createUser(ctx.db, { roles: ['treasury'] })
    const other = request.agent(ctx.app)
    await signIn(other, treasurer.email, treasurer.password)
    const notFound = await other.get('/staff/reports')
    expect(notFound.status).toBe(404)
    expect(notFound.text).not.toContain('Προστατέψτε τον υπηρεσιακό σας λογαριασμό')
  })
})

describe('signing in with a code', () => {
  it('asks for the code after the password and signs in only when it is right', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const agent = request.agent(ctx.app)
    const password = await enterPassword(agent, clerk.email, clerk.password, '/staff/reports')
    expect(password.status).toBe(302)
    expect(password.headers.location).toBe('/login/code')

    // Between the password and the code the session is not signed in.
    expect((await agent.get('/account')).status).toBe(302)
    expect((await agent.get('/staff/reports')).headers.location).toMatch(/^\/login/)
    const page = await agent.get('/login/code')
    expect(page.status).toBe(200)
    expect(page.text).toContain('autocomplete="one-time-code"')

    const wrong = await enterCode(agent, '123456')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Ο κωδικός δεν είναι σωστός')
    expect((await agent.get('/account')).status).toBe(302)

    const right = await enterCode(agent, await totpCode(clerk.secret))
    expect(right.status).toBe(303)
    expect(right.headers.location).toBe('/staff/reports')
    expect((await agent.get('/staff/reports')).status).toBe(200)
  })

  it('refuses a code that was already used, and takes the next one', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const code = await totpCode(clerk.secret)
    const first = request.agent(ctx.app)
    await enterPassword(first, clerk.email, clerk.password)
    expect((await enterCode(first, code)).status).toBe(303)

    const second = request.agent(ctx.app)
    await enterPassword(second, clerk.email, clerk.password)
    const reused = await enterCode(second, code)
    expect(reused.status).toBe(400)
    expect((await second.get('/account')).status).toBe(302)

    advanceClock(STEP)
    expect((await enterCode(second, await totpCode(clerk.secret))).status).toBe(303)
    expect((await second.get('/account')).status).toBe(200)
  })

  it('lets only one of two sign-ins sent at the same moment use a code', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const [first, second] = [request.agent(ctx.app), request.agent(ctx.app)]
    await enterPassword(first, clerk.email, clerk.password)
    await enterPassword(second, clerk.email, clerk.password)
    const [firstPage, secondPage] = [await first.get('/login/code'), await second.get('/login/code')]
    const code = await totpCode(clerk.secret)

    const answers = await Promise.all([
      first
        .post('/login/code')
        .type('form')
        .send({ code, _csrf: csrfFrom(firstPage.text) }),
      second
        .post('/login/code')
        .type('form')
        .send({ code, _csrf: csrfFrom(secondPage.text) }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400])
    expect(answers.find((answer) => answer.status === 400)?.text).toContain(
      'Αυτός ο κωδικός έχει ήδη χρησιμοποιηθεί',
    )
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on', 'two-factor-code-reused'])
  })

  it('refuses the code used to set up the app', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    const secret = await enrolTwoFactor(agent)

    const other = request.agent(ctx.app)
    await enterPassword(other, clerk.email, clerk.password)
    expect((await enterCode(other, await totpCode(secret))).status).toBe(400)
  })

  it('accepts a code one step old or ahead (clock drift), but not two', async () => {
    const clerk = await enrolledClerk()
    advanceClock(10 * STEP)
    const agent = request.agent(ctx.app)
    await enterPassword(agent, clerk.email, clerk.password)
    const current = now().getTime()
    const twoBehind = await totpCode(clerk.secret, new Date(current - 2 * STEP))
    expect((await enterCode(agent, twoBehind)).status).toBe(400)
    const oneBehind = await totpCode(clerk.secret, new Date(current - STEP))
    expect((await enterCode(agent, oneBehind)).status).toBe(303)

    const other = request.agent(ctx.app)
    await enterPassword(other, clerk.email, clerk.password)
    const twoAhead = await totpCode(clerk.secret, new Date(current + 2 * STEP))
    expect((await enterCode(other, twoAhead)).status).toBe(400)
    const oneAhead = await totpCode(clerk.secret, new Date(current + STEP))
    expect((await enterCode(other, oneAhead)).status).toBe(303)
  })

  it('after five wrong codes asks for the password again', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const agent = request.agent(ctx.app)
    await enterPassword(agent, clerk.email, clerk.password)
    for (let i = 0; i < 4; i += 1) expect((await enterCode(agent, '000000')).status).toBe(400)
    const locked = await enterCode(agent, '000000')
    expect(locked.status).toBe(429)
    expect(locked.text).toContain('Δόθηκαν πάρα πολλοί λάθος κωδικοί')

    const page = await agent.get('/login/code')
    expect(page.status).toBe(302)
    expect(page.headers.location).toBe('/login')
  })

  it('after ten wrong codes in an hour refuses every code for the account until the hour is over', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    for (const _session of [1, 2]) {
      const agent = request.agent(ctx.app)
      await enterPassword(agent, clerk.email, clerk.password)
      for (let i = 0; i < 5; i += 1) await enterCode(agent, '000000')
    }

    const agent = request.agent(ctx.app)
    await enterPassword(agent, clerk.email, clerk.password)
    const refused = await enterCode(agent, await totpCode(clerk.secret))
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Δόθηκαν πάρα πολλοί λάθος κωδικοί για αυτόν τον λογαριασμό')
    expect((await agent.get('/account')).status).toBe(302)

    advanceClock(60 * 60 * 1000)
    const later = request.agent(ctx.app)
    await enterPassword(later, clerk.email, clerk.password)
    expect((await enterCode(later, await totpCode(clerk.secret))).status).toBe(303)
    expect((await ctx.db('staff_totp').where({ user_id: clerk.id }).first()).failed_codes).toBe(0)
  })

  it('gives five minutes to type the code', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const agent = request.agent(ctx.app)
    await enterPassword(agent, clerk.email, clerk.password)
    const page = await agent.get('/login/code')
    advanceClock(5 * 60 * 1000 + 1000)
    const late = await agent
      .post('/login/code')
      .type('form')
      .send({ code: await totpCode(clerk.secret), _csrf: csrfFrom(page.text) })
    expect(late.status).toBe(303)
    expect(late.headers.location).toBe('/login')
    expect((await agent.get('/account')).status).toBe(302)
  })

  it('does not ask residents for a code', async () => {
    const citizen = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    const response = await enterPassword(agent, citizen.email, citizen.password)
    expect(response.headers.location).toBe('/account')
  })

  it('gives a new session id once the code is right', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const agent = request.agent(ctx.app)
    const password = await enterPassword(agent, clerk.email, clerk.password)
    const held = password.headers['set-cookie']?.[0]
    const right = await enterCode(agent, await totpCode(clerk.secret))
    expect(right.headers['set-cookie']?.[0]).toBeDefined()
    expect(right.headers['set-cookie']?.[0]?.split(';')[0]).not.toBe(held?.split(';')[0])
  })
})

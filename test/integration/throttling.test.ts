import { Router } from 'express'
import pino from 'pino'
import request from 'supertest'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { throttleCodeLookup, throttlePasswordReset } from '../../src/features/throttling/middleware'
import { limitCodeLookup, startLoginAttempt } from '../../src/features/throttling/service'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, startTestApp, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'

const START = new Date('2026-12-03T08:00:00Z')
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const WRONG = 'not the password at all'

let ctx: TestContext

/** Routes that stand in for the password-reset and fine look-up pages that come later. */
function mountLaterRoutes(router: Router): void {
  router.post(
    '/test/password-reset',
    throttlePasswordReset(ctx.db, (_req, res, errors) => res.send(`reset form: ${errors[0]!.text}`)),
    (_req, res) => res.send('reset link sent'),
  )
  router.get(
    '/test/fine-lookup',
    throttleCodeLookup(ctx.db, 'fine', 'fineNumber', (_req, res, errors) =>
      res.send(`lookup form: ${errors[0]!.field} ${errors[0]!.text}`),
    ),
    (_req, res) => res.send('fine found'),
  )
}

beforeAll(async () => {
  const later = Router()
  ctx = await startTestApp(later)
  mountLaterRoutes(later)
  // Tests stand behind a proxy so that each request can say which network it comes from.
  ctx.app.set('trust proxy', true)
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(START)
})
afterEach(() => setClock(null))

/** A sign-in form opened from one network; returns a function that sends it. */
async function loginFrom(ip: string, app = ctx.app) {
  const agent = request.agent(app)
  const page = await agent.get('/login').set('X-Forwarded-For', ip)
  const csrf = csrfFrom(page.text)
  return (email: string, password: string) =>
    agent.post('/login').set('X-Forwarded-For', ip).type('form').send({ email, password, _csrf: csrf })
}

/** The message of the error summary. */
function summary(html: string): string {
  return (/<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '')
    .replace(/<[^>]+>|\s+/g, ' ')
    .trim()
}

async function failTimes(
  send: (email: string, password: string) => Promise<request.Response>,
  email: string,
  n: number,
) {
  for (let i = 0; i < n; i += 1) {
    const response = await send(email, WRONG)
    expect(response.status).toBe(401)
  }
}

describe('throttling sign-in', () => {
  it('makes the sixth attempt in a row wait, says how long, and does not check the password meanwhile', async () => {
    const user = await createUser(ctx.db)
    const send = await loginFrom('203.0.113.10')
    await failTimes(send, user.email, 5)

    const sixth = await send(user.email, user.password)
    expect(sixth.status).toBe(429)
    expect(sixth.headers['retry-after']).toBe('1')
    expect(sixth.text).toContain('<title>Πρόβλημα:')
    expect(summary(sixth.text)).toBe(
      'Έγιναν πάρα πολλές ανεπιτυχείς προσπάθειες σύνδεσης. Για την ασφάλειά σας, περιμένετε 1 δευτερόλεπτο και δοκιμάστε ξανά.',
    )
    expect(sixth.text).toContain(`value="${user.email}"`)
    expect(sixth.text).toContain('action="/login"')

    advanceClock(1 * SECOND)
    expect((await send(user.email, WRONG)).status).toBe(401)
    const seventh = await send(user.email, WRONG)
    expect(seventh.status).toBe(429)
    expect(summary(seventh.text)).toContain('περιμένετε 2 δευτερόλεπτα')

    advanceClock(2 * SECOND)
    const right = await send(user.email, user.password)
    expect(right.status).toBe(302)
    expect(right.headers.location).toBe('/account')
  })

  it('counts an unknown e-mail address like a known one, so the answer reveals nothing', async () => {
    const send = await loginFrom('203.0.113.10')
    await failTimes(send, 'nobody@example.org', 5)

    const sixth = await send('NoBody@Example.org', WRONG)
    expect(sixth.status).toBe(429)
    expect(summary(sixth.text)).toContain('περιμένετε 1 δευτερόλεπτο')
  })

  it('does not make another network wait for one network’s failures', async () => {
    const user = await createUser(ctx.db)
    const attacker = await loginFrom('198.51.100.66')
    await failTimes(attacker, user.email, 5)
    expect((await attacker(user.email, user.password)).status).toBe(429)

    const owner = await loginFrom('203.0.113.10')
    expect((await owner(user.email, WRONG)).status).toBe(401)
    expect((await owner(user.email, user.password)).status).toBe(302)
  })

  it('forgets a network’s failures once the right password comes from it', async () => {
    const user = await createUser(ctx.db)
    const send = await loginFrom('203.0.113.10')
    await failTimes(send, user.email, 5)
    advanceClock(1 * SECOND)
    expect((await send(user.email, user.password)).status).toBe(302)

    const again = await loginFrom('203.0.113.10')
    await failTimes(again, user.email, 5)
    expect((await again(user.email, WRONG)).status).toBe(429)
  })

  it('forgets the failures of a network an hour after the latest one', async () => {
    const user = await createUser(ctx.db)
    const send = await loginFrom('203.0.113.10')
    await failTimes(send, user.email, 5)

    advanceClock(1 * HOUR)
    await failTimes(send, user.email, 5)
    expect((await send(user.email, WRONG)).status).toBe(429)
  })

  it('refuses the 101st failed attempt of an hour even with the right password, until the hour has passed', async () => {
    const user = await createUser(ctx.db)
    const known = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']
    for (const ip of known) expect((await (await loginFrom(ip))(user.email, user.password)).status).toBe(302)
    for (let i = 1; i <= 16; i += 1) await failTimes(await loginFrom(`192.0.2.${i}`), user.email, 5)
    for (const ip of known) await failTimes(await loginFrom(ip), user.email, 5)

    advanceClock(5 * MINUTE)
    for (const ip of [known[0]!, '198.51.100.7']) {
      const refused = await (await loginFrom(ip))(user.email, user.password)
      expect(refused.status).toBe(429)
      expect(refused.headers['retry-after']).toBe(String(55 * 60))
      expect(summary(refused.text)).toContain('περιμένετε 55 λεπτά')
    }

    advanceClock(55 * MINUTE)
    expect((await (await loginFrom('198.51.100.7'))(user.email, user.password)).status).toBe(302)
  })

  it('keeps the last 20 attempts of the hour for networks the account has signed in from', async () => {
    const user = await createUser(ctx.db)
    const home = '203.0.113.10'
    expect((await (await loginFrom(home))(user.email, user.password)).status).toBe(302)

    advanceClock(1 * MINUTE)
    for (let i = 1; i <= 16; i += 1) await failTimes(await loginFrom(`192.0.2.${i}`), user.email, 5)
    const stranger = await loginFrom('198.51.100.7')
    expect((await stranger(user.email, user.password)).status).toBe(429)

    const owner = await loginFrom(home)
    expect((await owner(user.email, user.password)).status).toBe(302)
  })

  it('caps failed attempts from one network across many accounts', async () => {
    for (let i = 0; i < 100; i += 1) {
      expect((await startLoginAttempt(ctx.db, `person${i}@example.org`, '198.51.100.66')).allowed).toBe(true)
    }
    expect(await startLoginAttempt(ctx.db, 'person100@example.org', '198.51.100.66')).toEqual({
      allowed: false,
      limit: 'login-network',
      retryAfterSeconds: 3600,
    })
    expect((await startLoginAttempt(ctx.db, 'person100@example.org', '198.51.100.67')).allowed).toBe(true)
  })

  it('lets no attempt past a limit when many arrive at the same moment', async () => {
    const sameNetwork = await Promise.all(
      Array.from({ length: 10 }, () => startLoginAttempt(ctx.db, 'maria@example.org', '203.0.113.10')),
    )
    expect(sameNetwork.filter((verdict) => verdict.allowed)).toHaveLength(5)

    const manyNetworks = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        startLoginAttempt(ctx.db, 'eleni@example.org', `10.0.${Math.floor(i / 100)}.${i % 100}`),
      ),
    )
    expect(manyNetworks.filter((verdict) => verdict.allowed)).toHaveLength(80)
  })

  it('says how long to wait in English when English was chosen', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await agent.get('/language/en?next=/login')
    const page = await agent.get('/login')
    const send = (password: string) =>
      agent
        .post('/login')
        .type('form')
        .send({ email: user.email, password, _csrf: csrfFrom(page.text) })
    for (let i = 0; i < 5; i += 1) expect((await send(WRONG)).status).toBe(401)

    const refused = await send(WRONG)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('<title>Error:')
    expect(summary(refused.text)).toBe(
      'There have been too many unsuccessful attempts to sign in. For your security, wait 1 second and try again.',
    )
  })

  it('logs the refusal at warn with a pseudonym of the e-mail address, never the address', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) })
    const config = loadConfig({ ...process.env, DATA_DIR: '/tmp/mytilene-test-data' })
    const app = createApp({ config, db: ctx.db, logger })
    app.set('trust proxy', true)
    const send = await loginFrom('203.0.113.10', app)
    await failTimes(send, 'Maria.P@Example.org', 5)
    await send('Maria.P@Example.org', WRONG)

    const throttled = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'throttled')
    expect(throttled).toHaveLength(1)
    expect(throttled[0]).toMatchObject({
      level: 40,
      action: 'login',
      limit: 'login-delay',
      ip: '203.0.113.10',
    })
    expect(throttled[0].account).toMatch(/^[0-9a-f]{12}$/)
    expect(lines.join('\n').toLowerCase()).not.toContain('maria.p@example.org')
  })
})

describe('throttling registration', () => {
  const registration = (email: string) => ({
    fullName: 'Ελένη Δοκιμή',
    email,
    password: 'μια μεγάλη ελληνική φράση',
    terms: 'yes',
  })

  it('refuses the 21st registration form from one network in an hour and keeps what was typed', async () => {
    const agent = request.agent(ctx.app)
    const page = await agent.get('/register').set('X-Forwarded-For', '203.0.113.10')
    const send = (fields: Record<string, string>) =>
      agent
        .post('/register')
        .set('X-Forwarded-For', '203.0.113.10')
        .type('form')
        .send({ ...fields, _csrf: csrfFrom(page.text) })
    for (let i = 0; i < 20; i += 1) expect((await send({ email: `typo${i}` })).status).toBe(400)

    const refused = await send(registration('eleni@example.gr'))
    expect(refused.status).toBe(429)
    expect(summary(refused.text)).toBe(
      'Στάλθηκαν πάρα πολλές εγγραφές από τη σύνδεσή σας ή για αυτή τη διεύθυνση e-mail. Περιμένετε 60 λεπτά και δοκιμάστε ξανά.',
    )
    expect(refused.text).toContain('value="Ελένη Δοκιμή"')
    expect(await ctx.db('users').count({ n: '*' })).toEqual([{ n: 0 }])

    advanceClock(1 * HOUR)
    expect((await send(registration('eleni@example.gr'))).status).toBe(303)
  })

  it('refuses a sixth registration for one e-mail address in an hour, from any network', async () => {
    for (let i = 1; i <= 5; i += 1) {
      const agent = request.agent(ctx.app)
      const page = await agent.get('/register')
      const response = await agent
        .post('/register')
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .type('form')
        .send({ email: 'Target@Example.org', _csrf: csrfFrom(page.text) })
      expect(response.status).toBe(400)
    }
    const agent = request.agent(ctx.app)
    const page = await agent.get('/register')
    const sixth = await agent
      .post('/register')
      .set('X-Forwarded-For', '192.0.2.99')
      .type('form')
      .send({ ...registration('target@example.org'), _csrf: csrfFrom(page.text) })
    expect(sixth.status).toBe(429)
  })
})

describe('throttling password reset requests', () => {
  it('refuses a sixth request for one e-mail address in an hour', async () => {
    const agent = request.agent(ctx.app)
    const csrf = csrfFrom((await agent.get('/login')).text)
    const ask = (email: string) =>
      agent.post('/test/password-reset').type('form').send({ email, _csrf: csrf })
    for (let i = 0; i < 5; i += 1) expect((await ask('maria@example.org')).text).toBe('reset link sent')

    const refused = await ask('MARIA@example.org')
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('3600')
    expect(refused.text).toBe(
      'reset form: Στάλθηκαν πάρα πολλά αιτήματα επαναφοράς κωδικού. Περιμένετε 60 λεπτά και δοκιμάστε ξανά.',
    )
    expect((await ask('someone.else@example.org')).status).toBe(200)
  })
})

describe('throttling look-ups by code', () => {
  it('allows 30 look-ups in 15 minutes from one network, then says how long to wait', async () => {
    for (let i = 0; i < 30; i += 1) {
      expect((await limitCodeLookup(ctx.db, 'fine', { ip: '203.0.113.10' })).allowed).toBe(true)
    }
    advanceClock(5 * MINUTE)
    expect(await limitCodeLookup(ctx.db, 'fine', { ip: '203.0.113.10' })).toEqual({
      allowed: false,
      limit: 'lookup-network',
      retryAfterSeconds: 600,
    })

    advanceClock(10 * MINUTE)
    expect((await limitCodeLookup(ctx.db, 'fine', { ip: '203.0.113.10' })).allowed).toBe(true)
  })

  it('counts each network, each signed-in user and each kind of look-up on its own', async () => {
    for (let i = 0; i < 30; i += 1) {
      const ip = `192.0.2.${i + 1}`
      expect((await limitCodeLookup(ctx.db, 'fine', { ip, userId: 7 })).allowed).toBe(true)
    }
    const sameUser = await limitCodeLookup(ctx.db, 'fine', { ip: '198.51.100.1', userId: 7 })
    expect(sameUser).toMatchObject({ allowed: false, limit: 'lookup-user' })
    expect((await limitCodeLookup(ctx.db, 'fine', { ip: '198.51.100.1', userId: 8 })).allowed).toBe(true)
    expect((await limitCodeLookup(ctx.db, 'fine', { ip: '198.51.100.1' })).allowed).toBe(true)
    expect((await limitCodeLookup(ctx.db, 'certificate', { ip: '198.51.100.1', userId: 7 })).allowed).toBe(
      true,
    )
  })

  it('answers 429 with the look-up form and a message pointing at its field', async () => {
    const agent = request.agent(ctx.app)
    for (let i = 0; i < 30; i += 1) expect((await agent.get('/test/fine-lookup')).text).toBe('fine found')

    const refused = await agent.get('/test/fine-lookup')
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('900')
    expect(refused.text).toBe(
      'lookup form: fineNumber Κάνατε πάρα πολλές αναζητήσεις σε λίγο χρόνο. Περιμένετε 15 λεπτά και δοκιμάστε ξανά.',
    )
  })
})

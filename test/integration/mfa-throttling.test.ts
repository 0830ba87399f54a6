import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { recordRightCode, startCodeAttempt } from '../../src/features/throttling/service'
import {
  csrfFrom,
  signIn,
  startTestApp,
  submitForm,
  useEnglish,
  type Agent,
  type TestContext,
} from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { enrolTwoFactor, totpCode } from '../helpers/totp'

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
  advanceClock(STEP)
  return { ...clerk, secret }
}

async function enterPassword(agent: Agent, email: string, password: string) {
  const page = await agent.get('/login')
  return agent
    .post('/login')
    .type('form')
    .send({ email, password, _csrf: csrfFrom(page.text) })
}

async function enterCode(agent: Agent, code: string) {
  return submitForm(agent, '/login/code', '/login/code', { code })
}

async function codeCounters() {
  return ctx.db('throttle_counters').where('key', 'like', 'code-%').orderBy('key').select('key', 'hits')
}

describe('throttling the code of two-factor sign-in', () => {
  it('counts wrong codes in the shared counters and makes the sixth in a row wait, saying how long', async () => {
    const clerk = await enrolledClerk()
    const first = request.agent(ctx.app)
    await enterPassword(first, clerk.email, clerk.password)
    for (let i = 0; i < 5; i += 1) await enterCode(first, '000000')

    const counters = await codeCounters()
    expect(counters.map((row) => row.key.split(':')[0])).toEqual([
      'code-account',
      'code-network',
      'code-pair',
    ])
    expect(counters.every((row) => Number(row.hits) === 5)).toBe(true)
    expect(counters.every((row) => /^code-[a-z]+:[0-9a-f]{40}$/.test(row.key))).toBe(true)

    const second = request.agent(ctx.app)
    await enterPassword(second, clerk.email, clerk.password)
    const refused = await enterCode(second, await totpCode(clerk.secret))
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('1')
    expect(refused.text).toContain('περιμένετε 1 δευτερόλεπτο')
    expect(refused.text).toContain('href="#field-code"')
    expect((await second.get('/account')).status).toBe(302)
    // A refused code is not checked, so it neither counts as wrong nor uses up the code.
    expect((await ctx.db('staff_totp').where({ user_id: clerk.id }).first()).failed_codes).toBe(5)

    advanceClock(1000)
    const right = await enterCode(second, await totpCode(clerk.secret))
    expect(right.status).toBe(303)
    expect((await second.get('/account')).status).toBe(200)
    const after = await codeCounters()
    expect(after.map((row) => [row.key.split(':')[0], Number(row.hits)])).toEqual([
      ['code-account', 5],
      ['code-network', 5],
    ])
  })

  it('doubles the wait with each further wrong code', async () => {
    const clerk = await enrolledClerk()
    const agent = request.agent(ctx.app)
    await enterPassword(agent, clerk.email, clerk.password)
    for (let i = 0; i < 4; i += 1) await enterCode(agent, '000000')
    const fifth = await enterCode(agent, '000000')
    expect(fifth.status).toBe(429)

    const again = request.agent(ctx.app)
    await enterPassword(again, clerk.email, clerk.password)
    advanceClock(1000)
    expect((await enterCode(again, '000000')).status).toBe(400)
    const waiting = await enterCode(again, '000000')
    expect(waiting.status).toBe(429)
    expect(waiting.headers['retry-after']).toBe('2')
  })

  it('says how long to wait in English when English was chosen', async () => {
    const clerk = await enrolledClerk()
    const agent = request.agent(ctx.app)
    await useEnglish(agent)
    await enterPassword(agent, clerk.email, clerk.password)
    for (let i = 0; i < 5; i += 1) await enterCode(agent, '000000')
    await enterPassword(agent, clerk.email, clerk.password)
    const refused = await enterCode(agent, '000000')
    expect(refused.status).toBe(429)
    expect(refused.text).toContain(
      'Too many wrong codes were entered for this account. For its security, wait 1 second',
    )
  })
})

describe('the counters of the code step', () => {
  it('allow an account 10 wrong codes an hour from any networks, then refuse until the hour is over', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    for (let i = 1; i <= 10; i += 1) {
      expect(await startCodeAttempt(ctx.db, clerk.id, `198.51.100.${i}`)).toEqual({ allowed: true })
    }
    const refused = await startCodeAttempt(ctx.db, clerk.id, '203.0.113.9')
    expect(refused).toEqual({ allowed: false, limit: 'code-account', retryAfterSeconds: 3600 })

    const other = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    expect(await startCodeAttempt(ctx.db, other.id, '203.0.113.9')).toEqual({ allowed: true })

    advanceClock(60 * 60 * 1000)
    expect(await startCodeAttempt(ctx.db, clerk.id, '203.0.113.9')).toEqual({ allowed: true })
  })

  it('give a right code back, so that the owner is not counted against', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    for (let i = 1; i <= 10; i += 1) {
      await startCodeAttempt(ctx.db, clerk.id, `198.51.100.${i}`)
      await recordRightCode(ctx.db, clerk.id, `198.51.100.${i}`)
    }
    expect(await startCodeAttempt(ctx.db, clerk.id, '203.0.113.9')).toEqual({ allowed: true })
  })

  it('cap one network at 50 wrong codes an hour across accounts', async () => {
    for (let i = 0; i < 50; i += 1) {
      const verdict = await startCodeAttempt(ctx.db, 1000 + i, '192.0.2.7')
      expect(verdict.allowed).toBe(true)
    }
    const refused = await startCodeAttempt(ctx.db, 2000, '192.0.2.7')
    expect(refused).toMatchObject({ allowed: false, limit: 'code-network' })
    expect(await startCodeAttempt(ctx.db, 2000, '192.0.2.8')).toEqual({ allowed: true })
  })
})

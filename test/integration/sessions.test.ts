import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser, firstCategoryId, firstDistrictCode } from '../helpers/factories'

const START = new Date('2026-12-03T08:00:00Z')
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

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
    const form = await agent.get('/reports/new')

    advanceClock(45 * MINUTE)
    const response = await agent
      .post('/reports/new')
      .type('form')
      .send({
        kind: 'report',
        categoryId: String(await firstCategoryId(ctx.db)),
        title: 'Σπασμένο φανάρι',
        description: 'Δεν ανάβει από χθες.',
        address: 'Ερμού 10',
        district: await firstDistrictCode(ctx.db),
        _csrf: csrfFrom(form.text),
      })

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

// With STAFF_MFA=required (the production default), staff set up two-factor sign-in before any staff page.
import request from 'supertest'
import { setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { secretFrom, totpCode } from '../helpers/totp'

let ctx: TestContext
const previous = process.env.STAFF_MFA

beforeAll(async () => {
  process.env.STAFF_MFA = 'required'
  ctx = await startTestApp()
})
afterAll(async () => {
  process.env.STAFF_MFA = previous
  await ctx.close()
})
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-03T09:00:05Z'))
})
afterEach(() => setClock(null))

describe('STAFF_MFA=required', () => {
  it('sends a clerk without an authenticator app to set one up before the reports queue', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)

    const queue = await agent.get('/staff/reports')
    expect(queue.status).toBe(303)
    expect(queue.headers.location).toBe('/account/two-factor?next=%2Fstaff%2Freports')
    const setUp = await agent.get(String(queue.headers.location))
    expect(setUp.status).toBe(200)
    expect(setUp.text).toContain('Οι σελίδες υπαλλήλων απαιτούν σύνδεση σε δύο βήματα')
    expect(setUp.text).not.toContain('Όχι τώρα')
    expect((await agent.get('/staff/reports/MYT-2026-00001')).status).toBe(303)

    const confirmed = await agent
      .post('/account/two-factor')
      .type('form')
      .send({
        code: await totpCode(secretFrom(setUp.text)),
        next: '/staff/reports',
        _csrf: csrfFrom(setUp.text),
      })
    expect(confirmed.status).toBe(303)
    const done = await agent.get(String(confirmed.headers.location))
    expect(done.text).toContain('<a href="/staff/reports" class="button">')
    expect((await agent.get('/staff/reports')).status).toBe(200)
  })

  it('applies to the administration pages too, and to a resident given a staff role while signed in', async () => {
    const admin = await createUser(ctx.db, { roles: ['citizen', 'admin'] })
    const adminAgent = request.agent(ctx.app)
    await signIn(adminAgent, admin.email, admin.password)
    expect((await adminAgent.get('/staff/admin/users')).status).toBe(303)
    expect((await adminAgent.get('/staff/audit')).status).toBe(303)

    const citizen = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, citizen.email, citizen.password)
    expect((await agent.get('/staff/reports')).status).toBe(404)
    await ctx.db('user_roles').insert({ user_id: citizen.id, role: 'clerk' })
    expect((await agent.get('/staff/reports')).status).toBe(303)
  })

  it('leaves residents and signed-out visitors alone', async () => {
    const citizen = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, citizen.email, citizen.password)
    expect((await agent.get('/reports')).status).toBe(200)
    expect((await agent.get('/account')).status).toBe(200)
    expect((await request(ctx.app).get('/staff/reports')).status).toBe(302)
  })
})

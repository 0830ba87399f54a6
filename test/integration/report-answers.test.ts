import request from 'supertest'
import { referenceFrom, signIn, startTestApp, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { fileReportThroughJourney } from '../helpers/filing'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function signedIn(roles?: ('citizen' | 'clerk')[]) {
  const user = await createUser(ctx.db, roles ? { roles } : {})
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

describe("answers to a category's questions", () => {
  it('are shown to the author and to staff, and never in public', async () => {
    const author = await signedIn()
    const sent = await fileReportThroughJourney(author.agent, ctx.db, {
      category: 'bin_full_damaged',
      answers: { q_bin_type: 'recycling', q_damaged: 'yes' },
      showName: 'no',
    })
    expect(sent.status).toBe(303)
    const reference = referenceFrom(sent)

    const own = await author.agent.get(`/reports/${reference}`)
    expect(own.status).toBe(200)
    expect(own.text).toContain('Τι κάδος είναι;')
    expect(own.text).toContain('Ανακύκλωσης (μπλε)')

    const clerk = await signedIn(['citizen', 'clerk'])
    const staff = await clerk.agent.get(`/staff/reports/${reference}`)
    expect(staff.status).toBe(200)
    expect(staff.text).toContain('Ανακύκλωσης (μπλε)')

    const shown = await request(ctx.app).get(`/public/reports/${reference}`)
    expect(shown.status).toBe(200)
    expect(shown.text).not.toContain('Ανακύκλωσης (μπλε)')
    expect(shown.text).not.toContain('Τι κάδος είναι;')
  })
})

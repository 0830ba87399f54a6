import request from 'supertest'
import { referenceFrom, signIn, startTestApp, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { categoryIdOf, fileReportThroughJourney, fillDraft, postStep } from '../helpers/filing'

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

describe('a category whose questions change while a resident files', () => {
  it('asks a newly required question again before sending', async () => {
    const author = await signedIn()
    const check = await fillDraft(author.agent, ctx.db, { category: 'pothole' })
    expect(check.status).toBe(200)
    const pothole = await categoryIdOf(ctx.db, 'pothole')
    await ctx
      .db('categories')
      .where({ id: pothole })
      .update({
        questions: JSON.stringify([
          {
            key: 'depth',
            label_el: 'Πόσο βαθιά είναι;',
            label_en: 'How deep is it?',
            type: 'text',
            required: true,
          },
        ]),
      })
    const again = await author.agent.get('/reports/new/check')
    expect(again.status).toBe(303)
    expect(again.headers.location).toBe('/reports/new/questions')
    expect(
      (await postStep(author.agent, '/reports/new/questions', { q_depth: 'Περίπου 10 εκ.' })).status,
    ).toBe(303)
    expect((await author.agent.get('/reports/new/check')).text).toContain('Περίπου 10 εκ.')
  })

  it('reads an answer only from what was typed, even under a key such as "constructor"', async () => {
    const author = await signedIn()
    const pothole = await categoryIdOf(ctx.db, 'pothole')
    await ctx
      .db('categories')
      .where({ id: pothole })
      .update({
        questions: JSON.stringify([
          {
            key: 'constructor',
            label_el: 'Κάτι ακόμη;',
            label_en: 'Anything else?',
            type: 'text',
            required: false,
          },
        ]),
      })
    const check = await fillDraft(author.agent, ctx.db, { category: 'pothole', answers: {} })
    expect(check.status).toBe(200)
    expect(check.text).not.toContain('native code')
  })
})

// Drafts of reports that nobody has changed for a week are deleted with their photos, and their
// owner is told why they start again.
import request from 'supertest'
import { expireDrafts } from '../../src/features/reports/filing-service'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, useEnglish, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { fillDraft, postStep, submissionKeyFrom, uploadPhoto } from '../helpers/filing'
import { pngPhoto } from '../helpers/photos'

const START = new Date('2026-12-03T08:00:00Z')
const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE

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

/** A resident signed in now; signing in again after days away gives a fresh session. */
async function resident() {
  const user = await createUser(ctx.db)
  const signInAgain = async () => {
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    return agent
  }
  return { user, agent: await signInAgain(), signInAgain }
}

const draftOf = (userId: number) => ctx.db('report_drafts').where({ user_id: userId }).first()
const photosOf = async (userId: number) =>
  Number((await ctx.db('report_draft_photos').where({ user_id: userId }).count({ n: '*' }))[0]!.n)

describe('drafts left alone', () => {
  it('are deleted with their photos a week after their last change, and not before', async () => {
    const early = await resident()
    await fillDraft(early.agent, ctx.db, { title: 'Προσχέδιο που ξεχάστηκε' })
    await uploadPhoto(early.agent, await pngPhoto())
    const busy = await resident()
    await fillDraft(busy.agent, ctx.db)

    advanceClock(3 * DAY)
    const busyAgain = await busy.signInAgain()
    expect((await uploadPhoto(busyAgain, await pngPhoto())).status).toBe(303)

    advanceClock(4 * DAY - MINUTE)
    expect(await expireDrafts(ctx.db)).toBe(0)
    expect(await draftOf(early.user.id)).toBeDefined()

    advanceClock(2 * MINUTE)
    expect(await expireDrafts(ctx.db)).toBe(1)
    expect(await draftOf(early.user.id)).toBeUndefined()
    expect(await photosOf(early.user.id)).toBe(0)
    expect(await draftOf(busy.user.id)).toBeDefined()
    expect(await photosOf(busy.user.id)).toBe(1)

    advanceClock(3 * DAY)
    expect(await expireDrafts(ctx.db)).toBe(1)
    expect(await ctx.db('report_drafts').count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await ctx.db('report_draft_photos').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('send their owner, on any step, back to the start with a message said once', async () => {
    const { user, agent, signInAgain } = await resident()
    await fillDraft(agent, ctx.db)
    advanceClock(8 * DAY)
    await expireDrafts(ctx.db)

    const back = await signInAgain()
    const step = await back.get('/reports/new/location')
    expect(step.status).toBe(303)
    expect(step.headers.location).toBe('/reports/new/kind')
    const start = await back.get('/reports/new/kind')
    expect(start.status).toBe(200)
    expect(start.text).toContain('Το προσχέδιό σας διαγράφηκε')
    expect(start.text).toContain('δεν άλλαξε για 7 ημέρες (τελευταία αλλαγή: 3 Δεκεμβρίου 2026 στις 10:00)')
    expect(await axeViolations(start.text)).toEqual([])
    expect((await back.get('/reports/new/kind')).text).not.toContain('Το προσχέδιό σας διαγράφηκε')
    expect(await draftOf(user.id)).toBeUndefined()
  })

  it('answer the check page sent after the draft went with the first step and the message in English', async () => {
    const { agent, signInAgain } = await resident()
    await useEnglish(agent)
    const check = await fillDraft(agent, ctx.db)
    const key = submissionKeyFrom(check.text)
    advanceClock(8 * DAY)
    await expireDrafts(ctx.db)

    const back = await signInAgain()
    await useEnglish(back)
    const list = await back.get('/reports')
    const sent = await back
      .post('/reports/new/check')
      .type('form')
      .send({ submissionKey: key, _csrf: csrfFrom(list.text) })
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe('/reports/new/kind')
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])
    const page = await back.get(String(sent.headers.location))
    expect(page.text).toContain('Your draft was deleted')
    expect(page.text).toContain('had not been changed for 7 days (last changed on 3 December 2026 at 10:00)')
    expect(await axeViolations(page.text)).toEqual([])

    expect((await postStep(back, '/reports/new/kind', { kind: 'report' })).headers.location).toBe(
      '/reports/new/category',
    )
  })

  it('forget, after a month, whose draft went', async () => {
    const { user, agent } = await resident()
    await fillDraft(agent, ctx.db)
    advanceClock(8 * DAY)
    await expireDrafts(ctx.db)
    expect(await ctx.db('report_draft_expiries').where({ user_id: user.id })).toHaveLength(1)
    advanceClock(31 * DAY)
    await expireDrafts(ctx.db)
    expect(await ctx.db('report_draft_expiries').where({ user_id: user.id })).toHaveLength(0)
  })
})

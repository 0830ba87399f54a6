// Photos for reports and the sending of reports are limited per account and per network.
import request from 'supertest'
import { limitReportPhotos, limitReportSending } from '../../src/features/throttling/service'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, useEnglish, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { fillDraft, submissionKeyFrom, uploadPhoto } from '../helpers/filing'
import { pngPhoto } from '../helpers/photos'

const START = new Date('2026-12-03T08:00:00Z')
const MINUTE = 60 * 1000

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

async function resident() {
  const user = await createUser(ctx.db)
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

function summary(html: string): string {
  return (/<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '')
    .replace(/<[^>]+>|\s+/g, ' ')
    .trim()
}

/** Lets time pass while the resident keeps the page open and active, so the session stays. */
async function waitActively(agent: request.Agent, minutes: number) {
  for (let left = minutes; left > 0; left -= 15) {
    advanceClock(Math.min(left, 15) * MINUTE)
    await agent.get('/reports')
  }
}

const NOT_A_PHOTO = Buffer.from('only words, not a photo at all')

describe('photos for a report', () => {
  it('are refused after 30 in an hour from one account, saying how long to wait, in either language', async () => {
    const { agent } = await resident()
    await fillDraft(agent, ctx.db)
    for (let i = 0; i < 30; i += 1) {
      expect((await uploadPhoto(agent, NOT_A_PHOTO)).status).toBe(400)
    }

    const refused = await uploadPhoto(agent, await pngPhoto())
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('3600')
    expect(summary(refused.text)).toBe(
      'Στείλατε πάρα πολλές φωτογραφίες σε λίγο χρόνο. Περιμένετε 60 λεπτά και δοκιμάστε ξανά.',
    )
    expect(refused.text).toContain('href="#field-photo"')
    expect(await axeViolations(refused.text)).toEqual([])
    expect(await ctx.db('report_draft_photos').count({ n: '*' })).toEqual([{ n: 0 }])

    await waitActively(agent, 45)
    await useEnglish(agent)
    const english = await uploadPhoto(agent, await pngPhoto())
    expect(english.status).toBe(429)
    expect(summary(english.text)).toBe(
      'You have sent too many photos in a short time. Wait 15 minutes and try again.',
    )

    await waitActively(agent, 15)
    expect((await uploadPhoto(agent, await pngPhoto())).status).toBe(303)
    expect(await ctx.db('report_draft_photos').count({ n: '*' })).toEqual([{ n: 1 }])
  })

  it('are limited to 100 an hour from one network across accounts', async () => {
    const accounts = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(ctx.db)))
    for (const account of accounts.slice(0, 4)) {
      for (let i = 0; i < 25; i += 1) {
        expect(await limitReportPhotos(ctx.db, account.id, '203.0.113.7')).toEqual({ allowed: true })
      }
    }
    expect(await limitReportPhotos(ctx.db, accounts[4]!.id, '203.0.113.7')).toMatchObject({
      allowed: false,
      limit: 'photo-network',
    })
    expect(await limitReportPhotos(ctx.db, accounts[4]!.id, '198.51.100.20')).toEqual({ allowed: true })
  })
})

describe('sending reports', () => {
  it('is refused after 10 sendings in an hour from one account; the draft waits to be sent', async () => {
    const { agent } = await resident()
    const first = await fillDraft(agent, ctx.db)
    const fields = { submissionKey: submissionKeyFrom(first.text), _csrf: csrfFrom(first.text) }
    for (let i = 0; i < 10; i += 1) {
      expect((await agent.post('/reports/new/check').type('form').send(fields)).status).toBe(303)
    }
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 1 }])

    const second = await fillDraft(agent, ctx.db, { title: 'Δεύτερη αναφορά' })
    const send = () =>
      agent
        .post('/reports/new/check')
        .type('form')
        .send({ submissionKey: submissionKeyFrom(second.text), _csrf: csrfFrom(second.text) })
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('3600')
    expect(summary(refused.text)).toBe(
      'Στάλθηκαν πάρα πολλές αναφορές από τον λογαριασμό ή τη σύνδεσή σας σε λίγο χρόνο. ' +
        'Η αναφορά σας φυλάσσεται: περιμένετε 60 λεπτά και στείλτε τη ξανά.',
    )
    expect(refused.text).toContain('href="#send-report"')
    expect(refused.text).toContain('Δεύτερη αναφορά')
    expect(await axeViolations(refused.text)).toEqual([])
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 1 }])

    await waitActively(agent, 60)
    expect((await send()).status).toBe(303)
    expect(await ctx.db('reports').pluck('title')).toContain('Δεύτερη αναφορά')
  })

  it('is limited to 60 an hour from one network across accounts', async () => {
    const accounts = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => createUser(ctx.db)))
    for (const account of accounts.slice(0, 6)) {
      for (let i = 0; i < 10; i += 1) {
        expect(await limitReportSending(ctx.db, account.id, '2001:db8:1:2::7')).toEqual({ allowed: true })
      }
    }
    expect(await limitReportSending(ctx.db, accounts[6]!.id, '2001:db8:1:2::99')).toMatchObject({
      allowed: false,
      limit: 'send-network',
    })
    expect(await limitReportSending(ctx.db, accounts[6]!.id, '2001:db8:1:3::7')).toEqual({ allowed: true })
  })
})

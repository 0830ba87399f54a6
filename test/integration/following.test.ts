import request from 'supertest'
import { followersOf } from '../../src/features/reports/following'
import { csrfFrom, signIn, startTestApp, useEnglish, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function resident(options: { fullName?: string } = {}) {
  const user = await createUser(ctx.db, options)
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

/** Presses a button on the report's public page, as a resident would. */
async function press(agent: Agent, reference: string, action: 'follow' | 'unfollow') {
  const page = await agent.get(`/public/reports/${reference}`)
  return agent
    .post(`/public/reports/${reference}/${action}`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text) })
}

async function followerIds(reportId: number): Promise<number[]> {
  return (await ctx.db('report_followers').where({ report_id: reportId }).pluck('user_id')).map(Number)
}

describe('following a public report', () => {
  it('follows and unfollows from the report page; pressing twice changes nothing', async () => {
    const owner = await createUser(ctx.db)
    const report = await createReport(ctx.db, owner.id)
    const { user, agent } = await resident()

    const before = await agent.get(`/public/reports/${report.reference}`)
    expect(before.text).toContain('Κανείς δεν την παρακολουθεί ακόμη.')
    expect(before.text).toContain(`action="/public/reports/${report.reference}/follow"`)

    const followed = await press(agent, report.reference, 'follow')
    expect(followed.status).toBe(303)
    expect(followed.headers.location).toBe(`/public/reports/${report.reference}?notice=followed`)
    await press(agent, report.reference, 'follow')
    expect(await followerIds(report.id)).toEqual([user.id])

    const after = await agent.get(String(followed.headers.location))
    expect(after.text).toContain('Παρακολουθείτε την αναφορά. Θα λαμβάνετε e-mail')
    expect(after.text).toContain('Την παρακολουθεί 1 δημότης.')
    expect(after.text).toContain(`action="/public/reports/${report.reference}/unfollow"`)

    const unfollowed = await press(agent, report.reference, 'unfollow')
    expect(unfollowed.headers.location).toBe(`/public/reports/${report.reference}?notice=unfollowed`)
    const again = await press(agent, report.reference, 'unfollow')
    expect(again.status).toBe(303)
    expect(await followerIds(report.id)).toEqual([])
  })

  it('makes one follower of two presses at the same moment', async () => {
    const owner = await createUser(ctx.db)
    const report = await createReport(ctx.db, owner.id)
    const { user, agent } = await resident()
    const page = await agent.get(`/public/reports/${report.reference}`)
    const send = () =>
      agent
        .post(`/public/reports/${report.reference}/follow`)
        .type('form')
        .send({ _csrf: csrfFrom(page.text) })

    const responses = await Promise.all([send(), send(), send()])
    expect(responses.map((response) => response.status)).toEqual([303, 303, 303])
    expect(await followerIds(report.id)).toEqual([user.id])
  })

  it('offers a signed-out visitor to sign in and brings them back to the report', async () => {
    const owner = await createUser(ctx.db)
    const report = await createReport(ctx.db, owner.id)
    const follower = await createUser(ctx.db)

    const agent = request.agent(ctx.app)
    const page = await agent.get(`/public/reports/${report.reference}`)
    const next = encodeURIComponent(`/public/reports/${report.reference}`)
    expect(page.text).toContain(`href="/login?next=${next}"`)
    expect(page.text).not.toContain('name="_csrf"')

    const login = await agent.get(`/login?next=${next}`)
    const signedIn = await agent
      .post('/login')
      .type('form')
      .send({
        email: follower.email,
        password: follower.password,
        next: decodeURIComponent(next),
        _csrf: csrfFrom(login.text),
      })
    expect(signedIn.headers.location).toBe(`/public/reports/${report.reference}`)
  })

  it('answers 404 for a hidden or unknown report, to follow and to unfollow', async () => {
    const owner = await createUser(ctx.db)
    const visible = await createReport(ctx.db, owner.id)
    const hidden = await createReport(ctx.db, owner.id, { is_hidden: true })
    const { user, agent } = await resident()
    await ctx.db('report_followers').insert({ report_id: hidden.id, user_id: user.id })
    const page = await agent.get(`/public/reports/${visible.reference}`)
    const csrf = csrfFrom(page.text)

    for (const reference of [hidden.reference, 'MYT-2026-99999', 'not-a-reference']) {
      for (const action of ['follow', 'unfollow']) {
        const response = await agent
          .post(`/public/reports/${reference}/${action}`)
          .type('form')
          .send({ _csrf: csrf })
        expect({ reference, action, status: response.status }).toEqual({ reference, action, status: 404 })
      }
    }
    expect(await followerIds(hidden.id)).toEqual([user.id])
  })

  it('does not add the author, who already hears about every change', async () => {
    const { user, agent } = await resident()
    const report = await createReport(ctx.db, user.id)

    const page = await agent.get(`/public/reports/${report.reference}`)
    expect(page.text).toContain('Είναι δική σας αναφορά')
    expect(page.text).not.toContain(`/follow"`)

    const response = await agent
      .post(`/public/reports/${report.reference}/follow`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
    expect(response.headers.location).toBe(`/public/reports/${report.reference}?notice=own`)
    expect(await followerIds(report.id)).toEqual([])
  })

  it('refuses a follow without the CSRF token of a page', async () => {
    const owner = await createUser(ctx.db)
    const report = await createReport(ctx.db, owner.id)
    const { agent } = await resident()

    const response = await agent.post(`/public/reports/${report.reference}/follow`).type('form').send({})
    expect(response.status).toBe(403)
    expect(await followerIds(report.id)).toEqual([])
  })
})

describe('reports I follow', () => {
  it('lists them most recently followed first, 20 a page, without hidden ones, and can stop following', async () => {
    const owner = await createUser(ctx.db)
    const { user, agent } = await resident()
    const followed: string[] = []
    for (let i = 0; i < 22; i += 1) {
      const report = await createReport(ctx.db, owner.id)
      await ctx.db('report_followers').insert({
        report_id: report.id,
        user_id: user.id,
        created_at: new Date(Date.UTC(2026, 10, 1 + i)),
      })
      followed.unshift(report.reference)
    }
    const hidden = await createReport(ctx.db, owner.id, { is_hidden: true })
    await ctx.db('report_followers').insert({ report_id: hidden.id, user_id: user.id })
    const notMine = await createReport(ctx.db, owner.id)

    const first = await agent.get('/following')
    expect(first.status).toBe(200)
    expect(first.text).toContain('Παρακολουθείτε 22 αναφορές')
    const shown = (text: string) =>
      [...text.matchAll(/<a href="\/public\/reports\/(MYT-[\d-]+)">/g)].map((m) => m[1])
    expect(shown(first.text)).toEqual(followed.slice(0, 20))
    expect(first.text).not.toContain(hidden.reference)
    expect(first.text).not.toContain(notMine.reference)

    const second = await agent.get('/following?page=2')
    expect(shown(second.text)).toEqual(followed.slice(20))

    const stop = await agent
      .post(`/public/reports/${followed[21]}/unfollow`)
      .type('form')
      .send({ _csrf: csrfFrom(second.text), next: '/following?page=2' })
    expect(stop.headers.location).toBe('/following?page=2&notice=unfollowed')
    const after = await agent.get(String(stop.headers.location))
    expect(after.text).toContain('Δεν παρακολουθείτε πια την αναφορά.')
    expect(shown(after.text)).toEqual([followed[20]])

    const offSite = await agent
      .post(`/public/reports/${followed[0]}/unfollow`)
      .type('form')
      .send({ _csrf: csrfFrom(second.text), next: 'https://evil.example/' })
    expect(offSite.headers.location).toBe(`/public/reports/${followed[0]}?notice=unfollowed`)
  })

  it('says so when there are none, in English too, and needs signing in', async () => {
    const { agent } = await resident()
    await useEnglish(agent)
    const page = await agent.get('/following')
    expect(page.text).toContain('<h1 class="heading-xl">Reports I follow</h1>')
    expect(page.text).toContain('You do not follow any report.')

    const visitor = await request(ctx.app).get('/following')
    expect(visitor.status).toBe(302)
    expect(visitor.headers.location).toBe('/login?next=%2Ffollowing')
  })
})

describe('followersOf', () => {
  it('gives the active followers other than the author, in their language; none for a hidden report', async () => {
    const owner = await createUser(ctx.db)
    const report = await createReport(ctx.db, owner.id)
    const greek = await createUser(ctx.db, { fullName: 'Ελληνίδα Αναγνώστρια' })
    const english = await createUser(ctx.db, { fullName: 'English Reader' })
    const closed = await createUser(ctx.db)
    await ctx.db('users').where({ id: english.id }).update({ locale: 'en' })
    await ctx.db('users').where({ id: closed.id }).update({ is_active: false })
    for (const [userId, day] of [
      [greek.id, 1],
      [english.id, 2],
      [closed.id, 3],
      [owner.id, 4],
    ] as const) {
      await ctx.db('report_followers').insert({
        report_id: report.id,
        user_id: userId,
        created_at: new Date(Date.UTC(2026, 10, day)),
      })
    }

    expect(await followersOf(ctx.db, report.id)).toEqual([
      { userId: greek.id, email: greek.email, fullName: 'Ελληνίδα Αναγνώστρια', locale: 'el' },
      { userId: english.id, email: english.email, fullName: 'English Reader', locale: 'en' },
    ])

    await ctx.db.transaction(async (trx) => {
      expect(await followersOf(trx, report.id)).toHaveLength(2)
    })

    await ctx.db('reports').where({ id: report.id }).update({ is_hidden: true })
    expect(await followersOf(ctx.db, report.id)).toEqual([])
  })

  it('follows a report through the pages and then finds the follower', async () => {
    const owner = await createUser(ctx.db)
    const report = await createReport(ctx.db, owner.id)
    const { user, agent } = await resident({ fullName: 'Στρατής Παρατηρητής' })
    await press(agent, report.reference, 'follow')

    const followers = await followersOf(ctx.db, report.id)
    expect(followers.map((follower) => follower.userId)).toEqual([user.id])
  })
})

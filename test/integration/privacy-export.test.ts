import request from 'supertest'
import { setClock } from '../../src/lib/clock'
import { limitCodeLookup, limitPasswordReset, startCodeAttempt } from '../../src/features/throttling/service'
import {
  csrfFrom,
  signIn,
  startTestApp,
  submitForm,
  useEnglish,
  type Agent,
  type TestContext,
} from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { pngImage } from '../helpers/documents'
import { createReport, createUser } from '../helpers/factories'
import { queuedLink } from '../helpers/mail'
import { enrolTwoFactor } from '../helpers/totp'

const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

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

async function downloadData(agent: Agent) {
  const response = await agent.get('/account/data.json').buffer(true)
  expect(response.status).toBe(200)
  const text = String(response.text)
  return { text, data: JSON.parse(text) }
}

async function sidsOf(userId: number): Promise<string[]> {
  const rows: { sid: string }[] = await ctx
    .db('sessions')
    .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(userId)])
    .select('sid')
  return rows.map((row) => row.sid)
}

async function claimWithDocument(agent: Agent) {
  await submitForm(agent, '/account/afm', '/account/afm', { afm: '090000045' })
  const page = await agent.get('/account/afm')
  await agent
    .post('/account/afm/document')
    .field('_csrf', csrfFrom(page.text))
    .attach('document', pngImage(), { filename: 'afm.png', contentType: 'image/png' })
}

describe('the data export holds everything the portal keeps about the person', () => {
  it('has the links sent, sessions, counters, AFM document, reports with photos and answers, follows and mails', async () => {
    const me = await createUser(ctx.db, { fullName: 'Ελένη Παπαδοπούλου' })
    const someone = await createUser(ctx.db)
    // A failed sign-in counts against the account; a reset link is sent and kept as a hash.
    const failed = request.agent(ctx.app)
    await submitForm(failed, '/login', '/login', { email: me.email, password: 'not the password at all' })
    await submitForm(request.agent(ctx.app), '/password/forgot', '/password/forgot', { email: me.email })
    const resetPath = await queuedLink(ctx.db, me.email, 'password-reset')
    const rawToken = new URL(resetPath, 'http://x').searchParams.get('token')!

    const phone = request.agent(ctx.app).set('User-Agent', SAFARI_IPHONE)
    await signIn(phone, me.email, me.password)
    const agent = request.agent(ctx.app)
    await signIn(agent, me.email, me.password)
    await claimWithDocument(agent)

    const mine = await createReport(ctx.db, me.id, { answers: { lampNumber: 'Κ-17' } })
    await ctx.db('report_photos').insert({
      report_id: mine.id,
      content_type: 'image/jpeg',
      content: pngImage(),
      width: 640,
      height: 480,
      byte_size: 2048,
    })
    const theirs = await createReport(ctx.db, someone.id, { title: 'Λακκούβα στην Ερμού' })
    const publicPage = await agent.get(`/public/reports/${theirs.reference}`)
    const follow = await agent
      .post(`/public/reports/${theirs.reference}/follow`)
      .type('form')
      .send({ _csrf: csrfFrom(publicPage.text) })
    expect(follow.status).toBeLessThan(400)

    const { text, data } = await downloadData(agent)

    expect(data.oneTimeLinks).toEqual([
      expect.objectContaining({ purpose: 'reset_password', sentTo: me.email, usedAt: null }),
    ])
    expect(data.oneTimeLinks[0].expiresAt).toEqual(expect.any(String))
    const tokenRow = await ctx.db('account_tokens').where({ user_id: me.id }).first()
    expect(text).not.toContain(tokenRow.token_hash)
    expect(text).not.toContain(rawToken)

    expect(data.sessions).toHaveLength(2)
    expect(data.sessions).toContainEqual(
      expect.objectContaining({
        thisSession: false,
        device: { browser: 'Safari', os: 'iOS' },
        network: '127.0.0.x',
      }),
    )
    expect(data.sessions).toContainEqual(
      expect.objectContaining({ thisSession: true, signedInAt: expect.any(String) }),
    )
    for (const sid of await sidsOf(me.id)) expect(text).not.toContain(sid)

    expect(data.throttleCounters).toContainEqual(expect.objectContaining({ limit: 'login-account' }))
    expect(data.throttleCounters).toContainEqual(expect.objectContaining({ limit: 'reset-account', hits: 1 }))
    const keys: { key: string }[] = await ctx.db('throttle_counters').select('key')
    for (const { key } of keys) expect(text).not.toContain(key.split(':')[1])

    expect(data.afmClaims[0].document).toEqual({
      mediaType: 'image/png',
      sizeBytes: pngImage().length,
      sentAt: expect.any(String),
    })

    const report = data.reports.find((row: { reference: string }) => row.reference === mine.reference)
    expect(report.answers).toEqual({ lampNumber: 'Κ-17' })
    expect(report.photos).toEqual([
      { mediaType: 'image/jpeg', width: 640, height: 480, sizeBytes: 2048, addedAt: expect.any(String) },
    ])
    expect(data.followedReports).toEqual([
      { reference: theirs.reference, title: 'Λακκούβα στην Ερμού', followingSince: expect.any(String) },
    ])

    expect(data.mails).toContainEqual(
      expect.objectContaining({ template: 'password-reset', subject: 'Νέος κωδικός πρόσβασης' }),
    )
    expect(data.twoFactor).toEqual({
      enrolled: false,
      enrolledAt: null,
      setUpStartedAt: null,
      recentWrongCodes: 0,
    })
    expect(text).not.toContain('$argon2')
  })

  it('says whether a staff member has two-factor sign-in, never the secret', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    const secret = await enrolTwoFactor(agent)

    const { text, data } = await downloadData(agent)

    expect(data.twoFactor).toMatchObject({
      enrolled: true,
      enrolledAt: expect.any(String),
      recentWrongCodes: 0,
    })
    const row = await ctx.db('staff_totp').where({ user_id: clerk.id }).first()
    expect(text).not.toContain(secret)
    expect(text).not.toContain(row.secret_encrypted)
  })

  it('counts wrong two-factor codes and look-ups under the account, and leaves out other accounts’ counters', async () => {
    const me = await createUser(ctx.db)
    const other = await createUser(ctx.db)
    await startCodeAttempt(ctx.db, me.id, '198.51.100.1')
    await limitCodeLookup(ctx.db, 'fine', { ip: '198.51.100.1', userId: me.id })
    await limitPasswordReset(ctx.db, other.email, '198.51.100.1')
    await startCodeAttempt(ctx.db, other.id, '198.51.100.1')
    const agent = request.agent(ctx.app)
    await signIn(agent, me.email, me.password)

    const { data } = await downloadData(agent)

    const limits = data.throttleCounters.map((row: { limit: string }) => row.limit).sort()
    expect(limits).toEqual(['code-account', 'login-account', 'lookup-user-fine'])
  })
})

describe('the privacy notice', () => {
  for (const lang of ['el', 'en'] as const) {
    it(`names the followed reports and the one-time links, and is axe-clean, in ${lang}`, async () => {
      const agent = request.agent(ctx.app)
      if (lang === 'en') await useEnglish(agent)
      const page = await agent.get('/privacy')
      expect(page.status).toBe(200)
      expect(page.text).toContain(lang === 'en' ? 'Reports you follow' : 'Τις αναφορές που παρακολουθείτε')
      expect(page.text).toContain(lang === 'en' ? 'one-time links' : 'συνδέσμους μίας χρήσης')
      expect(await axeViolations(page.text)).toEqual([])
      expect(page.text.match(/<h1[ >]/g)).toHaveLength(1)
      expect(page.text).toContain('href="#main-content"')
    })
  }
})

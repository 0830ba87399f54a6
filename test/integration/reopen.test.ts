import fs from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import request from 'supertest'
import { containsContactDetails } from '../../src/features/reports/reopen'
import { advanceClock, now, setClock } from '../../src/lib/clock'
import { translatorFor } from '../../src/web/i18n'
import { csrfFrom, signIn, startTestApp, useEnglish, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import { addStaffEvent, createClerk } from '../helpers/public-reports'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const DAY = 24 * 60 * 60 * 1000
const RESOLVED_AT = new Date('2026-11-02T09:30:00Z')

/** A report of a signed-in resident, resolved by a clerk at RESOLVED_AT (then the clock moves on). */
async function resolvedReport(options: { keepResolvedAt?: boolean } = {}) {
  setClock(RESOLVED_AT)
  const author = await createUser(ctx.db, { fullName: 'Δέσποινα Συντάκτρια' })
  const report = await createReport(ctx.db, author.id, { title: 'Σβηστή λάμπα στην Ερμού' })
  const clerk = await createClerk(ctx.db)
  await addStaffEvent(ctx.db, report.id, clerk.id, {
    from: 'submitted',
    to: 'resolved',
    publicMessage: 'Η λάμπα άλλαξε.',
    at: RESOLVED_AT,
  })
  if (options.keepResolvedAt !== false) {
    await ctx.db('reports').where({ id: report.id }).update({ resolved_at: RESOLVED_AT })
  }
  return { author, report }
}

async function signedIn(user: { email: string; password: string }) {
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return agent
}

async function reopen(agent: Agent, reference: string, reason: string) {
  const page = await agent.get(`/reports/${reference}`)
  return agent
    .post(`/reports/${reference}/reopen`)
    .type('form')
    .send({ reason, _csrf: csrfFrom(page.text) })
}

const REASON = 'Η λάμπα έσβησε ξανά από χθες το βράδυ, ακριβώς στο ίδιο σημείο.'

describe('reopening a resolved report', () => {
  it('lets the author reopen it 29 days after it was resolved: back to acknowledged, the reason public', async () => {
    const { author, report } = await resolvedReport()
    advanceClock(29 * DAY)
    const agent = await signedIn(author)

    const own = await agent.get(`/reports/${report.reference}`)
    expect(own.text).toContain('Δεν λύθηκε το πρόβλημα;')
    expect(own.text).toContain('Μπορείτε να ανοίξετε ξανά την αναφορά έως 2 Δεκεμβρίου 2026')
    expect(own.text).toContain(`href="/reports/${report.reference}/reopen"`)

    const form = await agent.get(`/reports/${report.reference}/reopen`)
    expect(form.status).toBe(200)
    expect(form.text).toContain('<h1 class="heading-xl">Άνοιγμα της αναφοράς ξανά</h1>')

    const response = await reopen(agent, report.reference, `  ${REASON.normalize('NFD')}  `)
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe(`/reports/${report.reference}/reopened`)

    const row = await ctx.db('reports').where({ id: report.id }).first()
    expect(row).toMatchObject({ status: 'acknowledged', resolved_at: null })
    expect(new Date(row.updated_at).getTime()).toBe(now().getTime())
    const event = await ctx.db('report_events').where({ report_id: report.id }).orderBy('id', 'desc').first()
    expect(event).toMatchObject({
      type: 'status_changed',
      actor_id: author.id,
      from_status: 'resolved',
      to_status: 'acknowledged',
      public_message: REASON,
    })

    const done = await agent.get(String(response.headers.location))
    expect(done.text).toContain('Η αναφορά άνοιξε ξανά')
    expect(done.text).toContain(report.reference)

    const publicPage = await request(ctx.app).get(`/public/reports/${report.reference}`)
    expect(publicPage.text).toContain('Η αναφορά άνοιξε ξανά')
    expect(publicPage.text).toContain('από τον δημότη που την υπέβαλε')
    expect(publicPage.text).toContain(REASON)
    expect(publicPage.text).toContain('Παραλήφθηκε')
    expect(publicPage.text).not.toContain('Δέσποινα')

    const ownAfter = await agent.get(`/reports/${report.reference}`)
    expect(ownAfter.text).not.toContain('Δεν λύθηκε το πρόβλημα;')
  })

  it('refuses 31 days after, with a clear message, and no longer offers it', async () => {
    const { author, report } = await resolvedReport()
    advanceClock(31 * DAY)
    const agent = await signedIn(author)

    const own = await agent.get(`/reports/${report.reference}`)
    expect(own.status).toBe(200)
    expect(own.text).not.toContain('Δεν λύθηκε το πρόβλημα;')
    expect(own.text).not.toContain('/reopen"')

    const form = await agent.get(`/reports/${report.reference}/reopen`)
    expect(form.text).toContain('πριν από περισσότερες από 30 ημέρες')
    expect(form.text).not.toContain('name="reason"')

    const response = await agent
      .post(`/reports/${report.reference}/reopen`)
      .type('form')
      .send({ reason: REASON, _csrf: csrfFrom(own.text) })
    expect(response.status).toBe(400)
    expect(response.text).toContain('<title>Πρόβλημα:')
    expect(response.text).toContain(
      'Η αναφορά διεκπεραιώθηκε πριν από περισσότερες από 30 ημέρες και δεν μπορεί πια να ανοίξει ξανά.',
    )
    expect(response.text).toContain('href="#reopen-refused"')
    expect((await ctx.db('reports').where({ id: report.id }).first()).status).toBe('resolved')
    expect(await ctx.db('report_events').where({ report_id: report.id })).toHaveLength(2)
  })

  it('counts the 30 days from the last change to resolved when resolved_at was not kept', async () => {
    const { author, report } = await resolvedReport({ keepResolvedAt: false })
    advanceClock(30 * DAY - 60 * 1000)
    const agent = await signedIn(author)
    expect((await agent.get(`/reports/${report.reference}`)).text).toContain('Δεν λύθηκε το πρόβλημα;')

    advanceClock(2 * 60 * 1000)
    const late = await reopen(agent, report.reference, REASON)
    expect(late.status).toBe(400)
    expect(late.text).toContain('δεν μπορεί πια να ανοίξει ξανά')
  })

  it('answers 404 to anyone but the author, for the page, the form and the confirmation', async () => {
    const { report } = await resolvedReport()
    advanceClock(DAY)
    const other = await signedIn(await createUser(ctx.db))
    const clerk = await signedIn(await createClerk(ctx.db, 'Άλλος Υπάλληλος'))
    const somePage = await other.get('/reports')

    for (const agent of [other, clerk]) {
      expect((await agent.get(`/reports/${report.reference}/reopen`)).status).toBe(404)
      expect((await agent.get(`/reports/${report.reference}/reopened`)).status).toBe(404)
    }
    const post = await other
      .post(`/reports/${report.reference}/reopen`)
      .type('form')
      .send({ reason: 'x', _csrf: csrfFrom(somePage.text) })
    expect(post.status).toBe(404)
    expect((await ctx.db('reports').where({ id: report.id }).first()).status).toBe('resolved')

    const visitor = await request(ctx.app).get(`/reports/${report.reference}/reopen`)
    expect(visitor.status).toBe(302)
    expect(visitor.headers.location).toMatch(/^\/login\?next=/)
  })

  it('refuses a report that is not resolved', async () => {
    const author = await createUser(ctx.db)
    const report = await createReport(ctx.db, author.id, { status: 'in_progress' })
    const agent = await signedIn(author)

    expect((await agent.get(`/reports/${report.reference}`)).text).not.toContain('Δεν λύθηκε το πρόβλημα;')
    const response = await reopen(agent, report.reference, REASON)
    expect(response.status).toBe(400)
    expect(response.text).toContain('Μόνο μια αναφορά που έχει διεκπεραιωθεί μπορεί να ανοίξει ξανά.')
    expect((await ctx.db('reports').where({ id: report.id }).first()).status).toBe('in_progress')
  })

  it('checks the reason: required, 10 to 2,000 characters, no contact details, in either language', async () => {
    const { author, report } = await resolvedReport()
    advanceClock(DAY)
    const agent = await signedIn(author)

    const cases: [string, string][] = [
      ['   ', 'Γράψτε τι δεν λύθηκε'],
      ['\u200Bσβηστή\u200B', 'Ο λόγος πρέπει να έχει τουλάχιστον 10 χαρακτήρες'],
      ['α'.repeat(2001), 'Ο λόγος πρέπει να έχει έως 2.000 χαρακτήρες'],
      ['Πάρτε με στο 69 1234 5678 για λεπτομέρειες.', 'Αφαιρέστε τα τηλέφωνα και τις διευθύνσεις e-mail'],
      ['Γράψτε μου στο eleni@example.gr αν θέλετε.', 'Αφαιρέστε τα τηλέφωνα και τις διευθύνσεις e-mail'],
    ]
    for (const [reason, message] of cases) {
      const response = await reopen(agent, report.reference, reason)
      expect({ reason: reason.slice(0, 20), status: response.status }).toEqual({
        reason: reason.slice(0, 20),
        status: 400,
      })
      expect(response.text).toContain(message)
      expect(response.text).toContain('href="#field-reason"')
    }
    const kept = await reopen(agent, report.reference, 'Πάρτε με στο 6912345678')
    expect(kept.text).toContain('>Πάρτε με στο 6912345678</textarea>')

    await useEnglish(agent)
    const english = await reopen(agent, report.reference, 'short')
    expect(english.text).toContain('The reason must be at least 10 characters')

    const exactly2000 = await reopen(agent, report.reference, 'β'.repeat(2000))
    expect(exactly2000.status).toBe(303)
  })

  it('tells the followers by e-mail through the outbox, in their language', async () => {
    const { author, report } = await resolvedReport()
    await ctx.db('reports').where({ id: report.id }).update({ public_title: 'Λάμπα στην Ερμού' })
    const follower = await createUser(ctx.db)
    await ctx.db('users').where({ id: follower.id }).update({ locale: 'en' })
    await ctx.db('report_followers').insert([
      { report_id: report.id, user_id: follower.id },
      { report_id: report.id, user_id: author.id },
    ])
    advanceClock(2 * DAY)
    const agent = await signedIn(author)

    await reopen(agent, report.reference, REASON)

    const mail = await ctx.db('outbox').select('to_address', 'locale', 'template', 'data')
    expect(mail).toEqual([
      {
        to_address: follower.email,
        locale: 'en',
        template: 'report-reopened',
        data: {
          reference: report.reference,
          title: 'Λάμπα στην Ερμού',
          path: `/public/reports/${report.reference}`,
          reason: REASON,
        },
      },
    ])
  })
})

describe('the report-reopened e-mail', () => {
  it('renders in both languages with the reason and the link', async () => {
    const data = {
      reference: 'MYT-2026-00042',
      title: 'Λάμπα & φως',
      path: '/public/reports/MYT-2026-00042',
      reason: 'Δεν <ανάβει>',
    }
    for (const lang of ['el', 'en'] as const) {
      const t = translatorFor(lang)
      const locals = { t, lang, baseUrl: 'https://eservices.mytilene.gr', data }
      const views = path.resolve(__dirname, '../../views/mail')
      const text = await ejs.renderFile(path.join(views, 'report-reopened.text.ejs'), locals)
      const html = await ejs.renderFile(path.join(views, 'report-reopened.html.ejs'), locals)
      expect(text).toContain('https://eservices.mytilene.gr/public/reports/MYT-2026-00042')
      expect(text).toContain('Λάμπα & φως')
      expect(text).toContain('Δεν <ανάβει>')
      expect(html).toContain('Δεν &lt;ανάβει&gt;')
      expect(html).toContain(`<html lang="${lang}">`)
      expect(t('mail.report-reopened.subject', { reference: data.reference })).toContain('MYT-2026-00042')
    }
    expect(fs.existsSync(path.resolve(__dirname, '../../views/mail/report-reopened.html.ejs'))).toBe(true)
  })
})

describe('contact details in a reason', () => {
  it.each([
    ['6912345678', true],
    ['69 1234 5678', true],
    ['+30 691 234 5678', true],
    ['0030 22510 12345', true],
    ['22510-12345', true],
    ['+44 20 7946 0958', true],
    ['name@example.org', true],
    ['Αναφορά MYT-2026-000123 του 2026', false],
    ['Έγινε στις 12/11/2026 στις 10:30, 3 κάδοι', false],
    ['Ο δρόμος 25ης Μαρτίου 12', false],
  ])('%s → %s', (text, expected) => {
    expect(containsContactDetails(text)).toBe(expected)
  })
})

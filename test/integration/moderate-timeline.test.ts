// Staff moderate what a resident wrote on a report's public timeline (the reason for reopening)
// and the report's public address: the public sees only the moderated text, staff keep the original.
import request from 'supertest'
import { setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, useEnglish, type Agent, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import { lastMail, outbox } from '../helpers/mail'
import { addStaffEvent, createClerk } from '../helpers/public-reports'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const RESOLVED_AT = new Date('2026-11-02T09:30:00Z')
const REASON = 'Η λάμπα έσβησε ξανά. Ο κ. Σκουντούρης της διπλανής πόρτας τη σπάει κάθε βράδυ.'
const SECRET = 'Σκουντούρης'
const ADDRESS = 'Ερμού 12, σπίτι Σκουντούρη'

async function signedIn(user: { email: string; password: string }) {
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return agent
}

/** A resolved report with a pin, reopened by its author with REASON, and a follower who was told. */
async function reopenedReport() {
  setClock(RESOLVED_AT)
  const author = await createUser(ctx.db, { fullName: 'Δέσποινα Συντάκτρια' })
  const report = await createReport(ctx.db, author.id, {
    title: 'Σβηστή λάμπα στην Ερμού',
    address: ADDRESS,
    lat: 39.105,
    lng: 26.555,
  })
  const clerk = await createClerk(ctx.db)
  await addStaffEvent(ctx.db, report.id, clerk.id, {
    from: 'submitted',
    to: 'resolved',
    publicMessage: 'Η λάμπα άλλαξε.',
    at: RESOLVED_AT,
  })
  await ctx.db('reports').where({ id: report.id }).update({ resolved_at: RESOLVED_AT, status: 'resolved' })
  const follower = await createUser(ctx.db, { fullName: 'Νίκος Ακόλουθος' })
  await ctx.db('report_followers').insert({ report_id: report.id, user_id: follower.id })
  const agent = await signedIn(author)
  const own = await agent.get(`/reports/${report.reference}/reopen`)
  const sent = await agent
    .post(`/reports/${report.reference}/reopen`)
    .type('form')
    .send({ reason: REASON, _csrf: csrfFrom(own.text) })
  expect(sent.status).toBe(303)
  const event = await ctx
    .db('report_events')
    .where({ report_id: report.id, public_message: REASON })
    .first('id')
  return { author, authorAgent: agent, report, follower, eventId: Number(event.id) }
}

async function staff(roles: ('clerk' | 'admin')[] = ['clerk']) {
  const user = await createUser(ctx.db, { roles: ['citizen', ...roles], fullName: 'Ελένη Συντονίστρια' })
  return { user, agent: await signedIn(user) }
}

async function post(agent: Agent, reference: string, path: string, body: Record<string, string>) {
  const page = await agent.get(`/staff/reports/${reference}`)
  return agent
    .post(`/staff/reports/${reference}/${path}`)
    .type('form')
    .send({ ...body, _csrf: csrfFrom(page.text) })
}

/** Every page and feed anyone may read that could show the report's text or address. */
async function publicTexts(reference: string): Promise<string[]> {
  const visitor = request(ctx.app)
  const paths = [
    `/public/reports/${reference}`,
    `/public/reports?q=${encodeURIComponent(reference)}`,
    '/public/reports',
    '/public/reports/feed.atom',
    '/public/reports/feed.json',
    '/public/reports/map.json',
    `/public/reports/${reference}?lang=en`,
  ]
  const texts: string[] = []
  for (const path of paths) {
    const response = await visitor.get(path)
    expect(response.status).toBe(200)
    texts.push(response.text)
  }
  return texts
}

describe('moderating a resident’s text on the timeline', () => {
  it('replaces the reopen reason everywhere the public and the author see it; staff keep the original', async () => {
    const { authorAgent, report, follower, eventId } = await reopenedReport()
    expect((await publicTexts(report.reference)).some((text) => text.includes(SECRET))).toBe(true)
    const { user: moderator, agent } = await staff()

    const staffPage = await agent.get(`/staff/reports/${report.reference}`)
    expect(staffPage.text).toContain(`/staff/reports/${report.reference}/events/${eventId}/moderate`)
    // Only the resident's text has a form: not the creation nor the clerk's message.
    expect(staffPage.text.match(/\/events\/\d+\/moderate/g)).toHaveLength(1)

    const response = await post(agent, report.reference, `events/${eventId}/moderate`, {
      eventHidden: 'no',
      eventMessage: 'Η λάμπα έσβησε ξανά. [Το όνομα αφαιρέθηκε]',
      eventReason: 'Όνομα γείτονα.',
    })
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe(`/staff/reports/${report.reference}?done=event`)

    for (const text of await publicTexts(report.reference)) expect(text).not.toContain(SECRET)
    const publicPage = await request(ctx.app).get(`/public/reports/${report.reference}`)
    expect(publicPage.text).toContain('[Το όνομα αφαιρέθηκε]')
    const own = await authorAgent.get(`/reports/${report.reference}`)
    expect(own.text).toContain('[Το όνομα αφαιρέθηκε]')
    expect(own.text).not.toContain(SECRET)

    // The follower's mail had not left yet: it now carries the moderated text.
    const mail = await lastMail(ctx, follower.email, 'report-reopened')
    expect(mail.text).toContain('[Το όνομα αφαιρέθηκε]')
    expect(mail.text + mail.html).not.toContain(SECRET)

    const after = await agent.get(String(response.headers.location))
    expect(after.text).toContain(REASON)
    expect(after.text).toContain('Όνομα γείτονα.')
    expect(after.text).toContain('Το κείμενο του δημότη στο ιστορικό άλλαξε.')

    const row = await ctx.db('report_events').where({ id: eventId }).first()
    expect(row).toMatchObject({
      public_message: 'Η λάμπα έσβησε ξανά. [Το όνομα αφαιρέθηκε]',
      original_message: REASON,
      moderation_reason: 'Όνομα γείτονα.',
    })
    const [audit] = await ctx.db('audit_log').where({ action: 'report.event_moderated' })
    expect(audit).toMatchObject({
      actor_id: moderator.id,
      entity_type: 'report',
      entity_id: report.reference,
    })
    expect(audit.before).toEqual({ event: eventId, hidden: false, publicText: REASON })
    expect(audit.after).toEqual({
      event: eventId,
      hidden: false,
      publicText: 'Η λάμπα έσβησε ξανά. [Το όνομα αφαιρέθηκε]',
      reason: 'Όνομα γείτονα.',
    })
    const auditPage = await (await staff(['admin'])).agent.get('/staff/audit')
    expect(auditPage.text).toContain('Αντικατάσταση ή απόκρυψη κειμένου δημότη στο ιστορικό')

    // The author's data export holds their own words, and not the moderator's reason.
    const exported = String((await authorAgent.get('/account/data.json').buffer(true)).text)
    expect(exported).toContain(JSON.stringify(REASON).slice(1, -1))
    expect(exported).toContain('"yourWords"')
    expect(exported).not.toContain('Όνομα γείτονα.')
  })

  it('hides the text, says that it was removed, and shows it again when staff leave the text empty', async () => {
    const { authorAgent, report, follower, eventId } = await reopenedReport()
    const { agent } = await staff(['admin'])
    expect(
      (
        await post(agent, report.reference, `events/${eventId}/moderate`, {
          eventHidden: 'yes',
          eventReason: 'Προσωπικά δεδομένα.',
        })
      ).status,
    ).toBe(303)
    for (const text of await publicTexts(report.reference)) expect(text).not.toContain(SECRET)
    expect((await request(ctx.app).get(`/public/reports/${report.reference}`)).text).toContain(
      'Το κείμενο αφαιρέθηκε από τον Δήμο',
    )
    expect((await authorAgent.get(`/reports/${report.reference}`)).text).not.toContain(SECRET)
    const mail = await lastMail(ctx, follower.email, 'report-reopened')
    expect(mail.text).toContain('ο Δήμος τον αφαίρεσε')
    expect(mail.text + mail.html).not.toContain(SECRET)
    expect((await ctx.db('report_events').where({ id: eventId }).first()).public_message).toBeNull()

    const again = await post(agent, report.reference, `events/${eventId}/moderate`, {
      eventHidden: 'yes',
      eventReason: 'Ξανά.',
    })
    expect(again.status).toBe(400)
    expect(again.text).toContain('Δεν αλλάξατε τίποτα στη δημόσια εμφάνιση')

    const restored = await post(agent, report.reference, `events/${eventId}/moderate`, {
      eventHidden: 'no',
      eventMessage: '',
      eventReason: 'Λάθος απόκρυψη.',
    })
    expect(restored.status).toBe(303)
    expect((await request(ctx.app).get(`/public/reports/${report.reference}`)).text).toContain(REASON)
    expect(await ctx.db('audit_log').where({ action: 'report.event_moderated' })).toHaveLength(2)
    expect((await outbox(ctx.db, follower.email)).length).toBe(1)
  })

  it('refuses without a reason or with too long a text, in the user’s language, keeping the input', async () => {
    const { report, eventId } = await reopenedReport()
    const { agent } = await staff()
    const missing = await post(agent, report.reference, `events/${eventId}/moderate`, {
      eventHidden: 'no',
      eventMessage: 'Κείμενο που κράτησα',
    })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('class="error-summary"')
    expect(missing.text).toContain('href="#field-eventReason"')
    expect(missing.text).toContain('id="field-eventReason"')
    expect(missing.text).toContain('>Κείμενο που κράτησα</textarea>')
    expect(missing.text).toMatch(/<details class="details" open>/)

    await useEnglish(agent)
    const long = await post(agent, report.reference, `events/${eventId}/moderate`, {
      eventHidden: 'no',
      eventMessage: 'α'.repeat(2001),
      eventReason: 'Too long.',
    })
    expect(long.status).toBe(400)
    expect(long.text).toContain('The text must be 2,000 characters or fewer')
    expect(await axeViolations(long.text)).toEqual([])
    expect((await ctx.db('report_events').where({ id: eventId }).first()).original_message).toBeNull()
    expect(await ctx.db('audit_log').where({ action: 'report.event_moderated' })).toHaveLength(0)
  })

  it('is not found for other roles, for staff events and for another report’s event', async () => {
    const { author, authorAgent, report, eventId } = await reopenedReport()
    const other = await createReport(ctx.db, author.id)
    const body = { eventHidden: 'yes', eventReason: 'Δοκιμή.' }

    const own = await authorAgent.get(`/reports/${report.reference}`)
    const byAuthor = await authorAgent
      .post(`/staff/reports/${report.reference}/events/${eventId}/moderate`)
      .type('form')
      .send({ ...body, _csrf: csrfFrom(own.text) })
    expect(byAuthor.status).toBe(404)

    const { agent } = await staff()
    expect((await post(agent, other.reference, `events/${eventId}/moderate`, body)).status).toBe(404)
    const clerkEvent = await ctx
      .db('report_events')
      .where({ report_id: report.id, to_status: 'resolved' })
      .first('id')
    expect((await post(agent, report.reference, `events/${clerkEvent.id}/moderate`, body)).status).toBe(404)
    expect((await post(agent, report.reference, 'events/abc/moderate', body)).status).toBe(404)
    expect((await ctx.db('report_events').where({ id: eventId }).first()).original_message).toBeNull()
    expect(await ctx.db('audit_log').where({ action: 'report.event_moderated' })).toHaveLength(0)
  })
})

describe('moderating the public address', () => {
  it('shows the moderated address on public pages and search, the original to staff and the author', async () => {
    const { authorAgent, report } = await reopenedReport()
    const { agent } = await staff()
    const response = await post(agent, report.reference, 'moderate', {
      hidden: 'no',
      publicAddress: 'Ερμού 12',
      moderationReason: 'Όνομα ιδιώτη στη διεύθυνση.',
    })
    expect(response.status).toBe(303)
    // The reason for reopening still names the neighbour: hide it to check the address alone.
    const event = await ctx
      .db('report_events')
      .where({ report_id: report.id, public_message: REASON })
      .first('id')
    await post(agent, report.reference, `events/${event.id}/moderate`, {
      eventHidden: 'yes',
      eventReason: 'x',
    })

    for (const text of await publicTexts(report.reference)) expect(text).not.toContain(SECRET.slice(0, -1))
    expect((await request(ctx.app).get(`/public/reports/${report.reference}`)).text).toContain('Ερμού 12')
    const search = await request(ctx.app).get(`/public/reports?q=${encodeURIComponent('Σκουντουρη')}`)
    expect(search.text).not.toContain(report.reference)
    expect((await agent.get(`/staff/reports/${report.reference}`)).text).toContain(ADDRESS)
    expect((await authorAgent.get(`/reports/${report.reference}`)).text).toContain(ADDRESS)
    const [audit] = await ctx.db('audit_log').where({ action: 'report.moderated' })
    expect(audit.after).toMatchObject({ publicAddress: 'Ερμού 12' })
  })
})

describe('accessibility of the moderation forms', () => {
  it('has no axe violation on the staff page with a moderated text, in Greek and English', async () => {
    const { report, eventId } = await reopenedReport()
    const { agent } = await staff()
    await post(agent, report.reference, `events/${eventId}/moderate`, {
      eventHidden: 'no',
      eventMessage: 'Συντομευμένο κείμενο.',
      eventReason: 'Όνομα.',
    })
    for (const lang of ['el', 'en'] as const) {
      if (lang === 'en') await useEnglish(agent)
      const page = await agent.get(`/staff/reports/${report.reference}`)
      expect(page.text.match(/<h1[\s>]/g)).toHaveLength(1)
      expect(await axeViolations(page.text)).toEqual([])
      const publicPage = await request(ctx.app).get(`/public/reports/${report.reference}?lang=${lang}`)
      expect(await axeViolations(publicPage.text)).toEqual([])
    }
  })
})

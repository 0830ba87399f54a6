import path from 'node:path'
import ejs from 'ejs'
import request from 'supertest'
import {
  csrfFrom,
  referenceFrom,
  sessionCookie,
  signIn,
  startTestApp,
  submitForm,
  type Agent,
  type TestContext,
} from '../helpers/app'
import { resetDb } from '../helpers/db'
import { pngImage } from '../helpers/documents'
import { createUser } from '../helpers/factories'
import { fileReportThroughJourney, postStep } from '../helpers/filing'
import { translatorFor } from '../../src/web/i18n'
import { VIEWS_DIR } from '../../src/web/views'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx.db, options)
  const agent = request.agent(ctx.app)
  const response = await signIn(agent, user.email, user.password)
  return { user, agent, cookie: sessionCookie(response)! }
}

async function fileReport(agent: Agent, title: string, showName = false) {
  const response = await fileReportThroughJourney(agent, ctx.db, {
    category: 'graffiti',
    title,
    description: `${title}: περιγραφή που μένει δημόσια.`,
    address: 'Ερμού 12',
    showName: showName ? 'yes' : 'no',
  })
  return referenceFrom(response)
}

async function changeStatus(staff: Agent, reference: string, fields: Record<string, string>) {
  return submitForm(staff, `/staff/reports/${reference}`, `/staff/reports/${reference}/status`, fields)
}

async function claimWithDocument(agent: Agent) {
  await submitForm(agent, '/account/afm', '/account/afm', { afm: '090000045' })
  const page = await agent.get('/account/afm')
  await agent
    .post('/account/afm/document')
    .field('_csrf', csrfFrom(page.text))
    .attach('document', pngImage(), { filename: 'afm.png', contentType: 'image/png' })
}

async function downloadData(agent: Agent) {
  const response = await agent.get('/account/data.json').buffer(true)
  return { response, text: String(response.text ?? ''), data: JSON.parse(String(response.text)) }
}

describe('downloading my data', () => {
  it('gives a JSON file of my account, claims, reports and audit rows, without secrets or others’ data', async () => {
    const me = await signedIn({ fullName: 'Ελένη Παπαδοπούλου' })
    const other = await signedIn({ fullName: 'Άλλος Δημότης' })
    const clerk = await signedIn({ roles: ['citizen', 'clerk'], fullName: 'Υπάλληλος Καθαριότητας' })
    const mine = await fileReport(me.agent, 'Σβηστή λάμπα')
    const theirs = await fileReport(other.agent, 'Λακκούβα στην Ερμού')
    await changeStatus(clerk.agent, mine, {
      status: 'in_progress',
      publicMessage: 'Ενημερώθηκε το συνεργείο.',
      internalNote: 'ΕΣΩΤΕΡΙΚΟ: βάρδια Τρίτης',
    })
    await claimWithDocument(me.agent)
    const claimId = (await ctx.db('afm_claims').where({ user_id: me.user.id }).first()).id
    await submitForm(clerk.agent, `/staff/afm/${claimId}`, `/staff/afm/${claimId}/decision`, {
      decision: 'rejected',
      reason: 'Δεν φαίνεται ο ΑΦΜ στη φωτογραφία.',
    })

    const { response, text, data } = await downloadData(me.agent)

    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="mytilene-eservices-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    expect(response.headers['cache-control']).toBe('no-store')
    expect(data.account).toMatchObject({
      id: me.user.id,
      email: me.user.email,
      fullName: 'Ελένη Παπαδοπούλου',
    })
    expect(data.account).not.toHaveProperty('passwordHash')
    expect(text).not.toContain('$argon2')
    expect(data.roles).toEqual([{ role: 'citizen', grantedAt: expect.any(String) }])
    expect(data.afmClaims).toEqual([
      expect.objectContaining({
        afm: '090000045',
        status: 'rejected',
        rejectionReason: 'Δεν φαίνεται ο ΑΦΜ στη φωτογραφία.',
      }),
    ])

    expect(data.reports.map((report: { reference: string }) => report.reference)).toEqual([mine])
    expect(text).not.toContain(theirs)
    expect(text).not.toContain('Λακκούβα')
    expect(data.reports[0].timeline).toEqual([
      expect.objectContaining({ type: 'created', toStatus: 'submitted', by: 'you' }),
      expect.objectContaining({
        type: 'status_changed',
        toStatus: 'in_progress',
        publicMessage: 'Ενημερώθηκε το συνεργείο.',
        by: 'municipality',
      }),
    ])
    expect(text).not.toContain('ΕΣΩΤΕΡΙΚΟ')
    expect(text).not.toContain('Υπάλληλος Καθαριότητας')
    expect(text).not.toContain(clerk.user.email)

    const sid = decodeURIComponent(me.cookie.split('=')[1]!).slice(2).split('.')[0]!
    expect(data.sessions).toContainEqual(expect.objectContaining({ thisSession: true }))
    expect(text).not.toContain(sid)
    expect(text).not.toContain(csrfFrom((await me.agent.get('/account')).text))

    expect(data.auditLog).toEqual([
      expect.objectContaining({ action: 'report.status_changed', record: { type: 'report', id: mine } }),
      expect.objectContaining({ action: 'afm_claim.rejected', by: 'municipality' }),
    ])
    expect(data.auditLog[0]).not.toHaveProperty('ip')
    expect(data.mails).toEqual([
      expect.objectContaining({ template: 'report-filed', language: 'el' }),
      expect.objectContaining({ template: 'report-status', language: 'el' }),
      expect.objectContaining({ template: 'afm-decision', language: 'el' }),
    ])
  })

  it('offers the download and the closing of the account on a page, and sends visitors to sign in', async () => {
    const { agent } = await signedIn()
    const account = await agent.get('/account')
    expect(account.text).toContain('href="/account/data"')

    const page = await agent.get('/account/data')
    expect(page.status).toBe(200)
    expect(page.text).toContain('href="/account/data.json"')
    expect(page.text).toContain('href="/account/close"')

    const visitor = await request(ctx.app).get('/account/data.json')
    expect(visitor.status).toBe(302)
    expect(visitor.headers.location).toBe('/login?next=%2Faccount%2Fdata.json')
  })
})

describe('closing my account', () => {
  it('asks for the current password and keeps the account when it is wrong', async () => {
    const { user, agent } = await signedIn()
    const empty = await submitForm(agent, '/account/close', '/account/close', { password: '' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Γράψτε τον κωδικό πρόσβασής σας')

    const wrong = await submitForm(agent, '/account/close', '/account/close', { password: 'not my password' })
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Ο κωδικός πρόσβασης δεν είναι σωστός')
    expect(await ctx.db('users').where({ id: user.id }).first()).toMatchObject({
      is_active: true,
      email: user.email,
    })
    expect((await agent.get('/account')).status).toBe(200)
  })

  it('ends every session, anonymises the reports, forgets the AFM, and keeps the audit log whole', async () => {
    const me = await signedIn({ fullName: 'Ελένη Παπαδοπούλου' })
    const elsewhere = request.agent(ctx.app)
    await signIn(elsewhere, me.user.email, me.user.password)
    const clerk = await signedIn({ roles: ['citizen', 'clerk'] })
    const reference = await fileReport(me.agent, 'Σβηστή λάμπα', true)
    await changeStatus(clerk.agent, reference, { status: 'acknowledged' })
    await claimWithDocument(me.agent)
    const auditBefore = await ctx.db('audit_log').orderBy('id')
    expect(auditBefore).toHaveLength(1)
    // A report begun and not sent.
    expect((await postStep(me.agent, '/reports/new/kind', { kind: 'report' })).status).toBe(303)
    expect(await ctx.db('report_drafts').where({ user_id: me.user.id })).toHaveLength(1)

    const response = await submitForm(me.agent, '/account/close', '/account/close', {
      password: me.user.password,
    })

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/account-closed')
    expect((await me.agent.get('/account-closed')).text).toContain('Ο λογαριασμός σας έκλεισε')
    for (const agent of [me.agent, elsewhere]) {
      const account = await agent.get('/account')
      expect(account.status).toBe(302)
      expect(account.headers.location).toBe('/login?next=%2Faccount')
    }
    const replayed = await request(ctx.app).get('/account').set('Cookie', me.cookie)
    expect(replayed.status).toBe(302)
    const sessions = await ctx
      .db('sessions')
      .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(me.user.id)])
    expect(sessions).toEqual([])

    const row = await ctx.db('users').where({ id: me.user.id }).first()
    expect(row).toMatchObject({ full_name: '', phone: null, is_active: false })
    expect(row.email).toBe(`closed-account-${me.user.id}@closed.invalid`)
    expect(row.password_hash).not.toMatch(/^\$argon2/)
    expect(row.closed_at).not.toBeNull()
    expect(await ctx.db('user_roles').where({ user_id: me.user.id })).toEqual([])
    expect(await ctx.db('afm_claims').where({ user_id: me.user.id })).toEqual([])
    expect(await ctx.db('afm_documents')).toEqual([])
    expect(await ctx.db('report_drafts').where({ user_id: me.user.id })).toEqual([])

    const report = await ctx.db('reports').where({ reference }).first()
    expect(report).toMatchObject({ author_id: null, show_name: false, title: 'Σβηστή λάμπα' })
    expect(report.description).toBe('Σβηστή λάμπα: περιγραφή που μένει δημόσια.')
    expect(await ctx.db('report_events').where({ actor_id: me.user.id })).toEqual([])
    const staffPage = await clerk.agent.get(`/staff/reports/${reference}`)
    expect(staffPage.text).toContain('Ο λογαριασμός έχει κλείσει')
    expect(staffPage.text).not.toContain('Ελένη Παπαδοπούλου')
    expect(staffPage.text).not.toContain(me.user.email)

    const auditAfter = await ctx.db('audit_log').orderBy('id')
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore)
    expect(auditAfter.slice(auditBefore.length)).toEqual([
      expect.objectContaining({
        actor_id: me.user.id,
        action: 'account.closed',
        entity_id: String(me.user.id),
      }),
    ])
    const mail = await ctx.db('outbox').where({ template: 'privacy-account-closed' }).first()
    expect(mail).toMatchObject({ to_address: me.user.email, locale: 'el' })

    const again = await submitForm(request.agent(ctx.app), '/login', '/login', {
      email: me.user.email,
      password: me.user.password,
    })
    expect(again.status).toBe(401)
  })

  it('frees the e-mail address for a new account', async () => {
    const { user, agent } = await signedIn()
    await submitForm(agent, '/account/close', '/account/close', { password: user.password })

    const registered = await submitForm(request.agent(ctx.app), '/register', '/register', {
      fullName: 'Νέος Λογαριασμός',
      email: user.email,
      password: 'a brand new long passphrase',
      terms: 'yes',
    })
    expect(registered.status).toBe(303)
  })

  it('leaves staff accounts to an administrator', async () => {
    const { user, agent } = await signedIn({ roles: ['citizen', 'clerk'] })
    const page = await agent.get('/account/close')
    expect(page.text).toContain('Οι λογαριασμοί υπαλλήλων κλείνουν από διαχειριστή')
    expect(page.text).not.toContain('action="/account/close"')

    const token = csrfFrom(page.text)
    const response = await agent
      .post('/account/close')
      .type('form')
      .send({ password: user.password, _csrf: token })
    expect(response.status).toBe(400)
    expect(await ctx.db('users').where({ id: user.id }).first()).toMatchObject({ is_active: true })
  })

  it('scrubs the account row because the append-only audit log refuses its deletion', async () => {
    const { user, agent } = await signedIn({ roles: ['citizen', 'clerk'] })
    const citizen = await signedIn()
    const reference = await fileReport(citizen.agent, 'Κλαδιά στον δρόμο')
    await changeStatus(agent, reference, { status: 'acknowledged' })

    await expect(ctx.db('users').where({ id: user.id }).delete()).rejects.toThrow(/append-only/)
    expect(await ctx.db('audit_log').where({ actor_id: user.id })).toHaveLength(1)
  })

  it('writes the closing mail in the account’s language', async () => {
    const render = (file: string, lang: 'el' | 'en') =>
      ejs.renderFile(path.join(VIEWS_DIR, 'mail', file), {
        t: translatorFor(lang),
        lang,
        baseUrl: 'https://eservices.mytilene.gr',
        data: { closedAt: '2026-12-03T10:00:00.000Z' },
      })

    expect(await render('privacy-account-closed.text.ejs', 'en')).toContain(
      'Your account on the e-services of the Municipality of Mytilene has been closed',
    )
    const html = await render('privacy-account-closed.html.ejs', 'el')
    expect(html).toContain('<html lang="el">')
    expect(html).toContain('έκλεισε')
    expect(html).toContain('href="https://eservices.mytilene.gr/contact"')
  })
})

import request from 'supertest'
import { csrfFrom, referenceFrom, signIn, startTestApp, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser, firstDistrictCode } from '../helpers/factories'
import { categoryIdOf, fileReportThroughJourney, postStep, type JourneyFields } from '../helpers/filing'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function citizenAgent() {
  const user = await createUser(ctx.db)
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

function fileReport(agent: Agent, fields: JourneyFields = {}) {
  return fileReportThroughJourney(agent, ctx.db, {
    title: 'Σβηστή λάμπα στην Ερμού',
    description: 'Η λάμπα έξω από το νούμερο 12 είναι σβηστή εδώ και μια εβδομάδα. 💡',
    address: 'Ερμού 12',
    ...fields,
  })
}

/** A resident with a draft answered up to the step that takes title and description. */
async function atDetails() {
  const { agent } = await citizenAgent()
  await postStep(agent, '/reports/new/kind', { kind: 'report' })
  await postStep(agent, '/reports/new/category', {
    categoryId: String(await categoryIdOf(ctx.db, 'pothole')),
  })
  return agent
}

describe('filing a report', () => {
  it("files it, routes it to the category's department and shows the reference", async () => {
    const { user, agent } = await citizenAgent()
    const response = await fileReport(agent)

    expect(response.status).toBe(303)
    const year = new Date().getFullYear()
    expect(response.headers.location).toBe(`/reports/new/filed/MYT-${year}-00001`)
    const report = await ctx.db('reports').first()
    const category = await ctx.db('categories').where({ id: report.category_id }).first()
    expect(report).toMatchObject({
      author_id: user.id,
      status: 'submitted',
      department_id: category.department_id,
    })
    expect(report.description).toContain('💡')

    const confirmation = await agent.get(String(response.headers.location))
    expect(confirmation.status).toBe(200)
    expect(confirmation.text).toContain('Η αναφορά σας υποβλήθηκε')
    expect(confirmation.text).toContain(`MYT-${year}-00001`)
    const page = await agent.get(`/reports/MYT-${year}-00001`)
    expect(page.text).toContain('Σβηστή λάμπα στην Ερμού')
    expect(page.text).toContain('Υποβλήθηκε')
  })

  it('numbers reports one after another', async () => {
    const { agent } = await citizenAgent()
    await fileReport(agent)
    const second = await fileReport(agent, { title: 'Δεύτερη αναφορά' })
    expect(second.headers.location).toContain('-00002')
  })

  it("lists the citizen's own reports, newest first", async () => {
    const { agent } = await citizenAgent()
    await fileReport(agent, { title: 'Πρώτη' })
    await fileReport(agent, { title: 'Δεύτερη' })
    const page = await agent.get('/reports')
    expect(page.status).toBe(200)
    expect(page.text.indexOf('Δεύτερη')).toBeLessThan(page.text.indexOf('Πρώτη'))
  })

  it('explains on each step what is missing and keeps the answers', async () => {
    const { agent } = await citizenAgent()
    const kind = await postStep(agent, '/reports/new/kind', { kind: '' })
    expect(kind.status).toBe(400)
    expect(kind.text).toContain('Διαλέξτε αν είναι παρατήρηση')
    await postStep(agent, '/reports/new/kind', { kind: 'report' })

    const category = await postStep(agent, '/reports/new/category', { categoryId: '' })
    expect(category.status).toBe(400)
    expect(category.text).toContain('Διαλέξτε κατηγορία')
    await postStep(agent, '/reports/new/category', {
      categoryId: String(await categoryIdOf(ctx.db, 'pothole')),
    })

    const details = await postStep(agent, '/reports/new/details', { title: 'Κάτι', description: '  ' })
    expect(details.status).toBe(400)
    expect(details.text).toContain('Περιγράψτε το πρόβλημα')
    expect(details.text).toContain('value="Κάτι"')
    await postStep(agent, '/reports/new/details', { title: 'Κάτι', description: 'Κάτι χάλασε.' })

    const location = await postStep(agent, '/reports/new/location', { address: 'Ερμού 12', district: '' })
    expect(location.status).toBe(400)
    expect(location.text).toContain('Διαλέξτε την περιοχή')
    expect(location.text).toContain('value="Ερμού 12"')
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses a kind, category or district that does not exist, without a server error', async () => {
    const { agent } = await citizenAgent()
    expect((await postStep(agent, '/reports/new/kind', { kind: 'rumour' })).status).toBe(400)
    await postStep(agent, '/reports/new/kind', { kind: 'report' })
    const badCategory = await postStep(agent, '/reports/new/category', { categoryId: '999999' })
    expect(badCategory.status).toBe(400)
    expect(badCategory.text).toContain('Διαλέξτε κατηγορία')
    const nonsense = await postStep(agent, '/reports/new/category', { categoryId: '1e99' })
    expect(nonsense.status).toBe(400)
    expect(nonsense.text).toContain('Διαλέξτε κατηγορία')
    await postStep(agent, '/reports/new/category', {
      categoryId: String(await categoryIdOf(ctx.db, 'pothole')),
    })
    await postStep(agent, '/reports/new/details', { title: 'Λάμπα', description: 'Σβηστή.' })
    const badDistrict = await postStep(agent, '/reports/new/location', {
      address: 'Ερμού 12',
      district: 'atlantis',
    })
    expect(badDistrict.status).toBe(400)
    expect(badDistrict.text).toContain('Διαλέξτε την περιοχή')
  })

  it('stores text in NFC', async () => {
    const { agent } = await citizenAgent()
    await fileReport(agent, { title: 'Λακκου\u0301βα' })
    const report = await ctx.db('reports').first()
    expect(report.title).toBe('Λακκούβα')
  })

  it('sends a signed-out visitor to sign in first', async () => {
    const response = await request(ctx.app).get('/reports/new')
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/login?next=%2Freports%2Fnew')
  })

  it('files nothing from a form sent to /reports/new itself', async () => {
    const { agent } = await citizenAgent()
    const start = await agent.get('/reports/new')
    const response = await agent
      .post('/reports/new')
      .type('form')
      .send({
        kind: 'report',
        categoryId: String(await categoryIdOf(ctx.db, 'pothole')),
        title: 'Σπασμένο παγκάκι',
        description: 'Στην πλατεία.',
        address: 'Πλατεία Σαπφούς',
        district: await firstDistrictCode(ctx.db),
        _csrf: csrfFrom(start.text),
      })
    expect(response.status).toBe(404)
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await ctx.db('report_drafts').count({ n: '*' })).toEqual([{ n: 0 }])
  })
})

describe('who can see a report', () => {
  it('answers 404 to another citizen, for the page and in their list', async () => {
    const owner = await citizenAgent()
    const filed = await fileReport(owner.agent)
    const path = `/reports/${referenceFrom(filed)}`

    const other = await citizenAgent()
    expect((await other.agent.get(path)).status).toBe(404)
    expect((await other.agent.get('/reports')).text).not.toContain(path)
    expect((await owner.agent.get(path)).status).toBe(200)
  })

  it('answers 404 for a reference that does not exist', async () => {
    const { agent } = await citizenAgent()
    expect((await agent.get('/reports/MYT-2026-99999')).status).toBe(404)
  })
})

describe('a clerk answering a report', () => {
  async function clerkAgent() {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'], fullName: 'Γιώργος Υπάλληλος' })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    return { clerk, agent }
  }

  it('sees every report newest first, changes its status, and the citizen sees the message', async () => {
    const citizen = await citizenAgent()
    const filed = await fileReport(citizen.agent)
    const reference = referenceFrom(filed)
    const { clerk, agent } = await clerkAgent()

    const queue = await agent.get('/staff/reports')
    expect(queue.text).toContain(reference)

    const page = await agent.get(`/staff/reports/${reference}`)
    const response = await agent
      .post(`/staff/reports/${reference}/status`)
      .type('form')
      .send({
        status: 'in_progress',
        publicMessage: 'Το συνεργείο θα περάσει αύριο το πρωί.',
        internalNote: 'Χρειάζεται καλαθοφόρο.',
        _csrf: csrfFrom(page.text),
      })
    expect(response.status).toBe(303)

    const citizenPage = await citizen.agent.get(`/reports/${reference}`)
    expect(citizenPage.text).toContain('Σε εξέλιξη')
    expect(citizenPage.text).toContain('Το συνεργείο θα περάσει αύριο το πρωί.')
    expect(citizenPage.text).not.toContain('Χρειάζεται καλαθοφόρο.')
    expect(citizenPage.text).not.toContain('Γιώργος Υπάλληλος')

    const staffPage = await agent.get(`/staff/reports/${reference}`)
    expect(staffPage.text).toContain('Χρειάζεται καλαθοφόρο.')

    const audit = await ctx.db('audit_log').where({ entity_type: 'report', entity_id: reference })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_id: clerk.id, action: 'report.status_changed' })
    expect(audit[0].before).toEqual({ status: 'submitted' })
    expect(audit[0].after).toMatchObject({ status: 'in_progress' })
  })

  it('must give the citizen a reason to reject', async () => {
    await citizenAgent().then(({ agent }) => fileReport(agent))
    const reference = (await ctx.db('reports').first()).reference
    const { agent } = await clerkAgent()
    const page = await agent.get(`/staff/reports/${reference}`)
    const response = await agent
      .post(`/staff/reports/${reference}/status`)
      .type('form')
      .send({ status: 'rejected', publicMessage: '', internalNote: 'ΔΕΥΑ', _csrf: csrfFrom(page.text) })

    expect(response.status).toBe(400)
    expect(response.text).toContain('Γράψτε στον δημότη γιατί απορρίπτεται η αναφορά')
    expect(response.text).toContain('ΔΕΥΑ')
    expect((await ctx.db('reports').first()).status).toBe('submitted')
  })

  it('cannot move a report to a state it cannot reach', async () => {
    await citizenAgent().then(({ agent }) => fileReport(agent))
    const reference = (await ctx.db('reports').first()).reference
    const { agent } = await clerkAgent()
    const page = await agent.get(`/staff/reports/${reference}`)
    const response = await agent
      .post(`/staff/reports/${reference}/status`)
      .type('form')
      .send({ status: 'submitted', _csrf: csrfFrom(page.text) })
    expect(response.status).toBe(400)
    expect(await ctx.db('audit_log').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses the audit log any change once written', async () => {
    await citizenAgent().then(({ agent }) => fileReport(agent))
    const reference = (await ctx.db('reports').first()).reference
    const { agent } = await clerkAgent()
    const page = await agent.get(`/staff/reports/${reference}`)
    await agent
      .post(`/staff/reports/${reference}/status`)
      .type('form')
      .send({ status: 'acknowledged', _csrf: csrfFrom(page.text) })

    await expect(ctx.db('audit_log').update({ action: 'forged' })).rejects.toThrow(/append-only/)
    await expect(ctx.db('audit_log').delete()).rejects.toThrow(/append-only/)
  })
})

describe('hostile input', () => {
  it('answers odd characters in a reference with 404, not a server error', async () => {
    const { agent } = await citizenAgent()
    for (const path of ['/reports/%00', '/reports/MYT-2026-00001%00', "/reports/'%20OR%201=1"]) {
      expect((await agent.get(path)).status).toBe(404)
    }
  })

  it('counts an invisible-only title as empty', async () => {
    const agent = await atDetails()
    const empty = await postStep(agent, '/reports/new/details', {
      title: '\u200B\u202E',
      description: 'Σβηστή λάμπα.',
    })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Γράψτε έναν σύντομο τίτλο')
  })

  it('removes NUL bytes and invisible characters and keeps emoji whole', async () => {
    const { agent } = await citizenAgent()
    const filed = await fileReport(agent, {
      title: 'Λάμπα\u0000 σβηστή\u202E',
      description: 'Οικογένεια 👨‍👩‍👧 περνά',
    })
    expect(filed.status).toBe(303)
    const report = await ctx.db('reports').first()
    expect(report.title).toBe('Λάμπα σβηστή')
    expect(report.description).toBe('Οικογένεια 👨‍👩‍👧 περνά')
  })

  it('refuses a category number beyond the database integer range with a message', async () => {
    const { agent } = await citizenAgent()
    await postStep(agent, '/reports/new/kind', { kind: 'report' })
    const response = await postStep(agent, '/reports/new/category', { categoryId: '2147483648' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Διαλέξτε κατηγορία')
  })

  it('answers ids of photos beyond any range with 404 or a plain redirect, never a server error', async () => {
    const agent = await atDetails()
    const huge = '99999999999999999999999'
    expect((await agent.get(`/reports/new/photos/${huge}`)).status).toBe(404)
    const page = await agent.get('/reports/new/details')
    const removed = await agent
      .post(`/reports/new/photos/${huge}/remove`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
    expect(removed.status).toBe(303)
  })
})

import { randomUUID } from 'node:crypto'
import request from 'supertest'
import {
  csrfFrom,
  referenceFrom,
  signIn,
  startTestApp,
  submitForm,
  type Agent,
  type TestContext,
} from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser, firstCategoryId, firstDistrictCode } from '../helpers/factories'

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

async function fileReport(agent: Agent, fields: Record<string, string> = {}) {
  return submitForm(agent, '/reports/new', '/reports/new', {
    kind: 'report',
    categoryId: String(await firstCategoryId(ctx.db)),
    title: 'Σβηστή λάμπα στην Ερμού',
    description: 'Η λάμπα έξω από το νούμερο 12 είναι σβηστή εδώ και μια εβδομάδα. 💡',
    address: 'Ερμού 12',
    district: await firstDistrictCode(ctx.db),
    ...fields,
  })
}

describe('filing a report', () => {
  it("files it, routes it to the category's department and shows the reference", async () => {
    const { user, agent } = await citizenAgent()
    const response = await fileReport(agent)

    expect(response.status).toBe(303)
    const year = new Date().getFullYear()
    expect(response.headers.location).toMatch(new RegExp(`^/reports/MYT-${year}-00001\\?filed=1$`))
    const report = await ctx.db('reports').first()
    const category = await ctx.db('categories').where({ id: report.category_id }).first()
    expect(report).toMatchObject({
      author_id: user.id,
      status: 'submitted',
      department_id: category.department_id,
    })
    expect(report.description).toContain('💡')

    const page = await agent.get(String(response.headers.location))
    expect(page.status).toBe(200)
    expect(page.text).toContain('Η αναφορά σας υποβλήθηκε')
    expect(page.text).toContain(`MYT-${year}-00001`)
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

  it('explains what is missing and keeps the answers', async () => {
    const { agent } = await citizenAgent()
    const response = await fileReport(agent, {
      kind: '',
      categoryId: '',
      title: 'Κάτι',
      description: '  ',
      district: '',
    })

    expect(response.status).toBe(400)
    expect(response.text).toContain('Διαλέξτε αν είναι παρατήρηση')
    expect(response.text).toContain('Διαλέξτε κατηγορία')
    expect(response.text).toContain('Περιγράψτε το πρόβλημα')
    expect(response.text).toContain('Διαλέξτε την περιοχή')
    expect(response.text).toContain('value="Κάτι"')
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses a category or district that does not exist, without a server error', async () => {
    const { agent } = await citizenAgent()
    const badCategory = await fileReport(agent, { categoryId: '999999' })
    expect(badCategory.status).toBe(400)
    expect(badCategory.text).toContain('Διαλέξτε κατηγορία')
    const badDistrict = await fileReport(agent, { district: 'atlantis' })
    expect(badDistrict.status).toBe(400)
    expect(badDistrict.text).toContain('Διαλέξτε την περιοχή')
    const nonsense = await fileReport(agent, { categoryId: '1e99', kind: 'rumour' })
    expect(nonsense.status).toBe(400)
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

  it('removes NUL bytes and invisible characters, and an invisible-only title counts as empty', async () => {
    const { agent } = await citizenAgent()
    const empty = await fileReport(agent, { title: '\u200B\u202E' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Γράψτε έναν σύντομο τίτλο')

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
    const response = await fileReport(agent, { categoryId: '2147483648' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Διαλέξτε κατηγορία')
  })
})

describe('sending the same form twice', () => {
  it('files one report, one after the other or at the same time', async () => {
    const { agent } = await citizenAgent()
    // The one-form POST takes the key of the form it was sent from; the step-by-step pages' own
    // double sending is tested in filing.test.ts.
    const form = await agent.get('/reports/new')
    const key = randomUUID()
    const fields = {
      kind: 'report',
      categoryId: String(await firstCategoryId(ctx.db)),
      title: 'Σπασμένο παγκάκι',
      description: 'Στην πλατεία.',
      address: 'Πλατεία Σαπφούς',
      district: await firstDistrictCode(ctx.db),
      submissionKey: key!,
      _csrf: csrfFrom(form.text),
    }
    const send = () => agent.post('/reports/new').type('form').send(fields)
    const [first, second] = await Promise.all([send(), send()])
    const third = await send()

    expect([first.status, second.status, third.status]).toEqual([303, 303, 303])
    expect(new Set([first, second, third].map((r) => r.headers.location)).size).toBe(1)
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 1 }])
  })
})

// Every page of the portal, in Greek and English, signed out, as a citizen and as a clerk:
// axe-core finds no WCAG 2.x A or AA violation, and each page has one h1 and a skip link.
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
import { axeViolations } from '../helpers/axe'
import { createReport, createUser, firstCategoryId, firstDistrictCode } from '../helpers/factories'
import { addPhoto } from '../helpers/public-reports'

let ctx: TestContext
let reference: string
let resolvedReference: string
const agents: Record<string, Agent> = {}

beforeAll(async () => {
  ctx = await startTestApp()
  const citizen = await createUser(ctx.db)
  const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
  agents.visitor = request.agent(ctx.app)
  agents.citizen = request.agent(ctx.app)
  agents.clerk = request.agent(ctx.app)
  await signIn(agents.citizen, citizen.email, citizen.password)
  await signIn(agents.clerk, clerk.email, clerk.password)
  const filed = await submitForm(agents.citizen, '/reports/new', '/reports/new', {
    kind: 'complaint',
    categoryId: String(await firstCategoryId(ctx.db)),
    title: 'Κάδος γεμάτος',
    description: 'Ο κάδος στη γωνία ξεχειλίζει από την Κυριακή.',
    address: 'Ερμού 40',
    district: await firstDistrictCode(ctx.db),
  })
  reference = referenceFrom(filed)
  const staffPage = await agents.clerk.get(`/staff/reports/${reference}`)
  await agents.clerk
    .post(`/staff/reports/${reference}/status`)
    .type('form')
    .send({
      status: 'in_progress',
      publicMessage: 'Ενημερώθηκε το συνεργείο.',
      internalNote: 'Βάρδια Τρίτης.',
      _csrf: csrfFrom(staffPage.text),
    })
  const report = await ctx.db('reports').where({ reference }).first('id')
  await addPhoto(ctx.db, Number(report.id))
  await ctx.db('report_followers').insert({ report_id: report.id, user_id: clerk.id })
  const resolved = await createReport(ctx.db, citizen.id, { status: 'resolved', resolved_at: new Date() })
  resolvedReference = resolved.reference
})
afterAll(() => ctx.close())

const publicPages = [
  '/',
  '/login',
  '/register',
  '/accessibility',
  '/privacy',
  '/cookies',
  '/terms',
  '/contact',
  '/no-such-page',
  '/public/reports',
  '/public/reports?status=open&period=year',
]
const publicReportPages = () => [
  `/public/reports/${reference}`,
  `/public/reports/${reference}?notice=followed`,
]
const citizenPages = () => [
  '/',
  '/account',
  '/reports',
  '/reports/new',
  `/reports/${reference}`,
  `/reports/${reference}?filed=1`,
  `/public/reports/${reference}`,
  '/following',
  `/reports/${resolvedReference}`,
  `/reports/${resolvedReference}/reopen`,
  `/reports/${resolvedReference}/reopened`,
]
const clerkPages = () => [
  '/staff/reports',
  `/staff/reports/${reference}`,
  `/staff/reports/${reference}?updated=1`,
  `/public/reports/${resolvedReference}`,
  `/public/reports/${reference}?notice=unfollowed`,
  '/following',
  '/following?notice=unfollowed',
]

async function expectAccessible(agent: Agent, path: string, lang: 'el' | 'en') {
  await agent.get(`/language/${lang}`)
  const response = await agent.get(path)
  expect([200, 404]).toContain(response.status)
  expect(response.text).toContain(`<html lang="${lang}">`)
  expect(response.text.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(response.text).toMatch(/<title>(Πρόβλημα: |Error: )?[^<–]+ – e-/)
  expect(response.text).toContain('href="#main-content" class="skip-link"')
  const violations = await axeViolations(response.text)
  expect({ path, lang, violations }).toEqual({ path, lang, violations: [] })
}

describe.each(['el', 'en'] as const)('accessibility in %s', (lang) => {
  it.each(publicPages)('signed out: %s', async (path) => {
    await expectAccessible(agents.visitor!, path, lang)
  })

  it('signed out: a public report page', async () => {
    for (const path of publicReportPages()) await expectAccessible(agents.visitor!, path, lang)
  })

  it('as a citizen: every citizen page', async () => {
    for (const path of citizenPages()) await expectAccessible(agents.citizen!, path, lang)
  })

  it('as a clerk: every staff page', async () => {
    for (const path of clerkPages()) await expectAccessible(agents.clerk!, path, lang)
  })

  it('forms with errors', async () => {
    for (const agent of Object.values(agents)) await agent.get(`/language/${lang}`)
    const registerPage = await agents.visitor!.get('/register')
    const register = await agents
      .visitor!.post('/register')
      .type('form')
      .send({ email: 'x', _csrf: csrfFrom(registerPage.text) })
    expect(await axeViolations(register.text)).toEqual([])

    const reportPage = await agents.citizen!.get('/reports/new')
    const report = await agents
      .citizen!.post('/reports/new')
      .type('form')
      .send({ title: 'x', _csrf: csrfFrom(reportPage.text) })
    expect(report.status).toBe(400)
    expect(await axeViolations(report.text)).toEqual([])

    const statusPage = await agents.clerk!.get(`/staff/reports/${reference}`)
    const status = await agents
      .clerk!.post(`/staff/reports/${reference}/status`)
      .type('form')
      .send({ status: 'rejected', _csrf: csrfFrom(statusPage.text) })
    expect(status.status).toBe(400)
    expect(await axeViolations(status.text)).toEqual([])

    const filters = await agents.visitor!.get('/public/reports?status=lost&district=atlantis&q=')
    expect(filters.status).toBe(400)
    expect(await axeViolations(filters.text)).toEqual([])

    const reopenPage = await agents.citizen!.get(`/reports/${resolvedReference}/reopen`)
    const reopen = await agents
      .citizen!.post(`/reports/${resolvedReference}/reopen`)
      .type('form')
      .send({ reason: 'short', _csrf: csrfFrom(reopenPage.text) })
    expect(reopen.status).toBe(400)
    expect(await axeViolations(reopen.text)).toEqual([])

    const refused = await agents
      .citizen!.post(`/reports/${reference}/reopen`)
      .type('form')
      .send({ reason: 'Δεν διορθώθηκε τίποτα ακόμη.', _csrf: csrfFrom(reopenPage.text) })
    expect(refused.status).toBe(400)
    expect(await axeViolations(refused.text)).toEqual([])
  })
})

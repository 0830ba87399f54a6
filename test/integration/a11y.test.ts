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
import { htmlPage, pngImage } from '../helpers/documents'
import { createUser, firstCategoryId, firstDistrictCode } from '../helpers/factories'
import { claimAfm, decideClaim, submitDocument } from '../../src/features/afm/service'

let ctx: TestContext
let reference: string
let pendingClaimId: number
let rejectedClaimId: number
const agents: Record<string, Agent> = {}

beforeAll(async () => {
  ctx = await startTestApp()
  const citizen = await createUser(ctx.db)
  const resident = await createUser(ctx.db)
  const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
  agents.visitor = request.agent(ctx.app)
  agents.citizen = request.agent(ctx.app)
  agents.resident = request.agent(ctx.app)
  agents.clerk = request.agent(ctx.app)
  await signIn(agents.citizen, citizen.email, citizen.password)
  await signIn(agents.resident, resident.email, resident.password)
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

  // A claim waiting with a photo of the document, and a claim rejected with a reason.
  pendingClaimId = await claimAfm(ctx.db, citizen.id, '090000045')
  await submitDocument(ctx.db, citizen.id, pngImage())
  rejectedClaimId = await claimAfm(ctx.db, resident.id, '094019245')
  const reviewer = { actorId: clerk.id, ip: null, requestId: null }
  await decideClaim(ctx.db, reviewer, rejectedClaimId, { status: 'rejected', reason: 'Δεν φάνηκε ο ΑΦΜ.' })
  // The clerk's own AFM, verified by a colleague.
  const colleague = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
  const verifiedClaimId = await claimAfm(ctx.db, clerk.id, '112233441')
  await decideClaim(ctx.db, { actorId: colleague.id, ip: null, requestId: null }, verifiedClaimId, {
    status: 'verified',
  })
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
  '/account-closed',
  '/no-such-page',
]
const citizenPages = () => [
  '/',
  '/account',
  '/reports',
  '/reports/new',
  `/reports/${reference}`,
  `/reports/${reference}?filed=1`,
  '/account/afm',
  '/account/afm?done=document',
  '/account/data',
  '/account/close',
]
const residentPages = ['/account', '/account/afm']
const clerkPages = () => [
  '/staff/reports',
  `/staff/reports/${reference}`,
  `/staff/reports/${reference}?updated=1`,
  '/staff/afm',
  '/staff/afm?decided=rejected',
  '/staff/afm?afm=12',
  `/staff/afm/${pendingClaimId}`,
  `/staff/afm/${rejectedClaimId}`,
  '/account',
  '/account/afm',
  '/account/data',
  '/account/close',
]

async function expectAccessible(agent: Agent, path: string, lang: 'el' | 'en') {
  await agent.get(`/language/${lang}`)
  const response = await agent.get(path)
  expect([200, 404]).toContain(response.status)
  expect(response.text).toContain(`<html lang="${lang}">`)
  expect(response.text.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(response.text).toContain('href="#main-content" class="skip-link"')
  const violations = await axeViolations(response.text)
  expect({ path, lang, violations }).toEqual({ path, lang, violations: [] })
}

describe.each(['el', 'en'] as const)('accessibility in %s', (lang) => {
  it.each(publicPages)('signed out: %s', async (path) => {
    await expectAccessible(agents.visitor!, path, lang)
  })

  it('as a citizen: every citizen page', async () => {
    for (const path of citizenPages()) await expectAccessible(agents.citizen!, path, lang)
  })

  it('as a resident whose tax number was rejected', async () => {
    for (const path of residentPages) await expectAccessible(agents.resident!, path, lang)
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

    const claimPage = await agents.resident!.get('/account/afm')
    const claim = await agents
      .resident!.post('/account/afm')
      .type('form')
      .send({ afm: '12', _csrf: csrfFrom(claimPage.text) })
    expect(claim.status).toBe(400)
    expect(await axeViolations(claim.text)).toEqual([])

    const uploadPage = await agents.citizen!.get('/account/afm')
    const upload = await agents
      .citizen!.post('/account/afm/document')
      .field('_csrf', csrfFrom(uploadPage.text))
      .attach('document', htmlPage(), { filename: 'afm.pdf', contentType: 'application/pdf' })
    expect(upload.status).toBe(400)
    expect(await axeViolations(upload.text)).toEqual([])

    const decisionPage = await agents.clerk!.get(`/staff/afm/${pendingClaimId}`)
    const decision = await agents
      .clerk!.post(`/staff/afm/${pendingClaimId}/decision`)
      .type('form')
      .send({ decision: 'rejected', _csrf: csrfFrom(decisionPage.text) })
    expect(decision.status).toBe(400)
    expect(await axeViolations(decision.text)).toEqual([])

    const closePage = await agents.citizen!.get('/account/close')
    const close = await agents
      .citizen!.post('/account/close')
      .type('form')
      .send({ password: 'not the password', _csrf: csrfFrom(closePage.text) })
    expect(close.status).toBe(400)
    expect(await axeViolations(close.text)).toEqual([])
  })
})

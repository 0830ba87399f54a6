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
import { setClock } from '../../src/lib/clock'
import { axeViolations } from '../helpers/axe'
import { deliverMail, outbox, queuedLink } from '../helpers/mail'
import { createReport, createUser } from '../helpers/factories'
import { fileReportThroughJourney } from '../helpers/filing'
import { addPhoto } from '../helpers/public-reports'
import { enrolTwoFactor } from '../helpers/totp'

import { htmlPage, pngImage } from '../helpers/documents'
import { claimAfm, decideClaim, submitDocument } from '../../src/features/afm/service'

let ctx: TestContext
let reference: string
let resolvedReference: string
let pendingClaimId: number
let rejectedClaimId: number
const agents: Record<string, Agent> = {}
const links: Record<string, string> = {}
let mailId: number
const staffIds: Record<string, number> = {}
let invitationPath: string
let enrolledCredentials: { email: string; password: string }

/** A staff member who has typed the password and waits on the code page; the step expires, so start it afresh. */
async function waitingOnCode(lang: 'el' | 'en'): Promise<Agent> {
  const agent = request.agent(ctx.app)
  await agent.get(`/language/${lang}`)
  await submitForm(agent, '/login', '/login', enrolledCredentials)
  return agent
}

beforeAll(async () => {
  ctx = await startTestApp()
  const citizen = await createUser(ctx.db)
  const resident = await createUser(ctx.db)
  const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
  agents.visitor = request.agent(ctx.app)
  agents.citizen = request.agent(ctx.app)
  agents.resident = request.agent(ctx.app)
  agents.clerk = request.agent(ctx.app)
  agents.unverified = request.agent(ctx.app)
  await signIn(agents.citizen, citizen.email, citizen.password)
  await signIn(agents.resident, resident.email, resident.password)
  await signIn(agents.clerk, clerk.email, clerk.password)
  await submitForm(agents.unverified, '/register', '/register', {
    fullName: 'Σαπφώ Λεσβία',
    email: 'sappho@example.gr',
    password: 'ένα ποίημα για τη Μυτιλήνη',
    terms: 'yes',
  })
  await signIn(agents.unverified, 'sappho@example.gr', 'ένα ποίημα για τη Μυτιλήνη')
  links.verify = await queuedLink(ctx.db, 'sappho@example.gr', 'verify-email')
  await submitForm(request.agent(ctx.app), '/password/forgot', '/password/forgot', { email: citizen.email })
  links.reset = await queuedLink(ctx.db, citizen.email, 'password-reset')
  await submitForm(agents.citizen, '/account/email', '/account/email', {
    email: 'elsewhere@example.gr',
    currentPassword: citizen.password,
  })
  links.changeEmail = await queuedLink(ctx.db, 'elsewhere@example.gr', 'email-change-confirm')
  await deliverMail(ctx)
  mailId = (await outbox(ctx.db))[0]!.id
  const filed = await fileReportThroughJourney(agents.citizen, ctx.db, {
    kind: 'complaint',
    title: 'Κάδος γεμάτος',
    description: 'Ο κάδος στη γωνία ξεχειλίζει από την Κυριακή.',
    address: 'Ερμού 40',
  })
  reference = referenceFrom(filed)

  // Administration: an administrator, a clerk to manage, an open invitation, and a clerk with an
  // authenticator app who has typed the password and waits on the code page.
  const admin = await createUser(ctx.db, { roles: ['citizen', 'admin'] })
  agents.admin = request.agent(ctx.app)
  await signIn(agents.admin, admin.email, admin.password)
  staffIds.admin = admin.id
  staffIds.clerk = clerk.id
  const invited = await submitForm(agents.admin, '/staff/admin/users/new', '/staff/admin/users/new', {
    fullName: 'Emma Clarke',
    email: 'emma.clarke@mytilene.gr',
    roles: 'secretariat',
    locale: 'en',
  })
  staffIds.invited = Number(/\/staff\/admin\/users\/(\d+)/.exec(String(invited.headers.location))![1])
  const mail = await ctx.db('outbox').where({ template: 'staff-invitation' }).first()
  invitationPath = (typeof mail.data === 'string' ? JSON.parse(mail.data) : mail.data).path
  const enrolled = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
  agents.enrolled = request.agent(ctx.app)
  await signIn(agents.enrolled, enrolled.email, enrolled.password)
  await enrolTwoFactor(agents.enrolled)
  enrolledCredentials = { email: enrolled.email, password: enrolled.password }
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

const tokenOf = (link: string) => new URL(link, 'http://localhost').searchParams.get('token')!

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
  '/login?ended=idle&after=30',
  '/login?ended=absolute&after=12',
  '/login?notice=passwordReset',
  '/register/check-email',
  '/password/forgot',
  '/password/forgot/sent',
  '/email/verified',
  '/email/changed',
  '/email/verify?token=no-longer-valid',
  '/password/reset?token=no-longer-valid',
  '/email/change?token=no-longer-valid',
  '/dev/mail',
  '/public/reports',
  '/public/reports?status=open&period=year',
]
const publicReportPages = () => [
  `/public/reports/${reference}`,
  `/public/reports/${reference}?notice=followed`,
]
const linkPages = () => [links.verify!, links.reset!, links.changeEmail!]
const citizenPages = () => [
  '/',
  '/account',
  '/reports',
  '/reports/new',
  `/reports/${reference}`,
  `/reports/new/filed/${reference}`,
  '/account/sessions',
  '/account/sessions?signedOutOthers=1',
  '/account/password',
  '/account/email',
  '/account?notice=verified',
  '/account?notice=verificationSent',
  '/account?notice=passwordChanged',
  '/account?notice=emailChangeRequested',
  '/account?notice=emailChanged',
  `/dev/mail/${mailId}`,
  `/public/reports/${reference}`,
  '/following',
  `/reports/${resolvedReference}`,
  `/reports/${resolvedReference}/reopen`,
  `/reports/${resolvedReference}/reopened`,
  '/account/afm',
  '/account/afm?done=document',
  '/account/data',
  '/account/close',
]
const unverifiedPages = ['/account', '/reports/new']
const residentPages = ['/account', '/account/afm']
const clerkPages = () => [
  '/staff/reports',
  `/staff/reports/${reference}`,
  `/staff/reports/${reference}?updated=1`,
  `/public/reports/${resolvedReference}`,
  `/public/reports/${reference}?notice=unfollowed`,
  '/following',
  '/following?notice=unfollowed',
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

/** `{clerk}`, `{admin}` and `{invited}` stand for the ids of those accounts, known once created. */
const adminPages = [
  '/staff/reports',
  '/staff/admin/users',
  '/staff/admin/users?q=nobody-at-all',
  '/staff/admin/users/new',
  '/staff/admin/users/{clerk}',
  '/staff/admin/users/{clerk}?done=access',
  '/staff/admin/users/{invited}',
  '/staff/admin/users/{admin}',
  '/staff/audit',
  '/staff/audit?action=staff.invited',
  '/staff/audit?action=no.such.action',
  '/account/two-factor',
]
const invitationPages = () => [invitationPath, '/invitation?token=not-a-real-token', '/invitation/accepted']

async function expectAccessible(agent: Agent, path: string, lang: 'el' | 'en') {
  await agent.get(`/language/${lang}`)
  const response = await agent.get(path)
  expect([200, 403, 404, 409, 410]).toContain(response.status)
  expect(response.text).toContain(`<html lang="${lang}">`)
  expect(response.text.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(response.text).toMatch(/<title>(Πρόβλημα: |Error: )?(?!e-Υπηρεσίες|e-Services)[^<]+ – e-/)
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

  it('signed out: the pages that links in mails open', async () => {
    for (const path of linkPages()) await expectAccessible(agents.visitor!, path, lang)
  })

  it('with an address not yet confirmed: my account and the page that asks to confirm it', async () => {
    for (const path of unverifiedPages) await expectAccessible(agents.unverified!, path, lang)
  })

  it('as a resident whose tax number was rejected', async () => {
    for (const path of residentPages) await expectAccessible(agents.resident!, path, lang)
  })

  it('as a clerk: every staff page', async () => {
    for (const path of clerkPages()) await expectAccessible(agents.clerk!, path, lang)
  })

  it.each(adminPages)('as an administrator: %s', async (path) => {
    const resolved = path.replace(/\{(\w+)\}/g, (_, name: string) => String(staffIds[name]))
    await expectAccessible(agents.admin!, resolved, lang)
  })

  it('the invitation link and two-factor sign-in pages', async () => {
    for (const path of invitationPages()) await expectAccessible(agents.visitor!, path, lang)
    await expectAccessible(await waitingOnCode(lang), '/login/code', lang)
    await expectAccessible(agents.enrolled!, '/account/two-factor?done=1&next=%2Fstaff%2Freports', lang)
  })

  it('administration and two-factor forms with errors', async () => {
    for (const agent of Object.values(agents)) await agent.get(`/language/${lang}`)
    const responses = [
      await submitForm(agents.admin!, '/staff/admin/users/new', '/staff/admin/users/new', { email: 'x' }),
      await submitForm(
        agents.admin!,
        `/staff/admin/users/${staffIds.clerk}`,
        `/staff/admin/users/${staffIds.clerk}/access`,
        { roles: 'clerk' },
      ),
      await submitForm(
        agents.admin!,
        `/staff/admin/users/${staffIds.admin}`,
        `/staff/admin/users/${staffIds.admin}/deactivate`,
        {},
      ),
      await agents.admin!.get('/staff/audit?from=2026-02-30'),
      await submitForm(agents.admin!, '/account/two-factor', '/account/two-factor', { code: '12' }),
      await submitForm(await waitingOnCode(lang), '/login/code', '/login/code', { code: '' }),
      await submitForm(agents.visitor!, invitationPath, '/invitation', {
        token: new URL(invitationPath, 'http://x').searchParams.get('token')!,
        password: 'short',
      }),
    ]
    for (const response of responses) {
      expect(response.status).toBe(400)
      expect(response.text.match(/<h1[\s>]/g)).toHaveLength(1)
      expect(await axeViolations(response.text)).toEqual([])
    }
  })

  it('forms with errors', async () => {
    for (const agent of Object.values(agents)) await agent.get(`/language/${lang}`)
    const registerPage = await agents.visitor!.get('/register')
    const register = await agents
      .visitor!.post('/register')
      .type('form')
      .send({ email: 'x', _csrf: csrfFrom(registerPage.text) })
    expect(await axeViolations(register.text)).toEqual([])

    const kindStep = await submitForm(agents.citizen!, '/reports/new/kind', '/reports/new/kind', { kind: '' })
    expect(kindStep.status).toBe(400)
    expect(await axeViolations(kindStep.text)).toEqual([])

    const forms: [Agent, string, string, Record<string, string>][] = [
      [agents.visitor!, '/password/forgot', '/password/forgot', { email: 'x' }],
      [
        agents.visitor!,
        links.reset!,
        '/password/reset',
        { token: tokenOf(links.reset!), newPassword: 'short' },
      ],
      [agents.citizen!, '/account/password', '/account/password', { currentPassword: '', newPassword: 'x' }],
      [agents.citizen!, '/account/email', '/account/email', { email: 'x', currentPassword: '' }],
    ]
    for (const [agent, page, action, fields] of forms) {
      const response = await submitForm(agent, page, action, fields)
      expect({ action, status: response.status }).toEqual({ action, status: 400 })
      expect({ action, violations: await axeViolations(response.text) }).toEqual({ action, violations: [] })
    }

    const statusPage = await agents.clerk!.get(`/staff/reports/${reference}`)
    const status = await agents
      .clerk!.post(`/staff/reports/${reference}/status`)
      .type('form')
      .send({ status: 'rejected', _csrf: csrfFrom(statusPage.text) })
    expect(status.status).toBe(400)
    expect(await axeViolations(status.text)).toEqual([])

    setClock(new Date())
    try {
      const loginPage = await agents.visitor!.get('/login')
      const attempt = () =>
        agents
          .visitor!.post('/login')
          .type('form')
          .send({
            email: `throttled-${lang}@example.org`,
            password: 'wrong',
            _csrf: csrfFrom(loginPage.text),
          })
      for (let i = 0; i < 5; i += 1) await attempt()
      const throttled = await attempt()
      expect(throttled.status).toBe(429)
      expect(await axeViolations(throttled.text)).toEqual([])
    } finally {
      setClock(null)
    }

    const sessionsPage = await agents.citizen!.get('/account/sessions')
    const signOut = await agents
      .citizen!.post('/account/sessions/sign-out-others')
      .type('form')
      .send({ password: '', _csrf: csrfFrom(sessionsPage.text) })
    expect(signOut.status).toBe(400)
    expect(signOut.text).toContain('id="field-password"')
    expect(await axeViolations(signOut.text)).toEqual([])
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

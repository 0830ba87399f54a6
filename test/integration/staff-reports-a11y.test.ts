// The staff pages of reports, in Greek and English, with and without errors: no axe violation,
// one h1 and a skip link on each.
import request from 'supertest'
import { csrfFrom, signIn, startTestApp, useEnglish, type Agent, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { createReport, createUser } from '../helpers/factories'
import { addPhoto } from '../helpers/public-reports'

let ctx: TestContext
let reference: string
let original: string
const agents: Record<'el' | 'en', Agent> = {} as Record<'el' | 'en', Agent>
let templateId: number

beforeAll(async () => {
  ctx = await startTestApp()
  const author = await createUser(ctx.db)
  const admin = await createUser(ctx.db, { roles: ['citizen', 'clerk', 'admin'] })
  const department = await ctx.db('departments').orderBy('id').first('id')
  await ctx.db('users').where({ id: admin.id }).update({ department_id: department.id })
  original = (await createReport(ctx.db, author.id)).reference
  const report = await createReport(ctx.db, author.id, { assignee_id: admin.id })
  reference = report.reference
  await addPhoto(ctx.db, report.id)
  const [template] = await ctx
    .db('response_templates')
    .insert({
      status: 'acknowledged',
      title_el: 'Παραλαβή',
      title_en: 'Received',
      body_el: 'Λάβαμε την {reference}.',
      body_en: 'We got {reference}.',
    })
    .returning('id')
  templateId = template.id
  for (const lang of ['el', 'en'] as const) {
    agents[lang] = request.agent(ctx.app)
    await signIn(agents[lang], admin.email, admin.password)
    if (lang === 'en') await useEnglish(agents[lang])
  }
  // Some history on the timeline: a status change, a note, an assignment, a moderation.
  const page = await agents.el.get(`/staff/reports/${reference}`)
  const csrf = csrfFrom(page.text)
  await agents.el
    .post(`/staff/reports/${reference}/status`)
    .type('form')
    .send({ status: 'acknowledged', publicMessage: 'Το είδαμε.', internalNote: 'Σημείωση.', _csrf: csrf })
  await agents.el
    .post(`/staff/reports/${reference}/moderate`)
    .type('form')
    .send({ hidden: 'no', publicTitle: 'Νέος τίτλος', moderationReason: 'Δοκιμή.', _csrf: csrf })
}, 60000)
afterAll(() => ctx.close())

async function expectAccessible(html: string) {
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(html).toContain('href="#main-content" class="skip-link"')
  expect(await axeViolations(html)).toEqual([])
}

describe.each(['el', 'en'] as const)('staff report pages in %s', (lang) => {
  const pages = () => [
    '/staff/reports',
    '/staff/reports?status=submitted&status=acknowledged&assignee=me&from=2020-01-01&q=%CE%BB&sort=status',
    '/staff/reports?q=nothing-matches-this',
    '/staff/reports?from=2026-02-30&status=lost',
    `/staff/reports/${reference}`,
    `/staff/reports/${reference}?template=${templateId}`,
    `/staff/reports/${reference}?done=updated`,
    '/staff/reports/new',
  ]

  it('are accessible', async () => {
    for (const path of pages()) {
      const response = await agents[lang].get(path)
      expect(response.status).toBe(200)
      await expectAccessible(response.text)
    }
  }, 60000)

  it('are accessible when a form comes back with errors', async () => {
    const agent = agents[lang]
    const page = await agent.get(`/staff/reports/${reference}`)
    const csrf = csrfFrom(page.text)
    const posts: [string, Record<string, string>][] = [
      [`/staff/reports/${reference}/status`, { status: 'rejected', rejectionReason: 'notResponsible' }],
      [`/staff/reports/${reference}/reassign`, {}],
      [`/staff/reports/${reference}/assign`, { assignee: 'x' }],
      [`/staff/reports/${reference}/duplicate`, { original: reference }],
      [`/staff/reports/${reference}/moderate`, { hidden: 'yes' }],
      ['/staff/reports/new', { channel: 'counter', title: 'x' }],
      [
        '/staff/reports/new',
        { channel: 'phone', title: 'Καλέστε 6971234567', lat: '37.98', lng: '23.73', district: 'kentro' },
      ],
    ]
    for (const [path, fields] of posts) {
      const response = await agent
        .post(path)
        .type('form')
        .send({ ...fields, _csrf: csrf })
      expect(response.status).toBe(400)
      expect(response.text).toContain('error-summary')
      await expectAccessible(response.text)
    }
    expect(original).toMatch(/^MYT-/)
  }, 60000)
})

describe.each(['el', 'en'] as const)('the dashboard in %s', (lang) => {
  it('is accessible, with and without data and with a bad filter', async () => {
    for (const path of [
      '/staff/dashboard',
      '/staff/dashboard?scope=all',
      '/staff/dashboard?from=1999-01-01&to=1999-01-02',
      '/staff/dashboard?to=nonsense',
    ]) {
      const response = await agents[lang].get(path)
      expect(response.status).toBe(200)
      await expectAccessible(response.text)
    }
  }, 60000)
})

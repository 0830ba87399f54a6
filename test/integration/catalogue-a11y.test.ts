// The report catalogue's administration pages, in Greek and English, with and without errors: no
// axe violation, one h1 and a skip link on each.
import request from 'supertest'
import { csrfFrom, signIn, startTestApp, useEnglish, type Agent, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { createUser } from '../helpers/factories'
import { categoryIdOf } from '../helpers/filing'

let ctx: TestContext
const agents: Record<'el' | 'en', Agent> = {} as Record<'el' | 'en', Agent>
let categoryId: number
let departmentId: number
let templateIds: number[]

beforeAll(async () => {
  ctx = await startTestApp()
  const admin = await createUser(ctx.db, { roles: ['citizen', 'admin'] })
  categoryId = await categoryIdOf(ctx.db, 'bin_full_damaged')
  departmentId = Number((await ctx.db('departments').where({ code: 'cleaning' }).first('id')).id)
  const templates = await ctx
    .db('response_templates')
    .insert([
      {
        status: 'acknowledged',
        title_el: 'Παραλαβή',
        title_en: 'Received',
        body_el: 'Λάβαμε την {reference}.',
        body_en: 'We got {reference}.',
      },
      {
        status: null,
        title_el: 'Παλιό',
        title_en: 'Old',
        body_el: 'Παλιό.',
        body_en: 'Old.',
        is_active: false,
      },
    ])
    .returning('id')
  templateIds = templates.map((row: { id: number }) => row.id)
  for (const lang of ['el', 'en'] as const) {
    agents[lang] = request.agent(ctx.app)
    await signIn(agents[lang], admin.email, admin.password)
    if (lang === 'en') await useEnglish(agents[lang])
  }
}, 60000)
afterAll(() => ctx.close())

async function expectAccessible(html: string) {
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(html).toContain('href="#main-content" class="skip-link"')
  expect(await axeViolations(html)).toEqual([])
}

describe.each(['el', 'en'] as const)('the catalogue pages in %s', (lang) => {
  const pages = () => [
    '/staff/admin/categories',
    `/staff/admin/categories?department=${departmentId}&status=inactive&q=nothing-matches&sort=name`,
    '/staff/admin/categories/new',
    `/staff/admin/categories/${categoryId}`,
    `/staff/admin/categories/${categoryId}?done=saved`,
    '/staff/admin/departments',
    '/staff/admin/departments/new',
    `/staff/admin/departments/${departmentId}?done=created`,
    '/staff/admin/response-templates',
    '/staff/admin/response-templates/new',
    `/staff/admin/response-templates/${templateIds[0]}?done=reactivated`,
    `/staff/admin/response-templates/${templateIds[1]}`,
  ]

  it('are accessible', async () => {
    for (const path of pages()) {
      const response = await agents[lang].get(path)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      await expectAccessible(response.text)
    }
  }, 90000)

  it('are accessible when a form comes back with errors', async () => {
    const agent = agents[lang]
    const csrf = csrfFrom((await agent.get('/staff/admin/categories/new')).text)
    const badQuestions = {
      q1_key: 'X Y',
      q1_label_el: '',
      q1_label_en: 'Colour?',
      q1_type: 'select',
      q1_options_el: 'Ένα',
      q2_key: 'size',
      q2_type: 'yesno',
      q2_options_en: 'Big',
    }
    const posts: [string, Record<string, string>][] = [
      [
        '/staff/admin/categories/new',
        { code: '', duplicateRadius: '9999', noticeEl: 'Μόνο', ...badQuestions },
      ],
      [`/staff/admin/categories/${categoryId}`, { nameEl: '', active: 'maybe', ...badQuestions }],
      ['/staff/admin/departments/new', { code: 'cleaning', email: 'nope' }],
      [`/staff/admin/departments/${departmentId}`, { nameEl: '', phone: 'abc' }],
      ['/staff/admin/response-templates/new', { status: 'submitted', bodyEl: 'Γεια {name}' }],
      [`/staff/admin/response-templates/${templateIds[0]}`, { titleEn: '', bodyEn: '{who}' }],
    ]
    for (const [path, fields] of posts) {
      const response = await agent
        .post(path)
        .type('form')
        .send({ ...fields, _csrf: csrf })
      expect({ path, status: response.status }).toEqual({ path, status: 400 })
      expect(response.text).toContain('error-summary')
      await expectAccessible(response.text)
    }
  }, 90000)
})

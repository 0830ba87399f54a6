// axe checks of every filing step, the check page and the confirmation, in both languages,
// each step also in its error state.
import request from 'supertest'
import { csrfFrom, signIn, startTestApp, type Agent, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { createReport, createUser } from '../helpers/factories'
import { categoryIdOf, fillDraft, postStep, submissionKeyFrom } from '../helpers/filing'
import { pngPhoto } from '../helpers/photos'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())

async function expectAccessible(html: string) {
  expect((html.match(/<h1[\s>]/g) ?? []).length).toBe(1)
  expect(html).toContain('class="skip-link"')
  expect(await axeViolations(html)).toEqual([])
}

describe.each(['el', 'en'])('the filing pages in %s', (lang) => {
  let agent: Agent

  beforeAll(async () => {
    const user = await createUser(ctx.db)
    agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    await agent.get(`/language/${lang}`)
  })

  it('every step, with and without errors, the check page with duplicates and the confirmation', async () => {
    const bins = await categoryIdOf(ctx.db, 'bin_full_damaged')
    await createReport(ctx.db, (await createUser(ctx.db)).id, {
      category_id: bins,
      lat: 39.1066,
      lng: 26.5556,
    })

    const steps: [string, Record<string, string>, Record<string, string>][] = [
      ['/reports/new/kind', {}, { kind: 'report' }],
      ['/reports/new/category', { categoryId: '' }, { categoryId: String(bins) }],
      ['/reports/new/questions', { q_bin_type: 'nope' }, { q_bin_type: 'general', q_damaged: 'no' }],
      [
        '/reports/new/details',
        { title: '', description: 'maria@example.gr' },
        { title: 'Κάδος', description: 'Γεμάτος.' },
      ],
      [
        '/reports/new/location',
        { address: '', district: '', lat: '37.98', lng: '23.73' },
        { address: 'Ερμού 40', district: 'kentro', lat: '39.1065', lng: '26.5555' },
      ],
      ['/reports/new/name', {}, { showName: 'no' }],
    ]
    await expectAccessible((await agent.get('/reports/new')).text)
    for (const [path, wrong, right] of steps) {
      if (path === '/reports/new/name') {
        const photos = await agent.get('/reports/new/photos')
        await expectAccessible(photos.text)
        const refused = await agent
          .post('/reports/new/photos/upload')
          .field('_csrf', csrfFrom(photos.text))
          .attach('photo', Buffer.from('not a photo at all, only some words'), 'x.jpg')
        expect(refused.status).toBe(400)
        await expectAccessible(refused.text)
        await agent
          .post('/reports/new/photos/upload')
          .field('_csrf', csrfFrom(photos.text))
          .attach('photo', await pngPhoto(), 'a.png')
        await expectAccessible((await agent.get('/reports/new/photos')).text)
        await postStep(agent, '/reports/new/photos', {})
      }
      const page = await agent.get(path)
      expect(page.status).toBe(200)
      await expectAccessible(page.text)
      const failed = await postStep(agent, path, wrong)
      expect(failed.status).toBe(400)
      await expectAccessible(failed.text)
      expect((await postStep(agent, path, right)).status).toBe(303)
    }
    await expectAccessible((await agent.get('/reports/new/category?q=λαμπα')).text)
    await expectAccessible((await agent.get('/reports/new/category?q=zzzz')).text)

    const check = await agent.get('/reports/new/check')
    expect(check.text).toContain('possible-duplicates')
    await expectAccessible(check.text)
    const sent = await agent
      .post('/reports/new/check')
      .type('form')
      .send({ submissionKey: submissionKeyFrom(check.text), _csrf: csrfFrom(check.text) })
    const reference = /MYT-\d{4}-\d{5}/.exec(String(sent.headers.location))![0]
    await expectAccessible((await agent.get(String(sent.headers.location))).text)
    await expectAccessible((await agent.get(`/reports/${reference}`)).text)
  })

  it('the check page without duplicates', async () => {
    const check = await fillDraft(agent, ctx.db)
    await expectAccessible(check.text)
  })
})

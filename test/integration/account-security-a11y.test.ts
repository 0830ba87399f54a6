// The pages and states added for account security, in Greek and English: signing out one device
// with the password, a sign-in code typed again, and the mail about two-step sign-in as /dev/mail
// shows it. axe-core finds no WCAG 2.x A or AA violation; each page has one h1 and a skip link.
import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { sessionHandle } from '../../src/features/sessions/service'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { axeViolations } from '../helpers/axe'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { outbox } from '../helpers/mail'
import { enrolTwoFactor, totpCode } from '../helpers/totp'

const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-03T09:00:05Z'))
})
afterEach(() => setClock(null))

async function expectAccessible(page: { status: number; text: string }, lang: 'el' | 'en', status = 200) {
  expect(page.status).toBe(status)
  expect(await axeViolations(page.text)).toEqual([])
  expect(page.text.match(/<h1[ >]/g)).toHaveLength(1)
  expect(page.text).toContain('href="#main-content"')
  expect(page.text).toContain(`lang="${lang}"`)
}

async function inLanguage(lang: 'el' | 'en'): Promise<Agent> {
  const agent = request.agent(ctx.app)
  await agent.get(`/language/${lang}?next=/`)
  return agent
}

for (const lang of ['el', 'en'] as const) {
  describe(`in ${lang}`, () => {
    it('the page that asks for the password to sign out one device, as it is and with its errors', async () => {
      const user = await createUser(ctx.db)
      const phone = request.agent(ctx.app).set('User-Agent', SAFARI_IPHONE)
      await signIn(phone, user.email, user.password)
      const [row] = await ctx.db('sessions').select('sid')
      const laptop = await inLanguage(lang)
      await signIn(laptop, user.email, user.password)
      const path = `/account/sessions/${sessionHandle(String(row.sid))}/sign-out`

      await expectAccessible(await laptop.get(path), lang)
      const send = (password: string) => submitForm(laptop, '/account/sessions', path, { password })
      const missing = await send('')
      await expectAccessible(missing, lang, 400)
      expect(missing.text).toContain('class="error-summary"')
      await expectAccessible(await send('not the password at all'), lang, 400)
      for (let i = 0; i < 4; i += 1) await send('not the password at all')
      await expectAccessible(await send(user.password), lang, 429)
    })

    it('the code page that says a code was used already, and the mail about it in /dev/mail', async () => {
      const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
      await ctx.db('users').where({ id: clerk.id }).update({ locale: lang })
      const staff = request.agent(ctx.app)
      await signIn(staff, clerk.email, clerk.password)
      const secret = await enrolTwoFactor(staff)
      advanceClock(30 * 1000)
      const code = await totpCode(secret)
      for (const expected of [303, 400]) {
        const agent = await inLanguage(lang)
        await submitForm(agent, '/login', '/login', { email: clerk.email, password: clerk.password })
        const page = await agent.get('/login/code')
        const answer = await agent
          .post('/login/code')
          .type('form')
          .send({ code, _csrf: csrfFrom(page.text) })
        expect(answer.status).toBe(expected)
        if (expected === 400) await expectAccessible(answer, lang, 400)
      }

      const admin = await createUser(ctx.db, { roles: ['citizen', 'admin'] })
      const adminAgent = await inLanguage(lang)
      await signIn(adminAgent, admin.email, admin.password)
      await submitForm(
        adminAgent,
        `/staff/admin/users/${clerk.id}`,
        `/staff/admin/users/${clerk.id}/two-factor/reset`,
        {},
      )
      const mails = await outbox(ctx.db, clerk.email)
      expect(mails.map((mail) => mail.template)).toEqual([
        'two-factor-on',
        'two-factor-code-reused',
        'two-factor-reset',
      ])
      const reader = await inLanguage(lang)
      for (const mail of mails) await expectAccessible(await reader.get(`/dev/mail/${mail.id}`), lang)
    })
  })
}

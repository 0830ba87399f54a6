import request from 'supertest'
import { signIn, startTestApp, submitForm, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { lastMail, linkTo } from '../helpers/mail'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

const langOf = (html: string) => /<html lang="(el|en)"/.exec(html)?.[1]

describe('the language a person chose', () => {
  it('comes back when they sign in on another device', async () => {
    const person = await createUser(ctx.db, { locale: 'en' })
    const device = request.agent(ctx.app)
    expect(langOf((await device.get('/login')).text)).toBe('el')
    await signIn(device, person.email, person.password)
    expect(langOf((await device.get('/account')).text)).toBe('en')
  })

  it("chosen on a device before signing in is kept, and becomes the account's", async () => {
    const person = await createUser(ctx.db, { locale: 'el' })
    const device = request.agent(ctx.app)
    await device.get('/language/en?next=/login')
    await signIn(device, person.email, person.password)
    expect(langOf((await device.get('/account')).text)).toBe('en')
    expect((await ctx.db('users').where({ id: person.id }).first('locale')).locale).toBe('en')
  })

  it('is kept with the account when they switch while signed in', async () => {
    const person = await createUser(ctx.db)
    const device = request.agent(ctx.app)
    await signIn(device, person.email, person.password)
    await device.get('/language/en?next=/account')
    expect((await ctx.db('users').where({ id: person.id }).first('locale')).locale).toBe('en')
    await device.get('/language/el?next=/account')
    expect((await ctx.db('users').where({ id: person.id }).first('locale')).locale).toBe('el')
  })

  it('opens the links of an English mail in English on a new device', async () => {
    const english = request.agent(ctx.app)
    await english.get('/language/en')
    const email = 'john.smith@example.org'
    const registered = await submitForm(english, '/register', '/register', {
      fullName: 'John Smith',
      email,
      password: 'a long enough passphrase for John',
      terms: 'yes',
    })
    expect(registered.status).toBe(303)
    const mail = await lastMail(ctx, email, 'verify-email')
    const link = linkTo(mail, '/email/verify')
    expect(mail.text).toContain(`${link}&lang=en`)

    const fresh = request.agent(ctx.app)
    const opened = await fresh.get(`${link}&lang=en`)
    expect(langOf(opened.text)).toBe('en')
    // The choice stays on that device.
    expect(langOf((await fresh.get('/')).text)).toBe('en')
  })

  it('follows ?lang= on any page and ignores a language it does not have', async () => {
    expect(langOf((await request(ctx.app).get('/public/reports?lang=en')).text)).toBe('en')
    expect(langOf((await request(ctx.app).get('/public/reports?lang=fr')).text)).toBe('el')
  })
})

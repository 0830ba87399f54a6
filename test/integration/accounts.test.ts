import request from 'supertest'
import { csrfFrom, sessionCookie, signIn, startTestApp, submitForm, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { endSessionsOfUser } from '../../src/features/accounts/sessions'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

const validRegistration = {
  fullName: 'Ελένη Δοκιμή',
  email: 'Eleni.Dokimi@Example.GR',
  password: 'μια μεγάλη ελληνική φράση',
  afm: '090 000 045',
  phone: '69 1234 5678',
  terms: 'yes',
}

describe('registration', () => {
  it('creates a citizen account, signs them in and stores the e-mail in lower case', async () => {
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/register', '/register', validRegistration)

    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/account?welcome=1')
    const user = await ctx.db('users').where({ email: 'eleni.dokimi@example.gr' }).first()
    expect(user).toMatchObject({ full_name: 'Ελένη Δοκιμή', phone: '6912345678' })
    const claim = await ctx.db('afm_claims').where({ user_id: user.id }).first()
    expect(claim).toMatchObject({ afm: '090000045', status: 'pending' })
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    const roles = await ctx.db('user_roles').where({ user_id: user.id }).pluck('role')
    expect(roles).toEqual(['citizen'])

    const account = await agent.get('/account')
    expect(account.status).toBe(200)
    expect(account.text).toContain('eleni.dokimi@example.gr')
  })

  it('explains every missing answer in Greek and keeps what was typed', async () => {
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/register', '/register', {
      fullName: 'Νίκος',
      email: 'not-an-email',
      password: 'short',
      afm: '123456789',
      phone: '12',
    })

    expect(response.status).toBe(400)
    expect(response.text).toContain('<title>Πρόβλημα:')
    expect(response.text).toContain('class="error-summary"')
    expect(response.text).toContain('Γράψτε μια διεύθυνση e-mail στη σωστή μορφή')
    expect(response.text).toContain('Ο κωδικός πρέπει να έχει τουλάχιστον 12 χαρακτήρες')
    expect(response.text).toContain('Αυτός ο ΑΦΜ δεν είναι έγκυρος')
    expect(response.text).toContain('Γράψτε έναν αριθμό τηλεφώνου')
    expect(response.text).toContain('Πρέπει να αποδεχθείτε τους όρους χρήσης')
    expect(response.text).toContain('value="Νίκος"')
    expect(response.text).toContain('value="not-an-email"')
    expect(response.text).not.toContain('value="short"')
    expect(await ctx.db('users').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('answers in English when English was chosen', async () => {
    const agent = request.agent(ctx.app)
    await agent.get('/language/en?next=/register')
    const response = await submitForm(agent, '/register', '/register', { ...validRegistration, afm: '12345' })

    expect(response.status).toBe(400)
    expect(response.text).toContain('<html lang="en">')
    expect(response.text).toContain('<title>Error:')
    expect(response.text).toContain('A tax number (ΑΦΜ) has 9 digits')
  })

  it('counts a password by its characters, so a Greek passphrase of 12 letters is enough', async () => {
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/register', '/register', {
      ...validRegistration,
      password: 'αβγδεζηθικλμ',
    })
    expect(response.status).toBe(302)
  })

  it('refuses a second account for the same e-mail in any case', async () => {
    await createUser(ctx.db, { email: 'eleni.dokimi@example.gr' })
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/register', '/register', validRegistration)

    expect(response.status).toBe(400)
    expect(await ctx.db('users').count({ n: '*' })).toEqual([{ n: 1 }])
  })
})

describe('signing in and out', () => {
  it('gives a new session id at sign-in and takes the user to the page they asked for', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    const loginPage = await agent.get('/login?next=/reports')
    const before = sessionCookie(loginPage)
    expect(before).toBeDefined()

    const response = await agent
      .post('/login')
      .type('form')
      .send({
        email: user.email.toUpperCase(),
        password: user.password,
        next: '/reports',
        _csrf: csrfFrom(loginPage.text),
      })

    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/reports')
    const after = sessionCookie(response)
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
  })

  it('gives the same answer for an unknown e-mail and for a wrong password', async () => {
    const user = await createUser(ctx.db)
    const unknown = await submitForm(request.agent(ctx.app), '/login', '/login', {
      email: 'nobody@example.org',
      password: 'whatever password',
    })
    const wrong = await submitForm(request.agent(ctx.app), '/login', '/login', {
      email: user.email,
      password: 'not the password at all',
    })

    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    const message = (html: string) => /<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1]
    expect(message(unknown.text)).toBe(message(wrong.text))
    expect(unknown.text).toContain('Το e-mail ή ο κωδικός πρόσβασης δεν είναι σωστός')
  })

  it('does not follow a next address to another site', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    const page = await agent.get('/login')
    const response = await agent
      .post('/login')
      .type('form')
      .send({
        email: user.email,
        password: user.password,
        next: '//evil.example/',
        _csrf: csrfFrom(page.text),
      })
    expect(response.headers.location).toBe('/account')
  })

  it('ends the session on the server at sign-out', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    const signedIn = await signIn(agent, user.email, user.password)
    const cookie = sessionCookie(signedIn)!
    const account = await agent.get('/account')
    const response = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom(account.text) })

    expect(response.status).toBe(302)
    expect((await agent.get('/account')).status).toBe(302)
    const replayed = await request(ctx.app).get('/account').set('Cookie', cookie)
    expect(replayed.status).toBe(302)
    expect(replayed.headers.location).toBe('/login?next=%2Faccount')
  })

  it('sends a signed-out visitor of my account to the sign-in page', async () => {
    const response = await request(ctx.app).get('/account')
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/login?next=%2Faccount')
  })
})

describe('ending the sessions of an account', () => {
  it('signs the account out everywhere but in the session that is kept', async () => {
    const user = await createUser(ctx.db)
    const other = await createUser(ctx.db)
    const [first, second, third] = [request.agent(ctx.app), request.agent(ctx.app), request.agent(ctx.app)]
    const kept = sessionCookie(await signIn(first, user.email, user.password))!
    await signIn(second, user.email, user.password)
    await signIn(third, other.email, other.password)

    const sid = decodeURIComponent(kept.split('=')[1]!).slice(2).split('.')[0]!
    expect(await endSessionsOfUser(ctx.db, user.id, sid)).toBe(1)

    expect((await first.get('/account')).status).toBe(200)
    expect((await second.get('/account')).status).toBe(302)
    expect((await third.get('/account')).status).toBe(200)
  })
})

describe('CSRF protection', () => {
  it('refuses a form without its token with a page that says what to do', async () => {
    const response = await request(ctx.app)
      .post('/register')
      .type('form')
      .send({ ...validRegistration })

    expect(response.status).toBe(403)
    expect(response.text).toContain('Η φόρμα έληξε')
    expect(response.text).toContain('Κωδικός υποστήριξης')
    expect(await ctx.db('users').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses a token from another session', async () => {
    const other = await request.agent(ctx.app).get('/login')
    const agent = request.agent(ctx.app)
    await agent.get('/login')
    const response = await agent
      .post('/login')
      .type('form')
      .send({ email: 'a@example.org', password: 'x', _csrf: csrfFrom(other.text) })
    expect(response.status).toBe(403)
  })
})

describe('staff pages', () => {
  it('answer 404 to a signed-out visitor and to a citizen, and open for a clerk', async () => {
    const citizen = await createUser(ctx.db)
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    expect((await request(ctx.app).get('/staff/reports')).status).toBe(404)

    const citizenAgent = request.agent(ctx.app)
    await signIn(citizenAgent, citizen.email, citizen.password)
    expect((await citizenAgent.get('/staff/reports')).status).toBe(404)

    const clerkAgent = request.agent(ctx.app)
    await signIn(clerkAgent, clerk.email, clerk.password)
    expect((await clerkAgent.get('/staff/reports')).status).toBe(200)
  })

  it('stop opening as soon as the role is taken away', async () => {
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const agent = request.agent(ctx.app)
    await signIn(agent, clerk.email, clerk.password)
    expect((await agent.get('/staff/reports')).status).toBe(200)

    await ctx.db('user_roles').where({ user_id: clerk.id, role: 'clerk' }).delete()
    expect((await agent.get('/staff/reports')).status).toBe(404)
  })
})

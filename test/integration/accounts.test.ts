import { createHash } from 'node:crypto'
import request from 'supertest'
import { seedDemo } from '../../seeds/demo'
import { endSessionsOfUser } from '../../src/features/accounts/sessions'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, sessionCookie, signIn, startTestApp, submitForm, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { lastMail, linkTo, outbox, queuedLink, templatesSentTo } from '../helpers/mail'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const HOUR = 60 * 60 * 1000
const tokenOf = (link: string) => new URL(link, 'http://localhost').searchParams.get('token')!
const isVerified = async (email: string) =>
  (await ctx.db('users').where({ email }).first('email_verified_at')).email_verified_at !== null

const validRegistration = {
  fullName: 'Ελένη Δοκιμή',
  email: 'Eleni.Dokimi@Example.GR',
  password: 'μια μεγάλη ελληνική φράση',
  afm: '090 000 045',
  phone: '69 1234 5678',
  terms: 'yes',
}

describe('registration', () => {
  it('creates an unconfirmed citizen account, says to check the e-mail and queues the link', async () => {
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/register', '/register', validRegistration)

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/register/check-email')
    const user = await ctx.db('users').where({ email: 'eleni.dokimi@example.gr' }).first()
    expect(user).toMatchObject({ full_name: 'Ελένη Δοκιμή', phone: '6912345678' })
    const claim = await ctx.db('afm_claims').where({ user_id: user.id }).first()
    expect(claim).toMatchObject({ afm: '090000045', status: 'pending' })
    expect(user.email_verified_at).toBeNull()
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    const roles = await ctx.db('user_roles').where({ user_id: user.id }).pluck('role')
    expect(roles).toEqual(['citizen'])

    const page = await agent.get('/register/check-email')
    expect(page.text).toContain('Ελέγξτε το e-mail σας')
    expect(page.text).toContain('eleni.dokimi@example.gr')
    expect(await templatesSentTo(ctx.db, 'eleni.dokimi@example.gr')).toEqual(['verify-email'])
    expect((await agent.get('/account')).headers.location).toBe('/login?next=%2Faccount')
  })

  it('confirms the address through the link in the mail, once', async () => {
    const agent = request.agent(ctx.app)
    await submitForm(agent, '/register', '/register', validRegistration)
    const mail = await lastMail(ctx, 'eleni.dokimi@example.gr', 'verify-email')
    const link = linkTo(mail, '/email/verify')

    const page = await agent.get(link)
    expect(page.status).toBe(200)
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.text).toContain('eleni.dokimi@example.gr')
    expect(await isVerified('eleni.dokimi@example.gr')).toBe(false)
    const confirmed = await submitForm(agent, link, '/email/verify', { token: tokenOf(link) })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.location).toBe('/email/verified')
    expect(await isVerified('eleni.dokimi@example.gr')).toBe(true)

    const again = await submitForm(agent, '/register', '/email/verify', { token: tokenOf(link) })
    expect(again.status).toBe(410)
    expect(again.text).toContain('Αυτός ο σύνδεσμος δεν λειτουργεί πια')
    expect(again.text).toContain('Αν έχετε ήδη επιβεβαιώσει τη διεύθυνσή σας, απλώς συνδεθείτε')
    expect((await agent.get(link)).status).toBe(410)

    // Signed in, the owner of a confirmed address is told so rather than asked for a new link.
    await signIn(agent, 'eleni.dokimi@example.gr', validRegistration.password)
    const signedIn = await agent.get(link)
    expect(signedIn.status).toBe(410)
    expect(signedIn.text).toContain('έχει ήδη επιβεβαιωθεί')
    expect(signedIn.text).not.toContain('ζητήστε νέο σύνδεσμο')
  })

  it('stores only a hash of the link, bound to its purpose', async () => {
    const agent = request.agent(ctx.app)
    await submitForm(agent, '/register', '/register', validRegistration)
    const link = await queuedLink(ctx.db, 'eleni.dokimi@example.gr', 'verify-email')
    const token = tokenOf(link)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)

    const [row] = await ctx.db('account_tokens').select('token_hash', 'purpose')
    expect(row).toEqual({
      token_hash: createHash('sha256').update(token).digest('hex'),
      purpose: 'verify_email',
    })
    expect(JSON.stringify(await ctx.db('account_tokens'))).not.toContain(token)
    expect((await agent.get(`/password/reset?token=${token}`)).status).toBe(410)
    expect((await agent.get(`/email/change?token=${token}`)).status).toBe(410)
  })

  it('lets the link work for 24 hours and no longer', async () => {
    setClock(new Date('2026-12-03T10:00:00Z'))
    await submitForm(request.agent(ctx.app), '/register', '/register', validRegistration)
    await submitForm(request.agent(ctx.app), '/register', '/register', {
      ...validRegistration,
      email: 'other@example.gr',
    })
    const first = await queuedLink(ctx.db, 'eleni.dokimi@example.gr', 'verify-email')
    const second = await queuedLink(ctx.db, 'other@example.gr', 'verify-email')
    const mail = await lastMail(ctx, 'eleni.dokimi@example.gr', 'verify-email')
    expect(mail.text).toContain('έως 4 Δεκεμβρίου 2026 στις 12:00')

    advanceClock(24 * HOUR - 1000)
    const agent = request.agent(ctx.app)
    expect((await submitForm(agent, '/register', '/email/verify', { token: tokenOf(first) })).status).toBe(
      303,
    )
    advanceClock(2000)
    expect((await agent.get(second)).status).toBe(410)
    expect((await submitForm(agent, '/register', '/email/verify', { token: tokenOf(second) })).status).toBe(
      410,
    )
    expect(await isVerified('other@example.gr')).toBe(false)
  })

  it('gives the same answer for an address that already has an account, and tells its owner', async () => {
    const owner = await createUser(ctx.db, { email: 'eleni.dokimi@example.gr' })
    await ctx.db('users').where({ id: owner.id }).update({ locale: 'en' })
    const known = request.agent(ctx.app)
    const unknown = request.agent(ctx.app)
    const knownAnswer = await submitForm(known, '/register', '/register', validRegistration)
    const unknownAnswer = await submitForm(unknown, '/register', '/register', {
      ...validRegistration,
      email: 'someone.new@example.gr',
    })

    expect(knownAnswer.status).toBe(unknownAnswer.status)
    expect(knownAnswer.headers.location).toBe(unknownAnswer.headers.location)
    const knownPage = (await known.get('/register/check-email')).text
    const unknownPage = (await unknown.get('/register/check-email')).text
    expect(knownPage.replace('eleni.dokimi@example.gr', 'X')).toBe(
      unknownPage.replace('someone.new@example.gr', 'X'),
    )

    expect(await ctx.db('users').where({ email: 'eleni.dokimi@example.gr' }).count({ n: '*' })).toEqual([
      { n: 1 },
    ])
    expect(await templatesSentTo(ctx.db, 'eleni.dokimi@example.gr')).toEqual(['account-exists'])
    expect(await templatesSentTo(ctx.db, 'someone.new@example.gr')).toEqual(['verify-email'])
    const notice = await lastMail(ctx, 'eleni.dokimi@example.gr', 'account-exists')
    expect(notice.subject).toBe('Someone tried to create an account with your address')
    expect(notice.text).toContain('/login')
    expect(notice.text).toContain('/password/forgot')
    // The owner reads English, so the links open the portal in English.
    expect(notice.html).toContain('href="http://localhost:3000/password/forgot?lang=en"')
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
    expect(await outbox(ctx.db)).toEqual([])
  })

  it('answers in English when English was chosen, and writes the mail in English', async () => {
    const agent = request.agent(ctx.app)
    await agent.get('/language/en?next=/register')
    const response = await submitForm(agent, '/register', '/register', { ...validRegistration, afm: '12345' })

    expect(response.status).toBe(400)
    expect(response.text).toContain('<html lang="en">')
    expect(response.text).toContain('<title>Error:')
    expect(response.text).toContain('A tax number (ΑΦΜ) has 9 digits')

    await submitForm(agent, '/register', '/register', validRegistration)
    expect((await agent.get('/register/check-email')).text).toContain('Check your email')
    const mail = await lastMail(ctx, 'eleni.dokimi@example.gr', 'verify-email')
    expect(mail.subject).toBe('Confirm your email address')
    expect(mail.text).toContain('Hello Ελένη Δοκιμή,')
  })

  it('stores names in NFC, whatever form they were typed in', async () => {
    const agent = request.agent(ctx.app)
    await submitForm(agent, '/register', '/register', {
      ...validRegistration,
      fullName: '  Ελένη Δοκιμή  '.normalize('NFD'),
    })
    const user = await ctx.db('users').where({ email: 'eleni.dokimi@example.gr' }).first()
    expect(user.full_name).toBe('Ελένη Δοκιμή'.normalize('NFC'))
  })
})

describe('choosing a password', () => {
  const register = (password: string, email = 'eleni.dokimi@example.gr') =>
    submitForm(request.agent(ctx.app), '/register', '/register', { ...validRegistration, email, password })
  const summary = (html: string) => /<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''

  it('counts characters as code points: 11 are refused, 12 are enough, emoji count once', async () => {
    const eleven = await register('αβγδεζηθικλ')
    expect(eleven.status).toBe(400)
    expect(summary(eleven.text)).toContain('τουλάχιστον 12 χαρακτήρες')
    expect((await register('🦉'.repeat(11), 'owl11@example.gr')).status).toBe(400)
    // Decomposed accents count once each letter: 11 letters with tonos are still 11.
    expect((await register('άέήίόύώάέήί'.normalize('NFD'), 'nfd@example.gr')).status).toBe(400)

    expect((await register('αβγδεζηθικλμ')).status).toBe(303)
    expect((await register('🦉'.repeat(12), 'owl12@example.gr')).status).toBe(303)
  })

  it('accepts a Greek passphrase with spaces, and up to 128 characters but not 129', async () => {
    expect((await register('η θάλασσα της Μυτιλήνης το πρωί')).status).toBe(303)
    const long = 'λ'.repeat(128)
    expect((await register(long, 'long@example.gr')).status).toBe(303)
    const tooLong = await register(`${long}λ`, 'toolong@example.gr')
    expect(tooLong.status).toBe(400)
    expect(summary(tooLong.text)).toContain('έως 128 χαρακτήρες')
  })

  it('refuses common and breached passwords, in any case', async () => {
    for (const password of ['password1234', 'QWERTYUIOP12', 'Password2026!!', '123456789012']) {
      const response = await register(password)
      expect({ password, status: response.status }).toEqual({ password, status: 400 })
      expect(summary(response.text)).toContain('πολύ συνηθισμένος')
    }
    expect(await ctx.db('users').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it("refuses the service's own name and the person's e-mail address", async () => {
    for (const password of ['Μυτιλήνη2026!!', 'mytilene-2026', 'ΜΥΤΙΛΗΝΗ ΜΥΤΙΛΗΝΗ']) {
      const response = await register(password)
      expect({ password, status: response.status }).toEqual({ password, status: 400 })
    }
    const ownAddress = await register('Eleni.Dokimi@Example.GR')
    expect(ownAddress.status).toBe(400)
    expect(summary(ownAddress.text)).toContain('Μη χρησιμοποιείτε ως κωδικό τη διεύθυνση e-mail')
    expect((await register('eleni.dokimi.2026')).status).toBe(400)
  })

  it('sends the password field with new-password and a show/hide toggle, never back', async () => {
    const page = await request(ctx.app).get('/register')
    expect(page.text).toMatch(
      /<input[^>]+id="field-password"[^>]+type="password"[^>]+autocomplete="new-password"/,
    )
    expect(page.text).toContain('class="button button--secondary password-input__toggle"')
    expect(page.text).not.toMatch(/onpaste|maxlength/)
    const refused = await register('password1234')
    expect(refused.text).not.toContain('password1234')
  })
})

describe('an account whose address is not confirmed', () => {
  async function registerAndSignIn() {
    const agent = request.agent(ctx.app)
    await submitForm(agent, '/register', '/register', validRegistration)
    await signIn(agent, 'eleni.dokimi@example.gr', validRegistration.password)
    return agent
  }

  it('can sign in, is told to confirm, and cannot file a report until it does', async () => {
    const agent = await registerAndSignIn()
    const account = await agent.get('/account')
    expect(account.text).toContain('Επιβεβαιώστε τη διεύθυνση e-mail σας')
    expect(account.text).toContain('δεν έχει επιβεβαιωθεί')

    const form = await agent.get('/reports/new')
    expect(form.status).toBe(403)
    expect(form.text).toContain('Πρώτα επιβεβαιώστε τη διεύθυνση e-mail σας')
    expect(form.text).toContain('action="/email/verify/resend"')
    const filed = await agent
      .post('/reports/new/kind')
      .type('form')
      .send({ kind: 'report', _csrf: csrfFrom(form.text) })
    expect(filed.status).toBe(403)
    expect(await ctx.db('report_drafts').count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])

    const link = await queuedLink(ctx.db, 'eleni.dokimi@example.gr', 'verify-email')
    const confirmed = await submitForm(agent, link, '/email/verify', { token: tokenOf(link) })
    expect(confirmed.headers.location).toBe('/account?notice=verified')
    expect((await agent.get('/account?notice=verified')).text).toContain(
      'Η διεύθυνση e-mail σας επιβεβαιώθηκε',
    )
    expect((await agent.get('/reports/new')).status).toBe(200)
  })

  it('can ask for the link again; only the newest link works', async () => {
    const agent = await registerAndSignIn()
    const first = await queuedLink(ctx.db, 'eleni.dokimi@example.gr', 'verify-email')
    const resent = await submitForm(agent, '/account', '/email/verify/resend', {})
    expect(resent.headers.location).toBe('/account?notice=verificationSent')
    expect(await templatesSentTo(ctx.db, 'eleni.dokimi@example.gr')).toEqual(['verify-email', 'verify-email'])
    const second = await queuedLink(ctx.db, 'eleni.dokimi@example.gr', 'verify-email')
    expect(second).not.toBe(first)

    expect((await agent.get(first)).status).toBe(410)
    expect((await agent.get(second)).status).toBe(200)
  })

  it('sends nothing more once the address is confirmed', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    await signIn(agent, user.email, user.password)
    const resent = await submitForm(agent, '/account', '/email/verify/resend', {})
    expect(resent.headers.location).toBe('/account')
    expect(await outbox(ctx.db)).toEqual([])
  })

  it('is never a demo account: those are confirmed', async () => {
    await seedDemo(ctx.db)
    const unconfirmed = await ctx.db('users').whereNull('email_verified_at').count({ n: '*' })
    expect(unconfirmed).toEqual([{ n: 0 }])
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
  it('ask a signed-out visitor to sign in, answer 404 to a citizen, and open for a clerk', async () => {
    const citizen = await createUser(ctx.db)
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const visitor = await request(ctx.app).get('/staff/reports')
    expect(visitor.status).toBe(302)
    expect(visitor.headers.location).toBe('/login?next=%2Fstaff%2Freports')

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

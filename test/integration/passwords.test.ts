// Resetting a forgotten password by e-mail, and changing the password or the e-mail address
// from "my account".
import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser, PASSWORD } from '../helpers/factories'
import { lastMail, linkTo, outbox, templatesSentTo } from '../helpers/mail'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const MINUTE = 60 * 1000
const NEW_PASSWORD = 'το καΐκι φεύγει στις εφτά'
const tokenOf = (link: string) => new URL(link, 'http://localhost').searchParams.get('token')!
const summary = (html: string) => /<ul class="error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''

async function canSignIn(email: string, password: string): Promise<boolean> {
  const response = await submitForm(request.agent(ctx.app), '/login', '/login', { email, password })
  return response.status === 302
}

async function signedInAgent(email: string, password = PASSWORD): Promise<Agent> {
  const agent = request.agent(ctx.app)
  await signIn(agent, email, password)
  return agent
}

async function askForReset(email: string) {
  return submitForm(request.agent(ctx.app), '/password/forgot', '/password/forgot', { email })
}

describe('a forgotten password', () => {
  it('gives the same answer for a known and an unknown address, and mails only the known one', async () => {
    const user = await createUser(ctx.db, { email: 'known@example.gr' })
    const known = request.agent(ctx.app)
    const unknown = request.agent(ctx.app)
    const knownAnswer = await submitForm(known, '/password/forgot', '/password/forgot', {
      email: 'Known@Example.GR',
    })
    const unknownAnswer = await submitForm(unknown, '/password/forgot', '/password/forgot', {
      email: 'nobody@example.gr',
    })

    expect(knownAnswer.status).toBe(303)
    expect(knownAnswer.headers.location).toBe(unknownAnswer.headers.location)
    const knownPage = (await known.get('/password/forgot/sent')).text
    const unknownPage = (await unknown.get('/password/forgot/sent')).text
    expect(knownPage).toContain('Ο σύνδεσμος λειτουργεί μία φορά, για 30 λεπτά.')
    expect(knownPage.replace('known@example.gr', 'X')).toBe(unknownPage.replace('nobody@example.gr', 'X'))
    expect(await templatesSentTo(ctx.db, user.email)).toEqual(['password-reset'])
    expect((await outbox(ctx.db)).map((row) => row.to_address)).toEqual([user.email])
  })

  it('sets a new password through the link, once, and ends every session of the account', async () => {
    const user = await createUser(ctx.db)
    const elsewhere = await signedInAgent(user.email)
    await askForReset(user.email)
    const link = linkTo(await lastMail(ctx, user.email, 'password-reset'), '/password/reset')

    const agent = request.agent(ctx.app)
    const form = await agent.get(link)
    expect(form.status).toBe(200)
    expect(form.headers['referrer-policy']).toBe('no-referrer')
    expect(form.text).toMatch(/<input[^>]+name="newPassword"[^>]+autocomplete="new-password"/)
    expect(form.text).toContain(`value="${user.email}" autocomplete="username"`)
    const reset = await agent
      .post('/password/reset')
      .type('form')
      .send({ token: tokenOf(link), newPassword: NEW_PASSWORD, _csrf: csrfFrom(form.text) })
    expect(reset.status).toBe(303)
    expect(reset.headers.location).toBe('/login?notice=passwordReset')
    expect((await agent.get('/login?notice=passwordReset')).text).toContain('Ο κωδικός σας άλλαξε')

    expect((await elsewhere.get('/account')).status).toBe(302)
    expect(await canSignIn(user.email, PASSWORD)).toBe(false)
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true)
    expect(await templatesSentTo(ctx.db, user.email)).toEqual(['password-reset', 'password-changed'])

    const again = await submitForm(agent, '/login', '/password/reset', {
      token: tokenOf(link),
      newPassword: 'μια άλλη φράση για κωδικό',
    })
    expect(again.status).toBe(410)
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true)
  })

  it('lets the link work for 30 minutes and no longer', async () => {
    setClock(new Date('2026-12-03T10:00:00Z'))
    const first = await createUser(ctx.db)
    const second = await createUser(ctx.db)
    await askForReset(first.email)
    await askForReset(second.email)
    const firstLink = linkTo(await lastMail(ctx, first.email, 'password-reset'), '/password/reset')
    const secondLink = linkTo(await lastMail(ctx, second.email, 'password-reset'), '/password/reset')

    advanceClock(29 * MINUTE)
    const agent = request.agent(ctx.app)
    const inTime = await submitForm(agent, firstLink, '/password/reset', {
      token: tokenOf(firstLink),
      newPassword: NEW_PASSWORD,
    })
    expect(inTime.status).toBe(303)

    advanceClock(MINUTE)
    expect((await agent.get(secondLink)).status).toBe(410)
    const late = await submitForm(agent, '/login', '/password/reset', {
      token: tokenOf(secondLink),
      newPassword: NEW_PASSWORD,
    })
    expect(late.status).toBe(410)
    expect(late.text).toContain('Ζητήστε νέο σύνδεσμο')
    expect(await canSignIn(second.email, PASSWORD)).toBe(true)
  })

  it('refuses a weak new password without using up the link', async () => {
    const user = await createUser(ctx.db, { email: 'maria.k@example.gr' })
    await askForReset(user.email)
    const link = linkTo(await lastMail(ctx, user.email, 'password-reset'), '/password/reset')
    const agent = request.agent(ctx.app)

    for (const newPassword of ['qwertyuiop12', 'mariak123456', 'κοντός']) {
      const refused = await submitForm(agent, link, '/password/reset', { token: tokenOf(link), newPassword })
      expect({ newPassword, status: refused.status }).toEqual({ newPassword, status: 400 })
      expect(refused.text).toContain('class="error-summary"')
      expect(refused.text).not.toContain(newPassword)
    }
    const accepted = await submitForm(agent, link, '/password/reset', {
      token: tokenOf(link),
      newPassword: NEW_PASSWORD,
    })
    expect(accepted.status).toBe(303)
  })

  it('replaces an earlier link with a newer one', async () => {
    const user = await createUser(ctx.db)
    await askForReset(user.email)
    const first = linkTo(await lastMail(ctx, user.email, 'password-reset'), '/password/reset')
    await askForReset(user.email)
    const second = linkTo(await lastMail(ctx, user.email, 'password-reset'), '/password/reset')

    expect((await request(ctx.app).get(first)).status).toBe(410)
    expect((await request(ctx.app).get(second)).status).toBe(200)
  })

  it('writes the reset mail in the language of the account', async () => {
    const user = await createUser(ctx.db)
    await ctx.db('users').where({ id: user.id }).update({ locale: 'en' })
    await askForReset(user.email)
    const mail = await lastMail(ctx, user.email, 'password-reset')
    expect(mail.subject).toBe('Reset your password')
    expect(mail.text).toContain('The link works once, for 30 minutes')
    expect(mail.html).toContain('<html lang="en">')
  })
})

describe('changing the password', () => {
  it('asks for the current password', async () => {
    const user = await createUser(ctx.db)
    const agent = await signedInAgent(user.email)
    const missing = await submitForm(agent, '/account/password', '/account/password', {
      newPassword: NEW_PASSWORD,
    })
    expect(missing.status).toBe(400)
    expect(summary(missing.text)).toContain('Γράψτε τον τρέχοντα κωδικό σας')

    const wrong = await submitForm(agent, '/account/password', '/account/password', {
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    })
    expect(wrong.status).toBe(400)
    expect(summary(wrong.text)).toContain('Ο τρέχων κωδικός σας δεν είναι σωστός')
    expect(await canSignIn(user.email, PASSWORD)).toBe(true)
    expect(await outbox(ctx.db)).toEqual([])
  })

  it('changes it, keeps this session, ends the others and tells the address', async () => {
    const user = await createUser(ctx.db)
    const agent = await signedInAgent(user.email)
    const elsewhere = await signedInAgent(user.email)
    const page = await agent.get('/account/password')
    expect(page.text).toMatch(/<input[^>]+name="currentPassword"[^>]+autocomplete="current-password"/)
    expect(page.text).toMatch(/<input[^>]+name="newPassword"[^>]+autocomplete="new-password"/)

    const changed = await submitForm(agent, '/account/password', '/account/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(changed.status).toBe(303)
    expect(changed.headers.location).toBe('/account?notice=passwordChanged')
    expect((await agent.get('/account?notice=passwordChanged')).text).toContain('Ο κωδικός σας άλλαξε')
    expect((await elsewhere.get('/account')).status).toBe(302)
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true)
    expect(await canSignIn(user.email, PASSWORD)).toBe(false)

    const notice = await lastMail(ctx, user.email, 'password-changed')
    expect(notice.subject).toBe('Ο κωδικός πρόσβασής σας άλλαξε')
    expect(notice.text).toContain('/password/forgot')
  })

  it('refuses a common new password or the address itself', async () => {
    const user = await createUser(ctx.db, { email: 'nikos.s@example.gr' })
    const agent = await signedInAgent(user.email)
    for (const newPassword of ['iloveyou1234', 'nikos.s@example.gr', 'Nikos.S-2026']) {
      const refused = await submitForm(agent, '/account/password', '/account/password', {
        currentPassword: PASSWORD,
        newPassword,
      })
      expect({ newPassword, status: refused.status }).toEqual({ newPassword, status: 400 })
    }
    expect(await canSignIn(user.email, PASSWORD)).toBe(true)
  })

  it('makes earlier reset links stop working', async () => {
    const user = await createUser(ctx.db)
    await askForReset(user.email)
    const link = linkTo(await lastMail(ctx, user.email, 'password-reset'), '/password/reset')
    const agent = await signedInAgent(user.email)
    await submitForm(agent, '/account/password', '/account/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect((await request(ctx.app).get(link)).status).toBe(410)
  })
})

describe('changing the e-mail address', () => {
  it('asks for the current password and for an address that differs', async () => {
    const user = await createUser(ctx.db)
    const agent = await signedInAgent(user.email)
    const wrong = await submitForm(agent, '/account/email', '/account/email', {
      email: 'new@example.gr',
      currentPassword: 'not my password at all',
    })
    expect(wrong.status).toBe(400)
    expect(summary(wrong.text)).toContain('Ο τρέχων κωδικός σας δεν είναι σωστός')
    expect(wrong.text).toContain('value="new@example.gr"')

    const same = await submitForm(agent, '/account/email', '/account/email', {
      email: user.email.toUpperCase(),
      currentPassword: PASSWORD,
    })
    expect(same.status).toBe(400)
    expect(summary(same.text)).toContain('Αυτή είναι ήδη η διεύθυνση e-mail σας')
    expect(await outbox(ctx.db)).toEqual([])
  })

  it('sends a link to the new address and a notice to the old; the link moves the account', async () => {
    const user = await createUser(ctx.db)
    const agent = await signedInAgent(user.email)
    const requested = await submitForm(agent, '/account/email', '/account/email', {
      email: 'New.Address@Example.GR',
      currentPassword: PASSWORD,
    })
    expect(requested.status).toBe(303)
    expect(requested.headers.location).toBe('/account?notice=emailChangeRequested')
    expect(await templatesSentTo(ctx.db, 'new.address@example.gr')).toEqual(['email-change-confirm'])
    expect(await templatesSentTo(ctx.db, user.email)).toEqual(['email-change-requested'])
    const notice = await lastMail(ctx, user.email, 'email-change-requested')
    expect(notice.text).toContain('new.address@example.gr')
    expect(await canSignIn(user.email, PASSWORD)).toBe(true)

    const link = linkTo(
      await lastMail(ctx, 'new.address@example.gr', 'email-change-confirm'),
      '/email/change',
    )
    const page = await agent.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('new.address@example.gr')
    const confirmed = await submitForm(agent, link, '/email/change', { token: tokenOf(link) })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.location).toBe('/account?notice=emailChanged')

    const row = await ctx.db('users').where({ id: user.id }).first()
    expect(row.email).toBe('new.address@example.gr')
    expect(row.email_verified_at).not.toBeNull()
    expect(await canSignIn(user.email, PASSWORD)).toBe(false)
    expect(await canSignIn('new.address@example.gr', PASSWORD)).toBe(true)
    expect((await submitForm(agent, link, '/email/change', { token: tokenOf(link) })).status).toBe(410)
  })

  it('tells the owner of an address that is taken, and answers the same', async () => {
    const user = await createUser(ctx.db)
    const other = await createUser(ctx.db, { email: 'taken@example.gr' })
    const agent = await signedInAgent(user.email)
    const requested = await submitForm(agent, '/account/email', '/account/email', {
      email: other.email,
      currentPassword: PASSWORD,
    })

    expect(requested.status).toBe(303)
    expect(requested.headers.location).toBe('/account?notice=emailChangeRequested')
    expect(await templatesSentTo(ctx.db, other.email)).toEqual(['account-exists'])
    expect(await templatesSentTo(ctx.db, user.email)).toEqual(['email-change-requested'])
    expect(await ctx.db('account_tokens').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses the change if the address was taken after the link was sent', async () => {
    const user = await createUser(ctx.db)
    const agent = await signedInAgent(user.email)
    await submitForm(agent, '/account/email', '/account/email', {
      email: 'late@example.gr',
      currentPassword: PASSWORD,
    })
    const link = linkTo(await lastMail(ctx, 'late@example.gr', 'email-change-confirm'), '/email/change')
    await createUser(ctx.db, { email: 'late@example.gr' })

    const confirmed = await submitForm(agent, link, '/email/change', { token: tokenOf(link) })
    expect(confirmed.status).toBe(409)
    expect(confirmed.text).toContain('Αυτή η διεύθυνση ανήκει πλέον σε άλλον λογαριασμό')
    expect((await ctx.db('users').where({ id: user.id }).first()).email).toBe(user.email)
  })

  it('voids links sent to the old address once the address has changed', async () => {
    const user = await createUser(ctx.db)
    await askForReset(user.email)
    const resetLink = linkTo(await lastMail(ctx, user.email, 'password-reset'), '/password/reset')
    const agent = await signedInAgent(user.email)
    await submitForm(agent, '/account/email', '/account/email', {
      email: 'moved@example.gr',
      currentPassword: PASSWORD,
    })
    const link = linkTo(await lastMail(ctx, 'moved@example.gr', 'email-change-confirm'), '/email/change')
    await submitForm(agent, link, '/email/change', { token: tokenOf(link) })

    expect((await request(ctx.app).get(resetLink)).status).toBe(410)
  })

  it('sends the pages of my account to sign-in when signed out', async () => {
    for (const path of ['/account/password', '/account/email']) {
      const response = await request(ctx.app).get(path)
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`)
    }
  })
})

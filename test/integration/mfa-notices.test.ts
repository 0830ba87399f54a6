// Mail to the holder of a staff account when its two-step sign-in is set up, reset by an
// administrator, or when a code of theirs is typed again; and the log line of a reused code.
import request from 'supertest'
import { createApp } from '../../src/app'
import { advanceClock, setClock } from '../../src/lib/clock'
import { createLogger } from '../../src/web/logging'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { lastMail, templatesSentTo } from '../helpers/mail'
import { enrolTwoFactor, secretFrom, totpCode } from '../helpers/totp'

let ctx: TestContext
let app: TestContext['app']
let logLines: string[] = []

beforeAll(async () => {
  ctx = await startTestApp()
  const logger = createLogger('info', { write: (line: string) => logLines.push(line) })
  app = createApp({ config: ctx.config, db: ctx.db, logger })
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-03T09:00:05Z'))
  logLines = []
})
afterEach(() => setClock(null))

const STEP = 30 * 1000

async function signedInStaff(roles: ('citizen' | 'clerk' | 'admin')[], locale: 'el' | 'en' = 'el') {
  const user = await createUser(ctx.db, { roles })
  await ctx.db('users').where({ id: user.id }).update({ locale })
  const agent = request.agent(app)
  await signIn(agent, user.email, user.password)
  return { ...user, agent }
}

async function enrolledClerk() {
  const clerk = await signedInStaff(['citizen', 'clerk'])
  const secret = await enrolTwoFactor(clerk.agent)
  return { ...clerk, secret }
}

/** A new browser that has typed the clerk's password and now types `code`. */
async function signInWithCode(clerk: { email: string; password: string }, code: string) {
  const agent: Agent = request.agent(app)
  await submitForm(agent, '/login', '/login', { email: clerk.email, password: clerk.password })
  return submitForm(agent, '/login/code', '/login/code', { code })
}

const events = (name: string) =>
  logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === name)

describe('setting up two-step sign-in', () => {
  it("mails the holder once it is on, in the holder's language, and not for a wrong code", async () => {
    const clerk = await signedInStaff(['citizen', 'clerk'], 'en')
    const page = await clerk.agent.get('/account/two-factor')
    const secret = secretFrom(page.text)
    await clerk.agent
      .post('/account/two-factor')
      .type('form')
      .send({ code: '000000', _csrf: csrfFrom(page.text) })
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual([])

    const right = await clerk.agent
      .post('/account/two-factor')
      .type('form')
      .send({ code: await totpCode(secret), _csrf: csrfFrom(page.text) })
    expect(right.status).toBe(303)

    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on'])
    const mail = await lastMail(ctx, clerk.email, 'two-factor-on')
    expect(mail.subject).toBe('Two-step sign-in is on')
    expect(mail.text).toContain('turned on for your staff account on 3 December 2026 at 11:00')
    expect(mail.text).toContain('/password/forgot')
    expect(mail.text).not.toContain(secret)
  })
})

describe("an administrator's reset of two-step sign-in", () => {
  it('mails the holder in Greek, and mails nobody when there was nothing to reset', async () => {
    const admin = await signedInStaff(['citizen', 'admin'])
    const clerk = await enrolledClerk()
    const other = await signedInStaff(['citizen', 'clerk'])
    const reset = (id: number) =>
      submitForm(admin.agent, `/staff/admin/users/${id}`, `/staff/admin/users/${id}/two-factor/reset`, {})

    expect((await reset(clerk.id)).headers.location).toBe(
      `/staff/admin/users/${clerk.id}?done=twoFactorReset`,
    )
    expect((await reset(other.id)).headers.location).toBe(`/staff/admin/users/${other.id}?done=unchanged`)

    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on', 'two-factor-reset'])
    const mail = await lastMail(ctx, clerk.email, 'two-factor-reset')
    expect(mail.subject).toBe('Η σύνδεσή σας σε δύο βήματα επαναφέρθηκε')
    expect(mail.text).toContain('Ένας διαχειριστής της πύλης επανέφερε (3 Δεκεμβρίου 2026 στις 11:00)')
    expect(await templatesSentTo(ctx.db, other.email)).toEqual([])
    expect(await templatesSentTo(ctx.db, admin.email)).toEqual([])
  })
})

describe('a code typed again', () => {
  it('is refused within its 30 seconds, logged as reused without the code, and mailed to the holder', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const code = await totpCode(clerk.secret)
    expect((await signInWithCode(clerk, code)).status).toBe(303)

    advanceClock(20 * 1000) // the same time step
    const reused = await signInWithCode(clerk, code)

    expect(reused.status).toBe(400)
    expect(reused.text).toContain('Αυτός ο κωδικός έχει ήδη χρησιμοποιηθεί')
    expect(events('mfa_code_reused')).toEqual([
      expect.objectContaining({ level: 40, userId: clerk.id, locked: false }),
    ])
    expect(events('mfa_code_refused')).toEqual([])
    expect(logLines.join('\n')).not.toContain(`"${code}"`)
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on', 'two-factor-code-reused'])
    const mail = await lastMail(ctx, clerk.email, 'two-factor-code-reused')
    expect(mail.subject).toBe('Ένας κωδικός της εφαρμογής σας δόθηκε ξανά')
    expect(mail.text).toContain('(3 Δεκεμβρίου 2026 στις 11:00)')
    expect(mail.text).toContain('/password/forgot')
    expect(mail.text).not.toContain(code)
  })

  it('mails the holder once however often the same code is typed, and again for a later code', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const first = await totpCode(clerk.secret)
    expect((await signInWithCode(clerk, first)).status).toBe(303)
    for (let i = 0; i < 3; i += 1) expect((await signInWithCode(clerk, first)).status).toBe(400)
    expect(events('mfa_code_reused')).toHaveLength(3)
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on', 'two-factor-code-reused'])

    advanceClock(STEP)
    const second = await totpCode(clerk.secret)
    expect((await signInWithCode(clerk, second)).status).toBe(303)
    expect((await signInWithCode(clerk, second)).status).toBe(400)
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual([
      'two-factor-on',
      'two-factor-code-reused',
      'two-factor-code-reused',
    ])
  })

  it('counts as a wrong code for the account, while a wrong code is logged as refused and mails nobody', async () => {
    const clerk = await enrolledClerk()
    advanceClock(STEP)
    const code = await totpCode(clerk.secret)
    expect((await signInWithCode(clerk, code)).status).toBe(303)
    await signInWithCode(clerk, code)
    const wrong = await signInWithCode(clerk, code === '000000' ? '111111' : '000000')

    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Ο κωδικός δεν είναι σωστός')
    expect(events('mfa_code_refused')).toHaveLength(1)
    expect((await ctx.db('staff_totp').where({ user_id: clerk.id }).first()).failed_codes).toBe(2)
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on', 'two-factor-code-reused'])
  })

  it('includes the code that turned the app on, and lets the next code in', async () => {
    const clerk = await enrolledClerk()
    const setUpCode = await totpCode(clerk.secret)

    expect((await signInWithCode(clerk, setUpCode)).status).toBe(400)
    expect(events('mfa_code_reused')).toHaveLength(1)
    expect(await templatesSentTo(ctx.db, clerk.email)).toEqual(['two-factor-on', 'two-factor-code-reused'])

    advanceClock(STEP)
    expect((await signInWithCode(clerk, await totpCode(clerk.secret))).status).toBe(303)
  })
})

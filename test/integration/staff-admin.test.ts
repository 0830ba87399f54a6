import crypto from 'node:crypto'
import path from 'node:path'
import ejs from 'ejs'
import request from 'supertest'
import { advanceClock, setClock } from '../../src/lib/clock'
import { translatorFor } from '../../src/web/i18n'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'
import { enrolTwoFactor } from '../helpers/totp'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-03T09:00:00Z'))
})
afterEach(() => setClock(null))

const DAY = 24 * 60 * 60 * 1000

async function departmentId(code: string): Promise<number> {
  const row = await ctx.db('departments').where({ code }).first('id')
  return Number(row.id)
}

async function signedIn(roles: ('citizen' | 'clerk' | 'treasury' | 'secretariat' | 'admin')[]) {
  const user = await createUser(ctx.db, { roles })
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { ...user, agent }
}

async function auditRows(action: string) {
  return ctx.db('audit_log').where({ action }).orderBy('id')
}

/** POSTs a form of an account's page, with that page's CSRF token. */
async function postOnAccountPage(
  agent: Agent,
  userId: number,
  action: string,
  fields: Record<string, unknown>,
) {
  const page = await agent.get(`/staff/admin/users/${userId}`)
  return agent
    .post(`/staff/admin/users/${userId}/${action}`)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) })
}

async function invite(agent: Agent, fields: Record<string, unknown>) {
  const page = await agent.get('/staff/admin/users/new')
  return agent
    .post('/staff/admin/users/new')
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) })
}

async function renderMail(name: string, kind: 'text' | 'html', locale: 'el' | 'en', data: unknown) {
  const file = path.resolve(__dirname, `../../views/mail/${name}.${kind}.ejs`)
  return ejs.renderFile(file, {
    t: translatorFor(locale),
    lang: locale,
    baseUrl: 'https://eservices.example',
    data,
  })
}

/** The invitation link's path and token from the queued mail. */
async function queuedInvitation(to: string) {
  const mail = await ctx.db('outbox').where({ to_address: to }).orderBy('id', 'desc').first()
  const data = typeof mail.data === 'string' ? JSON.parse(mail.data) : mail.data
  const token = new URL(data.path, 'https://x').searchParams.get('token')!
  return { mail, data, token, path: data.path as string }
}

describe('who reaches the administration pages', () => {
  const pages = ['/staff/admin/users', '/staff/admin/users/new', '/staff/audit']

  it('asks signed-out visitors to sign in and answers 404 to residents and clerks', async () => {
    const target = await createUser(ctx.db, { roles: ['citizen', 'clerk'] })
    const citizen = await signedIn(['citizen'])
    const clerk = await signedIn(['citizen', 'clerk'])
    for (const page of [...pages, `/staff/admin/users/${target.id}`]) {
      expect({ page, status: (await request(ctx.app).get(page)).status }).toEqual({ page, status: 302 })
      expect({ page, status: (await citizen.agent.get(page)).status }).toEqual({ page, status: 404 })
      expect({ page, status: (await clerk.agent.get(page)).status }).toEqual({ page, status: 404 })
    }

    const account = await clerk.agent.get('/account')
    const forged = await clerk.agent
      .post(`/staff/admin/users/${target.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(account.text) })
    expect(forged.status).toBe(404)
    expect((await ctx.db('users').where({ id: target.id }).first()).is_active).toBe(true)
  })

  it('opens them for an administrator, with a link in the navigation', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    for (const page of pages) expect((await admin.agent.get(page)).status).toBe(200)
    const list = await admin.agent.get('/staff/admin/users')
    expect(list.text).toMatch(
      /<a class="site-nav__link" href="\/staff\/admin\/users" aria-current="page">Διαχείριση<\/a>/,
    )
  })

  it('answers 404 for an account number that does not exist or is not a number', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    expect((await admin.agent.get('/staff/admin/users/999999')).status).toBe(404)
    expect((await admin.agent.get('/staff/admin/users/1e3')).status).toBe(404)
  })
})

describe('the list of staff accounts', () => {
  it('shows staff only, with roles, department and status, and finds them by name without accents', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    await createUser(ctx.db, { fullName: 'Ελένη Δημότισσα' })
    const clerk = await createUser(ctx.db, { roles: ['citizen', 'clerk'], fullName: 'Γιώργος Χατζηγιάννης' })
    await ctx
      .db('users')
      .where({ id: clerk.id })
      .update({ department_id: await departmentId('cleaning') })
    const gone = await createUser(ctx.db, { roles: ['treasury'], fullName: 'Μαρία Κουτσούκου' })
    await ctx.db('users').where({ id: gone.id }).update({ is_active: false })

    const list = await admin.agent.get('/staff/admin/users')
    expect(list.text).toContain('3 λογαριασμοί προσωπικού')
    expect(list.text).not.toContain('Ελένη Δημότισσα')
    expect(list.text).toContain('Γιώργος Χατζηγιάννης')
    expect(list.text).toContain('Διεύθυνση Καθαριότητας και Ανακύκλωσης')
    expect(list.text).toContain('Απενεργοποιημένος')

    const found = await admin.agent.get('/staff/admin/users?q=' + encodeURIComponent('χατζηγιαννης'))
    expect(found.text).toContain('1 λογαριασμός προσωπικού')
    expect(found.text).toContain('Γιώργος Χατζηγιάννης')
    const byRole = await admin.agent.get('/staff/admin/users?role=treasury')
    expect(byRole.text).toContain('Μαρία Κουτσούκου')
    expect(byRole.text).not.toContain('Γιώργος Χατζηγιάννης')
    const inactive = await admin.agent.get('/staff/admin/users?status=inactive')
    expect(inactive.text).toContain('1 λογαριασμός προσωπικού')
  })

  it('is paginated', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    for (let i = 0; i < 26; i += 1) await createUser(ctx.db, { roles: ['clerk'], fullName: `Υπάλληλος ${i}` })
    const first = await admin.agent.get('/staff/admin/users')
    expect(first.text).toContain('href="/staff/admin/users?page=2"')
    const second = await admin.agent.get('/staff/admin/users?page=2')
    expect(second.status).toBe(200)
    expect((second.text.match(/<tr>/g) ?? []).length).toBe(1 + 2)
  })
})

describe('inviting a member of staff', () => {
  it('creates the account and queues the invitation in the language chosen for the invitee', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const cleaning = await departmentId('cleaning')
    const response = await invite(admin.agent, {
      fullName: '  Emma Clarke ',
      email: 'Emma.Clarke@Mytilene.gr',
      roles: ['clerk', 'secretariat'],
      departmentId: String(cleaning),
      locale: 'en',
    })

    expect(response.status).toBe(303)
    const user = await ctx.db('users').where({ email: 'emma.clarke@mytilene.gr' }).first()
    expect(user).toMatchObject({
      full_name: 'Emma Clarke',
      locale: 'en',
      department_id: cleaning,
      is_active: true,
    })
    expect(user.email_verified_at).toBeNull()
    expect(response.headers.location).toBe(`/staff/admin/users/${user.id}?done=invited`)
    expect(await ctx.db('user_roles').where({ user_id: user.id }).orderBy('role').pluck('role')).toEqual([
      'citizen',
      'clerk',
      'secretariat',
    ])

    const { mail, data, token, path: link } = await queuedInvitation('emma.clarke@mytilene.gr')
    expect(mail).toMatchObject({ template: 'staff-invitation', locale: 'en', status: 'pending' })
    expect(link).toMatch(/^\/invitation\?token=[A-Za-z0-9_-]{43}$/)
    const stored = await ctx.db('staff_invitations').where({ user_id: user.id }).first()
    expect(stored.token_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(await ctx.db('staff_invitations').select())).not.toContain(token)
    expect(new Date(stored.expires_at).toISOString()).toBe('2026-12-10T09:00:00.000Z')

    const text = await renderMail('staff-invitation', 'text', 'en', data)
    expect(text).toContain('Dear Emma Clarke,')
    expect(text).toContain('Department clerk, Council secretariat')
    expect(text).toContain(`https://eservices.example/invitation?token=${token}`)
    expect(text).toContain('10 December 2026')
    const html = await renderMail('staff-invitation', 'html', 'en', data)
    expect(html).toContain(
      `<a href="https://eservices.example/invitation?token=${token}">Choose your password</a>`,
    )
    expect(translatorFor('en')('mail.staffInvitation.subject')).toBe(
      'Your staff account at the Mytilene e-Services',
    )

    const [audit] = await auditRows('staff.invited')
    expect(audit).toMatchObject({
      actor_id: admin.id,
      entity_type: 'user',
      entity_id: String(user.id),
      before: null,
      after: {
        fullName: 'Emma Clarke',
        email: 'emma.clarke@mytilene.gr',
        roles: ['clerk', 'secretariat'],
        department: 'cleaning',
        language: 'en',
      },
    })
    expect(audit.ip).toMatch(/127\.0\.0\.1/)

    const page = await admin.agent.get(String(response.headers.location))
    expect(page.text).toContain('Η πρόσκληση στάλθηκε στο emma.clarke@mytilene.gr')
  })

  it('writes the Greek invitation for a Greek-speaking invitee', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    await invite(admin.agent, {
      fullName: 'Νίκος Σταυρινός',
      email: 'nikos@mytilene.gr',
      roles: 'treasury',
      locale: 'el',
    })
    const { mail, data } = await queuedInvitation('nikos@mytilene.gr')
    expect(mail.locale).toBe('el')
    const text = await renderMail('staff-invitation', 'text', 'el', data)
    expect(text).toContain('Αγαπητή/έ Νίκος Σταυρινός,')
    expect(text).toContain('Ταμειακή υπηρεσία')
  })

  it('explains what is missing: a role, the department of a clerk, a valid e-mail', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const noRole = await invite(admin.agent, { fullName: 'Α Β', email: 'ab@mytilene.gr', locale: 'el' })
    expect(noRole.status).toBe(400)
    expect(noRole.text).toContain('Επιλέξτε τουλάχιστον έναν ρόλο')

    const clerk = await invite(admin.agent, {
      fullName: 'Α Β',
      email: 'not-an-email',
      roles: 'clerk',
      locale: 'el',
    })
    expect(clerk.status).toBe(400)
    expect(clerk.text).toContain('Επιλέξτε την υπηρεσία του υπαλλήλου')
    expect(clerk.text).toContain('Γράψτε μια διεύθυνση e-mail στη σωστή μορφή')
    expect(clerk.text).toMatch(/id="field-roles" name="roles" value="clerk"[^>]* checked/)
    expect(clerk.text).toContain('value="not-an-email"')

    const badDepartment = await invite(admin.agent, {
      fullName: 'Α Β',
      email: 'ab@mytilene.gr',
      roles: 'clerk',
      departmentId: '99999',
      locale: 'el',
    })
    expect(badDepartment.status).toBe(400)
    expect(badDepartment.text).toContain('Επιλέξτε υπηρεσία από τη λίστα')
    expect(await ctx.db('outbox').count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await auditRows('staff.invited')).toEqual([])
  })

  it('refuses an e-mail that already has an account and links to that account', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const resident = await createUser(ctx.db, { email: 'resident@example.org' })
    const response = await invite(admin.agent, {
      fullName: 'Κάποιος',
      email: 'Resident@Example.org',
      roles: 'treasury',
      locale: 'el',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Υπάρχει ήδη λογαριασμός με αυτή τη διεύθυνση e-mail')
    expect(response.text).toContain(`href="/staff/admin/users/${resident.id}"`)
    expect(await ctx.db('outbox').count({ n: '*' })).toEqual([{ n: 0 }])
  })
})

describe('the invitation link', () => {
  async function invited(email = 'new.clerk@mytilene.gr') {
    const admin = await signedIn(['citizen', 'admin'])
    await invite(admin.agent, { fullName: 'Νέα Υπάλληλος', email, roles: 'secretariat', locale: 'el' })
    const user = await ctx.db('users').where({ email }).first()
    return { admin, user, ...(await queuedInvitation(email)) }
  }

  it('sets the password once, and the new member of staff can then sign in', async () => {
    const { user, path: link, token } = await invited()
    const visitor = request.agent(ctx.app)
    const page = await visitor.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Καλώς ήρθατε, Νέα Υπάλληλος')

    const short = await visitor
      .post('/invitation')
      .type('form')
      .send({ token, password: 'σύντομος', _csrf: csrfFrom(page.text) })
    expect(short.status).toBe(400)
    expect(short.text).toContain('Ο κωδικός πρέπει να έχει τουλάχιστον 12 χαρακτήρες')

    const set = await visitor
      .post('/invitation')
      .type('form')
      .send({ token, password: 'ένας νέος κωδικός για το γραφείο', _csrf: csrfFrom(page.text) })
    expect(set.status).toBe(303)
    expect(set.headers.location).toBe('/invitation/accepted')
    expect((await visitor.get('/invitation/accepted')).text).toContain('Ο κωδικός πρόσβασής σας ορίστηκε')

    const signedInAgent = request.agent(ctx.app)
    await signIn(signedInAgent, 'new.clerk@mytilene.gr', 'ένας νέος κωδικός για το γραφείο')
    expect((await signedInAgent.get('/account')).status).toBe(200)
    expect((await ctx.db('users').where({ id: user.id }).first()).email_verified_at).not.toBeNull()

    const [audit] = await auditRows('staff.invitation_accepted')
    expect(audit).toMatchObject({ actor_id: user.id, entity_type: 'user', entity_id: String(user.id) })

    // The same link cannot set the password again.
    const again = await request.agent(ctx.app).get(link)
    expect(again.status).toBe(404)
    expect(again.text).toContain('Αυτός ο σύνδεσμος δεν λειτουργεί πια')
    const hashBefore = (await ctx.db('users').where({ id: user.id }).first()).password_hash
    const replay = await visitor
      .post('/invitation')
      .type('form')
      .send({ token, password: 'ο κωδικός ενός επιτιθέμενου', _csrf: csrfFrom(page.text) })
    expect(replay.status).toBe(404)
    expect((await ctx.db('users').where({ id: user.id }).first()).password_hash).toBe(hashBefore)
  })

  it('sets the password only once when sent twice at the same moment', async () => {
    const { user, path: link, token } = await invited()
    const [first, second] = [request.agent(ctx.app), request.agent(ctx.app)]
    const [firstPage, secondPage] = [await first.get(link), await second.get(link)]

    const answers = await Promise.all([
      first
        .post('/invitation')
        .type('form')
        .send({ token, password: 'ο πρώτος κωδικός πρόσβασης', _csrf: csrfFrom(firstPage.text) }),
      second
        .post('/invitation')
        .type('form')
        .send({ token, password: 'ο δεύτερος κωδικός πρόσβασης', _csrf: csrfFrom(secondPage.text) }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 404])
    expect(await auditRows('staff.invitation_accepted')).toHaveLength(1)
    const winner = answers[0]!.status === 303 ? 'ο πρώτος κωδικός πρόσβασης' : 'ο δεύτερος κωδικός πρόσβασης'
    await signIn(request.agent(ctx.app), user.email, winner)
  })

  it('works for seven days and not after', async () => {
    const { path: link, token } = await invited()
    advanceClock(7 * DAY - 60 * 1000)
    expect((await request(ctx.app).get(link)).status).toBe(200)

    advanceClock(2 * 60 * 1000)
    const visitor = request.agent(ctx.app)
    expect((await visitor.get(link)).status).toBe(404)
    const login = await visitor.get('/login')
    const late = await visitor
      .post('/invitation')
      .type('form')
      .send({ token, password: 'ένας νέος κωδικός για το γραφείο', _csrf: csrfFrom(login.text) })
    expect(late.status).toBe(404)
  })

  it('answers the same to a made-up token', async () => {
    const page = await request(ctx.app).get(`/invitation?token=${'A'.repeat(43)}`)
    expect(page.status).toBe(404)
    expect(page.text).toContain('Αυτός ο σύνδεσμος δεν λειτουργεί πια')
    expect((await request(ctx.app).get('/invitation?token=short')).status).toBe(404)
    expect((await request(ctx.app).get('/invitation')).status).toBe(404)
  })

  it('can be sent again: the old link stops working and the new one works', async () => {
    const { admin, user, path: oldLink } = await invited()
    advanceClock(8 * DAY)
    // Eight days later the administrator's own session has long ended: they sign in again.
    admin.agent = request.agent(ctx.app)
    await signIn(admin.agent, admin.email, admin.password)
    const account = await admin.agent.get(`/staff/admin/users/${user.id}`)
    expect(account.text).toContain('Ο σύνδεσμος έληξε')

    const resent = await postOnAccountPage(admin.agent, user.id, 'invitation', {})
    expect(resent.status).toBe(303)
    const { path: newLink } = await queuedInvitation('new.clerk@mytilene.gr')
    expect(newLink).not.toBe(oldLink)
    expect((await request(ctx.app).get(oldLink)).status).toBe(404)
    expect((await request(ctx.app).get(newLink)).status).toBe(200)
    const [audit] = await auditRows('staff.invitation_resent')
    expect(audit).toMatchObject({ actor_id: admin.id, entity_id: String(user.id) })
    expect(audit.after.invitationExpires).toBe('2026-12-18T09:00:00.000Z')
  })

  it('stops working when the account is deactivated', async () => {
    const { admin, user, path: link } = await invited()
    await postOnAccountPage(admin.agent, user.id, 'deactivate', {})
    expect((await request(ctx.app).get(link)).status).toBe(404)
  })
})

describe('roles and departments', () => {
  it('take effect at once for a clerk who is signed in, and are audited with before and after', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const clerk = await signedIn(['citizen', 'clerk'])
    await ctx
      .db('users')
      .where({ id: clerk.id })
      .update({ department_id: await departmentId('cleaning') })
    expect((await clerk.agent.get('/staff/reports')).status).toBe(200)
    expect((await clerk.agent.get('/staff/admin/users')).status).toBe(404)

    const changed = await postOnAccountPage(admin.agent, clerk.id, 'access', { roles: ['treasury', 'admin'] })
    expect(changed.status).toBe(303)
    expect(changed.headers.location).toBe(`/staff/admin/users/${clerk.id}?done=access`)

    expect((await clerk.agent.get('/staff/reports')).status).toBe(200) // admins see the queue too
    expect((await clerk.agent.get('/staff/admin/users')).status).toBe(200)
    expect(await ctx.db('user_roles').where({ user_id: clerk.id }).orderBy('role').pluck('role')).toEqual([
      'admin',
      'citizen',
      'treasury',
    ])
    expect((await ctx.db('users').where({ id: clerk.id }).first()).department_id).toBeNull()

    await postOnAccountPage(admin.agent, clerk.id, 'access', { roles: 'treasury' })
    expect((await clerk.agent.get('/staff/reports')).status).toBe(404)
    expect((await clerk.agent.get('/account')).status).toBe(200)

    const audits = await auditRows('staff.access_changed')
    expect(audits).toHaveLength(2)
    expect(audits[0]).toMatchObject({
      actor_id: admin.id,
      entity_type: 'user',
      entity_id: String(clerk.id),
      before: { roles: ['clerk'], department: 'cleaning' },
      after: { roles: ['treasury', 'admin'], department: null },
    })
    expect(audits[1]).toMatchObject({
      before: { roles: ['treasury', 'admin'] },
      after: { roles: ['treasury'] },
    })
  })

  it('gives a clerk a department and records nothing when nothing changes', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const treasurer = await createUser(ctx.db, { roles: ['treasury'] })
    const lighting = await departmentId('lighting')
    const noDepartment = await postOnAccountPage(admin.agent, treasurer.id, 'access', { roles: 'clerk' })
    expect(noDepartment.status).toBe(400)
    expect(noDepartment.text).toContain('Επιλέξτε την υπηρεσία του υπαλλήλου')

    await postOnAccountPage(admin.agent, treasurer.id, 'access', {
      roles: 'clerk',
      departmentId: String(lighting),
    })
    expect((await ctx.db('users').where({ id: treasurer.id }).first()).department_id).toBe(lighting)
    const same = await postOnAccountPage(admin.agent, treasurer.id, 'access', {
      roles: 'clerk',
      departmentId: String(lighting),
    })
    expect(same.headers.location).toContain('done=unchanged')
    expect(await auditRows('staff.access_changed')).toHaveLength(1)
  })

  it('refuses to let administrators remove their own administrator role', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const response = await postOnAccountPage(admin.agent, admin.id, 'access', {
      roles: 'clerk',
      departmentId: '1',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Δεν μπορείτε να αφαιρέσετε τον δικό σας ρόλο διαχειριστή')
    expect(await ctx.db('user_roles').where({ user_id: admin.id }).pluck('role')).toContain('admin')
    expect(await auditRows('staff.access_changed')).toEqual([])
    expect((await admin.agent.get('/staff/admin/users')).status).toBe(200)
  })

  it('refuses an unknown role', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const clerk = await createUser(ctx.db, { roles: ['clerk'] })
    const response = await postOnAccountPage(admin.agent, clerk.id, 'access', { roles: 'citizen' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Επιλέξτε ρόλους από τη λίστα')
  })
})

describe('deactivating an account', () => {
  it('signs the person out everywhere at once and keeps them out until reactivated', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const clerk = await signedIn(['citizen', 'clerk'])
    const phone = request.agent(ctx.app)
    await signIn(phone, clerk.email, clerk.password)
    expect((await clerk.agent.get('/staff/reports')).status).toBe(200)

    const response = await postOnAccountPage(admin.agent, clerk.id, 'deactivate', {})
    expect(response.status).toBe(303)
    expect((await clerk.agent.get('/account')).status).toBe(302)
    expect((await phone.get('/staff/reports')).headers.location).toMatch(/^\/login/)
    const sessions = await ctx
      .db('sessions')
      .whereRaw(`(sess::jsonb -> 'passport' ->> 'user') = ?`, [String(clerk.id)])
    expect(sessions).toEqual([])
    const again = await submitForm(request.agent(ctx.app), '/login', '/login', {
      email: clerk.email,
      password: clerk.password,
    })
    expect(again.status).toBe(401)

    const [deactivated] = await auditRows('staff.deactivated')
    expect(deactivated).toMatchObject({
      actor_id: admin.id,
      entity_id: String(clerk.id),
      before: { active: true },
      after: { active: false, sessionsEnded: 2 },
    })

    await postOnAccountPage(admin.agent, clerk.id, 'reactivate', {})
    await signIn(request.agent(ctx.app), clerk.email, clerk.password)
    const [reactivated] = await auditRows('staff.reactivated')
    expect(reactivated).toMatchObject({ before: { active: false }, after: { active: true } })
  })

  it('refuses to let administrators deactivate themselves', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const page = await admin.agent.get(`/staff/admin/users/${admin.id}`)
    expect(page.text).not.toContain(`/staff/admin/users/${admin.id}/deactivate`)
    expect(page.text).toContain('Δεν μπορείτε να απενεργοποιήσετε τον δικό σας λογαριασμό')

    const response = await postOnAccountPage(admin.agent, admin.id, 'deactivate', {})
    expect(response.status).toBe(400)
    expect(response.text).toContain('href="#account-status"')
    expect(response.text).toMatch(/value="admin"[^>]* checked/) // the roles form still shows the account's roles
    expect((await ctx.db('users').where({ id: admin.id }).first()).is_active).toBe(true)
    expect((await admin.agent.get('/account')).status).toBe(200)
    expect(await auditRows('staff.deactivated')).toEqual([])
  })
})

describe("resetting a member of staff's two-factor sign-in", () => {
  it('removes the authenticator, signs them out and is audited', async () => {
    const admin = await signedIn(['citizen', 'admin'])
    const clerk = await signedIn(['citizen', 'clerk'])
    await enrolTwoFactor(clerk.agent)
    expect((await admin.agent.get(`/staff/admin/users/${clerk.id}`)).text).toContain('Έχει ρυθμιστεί')

    const response = await postOnAccountPage(admin.agent, clerk.id, 'two-factor/reset', {})
    expect(response.headers.location).toBe(`/staff/admin/users/${clerk.id}?done=twoFactorReset`)
    expect(await ctx.db('staff_totp').where({ user_id: clerk.id })).toEqual([])
    expect((await clerk.agent.get('/account')).status).toBe(302)
    // Signing in again asks for the password only; the account sets up a new app.
    const again = request.agent(ctx.app)
    expect((await signIn(again, clerk.email, clerk.password)).headers.location).toBe('/account')

    const [audit] = await auditRows('mfa.reset')
    expect(audit).toMatchObject({
      actor_id: admin.id,
      entity_id: String(clerk.id),
      before: { twoFactor: true },
      after: { twoFactor: false },
    })
  })
})

// Weaknesses a penetration test of the portal found, each kept from coming back.
import { Router } from 'express'
import request from 'supertest'
import { createApp } from '../../src/app'
import { createLogger } from '../../src/web/logging'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import { addPhoto, categoryIds } from '../helpers/public-reports'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

type StaffRole = 'clerk' | 'admin' | 'treasury' | 'secretariat'

async function signedIn(roles: StaffRole[] = [], fullName?: string) {
  const user = await createUser(ctx.db, { roles: ['citizen', ...roles], fullName })
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

function staffPost(agent: Agent, reference: string, action: string, fields: Record<string, string>) {
  return submitForm(agent, `/staff/reports/${reference}`, `/staff/reports/${reference}/${action}`, fields)
}

async function csvText(agent: Agent, path: string): Promise<string> {
  const response = await agent
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
  expect(response.status).toBe(200)
  return (response.body as Buffer).toString('utf8').replace(/^\uFEFF/, '')
}

/** The cells of a `;`-separated CSV as a spreadsheet reads them, quotes undone. */
function csvCells(text: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ';' || char === '\n') {
      cells.push(cell.replace(/\r$/, ''))
      cell = ''
    } else cell += char
  }
  if (cell) cells.push(cell)
  return cells
}

const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(1)', '\tTAB', '\rCR']

describe('CSV exports', () => {
  it('neutralise cells that a spreadsheet would run as a formula in the queue', async () => {
    const author = await createUser(ctx.db)
    await createReport(ctx.db, author.id, {
      title: FORMULAS[0],
      description: FORMULAS[1],
      address: FORMULAS[2],
    })
    await createReport(ctx.db, author.id, {
      title: FORMULAS[3],
      description: FORMULAS[4],
      address: FORMULAS[5],
    })
    const { agent } = await signedIn(['clerk'])

    const cells = csvCells(await csvText(agent, '/staff/reports.csv?scope=all'))

    for (const formula of FORMULAS) {
      expect(cells).toContain(`'${formula}`)
      expect(cells).not.toContain(formula)
    }
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
  })

  it('neutralise them in the statistics too, and keep the counts as numbers', async () => {
    const author = await createUser(ctx.db)
    const category = await ctx.db('categories').orderBy('id').first('id', 'department_id')
    await ctx.db('categories').where({ id: category.id }).update({ name_el: '=cmd|"/c calc"!A1' })
    await createReport(ctx.db, author.id, { category_id: category.id, department_id: category.department_id })
    const { agent } = await signedIn(['admin'])

    const cells = csvCells(await csvText(agent, '/staff/dashboard.csv?scope=all'))

    expect(cells).toContain(`'=cmd|"/c calc"!A1`)
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
    expect(cells).toContain('1')
  })
})

describe('the data export of a resident', () => {
  it('leaves out staff reasons, notes and staff ids from the audit rows and the timeline', async () => {
    const me = await signedIn()
    const report = await createReport(ctx.db, me.user.id)
    const photoId = await addPhoto(ctx.db, report.id)
    const clerk = await signedIn(['clerk'], 'Υπάλληλος Βάρδιας')
    const categories = await categoryIds(ctx.db)
    const steps: [string, Record<string, string>][] = [
      ['reassign', { categoryId: String(categories.second), reassignReason: 'ΜΥΣΤΙΚΟ-ανάθεσης' }],
      ['assign', { assignee: 'me' }],
      ['status', { internalNote: 'ΜΥΣΤΙΚΟ-σημείωσης' }],
      ['status', { status: 'acknowledged', publicMessage: 'Το είδαμε.' }],
      [`photos/${photoId}/moderate`, { hidden: 'yes', photoReason: 'ΜΥΣΤΙΚΟ-φωτογραφίας' }],
      ['moderate', { hidden: 'no', publicTitle: 'Δημόσιος τίτλος', moderationReason: 'ΜΥΣΤΙΚΟ-ελέγχου' }],
    ]
    for (const [action, fields] of steps) {
      expect((await staffPost(clerk.agent, report.reference, action, fields)).status).toBe(303)
    }

    const response = await me.agent.get('/account/data.json').buffer(true)
    const text = String(response.text)
    const data = JSON.parse(text)

    expect(text).not.toContain('ΜΥΣΤΙΚΟ')
    expect(text).not.toContain('Υπάλληλος Βάρδιας')
    expect(text).not.toMatch(/"(assignee|assigneeId|reason|internalNote)"/)
    expect(JSON.stringify(data.auditLog)).not.toMatch(/"(department|category|photo)"/)
    const rows = data.auditLog as { action: string; before: unknown; after: unknown }[]
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['report.reassigned', 'report.assigned', 'report.photo_moderated']),
    )
    expect(rows.find((row) => row.action === 'report.reassigned')).toMatchObject({
      before: null,
      after: null,
    })
    expect(rows.find((row) => row.action === 'report.status_changed')).toMatchObject({
      before: { status: 'submitted' },
      after: { status: 'acknowledged', publicMessage: 'Το είδαμε.' },
    })
    expect(rows.find((row) => row.action === 'report.moderated')).toMatchObject({
      after: { hidden: false, publicTitle: 'Δημόσιος τίτλος' },
    })
    expect(data.reports[0].timeline.map((event: { type: string }) => event.type)).toEqual([
      'created',
      'status_changed',
    ])
  })

  it('names a followed report only as the public page does, and not at all once it is no longer public', async () => {
    const me = await signedIn()
    const author = await createUser(ctx.db)
    const categories = await categoryIds(ctx.db)
    const moderated = await createReport(ctx.db, author.id, {
      title: 'Αρχικός τίτλος με όνομα',
      public_title: 'Τίτλος μετά τον έλεγχο',
    })
    const hidden = await createReport(ctx.db, author.id, { title: 'Κρυμμένη αναφορά' })
    const moved = await createReport(ctx.db, author.id, { title: 'Αναφορά κοινωνικής υπηρεσίας' })
    for (const report of [moderated, hidden, moved]) {
      await ctx.db('report_followers').insert({ report_id: report.id, user_id: me.user.id })
    }
    await ctx.db('reports').where({ id: hidden.id }).update({ is_hidden: true })
    await ctx.db('reports').where({ id: moved.id }).update({ category_id: categories.private })

    const response = await me.agent.get('/account/data.json').buffer(true)
    const text = String(response.text)
    const data = JSON.parse(text)

    expect(text).not.toContain('Αρχικός τίτλος')
    expect(text).not.toContain('Κρυμμένη αναφορά')
    expect(text).not.toContain('Αναφορά κοινωνικής υπηρεσίας')
    expect(data.followedReports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reference: moderated.reference, title: 'Τίτλος μετά τον έλεγχο' }),
        expect.objectContaining({ reference: hidden.reference, title: null }),
        expect.objectContaining({ reference: moved.reference, title: null }),
      ]),
    )
  })
})

describe('marking a duplicate', () => {
  async function duplicatePair(original: Record<string, unknown>) {
    const author = await createUser(ctx.db)
    const follower = await createUser(ctx.db)
    const duplicateAuthor = await createUser(ctx.db)
    const first = await createReport(ctx.db, author.id, { title: 'Πρώτη αναφορά', ...original })
    const second = await createReport(ctx.db, duplicateAuthor.id)
    await ctx.db('report_followers').insert({ report_id: second.id, user_id: follower.id })
    const clerk = await signedIn(['clerk'])
    const response = await staffPost(clerk.agent, second.reference, 'duplicate', {
      original: first.reference,
    })
    expect(response.status).toBe(303)
    const followers = await ctx.db('report_followers').where({ report_id: first.id }).pluck('user_id')
    return { first, second, followers: followers.map(Number), people: [follower.id, duplicateAuthor.id] }
  }

  it('does not move followers onto a hidden original', async () => {
    const { followers } = await duplicatePair({ is_hidden: true })
    expect(followers).toEqual([])
  })

  it('does not move followers onto an original in a category that is not public', async () => {
    const { followers } = await duplicatePair({ category_id: (await categoryIds(ctx.db)).private })
    expect(followers).toEqual([])
  })

  it('moves them onto a public original, and the duplicate links only to a public one', async () => {
    const { followers, people } = await duplicatePair({})
    expect(followers.sort()).toEqual([...people].sort())

    const { first, second } = await duplicatePair({ is_hidden: true })
    const page = await request(ctx.app).get(`/public/reports/${second.reference}`)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain(first.reference)
  })
})

function cursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

describe('odd query strings on lists', () => {
  it('treat a keyset cursor with an impossible time zone as no cursor', async () => {
    const author = await createUser(ctx.db)
    await createReport(ctx.db, author.id)
    const { agent } = await signedIn(['clerk'])
    for (const values of [
      ['2026-12-01 00:00:00+99', '5'],
      ['2026-12-01 00:00:00+15:75', '5'],
      ['2026-12-01T00:00:00Z', '5'],
      ['2026-12-01 00:00:00+02', '99999999999999999999'],
    ]) {
      const response = await agent.get(`/staff/reports?scope=all&after=${cursor(values)}`)
      expect(response.status).toBe(200)
      expect(response.text).toContain('MYT-2026-')
    }
  })

  it('refuse dates outside the years the portal can hold, with a message, on every staff list', async () => {
    const { agent } = await signedIn(['admin'])
    for (const day of ['0000-01-01', '1899-12-31', '99999-01-01', '2200-01-01']) {
      for (const path of ['/staff/reports', '/staff/dashboard']) {
        const page = await agent.get(`${path}?from=${day}&to=${day}`)
        expect(page.status).toBe(200)
        expect(page.text).toContain('Η ημερομηνία «Από» δεν είναι έγκυρη')
        expect(page.text).toContain('2000')
      }
      for (const path of ['/staff/reports.csv', '/staff/dashboard.csv']) {
        expect((await agent.get(`${path}?from=${day}&to=${day}`)).status).toBe(200)
      }
      const audit = await agent.get(`/staff/audit?from=${day}`)
      expect(audit.status).toBe(400)
    }
  })

  it('remove NUL and other control characters from every query string', async () => {
    const { agent } = await signedIn(['admin'])
    for (const path of [
      '/staff/audit?action=%00',
      '/staff/audit?entityType=report%00',
      '/staff/audit?entityId=%01%00x&actor=1%00',
      '/staff/reports?q=%00&district=%00',
      '/staff/afm?afm=%00',
      '/staff/admin/users?q=%00',
      '/public/reports?q=%00%1F&district=%00',
      '/public/reports/feed.atom?q=a%00b',
      '/public/reports/map.json?q=%00',
    ]) {
      const response = await agent.get(path)
      expect([200, 400]).toContain(response.status)
    }
    await agent.get('/staff/reports.csv')
    const audit = await agent.get('/staff/audit?action=report%00.exported')
    expect(audit.status).toBe(200)
    expect(audit.text).toContain('<option value="report.exported" selected>')
  })
})

describe('going back after following a report', () => {
  it('never leaves the portal, whatever the path looks like before it is tidied', async () => {
    const author = await createUser(ctx.db)
    const report = await createReport(ctx.db, author.id)
    const { agent } = await signedIn()
    const page = await agent.get(`/public/reports/${report.reference}`)
    for (const action of ['follow', 'unfollow']) {
      for (const next of [
        '/.//evil.example/phish',
        '/x/..//evil.example',
        '/%2e//evil.example',
        '/\t/evil.example',
      ]) {
        const response = await agent
          .post(`/public/reports/${report.reference}/${action}`)
          .type('form')
          .send({ _csrf: csrfFrom(page.text), next })
        expect(response.status).toBe(303)
        const location = String(response.headers.location)
        expect(location).toMatch(/^\/(?!\/)/)
        expect(new URL(location, 'https://portal.example').host).toBe('portal.example')
      }
    }
    const kept = await agent
      .post(`/public/reports/${report.reference}/follow`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), next: '/public/reports?status=open' })
    expect(kept.headers.location).toBe('/public/reports?status=open&notice=followed')
  })

  it('signs in and goes only to a page of the portal', async () => {
    const user = await createUser(ctx.db)
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/login', '/login', {
      email: user.email,
      password: user.password,
      next: '/.//evil.example/phish',
    })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/account')
  })
})

describe('the photos of a report', () => {
  it('are shown to the author and to staff who work reports, and to nobody else', async () => {
    const author = await signedIn()
    const categories = await categoryIds(ctx.db)
    const report = await createReport(ctx.db, author.user.id, { category_id: categories.private })
    const shown = await addPhoto(ctx.db, report.id)
    const hidden = await addPhoto(ctx.db, report.id, { hidden: true })
    const path = (id: number) => `/reports/${report.reference}/photos/${id}`

    const allowed = [await signedIn(['clerk']), await signedIn(['admin'])]
    for (const { agent } of allowed) {
      expect((await agent.get(path(shown))).status).toBe(200)
      expect((await agent.get(path(hidden))).status).toBe(200)
    }
    expect((await author.agent.get(path(shown))).status).toBe(200)
    expect((await author.agent.get(path(hidden))).status).toBe(404)
    const refused = [await signedIn(['secretariat']), await signedIn(['treasury']), await signedIn()]
    for (const { agent } of refused) {
      expect((await agent.get(path(shown))).status).toBe(404)
      expect((await agent.get(path(hidden))).status).toBe(404)
    }
  })
})

describe("a resident's own report page", () => {
  it('shows only the public events of the timeline, not the staff work behind them', async () => {
    const author = await signedIn()
    const report = await createReport(ctx.db, author.user.id)
    const photoId = await addPhoto(ctx.db, report.id)
    const clerk = await signedIn(['clerk'])
    const categories = await categoryIds(ctx.db)
    for (const [action, fields] of [
      ['reassign', { categoryId: String(categories.second), reassignReason: 'Άλλη υπηρεσία.' }],
      ['assign', { assignee: 'me' }],
      ['status', { internalNote: 'Για τη βάρδια.' }],
      [`photos/${photoId}/moderate`, { hidden: 'yes', photoReason: 'Πρόσωπο.' }],
      ['moderate', { hidden: 'no', publicTitle: 'Τίτλος', moderationReason: 'Όνομα.' }],
      ['status', { status: 'acknowledged', publicMessage: 'Το είδαμε.' }],
      ['status', { publicMessage: 'Το συνεργείο έρχεται.' }],
    ] as [string, Record<string, string>][]) {
      expect((await staffPost(clerk.agent, report.reference, action, fields)).status).toBe(303)
    }

    for (const page of [
      await author.agent.get(`/reports/${report.reference}`),
      await request(ctx.app).get(`/public/reports/${report.reference}`),
    ]) {
      expect(page.status).toBe(200)
      const items = page.text.match(/<li class="timeline__item/g) ?? []
      expect(items).toHaveLength(3)
      expect(page.text).toContain('Το είδαμε.')
      expect(page.text).toContain('Το συνεργείο έρχεται.')
    }
  })
})

describe('request ids and logs', () => {
  it('makes its own request id outside production instead of taking the one a client sends', async () => {
    for (const sent of ['aaaaaaaa-bbbb', '<script>alert(1)</script>', 'x'.repeat(200)]) {
      const response = await request(ctx.app).get('/').set('X-Request-Id', sent)
      expect(response.headers['x-request-id']).not.toBe(sent)
      expect(response.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      )
    }
  })

  it('logs a failed query without the values it was given', async () => {
    const lines: string[] = []
    const logger = createLogger('info', { write: (line: string) => lines.push(line) })
    const failing = Router()
    failing.get('/test/query-fails', async () => {
      await ctx.db.raw('SELECT ?::integer AS n', ['secret-value-4242'])
    })
    const app = createApp({ config: ctx.config, db: ctx.db, logger }, failing)

    const response = await request(app).get('/test/query-fails')

    expect(response.status).toBe(500)
    const log = lines.join('\n')
    expect(log).toContain('unhandled error')
    expect(log).toContain('22P02')
    expect(log).not.toContain('secret-value-4242')
  })
})

import request from 'supertest'
import { setClock } from '../../src/lib/clock'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import { outbox } from '../helpers/mail'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

async function departmentId(code: string): Promise<number> {
  return Number((await ctx.db('departments').where({ code }).first('id')).id)
}

async function categoryOf(departmentCode: string) {
  const row = await ctx
    .db('categories as c')
    .join('departments as d', 'd.id', 'c.department_id')
    .where('d.code', departmentCode)
    .orderBy('c.id')
    .first('c.id', 'c.department_id')
  return { category_id: Number(row.id), department_id: Number(row.department_id) }
}

async function staffAgent(
  roles: ('clerk' | 'admin')[] = ['clerk'],
  department: string | null = 'cleaning',
  name?: string,
) {
  const user = await createUser(ctx.db, { roles: ['citizen', ...roles], fullName: name })
  if (department)
    await ctx
      .db('users')
      .where({ id: user.id })
      .update({ department_id: await departmentId(department) })
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

async function citizen(locale: 'el' | 'en' = 'el') {
  const user = await createUser(ctx.db)
  await ctx.db('users').where({ id: user.id }).update({ locale })
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

function references(html: string): string[] {
  return [...html.matchAll(/<a href="\/staff\/reports\/(MYT-\d{4}-\d{5})">/g)].map((match) => match[1]!)
}

function nextLink(html: string): string | null {
  const match = /<a class="pagination__link" href="([^"]+)" rel="next">/.exec(html)
  return match ? match[1]!.replace(/&amp;/g, '&') : null
}

function previousLink(html: string): string | null {
  const match = /<a class="pagination__link" href="([^"]+)" rel="prev">/.exec(html)
  return match ? match[1]!.replace(/&amp;/g, '&') : null
}

describe('the work queue', () => {
  it("shows a clerk their department's reports by default and the others only when choosing all", async () => {
    const author = await createUser(ctx.db)
    const ours = await createReport(ctx.db, author.id, await categoryOf('cleaning'))
    const theirs = await createReport(ctx.db, author.id, await categoryOf('lighting'))
    const { agent } = await staffAgent()

    const mine = await agent.get('/staff/reports')
    expect(mine.status).toBe(200)
    expect(references(mine.text)).toEqual([ours.reference])
    expect(mine.text).toContain('Βλέπετε τις αναφορές της υπηρεσίας σας.')

    const all = await agent.get('/staff/reports?scope=all')
    expect(references(all.text).sort()).toEqual([ours.reference, theirs.reference].sort())
    // Any clerk may still open any report: a caller may ask about it at the counter.
    expect((await agent.get(`/staff/reports/${theirs.reference}`)).status).toBe(200)
  })

  it('pages by keyset across reports submitted at the same moment, forwards and back', async () => {
    const author = await createUser(ctx.db)
    const moment = new Date('2026-11-02T10:00:00.123456Z')
    const created: string[] = []
    for (let i = 0; i < 60; i += 1) {
      const at = i < 30 ? moment : new Date(moment.getTime() + i * 1000)
      created.push((await createReport(ctx.db, author.id, { created_at: at, updated_at: at })).reference)
    }
    const { agent } = await staffAgent(['clerk'], null)

    const seen: string[] = []
    const pages: string[] = []
    let path: string | null = '/staff/reports'
    while (path) {
      const page = await agent.get(path)
      expect(page.status).toBe(200)
      pages.push(page.text)
      seen.push(...references(page.text))
      path = nextLink(page.text)
    }
    expect(pages).toHaveLength(3)
    expect(seen).toHaveLength(60)
    expect(new Set(seen).size).toBe(60)
    const ids = await ctx
      .db('reports')
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .pluck('reference')
    expect(seen).toEqual(ids)

    const back = await agent.get(previousLink(pages[2]!)!)
    expect(references(back.text)).toEqual(references(pages[1]!))
    const oldest = await agent.get('/staff/reports?sort=oldest')
    expect(references(oldest.text)[0]).toBe(ids[ids.length - 1])
  })

  it('finds "λακκούβα" when searching ΛΑΚΚΟΥΒΑ, ignoring accents and case', async () => {
    const author = await createUser(ctx.db)
    const hole = await createReport(ctx.db, author.id, { title: 'Μεγάλη λακκούβα στον δρόμο' })
    await createReport(ctx.db, author.id, { title: 'Σβηστή λάμπα' })
    const { agent } = await staffAgent(['clerk'], null)
    const page = await agent.get('/staff/reports?q=%CE%9B%CE%91%CE%9A%CE%9A%CE%9F%CE%A5%CE%92%CE%91')
    expect(references(page.text)).toEqual([hole.reference])
  })

  it('filters by status, assignee and Athens days, and ignores bad values with a message', async () => {
    const author = await createUser(ctx.db)
    const { user, agent } = await staffAgent(['clerk'], null)
    // 23:30 in Athens on 1 December is still 1 December there, though it is 21:30 UTC.
    const late = await createReport(ctx.db, author.id, {
      created_at: new Date('2026-12-01T21:30:00Z'),
      assignee_id: user.id,
    })
    const next = await createReport(ctx.db, author.id, {
      created_at: new Date('2026-12-01T22:30:00Z'),
      status: 'in_progress',
    })

    expect(references((await agent.get('/staff/reports?from=2026-12-01&to=2026-12-01')).text)).toEqual([
      late.reference,
    ])
    expect(references((await agent.get('/staff/reports?from=2026-12-02')).text)).toEqual([next.reference])
    expect(references((await agent.get('/staff/reports?assignee=me')).text)).toEqual([late.reference])
    expect(references((await agent.get('/staff/reports?assignee=unassigned')).text)).toEqual([next.reference])
    const statuses = await agent.get('/staff/reports?status=in_progress&status=resolved')
    expect(references(statuses.text)).toEqual([next.reference])

    const bad = await agent.get(
      '/staff/reports?status=lost&from=2026-02-30&category=abc&sort=%27&after=%00xx',
    )
    expect(bad.status).toBe(200)
    expect(bad.text).toContain('Η ημερομηνία «Από» δεν είναι έγκυρη')
    expect(bad.text).toContain('Μια κατάσταση δεν αναγνωρίστηκε')
    expect(references(bad.text)).toHaveLength(2)
    const forged = Buffer.from(JSON.stringify(['2026-13-45 99:00:00+00', '1'])).toString('base64url')
    expect((await agent.get(`/staff/reports?after=${forged}`)).status).toBe(200)
  })

  it('exports the filtered list as CSV with a BOM and semicolons, and audits it', async () => {
    const author = await createUser(ctx.db)
    await createReport(ctx.db, author.id, { title: 'Λακκούβα; με "εισαγωγικά"' })
    await createReport(ctx.db, author.id, { title: 'Άλλο', status: 'resolved' })
    const { user, agent } = await staffAgent(['clerk'], null)
    const response = await agent
      .get('/staff/reports.csv?status=submitted')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    const body = response.body as Buffer
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = body.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Αριθμός;Κατάσταση;Είδος;Τίτλος/)
    expect(lines[1]).toContain('"Λακκούβα; με ""εισαγωγικά"""')
    expect(lines[1]).toContain(';Υποβλήθηκε;')
    const audit = await ctx.db('audit_log').where({ action: 'report.exported' })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_id: user.id })
    expect(audit[0].after).toMatchObject({ rows: 1 })
  })

  it('answers 404 to citizens and sends signed-out visitors to sign in on every staff report page', async () => {
    const { user, agent } = await citizen()
    const report = await createReport(ctx.db, user.id)
    for (const path of [
      '/staff/reports',
      '/staff/reports.csv',
      '/staff/reports/new',
      `/staff/reports/${report.reference}`,
      '/staff/dashboard',
      '/staff/catalogue/categories',
    ]) {
      expect((await agent.get(path)).status).toBe(404)
      const visitor = await request(ctx.app).get(path)
      expect(visitor.status).toBe(302)
      expect(visitor.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`)
    }
  })
})

async function post(agent: Agent, reference: string, action: string, fields: Record<string, string>) {
  return submitForm(agent, `/staff/reports/${reference}`, `/staff/reports/${reference}/${action}`, fields)
}

describe("a report's staff page", () => {
  it('changes the status with a public message and e-mails the author and followers, never the note', async () => {
    const author = await citizen('en')
    const follower = await citizen('el')
    const report = await createReport(ctx.db, author.user.id)
    await ctx.db('report_followers').insert({ report_id: report.id, user_id: follower.user.id })
    setClock(new Date('2026-12-03T08:00:00Z'))
    const { user, agent } = await staffAgent()

    const response = await post(agent, report.reference, 'status', {
      status: 'in_progress',
      publicMessage: 'Το συνεργείο έρχεται αύριο.',
      internalNote: 'Μυστική σημείωση.',
    })
    expect(response.status).toBe(303)
    const row = await ctx.db('reports').where({ id: report.id }).first()
    expect(row.status).toBe('in_progress')
    expect(new Date(row.first_response_at).toISOString()).toBe('2026-12-03T08:00:00.000Z')

    const mail = await outbox(ctx.db)
    expect(mail.map((m) => [m.to_address, m.locale, m.template])).toEqual([
      [author.user.email, 'en', 'report-status'],
      [follower.user.email, 'el', 'report-status'],
    ])
    expect(JSON.stringify(mail)).not.toContain('Μυστική')
    expect(mail[0]!.data).toMatchObject({ status: 'in_progress', message: 'Το συνεργείο έρχεται αύριο.' })
    const audit = await ctx.db('audit_log').where({ action: 'report.status_changed' }).first()
    expect(audit).toMatchObject({ actor_id: user.id, entity_id: report.reference })
    expect(audit.before).toEqual({ status: 'submitted' })

    setClock(new Date('2026-12-03T08:10:00Z'))
    await post(agent, report.reference, 'status', { status: 'resolved' })
    const resolved = await ctx.db('reports').where({ id: report.id }).first()
    expect(new Date(resolved.resolved_at).toISOString()).toBe('2026-12-03T08:10:00.000Z')
    expect(new Date(resolved.first_response_at).toISOString()).toBe('2026-12-03T08:00:00.000Z')
  })

  it('keeps an internal note without a status change and mails nobody', async () => {
    const author = await citizen()
    const report = await createReport(ctx.db, author.user.id)
    const { agent } = await staffAgent()
    expect(
      (await post(agent, report.reference, 'status', { status: '', internalNote: 'Πέρασα, τίποτα.' })).status,
    ).toBe(303)
    expect(await outbox(ctx.db)).toEqual([])
    const event = await ctx.db('report_events').where({ report_id: report.id, type: 'note' }).first()
    expect(event).toMatchObject({ internal_note: 'Πέρασα, τίποτα.', public_message: null })
    expect((await ctx.db('reports').where({ id: report.id }).first()).first_response_at).toBeNull()
    const publicPage = await author.agent.get(`/public/reports/${report.reference}`)
    expect(publicPage.text).not.toContain('Πέρασα')
    expect((await post(agent, report.reference, 'status', { status: '' })).status).toBe(400)
  })

  it('needs a reason to reject and names who is responsible when it is not the municipality', async () => {
    const author = await citizen()
    const report = await createReport(ctx.db, author.user.id)
    const { agent } = await staffAgent()
    const missing = await post(agent, report.reference, 'status', {
      status: 'rejected',
      publicMessage: 'Δεν είναι δικό μας.',
      rejectionReason: 'notResponsible',
    })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('Γράψτε ποιος φορέας είναι αρμόδιος')
    expect(missing.text).toContain('Δεν είναι δικό μας.')

    const done = await post(agent, report.reference, 'status', {
      status: 'rejected',
      publicMessage: 'Το δίκτυο ύδρευσης ανήκει στη ΔΕΥΑ.',
      rejectionReason: 'notResponsible',
      responsibleBody: 'ΔΕΥΑ Λέσβου',
    })
    expect(done.status).toBe(303)
    const publicPage = await author.agent.get(`/public/reports/${report.reference}`)
    expect(publicPage.text).toContain('ΔΕΥΑ Λέσβου')
  })

  it('fills a response template without JavaScript', async () => {
    const author = await citizen()
    const report = await createReport(ctx.db, author.user.id)
    const [template] = await ctx
      .db('response_templates')
      .insert({
        status: 'acknowledged',
        title_el: 'Παραλαβή',
        title_en: 'Received',
        body_el: 'Η αναφορά {reference} ({category}) πήγε στην υπηρεσία {department}.',
        body_en: 'Report {reference} received.',
      })
      .returning('id')
    const { agent } = await staffAgent()
    const page = await agent.get(`/staff/reports/${report.reference}?template=${template.id}`)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(
      new RegExp(`Η αναφορά ${report.reference} \\([^)]+\\) πήγε στην υπηρεσία [^<{]+\\.</textarea>`),
    )
    expect(page.text).toContain('value="acknowledged" checked')
  })

  it('reassigns the category with a reason, assigns staff of the department only', async () => {
    const author = await createUser(ctx.db)
    const report = await createReport(ctx.db, author.id, await categoryOf('cleaning'))
    const { user, agent } = await staffAgent()
    const lighting = await categoryOf('lighting')
    const outsider = await staffAgent(['clerk'], 'lighting', 'Άλλη Υπηρεσία')

    const refused = await post(agent, report.reference, 'assign', { assignee: String(outsider.user.id) })
    expect(refused.status).toBe(400)
    expect((await post(agent, report.reference, 'assign', { assignee: 'me' })).status).toBe(303)
    expect((await ctx.db('reports').where({ id: report.id }).first()).assignee_id).toBe(user.id)

    const noReason = await post(agent, report.reference, 'reassign', {
      categoryId: String(lighting.category_id),
    })
    expect(noReason.status).toBe(400)
    const moved = await post(agent, report.reference, 'reassign', {
      categoryId: String(lighting.category_id),
      reassignReason: 'Λάθος κατηγορία.',
    })
    expect(moved.status).toBe(303)
    const row = await ctx.db('reports').where({ id: report.id }).first()
    expect(row).toMatchObject({
      category_id: lighting.category_id,
      department_id: lighting.department_id,
      assignee_id: null,
    })
    const audit = await ctx.db('audit_log').where({ action: 'report.reassigned' }).first()
    expect(audit.after).toMatchObject({ department: lighting.department_id, reason: 'Λάθος κατηγορία.' })
    expect((await post(outsider.agent, report.reference, 'assign', { assignee: 'me' })).status).toBe(303)
  })

  it('links duplicates both ways, moves followers to the original and refuses chains', async () => {
    const author = await citizen()
    const other = await citizen()
    const follower = await citizen()
    const original = await createReport(ctx.db, author.user.id)
    const duplicate = await createReport(ctx.db, other.user.id)
    const third = await createReport(ctx.db, other.user.id)
    await ctx.db('report_followers').insert({ report_id: duplicate.id, user_id: follower.user.id })
    const { agent } = await staffAgent()

    expect(
      (await post(agent, duplicate.reference, 'duplicate', { original: duplicate.reference })).text,
    ).toContain('δεν μπορεί να είναι διπλή του εαυτού')
    expect((await post(agent, duplicate.reference, 'duplicate', { original: 'MYT-2026-99999' })).status).toBe(
      400,
    )
    const done = await post(agent, duplicate.reference, 'duplicate', {
      original: original.reference.toLowerCase(),
    })
    expect(done.status).toBe(303)
    expect(await ctx.db('reports').where({ id: duplicate.id }).first()).toMatchObject({
      status: 'duplicate',
      duplicate_of: original.id,
    })
    const followers = await ctx.db('report_followers').where({ report_id: original.id }).pluck('user_id')
    expect(followers.map(Number).sort()).toEqual([other.user.id, follower.user.id].sort())
    expect((await agent.get(`/staff/reports/${original.reference}`)).text).toContain(
      `href="/staff/reports/${duplicate.reference}"`,
    )
    expect((await author.agent.get(`/public/reports/${duplicate.reference}`)).text).toContain(
      original.reference,
    )

    const ofDuplicate = await post(agent, third.reference, 'duplicate', { original: duplicate.reference })
    expect(ofDuplicate.text).toContain('Η αρχική αναφορά είναι η ίδια διπλή')
    const chain = await post(agent, original.reference, 'duplicate', { original: third.reference })
    expect(chain.text).toContain('Άλλες αναφορές είναι σημειωμένες ως διπλές αυτής')

    await ctx.db('outbox').delete()
    await post(agent, original.reference, 'status', { status: 'acknowledged' })
    const told = (await outbox(ctx.db)).map((m) => m.to_address).sort()
    expect(told).toEqual([author.user.email, other.user.email, follower.user.email].sort())
  })

  it('moderates text and hides a report without leaking the original on public pages or feeds', async () => {
    const author = await citizen()
    const report = await createReport(ctx.db, author.user.id, {
      title: 'Ο γείτονας Παπαδόπουλος πετά σκουπίδια',
    })
    const { agent } = await staffAgent()
    const noReason = await post(agent, report.reference, 'moderate', {
      hidden: 'no',
      publicTitle: 'Σκουπίδια',
    })
    expect(noReason.status).toBe(400)
    expect(
      (
        await post(agent, report.reference, 'moderate', {
          hidden: 'no',
          publicTitle: 'Σκουπίδια στο πεζοδρόμιο',
          moderationReason: 'Όνομα ιδιώτη.',
        })
      ).status,
    ).toBe(303)

    const visitor = request(ctx.app)
    for (const path of [
      '/public/reports',
      `/public/reports/${report.reference}`,
      '/public/reports/feed.atom',
      '/public/reports/feed.json',
    ]) {
      const page = await visitor.get(path)
      expect(page.text).toContain('Σκουπίδια στο πεζοδρόμιο')
      expect(page.text).not.toContain('Παπαδόπουλος')
    }
    const staffPage = await agent.get(`/staff/reports/${report.reference}`)
    expect(staffPage.text).toContain('Ο γείτονας Παπαδόπουλος πετά σκουπίδια')

    expect(
      (
        await post(agent, report.reference, 'moderate', {
          hidden: 'yes',
          publicTitle: 'Σκουπίδια στο πεζοδρόμιο',
          moderationReason: 'Προσωπικά δεδομένα.',
        })
      ).status,
    ).toBe(303)
    expect((await visitor.get(`/public/reports/${report.reference}`)).status).toBe(404)
    for (const path of ['/public/reports', '/public/reports/feed.atom', '/public/reports/feed.json']) {
      expect((await visitor.get(path)).text).not.toContain(report.reference)
    }
    expect((await ctx.db('reports').where({ id: report.id }).first()).title).toBe(
      'Ο γείτονας Παπαδόπουλος πετά σκουπίδια',
    )
    expect(await ctx.db('audit_log').where({ action: 'report.moderated' })).toHaveLength(2)
  })

  it('hides a photo from the public with a reason while staff still see it', async () => {
    const author = await citizen()
    const report = await createReport(ctx.db, author.user.id)
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    )
    const [photo] = await ctx
      .db('report_photos')
      .insert({
        report_id: report.id,
        content_type: 'image/png',
        content: png,
        width: 1,
        height: 1,
        byte_size: png.length,
      })
      .returning('id')
    const { agent } = await staffAgent()
    const path = `/public/reports/${report.reference}/photos/${photo.id}`
    expect((await request(ctx.app).get(path)).status).toBe(200)
    const hidden = await post(agent, report.reference, `photos/${photo.id}/moderate`, {
      hidden: 'yes',
      photoReason: 'Φαίνεται πρόσωπο.',
    })
    expect(hidden.status).toBe(303)
    expect((await request(ctx.app).get(path)).status).toBe(404)
    expect((await agent.get(`/staff/reports/${report.reference}/photos/${photo.id}`)).status).toBe(200)
    expect((await agent.get(`/staff/reports/${report.reference}`)).text).toContain('Φαίνεται πρόσωπο.')
  })

  it('files a report for a caller at the counter, with their details kept private', async () => {
    const { user, agent } = await staffAgent()
    const category = await categoryOf('cleaning')
    const district = (await ctx.db('districts').orderBy('sort_order').first('code')).code
    const missing = await submitForm(agent, '/staff/reports/new', '/staff/reports/new', {
      channel: 'counter',
    })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('Γράψτε το όνομα του δημότη')

    const response = await submitForm(agent, '/staff/reports/new', '/staff/reports/new', {
      channel: 'counter',
      callerName: 'Μαρία Καλλονή',
      callerContact: '6900000000',
      kind: 'report',
      categoryId: String(category.category_id),
      title: 'Ξεχειλίζει ο κάδος',
      description: 'Στη γωνία της πλατείας.',
      address: 'Πλατεία Σαπφούς',
      district,
    })
    expect(response.status).toBe(303)
    const reference = /MYT-\d{4}-\d{5}/.exec(String(response.headers.location))![0]
    const row = await ctx.db('reports').where({ reference }).first()
    expect(row).toMatchObject({
      author_id: null,
      filed_by_id: user.id,
      channel: 'counter',
      caller_name: 'Μαρία Καλλονή',
      department_id: category.department_id,
    })
    expect(
      await ctx.db('audit_log').where({ action: 'report.filed_on_behalf', entity_id: reference }),
    ).toHaveLength(1)
    expect(references((await agent.get('/staff/reports')).text)).toContain(reference)
    const publicPage = await request(ctx.app).get(`/public/reports/${reference}`)
    expect(publicPage.status).toBe(200)
    expect(publicPage.text).not.toContain('Καλλονή')
    expect(publicPage.text).not.toContain('6900000000')
    expect(csrfFrom(missing.text)).toBeTruthy()
  })
  it('refuses on the counter form what the residents may not publish, but not in the caller’s details', async () => {
    const { agent } = await staffAgent()
    const category = await categoryOf('cleaning')
    const fields = {
      channel: 'phone',
      callerName: 'Μαρία Καλλονή',
      callerContact: 'maria@example.gr, 697 123 4567',
      kind: 'report',
      categoryId: String(category.category_id),
      title: 'Ξεχειλίζει ο κάδος',
      description: 'Στη γωνία της πλατείας.',
      address: 'Πλατεία Σαπφούς',
      district: 'kentro',
    }
    const file = (changes: Record<string, string>) =>
      submitForm(agent, '/staff/reports/new', '/staff/reports/new', { ...fields, ...changes })

    const phone = await file({ title: 'Πάρτε τη Μαρία στο 697 123 4567' })
    expect(phone.status).toBe(400)
    expect(phone.text).toContain('Αφαιρέστε τον αριθμό τηλεφώνου: η αναφορά μπορεί να δημοσιευτεί.')
    expect(phone.text).toContain(
      'Γράψτε τον στο «Τηλέφωνο ή e-mail του δημότη», που το βλέπουν μόνο οι υπάλληλοι.',
    )
    expect(phone.text).toContain('value="Μαρία Καλλονή"')
    const email = await file({ description: 'Απαντήστε στο maria@example.gr' })
    expect(email.status).toBe(400)
    expect(email.text).toContain('Αφαιρέστε τη διεύθυνση e-mail')
    expect((await file({ address: 'Σαπφούς 3, τηλ. 2251012345' })).status).toBe(400)

    const athens = await file({ lat: '37.98', lng: '23.73' })
    expect(athens.status).toBe(400)
    expect(athens.text).toContain('έξω από τα όρια του Δήμου Μυτιλήνης')
    expect(athens.text).toContain('href="#location-map"')
    expect((await file({ lat: '39.1065' })).status).toBe(400)
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await ctx.db('audit_log').where({ action: 'report.filed_on_behalf' })).toEqual([])

    const filed = await file({ lat: '39.1065', lng: '26.5555' })
    expect(filed.status).toBe(303)
    const reference = /MYT-\d{4}-\d{5}/.exec(String(filed.headers.location))![0]
    expect(await ctx.db('reports').where({ reference }).first()).toMatchObject({
      lat: 39.1065,
      lng: 26.5555,
      caller_contact: 'maria@example.gr, 697 123 4567',
    })
  })
})

describe('the dashboard', () => {
  it('counts by status and Athens month and gives median times, also as CSV', async () => {
    const author = await createUser(ctx.db)
    const base = { ...(await categoryOf('cleaning')) }
    // 22:30 UTC on 30 November is already 1 December in Athens.
    await createReport(ctx.db, author.id, {
      ...base,
      created_at: new Date('2026-11-30T22:30:00Z'),
      first_response_at: new Date('2026-12-01T00:30:00Z'),
    })
    await createReport(ctx.db, author.id, {
      ...base,
      status: 'resolved',
      created_at: new Date('2026-11-10T10:00:00Z'),
      first_response_at: new Date('2026-11-10T14:00:00Z'),
      resolved_at: new Date('2026-11-12T10:00:00Z'),
    })
    await createReport(ctx.db, author.id, {
      ...(await categoryOf('lighting')),
      created_at: new Date('2026-11-11T10:00:00Z'),
    })
    const { agent } = await staffAgent()

    const page = await agent.get('/staff/dashboard')
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/<th scope="row">Δεκέμβριος 2026<\/th><td>1<\/td>/)
    expect(page.text).toMatch(/<th scope="row">Νοέμβριος 2026<\/th><td>1<\/td>/)
    expect(page.text).toMatch(/<th scope="row">Διεκπεραιώθηκε<\/th><td>1<\/td>/)
    expect(page.text).toContain('3 ώρες') // median of 2 h and 4 h
    expect(page.text).toContain('2 ημέρες') // 48 hours
    // States in the order a report moves through them.
    const states = [
      ...page.text.matchAll(/<th scope="row">(Υποβλήθηκε|Παραλήφθηκε|Σε εξέλιξη|Διεκπεραιώθηκε)</g),
    ]
    expect(states.map((match) => match[1])).toEqual(
      ['Υποβλήθηκε', 'Παραλήφθηκε', 'Σε εξέλιξη', 'Διεκπεραιώθηκε'].filter((label) =>
        states.some((m) => m[1] === label),
      ),
    )
    const all = await agent.get('/staff/dashboard?scope=all')
    expect(all.text).toMatch(/<th scope="row">Νοέμβριος 2026<\/th><td>2<\/td>/)
    await agent.get('/language/en')
    const english = await agent.get('/staff/dashboard')
    expect(english.text).toMatch(/<th scope="row">November 2026<\/th><td>1<\/td>/)
    expect(english.text).toContain('2 days')

    await agent.get('/language/el')
    const csv = await agent.get('/staff/dashboard.csv?scope=all')
    expect(csv.status).toBe(200)
    expect(csv.text).toContain(';3,0\r\n')
    expect(csv.text.charCodeAt(0)).toBe(0xfeff)
    expect(csv.text).toContain('Αναφορές ανά μήνα υποβολής (ώρα Ελλάδας);2026-11;2')
    expect(
      await ctx.db('audit_log').where({ action: 'report.exported', entity_id: 'dashboard' }),
    ).toHaveLength(1)
  })
})

import request from 'supertest'
import { csrfFrom, signIn, startTestApp, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function signedInAdmin(fullName = 'Άννα Μαυροειδή') {
  const admin = await createUser(ctx.db, { roles: ['citizen', 'admin'], fullName })
  const agent = request.agent(ctx.app)
  await signIn(agent, admin.email, admin.password)
  return { ...admin, agent }
}

type Entry = {
  actor: number | null
  action: string
  type: string
  id: string
  at: string
  before?: unknown
  after?: unknown
}

async function addEntries(entries: Entry[]) {
  await ctx.db('audit_log').insert(
    entries.map((entry) => ({
      actor_id: entry.actor,
      action: entry.action,
      entity_type: entry.type,
      entity_id: entry.id,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: '192.0.2.10',
      created_at: entry.at,
    })),
  )
}

/** The rows of the log's table, each as its cells' text as seen on screen. */
function tableRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    row[1]!
      .replace(/<span class="visually-hidden">[^<]*<\/span>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

async function page(agent: Agent, query = '') {
  return agent.get(`/staff/audit${query}`)
}

describe('the audit log page', () => {
  it('lists entries newest first with who, where from, and the changes in words', async () => {
    const admin = await signedInAdmin()
    const clerk = await createUser(ctx.db, { roles: ['clerk'], fullName: 'Γιώργος Χατζηγιάννης' })
    await addEntries([
      {
        actor: admin.id,
        action: 'staff.access_changed',
        type: 'user',
        id: String(clerk.id),
        at: '2026-12-01T10:00:00Z',
        before: { roles: ['clerk'], department: 'cleaning' },
        after: { roles: ['clerk', 'admin'], department: 'cleaning' },
      },
      {
        actor: admin.id,
        action: 'staff.invited',
        type: 'user',
        id: String(clerk.id),
        at: '2026-11-30T10:00:00Z',
        after: { roles: ['clerk'], department: 'cleaning', language: 'el' },
      },
      {
        actor: admin.id,
        action: 'staff.deactivated',
        type: 'user',
        id: String(clerk.id),
        at: '2026-12-02T10:00:00Z',
        before: { active: true },
        after: { active: false, sessionsEnded: 1 },
      },
    ])

    const response = await page(admin.agent)
    expect(response.status).toBe(200)
    const rows = tableRows(response.text)
    expect(rows).toHaveLength(3)
    expect(rows[2]).toContain('Πρόσκληση υπαλλήλου')
    expect(rows[2]).toContain('Υπηρεσία: Διεύθυνση Καθαριότητας και Ανακύκλωσης')
    expect(rows[2]).toContain('Γλώσσα: Ελληνικά')
    expect(rows[2]).not.toContain('→')
    expect(rows[0]).toContain('Απενεργοποίηση λογαριασμού')
    expect(rows[0]).toContain('Ενεργός: Ναι → Όχι')
    expect(rows[0]).toContain('Συνεδρίες που έληξαν: — → 1')
    expect(rows[1]).toContain('Αλλαγή ρόλων ή υπηρεσίας')
    expect(rows[1]).toContain('Ρόλοι: Υπάλληλος υπηρεσίας → Υπάλληλος υπηρεσίας, Διαχειριστής')
    expect(rows[1]).not.toContain('Υπηρεσία:') // unchanged fields are left out
    expect(rows[1]).toContain('Άννα Μαυροειδή')
    expect(rows[1]).toContain('από 192.0.2.10')
    expect(response.text).toContain(`href="/staff/admin/users/${clerk.id}"`)

    await admin.agent.get('/language/en')
    const english = tableRows((await page(admin.agent)).text)
    expect(english[0]).toContain('Account deactivated')
    expect(english[0]).toContain('Active: Yes → No')
  })

  it('records an action made on the pages, with the IP address', async () => {
    const admin = await signedInAdmin()
    const clerk = await createUser(ctx.db, { roles: ['clerk'] })
    const account = await admin.agent.get(`/staff/admin/users/${clerk.id}`)
    await admin.agent
      .post(`/staff/admin/users/${clerk.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfFrom(account.text) })

    const rows = tableRows((await page(admin.agent)).text)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('Απενεργοποίηση λογαριασμού')
    expect(rows[0]).toMatch(/από \S*127\.0\.0\.1/)
  })

  it('filters by who, action, record and days in Athens time', async () => {
    const admin = await signedInAdmin()
    const other = await createUser(ctx.db, { roles: ['admin'], fullName: 'Δεύτερος Διαχειριστής' })
    await addEntries([
      { actor: admin.id, action: 'staff.invited', type: 'user', id: '501', at: '2026-11-30T21:59:00Z' },
      { actor: admin.id, action: 'staff.invited', type: 'user', id: '502', at: '2026-11-30T22:01:00Z' },
      { actor: other.id, action: 'staff.deactivated', type: 'user', id: '501', at: '2026-12-01T09:00:00Z' },
      {
        actor: other.id,
        action: 'report.status_changed',
        type: 'report',
        id: 'MYT-2026-00007',
        at: '2026-12-02T09:00:00Z',
      },
    ])

    const count = async (query: string) => tableRows((await page(admin.agent, query)).text).length
    expect(await count('')).toBe(4)
    expect((await page(admin.agent)).text).toContain(
      '<a href="/staff/reports/MYT-2026-00007">MYT-2026-00007</a>',
    )
    expect(await count(`?actor=${other.id}`)).toBe(2)
    expect(await count('?action=staff.invited')).toBe(2)
    expect(await count('?entityType=user&entityId=501')).toBe(2)
    expect(await count('?entityType=report')).toBe(1)
    // 2026-12-01 in Athens starts at 2026-11-30T22:00Z.
    expect(await count('?from=2026-12-01&to=2026-12-01')).toBe(2)
    expect(await count('?to=2026-11-30')).toBe(1)
    expect(await count(`?actor=${other.id}&from=2026-12-02`)).toBe(1)
    expect(await count('?action=staff.reactivated')).toBe(0)

    const filtered = await page(admin.agent, '?action=staff.invited')
    expect(filtered.text).toMatch(/<option value="staff.invited" selected>Πρόσκληση υπαλλήλου<\/option>/)
    expect(filtered.text).toContain(`<option value="${other.id}">Δεύτερος Διαχειριστής`)
    expect(filtered.text).toContain('href="/staff/audit">Καθαρισμός φίλτρων')
  })

  it("names report actions, categories, people and exported lists in the reader's words", async () => {
    const admin = await signedInAdmin()
    const clerk = await createUser(ctx.db, { roles: ['clerk'], fullName: 'Στέλιος Υπάλληλος' })
    const category = await ctx.db('categories').orderBy('id').first('id', 'name_el', 'name_en')
    await addEntries([
      {
        actor: admin.id,
        action: 'report.assigned',
        type: 'report',
        id: 'MYT-2026-00008',
        at: '2026-12-02T09:00:00Z',
        before: { assignee: null },
        after: { assignee: clerk.id },
      },
      {
        actor: admin.id,
        action: 'report.reassigned',
        type: 'report',
        id: 'MYT-2026-00009',
        at: '2026-12-02T10:00:00Z',
        before: { category: 999999 },
        after: { category: category.id },
      },
      {
        actor: admin.id,
        action: 'report.exported',
        type: 'report',
        id: 'queue',
        at: '2026-12-02T11:00:00Z',
        after: { filters: '?scope=all', rows: 3 },
      },
    ])
    const greek = await page(admin.agent)
    const rows = tableRows(greek.text)
    expect(rows[0]).toContain('Εξαγωγή λίστας σε CSV')
    expect(rows[0]).toContain('Λίστα αναφορών')
    expect(rows[0]).toContain('Γραμμές: 3')
    expect(greek.text).not.toContain('href="/staff/reports/queue"')
    expect(rows[1]).toContain('Αλλαγή κατηγορίας ή υπηρεσίας αναφοράς')
    expect(rows[1]).toContain(`Κατηγορία: 999999 → ${category.name_el}`)
    expect(rows[2]).toContain('Ανάθεση αναφοράς')
    expect(rows[2]).toContain('Υπεύθυνος: — → Στέλιος Υπάλληλος')
    expect(greek.text).not.toMatch(/>\s*report\.(assigned|reassigned|exported)/)

    await admin.agent.get('/language/en')
    const english = tableRows((await page(admin.agent)).text)
    expect(english[0]).toContain('List exported as CSV')
    expect(english[0]).toContain('Report list')
    expect(english[1]).toContain(`Category: 999999 → ${category.name_en}`)
  })

  it('explains a date that is not real or out of order, with 400', async () => {
    const admin = await signedInAdmin()
    const bad = await page(admin.agent, '?from=2026-02-30')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Γράψτε μια υπαρκτή ημερομηνία')
    expect(bad.text).toContain('href="#field-from"')
    const order = await page(admin.agent, '?from=2026-12-05&to=2026-12-01')
    expect(order.status).toBe(400)
    expect(order.text).toContain('Η ημέρα λήξης πρέπει να είναι ίδια ή μετά την ημέρα έναρξης')
  })

  it('is paginated, 50 entries a page', async () => {
    const admin = await signedInAdmin()
    await addEntries(
      Array.from({ length: 55 }, (_, i) => ({
        actor: admin.id,
        action: 'staff.invited',
        type: 'user',
        id: String(1000 + i),
        at: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
      })),
    )
    const first = await page(admin.agent)
    expect(tableRows(first.text)).toHaveLength(50)
    expect(first.text).toContain('55 εγγραφές')
    expect(tableRows(first.text)[0]).toContain('1054')
    const second = await page(admin.agent, '?page=2')
    expect(tableRows(second.text)).toHaveLength(5)
    expect(tableRows(second.text)[4]).toContain('1000')
  })

  it('cannot change or delete entries', async () => {
    const admin = await signedInAdmin()
    await addEntries([
      { actor: admin.id, action: 'staff.invited', type: 'user', id: '1', at: '2026-12-01T10:00:00Z' },
    ])
    await expect(ctx.db('audit_log').update({ action: 'something.else' })).rejects.toThrow(/append-only/)
    await expect(ctx.db('audit_log').delete()).rejects.toThrow(/append-only/)
    expect(await ctx.db('audit_log').count({ n: '*' })).toEqual([{ n: 1 }])
  })
})

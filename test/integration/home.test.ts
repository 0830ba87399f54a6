import request from 'supertest'
import { startTestApp, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import { categoryIds } from '../helpers/public-reports'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

/** The three figures of the home page, in the order shown. */
async function figures(): Promise<number[]> {
  const home = await request(ctx.app).get('/')
  expect(home.status).toBe(200)
  return [...home.text.matchAll(/<span class="key-facts__value">([\d.,]+)<\/span>/g)].map((match) =>
    Number(match[1]!.replace(/[.,]/g, '')),
  )
}

describe('the home page figures', () => {
  it('count the reports the public list shows, leaving out hidden and private ones', async () => {
    const author = await createUser(ctx.db)
    const categories = await categoryIds(ctx.db)
    await createReport(ctx.db, author.id, { category_id: categories.first })
    await createReport(ctx.db, author.id, { category_id: categories.first, status: 'resolved' })
    await createReport(ctx.db, author.id, { category_id: categories.second, is_hidden: true })
    await createReport(ctx.db, author.id, { category_id: categories.private })

    // total, open, resolved
    expect(await figures()).toEqual([2, 1, 1])
    const list = await request(ctx.app).get('/public/reports')
    expect(list.text).toContain('Αναφορά δοκιμής')
  })
})

describe('the public list past its last page', () => {
  it('goes to the last page of the same list', async () => {
    const author = await createUser(ctx.db)
    await createReport(ctx.db, author.id)
    const far = await request(ctx.app).get('/public/reports?page=99')
    expect(far.status).toBe(303)
    expect(far.headers.location).toBe('/public/reports')
    const empty = await request(ctx.app).get('/public/reports?page=99&q=nothing-like-this')
    expect(empty.status).toBe(200)
  })
})

describe('searching the public list by a report number', () => {
  it('finds a report by its number as people say it', async () => {
    const author = await createUser(ctx.db)
    const report = await createReport(ctx.db, author.id, { title: 'Σπασμένο παγκάκι' })
    const number = report.reference.slice(-5)
    for (const q of [
      number,
      String(Number(number)),
      report.reference.slice(4),
      report.reference.toLowerCase(),
    ]) {
      const list = await request(ctx.app).get(`/public/reports?q=${encodeURIComponent(q)}`)
      expect({ q, found: list.text.includes('Σπασμένο παγκάκι') }).toEqual({ q, found: true })
    }
    const other = await request(ctx.app).get('/public/reports?q=99999')
    expect(other.text).not.toContain('Σπασμένο παγκάκι')
  })
})

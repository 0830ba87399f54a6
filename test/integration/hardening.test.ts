// Weaknesses a penetration test of the portal found, each kept from coming back.
import request from 'supertest'
import { signIn, startTestApp, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'

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

// Registration must not reveal whether an address has an account: the answer is the same, and so
// is the costly work behind it (one password hash), which is what would otherwise differ in time.
// Counting the hashes proves it without timing requests on a busy machine.
import request from 'supertest'
import { hashPassword } from '../../src/features/accounts/passwords'
import { csrfFrom, startTestApp, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createUser } from '../helpers/factories'

jest.mock('../../src/features/accounts/passwords', () => {
  const actual = jest.requireActual('../../src/features/accounts/passwords')
  return { ...actual, hashPassword: jest.fn(actual.hashPassword) }
})

const hashing = hashPassword as jest.MockedFunction<typeof hashPassword>
let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function register(email: string) {
  const agent = request.agent(ctx.app)
  const page = await agent.get('/register')
  hashing.mockClear()
  const response = await agent
    .post('/register')
    .type('form')
    .send({
      fullName: 'Ελένη Δοκιμή',
      email,
      password: 'μια μεγάλη ελληνική φράση',
      terms: 'yes',
      _csrf: csrfFrom(page.text),
    })
  const outbox = await ctx.db('outbox').where({ to_address: email }).count({ n: '*' })
  return {
    status: response.status,
    location: response.headers.location,
    hashes: hashing.mock.calls.length,
    mails: Number(outbox[0]!.n),
  }
}

describe('registering an address that already has an account', () => {
  it('does the same work and gives the same answer as a new address', async () => {
    await createUser(ctx.db, { email: 'known@example.gr' })
    const known = await register('known@example.gr')
    const fresh = await register('someone.new@example.gr')

    expect(known).toEqual({ status: 303, location: '/register/check-email', hashes: 1, mails: 1 })
    expect(fresh).toEqual(known)
  })
})

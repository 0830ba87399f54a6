import { Router } from 'express'
import request from 'supertest'
import { createLogger } from '../../src/web/logging'
import { startTestApp, type TestContext } from '../helpers/app'

let ctx: TestContext

beforeAll(async () => {
  const failing = Router()
  failing.get('/test/fails', () => {
    throw new Error('database password=hunter2 exploded')
  })
  ctx = await startTestApp(failing)
})
afterAll(() => ctx.close())

describe('error pages', () => {
  it('answers an unknown address with an accessible 404 page in the chosen language', async () => {
    const greek = await request(ctx.app).get('/no/such/page')
    expect(greek.status).toBe(404)
    expect(greek.text).toContain('Η σελίδα δεν βρέθηκε')
    const english = await request(ctx.app).get('/no/such/page').set('Cookie', 'lang=en')
    expect(english.text).toContain('Page not found')
    expect(english.text).toContain('<html lang="en">')
  })

  it('answers a failure with a 500 page that carries the request id and no details', async () => {
    const response = await request(ctx.app).get('/test/fails')
    expect(response.status).toBe(500)
    const requestId = response.headers['x-request-id']
    expect(requestId).toBeTruthy()
    expect(response.text).toContain(requestId)
    expect(response.text).toContain('Λυπούμαστε, υπάρχει πρόβλημα με την υπηρεσία')
    expect(response.text).not.toContain('hunter2')
    expect(response.text).not.toMatch(/at .+\.ts:\d+/)
  })

  it('answers a malformed form body with a page, not a crash', async () => {
    const response = await request(ctx.app)
      .post('/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('a=' + 'x'.repeat(200 * 1024))
    expect([403, 413]).toContain(response.status)
    expect(response.text).toContain('<h1')
  })
})

describe('health', () => {
  it('says the process is alive and the database reachable', async () => {
    expect((await request(ctx.app).get('/healthz')).body).toEqual({ status: 'ok' })
    expect((await request(ctx.app).get('/readyz')).body).toEqual({ status: 'ready' })
  })
})

describe('headers', () => {
  it('sends a strict Content-Security-Policy without inline script or style', async () => {
    const response = await request(ctx.app).get('/')
    const csp = response.headers['content-security-policy']
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('serves static files for a year', async () => {
    const response = await request(ctx.app).get('/assets/css/app.css')
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toContain('max-age=31536000')
  })

  it('keeps the page when switching language and refuses to redirect elsewhere', async () => {
    const local = await request(ctx.app).get('/language/en?next=/contact')
    expect(local.headers.location).toBe('/contact')
    expect(local.headers['set-cookie']?.[0]).toMatch(/^lang=en;/)
    const away = await request(ctx.app).get('/language/en?next=//evil.example')
    expect(away.headers.location).toBe('/')
  })
})

describe('page titles', () => {
  it('name the page first, then the service', async () => {
    const contact = await request(ctx.app).get('/contact')
    expect(contact.text).toContain('<title>Επικοινωνία – e-Υπηρεσίες – Δήμος Μυτιλήνης</title>')
    const missing = await request(ctx.app).get('/nowhere').set('Cookie', 'lang=en')
    expect(missing.text).toContain('<title>Page not found – e-Services – Municipality of Mytilene</title>')
  })
})

describe('what reaches the log', () => {
  it('never the raw body of a refused request nor the values of a failed query', () => {
    const lines: string[] = []
    const logger = createLogger('info', { write: (line: string) => lines.push(line) })
    const err = Object.assign(new Error('too many parameters'), {
      body: 'password=secret-value',
      params: ['secret-hash'],
    })
    logger.warn({ err }, 'request refused')
    expect(lines.join('')).toContain('too many parameters')
    expect(lines.join('')).not.toContain('secret-value')
    expect(lines.join('')).not.toContain('secret-hash')
  })
})

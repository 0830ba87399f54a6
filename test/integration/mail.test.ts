// The outbox worker, the mail it sends, and /dev/mail where mail is kept outside production.
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { createApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { queueMail, type QueuedMail } from '../../src/features/mail/outbox'
import { deliverPendingNow, LEASE_MS, MAX_ATTEMPTS, type OutgoingMail } from '../../src/jobs/outbox'
import { advanceClock, now, setClock } from '../../src/lib/clock'
import { createLogger } from '../../src/web/logging'
import { startTestApp, submitForm, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { deliverMail, outbox, recordingTransport } from '../helpers/mail'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const MINUTE = 60 * 1000

function queue(mail: Partial<QueuedMail> = {}) {
  return queueMail(ctx.db, {
    to: 'eleni@example.gr',
    template: 'password-changed',
    locale: 'el',
    data: { name: 'Ελένη', changedAt: '2026-12-03T10:00:00Z' },
    ...mail,
  })
}

describe('mail as it is sent', () => {
  it("is written in the recipient's language, as plain text and as HTML", async () => {
    await queue({ to: 'eleni@example.gr', locale: 'el' })
    await queue({
      to: 'emma@example.org',
      locale: 'en',
      data: { name: 'Emma', changedAt: '2026-12-03T10:00:00Z' },
    })
    const transport = recordingTransport()
    expect(await deliverMail(ctx, transport)).toEqual({ sent: 2, retrying: 0, failed: 0 })

    const [greek, english] = transport.sent as [OutgoingMail, OutgoingMail]
    expect(greek).toMatchObject({
      to: 'eleni@example.gr',
      lang: 'el',
      subject: 'Ο κωδικός πρόσβασής σας άλλαξε',
    })
    expect(greek.from).toBe(ctx.config.mailFrom)
    expect(greek.text).toContain('Γεια σας Ελένη,')
    expect(greek.text).toContain('άλλαξε (3 Δεκεμβρίου 2026 στις 12:00).')
    expect(greek.text).toContain('http://localhost:3000/password/forgot')
    expect(greek.text).not.toMatch(/<[a-z]/)
    expect(greek.html).toContain('<html lang="el">')
    expect(greek.html).toContain('<title>Ο κωδικός πρόσβασής σας άλλαξε</title>')
    expect(greek.html).toContain('href="http://localhost:3000/password/forgot"')

    expect(english).toMatchObject({
      to: 'emma@example.org',
      lang: 'en',
      subject: 'Your password has changed',
    })
    expect(english.text).toContain('Hello Emma,')
    expect(english.text).toContain('on 3 December 2026 at 12:00')
    expect(english.html).toContain('<html lang="en">')
    expect(english.html).toContain('Municipality of Mytilene')
  })

  it('escapes what people typed in the HTML part and leaves it as typed in the text part', async () => {
    await queue({ data: { name: '<b>Ελένη</b> & "φίλοι"', changedAt: '2026-12-03T10:00:00Z' } })
    const transport = recordingTransport()
    await deliverMail(ctx, transport)

    expect(transport.sent[0]!.html).toContain('&lt;b&gt;Ελένη&lt;/b&gt; &amp; &#34;φίλοι&#34;')
    expect(transport.sent[0]!.html).not.toContain('<b>Ελένη</b>')
    expect(transport.sent[0]!.text).toContain('Γεια σας <b>Ελένη</b> & "φίλοι",')
  })

  it('goes out through the SMTP server of SMTP_URL as one message with both parts', async () => {
    const smtp = await fakeSmtpServer()
    try {
      await queue()
      const config = { ...ctx.config, smtpUrl: `smtp://127.0.0.1:${smtp.port}` }
      expect(await deliverPendingNow({ db: ctx.db, config })).toEqual({ sent: 1, retrying: 0, failed: 0 })

      expect(smtp.envelopes).toEqual([{ from: 'noreply@eservices.mytilene.gr', to: ['eleni@example.gr'] }])
      const message = smtp.messages[0]!
      expect(message).toMatch(/^Content-Type: multipart\/alternative/m)
      expect(message).toMatch(/^Content-Type: text\/plain; charset=utf-8/m)
      expect(message).toMatch(/^Content-Type: text\/html; charset=utf-8/m)
      expect(message).toMatch(/^Content-Language: el/m)
      expect(message).toMatch(/^Auto-Submitted: auto-generated/m)
      expect(message).toMatch(/^Subject: =\?UTF-8\?/m)
      const parts = mimeParts(message)
      expect(parts.map((part) => part.type)).toEqual(['text/plain', 'text/html'])
      expect(parts[0]!.body).toMatch(/^Γεια σας Ελένη,\n/)
      expect(parts[1]!.body).toMatch(/^<!DOCTYPE html>\n<html lang="el">/)
      expect(parts[1]!.body).toContain('Γεια σας Ελένη,')

      const [row] = await outbox(ctx.db)
      expect(row).toMatchObject({ status: 'sent', attempts: 1, data: {} })
    } finally {
      await smtp.close()
    }
  })

  it('is tried again later when the SMTP server cannot be reached', async () => {
    const smtp = await fakeSmtpServer()
    await smtp.close()
    await queue()
    const config = { ...ctx.config, smtpUrl: `smtp://127.0.0.1:${smtp.port}` }
    expect(await deliverPendingNow({ db: ctx.db, config })).toEqual({ sent: 0, retrying: 1, failed: 0 })
    const [row] = await outbox(ctx.db)
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i)
    expect(row!.data).toMatchObject({ name: 'Ελένη' })
  })
})

describe('the outbox worker', () => {
  it('tries a failed mail again with growing delays, then marks it failed', async () => {
    setClock(new Date('2026-12-03T10:00:00Z'))
    await queue()
    const transport = recordingTransport()
    transport.failing = new Error('421 service not available')

    const delays: number[] = []
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverMail(ctx, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 })
      const [row] = await outbox(ctx.db)
      expect(row).toMatchObject({
        status: 'pending',
        attempts: attempt,
        last_error: '421 service not available',
      })
      const wait = new Date(row!.available_at).getTime() - now().getTime()
      delays.push(wait)
      expect(await deliverMail(ctx, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 })
      advanceClock(wait)
    }
    expect(delays.map((wait) => wait / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60])

    expect(await deliverMail(ctx, transport)).toEqual({ sent: 0, retrying: 0, failed: 1 })
    const [row] = await outbox(ctx.db)
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
    advanceClock(24 * 60 * MINUTE)
    transport.failing = null
    expect(await deliverMail(ctx, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect(transport.sent).toEqual([])
  })

  it('sends a mail that failed once on the next try and forgets the error', async () => {
    setClock(new Date('2026-12-03T10:00:00Z'))
    await queue()
    const transport = recordingTransport()
    transport.failing = new Error('connection reset')
    await deliverMail(ctx, transport)
    transport.failing = null
    advanceClock(MINUTE)

    expect(await deliverMail(ctx, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 })
    const [row] = await outbox(ctx.db)
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
    expect(transport.sent).toHaveLength(1)
  })

  it('retries a mail whose template cannot be rendered, saying why', async () => {
    await ctx
      .db('outbox')
      .insert({ to_address: 'x@example.gr', locale: 'el', template: 'no-such-mail', data: '{}' })
    expect(await deliverMail(ctx)).toEqual({ sent: 0, retrying: 1, failed: 0 })
    expect((await outbox(ctx.db))[0]!.last_error).toContain('no-such-mail')
  })

  it('offers a mail claimed by a process that stopped again once the lease has run out', async () => {
    setClock(new Date('2026-12-03T10:00:00Z'))
    await queue()
    // As a worker leaves a row while it sends: one attempt counted, held until the lease ends.
    await ctx.db('outbox').update({ attempts: 1, available_at: new Date(now().getTime() + LEASE_MS) })
    const transport = recordingTransport()
    expect(await deliverMail(ctx, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 })
    advanceClock(LEASE_MS)
    expect(await deliverMail(ctx, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect((await outbox(ctx.db))[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })

  it('sends each mail once when several workers run at the same time', async () => {
    for (let i = 0; i < 45; i += 1) await queue({ to: `person${i}@example.gr` })
    const slow = () => {
      const transport = recordingTransport()
      const send = transport.send
      transport.send = async (mail) => {
        await new Promise((resolve) => setTimeout(resolve, 2))
        await send(mail)
      }
      return transport
    }
    const workers = [slow(), slow(), slow()]
    const reports = await Promise.all(workers.map((transport) => deliverMail(ctx, transport)))

    const sent = workers.flatMap((transport) => transport.sent.map((mail) => mail.to)).sort()
    expect(sent).toHaveLength(45)
    expect(new Set(sent).size).toBe(45)
    expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(45)
    expect(await ctx.db('outbox').where({ status: 'sent' }).count({ n: '*' })).toEqual([{ n: 45 }])
  })

  it('keeps mail on the machine without SMTP_URL: marked sent, its content still readable', async () => {
    await queue()
    expect(ctx.config.smtpUrl).toBeUndefined()
    expect(await deliverMail(ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 })
    const [row] = await outbox(ctx.db)
    expect(row).toMatchObject({ status: 'sent', data: { name: 'Ελένη' } })
    expect(row!.sent_at).not.toBeNull()
  })
})

describe('/dev/mail', () => {
  it('lists kept mail newest first, twenty to a page', async () => {
    setClock(new Date('2026-12-03T10:00:00Z'))
    for (let i = 1; i <= 25; i += 1) {
      await queue({ to: `person${i}@example.gr` })
      advanceClock(MINUTE)
    }
    const first = await request(ctx.app).get('/dev/mail')
    expect(first.status).toBe(200)
    expect(first.text).toContain('25 μηνύματα, τα νεότερα πρώτα')
    const addresses = (html: string) =>
      [...html.matchAll(/<td>(person\d+@example\.gr)<\/td>/g)].map((m) => m[1])
    expect(addresses(first.text)).toHaveLength(20)
    expect(addresses(first.text)[0]).toBe('person25@example.gr')
    expect(first.text).toContain('href="/dev/mail?page=2"')

    const second = await request(ctx.app).get('/dev/mail?page=2')
    expect(addresses(second.text)).toEqual([
      'person5@example.gr',
      'person4@example.gr',
      'person3@example.gr',
      'person2@example.gr',
      'person1@example.gr',
    ])
  })

  it('shows one mail: subject, recipient, its links, the text, and the HTML in a sandbox', async () => {
    await submitForm(request.agent(ctx.app), '/register', '/register', {
      fullName: 'Ελένη Δοκιμή',
      email: 'eleni@example.gr',
      password: 'μια μεγάλη ελληνική φράση',
      terms: 'yes',
    })
    await deliverMail(ctx)
    const [row] = await outbox(ctx.db)
    const page = await request(ctx.app).get(`/dev/mail/${row!.id}`)

    expect(page.status).toBe(200)
    expect(page.text).toContain('Επιβεβαιώστε τη διεύθυνση e-mail σας</h1>')
    expect(page.text).toContain('eleni@example.gr')
    expect(page.text).toMatch(/<a href="http:\/\/localhost:3000\/email\/verify\?token=[\w-]{43}">/)
    expect(page.text).toContain('<pre class="mail-text" lang="el">Γεια σας Ελένη Δοκιμή,')
    expect(page.text).toContain(`<iframe class="mail-frame" src="/dev/mail/${row!.id}/html"`)
    expect(page.text).toMatch(/<iframe[^>]+ sandbox>/)

    const html = await request(ctx.app).get(`/dev/mail/${row!.id}/html`)
    expect(html.status).toBe(200)
    expect(html.headers['content-type']).toMatch(/^text\/html/)
    const policy = html.headers['content-security-policy']
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain('sandbox')
    expect(policy).toContain("frame-ancestors 'self'")
    expect(policy).not.toContain('script-src')
    expect(html.text).toContain('<html lang="el">')
  })

  it('answers 404 for a mail that does not exist', async () => {
    expect((await request(ctx.app).get('/dev/mail/999')).status).toBe(404)
    expect((await request(ctx.app).get('/dev/mail/abc')).status).toBe(404)
    expect((await request(ctx.app).get('/dev/mail/999/html')).status).toBe(404)
  })

  it('is pointed to from the "check your e-mail" page in the demo', async () => {
    const page = await request(ctx.app).get('/register/check-email')
    expect(page.text).toContain('href="/dev/mail"')
  })

  it('is not there in production, nor pointed to', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://db.example/portal',
      SMTP_URL: 'smtps://portal:secret@mail.example.gr:465',
      DATA_DIR: '/tmp/mytilene-test-data',
    })
    const app = createApp({ config, db: ctx.db, logger: createLogger('silent') })
    await queue()
    const [row] = await outbox(ctx.db)

    expect((await request(app).get('/dev/mail')).status).toBe(404)
    expect((await request(app).get(`/dev/mail/${row!.id}`)).status).toBe(404)
    expect((await request(app).get(`/dev/mail/${row!.id}/html`)).status).toBe(404)
    const page = await request(app).get('/register/check-email')
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('/dev/mail')
    expect((await request(ctx.app).get('/dev/mail')).status).toBe(200)
  })
})

type FakeSmtp = {
  port: number
  envelopes: { from: string; to: string[] }[]
  messages: string[]
  close: () => Promise<void>
}

/** Just enough of an SMTP server to receive mail from nodemailer on the loopback. */
function fakeSmtpServer(): Promise<FakeSmtp> {
  const envelopes: FakeSmtp['envelopes'] = []
  const messages: string[] = []
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let envelope = { from: '', to: [] as string[] }
    socket.write('220 fake.example ESMTP\r\n')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          messages.push(buffer.slice(0, end))
          envelopes.push(envelope)
          envelope = { from: '', to: [] }
          buffer = buffer.slice(end + 5)
          inData = false
          socket.write('250 queued\r\n')
          continue
        }
        const lineEnd = buffer.indexOf('\r\n')
        if (lineEnd < 0) return
        const line = buffer.slice(0, lineEnd)
        buffer = buffer.slice(lineEnd + 2)
        const verb = line.slice(0, 4).toUpperCase()
        const address = /<([^>]*)>/.exec(line)?.[1] ?? ''
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake.example\r\n250 8BITMIME\r\n')
        else if (verb === 'MAIL') {
          envelope.from = address
          socket.write('250 ok\r\n')
        } else if (verb === 'RCPT') {
          envelope.to.push(address)
          socket.write('250 ok\r\n')
        } else if (verb === 'DATA') {
          inData = true
          socket.write('354 go ahead\r\n')
        } else if (verb === 'QUIT') socket.end('221 bye\r\n')
        else socket.write('250 ok\r\n')
      }
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        envelopes,
        messages,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}

/** The parts of a multipart message, decoded from base64 or quoted-printable. */
function mimeParts(message: string): { type: string; body: string }[] {
  const boundary = /boundary="([^"]+)"/.exec(message)?.[1]
  if (!boundary) throw new Error('not a multipart message')
  return message
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head = '', ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n')
      const raw = rest.join('\r\n\r\n')
      const type = /Content-Type: ([^;\r\n]+)/i.exec(head)?.[1] ?? ''
      const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(head)?.[1]?.toLowerCase()
      let bytes: Buffer
      if (encoding === 'base64') bytes = Buffer.from(raw, 'base64')
      else if (encoding === 'quoted-printable') {
        const latin = raw
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
        bytes = Buffer.from(latin, 'latin1')
      } else bytes = Buffer.from(raw, 'utf8')
      return { type, body: bytes.toString('utf8').replace(/\r\n/g, '\n') }
    })
}

import path from 'node:path'
import ejs from 'ejs'
import request from 'supertest'
import { csrfFrom, signIn, startTestApp, submitForm, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { htmlPage, pdfDocument, pdfOfSize, pngImage } from '../helpers/documents'
import { createUser } from '../helpers/factories'
import { MAX_DOCUMENT_BYTES } from '../../src/features/afm/documents'
import { claimAfm, ClaimDecisionError, decideClaim, verifiedAfmOf } from '../../src/features/afm/service'
import { setClock } from '../../src/lib/clock'
import { translatorFor } from '../../src/web/i18n'
import { VIEWS_DIR } from '../../src/web/views'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const AFM = '090000045'
const OTHER_AFM = '094019245'

async function signedIn(options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(ctx.db, options)
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { user, agent }
}

const citizen = () => signedIn()
const clerk = () => signedIn({ roles: ['citizen', 'clerk'] })

async function claim(agent: Agent, afm = AFM) {
  return submitForm(agent, '/account/afm', '/account/afm', { afm })
}

async function upload(agent: Agent, content: Buffer, filename: string, contentType: string) {
  const page = await agent.get('/account/afm')
  return agent
    .post('/account/afm/document')
    .field('_csrf', csrfFrom(page.text))
    .attach('document', content, { filename, contentType })
}

async function claimOf(userId: number) {
  return ctx.db('afm_claims').where({ user_id: userId }).orderBy('id', 'desc').first()
}

async function documentOf(claimId: number) {
  return ctx.db('afm_documents').where({ claim_id: claimId }).first()
}

async function decide(agent: Agent, claimId: number, fields: Record<string, string>) {
  return submitForm(agent, `/staff/afm/${claimId}`, `/staff/afm/${claimId}/decision`, fields)
}

describe('claiming an AFM', () => {
  it('records the claim as pending and shows it on my account as awaiting verification', async () => {
    const { user, agent } = await citizen()
    const response = await claim(agent, '090 000 045')

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/account/afm?done=claimed')
    expect(await claimOf(user.id)).toMatchObject({ afm: AFM, status: 'pending', evidence: null })
    expect(await verifiedAfmOf(ctx.db, user)).toBeNull()

    const account = await agent.get('/account')
    expect(account.text).toContain(AFM)
    expect(account.text).toContain('Εκκρεμεί επαλήθευση')
    expect(account.text).not.toContain('>Επαληθεύτηκε<')
  })

  it('refuses an AFM whose check digit is wrong, in the language of the page', async () => {
    const { user, agent } = await citizen()
    await agent.get('/language/en')
    const response = await claim(agent, '123456789')

    expect(response.status).toBe(400)
    expect(response.text).toContain('This tax number is not valid')
    expect(response.text).toContain('value="123456789"')
    expect(await claimOf(user.id)).toBeUndefined()
  })

  it('turns the AFM typed at registration into a pending claim, not a confirmed AFM', async () => {
    const agent = request.agent(ctx.app)
    const response = await submitForm(agent, '/register', '/register', {
      fullName: 'Ελένη Δοκιμή',
      email: 'eleni@example.gr',
      password: 'μια μεγάλη ελληνική φράση',
      afm: '090-000-045',
      terms: 'yes',
    })

    expect(response.status).toBe(303)
    const user = await ctx.db('users').where({ email: 'eleni@example.gr' }).first()
    expect(user).not.toHaveProperty('afm')
    expect(await claimOf(user.id)).toMatchObject({ afm: AFM, status: 'pending' })
    expect(await verifiedAfmOf(ctx.db, user)).toBeNull()
  })

  it('refuses a second claim while the first is open', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const response = await agent
      .post('/account/afm')
      .type('form')
      .send({ afm: OTHER_AFM, _csrf: csrfFrom((await agent.get('/account')).text) })

    expect(response.status).toBe(400)
    expect(response.text).toContain('Ο λογαριασμός σας έχει ήδη ΑΦΜ')
    expect(await ctx.db('afm_claims').where({ user_id: user.id }).pluck('afm')).toEqual([AFM])
  })
})

describe('sending a document', () => {
  it('keeps a real PDF as it was sent', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const pdf = pdfDocument()
    const response = await upload(agent, pdf, 'εκκαθαριστικό.pdf', 'application/pdf')

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/account/afm?done=document')
    const stored = await claimOf(user.id)
    expect(stored.evidence).toBe('document')
    const document = await documentOf(stored.id)
    expect(document.media_type).toBe('application/pdf')
    expect(Buffer.from(document.content).equals(pdf)).toBe(true)
    expect((await agent.get('/account/afm')).text).toContain('Έχει σταλεί έγγραφο')
  })

  it('recognises a PNG by its content whatever its name and declared type', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const response = await upload(agent, pngImage(), 'scan.pdf', 'application/pdf')

    expect(response.status).toBe(303)
    const document = await documentOf((await claimOf(user.id)).id)
    expect(document.media_type).toBe('image/png')
  })

  it('refuses a web page renamed .pdf', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const response = await upload(agent, htmlPage(), 'afm.pdf', 'application/pdf')

    expect(response.status).toBe(400)
    expect(response.text).toContain('Το αρχείο πρέπει να είναι PDF, JPEG ή PNG')
    expect(response.text).toContain('class="error-summary"')
    expect(await documentOf((await claimOf(user.id)).id)).toBeUndefined()
  })

  it('refuses a file over 5 MB with its own message and takes one of exactly 5 MB', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const tooBig = await upload(agent, pdfOfSize(MAX_DOCUMENT_BYTES + 1), 'big.pdf', 'application/pdf')

    expect(tooBig.status).toBe(413)
    expect(tooBig.text).toContain('Το αρχείο πρέπει να είναι έως 5 MB')
    const claimId = (await claimOf(user.id)).id
    expect(await documentOf(claimId)).toBeUndefined()

    const justRight = await upload(agent, pdfOfSize(MAX_DOCUMENT_BYTES), 'ok.pdf', 'application/pdf')
    expect(justRight.status).toBe(303)
    const stored = await ctx.db('afm_documents').where({ claim_id: claimId }).first('size_bytes')
    expect(stored.size_bytes).toBe(MAX_DOCUMENT_BYTES)
  })

  it('does not read an upload that announces itself far beyond the limit', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const page = await agent.get('/account/afm')
    const response = await agent
      .post('/account/afm/document')
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .set('Content-Length', String(50 * 1024 * 1024))
      .send(`--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(page.text)}\r\n`)

    expect(response.status).toBe(413)
    expect(response.headers.connection).toBe('close')
    expect(await documentOf((await claimOf(user.id)).id)).toBeUndefined()
  })

  it('asks for the AFM first when a document comes without a pending claim', async () => {
    const { agent } = await citizen()
    const response = await upload(agent, pngImage(), 'a.png', 'image/png')

    expect(response.status).toBe(400)
    expect(response.text).toContain('δηλώστε πρώτα τον ΑΦΜ σας')
    expect(response.text).toContain('href="#field-afm"')
    expect(response.text).toContain('id="field-afm"')
    expect(await ctx.db('afm_documents')).toEqual([])
  })

  it('asks for a file when none was chosen', async () => {
    const { agent } = await citizen()
    await claim(agent)
    const page = await agent.get('/account/afm')
    const response = await agent.post('/account/afm/document').field('_csrf', csrfFrom(page.text))

    expect(response.status).toBe(400)
    expect(response.text).toContain('Διαλέξτε το αρχείο που θέλετε να στείλετε')
  })

  it('refuses an upload without the form token, or from someone not signed in', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const forged = await agent.post('/account/afm/document').attach('document', pngImage(), 'a.png')
    const stranger = await request(ctx.app)
      .post('/account/afm/document')
      .field('_csrf', 'guess')
      .attach('document', pngImage(), 'a.png')

    expect(forged.status).toBe(403)
    expect(stranger.status).toBe(403)
    expect(stranger.headers.connection).toBe('close')
    expect(await documentOf((await claimOf(user.id)).id)).toBeUndefined()
  })

  it('deletes the document when the citizen chooses the counter instead, or withdraws', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    await upload(agent, pngImage(), 'a.png', 'image/png')
    const claimId = (await claimOf(user.id)).id

    const counter = await submitForm(agent, '/account/afm', '/account/afm/counter', {})
    expect(counter.status).toBe(303)
    expect(await claimOf(user.id)).toMatchObject({ evidence: 'counter', status: 'pending' })
    expect(await documentOf(claimId)).toBeUndefined()

    await upload(agent, pngImage(), 'a.png', 'image/png')
    const withdrawn = await submitForm(agent, '/account/afm', '/account/afm/withdraw', {})
    expect(withdrawn.status).toBe(303)
    expect(await claimOf(user.id)).toMatchObject({ status: 'withdrawn' })
    expect(await documentOf(claimId)).toBeUndefined()
    expect((await agent.get('/account')).text).not.toContain(AFM)
  })
})

describe('staff review', () => {
  it('lists pending claims oldest first, twenty a page', async () => {
    const start = new Date('2026-11-02T08:00:00Z')
    const names: string[] = []
    for (let i = 0; i < 21; i += 1) {
      setClock(new Date(start.getTime() + (21 - i) * 60_000))
      const fullName = `Αιτών ${String(i).padStart(2, '0')}`
      names.push(fullName)
      const user = await createUser(ctx.db, { fullName })
      await claimAfm(ctx.db, user.id, AFM)
    }
    setClock(null)
    const { agent } = await clerk()

    const first = await agent.get('/staff/afm')
    expect(first.status).toBe(200)
    expect(first.text).toContain('21 δηλώσεις σε αναμονή')
    const order = [...first.text.matchAll(/Αιτών (\d\d)/g)].map((match) => match[1])
    expect(order[0]).toBe('20')
    expect(order).toHaveLength(20)
    expect(order).not.toContain('00')

    const second = await agent.get('/staff/afm?page=2')
    expect([...second.text.matchAll(/Αιτών (\d\d)/g)].map((match) => match[1])).toEqual(['00'])
  })

  it('finds the claims of one AFM for the citizen at the counter', async () => {
    const first = await createUser(ctx.db, { fullName: 'Πρώτη Αιτούσα' })
    const second = await createUser(ctx.db, { fullName: 'Δεύτερος Αιτών' })
    await claimAfm(ctx.db, first.id, AFM)
    await claimAfm(ctx.db, second.id, OTHER_AFM)
    const { agent } = await clerk()

    const found = await agent.get('/staff/afm?afm=094 019 245')
    expect(found.text).toContain('Δεύτερος Αιτών')
    expect(found.text).not.toContain('Πρώτη Αιτούσα')
  })

  it('verifies a claim: the document goes, the decision is audited and the citizen mailed in English', async () => {
    const { user, agent } = await citizen()
    await ctx.db('users').where({ id: user.id }).update({ locale: 'en' })
    await claim(agent)
    await upload(agent, pngImage(), 'a.png', 'image/png')
    const claimId = (await claimOf(user.id)).id
    expect(await verifiedAfmOf(ctx.db, user)).toBeNull()

    const { user: reviewer, agent: staff } = await clerk()
    const page = await staff.get(`/staff/afm/${claimId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`src="/staff/afm/${claimId}/document"`)
    const response = await decide(staff, claimId, { decision: 'verified' })

    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/staff/afm?decided=verified')
    expect(await claimOf(user.id)).toMatchObject({ status: 'verified', decided_by: reviewer.id })
    expect(await verifiedAfmOf(ctx.db, user)).toBe(AFM)
    expect(await documentOf(claimId)).toBeUndefined()

    const audit = await ctx.db('audit_log').where({ entity_type: 'afm_claim', entity_id: String(claimId) })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_id: reviewer.id,
      action: 'afm_claim.verified',
      before: { status: 'pending', userId: user.id, afm: AFM, evidence: 'document' },
      after: { status: 'verified' },
    })
    const mail = await ctx.db('outbox').where({ template: 'afm-decision' }).first()
    expect(mail).toMatchObject({ to_address: user.email, locale: 'en' })
    expect(mail.data).toMatchObject({ outcome: 'verified', afmEnding: '045' })

    const account = await agent.get('/account')
    expect(account.text).toContain('>Επαληθεύτηκε<')
    expect(account.text).not.toContain('Εκκρεμεί επαλήθευση')
    const afmPage = await agent.get('/account/afm')
    expect(afmPage.text).toContain('Ο λογαριασμός σας είναι συνδεδεμένος με αυτόν τον ΑΦΜ.')
    expect(afmPage.text).toContain('Αφαίρεση του ΑΦΜ από τον λογαριασμό μου')
    expect(afmPage.text).not.toContain('action="/account/afm/document"')
  })

  it('rejects a claim only with a reason, which the citizen then reads', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    await submitForm(agent, '/account/afm', '/account/afm/counter', {})
    const claimId = (await claimOf(user.id)).id
    const { agent: staff } = await clerk()

    const noReason = await decide(staff, claimId, { decision: 'rejected' })
    expect(noReason.status).toBe(400)
    expect(noReason.text).toContain('Γράψτε στον δημότη γιατί απορρίπτεται ο ΑΦΜ')
    expect(await claimOf(user.id)).toMatchObject({ status: 'pending' })

    const reason = 'Η ταυτότητα δεν ταιριάζει με το όνομα του ΑΦΜ.'
    const response = await decide(staff, claimId, { decision: 'rejected', reason })
    expect(response.status).toBe(303)
    expect(await claimOf(user.id)).toMatchObject({ status: 'rejected', rejection_reason: reason })
    expect(await verifiedAfmOf(ctx.db, user)).toBeNull()
    const audit = await ctx.db('audit_log').where({ action: 'afm_claim.rejected' }).first()
    expect(audit.after).toEqual({ status: 'rejected', rejectionReason: reason })
    const mail = await ctx.db('outbox').where({ template: 'afm-decision' }).first()
    expect(mail).toMatchObject({ to_address: user.email, locale: 'el' })
    expect(mail.data).toMatchObject({ outcome: 'rejected', reason })

    const account = await agent.get('/account')
    expect(account.text).toContain('Απορρίφθηκε')
    expect(account.text).toContain(reason)
    const afmPage = await agent.get('/account/afm')
    expect(afmPage.text).toContain(reason)
    expect(afmPage.text).toContain('action="/account/afm"')
  })

  it('gives staff the document as a download of its own type, never as a page', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const pdf = pdfDocument()
    await upload(agent, pdf, '<script>.html', 'text/html')
    const claimId = (await claimOf(user.id)).id
    const { user: reviewer, agent: staff } = await clerk()

    const response = await staff.get(`/staff/afm/${claimId}/document`).buffer(true)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="afm-claim-${claimId}.pdf"`)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(Buffer.from(response.body as Buffer).equals(pdf)).toBe(true)
    const viewed = await ctx.db('audit_log').where({ action: 'afm_claim.document_viewed' })
    expect(viewed).toEqual([expect.objectContaining({ actor_id: reviewer.id, entity_id: String(claimId) })])
  })

  it('lets two accounts claim the same AFM but only one hold it verified', async () => {
    const first = await citizen()
    const second = await citizen()
    await claim(first.agent)
    await claim(second.agent)
    const firstClaim = (await claimOf(first.user.id)).id
    const secondClaim = (await claimOf(second.user.id)).id
    const { agent: staff } = await clerk()

    const page = await staff.get(`/staff/afm/${secondClaim}`)
    expect(page.text).toContain('Τον ίδιο ΑΦΜ έχουν δηλώσει και άλλοι λογαριασμοί')
    expect((await decide(staff, firstClaim, { decision: 'verified' })).status).toBe(303)
    const refused = await decide(staff, secondClaim, { decision: 'verified' })

    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Ο ΑΦΜ είναι ήδη επαληθευμένος σε άλλον λογαριασμό')
    expect(await claimOf(second.user.id)).toMatchObject({ status: 'pending' })
    expect(await verifiedAfmOf(ctx.db, second.user)).toBeNull()
    await expect(
      ctx.db('afm_claims').where({ id: secondClaim }).update({ status: 'verified', decided_at: new Date() }),
    ).rejects.toThrow(/afm_claims_one_verified_per_afm/)
  })

  it('verifies only one of two claims to the same AFM approved at the same moment', async () => {
    const first = await createUser(ctx.db)
    const second = await createUser(ctx.db)
    const firstClaim = await claimAfm(ctx.db, first.id, AFM)
    const secondClaim = await claimAfm(ctx.db, second.id, AFM)
    const reviewers = [
      await createUser(ctx.db, { roles: ['clerk'] }),
      await createUser(ctx.db, { roles: ['clerk'] }),
    ]
    const approve = (claimId: number, reviewer: { id: number }) =>
      decideClaim(ctx.db, { actorId: reviewer.id, ip: null, requestId: null }, claimId, {
        status: 'verified',
      })

    const results = await Promise.allSettled([
      approve(firstClaim, reviewers[0]!),
      approve(secondClaim, reviewers[1]!),
    ])

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toBeInstanceOf(ClaimDecisionError)
    expect(refused.reason.messageKey).toBe('errors.afmVerification.afmTaken')
    expect(await ctx.db('afm_claims').where({ afm: AFM, status: 'verified' })).toHaveLength(1)
    expect(await ctx.db('audit_log').where({ action: 'afm_claim.verified' })).toHaveLength(1)
    expect(await ctx.db('outbox').where({ template: 'afm-decision' })).toHaveLength(1)
  })

  it('does not let a clerk decide their own claim, or decide a claim twice', async () => {
    const { user, agent } = await clerk()
    await claim(agent)
    const ownClaim = (await claimOf(user.id)).id
    const own = await decide(agent, ownClaim, { decision: 'verified' })
    expect(own.status).toBe(400)
    expect(own.text).toContain('Δεν μπορείτε να αποφασίσετε για τη δική σας δήλωση ΑΦΜ')
    expect(await claimOf(user.id)).toMatchObject({ status: 'pending' })

    const { agent: colleague } = await clerk()
    const page = await colleague.get(`/staff/afm/${ownClaim}`)
    await decide(colleague, ownClaim, { decision: 'verified' })
    const again = await colleague
      .post(`/staff/afm/${ownClaim}/decision`)
      .type('form')
      .send({ decision: 'rejected', reason: 'Λάθος', _csrf: csrfFrom(page.text) })
    expect(again.status).toBe(400)
    expect(again.text).toContain('Κάποιος συνάδελφος αποφάσισε ήδη')
    expect(await claimOf(user.id)).toMatchObject({ status: 'verified' })
    expect(await ctx.db('audit_log').where({ entity_type: 'afm_claim' })).toHaveLength(1)
  })

  it('writes the decision mail in the citizen language with the reason', async () => {
    const render = (file: string, lang: 'el' | 'en') =>
      ejs.renderFile(path.join(VIEWS_DIR, 'mail', file), {
        t: translatorFor(lang),
        lang,
        baseUrl: 'https://eservices.mytilene.gr',
        data: {
          fullName: 'Emma Clarke',
          outcome: 'rejected',
          afmEnding: '045',
          reason: "The name doesn't match.",
        },
      })

    const text = await render('afm-decision.text.ejs', 'en')
    expect(text).toContain('Dear Emma Clarke,')
    expect(text).toContain('tax number ending in 045')
    expect(text).toContain("Reason: The name doesn't match.")
    expect(text).toContain('https://eservices.mytilene.gr/account/afm')
    const html = await render('afm-decision.html.ejs', 'el')
    expect(html).toContain('<html lang="el">')
    expect(html).toContain('Λόγος: The name doesn&#39;t match.')
  })
})

describe('who reaches what', () => {
  it('answers 404 on every staff AFM page to citizens and staff who do not verify, and asks visitors to sign in', async () => {
    const owner = await citizen()
    await claim(owner.agent)
    await upload(owner.agent, pngImage(), 'a.png', 'image/png')
    const claimId = (await claimOf(owner.user.id)).id
    const other = await citizen()
    const treasury = await signedIn({ roles: ['citizen', 'treasury'] })

    for (const agent of [owner.agent, other.agent, treasury.agent]) {
      for (const url of ['/staff/afm', `/staff/afm/${claimId}`, `/staff/afm/${claimId}/document`]) {
        expect({ url, status: (await agent.get(url)).status }).toEqual({ url, status: 404 })
      }
    }
    for (const url of ['/staff/afm', `/staff/afm/${claimId}`, `/staff/afm/${claimId}/document`]) {
      expect({ url, status: (await request(ctx.app).get(url)).status }).toEqual({ url, status: 302 })
    }
    const token = csrfFrom((await other.agent.get('/account')).text)
    const post = await other.agent
      .post(`/staff/afm/${claimId}/decision`)
      .type('form')
      .send({ decision: 'verified', _csrf: token })
    expect(post.status).toBe(404)
    expect(await claimOf(owner.user.id)).toMatchObject({ status: 'pending' })
  })

  it("never shows a citizen another account's claim", async () => {
    const owner = await citizen()
    await claim(owner.agent)
    const other = await citizen()

    const page = await other.agent.get('/account/afm')
    expect(page.text).not.toContain(AFM)
    expect((await other.agent.get('/account')).text).not.toContain(AFM)
  })

  it('removes the verified AFM from the account when the citizen withdraws it', async () => {
    const { user, agent } = await citizen()
    await claim(agent)
    const { agent: staff } = await clerk()
    await decide(staff, (await claimOf(user.id)).id, { decision: 'verified' })
    expect(await verifiedAfmOf(ctx.db, user)).toBe(AFM)

    await submitForm(agent, '/account/afm', '/account/afm/withdraw', {})
    expect(await verifiedAfmOf(ctx.db, user)).toBeNull()
  })
})

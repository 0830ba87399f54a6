import sharp from 'sharp'
import request from 'supertest'
import { csrfFrom, signIn, startTestApp, type Agent, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import {
  categoryIdOf,
  fileReportThroughJourney,
  fillDraft,
  postStep,
  submissionKeyFrom,
} from '../helpers/filing'
import { lastMail, outbox, templatesSentTo } from '../helpers/mail'
import { HEIC, hugePhoto, phonePhoto, pngPhoto } from '../helpers/photos'
import { createClerk } from '../helpers/public-reports'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))

async function citizen() {
  const user = await createUser(ctx.db)
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  return { agent, user }
}

async function upload(agent: Agent, bytes: Buffer, filename: string) {
  const page = await agent.get('/reports/new/photos')
  return agent
    .post('/reports/new/photos/upload')
    .field('_csrf', csrfFrom(page.text))
    .attach('photo', bytes, { filename, contentType: 'image/jpeg' })
}

const referenceIn = (location: string) => /MYT-\d{4}-\d{5}/.exec(location)![0]

describe('filing a report step by step', () => {
  it('asks each step in turn, keeps the draft on the server and files the report with its photos', async () => {
    const { agent, user } = await citizen()
    const start = await agent.get('/reports/new')
    expect(start.status).toBe(200)
    expect(start.text).toContain('action="/reports/new/kind"')

    const noKind = await postStep(agent, '/reports/new/kind', {})
    expect(noKind.status).toBe(400)
    expect(noKind.text).toContain('error-summary')
    expect((await postStep(agent, '/reports/new/kind', { kind: 'complaint' })).headers.location).toBe(
      '/reports/new/category',
    )

    const bins = await categoryIdOf(ctx.db, 'bin_full_damaged')
    const category = await postStep(agent, '/reports/new/category', { categoryId: String(bins) })
    expect(category.headers.location).toBe('/reports/new/questions')
    const questions = await agent.get('/reports/new/questions')
    expect(questions.text).toContain('Τι κάδος είναι;')
    const unanswered = await postStep(agent, '/reports/new/questions', { q_bin_type: 'recycling' })
    expect(unanswered.status).toBe(400)
    // The message names the unanswered question.
    expect(unanswered.text).toContain('«Είναι σπασμένος ο κάδος;»: Απαντήστε σε αυτή την ερώτηση')
    expect(unanswered.text).toMatch(/value="recycling" selected/)
    const forged = await postStep(agent, '/reports/new/questions', {
      q_bin_type: 'plutonium',
      q_damaged: 'yes',
    })
    expect(forged.status).toBe(400)
    const answered = await postStep(agent, '/reports/new/questions', {
      q_bin_type: 'recycling',
      q_damaged: 'yes',
    })
    expect(answered.headers.location).toBe('/reports/new/details')

    const missing = await postStep(agent, '/reports/new/details', { title: '', description: 'Κάτι' })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('Γράψτε έναν σύντομο τίτλο')
    expect(missing.text).toContain('>Κάτι</textarea>')
    const details = await postStep(agent, '/reports/new/details', {
      title: 'Κάδος ανακύκλωσης 🗑️ σπασμένος',
      description: 'Broken recycling bin, σπασμένο καπάκι, 3 σακούλες έξω.',
    })
    expect(details.headers.location).toBe('/reports/new/location')

    const location = await postStep(agent, '/reports/new/location', {
      address: 'Ερμού 40',
      district: 'kentro',
      lat: '39.1065',
      lng: '26.5555',
    })
    expect(location.headers.location).toBe('/reports/new/photos')

    expect((await upload(agent, await phonePhoto(), 'IMG_0001.JPG')).headers.location).toBe(
      '/reports/new/photos?added=1',
    )
    expect((await upload(agent, await pngPhoto(), 'screenshot.png')).status).toBe(303)
    const photosPage = await agent.get('/reports/new/photos')
    expect(photosPage.text).toContain('Φωτογραφίες: 2 από 3')
    expect((await postStep(agent, '/reports/new/photos', {})).headers.location).toBe('/reports/new/name')
    expect((await postStep(agent, '/reports/new/name', {})).status).toBe(400)
    expect((await postStep(agent, '/reports/new/name', { showName: 'yes' })).headers.location).toBe(
      '/reports/new/check',
    )

    const check = await agent.get('/reports/new/check')
    expect(check.status).toBe(200)
    for (const text of [
      'Καταγγελία',
      'Γεμάτος ή χαλασμένος κάδος',
      'Ανακύκλωσης (μπλε)',
      'Ερμού 40',
      '2 φωτογραφίες',
    ]) {
      expect(check.text).toContain(text)
    }
    expect(check.text).toContain('href="/reports/new/details"')

    // "Change" goes back to the step, and answering it returns to the check page.
    const change = await postStep(agent, '/reports/new/details', {
      title: 'Κάδος ανακύκλωσης σπασμένος',
      description: 'Σπασμένο καπάκι.',
    })
    expect(change.headers.location).toBe('/reports/new/check')

    const again = await agent.get('/reports/new/check')
    const sent = await agent
      .post('/reports/new/check')
      .type('form')
      .send({ submissionKey: submissionKeyFrom(again.text), _csrf: csrfFrom(again.text) })
    expect(sent.status).toBe(303)
    expect(String(sent.headers.location)).toMatch(/^\/reports\/new\/filed\/MYT-\d{4}-\d{5}$/)
    const reference = referenceIn(String(sent.headers.location))

    const confirmation = await agent.get(String(sent.headers.location))
    expect(confirmation.status).toBe(200)
    expect(confirmation.text).toContain(reference)
    expect(confirmation.text).toContain('Τι γίνεται τώρα')

    const report = await ctx.db('reports').where({ reference }).first()
    expect(report).toMatchObject({
      kind: 'complaint',
      category_id: bins,
      title: 'Κάδος ανακύκλωσης σπασμένος',
      address: 'Ερμού 40',
      district: 'kentro',
      lat: 39.1065,
      lng: 26.5555,
      show_name: true,
      author_id: user.id,
      answers: { bin_type: 'recycling', damaged: 'yes' },
    })
    const photos = await ctx.db('report_photos').where({ report_id: report.id }).orderBy('position')
    expect(photos.map((p: { position: number }) => p.position)).toEqual([0, 1])
    const upright = await sharp(photos[0].content).metadata()
    expect([upright.width, upright.height]).toEqual([200, 400])
    expect(upright.exif).toBeUndefined()
    expect(upright.orientation).toBeUndefined()
    expect(Buffer.from(photos[0].content).toString('latin1')).not.toContain('PhoneMaker')
    expect(await ctx.db('report_drafts').where({ user_id: user.id }).first()).toBeUndefined()
    expect(await ctx.db('report_draft_photos').count({ n: '*' })).toEqual([{ n: 0 }])

    // The resident sees their photos on their report's page; others get 404, staff see them.
    const own = await agent.get(`/reports/${reference}`)
    const photoUrl = `/reports/${reference}/photos/${photos[0].id}`
    expect(own.text).toContain(photoUrl)
    const image = await agent.get(photoUrl)
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')
    const other = await citizen()
    expect((await other.agent.get(photoUrl)).status).toBe(404)
    expect((await other.agent.get(String(sent.headers.location))).status).toBe(404)
    const clerk = await createClerk(ctx.db)
    const staff = request.agent(ctx.app)
    await signIn(staff, clerk.email, clerk.password)
    expect((await staff.get(photoUrl)).status).toBe(200)
  })

  it('skips the questions step for a category without questions and sends early visitors back', async () => {
    const { agent } = await citizen()
    expect((await agent.get('/reports/new/check')).headers.location).toBe('/reports/new/kind')
    expect((await agent.get('/reports/new/location')).headers.location).toBe('/reports/new/kind')
    await postStep(agent, '/reports/new/kind', { kind: 'report' })
    const pothole = await categoryIdOf(ctx.db, 'pothole')
    const chosen = await postStep(agent, '/reports/new/category', { categoryId: String(pothole) })
    expect(chosen.headers.location).toBe('/reports/new/details')
    expect((await agent.get('/reports/new/questions')).headers.location).toBe('/reports/new/details')
    const unknown = await postStep(agent, '/reports/new/category', { categoryId: '999999' })
    expect(unknown.status).toBe(400)
  })

  it('finds categories with a search that ignores accents and case, without JavaScript', async () => {
    const { agent } = await citizen()
    await postStep(agent, '/reports/new/kind', { kind: 'report' })
    const found = await agent.get('/reports/new/category?q=ΛΑΜΠΑ')
    expect(found.text).toContain('value="' + (await categoryIdOf(ctx.db, 'streetlight_out')) + '"')
    expect(found.text).not.toContain('value="' + (await categoryIdOf(ctx.db, 'bin_full_damaged')) + '"')
    const english = await agent.get('/reports/new/category?q=pothole')
    expect(english.text).toContain('value="' + (await categoryIdOf(ctx.db, 'pothole')) + '"')
    const none = await agent.get('/reports/new/category?q=ξωτικό')
    expect(none.text).toContain('Καμία κατηγορία')
  })

  it('keeps drafts per resident', async () => {
    const first = await citizen()
    await fillDraft(first.agent, ctx.db, { title: 'Το προσχέδιο της πρώτης' })
    await upload(first.agent, await pngPhoto(), 'a.png')
    const second = await citizen()
    await postStep(second.agent, '/reports/new/kind', { kind: 'observation' })
    const details = await second.agent.get('/reports/new/details')
    expect(details.text).not.toContain('Το προσχέδιο της πρώτης')
    const photo = await ctx.db('report_draft_photos').first('id')
    expect((await second.agent.get(`/reports/new/photos/${photo.id}`)).status).toBe(404)
    expect((await first.agent.get(`/reports/new/photos/${photo.id}`)).status).toBe(200)
  })
})

describe('personal data in the text', () => {
  it('refuses e-mail addresses and phone numbers and accepts Greek, English, numbers and emoji', async () => {
    const { agent } = await citizen()
    await postStep(agent, '/reports/new/kind', { kind: 'report' })
    await postStep(agent, '/reports/new/category', {
      categoryId: String(await categoryIdOf(ctx.db, 'pothole')),
    })
    const email = await postStep(agent, '/reports/new/details', {
      title: 'Λακκούβα',
      description: 'Γράψτε μου στο maria@example.gr',
    })
    expect(email.status).toBe(400)
    expect(email.text).toContain('Αφαιρέστε τη διεύθυνση e-mail')
    const phone = await postStep(agent, '/reports/new/details', {
      title: 'Πάρτε με στο 697 123 4567',
      description: 'Λακκούβα',
    })
    expect(phone.status).toBe(400)
    expect(phone.text).toContain('Αφαιρέστε τον αριθμό τηλεφώνου')
    const landline = await postStep(agent, '/reports/new/details', {
      title: 'Λακκούβα',
      description: 'Σταθερό +30 22510-12345',
    })
    expect(landline.status).toBe(400)
    const fine = await postStep(agent, '/reports/new/details', {
      title: 'Λακκούβα 🚧 στην Ερμού 40',
      description: 'Since 2025, όπως στην MYT-2026-00012, 3 λάμπες σβηστές.',
    })
    expect(fine.status).toBe(303)
  })
})

describe('the location step', () => {
  async function atLocation() {
    const { agent } = await citizen()
    await postStep(agent, '/reports/new/kind', { kind: 'report' })
    await postStep(agent, '/reports/new/category', {
      categoryId: String(await categoryIdOf(ctx.db, 'pothole')),
    })
    await postStep(agent, '/reports/new/details', { title: 'Λακκούβα', description: 'Βαθιά.' })
    return agent
  }

  it.each([
    ['Athens', '37.98', '23.73'],
    ['the sea off Turkey', '39.10', '26.75'],
    ['Kalloni, in West Lesvos', '39.21', '26.21'],
  ])('refuses a pin in %s on the server', async (_place, lat, lng) => {
    const agent = await atLocation()
    const response = await postStep(agent, '/reports/new/location', {
      address: 'Ερμού 1',
      district: 'kentro',
      lat,
      lng,
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('έξω από τα όρια του Δήμου Μυτιλήνης')
    expect(response.text).toContain('value="Ερμού 1"')
  })

  it('takes an address without a pin, refuses half a pin and an unknown district', async () => {
    const agent = await atLocation()
    expect(
      (
        await postStep(agent, '/reports/new/location', {
          address: 'Ερμού 1',
          district: 'kentro',
          lat: '39.1',
        })
      ).status,
    ).toBe(400)
    expect(
      (await postStep(agent, '/reports/new/location', { address: 'Ερμού 1', district: 'atlantis' })).status,
    ).toBe(400)
    const noPin = await postStep(agent, '/reports/new/location', {
      address: 'Ερμού 1',
      district: 'kentro',
      lat: '',
      lng: '',
    })
    expect(noPin.headers.location).toBe('/reports/new/photos')
    const page = await agent.get('/reports/new/location')
    expect(page.text).toContain('data-module="report-map"')
    expect(page.text).toContain('<datalist id="street-names">')
  })

  it('takes a pin in Thermi, Mantamados, Agiasos and Plomari', async () => {
    const agent = await atLocation()
    for (const [lat, lng] of [
      ['39.17', '26.50'],
      ['39.31', '26.34'],
      ['39.08', '26.38'],
      ['38.98', '26.37'],
    ]) {
      const response = await postStep(agent, '/reports/new/location', {
        address: 'Κεντρική πλατεία',
        district: 'thermi',
        lat: lat!,
        lng: lng!,
      })
      expect(response.status).toBe(303)
    }
  })
})

describe('photos', () => {
  async function atPhotos() {
    const { agent } = await citizen()
    await fillDraft(agent, ctx.db)
    return agent
  }

  it('refuses a text file named .jpg, too many pixels, too many bytes and a fourth photo', async () => {
    const agent = await atPhotos()
    const text = await upload(
      agent,
      Buffer.from('Δεν είμαι φωτογραφία, είμαι κείμενο.\n'.repeat(20)),
      'photo.jpg',
    )
    expect(text.status).toBe(400)
    expect(text.text).toContain('Το αρχείο δεν είναι φωτογραφία')

    const huge = await upload(agent, await hugePhoto(), 'huge.png')
    expect(huge.status).toBe(400)
    expect(huge.text).toContain('πάνω από 40 megapixel')

    const heavy = await upload(agent, Buffer.alloc(10 * 1024 * 1024 + 10, 0xff), 'heavy.jpg')
    expect(heavy.status).toBe(400)
    expect(heavy.text).toContain('μεγαλύτερη από 10 MB')

    for (const bytes of [await phonePhoto(), await pngPhoto(), HEIC]) {
      expect((await upload(agent, bytes, 'IMG.HEIC')).status).toBe(303)
    }
    const stored = await ctx.db('report_draft_photos').orderBy('id').select('width', 'height', 'content_type')
    expect(stored).toEqual([
      { width: 200, height: 400, content_type: 'image/jpeg' },
      { width: 120, height: 80, content_type: 'image/jpeg' },
      { width: 64, height: 48, content_type: 'image/jpeg' },
    ])
    const fourth = await upload(agent, await pngPhoto(), 'four.png')
    expect(fourth.status).toBe(400)
    expect(fourth.text).toContain('Έχετε ήδη προσθέσει 3 φωτογραφίες')
  })

  it('lets the resident remove a photo from the draft', async () => {
    const agent = await atPhotos()
    await upload(agent, await pngPhoto(), 'a.png')
    const photo = await ctx.db('report_draft_photos').first('id')
    const page = await agent.get('/reports/new/photos')
    const removed = await agent
      .post(`/reports/new/photos/${photo.id}/remove`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
    expect(removed.status).toBe(303)
    expect(await ctx.db('report_draft_photos').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses an upload without the CSRF token', async () => {
    const agent = await atPhotos()
    const response = await agent.post('/reports/new/photos/upload').attach('photo', await pngPhoto(), 'a.png')
    expect(response.status).toBe(403)
    expect(await ctx.db('report_draft_photos').count({ n: '*' })).toEqual([{ n: 0 }])
  })
})

describe('possible duplicates', () => {
  it('shows open reports of the same category nearby and lets the resident follow one instead', async () => {
    const author = await createUser(ctx.db)
    const pothole = await categoryIdOf(ctx.db, 'pothole')
    const near = await createReport(ctx.db, author.id, {
      category_id: pothole,
      title: 'Λακκούβα δίπλα στο περίπτερο',
      lat: 39.1066,
      lng: 26.5556,
    })
    const hidden = await createReport(ctx.db, author.id, {
      category_id: pothole,
      lat: 39.1066,
      lng: 26.5556,
      is_hidden: true,
    })
    const resolved = await createReport(ctx.db, author.id, {
      category_id: pothole,
      lat: 39.1066,
      lng: 26.5556,
      status: 'resolved',
    })
    const far = await createReport(ctx.db, author.id, { category_id: pothole, lat: 39.17, lng: 26.5 })
    const otherCategory = await createReport(ctx.db, author.id, {
      category_id: await categoryIdOf(ctx.db, 'graffiti'),
      lat: 39.1066,
      lng: 26.5556,
    })

    const { agent, user } = await citizen()
    const check = await fillDraft(agent, ctx.db, { category: 'pothole', lat: '39.1065', lng: '26.5555' })
    expect(check.text).toContain('possible-duplicates')
    expect(check.text).toContain(near.reference)
    for (const report of [hidden, resolved, far, otherCategory])
      expect(check.text).not.toContain(report.reference)

    const follow = await agent
      .post('/reports/new/follow')
      .type('form')
      .send({ reference: near.reference, _csrf: csrfFrom(check.text) })
    expect(follow.status).toBe(303)
    expect(follow.headers.location).toBe(`/public/reports/${near.reference}?notice=followed`)
    const followed = await ctx.db('report_followers').where({ user_id: user.id }).pluck('report_id')
    expect(followed.map(Number)).toEqual([near.id])
    expect(await ctx.db('report_drafts').where({ user_id: user.id }).first()).toBeUndefined()
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 5 }])
  })

  it('shows none for a category that is never public', async () => {
    const author = await createUser(ctx.db)
    const social = await categoryIdOf(ctx.db, 'social_support')
    const existing = await createReport(ctx.db, author.id, {
      category_id: social,
      lat: 39.1066,
      lng: 26.5556,
    })
    const { agent } = await citizen()
    const check = await fillDraft(agent, ctx.db, {
      category: 'social_support',
      lat: '39.1065',
      lng: '26.5555',
    })
    expect(check.text).not.toContain(existing.reference)
  })
})

describe('the confirmation e-mail', () => {
  it('gives the resident the reference and a link to the report, as text and HTML, in Greek', async () => {
    const { agent, user } = await citizen()
    const sent = await fileReportThroughJourney(agent, ctx.db, { title: 'Λακκούβα <μεγάλη> & βαθιά' })
    const reference = referenceIn(String(sent.headers.location))

    const [queued] = await outbox(ctx.db, user.email)
    expect(queued).toMatchObject({ template: 'report-filed', locale: 'el', status: 'pending' })
    const mail = await lastMail(ctx, user.email, 'report-filed')
    expect(mail.subject).toBe(`Λάβαμε την αναφορά σας ${reference}`)
    expect(mail.text).toContain('Λάβαμε την αναφορά σας «Λακκούβα <μεγάλη> & βαθιά» (Λακκούβα')
    expect(mail.text).toContain(`Ο αριθμός της αναφοράς σας είναι ${reference}`)
    expect(mail.text).toContain(`${ctx.config.baseUrl}/reports/${reference}`)
    expect(mail.html).toContain('<html lang="el">')
    expect(mail.html).toContain('«Λακκούβα &lt;μεγάλη&gt; &amp; βαθιά»')
    expect(mail.html).toContain(`href="${ctx.config.baseUrl}/reports/${reference}"`)
    expect(mail.html).toContain(`<strong style="font-size:20px;">${reference}</strong>`)
    expect((await agent.get(String(sent.headers.location))).text).toContain('Σας στείλαμε e-mail')

    // The link opens the report for its author, and for nobody else.
    expect((await agent.get(`/reports/${reference}`)).status).toBe(200)
    expect((await (await citizen()).agent.get(`/reports/${reference}`)).status).toBe(404)

    const kept = await agent.get('/dev/mail')
    expect(kept.text).toContain(`Λάβαμε την αναφορά σας ${reference}`)
  })

  it("is written in the language of the resident's account", async () => {
    const { agent, user } = await citizen()
    await ctx.db('users').where({ id: user.id }).update({ locale: 'en' })
    const sent = await fileReportThroughJourney(agent, ctx.db, { category: 'graffiti', title: 'Graffiti' })
    const reference = referenceIn(String(sent.headers.location))

    const mail = await lastMail(ctx, user.email, 'report-filed')
    expect(mail.subject).toBe(`We have received your report ${reference}`)
    expect(mail.text).toContain('We have received your report “Graffiti” (Graffiti and fly-posting)')
    expect(mail.text).toContain(`View your report: ${ctx.config.baseUrl}/reports/${reference}`)
    expect(mail.html).toContain('<html lang="en">')
  })

  it('is not sent when nothing is filed', async () => {
    const { agent, user } = await citizen()
    const check = await fillDraft(agent, ctx.db)
    await agent
      .post('/reports/new/discard')
      .type('form')
      .send({ _csrf: csrfFrom(check.text) })
    expect(await outbox(ctx.db, user.email)).toEqual([])
  })
})

describe('sending the final form twice', () => {
  it('files one report and sends one confirmation, at the same time or one after the other', async () => {
    const { agent, user } = await citizen()
    const check = await fillDraft(agent, ctx.db)
    const fields = { submissionKey: submissionKeyFrom(check.text), _csrf: csrfFrom(check.text) }
    const send = () => agent.post('/reports/new/check').type('form').send(fields)
    const [first, second] = await Promise.all([send(), send()])
    const third = await send()
    expect([first.status, second.status, third.status]).toEqual([303, 303, 303])
    expect(new Set([first, second, third].map((r) => r.headers.location)).size).toBe(1)
    expect(first.headers.location).toMatch(/^\/reports\/new\/filed\/MYT-/)
    expect(await ctx.db('reports').count({ n: '*' })).toEqual([{ n: 1 }])
    expect(await templatesSentTo(ctx.db, user.email)).toEqual(['report-filed'])
  })

  it('files through the helper the other tests use', async () => {
    const { agent } = await citizen()
    const sent = await fileReportThroughJourney(agent, ctx.db, { title: 'Σβηστή λάμπα' })
    expect(sent.status).toBe(303)
    expect(await ctx.db('reports').pluck('title')).toEqual(['Σβηστή λάμπα'])
  })
})

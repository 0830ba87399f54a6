import request from 'supertest'
import { setClock } from '../../src/lib/clock'
import { signIn, startTestApp, useEnglish, type TestContext } from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import {
  addPhoto,
  addStaffEvent,
  categoryIds,
  createClerk,
  districtCodes,
  PNG,
} from '../helpers/public-reports'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(() => resetDb(ctx.db))
afterEach(() => setClock(null))

const DAY = 24 * 60 * 60 * 1000
const NOW = new Date('2026-12-01T10:00:00Z')

async function author(fullName = 'Ελένη Συντάκτρια') {
  return createUser(ctx.db, { fullName })
}

function referencesIn(html: string): string[] {
  return [...html.matchAll(/href="\/public\/reports\/(MYT-\d{4}-\d{5})"/g)].map((match) => match[1]!)
}

describe('the public list', () => {
  it('lists public reports newest first to a signed-out visitor, with moderated text winning', async () => {
    const { id } = await author()
    const older = await createReport(ctx.db, id, {
      title: 'Σβηστή λάμπα',
      created_at: new Date(Date.now() - 2 * DAY),
    })
    const newer = await createReport(ctx.db, id, {
      title: 'Αρχικός τίτλος με υβρεις',
      public_title: 'Λακκούβα στην Ερμού',
    })

    const page = await request(ctx.app).get('/public/reports')

    expect(page.status).toBe(200)
    expect(page.text).toContain('<h1 class="heading-xl">Αναφορές δημοτών</h1>')
    expect(referencesIn(page.text)).toEqual([newer.reference, older.reference])
    expect(page.text).toContain('Λακκούβα στην Ερμού')
    expect(page.text).not.toContain('Αρχικός τίτλος με υβρεις')
    expect(page.text).toContain('2 αναφορές, νεότερες πρώτα')
  })

  it('leaves out hidden reports and reports in categories that are never public', async () => {
    const { id } = await author()
    const categories = await categoryIds(ctx.db)
    const shown = await createReport(ctx.db, id)
    const hidden = await createReport(ctx.db, id, { is_hidden: true })
    const personal = await createReport(ctx.db, id, { category_id: categories.private })

    const page = await request(ctx.app).get('/public/reports')

    expect(referencesIn(page.text)).toEqual([shown.reference])
    expect(page.text).not.toContain(hidden.reference)
    expect(page.text).not.toContain(personal.reference)
    expect(page.text).not.toContain(`value="${categories.private}"`)
  })

  it('filters by category, status, district and period, and keeps the choices in the form', async () => {
    setClock(NOW)
    const { id } = await author()
    const categories = await categoryIds(ctx.db)
    const [centre, other] = await districtCodes(ctx.db)
    const target = await createReport(ctx.db, id, {
      category_id: categories.second,
      status: 'in_progress',
      district: other,
      created_at: new Date(NOW.getTime() - 3 * DAY),
    })
    await createReport(ctx.db, id, {
      category_id: categories.first,
      status: 'in_progress',
      district: other,
      created_at: new Date(NOW.getTime() - 3 * DAY),
    })
    await createReport(ctx.db, id, {
      category_id: categories.second,
      status: 'resolved',
      district: other,
      created_at: new Date(NOW.getTime() - 3 * DAY),
    })
    await createReport(ctx.db, id, {
      category_id: categories.second,
      status: 'in_progress',
      district: centre,
      created_at: new Date(NOW.getTime() - 3 * DAY),
    })
    const old = await createReport(ctx.db, id, {
      category_id: categories.second,
      status: 'in_progress',
      district: other,
      created_at: new Date(NOW.getTime() - 40 * DAY),
    })

    const all = `/public/reports?category=${categories.second}&status=in_progress&district=${other}`
    const withOld = await request(ctx.app).get(all)
    expect(referencesIn(withOld.text).sort()).toEqual([target.reference, old.reference].sort())

    const page = await request(ctx.app).get(`${all}&period=month`)
    expect(page.status).toBe(200)
    expect(referencesIn(page.text)).toEqual([target.reference])
    expect(page.text).toContain(`<option value="${categories.second}" selected>`)
    expect(page.text).toContain('<option value="in_progress" selected>')
    expect(page.text).toContain(`<option value="${other}" selected>`)
    expect(page.text).toContain('<option value="month" selected>')

    const open = await request(ctx.app).get(`/public/reports?status=open&district=${other}&period=week`)
    expect(referencesIn(open.text)).toHaveLength(2)
  })

  it('searches the public text ignoring accents and case, and never the moderated original', async () => {
    const { id } = await author()
    const pothole = await createReport(ctx.db, id, { title: 'Λακκούβα στην ΕΡΜΟΥ', address: 'Ερμού 3' })
    const moderated = await createReport(ctx.db, id, {
      title: 'Καταγγελία για τον γείτονα Παπαδόπουλο',
      public_title: 'Θόρυβος τη νύχτα',
      description: 'Ο Παπαδόπουλος βάζει μουσική.',
      public_description: 'Δυνατή μουσική μετά τα μεσάνυχτα.',
    })

    const accentless = await request(ctx.app).get(`/public/reports?q=${encodeURIComponent('λακκουβα ερμου')}`)
    expect(referencesIn(accentless.text)).toEqual([pothole.reference])

    const byPublicText = await request(ctx.app).get(`/public/reports?q=${encodeURIComponent('ΜΕΣΑΝΥΧΤΑ')}`)
    expect(referencesIn(byPublicText.text)).toEqual([moderated.reference])

    const byOriginal = await request(ctx.app).get(`/public/reports?q=${encodeURIComponent('Παπαδόπουλο')}`)
    expect(byOriginal.status).toBe(200)
    expect(referencesIn(byOriginal.text)).toEqual([])
    expect(byOriginal.text).toContain('Δεν βρέθηκαν αναφορές')

    const byReference = await request(ctx.app).get(`/public/reports?q=${pothole.reference.toLowerCase()}`)
    expect(referencesIn(byReference.text)).toEqual([pothole.reference])

    const wildcard = await request(ctx.app).get(`/public/reports?q=${encodeURIComponent('%_')}`)
    expect(referencesIn(wildcard.text)).toEqual([])
  })

  it('pages through the list 20 at a time and keeps the filters in the page links', async () => {
    const { id } = await author()
    const base = Date.now() - 100 * DAY
    const references: string[] = []
    for (let i = 0; i < 23; i += 1) {
      const report = await createReport(ctx.db, id, {
        status: 'submitted',
        created_at: new Date(base + i * DAY),
      })
      references.unshift(report.reference)
    }

    const first = await request(ctx.app).get('/public/reports?status=submitted')
    expect(referencesIn(first.text)).toEqual(references.slice(0, 20))
    expect(first.text).toContain('href="/public/reports?status=submitted&amp;page=2"')

    const second = await request(ctx.app).get('/public/reports?status=submitted&page=2')
    expect(referencesIn(second.text)).toEqual(references.slice(20))
    expect(second.text).toContain('aria-current="page" aria-label="Σελίδα 2"')
  })

  it('explains a filter it cannot use with 400, in Greek and in English', async () => {
    const greek = await request(ctx.app).get('/public/reports?status=lost&category=abc&district=atlantis')
    expect(greek.status).toBe(400)
    expect(greek.text).toContain('<title>Πρόβλημα:')
    expect(greek.text).toContain('Διαλέξτε μια κατάσταση από τη λίστα')
    expect(greek.text).toContain('Διαλέξτε μια κατηγορία από τη λίστα')
    expect(greek.text).toContain('href="#field-status"')

    const unknown = await request(ctx.app).get('/public/reports?district=atlantis&period=decade')
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('Διαλέξτε μια περιοχή από τη λίστα')
    expect(unknown.text).toContain('Διαλέξτε ένα χρονικό διάστημα από τη λίστα')

    const agent = request.agent(ctx.app)
    await useEnglish(agent)
    const english = await agent.get(`/public/reports?q=${'x'.repeat(101)}`)
    expect(english.status).toBe(400)
    expect(english.text).toContain('<title>Error:')
    expect(english.text).toContain('The search must be 100 characters or fewer')

    const repeated = await request(ctx.app).get('/public/reports?status=open&status=resolved')
    expect(repeated.status).toBe(400)
  })

  it('is linked from the navigation and from the reports card on the home page', async () => {
    const home = await request(ctx.app).get('/')
    expect(home.text).toContain('<a class="site-nav__link" href="/public/reports">Αναφορές δημοτών</a>')
    expect(home.text).toContain('<a href="/public/reports">Δείτε τις αναφορές των δημοτών στον χάρτη</a>')

    const list = await request(ctx.app).get('/public/reports')
    expect(list.text).toContain('href="/public/reports" aria-current="page"')
  })
})

describe('the public page of a report', () => {
  it('shows the public timeline with the municipality instead of staff names, and no internal notes', async () => {
    const { id } = await author()
    const clerk = await createClerk(ctx.db, 'Κωνσταντίνα Υπαλλήλου')
    const report = await createReport(ctx.db, id, { description: 'Πρώτη γραμμή\nΔεύτερη γραμμή' })
    await addStaffEvent(ctx.db, report.id, clerk.id, {
      from: 'submitted',
      to: 'in_progress',
      publicMessage: 'Το συνεργείο θα περάσει την Τρίτη.',
      internalNote: 'Να πάει ο Μανώλης με το καλαθοφόρο.',
    })
    await addStaffEvent(ctx.db, report.id, clerk.id, { type: 'note', internalNote: 'Μόνο για εμάς.' })

    const page = await request(ctx.app).get(`/public/reports/${report.reference}`)

    expect(page.status).toBe(200)
    expect(page.text).toContain('Νέα κατάσταση: Σε εξέλιξη')
    expect(page.text).toContain('Το συνεργείο θα περάσει την Τρίτη.')
    expect(page.text).toContain('· Δήμος Μυτιλήνης')
    expect(page.text).not.toContain('Κωνσταντίνα')
    expect(page.text).not.toContain('καλαθοφόρο')
    expect(page.text).not.toContain('Μόνο για εμάς')
    expect(page.text.match(/class="timeline__item"/g)).toHaveLength(2)
    expect(page.text).toContain('Πρώτη γραμμή\nΔεύτερη γραμμή')
  })

  it("shows the author's name only when they chose to show it, and never their contact details", async () => {
    const named = await createUser(ctx.db, { fullName: 'Μαρία Δημοσία', email: 'maria@example.org' })
    const unnamed = await createUser(ctx.db, { fullName: 'Νίκος Ιδιώτης', email: 'nikos@example.org' })
    await ctx.db('users').whereIn('id', [named.id, unnamed.id]).update({ phone: '6912345678' })
    const withName = await createReport(ctx.db, named.id, { show_name: true })
    const withoutName = await createReport(ctx.db, unnamed.id, { show_name: false })

    const shown = await request(ctx.app).get(`/public/reports/${withName.reference}`)
    expect(shown.text).toContain('Αναφέρθηκε από')
    expect(shown.text).toContain('Μαρία Δημοσία')

    const anonymous = await request(ctx.app).get(`/public/reports/${withoutName.reference}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.text).not.toContain('Αναφέρθηκε από')
    expect(anonymous.text).not.toContain('Νίκος Ιδιώτης')
    for (const page of [shown, anonymous]) {
      expect(page.text).not.toMatch(/maria@example\.org|nikos@example\.org|6912345678/)
    }
  })

  it('answers 404 for a hidden, unknown, personal or malformed report', async () => {
    const { id } = await author()
    const categories = await categoryIds(ctx.db)
    const hidden = await createReport(ctx.db, id, { is_hidden: true })
    const personal = await createReport(ctx.db, id, { category_id: categories.private })
    for (const path of [
      `/public/reports/${hidden.reference}`,
      `/public/reports/${personal.reference}`,
      '/public/reports/MYT-2026-99999',
      '/public/reports/MYT-2026-00001%00',
      "/public/reports/'%20OR%201=1",
    ]) {
      const response = await request(ctx.app).get(path)
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
    }
  })

  it('links both ways between a duplicate and its original', async () => {
    const { id } = await author()
    const original = await createReport(ctx.db, id, { title: 'Το αρχικό' })
    const duplicate = await createReport(ctx.db, id, { status: 'duplicate', duplicate_of: original.id })
    const hiddenDuplicate = await createReport(ctx.db, id, {
      status: 'duplicate',
      duplicate_of: original.id,
      is_hidden: true,
    })

    const duplicatePage = await request(ctx.app).get(`/public/reports/${duplicate.reference}`)
    expect(duplicatePage.text).toContain(`href="/public/reports/${original.reference}"`)
    const originalPage = await request(ctx.app).get(`/public/reports/${original.reference}`)
    expect(originalPage.text).toContain(`href="/public/reports/${duplicate.reference}"`)
    expect(originalPage.text).not.toContain(hiddenDuplicate.reference)

    await ctx.db('reports').where({ id: original.id }).update({ is_hidden: true })
    const orphan = await request(ctx.app).get(`/public/reports/${duplicate.reference}`)
    expect(orphan.text).not.toContain(original.reference)
  })
})

describe('photos on public pages', () => {
  it('serves visible photos with their type and nosniff, and nothing hidden', async () => {
    const { id } = await author()
    const report = await createReport(ctx.db, id)
    const visible = await addPhoto(ctx.db, report.id)
    const hiddenPhoto = await addPhoto(ctx.db, report.id, { hidden: true })
    const hiddenReport = await createReport(ctx.db, id, { is_hidden: true })
    const ofHiddenReport = await addPhoto(ctx.db, hiddenReport.id)
    const other = await createReport(ctx.db, id)
    const svg = await addPhoto(ctx.db, other.id, { type: 'image/svg+xml' })

    const page = await request(ctx.app).get(`/public/reports/${report.reference}`)
    expect(page.text).toContain(`src="/public/reports/${report.reference}/photos/${visible}"`)
    expect(page.text).toContain('alt="Φωτογραφία 1 της αναφοράς')
    expect(page.text).not.toContain(`/photos/${hiddenPhoto}"`)

    const photo = await request(ctx.app).get(`/public/reports/${report.reference}/photos/${visible}`)
    expect(photo.status).toBe(200)
    expect(photo.headers['content-type']).toBe('image/png')
    expect(photo.headers['x-content-type-options']).toBe('nosniff')
    expect(Buffer.compare(photo.body as Buffer, PNG)).toBe(0)

    for (const path of [
      `/public/reports/${report.reference}/photos/${hiddenPhoto}`,
      `/public/reports/${hiddenReport.reference}/photos/${ofHiddenReport}`,
      `/public/reports/${report.reference}/photos/${ofHiddenReport}`,
      `/public/reports/${other.reference}/photos/${visible}`,
      `/public/reports/${other.reference}/photos/${svg}`,
      `/public/reports/${report.reference}/photos/1e3`,
      `/public/reports/${report.reference}/photos/99999999999999999999`,
    ]) {
      const response = await request(ctx.app).get(path)
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
    }
  })
})

describe('map data', () => {
  it('is GeoJSON of public reports with a position, with public fields only and the same filters', async () => {
    const { id } = await author('Όνομα Που Δεν Φαίνεται')
    const categories = await categoryIds(ctx.db)
    const placed = await createReport(ctx.db, id, {
      title: 'Αρχικός',
      public_title: 'Δημόσιος τίτλος',
      lat: 39.1067,
      lng: 26.5568,
      status: 'acknowledged',
    })
    await createReport(ctx.db, id, { lat: null, lng: null })
    await createReport(ctx.db, id, { lat: 39.1, lng: 26.55, is_hidden: true })
    await createReport(ctx.db, id, { lat: 39.1, lng: 26.55, category_id: categories.private })
    await createReport(ctx.db, id, { lat: 39.1, lng: 26.55, status: 'resolved' })

    const all = await request(ctx.app).get('/public/reports/map.json')
    expect(all.status).toBe(200)
    expect(all.headers['content-type']).toMatch(/^application\/json/)
    expect(all.body.features).toHaveLength(2)

    const filtered = await request(ctx.app).get('/public/reports/map.json?status=acknowledged')
    expect(filtered.body).toEqual({
      type: 'FeatureCollection',
      truncated: false,
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [26.5568, 39.1067] },
          properties: {
            reference: placed.reference,
            title: 'Δημόσιος τίτλος',
            status: 'acknowledged',
            statusLabel: 'Παραλήφθηκε',
            category: expect.any(String),
            url: `/public/reports/${placed.reference}`,
            submitted: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          },
        },
      ],
    })

    const bad = await request(ctx.app).get('/public/reports/map.json?category=-1')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0]).toEqual({ field: 'category', text: 'Διαλέξτε μια κατηγορία από τη λίστα' })
  })

  it('caps the map at 500 reports, newest first, and says so', async () => {
    const { id } = await author()
    const category = await ctx.db('categories').orderBy('id').first('id', 'department_id')
    const district = (await districtCodes(ctx.db))[0]
    const base = Date.now() - 1000 * DAY
    const rows = Array.from({ length: 502 }, (_, i) => ({
      reference: `MYT-2025-${String(i + 1).padStart(5, '0')}`,
      kind: 'report',
      category_id: category.id,
      department_id: category.department_id,
      author_id: id,
      title: `Αναφορά ${i + 1}`,
      description: 'Περιγραφή',
      address: 'Ερμού 1',
      district,
      lat: 39.1,
      lng: 26.55,
      created_at: new Date(base + i * 60000),
    }))
    await ctx.db.batchInsert('reports', rows, 200)

    const map = await request(ctx.app).get('/public/reports/map.json')
    expect(map.body.truncated).toBe(true)
    expect(map.body.features).toHaveLength(500)
    expect(map.body.features[0].properties.reference).toBe('MYT-2025-00502')
  })

  it('gives the list page the map, fed with the same filters, and tiles from the configured server only', async () => {
    const list = await request(ctx.app).get('/public/reports?status=open')
    expect(list.text).toContain('data-module="public-map"')
    expect(list.text).toContain('data-src="/public/reports/map.json?status=open"')
    expect(list.text).toContain('data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"')
    expect(list.text).toContain('src="/assets/vendor/leaflet/leaflet.js?v=')
    expect(list.headers['content-security-policy']).toContain(
      "img-src 'self' data: https://tile.openstreetmap.org;",
    )

    const elsewhere = await request(ctx.app).get('/')
    expect(elsewhere.headers['content-security-policy']).toContain("img-src 'self' data:;")

    const leaflet = await request(ctx.app).get('/assets/vendor/leaflet/leaflet.js')
    expect(leaflet.status).toBe(200)
    expect(leaflet.headers['content-type']).toMatch(/javascript/)
    const script = await request(ctx.app).get('/assets/js/public-map.js')
    expect(script.status).toBe(200)
  })
})

describe('feeds', () => {
  it('publishes the newest public reports as JSON Feed and Atom, with the filters and in either language', async () => {
    const named = await createUser(ctx.db, { fullName: 'Άννα Φανερή' })
    const unnamed = await createUser(ctx.db, { fullName: 'Κρυφή Ιδιώτισσα' })
    const shown = await createReport(ctx.db, named.id, {
      show_name: true,
      title: 'Αρχικός & <παλιός>',
      public_title: 'Πεσμένο κλαδί & <φύλλα>',
      status: 'acknowledged',
    })
    const anonymous = await createReport(ctx.db, unnamed.id, { status: 'resolved' })
    const hidden = await createReport(ctx.db, named.id, { is_hidden: true, status: 'acknowledged' })

    const json = await request(ctx.app).get('/public/reports/feed.json')
    expect(json.status).toBe(200)
    expect(json.headers['content-type']).toMatch(/^application\/feed\+json/)
    const feed = JSON.parse(json.text)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items.map((item: { url: string }) => item.url)).toEqual([
      `http://localhost:3000/public/reports/${anonymous.reference}`,
      `http://localhost:3000/public/reports/${shown.reference}`,
    ])
    expect(feed.items[1]).toMatchObject({
      title: `${shown.reference}: Πεσμένο κλαδί & <φύλλα>`,
      authors: [{ name: 'Άννα Φανερή' }],
    })
    expect(feed.items[0].authors).toBeUndefined()
    expect(json.text).not.toContain('Κρυφή Ιδιώτισσα')
    expect(json.text).not.toContain(hidden.reference)

    const atom = await request(ctx.app).get('/public/reports/feed.atom?status=acknowledged&lang=en')
    expect(atom.status).toBe(200)
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/)
    expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')
    expect(atom.text).toContain("<title>Residents' reports – Municipality of Mytilene</title>")
    expect(atom.text).toContain(`<title>${shown.reference}: Πεσμένο κλαδί &amp; &lt;φύλλα&gt;</title>`)
    expect(atom.text).toContain('<category term="Acknowledged"/>')
    expect(atom.text).toContain(
      'href="http://localhost:3000/public/reports/feed.atom?status=acknowledged&amp;lang=en"',
    )
    expect(atom.text).not.toContain(anonymous.reference)
    expect(atom.text).not.toContain(hidden.reference)
    expect(atom.text).not.toContain('Αρχικός')

    const list = await request(ctx.app).get('/public/reports?status=acknowledged')
    expect(list.text).toContain('href="/public/reports/feed.atom?status=acknowledged&amp;lang=el"')
  })
})

/** A page repeats what the visitor typed in the search box (in the box, the map and feed links). */
function withoutTypedSearch(text: string, path: string): string {
  const typed = new URL(path, 'http://portal.test').searchParams.get('q')
  if (!typed) return text
  return text
    .replaceAll(typed, '')
    .replaceAll(encodeURIComponent(typed), '')
    .replaceAll(new URLSearchParams({ q: typed }).toString(), '')
}

describe('hidden content on public pages and feeds', () => {
  it('never shows hidden reports or photos, moderated originals, private names, contact details or internal notes', async () => {
    const categories = await categoryIds(ctx.db)
    const [district] = await districtCodes(ctx.db)
    const writer = await createUser(ctx.db, {
      fullName: 'Ιδιωτικό Όνομα Συντάκτη',
      email: 'secret.author@example.org',
    })
    await ctx.db('users').where({ id: writer.id }).update({ phone: '6999999999' })
    const clerk = await createClerk(ctx.db, 'Κρυφός Υπάλληλος')
    const moderated = await createReport(ctx.db, writer.id, {
      title: 'ORIGINALTITLE λακκούβα',
      public_title: 'Λακκούβα μπροστά στο σχολείο',
      description: 'ORIGINALDESC με το τηλέφωνο 6999999999',
      public_description: 'Λακκούβα στο οδόστρωμα.',
      lat: 39.1,
      lng: 26.55,
    })
    await addStaffEvent(ctx.db, moderated.id, clerk.id, {
      from: 'submitted',
      to: 'acknowledged',
      publicMessage: 'Το είδαμε.',
      internalNote: 'INTERNALNOTE ο δημότης είναι γνωστός',
    })
    await addStaffEvent(ctx.db, moderated.id, clerk.id, { type: 'note', internalNote: 'SECONDNOTE' })
    const shownPhoto = await addPhoto(ctx.db, moderated.id)
    const hiddenPhoto = await addPhoto(ctx.db, moderated.id, { hidden: true })
    const hidden = await createReport(ctx.db, writer.id, {
      title: 'HIDDENTITLE',
      description: 'HIDDENDESC',
      hidden_reason: 'HIDDENREASON',
      lat: 39.11,
      lng: 26.56,
    })
    const photoOfHidden = await addPhoto(ctx.db, hidden.id)
    const personal = await createReport(ctx.db, writer.id, {
      title: 'PERSONALCATEGORY ηλικιωμένη μόνη',
      category_id: categories.private,
      lat: 39.12,
      lng: 26.57,
    })
    const follower = await createUser(ctx.db)
    await ctx.db('report_followers').insert([
      { report_id: moderated.id, user_id: follower.id },
      { report_id: hidden.id, user_id: follower.id },
    ])
    // Hidden after people followed it and after it reached the feeds.
    await ctx.db('reports').where({ id: hidden.id }).update({ is_hidden: true })

    const secrets = [
      'ORIGINALTITLE',
      'ORIGINALDESC',
      'HIDDENTITLE',
      'HIDDENDESC',
      'HIDDENREASON',
      'PERSONALCATEGORY',
      'INTERNALNOTE',
      'SECONDNOTE',
      'Ιδιωτικό Όνομα',
      'secret.author@example.org',
      '6999999999',
      'Κρυφός Υπάλληλος',
      hidden.reference,
      personal.reference,
      `/photos/${hiddenPhoto}`,
      `/photos/${photoOfHidden}`,
    ]
    const visitor = request.agent(ctx.app)
    const signedIn = request.agent(ctx.app)
    await signIn(signedIn, follower.email, follower.password)
    const english = request.agent(ctx.app)
    await useEnglish(english)
    const search = (q: string) => `/public/reports?q=${encodeURIComponent(q)}`
    const paths = [
      '/',
      '/public/reports',
      search('ORIGINALTITLE'),
      search('originaltitle'),
      search('HIDDENTITLE'),
      search('PERSONALCATEGORY'),
      search(hidden.reference),
      search('6999999999'),
      search('λακκούβα'),
      `/public/reports?status=submitted&district=${district}`,
      `/public/reports?category=${categories.first}&period=week`,
      `/public/reports/${moderated.reference}`,
      '/public/reports/map.json',
      `/public/reports/map.json?q=HIDDENTITLE`,
      '/public/reports/feed.json',
      '/public/reports/feed.atom',
      `/public/reports/feed.json?q=ORIGINALDESC`,
    ]
    for (const agent of [visitor, signedIn, english]) {
      for (const path of [...paths, '/following']) {
        if (path === '/following' && agent !== signedIn) continue
        const response = await agent.get(path)
        expect({ path, status: response.status }).toEqual({ path, status: 200 })
        const shown = withoutTypedSearch(response.text, path)
        for (const secret of secrets) {
          expect({ path, leaked: shown.includes(secret) ? secret : null }).toEqual({ path, leaked: null })
        }
      }
    }

    const foundOriginal = await visitor.get(search('ORIGINALTITLE'))
    expect(foundOriginal.text).not.toContain(moderated.reference)
    const following = await signedIn.get('/following')
    expect(following.text).toContain(moderated.reference)
    expect((await visitor.get(`/public/reports/${moderated.reference}`)).text).toContain(
      `/photos/${shownPhoto}"`,
    )

    for (const path of [
      `/public/reports/${hidden.reference}`,
      `/public/reports/${personal.reference}`,
      `/public/reports/${moderated.reference}/photos/${hiddenPhoto}`,
      `/public/reports/${hidden.reference}/photos/${photoOfHidden}`,
    ]) {
      const response = await visitor.get(path)
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
      for (const secret of secrets.slice(0, 12)) expect(response.text).not.toContain(secret)
    }
  })
})

import request from 'supertest'
import { seedReferenceData } from '../../seeds/reference'
import { categories as seededCategories } from '../../seeds/data/categories'
import { setClock } from '../../src/lib/clock'
import { formatDate } from '../../src/lib/format'
import {
  csrfFrom,
  signIn,
  startTestApp,
  submitForm,
  useEnglish,
  type Agent,
  type TestContext,
} from '../helpers/app'
import { resetDb } from '../helpers/db'
import { createReport, createUser } from '../helpers/factories'
import { categoryIdOf, fileReportThroughJourney, fillDraft, postStep } from '../helpers/filing'
import { formFields } from '../helpers/html-form'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startTestApp()
})
afterAll(() => ctx.close())
beforeEach(async () => {
  await resetDb(ctx.db)
  setClock(new Date('2026-12-04T09:00:00Z'))
})
afterEach(() => setClock(null))

type Role = 'citizen' | 'clerk' | 'treasury' | 'secretariat' | 'admin'

async function signedIn(roles: Role[], english = false) {
  const user = await createUser(ctx.db, { roles })
  const agent = request.agent(ctx.app)
  await signIn(agent, user.email, user.password)
  if (english) await useEnglish(agent)
  return { ...user, agent }
}

const admin = (english = false) => signedIn(['citizen', 'admin'], english)

async function departmentIdOf(code: string): Promise<number> {
  return Number((await ctx.db('departments').where({ code }).first('id')).id)
}

async function auditRows(action: string) {
  const rows = await ctx.db('audit_log').where({ action }).orderBy('id')
  const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)
  return rows.map((row) => ({ ...row, before: json(row.before), after: json(row.after) }))
}

/** Sends a form of a page as the page shows it, with some fields changed. */
async function resubmit(agent: Agent, page: string, action: string, changes: Record<string, string> = {}) {
  const html = (await agent.get(page)).text
  return agent
    .post(action)
    .type('form')
    .send({ ...formFields(html, action), ...changes })
}

const newCategory = async (changes: Record<string, string> = {}) => ({
  code: 'broken_bench',
  departmentId: String(await departmentIdOf('greenery')),
  groupEl: 'Πράσινο και κοινόχρηστοι χώροι',
  groupEn: 'Parks and public spaces',
  nameEl: 'Σπασμένο παγκάκι',
  nameEn: 'Broken bench',
  hintEl: '',
  hintEn: '',
  noticeEl: '',
  noticeEn: '',
  sortOrder: '115',
  duplicateRadius: '40',
  active: 'yes',
  ...changes,
})

const errorSummary = (html: string) => /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? ''

describe('who reaches the catalogue pages', () => {
  it('asks signed-out visitors to sign in and answers 404 to residents and clerks, as the other administration pages do', async () => {
    const citizen = await signedIn(['citizen'])
    const clerk = await signedIn(['citizen', 'clerk'])
    const department = await departmentIdOf('cleaning')
    const category = await categoryIdOf(ctx.db, 'pothole')
    const [template] = await ctx
      .db('response_templates')
      .insert({ title_el: 'Α', title_en: 'A', body_el: 'Α', body_en: 'A' })
      .returning('id')
    const pages = [
      '/staff/admin/categories',
      '/staff/admin/categories/new',
      `/staff/admin/categories/${category}`,
      '/staff/admin/departments',
      '/staff/admin/departments/new',
      `/staff/admin/departments/${department}`,
      '/staff/admin/response-templates',
      '/staff/admin/response-templates/new',
      `/staff/admin/response-templates/${template.id}`,
    ]
    for (const page of pages) {
      expect({ page, status: (await request(ctx.app).get(page)).status }).toEqual({ page, status: 302 })
      expect({ page, status: (await citizen.agent.get(page)).status }).toEqual({ page, status: 404 })
      expect({ page, status: (await clerk.agent.get(page)).status }).toEqual({ page, status: 404 })
    }

    const csrf = csrfFrom((await clerk.agent.get('/account')).text)
    const forged = await clerk.agent
      .post(`/staff/admin/categories/${category}`)
      .type('form')
      .send({ ...(await newCategory()), nameEl: 'Αλλαγμένο', _csrf: csrf })
    expect(forged.status).toBe(404)
    const deactivate = await clerk.agent
      .post(`/staff/admin/response-templates/${template.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrf })
    expect(deactivate.status).toBe(404)
    expect((await ctx.db('categories').where({ id: category }).first()).name_el).toBe(
      'Λακκούβα ή φθορά οδοστρώματος',
    )
    expect((await ctx.db('response_templates').where({ id: template.id }).first()).is_active).toBe(true)
    expect(await ctx.db('audit_log').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('opens them for an administrator, with a link in the navigation', async () => {
    const { agent } = await admin()
    for (const page of [
      '/staff/admin/categories',
      '/staff/admin/departments',
      '/staff/admin/response-templates',
    ])
      expect((await agent.get(page)).status).toBe(200)
    const list = await agent.get('/staff/admin/categories')
    expect(list.text).toMatch(
      /<a class="site-nav__link" href="\/staff\/admin\/categories" aria-current="page">Κατάλογος αναφορών<\/a>/,
    )
    const users = await agent.get('/staff/admin/users')
    expect(users.text).toContain('href="/staff/admin/categories">Κατάλογος αναφορών</a>')
  })

  it('answers 404 for a record that does not exist or a number that is not one', async () => {
    const { agent } = await admin()
    for (const page of [
      '/staff/admin/categories/999999',
      '/staff/admin/categories/1e3',
      '/staff/admin/departments/0',
      '/staff/admin/departments/99999999999',
      '/staff/admin/response-templates/12',
    ])
      expect({ page, status: (await agent.get(page)).status }).toEqual({ page, status: 404 })
  })
})

describe('departments', () => {
  it('creates a department with an audit row, and lists it by name', async () => {
    const { agent, id: adminId } = await admin()
    const created = await submitForm(agent, '/staff/admin/departments/new', '/staff/admin/departments/new', {
      code: ' Water_Supply ',
      nameEl: 'Τμήμα Ύδρευσης',
      nameEn: 'Water Supply Section',
      email: 'Ydrefsi@Mytilene.gr',
      phone: '22510 50099',
    })
    expect(created.status).toBe(303)
    const row = await ctx.db('departments').where({ code: 'water_supply' }).first()
    expect(row).toMatchObject({
      name_el: 'Τμήμα Ύδρευσης',
      email: 'ydrefsi@mytilene.gr',
      phone: '22510 50099',
    })
    expect(created.headers.location).toBe(`/staff/admin/departments/${row.id}?done=created`)
    expect((await agent.get(String(created.headers.location))).text).toContain('Η εγγραφή δημιουργήθηκε.')

    const [audit] = await auditRows('catalogue.department_created')
    expect(audit).toMatchObject({
      actor_id: adminId,
      entity_type: 'department',
      entity_id: String(row.id),
      before: null,
    })
    expect(audit.after).toEqual({
      code: 'water_supply',
      nameEl: 'Τμήμα Ύδρευσης',
      nameEn: 'Water Supply Section',
      email: 'ydrefsi@mytilene.gr',
      phone: '22510 50099',
    })
    const list = await agent.get('/staff/admin/departments')
    expect(list.text).toContain('Τμήμα Ύδρευσης')
    expect(list.text).toContain('0 κατηγορίες, ενεργές: 0')
    expect(list.text).toContain('6 κατηγορίες, ενεργές: 6')
    expect(list.text).toMatch(/\d+ υπηρεσίες, κατά όνομα/)
  })

  it('refuses a code in use and bad contact details, keeping what was typed, in either language', async () => {
    for (const english of [false, true]) {
      const { agent } = await admin(english)
      const response = await submitForm(
        agent,
        '/staff/admin/departments/new',
        '/staff/admin/departments/new',
        {
          code: 'cleaning',
          nameEl: 'Άλλη Καθαριότητα',
          nameEn: '',
          email: 'not-an-address',
          phone: '12',
        },
      )
      expect(response.status).toBe(400)
      const summary = errorSummary(response.text)
      if (english) {
        expect(summary).toContain('Enter the name in English')
        expect(summary).toContain('Enter an email address in the correct format')
        expect(summary).toContain('Enter a phone number')
      } else {
        expect(summary).toContain('Γράψτε το όνομα στα αγγλικά')
        expect(summary).toContain('Γράψτε μια διεύθυνση e-mail στη σωστή μορφή')
        expect(summary).toContain('Γράψτε έναν αριθμό τηλεφώνου')
      }
      expect(response.text).toContain('value="Άλλη Καθαριότητα"')
      expect(response.text).toContain('value="not-an-address"')

      const taken = await submitForm(agent, '/staff/admin/departments/new', '/staff/admin/departments/new', {
        code: 'cleaning',
        nameEl: 'Άλλη Καθαριότητα',
        nameEn: 'Other cleaning',
      })
      expect(taken.status).toBe(400)
      expect(errorSummary(taken.text)).toContain(
        english ? 'There is already a record with this code' : 'Υπάρχει ήδη εγγραφή με αυτόν τον κωδικό',
      )
      expect(taken.text).toContain('value="cleaning"')
    }
    expect(await ctx.db('departments').where({ name_el: 'Άλλη Καθαριότητα' }).first()).toBeUndefined()
  })

  it('saves names and contact details with before and after, never the code, and nothing when nothing changed', async () => {
    const { agent } = await admin()
    const id = await departmentIdOf('cleaning')
    const page = `/staff/admin/departments/${id}`
    const saved = await resubmit(agent, page, page, {
      nameEn: 'Cleaning Directorate',
      phone: '',
      code: 'hacked',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(`${page}?done=saved`)
    const row = await ctx.db('departments').where({ id }).first()
    expect(row).toMatchObject({ code: 'cleaning', name_en: 'Cleaning Directorate', phone: null })
    const [audit] = await auditRows('catalogue.department_changed')
    expect(audit.before).toMatchObject({ nameEn: 'Cleaning and Recycling Directorate', phone: '22510 50001' })
    expect(audit.after).toMatchObject({ code: 'cleaning', nameEn: 'Cleaning Directorate', phone: null })

    const again = await resubmit(agent, page, page)
    expect(again.headers.location).toBe(`${page}?done=unchanged`)
    expect(await auditRows('catalogue.department_changed')).toHaveLength(1)
  })

  it('cannot be deleted', async () => {
    const { agent } = await admin()
    const id = await departmentIdOf('cleaning')
    const page = await agent.get(`/staff/admin/departments/${id}`)
    expect(page.text).toContain('Μια υπηρεσία δεν διαγράφεται')
    const attempt = await agent
      .post(`/staff/admin/departments/${id}/delete`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) })
    expect(attempt.status).toBe(404)
    expect(await ctx.db('departments').where({ id }).first()).toBeDefined()
  })
})

describe('the list of categories', () => {
  it('pages through the categories, by department, and finds them by department, status and name', async () => {
    const { agent } = await admin()
    const greenery = await departmentIdOf('greenery')
    await ctx.db('categories').insert(
      Array.from({ length: 10 }, (_, i) => ({
        code: `extra_${i}`,
        department_id: greenery,
        group_el: 'Πράσινο',
        group_en: 'Greenery',
        name_el: `Πρόσθετη κατηγορία ${i}`,
        name_en: `Extra category ${i}`,
        sort_order: 500 + i,
        is_active: i % 2 === 0,
      })),
    )
    const all = await agent.get('/staff/admin/categories')
    expect(all.text).toContain('31 κατηγορίες, κατά υπηρεσία')
    // By department name, then as residents see them.
    const rows = [...all.text.matchAll(/<tr>\s*<td><a href="[^"]+">([^<]+)<\/a>[\s\S]*?<\/tr>/g)]
    expect(rows.slice(0, 3).map((row) => row[1])).toEqual([
      'Διαρροή νερού ή πρόβλημα αποχέτευσης',
      'Κάτι άλλο',
      'Παράνομη στάθμευση σε πεζοδρόμιο ή ράμπα',
    ])
    expect(rows[0]![0]).toContain('<td>Γραφείο Εξυπηρέτησης Δημοτών</td>')
    expect(all.text).toContain('href="/staff/admin/categories?page=2"')
    const second = await agent.get('/staff/admin/categories?page=2')
    expect(second.text.match(/<tr>\s*<td><a href="\/staff\/admin\/categories\/\d+">/g)).toHaveLength(6)

    const inactive = await agent.get(`/staff/admin/categories?department=${greenery}&status=inactive`)
    expect(inactive.text).toContain('5 κατηγορίες')
    expect(inactive.text).toContain('Πρόσθετη κατηγορία 1')
    expect(inactive.text).not.toContain('Πρόσθετη κατηγορία 2')

    const found = await agent.get(`/staff/admin/categories?q=${encodeURIComponent('λακκουβα')}&sort=name`)
    expect(found.text).toContain('1 κατηγορία, κατά όνομα')
    expect(found.text).toContain('Λακκούβα ή φθορά οδοστρώματος')
    const byCode = await agent.get('/staff/admin/categories?q=POTHOLE&sort=nonsense&page=x')
    expect(byCode.status).toBe(200)
    expect(byCode.text).toContain('Λακκούβα ή φθορά οδοστρώματος')
  })
})

describe('creating and editing a category', () => {
  it('creates a category with its questions stored as the filing journey reads them, and audits it', async () => {
    const { agent, id: adminId } = await admin()
    const response = await submitForm(
      agent,
      '/staff/admin/categories/new',
      '/staff/admin/categories/new',
      await newCategory({
        noticeEl: 'Για επικίνδυνα σπασμένα παγκάκια καλέστε το 22510 50004.',
        noticeEn: 'For dangerously broken benches call 22510 50004.',
        q2_key: 'material',
        q2_label_el: 'Από τι είναι το παγκάκι;',
        q2_label_en: 'What is the bench made of?',
        q2_type: 'select',
        q2_options_el: 'Ξύλο\r\n\r\n Μέταλλο \r\nΠέτρα',
        q2_options_en: 'Wood\nMetal\nStone (marble)',
        q2_required: 'yes',
        q4_key: 'location_detail',
        q4_label_el: 'Σε ποιο σημείο του πάρκου;',
        q4_label_en: 'Where in the park?',
        q4_type: 'text',
      }),
    )
    expect(response.status).toBe(303)
    const row = await ctx.db('categories').where({ code: 'broken_bench' }).first()
    expect(response.headers.location).toBe(`/staff/admin/categories/${row.id}?done=created`)
    expect(row).toMatchObject({
      department_id: await departmentIdOf('greenery'),
      sort_order: 115,
      duplicate_radius_m: 40,
      is_active: true,
      is_public: true,
      hint_el: null,
    })
    expect(row.questions).toEqual([
      {
        key: 'material',
        label_el: 'Από τι είναι το παγκάκι;',
        label_en: 'What is the bench made of?',
        type: 'select',
        options: [
          { value: 'wood', label_el: 'Ξύλο', label_en: 'Wood' },
          { value: 'metal', label_el: 'Μέταλλο', label_en: 'Metal' },
          { value: 'stone_marble', label_el: 'Πέτρα', label_en: 'Stone (marble)' },
        ],
        required: true,
      },
      {
        key: 'location_detail',
        label_el: 'Σε ποιο σημείο του πάρκου;',
        label_en: 'Where in the park?',
        type: 'text',
        required: false,
      },
    ])
    const [audit] = await auditRows('catalogue.category_created')
    expect(audit).toMatchObject({ actor_id: adminId, entity_type: 'category', entity_id: String(row.id) })
    expect(audit.after).toMatchObject({ code: 'broken_bench', department: 'greenery', duplicateRadius: 40 })
    expect(audit.after.questions).toEqual(row.questions)

    // A resident meets the notice and the questions, and the answers are filed with the report.
    const resident = await signedIn(['citizen'])
    await postStep(resident.agent, '/reports/new/kind', { kind: 'report' })
    const categoryStep = await resident.agent.get('/reports/new/category')
    expect(categoryStep.text).toContain('Για επικίνδυνα σπασμένα παγκάκια καλέστε το 22510 50004.')
    const filed = await fileReportThroughJourney(resident.agent, ctx.db, {
      category: 'broken_bench',
      answers: { q_material: 'stone_marble', q_location_detail: 'Δίπλα στην παιδική χαρά' },
    })
    expect(filed.status).toBe(303)
    const report = await ctx.db('reports').where({ category_id: row.id }).first()
    const answers = typeof report.answers === 'string' ? JSON.parse(report.answers) : report.answers
    expect(answers).toEqual({ material: 'stone_marble', location_detail: 'Δίπλα στην παιδική χαρά' })
  })

  it('saves a seeded category shown and sent back unchanged as it was, without an audit row', async () => {
    const { agent } = await admin()
    const id = await categoryIdOf(ctx.db, 'bin_full_damaged')
    const before = await ctx.db('categories').where({ id }).first()
    const page = `/staff/admin/categories/${id}`
    const saved = await resubmit(agent, page, page)
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(`${page}?done=unchanged`)
    expect(await ctx.db('categories').where({ id }).first()).toEqual(before)
    expect(await auditRows('catalogue.category_changed')).toEqual([])
  })

  it('puts an edited notice and question before residents, keeping the values of options still there', async () => {
    const { agent } = await admin()
    const id = await categoryIdOf(ctx.db, 'bin_full_damaged')
    const page = `/staff/admin/categories/${id}`
    const saved = await resubmit(agent, page, page, {
      noticeEl: 'Οι κάδοι αδειάζουν κάθε πρωί ως τις 10.',
      noticeEn: 'Bins are emptied every morning by 10.',
      q1_options_el: 'Απορριμμάτων (πράσινος)\nΑνακύκλωσης (μπλε)\nΓυαλιού (καμπάνα)',
      q1_options_en: 'General rubbish (green)\nRecycling (blue)\nGlass (bell)',
      q2_key: '',
      q2_label_el: '',
      q2_label_en: '',
      q3_key: 'smell',
      q3_label_el: 'Μυρίζει άσχημα;',
      q3_label_en: 'Does it smell bad?',
      q3_type: 'yesno',
    })
    expect(saved.headers.location).toBe(`${page}?done=saved`)
    const row = await ctx.db('categories').where({ id }).first()
    expect(row.questions.map((q: { key: string }) => q.key)).toEqual(['bin_type', 'smell'])
    expect(row.questions[0].options.map((o: { value: string }) => o.value)).toEqual([
      'general',
      'recycling',
      'glass_bell',
    ])
    const [audit] = await auditRows('catalogue.category_changed')
    expect(audit.before.noticeEl).toBeNull()
    expect(audit.after.noticeEl).toBe('Οι κάδοι αδειάζουν κάθε πρωί ως τις 10.')
    expect(audit.before.questions.map((q: { key: string }) => q.key)).toEqual(['bin_type', 'damaged'])

    const resident = await signedIn(['citizen'], true)
    await postStep(resident.agent, '/reports/new/kind', { kind: 'report' })
    await postStep(resident.agent, '/reports/new/category', { categoryId: String(id) })
    const questions = await resident.agent.get('/reports/new/questions')
    expect(questions.text).toContain('Bins are emptied every morning by 10.')
    expect(questions.text).toContain('Does it smell bad?')
    expect(questions.text).toContain('Glass (bell)')
    expect(questions.text).not.toContain('Is the bin broken?')
  })

  it('refuses bad fields and question rows with messages naming the row, keeping everything typed', async () => {
    for (const english of [false, true]) {
      const { agent } = await admin(english)
      const response = await submitForm(
        agent,
        '/staff/admin/categories/new',
        '/staff/admin/categories/new',
        await newCategory({
          code: '9lives',
          nameEn: '',
          noticeEl: 'Μόνο στα ελληνικά',
          duplicateRadius: '5000',
          sortOrder: '-3',
          q1_key: 'colour',
          q1_label_el: 'Τι χρώμα;',
          q1_label_en: 'What colour?',
          q1_type: 'select',
          q1_options_el: 'Κόκκινο',
          q1_options_en: 'Red',
          q2_key: 'Bad Key!',
          q2_label_el: 'Ερώτηση',
          q2_label_en: 'Question',
          q2_type: 'text',
          q2_options_el: 'Περιττή επιλογή',
          q3_key: 'colour',
          q3_label_el: 'Ξανά',
          q3_label_en: '',
          q3_type: 'select',
          q3_options_el: 'Α\nΒ',
          q3_options_en: 'A',
        }),
      )
      expect(response.status).toBe(400)
      const summary = errorSummary(response.text)
      const expected = english
        ? [
            'The code has 2 to 40 lower-case Latin letters',
            'Enter the name in English',
            'Write the notice in both languages',
            'Enter the order as a whole number',
            'Enter the radius in metres, as a whole number from 0 to 2000',
            'Question 1: enter at least two options in Greek',
            'Question 2: the key has up to 40 lower-case Latin letters',
            'Question 2: only “Choice from a list” has options',
            'Question 3: the key is already used by another question',
            'Question 3: enter the question in English',
            'Question 3: enter as many options in English as in Greek',
          ]
        : [
            'Ο κωδικός έχει από 2 έως 40 λατινικά πεζά',
            'Γράψτε το όνομα στα αγγλικά',
            'Γράψτε την ανακοίνωση και στις δύο γλώσσες',
            'Γράψτε τη σειρά ως ακέραιο αριθμό',
            'Γράψτε την ακτίνα σε μέτρα, ως ακέραιο αριθμό από 0 έως 2000',
            'Ερώτηση 1: γράψτε τουλάχιστον δύο επιλογές στα ελληνικά',
            'Ερώτηση 2: το κλειδί έχει έως 40 λατινικά πεζά',
            'Ερώτηση 2: επιλογές έχει μόνο η «Επιλογή από λίστα»',
            'Ερώτηση 3: το κλειδί χρησιμοποιείται ήδη σε άλλη ερώτηση',
            'Ερώτηση 3: γράψτε την ερώτηση στα αγγλικά',
            'Ερώτηση 3: γράψτε στα αγγλικά όσες επιλογές γράψατε στα ελληνικά',
          ]
      for (const text of expected) expect(summary).toContain(text)
      expect(summary).toContain('href="#field-q3_options_en"')
      const kept = formFields(response.text, '/staff/admin/categories/new')
      expect(kept).toMatchObject({
        code: '9lives',
        noticeEl: 'Μόνο στα ελληνικά',
        duplicateRadius: '5000',
        q2_key: 'Bad Key!',
        q2_options_el: 'Περιττή επιλογή',
        q3_type: 'select',
        q3_options_el: 'Α\nΒ',
      })
    }
    expect(await ctx.db('categories').where({ code: '9lives' }).first()).toBeUndefined()
    expect(await ctx.db('audit_log').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses a code in use and a department that does not exist, and never answers 500 to odd input', async () => {
    const { agent } = await admin()
    const taken = await submitForm(
      agent,
      '/staff/admin/categories/new',
      '/staff/admin/categories/new',
      await newCategory({ code: 'pothole' }),
    )
    expect(taken.status).toBe(400)
    expect(errorSummary(taken.text)).toContain('Υπάρχει ήδη εγγραφή με αυτόν τον κωδικό')

    const unknown = await submitForm(
      agent,
      '/staff/admin/categories/new',
      '/staff/admin/categories/new',
      await newCategory({ departmentId: '999999' }),
    )
    expect(unknown.status).toBe(400)
    expect(errorSummary(unknown.text)).toContain('Διαλέξτε την υπηρεσία')

    const page = await agent.get('/staff/admin/categories/new')
    const odd = await agent
      .post('/staff/admin/categories/new')
      .type('form')
      .send(
        'code=a&code=b&departmentId=x&active=maybe&q1_type=date&q1_key=k&q1_label_el=x&q1_label_en=y&sortOrder=1e3&_csrf=' +
          encodeURIComponent(csrfFrom(page.text)),
      )
    expect(odd.status).toBe(400)
    expect(errorSummary(odd.text)).toContain('Ερώτηση 1: διαλέξτε το είδος της απάντησης')
  })

  it('takes an inactive category out of filing while reports already filed keep it', async () => {
    const { agent } = await admin()
    const id = await categoryIdOf(ctx.db, 'graffiti')
    const author = await createUser(ctx.db)
    const old = await createReport(ctx.db, author.id, { category_id: id })
    const page = `/staff/admin/categories/${id}`
    expect((await resubmit(agent, page, page, { active: 'no' })).headers.location).toBe(`${page}?done=saved`)
    const [audit] = await auditRows('catalogue.category_changed')
    expect([audit.before.active, audit.after.active]).toEqual([true, false])

    const resident = await signedIn(['citizen'])
    await postStep(resident.agent, '/reports/new/kind', { kind: 'report' })
    const categoryStep = await resident.agent.get('/reports/new/category')
    expect(categoryStep.text).not.toContain('Γκράφιτι')
    expect(categoryStep.text).toContain('Λακκούβα ή φθορά οδοστρώματος')
    const chosen = await postStep(resident.agent, '/reports/new/category', { categoryId: String(id) })
    expect(chosen.status).toBe(400)

    const staffPage = await agent.get(`/staff/reports/${old.reference}`)
    expect(staffPage.status).toBe(200)
    expect(staffPage.text).toContain('Γκράφιτι')
    expect((await ctx.db('reports').where({ id: old.id }).first()).category_id).toBe(id)
  })

  it('widens the search for duplicates when the radius grows', async () => {
    const { agent } = await admin()
    const pothole = await categoryIdOf(ctx.db, 'pothole')
    const author = await createUser(ctx.db)
    // About 110 metres north of where the resident drops the pin.
    const nearby = await createReport(ctx.db, author.id, { category_id: pothole, lat: 39.1075, lng: 26.5555 })
    const resident = await signedIn(['citizen'])
    const before = await fillDraft(resident.agent, ctx.db, {
      category: 'pothole',
      lat: '39.1065',
      lng: '26.5555',
    })
    expect(before.text).not.toContain(nearby.reference)

    const page = `/staff/admin/categories/${pothole}`
    await resubmit(agent, page, page, { duplicateRadius: '200' })
    const after = await resident.agent.get('/reports/new/check')
    expect(after.text).toContain('possible-duplicates')
    expect(after.text).toContain(nearby.reference)
  })
})

describe('response templates', () => {
  async function reportPage(agent: Agent) {
    const author = await createUser(ctx.db)
    const report = await createReport(ctx.db, author.id)
    return { reference: report.reference, page: () => agent.get(`/staff/reports/${report.reference}`) }
  }

  it('creates a template with placeholders that the report page fills, and audits it', async () => {
    const { agent, id: adminId } = await admin()
    const created = await submitForm(
      agent,
      '/staff/admin/response-templates/new',
      '/staff/admin/response-templates/new',
      {
        status: 'in_progress',
        titleEl: 'Προγραμματίστηκε',
        titleEn: 'Scheduled',
        bodyEl: 'Η αναφορά {reference} ({title}) προγραμματίστηκε από την υπηρεσία {department} στις {date}.',
        bodyEn: 'Report {reference} was scheduled by {department} on {date}.',
      },
    )
    expect(created.status).toBe(303)
    const row = await ctx.db('response_templates').where({ title_el: 'Προγραμματίστηκε' }).first()
    expect(row).toMatchObject({ status: 'in_progress', is_active: true })
    const [audit] = await auditRows('catalogue.template_created')
    expect(audit).toMatchObject({
      actor_id: adminId,
      entity_type: 'response_template',
      entity_id: String(row.id),
    })
    expect(audit.after).toMatchObject({ status: 'in_progress', titleEn: 'Scheduled', active: true })

    const { reference } = await reportPage(agent)
    const filled = await agent.get(`/staff/reports/${reference}?template=${row.id}`)
    expect(filled.text).toContain(`Η αναφορά ${reference} (Αναφορά δοκιμής`)
    expect(filled.text).toContain(`στις ${formatDate(new Date('2026-12-04T09:00:00Z'), 'el')}.`)
    expect(filled.text).not.toMatch(/\{(reference|title|department|date)\}/)
  })

  it('refuses unknown placeholders, naming them, and keeps what was typed', async () => {
    for (const english of [false, true]) {
      const { agent } = await admin(english)
      const response = await submitForm(
        agent,
        '/staff/admin/response-templates/new',
        '/staff/admin/response-templates/new',
        {
          status: 'submitted',
          titleEl: 'Λάθος',
          titleEn: 'Wrong',
          bodyEl: 'Γεια σας {name}, η αναφορά {reference} στη {street}.',
          bodyEn: 'Hello {name}.',
        },
      )
      expect(response.status).toBe(400)
      const summary = errorSummary(response.text)
      if (english) {
        expect(summary).toContain('There are no fields {name}, {street}.')
        expect(summary).toContain('There is no field {name}.')
        expect(summary).toContain('{reference}, {title}, {category}, {department}, {date}')
        expect(summary).toContain('Choose a status from the list')
      } else {
        expect(summary).toContain('Τα πεδία {name}, {street} δεν υπάρχουν.')
        expect(summary).toContain('Το πεδίο {name} δεν υπάρχει.')
      }
      expect(formFields(response.text, '/staff/admin/response-templates/new')).toMatchObject({
        titleEl: 'Λάθος',
        bodyEl: 'Γεια σας {name}, η αναφορά {reference} στη {street}.',
      })
    }
    expect(await ctx.db('response_templates').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('refuses braces that are not one placeholder each, such as {{reference}} or {title', async () => {
    const { agent } = await admin()
    for (const body of ['Η αναφορά {{reference}}.', 'Η αναφορά {title.', 'Η αναφορά reference}.']) {
      const response = await submitForm(
        agent,
        '/staff/admin/response-templates/new',
        '/staff/admin/response-templates/new',
        { status: '', titleEl: 'Λάθος', titleEn: 'Wrong', bodyEl: body, bodyEn: 'Report {reference}.' },
      )
      expect({ body, status: response.status }).toEqual({ body, status: 400 })
      expect(errorSummary(response.text)).toContain('Οι αγκύλες { } γράφονται μόνο γύρω από ένα από τα πεδία')
    }
    expect(await ctx.db('response_templates').count({ n: '*' })).toEqual([{ n: 0 }])
  })

  it('edits, deactivates and reactivates a template, each audited, and offers only active ones', async () => {
    const { agent } = await admin()
    const [template] = await ctx
      .db('response_templates')
      .insert({
        status: null,
        title_el: 'Ευχαριστούμε',
        title_en: 'Thanks',
        body_el: 'Ευχαριστούμε.',
        body_en: 'Thanks.',
      })
      .returning('id')
    const page = `/staff/admin/response-templates/${template.id}`
    const saved = await resubmit(agent, page, page, { status: 'resolved', titleEl: 'Λύθηκε' })
    expect(saved.headers.location).toBe(`${page}?done=saved`)
    const [changed] = await auditRows('catalogue.template_changed')
    expect(changed.before).toMatchObject({ status: null, titleEl: 'Ευχαριστούμε' })
    expect(changed.after).toMatchObject({ status: 'resolved', titleEl: 'Λύθηκε' })

    const report = await reportPage(agent)
    expect((await report.page()).text).toContain('Λύθηκε (Διεκπεραιώθηκε)')

    const deactivated = await resubmit(agent, page, `${page}/deactivate`)
    expect(deactivated.headers.location).toBe(`${page}?done=deactivated`)
    expect((await report.page()).text).not.toContain('Λύθηκε')
    expect((await agent.get('/staff/admin/response-templates')).text).toContain('Ανενεργό')

    const reactivated = await resubmit(agent, page, `${page}/reactivate`)
    expect(reactivated.headers.location).toBe(`${page}?done=reactivated`)
    expect((await report.page()).text).toContain('Λύθηκε (Διεκπεραιώθηκε)')
    expect((await auditRows('catalogue.template_deactivated')).map((row) => row.after)).toEqual([
      { active: false },
    ])
    expect((await auditRows('catalogue.template_reactivated')).map((row) => row.after)).toEqual([
      { active: true },
    ])
  })
})

describe('the audit log', () => {
  it('names the catalogue changes and links to the record', async () => {
    const { agent } = await admin()
    const id = await departmentIdOf('lighting')
    const page = `/staff/admin/departments/${id}`
    await resubmit(agent, page, page, { phone: '22510 50200' })
    const log = await agent.get('/staff/audit')
    expect(log.text).toContain('Αλλαγή υπηρεσίας')
    expect(log.text).toContain(`href="${page}"`)
    expect(log.text).toContain('22510 50200')
  })
})

describe('the reference seed at every start', () => {
  it('leaves departments and categories as an administrator left them and adds only missing codes', async () => {
    const { agent } = await admin()
    const id = await categoryIdOf(ctx.db, 'pothole')
    const page = `/staff/admin/categories/${id}`
    await resubmit(agent, page, page, {
      nameEl: 'Λακκούβα ή καθίζηση',
      noticeEl: 'Για καθίζηση με κίνδυνο καλέστε το 199.',
      noticeEn: 'For a dangerous subsidence call 199.',
      duplicateRadius: '120',
      active: 'no',
      q1_key: 'depth',
      q1_label_el: 'Πόσο βαθιά είναι;',
      q1_label_en: 'How deep is it?',
      q1_type: 'text',
    })
    const department = await departmentIdOf('cleaning')
    const departmentPage = `/staff/admin/departments/${department}`
    await resubmit(agent, departmentPage, departmentPage, { nameEl: 'Καθαριότητα' })
    const edited = await ctx.db('categories').where({ id }).first()
    const bench = await ctx.db('categories').where({ code: 'graffiti' }).first('id')
    await ctx.db('categories').where({ id: bench.id }).delete()

    await seedReferenceData(ctx.db)

    expect(await ctx.db('categories').where({ id }).first()).toEqual(edited)
    expect(edited).toMatchObject({
      name_el: 'Λακκούβα ή καθίζηση',
      duplicate_radius_m: 120,
      is_active: false,
    })
    expect((await ctx.db('departments').where({ id: department }).first()).name_el).toBe('Καθαριότητα')
    const restored = await ctx.db('categories').where({ code: 'graffiti' }).first()
    expect(restored.name_el).toBe(seededCategories.find((c) => c.code === 'graffiti')!.name_el)
    expect(await ctx.db('categories').count({ n: '*' })).toEqual([{ n: seededCategories.length }])
  })
})

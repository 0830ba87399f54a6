// Demo accounts and residents' reports across the streets of Mytilene, for presentations and
// local development. Never run in production.
import type { Knex } from 'knex'
import { hashPassword } from '../src/features/accounts/passwords'
import { athensYear } from '../src/lib/format'
import { demoReports } from './data/reports'
import { streets } from './data/places'
import { demoTemplates } from './data/templates'

export const DEMO_ACCOUNTS = [
  {
    email: 'citizen@demo.mytilene.gr',
    password: 'Demo-Citizen-2026',
    fullName: 'Ελένη Παπαδοπούλου',
    roles: ['citizen'],
  },
  {
    email: 'clerk@demo.mytilene.gr',
    password: 'Demo-Clerk-2026',
    fullName: 'Γιώργος Χατζηγιάννης',
    roles: ['citizen', 'clerk'],
  },
  {
    email: 'treasury@demo.mytilene.gr',
    password: 'Demo-Treasury-2026',
    fullName: 'Μαρία Κουτσούκου',
    roles: ['citizen', 'treasury'],
  },
  {
    email: 'secretariat@demo.mytilene.gr',
    password: 'Demo-Secretariat-2026',
    fullName: 'Νίκος Σταυρινός',
    roles: ['citizen', 'secretariat'],
  },
  {
    email: 'admin@demo.mytilene.gr',
    password: 'Demo-Admin-2026',
    fullName: 'Άννα Μαυροειδή',
    roles: ['citizen', 'admin'],
  },
] as const

/** Other fictional residents who filed the rest of the demo reports. */
const RESIDENTS = [
  'Δημήτρης Αλεξίου',
  'Κατερίνα Βαλσαμή',
  'Στρατής Ευαγγέλου',
  'Σοφία Καραμανλή',
  'Παναγιώτης Μολυβιάτης',
  'Ειρήνη Τσακίρη',
  'Emma Clarke',
]

const DAY = 24 * 60 * 60 * 1000

async function insertAccount(
  trx: Knex,
  email: string,
  password: string,
  fullName: string,
  roles: readonly string[],
) {
  const since = new Date(Date.now() - 400 * DAY)
  const [row] = await trx('users')
    .insert({
      email,
      password_hash: await hashPassword(password),
      full_name: fullName,
      terms_accepted_at: since,
      email_verified_at: since,
      created_at: since,
    })
    .returning('id')
  const id = Number((row as { id: number }).id)
  await trx('user_roles').insert(roles.map((role) => ({ user_id: id, role })))
  return id
}

export async function seedDemo(db: Knex, now = new Date()): Promise<void> {
  await db.transaction(async (trx) => {
    const accounts = new Map<string, number>()
    for (const account of DEMO_ACCOUNTS) {
      accounts.set(
        account.email,
        await insertAccount(trx, account.email, account.password, account.fullName, account.roles),
      )
    }
    const residentIds: number[] = []
    for (const [index, name] of RESIDENTS.entries()) {
      residentIds.push(
        await insertAccount(
          trx,
          `resident${index + 1}@demo.mytilene.gr`,
          `Demo-Resident-${index + 1}-2026`,
          name,
          ['citizen'],
        ),
      )
    }
    const citizenId = accounts.get('citizen@demo.mytilene.gr')!
    const clerkId = accounts.get('clerk@demo.mytilene.gr')!
    // The demo clerk works for the cleaning directorate.
    await trx('users')
      .where({ id: clerkId })
      .update({ department_id: trx('departments').where({ code: 'cleaning' }).select('id') })
    const categoryRows: { id: number; code: string; department_id: number }[] = await trx(
      'categories',
    ).select('id', 'code', 'department_id')
    const categoryByCode = new Map(categoryRows.map((row) => [row.code, row]))

    const ordered = demoReports
      .map((report, index) => ({
        report,
        index,
        createdAt: new Date(now.getTime() - report.days_ago * DAY - (index % 9) * 37 * 60 * 1000),
      }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    const counters = new Map<number, number>()
    for (const { report, index, createdAt } of ordered) {
      const category = categoryByCode.get(report.category)
      if (!category) throw new Error(`demo report: unknown category ${report.category}`)
      const street = streets.find((s) => s.name_el === report.street)
      const year = athensYear(createdAt)
      const number = (counters.get(year) ?? 0) + 1
      counters.set(year, number)
      const authorId = index % 5 === 1 ? citizenId : residentIds[index % residentIds.length]!
      const reference = `MYT-${year}-${String(number).padStart(5, '0')}`
      const [row] = await trx('reports')
        .insert({
          reference,
          kind: report.kind,
          category_id: category.id,
          department_id: category.department_id,
          author_id: authorId,
          title: report.title,
          description: report.description,
          address: report.number ? `${report.street} ${report.number}` : report.street,
          district: report.district,
          lat: street?.lat ?? null,
          lng: street?.lng ?? null,
          status: report.status,
          show_name: report.show_name,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .returning('id')
      const reportId = Number((row as { id: number }).id)
      await trx('report_events').insert({
        report_id: reportId,
        actor_id: authorId,
        type: 'created',
        to_status: 'submitted',
        created_at: createdAt,
      })
      let from = 'submitted'
      let updatedAt = createdAt
      let firstResponseAt: Date | null = null
      let resolvedAt: Date | null = null
      for (const update of report.updates) {
        const planned = now.getTime() - update.days_ago * DAY + (index % 7) * 53 * 60 * 1000
        const earliest = updatedAt.getTime() + 30 * 60 * 1000
        updatedAt = new Date(Math.min(now.getTime() - 5 * 60 * 1000, Math.max(earliest, planned)))
        await trx('report_events').insert({
          report_id: reportId,
          actor_id: clerkId,
          type: 'status_changed',
          from_status: from,
          to_status: update.status,
          public_message: update.message,
          created_at: updatedAt,
        })
        // Every staff action is in the audit log, the demo clerk's too.
        await trx('audit_log').insert({
          actor_id: clerkId,
          action: 'report.status_changed',
          entity_type: 'report',
          entity_id: reference,
          before: JSON.stringify({ status: from }),
          after: JSON.stringify({ status: update.status, publicMessage: update.message }),
          ip: '192.0.2.15',
          created_at: updatedAt,
        })
        from = update.status
        firstResponseAt ??= updatedAt
        resolvedAt = update.status === 'resolved' ? updatedAt : null
      }
      await trx('reports').where({ id: reportId }).update({
        updated_at: updatedAt,
        first_response_at: firstResponseAt,
        resolved_at: resolvedAt,
      })
    }
    for (const [year, last] of counters) {
      await trx('report_counters').insert({ year, last_number: last }).onConflict('year').merge()
    }

    await trx('response_templates').insert(demoTemplates)

    // Tax numbers waiting for a clerk at /staff/afm; the demo citizen has none, to claim one on stage.
    const afmClaims = [
      { resident: 0, afm: '135792468', evidence: 'counter', daysAgo: 3 },
      { resident: 1, afm: '047857348', evidence: null, daysAgo: 1 },
    ]
    for (const claim of afmClaims) {
      const at = new Date(now.getTime() - claim.daysAgo * DAY)
      await trx('afm_claims').insert({
        user_id: residentIds[claim.resident],
        afm: claim.afm,
        status: 'pending',
        evidence: claim.evidence,
        evidence_given_at: claim.evidence ? at : null,
        created_at: at,
        updated_at: at,
      })
    }
  })
}

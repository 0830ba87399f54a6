// A large synthetic set of residents' reports on top of the demo data, for measuring the lists at
// scale. Everything is generated in SQL (`generate_series`) inside one transaction, so tens of
// thousands of reports take seconds, on PostgreSQL and on the embedded engine alike.
//
// The spread: titles, descriptions, kinds and categories copied from the demo reports (Greek, with
// accents, a few in the non-public social support category), any street of the reference data with
// its district, creation times over the last two years, statuses by age (old reports mostly
// closed), first response and resolution times where the status implies them, a timeline
// ('created', then the status changes), 2% hidden by a moderator, some filed at the counter or by
// phone, a few without a position, some duplicates. Random numbers come from a fixed seed, so
// two runs with the same count generate the same reports.
import type { Knex } from 'knex'
import { demoReports } from '../seeds/data/reports'

const templates = demoReports.map(({ kind, category, title, description }) => ({
  kind,
  category,
  title,
  description,
}))

export async function generateReports(db: Knex, count: number): Promise<void> {
  await db.transaction(async (trx) => {
    const [base] = await trx('reports').max({ id: 'id' })
    const firstId = Number(base?.id ?? 0)
    await trx.raw('SELECT setseed(0.2026)')
    await trx.raw(
      `
      WITH t AS (
        SELECT row_number() OVER (ORDER BY x.ord) AS n, x.kind, c.id AS category_id, c.department_id,
               x.title, x.description
        FROM ROWS FROM (jsonb_to_recordset(?::jsonb) AS (kind text, category text, title text, description text))
             WITH ORDINALITY AS x(kind, category, title, description, ord)
        JOIN categories c ON c.code = x.category
      ),
      s AS (
        SELECT row_number() OVER (ORDER BY id) AS n, name_el, district_code, lat, lng FROM streets
      ),
      people AS (
        SELECT array_agg(u.id ORDER BY u.id) AS ids FROM users u
        WHERE NOT EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role <> 'citizen')
      ),
      clerk AS (SELECT id FROM users WHERE email = 'clerk@demo.mytilene.gr'),
      g AS (
        SELECT i,
               date_trunc('second', now() - interval '2 hours' - random() * interval '730 days')
                 + random() * interval '1 second' AS created_at,
               1 + floor(random() * (SELECT count(*) FROM t))::int AS tn,
               1 + floor(random() * (SELECT count(*) FROM s))::int AS sn,
               random() AS u_status, random() AS u_resp, random() AS u_res, random() AS u_hide,
               random() AS u_chan, random() AS u_geo, random() AS u_lat, random() AS u_lng,
               random() AS u_person, random() AS u_num
        FROM generate_series(1, ?::int) AS i
      ),
      aged AS (
        SELECT g.*, extract(epoch FROM now() - g.created_at) / 86400 AS age_days FROM g
      ),
      statused AS (
        SELECT aged.*,
          CASE
            WHEN age_days < 7 THEN CASE WHEN u_status < 0.5 THEN 'submitted' WHEN u_status < 0.75 THEN 'acknowledged'
              WHEN u_status < 0.95 THEN 'in_progress' ELSE 'resolved' END
            WHEN age_days < 60 THEN CASE WHEN u_status < 0.1 THEN 'submitted' WHEN u_status < 0.25 THEN 'acknowledged'
              WHEN u_status < 0.55 THEN 'in_progress' WHEN u_status < 0.9 THEN 'resolved'
              WHEN u_status < 0.97 THEN 'rejected' ELSE 'duplicate' END
            ELSE CASE WHEN u_status < 0.03 THEN 'submitted' WHEN u_status < 0.06 THEN 'acknowledged'
              WHEN u_status < 0.15 THEN 'in_progress' WHEN u_status < 0.85 THEN 'resolved'
              WHEN u_status < 0.95 THEN 'rejected' ELSE 'duplicate' END
          END AS status,
          CASE WHEN u_chan < 0.9 THEN 'web' WHEN u_chan < 0.96 THEN 'counter' ELSE 'phone' END AS channel
        FROM aged
      ),
      timed AS (
        SELECT statused.*,
          CASE WHEN status <> 'submitted' THEN least(created_at + (0.5 + u_resp * u_resp * 240) * interval '1 hour',
            now() - interval '1 minute') END AS first_response_at
        FROM statused
      ),
      rows AS (
        SELECT timed.*,
          CASE WHEN status = 'resolved' THEN least(first_response_at + (1 + u_res * u_res * 1000) * interval '1 hour',
            now()) END AS resolved_at,
          extract(year FROM created_at AT TIME ZONE 'Europe/Athens')::int AS year
        FROM timed
      )
      INSERT INTO reports (reference, kind, category_id, department_id, author_id, title, description,
        address, district, lat, lng, status, show_name, is_hidden, hidden_reason, channel, caller_name,
        filed_by_id, created_at, updated_at, first_response_at, resolved_at)
      SELECT
        'MYT-' || r.year || '-' || lpad((coalesce(rc.last_number, 0)
          + row_number() OVER (PARTITION BY r.year ORDER BY r.created_at, r.i))::text, 5, '0'),
        t.kind, t.category_id, t.department_id,
        CASE WHEN r.channel = 'web' THEN people.ids[1 + floor(r.u_person * array_length(people.ids, 1))::int] END,
        t.title, t.description,
        s.name_el || ' ' || (1 + floor(r.u_num * 120))::int, s.district_code,
        CASE WHEN r.u_geo < 0.9 AND s.lat IS NOT NULL THEN s.lat + (r.u_lat - 0.5) * 0.002 END,
        CASE WHEN r.u_geo < 0.9 AND s.lng IS NOT NULL THEN s.lng + (r.u_lng - 0.5) * 0.002 END,
        r.status, r.u_person < 0.3,
        r.u_hide < 0.02, CASE WHEN r.u_hide < 0.02 THEN 'Περιέχει προσωπικά δεδομένα τρίτου.' END,
        r.channel, CASE WHEN r.channel <> 'web' THEN 'Καλών πολίτης' END,
        CASE WHEN r.channel <> 'web' THEN (SELECT id FROM clerk) END,
        r.created_at, coalesce(r.resolved_at, r.first_response_at, r.created_at),
        r.first_response_at, r.resolved_at
      FROM rows r
      JOIN t ON t.n = r.tn
      JOIN s ON s.n = r.sn
      CROSS JOIN people
      LEFT JOIN report_counters rc ON rc.year = r.year
      ORDER BY r.created_at, r.i`,
      [JSON.stringify(templates), count],
    )

    // The timeline: created by the author (or the clerk who filed it), then the municipality's steps.
    await trx.raw(
      `INSERT INTO report_events (report_id, actor_id, type, to_status, created_at)
       SELECT id, coalesce(author_id, filed_by_id), 'created', 'submitted', created_at FROM reports WHERE id > ?`,
      [firstId],
    )
    await trx.raw(
      `INSERT INTO report_events (report_id, actor_id, type, from_status, to_status, public_message, created_at)
       SELECT r.id, (SELECT id FROM users WHERE email = 'clerk@demo.mytilene.gr'), 'status_changed', 'submitted',
              CASE WHEN r.status = 'resolved' THEN 'in_progress' ELSE r.status END,
              'Η αναφορά σας εξετάζεται από την αρμόδια υπηρεσία.', r.first_response_at
       FROM reports r WHERE r.id > ? AND r.first_response_at IS NOT NULL`,
      [firstId],
    )
    await trx.raw(
      `INSERT INTO report_events (report_id, actor_id, type, from_status, to_status, public_message, created_at)
       SELECT r.id, (SELECT id FROM users WHERE email = 'clerk@demo.mytilene.gr'), 'status_changed', 'in_progress',
              'resolved', 'Η εργασία ολοκληρώθηκε. Ευχαριστούμε για την αναφορά.', r.resolved_at
       FROM reports r WHERE r.id > ? AND r.resolved_at IS NOT NULL`,
      [firstId],
    )
    // A duplicate points at an earlier report.
    await trx.raw(
      `UPDATE reports SET duplicate_of = id - 1 - id % 17 WHERE id > ? AND status = 'duplicate'`,
      [firstId + 20],
    )
    await trx.raw(
      `INSERT INTO report_counters (year, last_number)
       SELECT split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int)
       FROM reports GROUP BY 1
       ON CONFLICT (year) DO UPDATE SET last_number = excluded.last_number`,
    )
  })
  // What autovacuum does on a live database after many inserts: fresh planner statistics, and the
  // visibility map that lets counts read an index alone.
  await db.raw('VACUUM ANALYZE reports')
  await db.raw('VACUUM ANALYZE report_events')
}

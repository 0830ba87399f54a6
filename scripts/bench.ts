// Measures how long the main pages take to answer, on the embedded engine or on PostgreSQL.
// Usage: npx tsx scripts/bench.ts [requests-per-page] [--reports N]   (DATABASE_URL selects PostgreSQL)
// Starts its own app on a random port with a fresh database filled with the demo data and, with
// --reports, N generated reports on top (see bench-data.ts).
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../src/app'
import { loadConfig } from '../src/config'
import { createDb, migrateToLatest } from '../src/db'
import { createLogger } from '../src/web/logging'
import { seedDemo } from '../seeds/demo'
import { seedReferenceData } from '../seeds/reference'
import { generateReports } from './bench-data'

const args = process.argv.slice(2)
const reportsFlag = args.indexOf('--reports')
const extraReports = reportsFlag >= 0 ? Number(args[reportsFlag + 1]) : 0
const reportsValue = reportsFlag >= 0 ? reportsFlag + 1 : -1
const perPage = Number(args.find((arg, index) => index !== reportsValue && /^\d+$/.test(arg)) ?? 200)
if (reportsFlag >= 0 && !(Number.isInteger(extraReports) && extraReports > 0)) {
  throw new Error('--reports needs a positive whole number')
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mytilene-bench-'))
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' })
  const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: 'memory://' })
  await migrateToLatest(db)
  if ((await db('users').count({ n: '*' }))[0]?.n === 0) {
    await seedReferenceData(db)
    await seedDemo(db)
    if (extraReports) {
      const t0 = performance.now()
      await generateReports(db, extraReports)
      console.log(`generated ${extraReports} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    }
  }
  const [reportCount] = await db('reports').count({ n: '*' })
  const app = createApp({ config, db, logger: createLogger('silent') })
  const server = app.listen(0)
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const login = await fetch(`${base}/login`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!
  const signIn = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'clerk@demo.mytilene.gr', password: 'Demo-Clerk-2026', _csrf: token }),
  })
  const session = signIn.headers.get('set-cookie')!.split(';')[0]!

  /** The queue's page reached by following its "next" link `steps` times, as a clerk would. */
  async function queuePageAfter(start: string, steps: number): Promise<string> {
    let page = start
    for (let step = 0; step < steps; step += 1) {
      const html = await (await fetch(`${base}${page}`, { headers: { cookie: session } })).text()
      const next = /href="([^"]+)" rel="next"/.exec(html)?.[1]
      if (!next) break
      page = next.replace(/&amp;/g, '&')
    }
    return page
  }

  const pages: [string, string, string | undefined][] = [
    ['/', '/', undefined],
    ['/healthz', '/healthz', undefined],
    ['/login', '/login', undefined],
    ['/public/reports', '/public/reports', undefined],
    ['/public/reports?page=100', '/public/reports?page=100', undefined],
    ['/public/reports?q=λακκουβα', '/public/reports?q=λακκουβα', undefined],
    ['/public/reports/map.json', '/public/reports/map.json', undefined],
    ['/public/reports/feed.atom', '/public/reports/feed.atom', undefined],
    ['/public/reports/feed.json', '/public/reports/feed.json', undefined],
    ['/staff/reports', '/staff/reports', session],
    ['/staff/reports?scope=all', '/staff/reports?scope=all', session],
    ['/staff/reports?scope=all, 40 × next', await queuePageAfter('/staff/reports?scope=all', 40), session],
    [
      '/staff/reports?scope=all&sort=status, 40 × next',
      await queuePageAfter('/staff/reports?scope=all&sort=status', 40),
      session,
    ],
    ['/staff/reports?scope=all&q=λακκουβα', '/staff/reports?scope=all&q=λακκουβα', session],
    ['/staff/dashboard', '/staff/dashboard', session],
    ['/staff/dashboard?scope=all', '/staff/dashboard?scope=all', session],
    ['/reports/new/category', '/reports/new/category', session],
  ]
  const engine = config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'
  console.log(
    `${engine}, ${reportCount?.n} reports, ${perPage} sequential requests per page, node ${process.version}`,
  )
  console.log('page'.padEnd(50), 'median ms'.padStart(10), 'p95 ms'.padStart(8), 'req/s'.padStart(8))
  for (const [label, page, auth] of pages) {
    const times: number[] = []
    const started = performance.now()
    for (let i = 0; i < perPage; i += 1) {
      const t0 = performance.now()
      const response = await fetch(`${base}${page}`, { headers: auth ? { cookie: auth } : {} })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`)
      times.push(performance.now() - t0)
    }
    const total = (performance.now() - started) / 1000
    times.sort((a, b) => a - b)
    console.log(
      label.padEnd(50),
      percentile(times, 50).toFixed(1).padStart(10),
      percentile(times, 95).toFixed(1).padStart(8),
      (perPage / total).toFixed(0).padStart(8),
    )
  }
  server.close()
  await db.destroy()
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})

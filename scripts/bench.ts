// Measures how long the main pages take to answer, on the embedded engine or on PostgreSQL.
// Usage: npx tsx scripts/bench.ts [requests-per-page]      (DATABASE_URL selects PostgreSQL)
// Starts its own app on a random port with a fresh database filled with the demo data.
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

const perPage = Number(process.argv[2] ?? 200)

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
  }
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

  const pages: [string, string | undefined][] = [
    ['/', undefined],
    ['/healthz', undefined],
    ['/login', undefined],
    ['/public/reports', undefined],
    ['/public/reports/map.json', undefined],
    ['/public/reports/feed.atom', undefined],
    ['/staff/reports', session],
    ['/staff/reports?scope=all&q=λακκουβα', session],
    ['/staff/dashboard?scope=all', session],
    ['/reports/new/category', session],
  ]
  const engine = config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'
  console.log(`${engine}, ${perPage} sequential requests per page, node ${process.version}`)
  console.log('page'.padEnd(40), 'median ms'.padStart(10), 'p95 ms'.padStart(8), 'req/s'.padStart(8))
  for (const [page, auth] of pages) {
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
      page.padEnd(40),
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

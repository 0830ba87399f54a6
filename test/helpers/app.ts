import type { Router } from 'express'
import request from 'supertest'
import { createApp } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import type { Db } from '../../src/db'
import { createLogger } from '../../src/web/logging'
import { openTestDb } from './db'

export type TestContext = {
  app: ReturnType<typeof createApp>
  db: Db
  config: Config
  close: () => Promise<void>
}

export async function startTestApp(extraRoutes?: Router): Promise<TestContext> {
  const db = await openTestDb()
  const config = loadConfig({ ...process.env, DATA_DIR: '/tmp/mytilene-test-data' })
  const logger = createLogger(process.env.LOG_LEVEL ?? 'silent')
  const app = createApp({ config, db, logger }, extraRoutes)
  return { app, db, config, close: () => db.destroy() }
}

export type Agent = ReturnType<typeof request.agent>

/** The CSRF token of the first form on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSRF token on the page')
  return match[1]
}

/** GETs a page with a form and POSTs the fields with the page's CSRF token. */
export async function submitForm(
  agent: Agent,
  formPage: string,
  action: string,
  fields: Record<string, string>,
) {
  const page = await agent.get(formPage)
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) })
}

export async function signIn(agent: Agent, email: string, password: string) {
  const response = await submitForm(agent, '/login', '/login', { email, password })
  if (response.status !== 302) throw new Error(`sign-in of ${email} failed with ${response.status}`)
  return response
}

export function sessionCookie(response: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? []
  return cookies.find((cookie) => cookie.startsWith('mytilene.sid='))?.split(';')[0]
}

export async function useEnglish(agent: Agent): Promise<void> {
  await agent.get('/language/en?next=/')
}

/** The report reference in a redirect to /reports/new/filed/REF or /staff/reports/REF. */
export function referenceFrom(response: { headers: Record<string, unknown> }): string {
  const location = String(response.headers.location ?? '')
  const match = /\/(?:reports|filed)\/(MYT-\d{4}-\d{5})/.exec(location)
  if (!match?.[1]) throw new Error(`no report reference in ${location}`)
  return match[1]
}
